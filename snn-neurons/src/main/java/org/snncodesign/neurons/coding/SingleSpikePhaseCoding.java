package org.snncodesign.neurons.coding;

import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeDecoder;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Single-spike phase coding with a configurable base, plugin name {@code phase1}, as in one-spike ANN-to-SNN
 * conversion (Hwang et al., "One-spike SNN: single-spike phase coding with base manipulation for ANN-to-SNN
 * conversion loss minimization"): each value is sent as at most one spike whose phase k carries it as a power of
 * the base B.
 *
 * <pre>
 *   levels L_k = B^-k, k = 0 .. K-1, plus 0 (no spike)
 *   x -&gt; the level nearest to x;  spike at step k for L_k, none for 0
 *   decode: first spike at step k -&gt; B^-k;  no spike -&gt; 0
 * </pre>
 *
 * <p>A base below 2 (e.g. 1.5) spaces the levels more finely at the price of more phases for the same range; the
 * relative error of any x &gt;= B^-(K-1) is at most (B - 1) / (B + 1). Options: {@code base} B (&gt; 1, default
 * 2), {@code phases} K (1 .. T, default T). {@link #resolution} is the largest absolute error over [0, 1]:
 * {@code max((1 - 1/B) / 2, B^-(K-1) / 2)}.
 */
public final class SingleSpikePhaseCoding implements SpikeEncoder, SpikeDecoder {
  static final String NAME = "phase1";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public SingleSpikePhaseCoding() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "single-spike phase coding: at most one spike, at phase k meaning base^-k (configurable base)";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  /** The base B of the levels. */
  public static double base(CodingParameters parameters) {
    double b = parameters.option("base", 2.0);
    if (!(b > 1 && Double.isFinite(b))) {
      throw new IllegalArgumentException("option base of coding 'phase1' must be finite and > 1, got " + b);
    }
    return b;
  }

  /** The number of phases K. */
  public static int phases(CodingParameters parameters) {
    return CodingChecks.intOption(NAME, parameters, "phases", parameters.timeSteps(), 1, parameters.timeSteps());
  }

  /** The phase whose level is nearest to {@code x}, or -1 when 0 (no spike) is nearest. */
  static int phaseOf(double x, double base, int phases) {
    if (x <= 0) {
      return -1;
    }
    // Nearest level by a log estimate, then checked against both neighbours in the linear domain.
    int k = (int) Math.floor(-Math.log(x) / Math.log(base));
    int best = -1;
    double bestError = x;
    int low = Math.max(0, Math.min(phases - 1, k - 1));
    int high = Math.max(0, Math.min(phases - 1, k + 1));
    for (int c = low; c <= high; c++) {
      double error = Math.abs(x - Math.pow(base, -c));
      if (error < bestError) {
        best = c;
        bestError = error;
      }
    }
    return best;
  }

  @Override
  public SpikeRaster encode(float[] values, CodingParameters parameters) {
    CodingChecks.values(NAME, values, parameters);
    double base = base(parameters);
    int phases = phases(parameters);
    SpikeRaster raster = new SpikeRaster(parameters.timeSteps(), values.length);
    for (int n = 0; n < values.length; n++) {
      int k = phaseOf(values[n], base, phases);
      if (k >= 0) {
        raster.set(k, n);
      }
    }
    return raster;
  }

  @Override
  public float[] decode(SpikeRaster spikes, CodingParameters parameters) {
    CodingChecks.raster(NAME, spikes, parameters);
    double base = base(parameters);
    int phases = phases(parameters);
    float[] values = new float[spikes.neurons()];
    boolean[] seen = new boolean[spikes.neurons()];
    long[] words = spikes.words();
    for (int t = 0; t < phases; t++) {
      int offset = spikes.stepOffset(t);
      float level = (float) Math.pow(base, -t);
      for (int w = 0; w < spikes.wordsPerStep(); w++) {
        long word = words[offset + w];
        while (word != 0) {
          int n = (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
          if (!seen[n]) {
            seen[n] = true;
            values[n] = level;
          }
        }
      }
    }
    return values;
  }

  @Override
  public double resolution(CodingParameters parameters) {
    double base = base(parameters);
    int phases = phases(parameters);
    return Math.max(phases > 1 ? (1 - 1 / base) / 2 : 0.5, Math.pow(base, -(phases - 1)) / 2);
  }
}
