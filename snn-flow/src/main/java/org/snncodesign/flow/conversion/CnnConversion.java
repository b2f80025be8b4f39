package org.snncodesign.flow.conversion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.InputNormalizationFolding;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.onnx.OnnxImportException;
import org.snncodesign.conversion.onnx.OnnxImporter;
import org.snncodesign.conversion.snn.AcceleratedOneSpikeSimulator;
import org.snncodesign.conversion.snn.AnnToSnnConverter;
import org.snncodesign.conversion.snn.ConversionReport;
import org.snncodesign.conversion.snn.ConvertedNetwork;
import org.snncodesign.conversion.snn.ConvertedNetworkGraphs;
import org.snncodesign.conversion.snn.EngineRateRunner;
import org.snncodesign.conversion.snn.OneSpikeSimulator;
import org.snncodesign.conversion.snn.RateSimulator;
import org.snncodesign.conversion.snn.SnnEvaluation;
import org.snncodesign.conversion.training.AnnTrainer;
import org.snncodesign.conversion.training.CnnArchitectures;
import org.snncodesign.conversion.training.TrainingSettings;
import org.snncodesign.flow.data.IdxDataset;
import org.snncodesign.flow.data.ImageSet;

/**
 * The recipe of {@code snn convert --arch cnn}: a CNN (a model JSON, an ONNX import, or the default
 * LeNet-class CNN trained on the data set and cached) converted to a spiking network by threshold
 * balancing and run on the test set with the coding plugin named in the settings ({@link
 * ConversionCoding}: one-spike phase coding or rate coding), reporting ANN versus SNN accuracy,
 * latency, spikes, operations and energy ({@link ConversionReport}, priced with {@link
 * EnergyTable#HOROWITZ_45NM}).
 *
 * <p>Three steps, so that a caller can act between them (export the ANN after {@link #prepare}, the
 * SNN graph after {@link #convert}):
 *
 * <pre>{@code
 * CnnConversion conversion = CnnConversion.prepare(settings, PluginRegistry.discover(), System.err);
 * CnnConversion.Converted snn = conversion.convert();
 * CnnConversion.Result result = conversion.evaluate(snn);
 * }</pre>
 *
 * <p>The phase-coded network runs on the conversion's own multi-threaded simulator or on an
 * executing {@link Accelerator} plugin, with the phase code's own one-spike neurons (no neuron
 * model plugin but the default {@code if} is accepted). The rate-coded one runs on the conversion's
 * rate simulator or on the neuron engine, in both with populations of the neuron model plugin named
 * in the settings ({@code if}, the default, on the rate simulator's built-in loop, which gives the
 * same spikes). The same settings give the same result (times apart).
 */
public final class CnnConversion {
  /** Training images the activations are normalised on (threshold balancing). */
  public static final int CALIBRATION_SAMPLES = 500;

  /** The backend that runs a converted network on the conversion module's own simulators. */
  public static final String SIMULATOR = "simulator";

  /** The backend that runs a rate-coded network on the neuron engine. */
  public static final String ENGINE = "engine";

  private final ConversionSettings settings;
  private final ConversionCoding coding;
  private final Accelerator kernel;
  private final NeuronModel neuron;
  private final ImageSet data;
  private final AnnModel ann;
  private final String modelName;
  private final LabeledImages test;
  private final LabeledImages calibration;
  private final PrintStream progress;

  private CnnConversion(
      ConversionSettings settings,
      ConversionCoding coding,
      Accelerator kernel,
      NeuronModel neuron,
      ImageSet data,
      AnnModel ann,
      String modelName,
      LabeledImages test,
      LabeledImages calibration,
      PrintStream progress) {
    this.settings = settings;
    this.coding = coding;
    this.kernel = kernel;
    this.neuron = neuron;
    this.data = data;
    this.ann = ann;
    this.modelName = modelName;
    this.test = test;
    this.calibration = calibration;
    this.progress = progress;
  }

