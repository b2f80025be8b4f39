package org.snncodesign.cli.conversion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.SnnException;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.cli.data.DataOptions;
import org.snncodesign.conversion.attention.SpikedAttentionReport;
import org.snncodesign.conversion.onnx.OnnxExporter;
import org.snncodesign.flow.conversion.CnnConversion;
import org.snncodesign.flow.conversion.ConversionCsv;
import org.snncodesign.flow.conversion.ConversionSettings;
import org.snncodesign.flow.conversion.ConvertRunReport;
import org.snncodesign.flow.conversion.VitConversion;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.neurons.engine.PropagationMode;
import org.snncodesign.nir.NirWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snn convert}: converts a CNN (a model JSON, or the default LeNet-class CNN trained and
 * cached on first use) or a small vision transformer into a spiking network and reports ANN versus
 * SNN accuracy, latency, spikes, operations and energy. The recipes are {@link CnnConversion} and
 * {@link VitConversion}; the command parses, calls them and prints.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description =
        "Convert a CNN to a one-spike phase-coded (or rate-coded) SNN and report accuracy and energy.")
public final class ConvertCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;
  private final PluginRegistry registry;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--normalize",
      paramLabel = "MEAN,STD",
      description =
          "The input normalisation the model was trained with, on pixels / 255: MEAN,STD (e.g."
              + " 0.1307,0.3081 for transforms.Normalize((0.1307,), (0.3081,))), or every channel's mean followed by"
              + " every channel's standard deviation. Folded into the first layer where that is exact (a dense layer or"
              + " a convolution without zero padding), else applied to the input; the report says which. Default: the"
              + " model's own (none for a PyTorch export: pixels / 255).")
  String normalize;

  @Option(
      names = "--arch",
      defaultValue = "cnn",
      description =
          "cnn (LeNet-class CNN) or vit (small vision transformer, SpikedAttention conversion).")
  String arch;

  @Option(
      names = "--coding",
      defaultValue = "phase1",
      description =
          "Name of the coding plugin the SNN runs: phase1 (one-spike phase coding) or rate (--arch vit:"
              + " phase1). Default: ${DEFAULT-VALUE}.")
  String coding;

  @Option(
      names = "--neuron",
      defaultValue = ConversionSettings.DEFAULT_NEURON,
      description =
          "With --coding rate (backend simulator or engine): name of the neuron model plugin of the"
              + " input, spiking and read-out neurons (given v_th = 1, v_reset = 0, reset by subtraction and,"
              + " with tau_m, R = 1 / (1 - e^(-dt/tau_m)) where it declares them; dt = 1 ms). --coding phase1"
              + " and --arch vit take only if: their one-spike neurons are the phase code. Default:"
              + " ${DEFAULT-VALUE}.")
  String neuron;

  @Option(
      names = "--model",
      description = "ANN model JSON; without it the default CNN is trained and cached.")
  Path model;

  @Option(
      names = "--onnx",
      description =
          "ONNX model to import instead (e.g. exported by PyTorch); a --model"
              + " ending in .onnx is imported too.")
  Path onnx;

  @Option(
      names = "--cache-dir",
      description = "Where the default CNN is cached (default: ~/.cache/snn-codesign).")
  Path cacheDir;

  @Option(
      names = "--base-root",
      description =
          "m of the phase base 2^(1/m) (1 = binary phases; larger = base manipulation). Default: 2 for"
              + " --arch cnn, 4 for --arch vit (on the MNIST ViT base 2^(1/2) loses 2.4 points, 2^(1/4) 0.6).")
  Integer baseRoot;

  @Option(
      names = "--octaves",
      defaultValue = "8",
      description = "Dynamic range in octaves; K = m * octaves.")
  int octaves;

  @Option(names = "--percentile", defaultValue = "99.9", description = "Normalisation percentile.")
  double percentile;

  @Option(
      names = "--rate-steps",
      defaultValue = "256",
      description = "Time steps of the rate-coded run.")
  int rateSteps;

  @Option(names = "--test-samples", defaultValue = "10000", description = "Test samples evaluated.")
  int testSamples;

  @Option(
      names = "--train-samples",
      defaultValue = "60000",
      description = "Training samples (default CNN).")
  int trainSamples;

  @Option(
      names = "--epochs",
      description =
          "Training epochs of the default model (CNN: 6; ViT: 12 on MNIST, 30 on digits).")
  Integer epochs;

  @Option(
      names = "--backend",
      defaultValue = "simulator",
      description =
          "simulator (the conversion module's own simulators, multi-threaded); for phase1 also the name"
              + " of an executing Accelerator plugin, e.g. cpu-gustavson, that computes every layer's synaptic"
              + " accumulation sum_k B^-k (S_k x W) (dense and conv stages; single-threaded, batched); for rate also"
              + " engine: the neuron engine (--neuron populations, CSR projections, one step of delay per stage).")
  String backend;

  @Option(
      names = "--propagation",
      defaultValue = "event",
      description =
          "With --backend engine: event (visit the synapses of neurons that spiked) or clock (visit"
              + " every synapse every step).")
  String propagation;

  @Option(
      names = "--batch",
      defaultValue = "32",
      description = "Samples per kernel call with --backend.")
  int batch;

  @Option(names = "--threads", defaultValue = "2", description = "Worker threads.")
  int threads;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of initialisation and shuffling.")
  long seed;

  @Option(
      names = "--export-nir",
      paramLabel = "FILE",
      description =
          "Also write the converted network as a NIR graph (IF neurons, reset by subtraction; the coding "
              + "and phase parameters in its metadata). Refused for networks with max pooling, which NIR cannot express.")
  Path exportNir;

  @Option(
      names = "--export-onnx",
      paramLabel = "FILE",
      description =
          "Also write the ANN (imported, loaded or trained) as an ONNX model (opset 13, dynamic batch)"
              + " that onnx and PyTorch tools read.")
  Path exportOnnx;

  @Option(
      names = "--dt",
      defaultValue = "1e-3",
      description =
          "Time step in seconds of one SNN step in the NIR export. Default: ${DEFAULT-VALUE}.")
  double dt;

  @Option(names = "--out", description = "Folder for conversion.json and conversion.csv.")
  Path outDir;

  @Option(names = "--json", description = "Print one JSON object as the last line of stdout.")
  boolean json;

  @Inject
  ConvertCommand(PluginRegistry registry) {
    this(System.out, System.err, registry);
  }

  ConvertCommand(PrintStream out, PrintStream err) {
    this(out, err, PluginRegistry.discover());
  }

  private ConvertCommand(PrintStream out, PrintStream err, PluginRegistry registry) {
    this.out = out;
    this.err = err;
    this.registry = registry;
  }

  @Override
  public Integer call() throws IOException {
    if (!arch.equals("cnn") && !arch.equals("vit")) {
      err.println("unknown --arch '" + arch + "': use cnn or vit");
      return 2;
    }
    if (exportNir != null && (!(dt > 0) || !Double.isFinite(dt))) {
      err.println("--dt must be a time step in seconds, finite and > 0, got " + dt);
      return 2;
    }
    PropagationMode mode;
    try {
      mode = PropagationMode.valueOf(propagation.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("unknown --propagation '" + propagation + "': use event or clock");
      return 2;
    }
    try {
      DataOptions.Choice choice = dataOptions.resolve("mnist");
      ConversionSettings settings =
          ConversionSettings.builder()
              .dataset(choice.dataset())
              .dataDir(choice.dataDir())
              .model(model)
              .onnx(onnx)
              .normalization(
                  normalize == null
                      ? null
                      : InputNormalization.parse(normalize, InputNormalization.PIXELS.pixelScale()))
              .cacheDir(cacheDir)
              .coding(coding)
              .neuron(neuron)
              .baseRoot(baseRoot)
              .octaves(octaves)
              .percentile(percentile)
              .rateSteps(rateSteps)
              .testSamples(testSamples)
              .trainSamples(trainSamples)
              .epochs(epochs)
              .backend(backend)
              .propagation(mode)
              .batch(batch)
              .threads(threads)
              .seed(seed)
              .build();
      return arch.equals("vit") ? vit(settings, registry) : cnn(settings, registry);
    } catch (SnnException | IllegalArgumentException e) {
      // A setting the converter cannot run (unknown plugin, wrong combination, unreadable model):
      // one line.
      err.println(e.getMessage());
      return 2;
    }
  }

  private int cnn(ConversionSettings settings, PluginRegistry registry) throws IOException {
    CnnConversion conversion = CnnConversion.prepare(settings, registry, err);
    if (exportOnnx != null) {
      OnnxExporter.write(conversion.ann(), exportOnnx);
      err.printf(
          "wrote %s: ANN '%s' as ONNX opset %d%n",
          StagedOutput.shown(exportOnnx), conversion.ann().name(), OnnxExporter.OPSET);
    }
    CnnConversion.Converted converted = conversion.convert();
    if (exportNir != null) {
      NetworkGraph graph;
      try {
        graph = conversion.graph(converted, dt);
      } catch (InvalidInputException e) {
        err.println("--export-nir " + exportNir + ": " + e.getMessage());
        return 2;
      }
      new NirWriter().write(graph, exportNir);
      err.printf(
          "wrote %s: %d nodes, %,d parameters%n",
          StagedOutput.shown(exportNir), graph.nodes().size(), graph.parameterCount());
    }
    CnnConversion.Result result = conversion.evaluate(converted);
    result.checkpoints().forEach(report -> err.println(report.tableRow()));
    return finish(ConvertRunReport.of(result));
  }

  private int vit(ConversionSettings settings, PluginRegistry registry) throws IOException {
    SpikedAttentionReport report = VitConversion.run(settings, registry, err);
    err.print(report.table());
    return finish(ConvertRunReport.of(report));
  }

  /** Writes the report files when --out is given and prints the JSON line or the table row. */
  private int finish(ConvertRunReport report) throws IOException {
    ObjectNode node = JsonReport.of("convert", report);
    boolean layers = report.layerErrors() != null;
    if (outDir != null) {
      JsonReport.write(node, outDir.resolve("conversion.json"));
      ConversionCsv.write(outDir.resolve("conversion.csv"), report.conversion());
      if (layers) {
        ConversionCsv.writeLayerErrors(
            outDir.resolve("conversion-layers.csv"), report.layerErrors());
      }
      err.println(
          "wrote "
              + StagedOutput.shown(outDir.resolve("conversion.json"))
              + (layers ? ", conversion.csv and conversion-layers.csv" : " and conversion.csv"));
    }
    if (json) {
      JsonReport.printLine(node, out);
    } else {
      out.println(report.conversion().tableRow());
    }
    return 0;
  }
}
