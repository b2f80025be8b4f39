package org.snncodesign.cli.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.SnnException;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.InputNormalizationFolding;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.onnx.OnnxExporter;
import org.snncodesign.conversion.onnx.OnnxImportException;
import org.snncodesign.conversion.onnx.OnnxImporter;
import org.snncodesign.conversion.snn.AcceleratedOneSpikeSimulator;
import org.snncodesign.conversion.snn.AnnToSnnConverter;
import org.snncodesign.conversion.snn.ConversionReport;
import org.snncodesign.conversion.snn.ConvertedNetwork;
import org.snncodesign.conversion.snn.ConvertedNetworkGraphs;
import org.snncodesign.conversion.snn.EngineRateRunner;
import org.snncodesign.conversion.snn.OneSpikeSimulator;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.snn.RateSimulator;
import org.snncodesign.conversion.snn.SnnEvaluation;
import org.snncodesign.conversion.training.AnnTrainer;
import org.snncodesign.conversion.training.CnnArchitectures;
import org.snncodesign.conversion.training.TrainingSettings;
import org.snncodesign.flow.data.ConversionData;
import org.snncodesign.flow.data.IdxDataset;
import org.snncodesign.neurons.engine.PropagationMode;
import org.snncodesign.nir.NirWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn convert}: converts a CNN (a model JSON, or the default LeNet-class CNN trained and cached on first
 * use) into a spiking network and reports ANN versus SNN accuracy, latency, spikes, operations and energy.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Convert a CNN to a one-spike phase-coded (or rate-coded) SNN and report accuracy and energy.")
