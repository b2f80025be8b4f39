package org.snncodesign.api.graph;

/**
 * The leaky integrator (NIR {@code LI}): {@code tau dv/dt = (v_leak - v) + r I}; its output is
 * {@code v}.
 *
 * @param tau membrane time constant per neuron, seconds, > 0
 * @param r resistance per neuron
 * @param vLeak leak (resting) potential per neuron
 */
public record LiNode(Tensor tau, Tensor r, Tensor vLeak) implements NeuronNode {
  private static final String[] NAMES = {"tau", "r", "v_leak"};

  public LiNode {
    NodeChecks.sameShapes("LI", NAMES, tau, r, vLeak);
    NodeChecks.positive(tau, "LI", "tau");
  }

  @Override
  public String nirType() {
    return "LI";
  }

  @Override
  public Shape shape() {
    return tau.shape();
  }

  @Override
  public boolean spiking() {
    return false;
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(tau, r, vLeak);
  }
}
