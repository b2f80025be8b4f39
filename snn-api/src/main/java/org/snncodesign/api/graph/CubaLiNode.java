package org.snncodesign.api.graph;

/**
 * The current-based leaky integrator (NIR {@code CubaLI}): {@code tau_syn dI/dt = -I + w_in S},
 * {@code tau_mem dv/dt = (v_leak - v) + r I}; its output is {@code v}.
 *
 * @param tauSyn synaptic time constant per neuron, seconds, > 0
 * @param tauMem membrane time constant per neuron, seconds, > 0
 * @param r resistance per neuron
 * @param vLeak leak (resting) potential per neuron
 * @param wIn input weight per neuron
 */
public record CubaLiNode(Tensor tauSyn, Tensor tauMem, Tensor r, Tensor vLeak, Tensor wIn)
    implements NeuronNode {
  private static final String[] NAMES = {"tau_syn", "tau_mem", "r", "v_leak", "w_in"};

  public CubaLiNode {
    NodeChecks.sameShapes("CubaLI", NAMES, tauSyn, tauMem, r, vLeak, wIn);
    NodeChecks.positive(tauSyn, "CubaLI", "tau_syn");
    NodeChecks.positive(tauMem, "CubaLI", "tau_mem");
  }

  @Override
  public String nirType() {
    return "CubaLI";
  }

  @Override
  public Shape shape() {
    return tauMem.shape();
  }

  @Override
  public boolean spiking() {
    return false;
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(tauSyn, tauMem, r, vLeak, wIn);
  }
}
