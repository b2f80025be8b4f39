package org.snncodesign.api.graph;

/**
 * The leaky integrate-and-fire neuron (NIR {@code LIF}): {@code tau dv/dt = (v_leak - v) + r I}; a
 * spike when {@code v > v_threshold}, then {@code v = v_reset}.
 *
 * @param tau membrane time constant per neuron, seconds, > 0
 * @param r resistance per neuron
 * @param vLeak leak (resting) potential per neuron
 * @param vThreshold firing threshold per neuron
 * @param vReset reset potential per neuron (0 in files that predate it)
 */
public record LifNode(Tensor tau, Tensor r, Tensor vLeak, Tensor vThreshold, Tensor vReset)
    implements NeuronNode {
  private static final String[] NAMES = {"tau", "r", "v_leak", "v_threshold", "v_reset"};

  public LifNode {
    NodeChecks.sameShapes("LIF", NAMES, tau, r, vLeak, vThreshold, vReset);
    NodeChecks.positive(tau, "LIF", "tau");
  }

  @Override
  public String nirType() {
    return "LIF";
  }

  @Override
  public Shape shape() {
    return tau.shape();
  }

  @Override
  public boolean spiking() {
    return true;
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(tau, r, vLeak, vThreshold, vReset);
  }
}
