package org.snncodesign.flow.lsm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.learning.LearningRule;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidSimulator;

/**
 * Unsupervised plasticity of a liquid's input synapses with any {@link LearningRule} plugin: each
 * training sample is presented once per epoch, the liquid runs with the current weights, and the
 * rule updates the input synapses from the input spikes (pre) and the liquid's spikes (post) of
 * that presentation, so the next presentation sees the changed weights. The recurrent synapses and
 * the liquid itself are left as they are; the result is a copy.
 */
public final class LiquidPlasticity {
  /**
   * The parameter a weight-bounded rule calls its upper bound; filled in from the liquid when not
   * given.
   */
  static final String W_MAX = "w_max";

  private LiquidPlasticity() {}

  /**
   * What the rule did.
   *
   * @param adapted the liquid with adapted input synapses
   * @param presentations samples presented, over all epochs
   * @param potentiated synapse changes upwards, summed over presentations
   * @param depressed synapse changes downwards, summed over presentations
   * @param totalChange sum of absolute weight changes
   * @param parameters the rule's parameters as applied
   */
  public record Result(
      Liquid adapted,
      int presentations,
      long potentiated,
      long depressed,
      double totalChange,
      Map<String, Double> parameters) {}

  /**
   * Adapts the input synapses of a copy of {@code liquid} on {@code inputs} for {@code epochs}
   * passes. {@code parameters} override the rule's defaults; a rule with a {@value #W_MAX}
   * parameter not given gets the liquid's largest input weight, so that the rule does not clip the
   * liquid's own weights at its first update.
   */
  public static Result adaptInputs(
      Liquid liquid,
      LearningRule rule,
      Map<String, Double> parameters,
      List<SpikeRaster> inputs,
      int epochs,
      int tailSteps) {
    Checks.positive(epochs, "epochs");
    Checks.checkArgument(!inputs.isEmpty(), "plasticity needs at least one input sample");
    Liquid adapted = liquid.copy();
    CsrMatrix weights = adapted.input();
    Map<String, Double> applied = new LinkedHashMap<>(rule.defaultParameters());
    applied.putAll(parameters);
    if (rule.defaultParameters().containsKey(W_MAX) && !parameters.containsKey(W_MAX)) {
      applied.put(W_MAX, (double) max(weights.values()));
    }
    LiquidSimulator simulator = new LiquidSimulator(adapted, tailSteps);
    double dt = liquid.parameters().dt();
    long potentiated = 0;
    long depressed = 0;
    double change = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (SpikeRaster input : inputs) {
        SpikeRaster post = simulator.raster(input);
        LearningRule.WeightUpdate update =
            rule.apply(padded(input, post.timeSteps()), post, weights, dt, applied);
        potentiated += update.potentiated();
        depressed += update.depressed();
        change += update.totalChange();
      }
    }
    return new Result(
        adapted, epochs * inputs.size(), potentiated, depressed, change, Map.copyOf(applied));
  }

  /** {@code input} followed by silent steps up to {@code steps}, the length of the liquid's run. */
  private static SpikeRaster padded(SpikeRaster input, int steps) {
    SpikeRaster out = new SpikeRaster(steps, input.neurons());
    System.arraycopy(input.words(), 0, out.words(), 0, input.words().length);
    return out;
  }

  private static float max(float[] values) {
    float max = 0;
    for (float v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