  /**
   * Checks the settings against the plugins of {@code registry}, reads the data set and the model
   * (training and caching the default CNN when none is given) and applies the input normalisation,
   * folding it into the first layer where that is exact.
   *
   * @param progress told what happens, one line at a time (e.g. standard error)
   * @throws InvalidInputException (or another {@link org.snncodesign.api.SnnException}) naming the
   *     bad setting: an unknown coding, backend or neuron plugin, a combination that cannot run, a
   *     missing data folder, or a model file that cannot be read
   * @throws IOException when the data set or the model cannot be read
   */
  public static CnnConversion prepare(
      ConversionSettings settings, PluginRegistry registry, PrintStream progress)
      throws IOException {
    Checks.checkArgument(
        settings != null && registry != null && progress != null,
        "settings, registry and progress must be given");
    if (settings.dataset().equals("digits")) {
      throw new InvalidInputException(
          "a CNN conversion reads an IDX data set (mnist, fashion-mnist, idx:NAME) or a data-set"
              + " plugin's file, not digits (which --arch vit converts)");
    }
    if (settings.dataDir() == null) {
      throw new InvalidInputException(
          "a CNN conversion reads an IDX data set or a data-set plugin's file: give its folder or"
              + " file (data dir)");
    }
    ConversionCoding coding =
        ConversionCoding.resolve(
            registry, settings.coding(), baseRoot(settings), settings.octaves());
    String backend = settings.backend();
    Accelerator kernel = null;
    NeuronModel neuron = null;
    if (!coding.isPhase()) {
      neuron = registry.require(NeuronModel.class, settings.neuron());
    } else if (!settings.neuron().equals(ConversionSettings.DEFAULT_NEURON)) {
      throw new InvalidInputException(phaseNeuronRefusal(settings.neuron(), coding.name()));
    }
    if (backend.equals(ENGINE)) {
      if (coding.isPhase()) {
        throw new InvalidInputException(
            "backend engine runs only coding rate, got " + coding.name());
      }
    } else if (!backend.equals(SIMULATOR)) {
      if (!coding.isPhase()) {
        throw new InvalidInputException(
            "backend " + backend + " runs only coding phase1, got " + coding.name());
      }
      kernel = registry.require(Accelerator.class, backend);
      if (!kernel.executes()) {
        throw new InvalidInputException(
            "backend "
                + backend
                + " models hardware and does not execute layers; use"
                + " an executing backend such as cpu-gustavson");
      }
    }
    if (IdxDataset.names(settings.dataset()) && !Files.isDirectory(settings.dataDir())) {
      throw new InvalidInputException("data dir " + settings.dataDir() + " is not a folder");
    }
    if (settings.onnx() != null && settings.model() != null) {
      throw new InvalidInputException("give either a model JSON or an ONNX model, not both");
    }
    Path onnxFile =
        settings.onnx() != null
            ? settings.onnx()
            : settings.model() != null && settings.model().toString().endsWith(".onnx")
                ? settings.model()
                : null;
    ImageSet data = ImageSet.of(settings.dataset(), settings.dataDir(), settings.seed(), registry);
    AnnModel ann;
    try {
      ann =
          onnxFile != null
              ? OnnxImporter.read(onnxFile)
              : settings.model() != null ? AnnJson.read(settings.model()) : null;
    } catch (OnnxImportException | NoSuchFileException e) {
      throw new InvalidInputException("cannot read model: " + e.getMessage());
    }
    Path modelFile = onnxFile != null ? onnxFile : settings.model();
    LabeledImages test = data.test(settings.testSamples());
    LabeledImages calibration = data.train(CALIBRATION_SAMPLES);
    ann = ann != null ? ann : cachedOrTrained(settings, data, progress);
    InputNormalization normalization = settings.normalization();
    ann =
        InputNormalizationFolding.fold(
            normalization == null ? ann : ann.withInputNormalization(normalization));
    progress.println("input: " + InputNormalizationFolding.describe(ann));
    // Reports name a model by the file the user gave (the graph's own name, e.g. torch_jit, is a
    // field apart).
    String modelName =
        modelFile != null && modelFile.getFileName() != null
            ? modelFile.getFileName().toString()
            : ann.name();
    return new CnnConversion(
        settings, coding, kernel, neuron, data, ann, modelName, test, calibration, progress);
  }

