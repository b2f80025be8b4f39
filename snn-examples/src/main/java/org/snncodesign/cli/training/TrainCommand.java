package org.snncodesign.cli.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.snncodesign.api.Choices;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.cli.data.DataOptions;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.flow.graph.NirExport;
import org.snncodesign.flow.report.LearningCurveChart;
import org.snncodesign.flow.report.ProgressBar;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.flow.training.SurrogateGradientTraining;
import org.snncodesign.flow.training.TrainRunReport;
import org.snncodesign.flow.training.TrainingReport;
import org.snncodesign.learning.surrogate.NetworkArchitecture;
import org.snncodesign.learning.surrogate.OptimizerKind;
import org.snncodesign.learning.surrogate.Readout;
import org.snncodesign.learning.surrogate.ResetMode;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;
import org.snncodesign.learning.surrogate.SurrogateKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code snn train}: direct surrogate-gradient training of a dense or convolutional spiking network
 * of LIF neurons or a trainable neuron model plugin ({@code --neuron}; see {@link
 * NetworkArchitecture} for the {@code --arch} syntax), optionally pruned by gradient rewiring and
 * quantised by LSQ (the FireFly-S software flow; the recipe is {@link SurrogateGradientTraining}),
 * with a progress line per epoch on stderr and a JSON report, a CSV log, the model JSON and a PNG
 * learning curve in the output folder.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train a spiking network with surrogate gradients; prune with Grad R (--sparsity) and quantise "
            + "with LSQ (--bits).")
