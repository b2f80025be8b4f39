package org.snncodesign.fpga.search;

import java.util.List;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.Workload;

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

  /**
   * The accelerator of one genome, sized for {@code workload} where the family's datapath follows the network
   * (e.g. an array that stores every weight at one width takes the network's widest layer). By default the workload
   * does not matter.
   */
  default Accelerator build(int[] genes, Workload workload) {
    return build(genes);
  }
}
