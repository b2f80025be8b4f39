package org.snncodesign.flow.conversion;

import java.nio.file.Path;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.flow.data.IdxDataset;
import org.snncodesign.neurons.engine.PropagationMode;

/**
 * How {@code snn convert} converts and runs a network, a CNN ({@link CnnConversion}) or a vision
 * transformer ({@link VitConversion}); build with {@link #builder()}. Settings one architecture
 * does not use are ignored by it.
 *
 * @param dataset {@code mnist}, {@code fashion-mnist} or {@code idx:NAME} ({@link IdxDataset}); the
 *     ViT also {@code digits} (the embedded UCI set, no data folder)
 * @param dataDir the folder of the data set's IDX files, null for {@code digits}
 * @param model an ANN model JSON (or an ONNX file, by its {@code .onnx} name), null for the default
 *     CNN
 * @param onnx an ONNX model to import instead, null for none
 * @param normalization the input normalisation the model was trained with, null for the model's own
 * @param cacheDir where the default CNN is cached, null for {@code ~/.cache/snn-codesign}
 * @param coding name of the coding plugin the network runs: {@code phase1} or {@code rate}
 * @param neuron name of the neuron model plugin of a rate-coded network's populations, on the rate
 *     simulator and on the engine ({@code if} by default); phase coding takes only {@code if}, its
 *     own one-spike neurons
 * @param baseRoot m of the phase base {@code 2^(1/m)}, null for the architecture's default (CNN 2,
 *     ViT 4)
 * @param octaves the phase coding's dynamic range in octaves; {@code K = m * octaves}
 * @param percentile the activation percentile the layers are normalised by, in (0, 100]
 * @param rateSteps time steps of a rate-coded run
 * @param testSamples test samples evaluated
 * @param trainSamples training samples of the default model
 * @param epochs training epochs of the default model, null for the architecture's default (CNN 6;
 *     ViT 12 on IDX sets, 30 on digits)
 * @param backend {@value CnnConversion#SIMULATOR}, {@value CnnConversion#ENGINE} (rate coding) or
 *     the name of an executing accelerator plugin (phase coding), e.g. {@code cpu-gustavson}
 * @param propagation the engine's spike propagation
 * @param batch samples per accelerator call
 * @param threads worker threads; the result does not depend on them
 * @param seed seed of the default CNN's initialisation and shuffling
 */
