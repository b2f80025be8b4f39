package org.snncodesign.fpga.search;

import java.util.List;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.ListedDesignSpace;
import org.snncodesign.fpga.systolic.Dataflow;
import org.snncodesign.fpga.systolic.SpikeXSystolicArray;
import org.snncodesign.fpga.systolic.SystolicConfig;

/**
 * The SpikeX-style array's space: rows and columns 4..128, both dataflows, 1..16 time steps per
 * weight load, weight buffers 8 KB..1 MB, spike and output buffers 2..64 KB; clock, DRAM port and
 * static power from {@code base}.
 */
public final class SystolicDesignSpace extends ListedDesignSpace<SystolicConfig> {
  private static final List<DesignParameter> PARAMETERS =
      List.of(
          DesignParameter.ofInts("rows", 4, 8, 16, 32, 64, 128),
          DesignParameter.ofInts("cols", 4, 8, 16, 32, 64, 128),
          new DesignParameter("dataflow", List.of("ws", "os")),
          DesignParameter.ofInts("time_batch", 1, 2, 4, 8, 16),
          DesignParameter.ofInts(
              "weight_buffer_bytes", 8 << 10, 32 << 10, 128 << 10, 512 << 10, 1 << 20),
          DesignParameter.ofInts("spike_buffer_bytes", 2 << 10, 8 << 10, 32 << 10, 64 << 10),
          DesignParameter.ofInts("output_buffer_bytes", 2 << 10, 8 << 10, 32 << 10, 64 << 10));

  public SystolicDesignSpace() {
    this(SystolicConfig.DEFAULT);
  }

  public SystolicDesignSpace(SystolicConfig base) {
    super(SpikeXSystolicArray.NAME, PARAMETERS, base);
  }

  @Override
  protected Accelerator decode(int[] genes) {
    return new SpikeXSystolicArray(
        base.withArray(value(genes, 0), value(genes, 1))
            .withDataflow(Dataflow.parse(text(genes, 2)))
            .withTimeBatch(value(genes, 3))
            .withBuffers(value(genes, 4), value(genes, 5), value(genes, 6)));
  }
}
