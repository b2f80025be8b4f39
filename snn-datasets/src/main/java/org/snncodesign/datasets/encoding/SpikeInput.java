package org.snncodesign.datasets.encoding;

import org.snncodesign.api.Checks;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * The input side of spike coding in one call: a data set's sample, normalised with a {@link
 * MinMaxScaling}, becomes a {@link SpikeRaster} of one neuron per value through any {@link
 * SpikeEncoder} (rate, TTFS, phase, burst...).
 *
 * <p>Stochastic codings need a different random stream per sample but the same one on every run, so
 * sample {@code i} is encoded with the seed {@code mix(parameters.seed(), i)} (the SplitMix64
 * finaliser of Steele, Lea and Flood, OOPSLA 2014); {@link #parametersFor(int)} shows the exact
 * parameters used.
 */
public final class SpikeInput {
  private final LabeledDataset data;
  private final MinMaxScaling scaling;
  private final SpikeEncoder encoder;
  private final CodingParameters parameters;

  private SpikeInput(
      LabeledDataset data,
      MinMaxScaling scaling,
      SpikeEncoder encoder,
      CodingParameters parameters) {
    this.data = data;
    this.scaling = scaling;
    this.encoder = encoder;
    this.parameters = parameters;
  }

  /** Encodes samples of {@code data} scaled to [0, 1] by the data set's own global min and max. */
  public static SpikeInput of(
      LabeledDataset data, SpikeEncoder encoder, CodingParameters parameters) {
    return new SpikeInput(data, MinMaxScaling.fit(data), encoder, parameters);
  }

  /**
   * Encodes samples of {@code data} scaled by {@code scaling} (e.g. fitted on the training part).
   */
  public static SpikeInput of(
      LabeledDataset data,
      MinMaxScaling scaling,
      SpikeEncoder encoder,
      CodingParameters parameters) {
    return new SpikeInput(data, scaling, encoder, parameters);
  }

  /** One sample of {@code data}, min-max scaled over the data set, as spikes. */
  public static SpikeRaster encode(
      LabeledDataset data, int index, SpikeEncoder encoder, CodingParameters parameters) {
    return of(data, encoder, parameters).encode(index);
  }

  /** Raw values scaled by {@code scaling}, as spikes, with {@code parameters} unchanged. */
  public static SpikeRaster encode(
      float[] values, MinMaxScaling scaling, SpikeEncoder encoder, CodingParameters parameters) {
    return encoder.encode(scaling.apply(values), parameters);
  }

  /** Sample {@code index} as spikes: {@code sampleSize()} neurons, {@code timeSteps} steps. */
  public SpikeRaster encode(int index) {
    Checks.checkArgument(
        index >= 0 && index < data.samples(),
        "sample %d outside [0, %d) of %s",
        index,
        data.samples(),
        data.name());
    return encoder.encode(scaling.apply(data.sample(index)), parametersFor(index));
  }

  /** Every sample as spikes, in order. */
  public SpikeRaster[] encodeAll() {
    SpikeRaster[] rasters = new SpikeRaster[data.samples()];
    for (int i = 0; i < rasters.length; i++) {
      rasters[i] = encode(i);
    }
    return rasters;
  }

  /** The samples at {@code indices} as spikes. */
  public SpikeRaster[] encode(int[] indices) {
    SpikeRaster[] rasters = new SpikeRaster[indices.length];
    for (int k = 0; k < indices.length; k++) {
      rasters[k] = encode(indices[k]);
    }
    return rasters;
  }

  /**
   * The coding parameters used for sample {@code index}: same steps and options, a per-sample seed.
   */
  public CodingParameters parametersFor(int index) {
    return new CodingParameters(
        parameters.timeSteps(), mix(parameters.seed(), index), parameters.options());
  }

  /** The scaling in use. */
  public MinMaxScaling scaling() {
    return scaling;
  }

  static long mix(long seed, long index) {
    long z = seed + 0x9E37_79B9_7F4A_7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
