package org.snncodesign.fpga.verilog;

import org.snncodesign.fpga.lsm.FixedPointLiquid;

/**
 * The cycle-level Java model of the exported LIF core ({@link LutLifVerilog}): one neuron of a
 * {@link FixedPointLiquid}, stepped by {@link FixedPointLiquid#updateNeuron} itself (so the RTL is
 * checked against the very arithmetic of the {@code lut-lsm} accelerator), plus the core's
 * reset/valid handshake and its registered spike output.
 */
public final class LutLifModel {
  private final FixedPointLiquid liquid;
  private final long[] v = new long[1];
  private final long[] ie = new long[1];
  private final long[] ii = new long[1];
  private final int[] hold = new int[1];
  private boolean spike;

  public LutLifModel(FixedPointLiquid liquid) {
    this.liquid = liquid;
  }

  /** Applies one clock edge. */
  public void step(LifStimulus in) {
    if (in.reset()) {
      v[0] = 0;
      ie[0] = 0;
      ii[0] = 0;
      hold[0] = 0;
      spike = false;
    } else if (in.valid()) {
      spike = liquid.updateNeuron(v, ie, ii, hold, 0, in.excitatory(), in.inhibitory());
    } else {
      spike = false;
    }
  }

  public boolean spike() {
    return spike;
  }

  public long potential() {
    return v[0];
  }

  public long excitatoryCurrent() {
    return ie[0];
  }

  public long inhibitoryCurrent() {
    return ii[0];
  }

  /** Remaining refractory steps. */
  public int refractory() {
    return hold[0];
  }
}
