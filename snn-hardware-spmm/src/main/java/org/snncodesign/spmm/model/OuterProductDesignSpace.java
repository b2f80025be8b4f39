package org.snncodesign.spmm.model;

import java.util.List;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.ListedDesignSpace;

/**
 * The outer-product baseline's space at the base design's lane budget: its {@code PEs x
 * productWidth} lanes (64 by default) as 4 to 64 PEs, each merging as wide as it multiplies.
 * Partial buffer, clock and DRAM come from the base design.
 */
public final class OuterProductDesignSpace extends ListedDesignSpace<OuterProductConfig> {
  private static final List<DesignParameter> PARAMETERS =
      List.of(DesignParameter.ofInts("processing_elements", 4, 8, 16, 32, 64));

  public OuterProductDesignSpace(OuterProductConfig base) {
    super("outer-product", PARAMETERS, base);
  }

  @Override
  protected Accelerator decode(int[] genes) {
    int pes = value(genes, 0);
    int width = Math.max(1, base.processingElements() * base.productWidth() / pes);
    return new OuterProductAccelerator(
        new OuterProductConfig(
            pes,
            width,
            width,
            base.partialBufferBytes(),
            base.indexBits(),
            base.dramBytesPerSecond(),
            base.clockHz()));
  }
}
