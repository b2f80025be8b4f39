package org.snncodesign.api.graph;

/**
 * The integrator (NIR {@code I}): {@code dv/dt = r I}, no leak, no spike; its output is {@code v}.
 *
 * @param r resistance per neuron
 */
public record IntegratorNode(Tensor r) implements NeuronNode {
  private static final String[] NAMES = {"r"};

  public IntegratorNode {
    NodeChecks.sameShapes("I", NAMES, r);
  }

  @Override
  public String nirType() {
    return "I";
  }

  @Override
  public Shape shape() {
    return r.shape();
  }

  @Override
  public boolean spiking() {
    return false;
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(r);
  }
}
