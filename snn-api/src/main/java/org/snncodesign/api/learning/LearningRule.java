package org.snncodesign.api.learning;

import java.util.Map;
import org.snncodesign.api.plugin.Plugin;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * A local synaptic learning rule (STDP and its variants): changes the weights of existing synapses
 * from pre- and postsynaptic spike timing. Rules that also remove synapses report them through the
 * returned update.
 */
public interface LearningRule extends Plugin {

  /** Parameter names with defaults (e.g. {@code a_plus}, {@code tau_plus} in seconds). */
  Map<String, Double> defaultParameters();

  /**
   * Applies the rule over one presentation.
   *
   * @param pre presynaptic spikes, {@code T x weights.rows()}
   * @param post postsynaptic spikes, {@code T x weights.cols()}
   * @param weights synapses pre -> post, updated in place
   * @param dt time step in seconds
   * @param parameters values overriding {@link #defaultParameters()}
   * @return what changed
   */
  WeightUpdate apply(
      SpikeRaster pre,
      SpikeRaster post,
      CsrMatrix weights,
      double dt,
      Map<String, Double> parameters);

  /**
   * Summary of one application.
   *
   * @param potentiated synapses whose weight grew
   * @param depressed synapses whose weight shrank
   * @param totalChange sum of absolute weight changes
   */
  record WeightUpdate(int potentiated, int depressed, double totalChange) {}
}
