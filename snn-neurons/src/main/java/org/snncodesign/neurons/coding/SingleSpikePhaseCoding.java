package org.snncodesign.neurons.coding;

import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeDecoder;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Single-spike phase coding with a configurable base, plugin name {@code phase1}, as in one-spike
 * ANN-to-SNN conversion (Hwang et al., "One-spike SNN: single-spike phase coding with base
 * manipulation for ANN-to-SNN conversion loss minimization"): each value is sent as at most one
 * spike whose phase k carries it as a power of the base B.
 *
 * <pre>
 *   levels L_k = B^-k, k = 0 .. K-1, plus 0 (no spike)
 *   x -&gt; the level nearest to x;  spike at step k for L_k, none for 0
 *   decode: first spike at step k -&gt; B^-k;  no spike -&gt; 0
 * </pre>
 *
 * <p>A base below 2 (e.g. 1.5) spaces the levels more finely at the price of more phases for the
 * same range; the relative error of any x &gt;= B^-(K-1) is at most (B - 1) / (B + 1). Options:
 * {@code base} B (&gt; 1, default 2), {@code phases} K (1 .. T, default T). {@link #resolution} is
 * the largest absolute error over [0, 1]: {@code max((1 - 1/B) / 2, B^-(K-1) / 2)}.
 *
 * <p>Option {@code rounding} rho in (1/B, 1] replaces the nearest level by a threshold that decays
 * by 1/B per phase, as a converted network's neurons fire: x spikes at the first k with {@code x >=
 * rho B^-k} and stays silent below {@code rho B^-(K-1)}; {@code rho = B^-1/2} rounds to the nearest
 * level in the log domain. This is the coding ANN-to-SNN conversion runs ({@code
 * org.snncodesign.conversion.snn.PhaseCoding} is its typed view; see {@link #rootOfTwo}); its
 * resolution is {@code max(1 - rho, rho - 1/B, rho B^-(K-1))}.
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
      throw new IllegalArgumentException(
          "option base of coding 'phase1' must be finite and > 1, got " + b);
    }
    return b;
  }

  /** The number of phases K. */
  public static int phases(CodingParameters parameters) {
    return CodingChecks.intOption(
        NAME, parameters, "phases", parameters.timeSteps(), 1, parameters.timeSteps());
  }

  /**
   * The parameters of the conversion's phase coding: base {@code B = 2^(1/m)}, {@code K = m *
   * octaves} phases (and time steps) and rounding {@code rho = B^-1/2}. {@code m = 1} is the
   * classic binary phase base; larger {@code m} is base manipulation (m levels per octave).
   */
  public static CodingParameters rootOfTwo(int m, int octaves) {
    if (m < 1 || octaves < 1) {
      throw new IllegalArgumentException(
          "coding 'phase1' needs m >= 1 and octaves >= 1, got m = " + m + ", octaves = " + octaves);
    }
    double base = Math.pow(2, 1.0 / m);
    return new CodingParameters(
        m * octaves,
        0,
        java.util.Map.of(
            "base", base, "phases", (double) (m * octaves), "rounding", Math.pow(base, -0.5)));
  }

  /**
   * The rounding rho of the threshold rule, or NaN when none is set (nearest level in the linear
   * domain).
   */
  public static double rounding(CodingParameters parameters) {
    double rho = parameters.option("rounding", Double.NaN);
    double base = base(parameters);
    if (!Double.isNaN(rho) && !(rho > 1 / base && rho <= 1)) {
      throw new IllegalArgumentException(
          "option rounding of coding 'phase1' must be in (1/B, 1] = ("
              + 1 / base
              + ", 1], got "
              + rho);
    }
    return rho;
  }

  /**
   * The phase of {@code x} under the threshold rule: the first k with {@code x >= rho B^-k}, or -1
   * when {@code x} is below {@code rho B^-(K-1)}; values above 1 fire at phase 0.
   */
  public static int phaseOf(double x, double base, int phases, double rounding) {
    double threshold = rounding;
    for (int k = 0; k < phases; k++) {
      if (x >= threshold) {
        return k;
      }
      threshold /= base;
    }
    return -1;
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
    double rounding = rounding(parameters);
    SpikeRaster raster = new SpikeRaster(parameters.timeSteps(), values.length);
    for (int n = 0; n < values.length; n++) {
      int k =
          Double.isNaN(rounding)
              ? phaseOf(values[n], base, phases)
              : phaseOf(values[n], base, phases, rounding);
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
    double rho = rounding(parameters);
    if (Double.isNaN(rho)) {
      return Math.max(phases > 1 ? (1 - 1 / base) / 2 : 0.5, Math.pow(base, -(phases - 1)) / 2);
    }
    // Threshold rule: [rho, 1] -> 1, [rho B^-k, rho B^-(k-1)) -> B^-k, silent below rho B^-(K-1).
    double silent = rho * Math.pow(base, -(phases - 1));
    return Math.max(Math.max(1 - rho, phases > 1 ? rho - 1 / base : 0), silent);
  }
}
