package org.snncodesign.neurons.coding;

import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeDecoder;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Phase coding with weighted spikes, plugin name {@code phase} (Kim et al. 2018, "Deep neural
 * networks with weighted spikes", Neurocomputing 311:373): a period of K phases repeats over the
 * window; the spike at phase k (k = 0 .. K-1) weighs {@code 2^-(k+1)}, so one period sends the
 * K-bit binary expansion of the value.
 *
 * <pre>
 *   q = round(x (2^K - 1));  spike at step t  iff  bit (K - 1 - t mod K) of q is 1
 *   x = (2^K / (2^K - 1)) * mean over full periods of sum_k s_k 2^-(k+1)
 * </pre>
 *
 * <p>Options: {@code phases} K (1..30, default 8; needs T &gt;= K). Resolution {@code 0.5 / (2^K -
 * 1)}.
 */
public final class PhaseCoding implements SpikeEncoder, SpikeDecoder {
  static final String NAME = "phase";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public PhaseCoding() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "phase coding: K phases per period, spike at phase k weighs 2^-(k+1) (multi-spike binary code)";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  private static int phases(CodingParameters parameters) {
    int k = CodingChecks.intOption(NAME, parameters, "phases", 8, 1, 30);
    if (k > parameters.timeSteps()) {
      throw new IllegalArgumentException(
          "coding 'phase' needs timeSteps >= phases, got timeSteps = "
              + parameters.timeSteps()
              + " and phases = "
              + k);
    }
    return k;
  }

  @Override
  public SpikeRaster encode(float[] values, CodingParameters parameters) {
    CodingChecks.values(NAME, values, parameters);
    int k = phases(parameters);
    long levels = (1L << k) - 1;
    SpikeRaster raster = new SpikeRaster(parameters.timeSteps(), values.length);
    for (int n = 0; n < values.length; n++) {
      long q = Math.round(values[n] * (double) levels);
      for (int t = 0; t < parameters.timeSteps(); t++) {
        int phase = t % k;
        if (((q >>> (k - 1 - phase)) & 1L) != 0) {
          raster.set(t, n);
        }
      }
    }
    return raster;
  }

  @Override
  public float[] decode(SpikeRaster spikes, CodingParameters parameters) {
    CodingChecks.raster(NAME, spikes, parameters);
    int k = phases(parameters);
    int periods = parameters.timeSteps() / k;
    double[] sums = new double[spikes.neurons()];
    long[] words = spikes.words();
    for (int t = 0; t < periods * k; t++) {
      double weight = Math.scalb(1.0, -(t % k + 1));
      int base = spikes.stepOffset(t);
      for (int w = 0; w < spikes.wordsPerStep(); w++) {
        long word = words[base + w];
        while (word != 0) {
          sums[(w << 6) + Long.numberOfTrailingZeros(word)] += weight;
          word &= word - 1;
        }
      }
    }
    double scale = Math.scalb(1.0, k) / ((Math.scalb(1.0, k) - 1) * periods);
    float[] values = new float[sums.length];
    for (int n = 0; n < sums.length; n++) {
      values[n] = (float) Math.min(1.0, sums[n] * scale);
    }
    return values;
  }

  @Override
  public double resolution(CodingParameters parameters) {
    return 0.5 / (Math.scalb(1.0, phases(parameters)) - 1);
  }
}
