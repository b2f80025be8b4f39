package org.snncodesign.fpga.search;

import java.util.List;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.Workload;

/**
 * The network side of a joint network x accelerator search: genes (e.g. per-layer weight sparsity
 * and bit width) that turn the trained network into a variant, whose workload the accelerator genes
 * are then priced on and whose accuracy the search constrains. The network itself lives outside
 * this module (the hardware models depend on the API only); an implementation prunes, quantises and
 * runs it.
 *
 * <p>{@link CoSearch} evaluates each distinct network genome once per search, possibly on several
 * threads at once, and shares the result between every accelerator design paired with it, so {@link
 * #variant} must be thread-safe and deterministic.
 */
public interface NetworkSpace {

  /** Name of the network, for reports. */
  String name();

  /** The network genes, in genome order; empty when the network is fixed. */
  List<DesignParameter> parameters();

  /**
   * The version of the network one genome selects ({@code genes[k]} indexes the values of parameter
   * {@code k}).
   */
  NetworkVariant variant(int[] genes);

  /**
   * The unmodified network: what the baseline design is priced on and the accuracy the constraint
   * is relative to.
   */
  NetworkVariant reference();

  /**
   * The genome of the {@linkplain #reference() unmodified network}. By convention the first value
   * of every network parameter leaves the network as it is, so the default is all zeros; override
   * when that does not hold. {@link CoSearch} pairs half its random designs with it, so the search
   * starts from variants that meet any accuracy floor the unmodified network meets.
   */
  default int[] referenceGenes() {
    return new int[parameters().size()];
  }

  /** A fixed workload and no network genes: the search is then over the accelerator alone. */
  static NetworkSpace fixed(Workload workload) {
    NetworkVariant only = NetworkVariant.of(workload);
    return new NetworkSpace() {
      @Override
      public String name() {
        return workload.name();
      }

      @Override
      public List<DesignParameter> parameters() {
        return List.of();
      }

      @Override
      public NetworkVariant variant(int[] genes) {
        org.snncodesign.api.Checks.checkArgument(
            genes.length == 0, "a fixed workload has no genes, got %d", genes.length);
        return only;
      }

      @Override
      public NetworkVariant reference() {
        return only;
      }
    };
  }
}