  /** The settings converted by. */
  public ConversionSettings settings() {
    return settings;
  }

  /** The coding the converted network runs. */
  public ConversionCoding coding() {
    return coding;
  }

  /** The data set. */
  public ImageSet data() {
    return data;
  }

  /** The ANN converted: read, imported or trained, with its input normalisation applied. */
  public AnnModel ann() {
    return ann;
  }

  /** The model's name in reports: the file it was read from, else the ANN's own name. */
  public String modelName() {
    return modelName;
  }

  /**
   * Measures the ANN on the test set and converts it (threshold balancing on {@value
   * #CALIBRATION_SAMPLES} images).
   */
  public Converted convert() {
    double annAccuracy = new AnnNetwork(ann).accuracy(test, settings.threads());
    progress.printf(
        Locale.ROOT,
        "ANN %s (graph %s): accuracy %.4f on %d %s samples, %,d MACs%n",
        modelName,
        ann.name(),
        annAccuracy,
        test.count(),
        data.name(),
        ann.macs());
    long t0 = System.nanoTime();
    ConvertedNetwork snn = new AnnToSnnConverter(settings.percentile()).convert(ann, calibration);
    double seconds = (System.nanoTime() - t0) / 1e9;
    progress.printf(
        Locale.ROOT,
        "converted in %.2f s: %d stages, %,d synapses%n",
        seconds,
        snn.stageCount(),
        snn.synapses());
    return new Converted(snn, annAccuracy, seconds);
  }

  /**
   * The converted network as a graph of NIR primitives (IF neurons, reset by subtraction), the
   * coding and phase parameters in its metadata.
   *
   * @param dt time step in seconds of one SNN step
   * @throws InvalidInputException when the network has max pooling, which NIR cannot express
   */
  public NetworkGraph graph(Converted converted, double dt) {
    return coding.isPhase()
        ? ConvertedNetworkGraphs.phaseCoded(converted.network(), coding.phase(), dt)
        : ConvertedNetworkGraphs.rateCoded(converted.network(), dt);
  }

