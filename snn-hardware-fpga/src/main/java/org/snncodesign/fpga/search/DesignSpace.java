package org.snncodesign.fpga.search;

import java.util.List;
import org.snncodesign.api.hardware.Accelerator;

/**
 * A discrete accelerator design space: a design point is a genome, one choice index per {@link DesignParameter}.
 */
public interface DesignSpace {

  /** Name of the accelerator family searched, e.g. {@code spikex-systolic}. */
  String name();

  /** The parameters, in genome order. */
  List<DesignParameter> parameters();

  /** The accelerator of one genome ({@code genes[k]} indexes the values of parameter {@code k}). */
  Accelerator build(int[] genes);
}
