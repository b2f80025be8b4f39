package org.snncodesign.fpga.search;

import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlySArray;
import org.snncodesign.fpga.systolic.Dataflow;
import org.snncodesign.fpga.systolic.SpikeXSystolicArray;
import org.snncodesign.fpga.systolic.SystolicConfig;

/** The stated baseline designs against which co-search reports its EDP reduction. */
public final class Baselines {
  private Baselines() {}

  /**
   * A conventional small systolic array: 8 x 8 PEs, weight-stationary, no time batching (weights reloaded every
   * step), 8 KB weight, 2 KB spike and 2 KB output buffers, otherwise {@link SystolicConfig#DEFAULT}.
   */
  public static SpikeXSystolicArray systolic() {
    return new SpikeXSystolicArray(SystolicConfig.DEFAULT.withArray(8, 8).withDataflow(Dataflow.WEIGHT_STATIONARY)
        .withTimeBatch(1).withBuffers(8 << 10, 2 << 10, 2 << 10));
  }

  /** FireFly-S-style array with 1 x 8 PEs, 8-bit detector, one lane, no pipelining, 64 KB weight buffer. */
  public static FireFlySArray fireFly() {
    return new FireFlySArray(FireFlyConfig.DEFAULT.withArray(1, 8).withDetector(8, 1).withPipelining(false)
        .withWeightBuffer(64 << 10));
  }
}