public final class ConvertCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  @Option(names = "--dataset", defaultValue = "mnist", description = "mnist, fashion-mnist or idx:NAME (any folder"
      + " of IDX files in MNIST's layout, reported as NAME), read from --data-dir. Default: ${DEFAULT-VALUE}.")
  String dataset;

  @Option(names = "--normalize", paramLabel = "MEAN,STD",
      description = "The input normalisation the model was trained with, on pixels / 255: MEAN,STD (e.g."
          + " 0.1307,0.3081 for transforms.Normalize((0.1307,), (0.3081,))), or every channel's mean followed by"
          + " every channel's standard deviation. Folded into the first layer where that is exact (a dense layer or"
          + " a convolution without zero padding), else applied to the input; the report says which. Default: the"
          + " model's own (none for a PyTorch export: pixels / 255).")
  String normalize;

  @Option(names = "--arch", defaultValue = "cnn",
      description = "cnn (LeNet-class CNN) or vit (small vision transformer, SpikedAttention conversion).")
  String arch;

  @Option(names = "--data-dir", description = "Folder with the data set's IDX files (not needed for digits).")
  Path dataDir;

  @Option(names = "--coding", defaultValue = "phase1", description = "phase1 or rate.")
  String coding;

  @Option(names = "--model", description = "ANN model JSON; without it the default CNN is trained and cached.")
  Path model;

  @Option(names = "--onnx", description = "ONNX model to import instead (e.g. exported by PyTorch); a --model"
      + " ending in .onnx is imported too.")
  Path onnx;

  @Option(names = "--cache-dir", description = "Where the default CNN is cached (default: ~/.cache/snn-codesign).")
  Path cacheDir;

  @Option(names = "--base-root",
      description = "m of the phase base 2^(1/m) (1 = binary phases; larger = base manipulation). Default: 2 for"
          + " --arch cnn, 4 for --arch vit (on the MNIST ViT base 2^(1/2) loses 2.4 points, 2^(1/4) 0.6).")
  Integer baseRoot;

  @Option(names = "--octaves", defaultValue = "8", description = "Dynamic range in octaves; K = m * octaves.")
  int octaves;

  @Option(names = "--percentile", defaultValue = "99.9", description = "Normalisation percentile.")
  double percentile;

  @Option(names = "--rate-steps", defaultValue = "256", description = "Time steps of the rate-coded run.")
  int rateSteps;

  @Option(names = "--test-samples", defaultValue = "10000", description = "Test samples evaluated.")
  int testSamples;

  @Option(names = "--train-samples", defaultValue = "60000", description = "Training samples (default CNN).")
  int trainSamples;

  @Option(names = "--epochs",
      description = "Training epochs of the default model (CNN: 6; ViT: 12 on MNIST, 30 on digits).")
  void setEpochs(int n) {
    epochs = n;
    epochsGiven = true;
  }

  int epochs = 6;
  boolean epochsGiven;

  /** The {@code --base-root} given, else the architecture's default: 4 for the ViT, 2 for the CNN. */
  int phaseBaseRoot() {
    if (baseRoot != null) {
      return baseRoot;
    }
    // The ViT chains 23 coded windows (layer norms, softmax, products of two coded operands), so the coarser
    // base 2^(1/2) accumulates 2.4 points of error on MNIST; 2^(1/4) stays within 0.6 points at twice the phases.
    return arch.equals("vit") ? 4 : 2;
  }

  @Option(names = "--backend", defaultValue = "simulator",
      description = "simulator (the conversion module's own simulators, multi-threaded); for phase1 also the name"
          + " of an executing Accelerator plugin, e.g. cpu-gustavson, that computes every layer's synaptic"
          + " accumulation sum_k B^-k (S_k x W) (dense and conv stages; single-threaded, batched); for rate also"
          + " engine: the neuron engine (if populations, CSR projections, one step of delay per stage).")
  String backend;

  @Option(names = "--propagation", defaultValue = "event",
      description = "With --backend engine: event (visit the synapses of neurons that spiked) or clock (visit"
          + " every synapse every step).")
  String propagation;

  @Option(names = "--batch", defaultValue = "32", description = "Samples per kernel call with --backend.")
  int batch;

  @Option(names = "--threads", defaultValue = "2", description = "Worker threads.")
  int threads;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of initialisation and shuffling.")
  long seed;

  @Option(names = "--export-nir", paramLabel = "FILE",
      description = "Also write the converted network as a NIR graph (IF neurons, reset by subtraction; the coding "
          + "and phase parameters in its metadata). Refused for networks with max pooling, which NIR cannot express.")
  Path exportNir;

  @Option(names = "--export-onnx", paramLabel = "FILE",
      description = "Also write the ANN (imported, loaded or trained) as an ONNX model (opset 13, dynamic batch)"
          + " that onnx and PyTorch tools read.")
  Path exportOnnx;

  @Option(names = "--dt", defaultValue = "1e-3",
      description = "Time step in seconds of one SNN step in the NIR export. Default: ${DEFAULT-VALUE}.")
  double dt;

  @Option(names = "--out", description = "Folder for conversion.json and conversion.csv.")
  Path outDir;

  @Option(names = "--json", description = "Print one JSON object as the last line of stdout.")
  boolean json;

  public ConvertCommand() {
    this(System.out, System.err);
  }

  ConvertCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (arch.equals("vit")) {
      return VitConversion.run(this, out, err);
    }
    if (!arch.equals("cnn")) {
      err.println("unknown --arch '" + arch + "': use cnn or vit");
      return 2;
    }
    if (dataDir == null) {
      err.println("--data-dir is required for --arch cnn");
      return 2;
    }
    if (exportNir != null && (!(dt > 0) || !Double.isFinite(dt))) {
      err.println("--dt must be a time step in seconds, finite and > 0, got " + dt);
      return 2;
    }
    if (!coding.equals("phase1") && !coding.equals("rate")) {
      err.println("unknown --coding '" + coding + "': use phase1 or rate");
      return 2;
    }
    Accelerator kernel = null;
    boolean engine = backend.equals("engine");
    PropagationMode mode = null;
    if (engine) {
      if (!coding.equals("rate")) {
        err.println("--backend engine runs only --coding rate");
        return 2;
      }
      try {
        mode = PropagationMode.valueOf(propagation.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        err.println("unknown --propagation '" + propagation + "': use event or clock");
        return 2;
      }
    } else if (!backend.equals("simulator")) {
      if (!coding.equals("phase1")) {
        err.println("--backend " + backend + " runs only --coding phase1");
        return 2;
      }
      if (batch < 1) {
        err.println("--batch must be >= 1, got " + batch);
        return 2;
      }
      try {
        kernel = PluginRegistry.discover().require(Accelerator.class, backend);
      } catch (SnnException e) {
        err.println("unknown --backend: " + e.getMessage());
        return 2;
      }
      if (!kernel.executes()) {
        err.println("--backend " + backend + " models hardware and does not execute layers; use an executing"
            + " backend such as cpu-gustavson");
        return 2;
      }
    }
    if (!Files.isDirectory(dataDir)) {
      err.println("--data-dir " + dataDir + " is not a folder");
      return 2;
    }
    Path onnxFile = onnx != null ? onnx : model != null && model.toString().endsWith(".onnx") ? model : null;
    if (onnx != null && model != null) {
      err.println("give either --model or --onnx, not both");
      return 2;
    }
    InputNormalization normalization = normalize == null ? null
        : InputNormalization.parse(normalize, InputNormalization.PIXELS.pixelScale());
    IdxDataset data = IdxDataset.of(dataset, dataDir);
    AnnModel ann;
    try {
      ann = onnxFile != null ? OnnxImporter.read(onnxFile) : model != null ? AnnJson.read(model) : null;
    } catch (OnnxImportException | java.nio.file.NoSuchFileException e) {
      err.println("cannot read model: " + e.getMessage());
      return 2;
    }
    Path modelFile = onnxFile != null ? onnxFile : model;
    LabeledImages test = ConversionData.load(data, "t10k", testSamples);
    LabeledImages calibration = ConversionData.load(data, "train", 500);
    ann = ann != null ? ann : cachedOrTrained(data);
    ann = InputNormalizationFolding.fold(normalization == null ? ann : ann.withInputNormalization(normalization));
    err.println("input: " + InputNormalizationFolding.describe(ann));
    if (exportOnnx != null) {
      OnnxExporter.write(ann, exportOnnx);
      err.printf("wrote %s: ANN '%s' as ONNX opset %d%n", StagedOutput.shown(exportOnnx), ann.name(),
          OnnxExporter.OPSET);
    }
    AnnNetwork network = new AnnNetwork(ann);
    double annAccuracy = network.accuracy(test, threads);
    err.printf(Locale.ROOT, "ANN %s (graph %s): accuracy %.4f on %d %s samples, %,d MACs%n",
        modelName(modelFile, ann), ann.name(), annAccuracy, test.count(), data.name(), ann.macs());
    long t0 = System.nanoTime();
    ConvertedNetwork snn = new AnnToSnnConverter(percentile).convert(ann, calibration);
    double conversionSeconds = (System.nanoTime() - t0) / 1e9;
    err.printf(Locale.ROOT, "converted in %.2f s: %d stages, %,d synapses%n", conversionSeconds, snn.stageCount(),
        snn.synapses());
    if (exportNir != null) {
      NetworkGraph graph;
      try {
        graph = coding.equals("phase1")
            ? ConvertedNetworkGraphs.phaseCoded(snn, PhaseCoding.rootOfTwo(phaseBaseRoot(), octaves), dt)
            : ConvertedNetworkGraphs.rateCoded(snn, dt);
      } catch (InvalidInputException e) {
        err.println("--export-nir " + exportNir + ": " + e.getMessage());
        return 2;
      }
      new NirWriter().write(graph, exportNir);
      err.printf("wrote %s: %d nodes, %,d parameters%n", StagedOutput.shown(exportNir), graph.nodes().size(),
          graph.parameterCount());
    }
    ConversionReport report;
    long kernelAdds = -1;
    long kernelCalls = -1;
    if (coding.equals("phase1")) {
      PhaseCoding phase = PhaseCoding.rootOfTwo(phaseBaseRoot(), octaves);
      SnnEvaluation e;
      if (kernel == null) {
        e = new OneSpikeSimulator(snn, phase).evaluate(test, threads);
      } else {
        AcceleratedOneSpikeSimulator.AcceleratedEvaluation run =
            new AcceleratedOneSpikeSimulator(snn, phase, kernel).evaluate(test, batch);
        e = run.evaluation();
        kernelAdds = run.kernelAdds();
        kernelCalls = run.kernelCalls();
        err.printf(Locale.ROOT, "backend %s: %,d kernel adds in %,d calls, %.2f s%n", run.backend(), kernelAdds,
            kernelCalls, e.seconds());
      }
      report = ConversionReport.of(data.name(), snn, annAccuracy, e, phase, EnergyTable.HOROWITZ_45NM,
          conversionSeconds).withModel(modelName(modelFile, ann));
      err.println(report.tableRow());
    } else {
      int[] checkpoints = checkpoints(rateSteps);
      List<SnnEvaluation> runs;
      if (engine) {
        EngineRateRunner runner;
        try {
          runner = new EngineRateRunner(snn, mode, checkpoints);
        } catch (InvalidInputException e) {
          err.println("--backend engine cannot run this network: " + e.getMessage());
          return 2;
        }
        runs = runner.evaluate(test, threads);
        err.printf(Locale.ROOT, "engine (%s propagation): %d rate steps in %d engine steps, %.2f s%n",
            mode.name().toLowerCase(Locale.ROOT), rateSteps, runner.engineSteps(rateSteps),
            runs.get(runs.size() - 1).seconds());
      } else {
        runs = new RateSimulator(snn, checkpoints).evaluate(test, threads);
      }
      report = null;
      for (SnnEvaluation e : runs) {
        report = ConversionReport.of(data.name(), snn, annAccuracy, e, null, EnergyTable.HOROWITZ_45NM,
            conversionSeconds).withModel(modelName(modelFile, ann));
        err.println(report.tableRow());
      }
    }
    ObjectNode node = JsonReport.create("convert");
    JsonNode fields = JsonReport.mapper().readTree(report.toJson());
    fields.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("schema_version")) {
        node.set(e.getKey(), e.getValue());
      }
    });
    node.put("report_schema_version", report.schemaVersion());
    node.put("graph_name", ann.name());
    node.put("dataset_sha256", data.sha256());
    node.set("input_normalization", normalizationNode(snn));
    node.put("backend", backend);
    if (engine) {
      node.put("propagation", mode.name().toLowerCase(Locale.ROOT));
    }
    if (kernel != null) {
      node.put("kernel_adds", kernelAdds);
      node.put("kernel_calls", kernelCalls);
    }
    if (outDir != null) {
      JsonReport.write(node, outDir.resolve("conversion.json"));
      Files.writeString(outDir.resolve("conversion.csv"),
          ConversionReport.csvHeader() + "\n" + report.csvRow() + "\n");
      err.println("wrote " + StagedOutput.shown(outDir.resolve("conversion.json")) + " and conversion.csv");
    }
    if (json) {
      JsonReport.printLine(node, out);
    } else {
      out.println(report.tableRow());
    }
    return 0;
  }

  private static int[] checkpoints(int steps) {
    java.util.List<Integer> list = new java.util.ArrayList<>();
    for (int t = 16; t < steps; t *= 2) {
      list.add(t);
    }
    list.add(steps);
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Reports name a model by the file the user gave (the graph's own name, e.g. torch_jit, is a field apart). */
  private static String modelName(Path file, AnnModel ann) {
    return file != null && file.getFileName() != null ? file.getFileName().toString() : ann.name();
  }

  private static ObjectNode normalizationNode(ConvertedNetwork snn) {
    InputNormalization n = snn.inputNormalization();
    ObjectNode node = JsonReport.mapper().createObjectNode();
    node.put("pixel_scale", n.pixelScale());
    node.set("mean", JsonReport.mapper().valueToTree(n.mean()));
    node.set("std", JsonReport.mapper().valueToTree(n.std()));
    node.put("applied", snn.inputNormalizationNote());
    return node;
  }

  private AnnModel cachedOrTrained(IdxDataset data) throws IOException {
    Path dir = cacheDir != null ? cacheDir : Path.of(System.getProperty("user.home"), ".cache", "snn-codesign");
    Path file = dir.resolve(String.format(Locale.ROOT, "%s-lenet-e%d-n%d-s%d.json", data.name(), epochs,
        trainSamples, seed));
    if (Files.exists(file)) {
      err.println("using cached model " + file);
      return AnnJson.read(file);
    }
    LabeledImages train = ConversionData.load(data, "train", trainSamples);
    AnnModel fresh = CnnArchitectures.lenet(1, train.shape().height(), 16, 32, 128, 10, seed);
    err.printf("training %s on %d samples for %d epochs (cached afterwards in %s)%n", fresh.name(), train.count(),
        epochs, file);
    new AnnTrainer(TrainingSettings.adam(epochs, seed).withThreads(threads)).train(new AnnNetwork(fresh), train,
        null, err::println);
    AnnJson.write(fresh, file);
    return fresh;
  }
}