  /**
   * Runs the converted network on the test set with the settings' coding and backend; a rate-coded
   * run is read out at 16, 32, 64, ... steps up to {@link ConversionSettings#rateSteps()}.
   *
   * @throws InvalidInputException when the engine cannot run the network (e.g. overlapping max-pool
   *     windows)
   * @throws IOException when the data set's files cannot be read for their hash
   */
  public Result evaluate(Converted converted) throws IOException {
    ConvertedNetwork snn = converted.network();
    List<ConversionReport> reports = new ArrayList<>();
    Long kernelAdds = null;
    Long kernelCalls = null;
    if (coding.isPhase()) {
      SnnEvaluation e;
      if (kernel == null) {
        e = new OneSpikeSimulator(snn, coding.phase()).evaluate(test, settings.threads());
      } else {
        AcceleratedOneSpikeSimulator.AcceleratedEvaluation run =
            new AcceleratedOneSpikeSimulator(snn, coding.phase(), kernel)
                .evaluate(test, settings.batch());
        e = run.evaluation();
        kernelAdds = run.kernelAdds();
        kernelCalls = run.kernelCalls();
        progress.printf(
            Locale.ROOT,
            "backend %s: %,d kernel adds in %,d calls, %.2f s%n",
            run.backend(),
            kernelAdds,
            kernelCalls,
            e.seconds());
      }
      reports.add(report(converted, e));
    } else {
      int[] checkpoints = checkpoints(settings.rateSteps());
      List<SnnEvaluation> runs;
      if (settings.backend().equals(ENGINE)) {
        EngineRateRunner runner =
            new EngineRateRunner(snn, neuron, settings.propagation(), checkpoints);
        runs = runner.evaluate(test, settings.threads());
        progress.printf(
            Locale.ROOT,
            "engine (%s propagation): %d rate steps in %d engine steps, %.2f s%n",
            settings.propagation().name().toLowerCase(Locale.ROOT),
            settings.rateSteps(),
            runner.engineSteps(settings.rateSteps()),
            runs.get(runs.size() - 1).seconds());
      } else {
        // The built-in loop is the if plugin's neurons, summed in its own order
        // (RateSimulatorTest);
        // it keeps the default's figures as they were.
        NeuronModel populations = defaultNeuron(settings) ? null : neuron;
        runs = new RateSimulator(snn, populations, checkpoints).evaluate(test, settings.threads());
      }
      for (SnnEvaluation e : runs) {
        reports.add(report(converted, e));
      }
    }
    return new Result(
        List.copyOf(reports),
        ann.name(),
        data.sha256(),
        AppliedNormalization.of(snn.inputNormalization(), snn.inputNormalizationNote()),
        settings.backend(),
        settings.backend().equals(ENGINE)
            ? settings.propagation().name().toLowerCase(Locale.ROOT)
            : null,
        defaultNeuron(settings) ? null : settings.neuron(),
        kernelAdds,
        kernelCalls);
  }

  private ConversionReport report(Converted converted, SnnEvaluation e) {
    return ConversionReport.of(
            data.name(),
            converted.network(),
            converted.annAccuracy(),
            e,
            coding.phase(),
            EnergyTable.HOROWITZ_45NM,
            converted.conversionSeconds())
        .withModel(modelName);
  }

  private static boolean defaultNeuron(ConversionSettings settings) {
    return settings.neuron().equals(ConversionSettings.DEFAULT_NEURON);
  }

  /**
   * Why a phase-coded run takes no neuron model: its neurons are the code. Each integrates one
   * window of input without leak and fires once, in the first phase whose threshold {@code B^-k}
   * its potential reaches, subtracting that threshold, so that the spike's phase is the value's
   * digit in base {@code B}; a model with its own leak, reset or threshold would change the code,
   * not the neuron, and no plugin contract says how to keep it exact.
   */
  static String phaseNeuronRefusal(String neuron, String coding) {
    return "neuron "
        + neuron
        + ": coding "
        + coding
        + " runs its own one-spike neurons, whose threshold is the phase code, and takes only"
        + " neuron "
        + ConversionSettings.DEFAULT_NEURON
        + "; coding rate runs any neuron model plugin";
  }

