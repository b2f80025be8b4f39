package org.snncodesign.neurons.coding;

import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeDecoder;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Time-to-first-spike coding, plugin name {@code ttfs} (latency coding; Thorpe et al. 2001,
 * Rueckauer &amp; Liu 2018): the larger the value, the earlier its single spike.
 *
 * <pre>
 *   t(x) = round((1 - x) (T - 1))   for x &gt; 0;  no spike for x = 0
 *   x(t) = 1 - t / (T - 1);         no spike decodes to 0
 * </pre>
 *
 * <p>Needs T &gt;= 2; the resolution is half a step, {@code 0.5 / (T - 1)}.
 */
public final class TimeToFirstSpikeCoding implements SpikeEncoder, SpikeDecoder {
  static final String NAME = "ttfs";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public TimeToFirstSpikeCoding() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "time-to-first-spike: one spike at step round((1 - x)(T - 1)), earlier for larger values";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  private static int lastStep(CodingParameters parameters) {
    if (parameters.timeSteps() < 2) {
      throw new IllegalArgumentException(
          "coding 'ttfs' needs timeSteps >= 2, got " + parameters.timeSteps());
    }
    return parameters.timeSteps() - 1;
  }

  @Override
  public SpikeRaster encode(float[] values, CodingParameters parameters) {
    CodingChecks.values(NAME, values, parameters);
    int last = lastStep(parameters);
    SpikeRaster raster = new SpikeRaster(parameters.timeSteps(), values.length);
    for (int n = 0; n < values.length; n++) {
      if (values[n] > 0f) {
        raster.set((int) Math.rint((1.0 - values[n]) * last), n);
      }
    }
    return raster;
  }

  @Override
  public float[] decode(SpikeRaster spikes, CodingParameters parameters) {
    CodingChecks.raster(NAME, spikes, parameters);
    int last = lastStep(parameters);
    float[] values = new float[spikes.neurons()];
    boolean[] seen = new boolean[spikes.neurons()];
    long[] words = spikes.words();
    for (int t = 0; t < spikes.timeSteps(); t++) {
      int base = spikes.stepOffset(t);
      for (int w = 0; w < spikes.wordsPerStep(); w++) {
        long word = words[base + w];
        while (word != 0) {
          int n = (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
          if (!seen[n]) {
            seen[n] = true;
            values[n] = (float) (1.0 - (double) t / last);
          }
        }
      }
    }
    return values;
  }

  @Override
  public double resolution(CodingParameters parameters) {
    return 0.5 / lastStep(parameters);
  }
}
