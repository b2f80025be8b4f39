package org.snncodesign.api.graph;

/**
 * The integrate-and-fire neuron (NIR {@code IF}): {@code dv/dt = r I}; a spike when {@code v >
 * v_threshold}, then {@code v = v_reset}.
 *
 * @param r resistance per neuron
 * @param vThreshold firing threshold per neuron
 * @param vReset reset potential per neuron (0 in files that predate it)
 */
public record IfNode(Tensor r, Tensor vThreshold, Tensor vReset) implements NeuronNode {
  private static final String[] NAMES = {"r", "v_threshold", "v_reset"};

  public IfNode {
    NodeChecks.sameShapes("IF", NAMES, r, vThreshold, vReset);
  }

  @Override
  public String nirType() {
    return "IF";
  }

  @Override
  public Shape shape() {
    return r.shape();
  }

  @Override
  public boolean spiking() {
    return true;
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(r, vThreshold, vReset);
  }
}
