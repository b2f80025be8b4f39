package org.snncodesign.neurons.coding;

import java.util.SplittableRandom;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeDecoder;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Rate coding, plugin name {@code rate}: every step each neuron spikes independently with
 * probability {@code p = x * max_rate}, the discrete-time Poisson (Bernoulli) process used to feed
 * images to SNNs (e.g. Diehl et al. 2015). Decoding is the spike count over the window, {@code x =
 * n / (T max_rate)}.
 *
 * <p>Options: {@code max_rate} (spike probability per step at x = 1, in (0, 1], default 1). Random
 * choices come from {@code parameters.seed()}. The count is Binomial(T, p), so the decoding error
 * is random with standard deviation at most {@code 1 / (2 sqrt(T) max_rate)}; {@link #resolution}
 * states five of them, a bound a single value exceeds with probability below 1e-6.
 */
public final class RateCoding implements SpikeEncoder, SpikeDecoder {
  static final String NAME = "rate";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public RateCoding() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "rate coding: Bernoulli/Poisson spikes with probability x * max_rate per step, seeded";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  private static double maxRate(CodingParameters parameters) {
    double m = parameters.option("max_rate", 1.0);
    if (!(m > 0 && m <= 1)) {
      throw new IllegalArgumentException(
          "option max_rate of coding 'rate' must be in (0, 1], got " + m);
    }
    return m;
  }

  @Override
  public SpikeRaster encode(float[] values, CodingParameters parameters) {
    CodingChecks.values(NAME, values, parameters);
    double max = maxRate(parameters);
    SpikeRaster raster = new SpikeRaster(parameters.timeSteps(), values.length);
    long[] words = raster.words();
    int wordsPerStep = raster.wordsPerStep();
    SplittableRandom random = new SplittableRandom(parameters.seed());
    for (int t = 0; t < parameters.timeSteps(); t++) {
      int base = t * wordsPerStep;
      for (int n = 0; n < values.length; n++) {
        if (random.nextDouble() < values[n] * max) {
          words[base + (n >>> 6)] |= 1L << n;
        }
      }
    }
    return raster;
  }

  @Override
  public float[] decode(SpikeRaster spikes, CodingParameters parameters) {
    CodingChecks.raster(NAME, spikes, parameters);
    double scale = 1.0 / (parameters.timeSteps() * maxRate(parameters));
    int[] counts = spikes.countsPerNeuron();
    float[] values = new float[counts.length];
    for (int n = 0; n < counts.length; n++) {
      values[n] = (float) Math.min(1.0, counts[n] * scale);
    }
    return values;
  }

  @Override
  public double resolution(CodingParameters parameters) {
    return 5 / (2 * Math.sqrt(parameters.timeSteps()) * maxRate(parameters));
  }
}
