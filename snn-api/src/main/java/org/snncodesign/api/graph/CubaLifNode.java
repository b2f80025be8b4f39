package org.snncodesign.api.graph;

/**
 * The current-based leaky integrate-and-fire neuron (NIR {@code CubaLIF}): {@code tau_syn dI/dt =
 * -I + w_in S}, {@code tau_mem dv/dt = (v_leak - v) + r I}; a spike when {@code v > v_threshold},
 * then {@code v = v_reset}.
 *
 * @param tauSyn synaptic time constant per neuron, seconds, > 0
 * @param tauMem membrane time constant per neuron, seconds, > 0
 * @param r resistance per neuron
 * @param vLeak leak (resting) potential per neuron
 * @param vThreshold firing threshold per neuron
 * @param vReset reset potential per neuron (0 in files that predate it)
 * @param wIn input weight per neuron
 */
public record CubaLifNode(
    Tensor tauSyn,
    Tensor tauMem,
    Tensor r,
    Tensor vLeak,
    Tensor vThreshold,
    Tensor vReset,
    Tensor wIn)
    implements NeuronNode {
  private static final String[] NAMES = {
    "tau_syn", "tau_mem", "r", "v_leak", "v_threshold", "v_reset", "w_in"
  };

  public CubaLifNode {
    NodeChecks.sameShapes("CubaLIF", NAMES, tauSyn, tauMem, r, vLeak, vThreshold, vReset, wIn);
    NodeChecks.positive(tauSyn, "CubaLIF", "tau_syn");
    NodeChecks.positive(tauMem, "CubaLIF", "tau_mem");
  }

  @Override
  public String nirType() {
    return "CubaLIF";
  }

  @Override
  public Shape shape() {
    return tauMem.shape();
  }

  @Override
  public boolean spiking() {
    return true;
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(tauSyn, tauMem, r, vLeak, vThreshold, vReset, wIn);
  }
}
