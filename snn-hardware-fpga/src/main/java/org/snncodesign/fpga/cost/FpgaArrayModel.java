package org.snncodesign.fpga.cost;

import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.Checks;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.fpga.resources.FpgaCostTable;

/**
 * What the FPGA array models share as accelerator plugins: a design point and the {@link
 * FpgaCostTable} that turns its PEs and buffers into LUT, FF, BRAM and DSP counts.
 *
 * @param <C> the design point's type
 */
public abstract class FpgaArrayModel<C> implements Accelerator {
  /** The design point. */
  protected final C config;

  /** Fabric costs of the target device family. */
  protected final FpgaCostTable costs;

  protected FpgaArrayModel(C config, FpgaCostTable costs) {
    Checks.checkArgument(config != null && costs != null, "config and cost table must be given");
    this.config = config;
    this.costs = costs;
  }

  /** The design point this model evaluates. */
  public C config() {
    return config;
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 1);
  }
}
