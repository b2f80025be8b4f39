package org.snncodesign.spmm.model;

import java.util.List;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.ListedDesignSpace;

/**
 * The SpikedGustavson family's space at the base design's budget of adders and fetch lanes: the
 * base's {@code PEs x mergeWidth} adders (64 by default) and {@code PEs x fetchUnits x fetchWidth}
 * weight-fetch lanes (128) split over 4 to 64 PEs with one or two fetch units each. A search then
 * asks how to arrange the same hardware, not whether more of it helps (with static energy excluded,
 * a bigger ASIC always wins, and the model has no area budget to stop it). Buffers, clock and DRAM
 * come from the base design.
 */
public final class SpikedGustavsonDesignSpace extends ListedDesignSpace<SpikedGustavsonConfig> {
  private static final List<DesignParameter> PARAMETERS =
      List.of(
          DesignParameter.ofInts("processing_elements", 4, 8, 16, 32, 64),
          DesignParameter.ofInts("fetch_units_per_pe", 1, 2));

  public SpikedGustavsonDesignSpace(SpikedGustavsonConfig base) {
    super("spiked-gustavson", PARAMETERS, base);
  }

  @Override
  protected Accelerator decode(int[] genes) {
    int pes = value(genes, 0);
    int units = value(genes, 1);
    int adders = base.processingElements() * base.mergeWidth();
    int lanes = base.processingElements() * base.fetchUnitsPerPe() * base.fetchWidth();
    return new SpikedGustavsonAccelerator(
        SpikedGustavsonConfig.builder()
            .processingElements(pes)
            .fetchUnitsPerPe(units)
            .fetchWidth(Math.max(1, lanes / (pes * units)))
            .mergeWidth(Math.max(1, adders / pes))
            .drainWidth(base.drainWidth())
            .accumulatorEntries(base.accumulatorEntries())
            .weightBufferBytes(base.weightBufferBytes())
            .spikeBufferBytes(base.spikeBufferBytes())
            .indexBits(base.indexBits())
            .dramBytesPerSecond(base.dramBytesPerSecond())
            .clockHz(base.clockHz())
            .build());
  }
}
