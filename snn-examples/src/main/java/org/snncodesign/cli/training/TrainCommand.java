package org.snncodesign.cli.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.api.Choices;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.flow.report.LearningCurveChart;
import org.snncodesign.flow.data.IdxDataset;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.flow.graph.NirExport;
import org.snncodesign.learning.quantization.LsqQuantizer;
import org.snncodesign.learning.quantization.QuantizedWeights;
import org.snncodesign.learning.rewiring.GradientRewiring;
import org.snncodesign.learning.rewiring.SparsitySchedule;
import org.snncodesign.learning.surrogate.EpochResult;
import org.snncodesign.learning.surrogate.Evaluation;
import org.snncodesign.learning.surrogate.NetworkArchitecture;
import org.snncodesign.learning.surrogate.OptimizerKind;
import org.snncodesign.learning.surrogate.Readout;
import org.snncodesign.learning.surrogate.ResetMode;
import org.snncodesign.learning.surrogate.SpikingLayer;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;
import org.snncodesign.learning.surrogate.SurrogateFunction;
import org.snncodesign.learning.surrogate.SurrogateGradientTrainer;
import org.snncodesign.learning.surrogate.SurrogateKind;
import org.snncodesign.learning.surrogate.TrainingOptions;
import org.snncodesign.learning.surrogate.WeightTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn train}: direct surrogate-gradient training of a dense or convolutional LIF network (see
 * {@link NetworkArchitecture} for the {@code --arch} syntax), optionally pruned by gradient
 * rewiring and quantised by LSQ (the FireFly-S software flow), with a progress line per epoch on stderr and a
 * JSON report, a CSV log, the model JSON and a PNG learning curve in the output folder.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a spiking network with surrogate gradients; prune with Grad R (--sparsity) and quantise "
        + "with LSQ (--bits).")
public final class TrainCommand implements Callable<Integer> {

  @Option(names = "--dataset", defaultValue = "digits",
      description = "digits (embedded UCI 8x8, no download), mnist, fashion-mnist or idx:NAME (any folder of IDX"
          + " files in MNIST's layout, reported as NAME). Default: ${DEFAULT-VALUE}.")
  String dataset;

  @Option(names = "--data-dir",
      description = "Folder with the IDX files (train-/t10k-images/labels, gzip or raw); needed for all but digits.")
  Path dataDir;

  @Option(names = "--arch", description = "Layer sizes, e.g. 784-500-10, or an input shape CxHxW followed by "
      + "conv layers c<channels>k<kernel>[s<stride>][p<padding>][a<pool>] (a2 = 2x2 average pooling of the "
      + "spikes) and dense sizes, e.g. 1x28x28-c16k5s2-c32k3s2-10 or 1x28x28-c16k5p2a2-c32k5p2a2-10 "
      + "(1x8x8-c8k3-10 for digits). Default: 64-128-10 for digits, 784-800-10 for IDX data sets.")
  String architecture;

  @Option(names = "--timesteps", defaultValue = "8", description = "Time steps T. Default: ${DEFAULT-VALUE}.")
  int timesteps;

  @Option(names = "--sparsity", defaultValue = "0",
      description = "Target weight sparsity in [0, 1) reached by gradient rewiring (0 = dense). Default: "
          + "${DEFAULT-VALUE}.")
  double sparsity;

  @Option(names = "--bits", defaultValue = "0",
      description = "LSQ weight bits, 2..8 (0 = float). Default: ${DEFAULT-VALUE}.")
  int bits;

  @Option(names = "--epochs", description = "Epochs. Default: 30 for digits, 15 for IDX data sets.")
  Integer epochs;

  @Option(names = "--batch", defaultValue = "64", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--lr", defaultValue = "0.001",
      description = "Initial learning rate (cosine-annealed to 0). Default: ${DEFAULT-VALUE}.")
  float learningRate;

  @Option(names = "--optimizer", defaultValue = "adam", description = "adam or sgd. Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(names = "--surrogate", defaultValue = "fast-sigmoid",
      description = "fast-sigmoid, arctan or triangle. Default: ${DEFAULT-VALUE}.")
  String surrogate;

  @Option(names = "--readout", defaultValue = "membrane",
      description = "membrane (mean potential) or spike-count. Default: ${DEFAULT-VALUE}.")
  String readout;

  @Option(names = "--beta", defaultValue = "0.9",
      description = "Membrane decay per step (1 = IF neurons). Default: ${DEFAULT-VALUE}.")
  float beta;