public record ConversionSettings(
    String dataset,
    Path dataDir,
    Path model,
    Path onnx,
    InputNormalization normalization,
    Path cacheDir,
    String coding,
    String neuron,
    Integer baseRoot,
    int octaves,
    double percentile,
    int rateSteps,
    int testSamples,
    int trainSamples,
    Integer epochs,
    String backend,
    PropagationMode propagation,
    int batch,
    int threads,
    long seed) {
  /** The neuron model of a rate-coded network unless another is named. */
  public static final String DEFAULT_NEURON = "if";

  public ConversionSettings {
    Checks.checkArgument(
        dataset != null
            && coding != null
            && neuron != null
            && backend != null
            && propagation != null,
        "dataset, coding, neuron, backend and propagation must be given");
    Checks.checkArgument(
        baseRoot == null || baseRoot > 0, "baseRoot must be > 0, got %s", baseRoot);
    Checks.positive(octaves, "octaves");
    Checks.checkArgument(
        percentile > 0 && percentile <= 100, "percentile must be in (0, 100], got %s", percentile);
    Checks.positive(rateSteps, "rateSteps");
    Checks.positive(testSamples, "testSamples");
    Checks.positive(trainSamples, "trainSamples");
    Checks.checkArgument(epochs == null || epochs > 0, "epochs must be > 0, got %s", epochs);
    Checks.positive(batch, "batch");
    Checks.positive(threads, "threads");
  }

  /**
   * A builder starting from {@code snn convert}'s defaults: MNIST, the default model, phase1 coding
   * with the architecture's base over 8 octaves, the 99.9th percentile, 256 rate steps, 10,000 test
   * and 60,000 training samples, the architecture's epochs, the simulator backend (event
   * propagation, neuron {@code if}), batches of 32, 2 threads, seed 42.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ConversionSettings}. */
  public static final class Builder {
    private String dataset = "mnist";
    private Path dataDir;
    private Path model;
    private Path onnx;
    private InputNormalization normalization;
    private Path cacheDir;
    private String coding = "phase1";
    private String neuron = DEFAULT_NEURON;
    private Integer baseRoot;
    private int octaves = 8;
    private double percentile = 99.9;
    private int rateSteps = 256;
    private int testSamples = 10_000;
    private int trainSamples = 60_000;
    private Integer epochs;
    private String backend = CnnConversion.SIMULATOR;
    private PropagationMode propagation = PropagationMode.EVENT;
    private int batch = 32;
    private int threads = 2;
    private long seed = 42;

    private Builder() {}

    /** See {@link ConversionSettings#dataset()}. */
    public Builder dataset(String value) {
      dataset = value;
      return this;
    }

    /** See {@link ConversionSettings#dataDir()}. */
    public Builder dataDir(Path value) {
      dataDir = value;
      return this;
    }

    /** See {@link ConversionSettings#model()}. */
    public Builder model(Path value) {
      model = value;
      return this;
    }

    /** See {@link ConversionSettings#onnx()}. */
    public Builder onnx(Path value) {
      onnx = value;
      return this;
    }

    /** See {@link ConversionSettings#normalization()}. */
    public Builder normalization(InputNormalization value) {
      normalization = value;
      return this;
    }

    /** See {@link ConversionSettings#cacheDir()}. */
    public Builder cacheDir(Path value) {
      cacheDir = value;
      return this;
    }

    /** See {@link ConversionSettings#coding()}. */
    public Builder coding(String value) {
      coding = value;
      return this;
    }

    /** See {@link ConversionSettings#neuron()}. */
    public Builder neuron(String value) {
      neuron = value;
      return this;
    }

    /** See {@link ConversionSettings#baseRoot()}. */
    public Builder baseRoot(Integer value) {
      baseRoot = value;
      return this;
    }

    /** See {@link ConversionSettings#octaves()}. */
    public Builder octaves(int value) {
      octaves = value;
      return this;
    }

    /** See {@link ConversionSettings#percentile()}. */
    public Builder percentile(double value) {
      percentile = value;
      return this;
    }

    /** See {@link ConversionSettings#rateSteps()}. */
    public Builder rateSteps(int value) {
      rateSteps = value;
      return this;
    }

    /** See {@link ConversionSettings#testSamples()}. */
    public Builder testSamples(int value) {
      testSamples = value;
      return this;
    }

    /** See {@link ConversionSettings#trainSamples()}. */
    public Builder trainSamples(int value) {
      trainSamples = value;
      return this;
    }

    /** See {@link ConversionSettings#epochs()}. */
    public Builder epochs(Integer value) {
      epochs = value;
      return this;
    }

    /** See {@link ConversionSettings#backend()}. */
    public Builder backend(String value) {
      backend = value;
      return this;
    }

    /** See {@link ConversionSettings#propagation()}. */
    public Builder propagation(PropagationMode value) {
      propagation = value;
      return this;
    }

    /** See {@link ConversionSettings#batch()}. */
    public Builder batch(int value) {
      batch = value;
      return this;
    }

    /** See {@link ConversionSettings#threads()}. */
    public Builder threads(int value) {
      threads = value;
      return this;
    }

    /** See {@link ConversionSettings#seed()}. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** The settings. */
    public ConversionSettings build() {
      return new ConversionSettings(
          dataset,
          dataDir,
          model,
          onnx,
          normalization,
          cacheDir,
          coding,
          neuron,
          baseRoot,
          octaves,
          percentile,
          rateSteps,
          testSamples,
          trainSamples,
          epochs,
          backend,
          propagation,
          batch,
          threads,
          seed);
    }
  }
}
