package org.snncodesign.fpga.search;

import java.util.List;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlySArray;

/**
 * The FireFly-S-style array's space: PE rows 1..16, columns 4..128, detector width 8..64, 1..8 lanes, pipelining
 * on or off, weight buffer 64 KB..2 MB; weight bits, clock, DRAM port and static power from {@code base}.
 */
public final class FireFlyDesignSpace extends ListedDesignSpace<FireFlyConfig> {
  private static final List<DesignParameter> PARAMETERS = List.of(
      DesignParameter.ofInts("pe_rows", 1, 2, 4, 8, 16),
      DesignParameter.ofInts("pe_cols", 4, 8, 16, 32, 64, 128),
      DesignParameter.ofInts("detector_width", 8, 16, 32, 64),
      DesignParameter.ofInts("lanes", 1, 2, 4, 8),
      new DesignParameter("pipelined", List.of("true", "false")),
      DesignParameter.ofInts("weight_buffer_bytes", 64 << 10, 256 << 10, 512 << 10, 2 << 20));

  public FireFlyDesignSpace() {
    this(FireFlyConfig.DEFAULT);
  }

  public FireFlyDesignSpace(FireFlyConfig base) {
    super(FireFlySArray.NAME, PARAMETERS, base);
  }

  @Override
  Accelerator decode(int[] genes) {
    return new FireFlySArray(base.withArray(value(genes, 0), value(genes, 1))
        .withDetector(value(genes, 2), value(genes, 3))
        .withPipelining(Boolean.parseBoolean(text(genes, 4)))
        .withWeightBuffer(value(genes, 5)));
  }
}
