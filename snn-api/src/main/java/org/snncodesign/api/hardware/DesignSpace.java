package org.snncodesign.api.hardware;

import java.util.List;

/**
 * A discrete accelerator design space: a design point is a genome, one choice index per {@link
 * DesignParameter}. An accelerator offers the space around its own design point through {@link
 * Accelerator#designSpace()}, so that a co-search can explore any model without knowing its type. A
 * space whose designs must share a budget the search does not check (an ASIC model's adder count,
 * say) holds it by construction and says so.
 */
public interface DesignSpace {

  /** Name of the accelerator family searched, e.g. {@code spikex-systolic}. */
  String name();

  /** The parameters, in genome order. */
  List<DesignParameter> parameters();

  /** The accelerator of one genome ({@code genes[k]} indexes the values of parameter {@code k}). */
  Accelerator build(int[] genes);

  /**
   * The accelerator of one genome, sized for {@code workload} where the family's datapath follows
   * the network (e.g. an array that stores every weight at one width takes the network's widest
   * layer). By default the workload does not matter.
   */
  default Accelerator build(int[] genes, Workload workload) {
    return build(genes);
  }
}
