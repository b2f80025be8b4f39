package org.snncodesign.spmm.model;

import java.util.List;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.ListedDesignSpace;

/**
 * The dense array's space at the base design's adder budget: its {@code rows x cols} adders (64 by
 * default) as 1 x 64 up to 64 x 1 arrays, i.e. the tile shape, the one choice that matters to a
 * dense array. Buffers, gating, clock and DRAM come from the base design.
 */
public final class DenseArrayDesignSpace extends ListedDesignSpace<DenseArrayConfig> {
  private static final List<DesignParameter> PARAMETERS =
      List.of(DesignParameter.ofInts("array_rows", 1, 2, 4, 8, 16, 32, 64));

  public DenseArrayDesignSpace(DenseArrayConfig base) {
    super("dense-array", PARAMETERS, base);
  }

  @Override
  protected Accelerator decode(int[] genes) {
    int rows = value(genes, 0);
    int adders = base.arrayRows() * base.arrayCols();
    return new DenseArrayAccelerator(
        new DenseArrayConfig(
            rows,
            Math.max(1, adders / rows),
            base.spikeBufferBytes(),
            base.spikeGating(),
            base.dramBytesPerSecond(),
            base.clockHz()));
  }
}
