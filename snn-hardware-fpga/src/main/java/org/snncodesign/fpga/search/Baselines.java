package org.snncodesign.fpga.search;

import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlySArray;
import org.snncodesign.fpga.systolic.SpikeXSystolicArray;
import org.snncodesign.fpga.systolic.SystolicConfig;

/**
 * The stated baseline designs against which co-search reports its EDP reduction: each model's
 * default design.
 */
public final class Baselines {
  private Baselines() {}

  /**
   * {@link SystolicConfig#DEFAULT}: 16 x 16 PEs, weight-stationary, 4 time steps per weight load,
   * 64 KB weight, 16 KB spike and 16 KB output buffers, 200 MHz.
   */
  public static SpikeXSystolicArray systolic() {
    return new SpikeXSystolicArray(SystolicConfig.DEFAULT);
  }

  /**
   * {@link FireFlyConfig#DEFAULT}: 4 x 32 PEs per layer, 64-bit detector, one lane, pipelined, 512
   * KB weight buffer, 200 MHz.
   */
  public static FireFlySArray fireFly() {
    return new FireFlySArray(FireFlyConfig.DEFAULT);
  }
}