public final class TrainCommand implements Callable<Integer> {

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--arch",
      description =
          "Layer sizes, e.g. 784-500-10, or an input shape CxHxW followed by "
              + "conv layers c<channels>k<kernel>[s<stride>][p<padding>][a<pool>] (a2 = 2x2 average pooling of the "
              + "spikes) and dense sizes, e.g. 1x28x28-c16k5s2-c32k3s2-10 or 1x28x28-c16k5p2a2-c32k5p2a2-10 "
              + "(1x8x8-c8k3-10 for digits). Default: 64-128-10 for digits, 784-800-10 for IDX data sets.")
  String architecture;

  @Option(
      names = "--timesteps",
      defaultValue = "8",
      description = "Time steps T. Default: ${DEFAULT-VALUE}.")
  int timesteps;

  @Option(
      names = "--sparsity",
      defaultValue = "0",
      description =
          "Target weight sparsity in [0, 1) reached by gradient rewiring (0 = dense). Default: "
              + "${DEFAULT-VALUE}.")
  double sparsity;

  @Option(
      names = "--bits",
      defaultValue = "0",
      description = "LSQ weight bits, 2..8 (0 = float). Default: ${DEFAULT-VALUE}.")
  int bits;

  @Option(names = "--epochs", description = "Epochs. Default: 30 for digits, 15 for IDX data sets.")
  Integer epochs;

  @Option(
      names = "--batch",
      defaultValue = "64",
      description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(
      names = "--lr",
      defaultValue = "0.001",
      description = "Initial learning rate (cosine-annealed to 0). Default: ${DEFAULT-VALUE}.")
  float learningRate;

  @Option(
      names = "--optimizer",
      defaultValue = "adam",
      description = "adam or sgd. Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(
      names = "--surrogate",
      defaultValue = "fast-sigmoid",
      description = "fast-sigmoid, arctan or triangle. Default: ${DEFAULT-VALUE}.")
  String surrogate;

  @Option(
      names = "--readout",
      defaultValue = "membrane",
      description = "membrane (mean potential) or spike-count. Default: ${DEFAULT-VALUE}.")
  String readout;

  @Option(
      names = "--beta",
      defaultValue = "0.9",
      description = "Membrane decay per step (1 = IF neurons). Default: ${DEFAULT-VALUE}.")
  float beta;

  @Option(
      names = "--threshold",
      defaultValue = "1.0",
      description = "Firing threshold. Default: ${DEFAULT-VALUE}.")
  float threshold;

  @Option(
      names = "--reset",
      defaultValue = "subtract",
      description = "subtract or zero. Default: ${DEFAULT-VALUE}.")
  String reset;

  @Option(
      names = "--neuron",
      paramLabel = "NAME",
      description =
          "Neuron model plugin of the spiking layers, one that can be trained (TrainableNeuronModel: "
              + "lif, if or a plugin's, see snn plugins); --beta and --threshold reach it as tau_m = dt / "
              + "(1 - beta), R = tau_m / dt and v_th where it declares them. The NIR export names it, so "
              + "the engine runs the network with it. Default: lif, or if with --beta 1.")
  String neuron;

  @Option(names = "--threads", description = "Worker threads. Default: available processors.")
  Integer threads;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of weights and shuffling. Default: " + "${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--limit", description = "Use only the first N training samples (quick runs).")
  Integer limit;

  @Option(
      names = "--out",
      defaultValue = "snn-out/train",
      description =
          "Folder for train.json, train.csv, model.json and learning-curve.png. Default: "
              + "${DEFAULT-VALUE}.")
  Path out;

  @Option(
      names = "--export-nir",
      paramLabel = "FILE",
      description =
          "Also write the trained network as a NIR graph (for snnTorch, Norse, ... and snn nir / hw "
              + "--nir), re-import it and report its test accuracy on the event-driven engine.")
  Path exportNir;

  @Option(
      names = "--dt",
      defaultValue = "1e-3",
      description =
          "Time step in seconds the NIR export states (tau = dt / (1 - beta), r = tau / dt; any dt gives "
              + "the same discrete network). Default: ${DEFAULT-VALUE}.")
  double dt;

  @Option(names = "--no-chart", description = "Skip the PNG learning curve.")
  boolean noChart;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  private final PluginRegistry registry;

  /** With the plugins of the context class loader, as picocli builds it without Guice. */
  public TrainCommand() {
    this(PluginRegistry.discover());
  }

  /** With the plugins {@code snn} was started with ({@code --plugins}, the class path). */
  @Inject
  TrainCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new ParameterException(
          new CommandLine(this), "--dt must be a time step in seconds, finite and > 0, got " + dt);
    }
    // Settings out of range, an unknown data set or an architecture that does not fit it end in one
    // line.
    DataOptions.Choice choice = dataOptions.resolve("digits");
    SurrogateGradientTraining training =
        SurrogateGradientTraining.prepare(
            SurrogateGradientTraining.Settings.builder()
                .dataset(choice.dataset())
                .dataDir(choice.dataDir())
                .architecture(architecture)
                .timesteps(timesteps)
                .sparsity(sparsity)
                .bits(bits)
                .epochs(epochs)
                .batch(batch)
                .learningRate(learningRate)
                .optimizer(OptimizerKind.parse(optimizer))
                .surrogate(SurrogateKind.parse(surrogate))
                .readout(Readout.parse(readout))
                .beta(beta)
                .threshold(threshold)
                .reset(Choices.parse(ResetMode.class, reset, "--reset"))
                .neuron(neuron)
                .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                .seed(seed)
                .limit(limit)
                .build(),
            registry);
    TrainingData data = training.data();
    SpikingNetwork network = training.initialNetwork();
    err.printf(
        "snn train: %s, %s, %d train / %d test samples, %d epochs, sparsity %.2f, %s weights, %d threads%n",
        data.name(),
        network,
        data.trainLabels().length,
        data.testLabels().length,
        training.epochs(),
        sparsity,
        bits > 0 ? bits + "-bit" : "float",
        training.options().threads());
    SurrogateGradientTraining.Result result =
        training.run(
            network,
            epoch ->
                err.printf(
                    Locale.ROOT,
                    "epoch %3d/%d %s loss %.4f  train %.2f%%  test %.2f%%  sparsity %.1f%%  %.1f s%n",
                    epoch.number(),
                    epoch.of(),
                    ProgressBar.of(epoch.number(), epoch.of(), 20),
                    epoch.train().loss(),
                    100 * epoch.train().trainAccuracy(),
                    100 * epoch.testAccuracy(),
                    100 * epoch.train().weightSparsity(),
                    epoch.train().seconds()));
    Path csvFile = out.resolve("train.csv");
    result.log().writeCsv(csvFile);
    Path modelFile = out.resolve("model.json");
    SpikingNetworkJson.write(network, modelFile);
    Path pngFile = out.resolve("learning-curve.png");
    if (!noChart) {
      List<SurrogateGradientTraining.Epoch> epochList = result.epochs();
      LearningCurveChart.write(
          pngFile,
          "snn train " + data.name(),
          epochList.stream().map(e -> e.train().trainAccuracy()).toList(),
          epochList.stream().map(SurrogateGradientTraining.Epoch::testAccuracy).toList(),
          epochList.stream().map(e -> e.train().weightSparsity()).toList());
    }
    TrainRunReport.NirCheck nir =
        exportNir == null
            ? null
            : NirExport.writeAndCheck(network, dt, exportNir, data.testSet(), err)
                .shownAs(StagedOutput.shown(exportNir));
    TrainingReport figures = result.report();
    ObjectNode report =
        JsonReport.of(
            "train",
            new TrainRunReport(
                nir,
                figures,
                StagedOutput.shown(modelFile).toString(),
                StagedOutput.shown(csvFile).toString(),
                noChart ? null : StagedOutput.shown(pngFile).toString()));
    JsonReport.write(report, out.resolve("train.json"));
    PrintStream stdout = System.out;
    if (json) {
      JsonReport.printLine(report, stdout);
    } else {
      stdout.printf(
          Locale.ROOT,
          "%s %s: test accuracy %.2f%%, weight sparsity %.1f%%, %s weights, %.1f s; "
              + "report in %s%n",
          data.name(),
          figures.architecture(),
          100 * figures.testAccuracy(),
          100 * figures.weightSparsity(),
          bits > 0 ? bits + "-bit" : "float",
          figures.trainSeconds(),
          out);
    }
    return 0;
  }
}