  @Option(names = "--threshold", defaultValue = "1.0", description = "Firing threshold. Default: ${DEFAULT-VALUE}.")
  float threshold;

  @Option(names = "--reset", defaultValue = "subtract",
      description = "subtract or zero. Default: ${DEFAULT-VALUE}.")
  String reset;

  @Option(names = "--threads", description = "Worker threads. Default: available processors.")
  Integer threads;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and shuffling. Default: "
      + "${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--limit", description = "Use only the first N training samples (quick runs).")
  Integer limit;

  @Option(names = "--out", defaultValue = "snn-out/train",
      description = "Folder for train.json, train.csv, model.json and learning-curve.png. Default: "
          + "${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--export-nir", paramLabel = "FILE",
      description = "Also write the trained network as a NIR graph (for snnTorch, Norse, ... and snn nir / hw "
          + "--nir), re-import it and report its test accuracy on the event-driven engine.")
  Path exportNir;

  @Option(names = "--dt", defaultValue = "1e-3",
      description = "Time step in seconds the NIR export states (tau = dt / (1 - beta), r = tau / dt; any dt gives "
          + "the same discrete network). Default: ${DEFAULT-VALUE}.")
  double dt;

  @Option(names = "--no-chart", description = "Skip the PNG learning curve.")
  boolean noChart;

  @Option(names = "--json", description = "Print one JSON object as the last line of standard output.")
  boolean json;

  /** For picocli and Guice. */
  public TrainCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    if (sparsity < 0 || sparsity >= 1) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--sparsity must be in [0, 1), got " + sparsity);
    }
    if (bits != 0 && (bits < 2 || bits > 8)) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--bits must be 0 (float) or in 2..8, got " + bits);
    }
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--dt must be a time step in seconds, finite and > 0, got " + dt);
    }
    TrainingData data = TrainingData.load(dataset, dataDir, seed);
    // IDX image sets are MNIST-shaped (28x28, 60k samples): they share its default network and epochs.
    boolean mnist = IdxDataset.names(dataset);
    if (limit != null) {
      data = data.limit(limit, data.testLabels().length);
    }
    String archText = architecture != null ? architecture : mnist ? "784-800-10" : "64-128-10";
    List<SpikingLayer> shapes;
    try {
      shapes = NetworkArchitecture.parse(archText).layers();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--arch: " + e.getMessage());
    }
    if (shapes.get(0).inputs() != data.inputs() || shapes.get(shapes.size() - 1).outputs() != data.classes()) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--arch must start with "
          + data.inputs() + " inputs and end with " + data.classes() + " classes for " + data.name());
    }
    int epochCount = epochs != null ? epochs : mnist ? 15 : 30;
    SpikingNetwork network = SpikingNetwork.initialise(archText, timesteps, beta, threshold,
        Choices.parse(ResetMode.class, reset, "--reset"), Readout.parse(readout), seed);
    TrainingOptions options = TrainingOptions.builder()
        .surrogate(SurrogateFunction.of(SurrogateKind.parse(surrogate)))
        .optimizer(OptimizerKind.parse(optimizer)).learningRate(learningRate).batchSize(batch)
        .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors()).seed(seed)
        .cosineEpochs(epochCount).build();
    long stepsPerEpoch = (data.trainLabels().length + batch - 1) / batch;
    List<WeightTransform> transforms = new ArrayList<>();
    if (sparsity > 0) {
      // Dense for one epoch, then the cubic ramp over half the run; the rest trains at the target.
      long ramp = Math.max(1, stepsPerEpoch * Math.max(1, epochCount / 2 - 1));
      transforms.add(new GradientRewiring(new SparsitySchedule(sparsity, stepsPerEpoch, ramp)));
    }
    LsqQuantizer lsq = bits > 0 ? new LsqQuantizer(bits) : null;
    if (lsq != null) {
      transforms.add(lsq);
    }
    err.printf("snn train: %s, %s, %d train / %d test samples, %d epochs, sparsity %.2f, %s weights, %d threads%n",
        data.name(), network, data.trainLabels().length, data.testLabels().length, epochCount, sparsity,
        bits > 0 ? bits + "-bit" : "float", options.threads());
    List<Double> trainAcc = new ArrayList<>();
    List<Double> testAcc = new ArrayList<>();
    List<Double> sparsities = new ArrayList<>();
    Files.createDirectories(out);
    Path csvFile = out.resolve("train.csv");
    double trainSeconds = 0;
    Evaluation test = null;
    EpochResult last = null;
    try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network, options, transforms);
        Writer writer = Files.newBufferedWriter(csvFile);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("epoch", "loss",
            "train_accuracy", "test_accuracy", "weight_sparsity", "learning_rate", "seconds").get())) {
      for (int epoch = 0; epoch < epochCount; epoch++) {
        last = trainer.trainEpoch(data.trainFeatures(), data.trainLabels(), epoch);
        trainSeconds += last.seconds();
        test = trainer.evaluate(data.testFeatures(), data.testLabels());
        trainAcc.add(last.trainAccuracy());
        testAcc.add(test.accuracy());
        sparsities.add(last.weightSparsity());
        csv.printRecord(epoch + 1, last.loss(), last.trainAccuracy(), test.accuracy(), last.weightSparsity(),
            last.learningRate(), last.seconds());
        csv.flush();
        err.printf(Locale.ROOT, "epoch %3d/%d %s loss %.4f  train %.2f%%  test %.2f%%  sparsity %.1f%%  %.1f s%n",
            epoch + 1, epochCount, bar(epoch + 1, epochCount), last.loss(), 100 * last.trainAccuracy(),
            100 * test.accuracy(), 100 * last.weightSparsity(), last.seconds());
      }
    }
    Path modelFile = out.resolve("model.json");
    SpikingNetworkJson.write(network, modelFile);
    Path pngFile = out.resolve("learning-curve.png");
    if (!noChart) {
      LearningCurveChart.write(pngFile, "snn train " + data.name(), trainAcc, testAcc, sparsities);
    }
    ObjectNode report = JsonReport.create("train");
    if (exportNir != null) {
      report.set("nir_export", NirExport.writeAndCheck(network, dt, exportNir, data.testSet(), err));
    }
    report.put("dataset", data.name());
    if (mnist) {
      report.put("dataset_sha256", IdxDataset.of(dataset, dataDir).sha256());
    }
    String arch = NetworkArchitecture.describe(network.layers());
    report.put("architecture", arch);
    report.put("timesteps", timesteps);
    report.put("neuron", beta == 1f ? "IF" : "LIF");
    report.put("beta", beta);
    report.put("readout", network.readout().name().toLowerCase(Locale.ROOT));
    report.put("surrogate", options.surrogate().kind().name().toLowerCase(Locale.ROOT));
    report.put("epochs", epochCount);
    report.put("train_samples", data.trainLabels().length);
    report.put("test_samples", data.testLabels().length);
    report.put("test_accuracy", test == null ? 0 : test.accuracy());
    report.put("train_accuracy", last == null ? 0 : last.trainAccuracy());
    report.put("final_loss", last == null ? 0 : last.loss());
    report.put("target_sparsity", sparsity);
    report.put("weight_sparsity", network.weightSparsity());
    report.put("bits", bits == 0 ? 32 : bits);
    report.put("synapses", network.synapses());
    long nonZeros = 0;
    long bitmapBytes = 0;
    for (SpikingLayer layer : network.layers()) {
      // A conv kernel is stored as its (k k C_in) x C_out weight matrix.
      BitmapMatrix bitmap = bits > 0 ? QuantizedWeights.of(layer).levelsAsBitmap()
          : BitmapMatrix.fromCsr(CsrMatrix.fromDense(layer.weightRows(), layer.weightCols(), layer.weights()));
      nonZeros += bitmap.nonZeros();
      bitmapBytes += bitmap.storageBytes(bits == 0 ? 32 : bits);
    }
    report.put("nonzero_synapses", nonZeros);
    report.put("bitmap_weight_bytes", bitmapBytes);
    report.put("dense_float_weight_bytes", 4 * network.synapses());
    report.put("train_seconds", trainSeconds);
    report.put("threads", options.threads());
    report.put("seed", seed);
    report.put("model_file", StagedOutput.shown(modelFile).toString());
    report.put("csv_file", StagedOutput.shown(csvFile).toString());
    if (!noChart) {
      report.put("png_file", StagedOutput.shown(pngFile).toString());
    }
    JsonReport.write(report, out.resolve("train.json"));
    PrintStream stdout = System.out;
    if (json) {
      JsonReport.printLine(report, stdout);
    } else {
      stdout.printf(Locale.ROOT, "%s %s: test accuracy %.2f%%, weight sparsity %.1f%%, %s weights, %.1f s; "
              + "report in %s%n", data.name(), arch, 100 * report.get("test_accuracy").asDouble(),
          100 * network.weightSparsity(), bits > 0 ? bits + "-bit" : "float", trainSeconds, out);
    }
    return 0;
  }

  private static String bar(int done, int total) {
    int width = 20;
    int filled = done * width / total;
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }
}
