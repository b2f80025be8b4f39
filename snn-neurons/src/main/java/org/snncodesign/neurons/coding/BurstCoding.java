package org.snncodesign.neurons.coding;

import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeDecoder;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Burst coding, plugin name {@code burst} (after Park et al. 2019, "Fast and efficient information
 * transmission with burst spikes in deep spiking neural networks", DAC): the value sets the length
 * of a burst of closely spaced spikes at the start of every period.
 *
 * <pre>
 *   n = round(x N_max);  spikes at steps p P + j isi, j = 0 .. n-1, for every full period p
 *   x = (spikes in full periods) / (periods N_max)
 * </pre>
 *
 * <p>Options: {@code max_spikes} N_max (&gt;= 1, default 5), {@code isi} (steps between burst
 * spikes, &gt;= 1, default 1), {@code period} P (default T); needs (N_max - 1) isi &lt; P &lt;= T.
 * Resolution {@code 0.5 / N_max}.
 */
public final class BurstCoding implements SpikeEncoder, SpikeDecoder {
  static final String NAME = "burst";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public BurstCoding() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "burst coding: a burst of round(x N_max) spikes isi steps apart at the start of each period";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  private record Shape(int maxSpikes, int isi, int period) {}

  private static Shape shape(CodingParameters parameters) {
    int t = parameters.timeSteps();
    int maxSpikes = CodingChecks.intOption(NAME, parameters, "max_spikes", 5, 1, t);
    int isi = CodingChecks.intOption(NAME, parameters, "isi", 1, 1, t);
    int period = CodingChecks.intOption(NAME, parameters, "period", t, 1, t);
    if ((long) (maxSpikes - 1) * isi >= period) {
      throw new IllegalArgumentException(
          "coding 'burst' needs (max_spikes - 1) * isi < period, got max_spikes = "
              + maxSpikes
              + ", isi = "
              + isi
              + ", period = "
              + period);
    }
    return new Shape(maxSpikes, isi, period);
  }

  @Override
  public SpikeRaster encode(float[] values, CodingParameters parameters) {
    CodingChecks.values(NAME, values, parameters);
    Shape s = shape(parameters);
    int periods = parameters.timeSteps() / s.period();
    SpikeRaster raster = new SpikeRaster(parameters.timeSteps(), values.length);
    for (int n = 0; n < values.length; n++) {
      int count = (int) Math.round(values[n] * (double) s.maxSpikes());
      for (int p = 0; p < periods; p++) {
        for (int j = 0; j < count; j++) {
          raster.set(p * s.period() + j * s.isi(), n);
        }
      }
    }
    return raster;
  }

  @Override
  public float[] decode(SpikeRaster spikes, CodingParameters parameters) {
    CodingChecks.raster(NAME, spikes, parameters);
    Shape s = shape(parameters);
    int periods = parameters.timeSteps() / s.period();
    int[] counts = new int[spikes.neurons()];
    long[] words = spikes.words();
    for (int t = 0; t < periods * s.period(); t++) {
      int base = spikes.stepOffset(t);
      for (int w = 0; w < spikes.wordsPerStep(); w++) {
        long word = words[base + w];
        while (word != 0) {
          counts[(w << 6) + Long.numberOfTrailingZeros(word)]++;
          word &= word - 1;
        }
      }
    }
    float[] values = new float[counts.length];
    for (int n = 0; n < counts.length; n++) {
      values[n] = (float) Math.min(1.0, counts[n] / ((double) periods * s.maxSpikes()));
    }
    return values;
  }

  @Override
  public double resolution(CodingParameters parameters) {
    return 0.5 / shape(parameters).maxSpikes();
  }
}
