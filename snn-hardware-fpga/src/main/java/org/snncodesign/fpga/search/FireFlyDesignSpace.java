package org.snncodesign.fpga.search;

import java.util.List;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.ListedDesignSpace;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlySArray;

/**
 * The FireFly-S-style array's space: PE rows 1..16, columns 4..128, detector width 8..64, 1..8
 * lanes, pipelining on or off, weight buffer 64 KB..2 MB; weight bits, clock, DRAM port and static
 * power from {@code base}.
 *
 * <p>The array stores every weight at one width. {@link #build(int[], Workload)} sets that width to
 * the network's widest layer when it is a quantised width (at most 16 bits), so that a network
 * variant with 2-bit or 8-bit weights is priced at its own width; float networks (32 bits) keep the
 * base width, i.e. are priced as if quantised to it.
 */
public final class FireFlyDesignSpace extends ListedDesignSpace<FireFlyConfig> {
  /** Widest weight the array's width can follow (FireFlyConfig's own limit). */
  static final int MAX_WEIGHT_BITS = 16;

  private static final List<DesignParameter> PARAMETERS =
      List.of(
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
  protected Accelerator decode(int[] genes) {
    return new FireFlySArray(config(genes));
  }

  @Override
  public Accelerator build(int[] genes, Workload workload) {
    checkLength(genes);
    int widest =
        workload.layers().stream()
            .mapToInt(LayerWorkload::weightBits)
            .max()
            .orElse(base.weightBits());
    FireFlyConfig c = config(genes);
    if (widest > MAX_WEIGHT_BITS || widest == c.weightBits()) {
      return new FireFlySArray(c);
    }
    return new FireFlySArray(
        new FireFlyConfig(
            c.peRows(),
            c.peCols(),
            c.detectorWidth(),
            c.lanes(),
            widest,
            c.pipelined(),
            c.weightBufferBytes(),
            c.dspAccumulate(),
            c.clockHz(),
            c.dramBytesPerCycle(),
            c.staticPowerWatts()));
  }

  private FireFlyConfig config(int[] genes) {
    return base.withArray(value(genes, 0), value(genes, 1))
        .withDetector(value(genes, 2), value(genes, 3))
        .withPipelining(Boolean.parseBoolean(text(genes, 4)))
        .withWeightBuffer(value(genes, 5));
  }
}