  /** 16, 32, 64, ... below {@code steps}, then {@code steps}. */
  private static int[] checkpoints(int steps) {
    List<Integer> list = new ArrayList<>();
    for (int t = 16; t < steps; t *= 2) {
      list.add(t);
    }
    list.add(steps);
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The phase base's m: the one set, else 2 (base {@code 2^(1/2)}). */
  static int baseRoot(ConversionSettings settings) {
    return settings.baseRoot() != null ? settings.baseRoot() : 2;
  }

  /** The default CNN's epochs: the number set, else 6. */
  static int epochs(ConversionSettings settings) {
    return settings.epochs() != null ? settings.epochs() : 6;
  }

  private static AnnModel cachedOrTrained(
      ConversionSettings settings, ImageSet data, PrintStream progress) throws IOException {
    Path dir =
        settings.cacheDir() != null
            ? settings.cacheDir()
            : Path.of(System.getProperty("user.home"), ".cache", "snn-codesign");
    Path file =
        dir.resolve(
            String.format(
                Locale.ROOT,
                "%s-lenet-e%d-n%d-s%d.json",
                data.cacheKey(),
                epochs(settings),
                settings.trainSamples(),
                settings.seed()));
    if (Files.exists(file)) {
      progress.println("using cached model " + file);
      return AnnJson.read(file);
    }
    LabeledImages train = data.train(settings.trainSamples());
    TensorShape shape = train.shape();
    if (shape.channels() != 1 || shape.height() != shape.width()) {
      throw new InvalidInputException(
          "the default LeNet takes square one-channel images; "
              + data.name()
              + " has "
              + shape.channels()
              + " x "
              + shape.height()
              + " x "
              + shape.width()
              + " (give one with --model)");
    }
    AnnModel fresh =
        CnnArchitectures.lenet(1, shape.height(), 16, 32, 128, train.classes(), settings.seed());
    progress.printf(
        "training %s on %d samples for %d epochs (cached afterwards in %s)%n",
        fresh.name(), train.count(), epochs(settings), file);
    new AnnTrainer(
            TrainingSettings.adam(epochs(settings), settings.seed())
                .withThreads(settings.threads()))
        .train(new AnnNetwork(fresh), train, null, progress::println);
    AnnJson.write(fresh, file);
    return fresh;
  }

  /**
   * A converted network and the ANN it came from.
   *
   * @param network the spiking network
   * @param annAccuracy the ANN's accuracy on the test set
   * @param conversionSeconds time the conversion took (varies from run to run)
   */
  public record Converted(ConvertedNetwork network, double annAccuracy, double conversionSeconds) {}

  /**
   * What a CNN conversion measured. Jackson writes the run's own fields, with snake-case keys in
   * this order and null fields left out; {@link ConvertRunReport#of(Result)} puts them after the
   * last report's, as {@code snn convert} reports them.
   *
   * @param checkpoints the report of every read-out: one for phase coding, one per checkpoint for
   *     rate coding
   * @param graphName the ANN graph's own name (e.g. {@code torch_jit} for a PyTorch export)
   * @param datasetSha256 SHA-256 of the data set's files ({@link ImageSet#sha256()})
   * @param inputNormalization the input normalisation the network applies, and how
   * @param backend the backend that ran the network
   * @param propagation the engine's propagation ({@code event} or {@code clock}), null for other
   *     backends
   * @param neuron the rate-coded network's neuron model plugin when it is not {@code if}, else null
   * @param kernelAdds fp32 adds an executing accelerator reported, null for other backends
   * @param kernelCalls the accelerator's {@code execute} calls, null for other backends
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(
      @JsonIgnore List<ConversionReport> checkpoints,
      String graphName,
      String datasetSha256,
      AppliedNormalization inputNormalization,
      String backend,
      String propagation,
      String neuron,
      Long kernelAdds,
      Long kernelCalls) {

    /** The report of the last read-out (the full run). */
    public ConversionReport report() {
      return checkpoints.get(checkpoints.size() - 1);
    }
  }

  /**
   * The input normalisation a converted network applies, as its report states it: {@code (pixel /
   * pixelScale - mean[c]) / std[c]} per channel {@code c} ({@link InputNormalization}).
   *
   * @param pixelScale what raw pixels are divided by first
   * @param mean every channel's mean
   * @param std every channel's standard deviation
   * @param applied how it is applied: folded into the first layer, or applied to the input
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record AppliedNormalization(
      float pixelScale, List<Float> mean, List<Float> std, String applied) {

    /** {@code normalization}'s figures, applied as {@code applied} says. */
    public static AppliedNormalization of(InputNormalization normalization, String applied) {
      return new AppliedNormalization(
          normalization.pixelScale(),
          boxed(normalization.mean()),
          boxed(normalization.std()),
          applied);
    }

    private static List<Float> boxed(float[] values) {
      List<Float> list = new ArrayList<>(values.length);
      for (float value : values) {
        list.add(value);
      }
      return List.copyOf(list);
    }
  }
}
