package org.snncodesign.flow.search;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.search.Candidate;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.CoSearch;
import org.snncodesign.fpga.search.NetworkSpace;
import org.snncodesign.fpga.search.NetworkVariant;
import org.snncodesign.fpga.search.SearchResult;
import org.snncodesign.fpga.search.SearchSettings;
import org.snncodesign.fpga.search.SearchSpaces;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;

/**
 * The co-design search of {@code snn hw search}: a seeded random + evolutionary search ({@link
 * CoSearch}) of an accelerator family's design space for the least energy-delay product under an
 * FPGA budget, against the family's default design as the stated baseline, either on a fixed
 * workload ({@link #acceleratorOnly}) or jointly with per-layer weight sparsity and width of a
 * trained network ({@link #joint}, the genes of {@link CompressedNetworkSpace}).
 *
 * <p>In the joint search the held-out data is cut in two halves (stratified, seeded): variants are
 * run on the validation half for their spike rates and accuracy, and variants more than {@link
 * Settings#maxAccuracyDrop()} points below the unmodified network are rejected; the accuracies
 * reported for the best variant and the unmodified network are measured on the other half, which
 * the search never saw. The accelerator-only search on the unmodified network's workload runs next
 * to it, so that what the network genes gain is stated.
 *
 * <p>Candidates are evaluated by a {@link CandidateEvaluator}: by default on {@link
 * SearchSettings#threads()} threads of this JVM, or on a cluster (Spark tasks, module snn-spark).
 * The evaluator is given the search's problem as data, from which any JVM rebuilds the same spaces
 * (the trained network travels as its JSON, bit-exact; the data set is read again, so an IDX folder
 * must be readable there); the candidates are generated and selected here and the results combined
 * in candidate order.
 *
 * <p>Energies are priced with {@link EnergyTable#HOROWITZ_45NM}. The same settings give the same
 * result, whatever the evaluator.
 */
public final class CoDesignSearch {
  private final Settings settings;
  private final Accelerator baseline;
  private final DesignSpace space;
  private final FpgaResources budget;
  private final CandidateEvaluator evaluator;
  private final PrintStream progress;
  private final PluginRegistry registry;

  /**
   * A search by {@code settings} on {@link SearchSettings#threads()} threads of this JVM, its
   * accelerator found among the plugins of {@code registry}.
   *
   * @param progress told what the search is doing, one line at a time (e.g. standard error)
   * @throws InvalidInputException when the accelerator is unknown, declares no design space, or the
   *     budget is unknown
   */
  public CoDesignSearch(Settings settings, PluginRegistry registry, PrintStream progress) {
    this(
        settings,
        registry,
        CandidateEvaluator.inProcess(settings == null ? 1 : settings.search().threads()),
        progress);
  }

  /**
   * A search by {@code settings} whose candidates {@code evaluator} evaluates, its accelerator
   * found among the plugins of {@code registry} (an evaluator on other JVMs finds it among the
   * plugins on their class path).
   *
   * @param progress told what the search is doing, one line at a time (e.g. standard error)
   * @throws InvalidInputException when the accelerator is unknown, declares no design space, or the
   *     budget is unknown
   */
  public CoDesignSearch(
      Settings settings,
      PluginRegistry registry,
      CandidateEvaluator evaluator,
      PrintStream progress) {
    Checks.checkArgument(
        settings != null && registry != null && evaluator != null && progress != null,
        "settings, registry, evaluator and progress must be given");
    this.settings = settings;
    this.evaluator = evaluator;
    this.progress = progress;
    this.registry = registry;
    this.baseline = registry.require(Accelerator.class, settings.accelerator());
    this.space = designSpace(registry, settings.accelerator());
    this.budget = FpgaResources.device(settings.budget());
  }

  /**
   * The design space of the accelerator named {@code name} among the plugins of {@code registry}.
   */
  static DesignSpace designSpace(PluginRegistry registry, String name) {
    Accelerator accelerator = registry.require(Accelerator.class, name);
    return accelerator
        .designSpace()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "accelerator '"
                        + accelerator.name()
                        + "' declares no design space to search; those that do: "
                        + registry.providers(Accelerator.class).stream()
                            .filter(a -> a.designSpace().isPresent())
                            .map(Accelerator::name)
                            .sorted()
                            .toList()));
  }

  /** The settings searched by. */
  public Settings settings() {
    return settings;
  }

  /** Searches the accelerator's design space alone for the least EDP on {@code workload}. */
  public SearchResult acceleratorOnly(Workload workload) {
    return acceleratorOnly(workload, "co-search");
  }

  private SearchResult acceleratorOnly(Workload workload, String label) {
    Checks.checkArgument(workload != null, "a workload must be given");
    CoDesignProblem problem = new CoDesignProblem.AcceleratorOnly(settings, workload);
    return search(problem, NetworkSpace.fixed(workload), Double.NEGATIVE_INFINITY, label);
  }

  /**
   * Runs the search of {@code problem}, whose network side this JVM has built as {@code network}.
   */
  private SearchResult search(
      CoDesignProblem problem, NetworkSpace network, double minAccuracy, String label) {
    CoDesignProblem.Opened.remember(
        problem, new SearchSpaces(space, network, EnergyTable.HOROWITZ_45NM));
    return new CoSearch(space, budget, settings.search())
        .run(
            problem,
            minAccuracy,
            baseline,
            evaluator,
            line -> progress.println(label + ": " + line));
  }

  /**
   * Searches network genes and the accelerator's design space together on {@code network} (see the
   * class comment), and the accelerator alone on the unmodified network's workload.
   *
   * @throws IOException when the network's data set cannot be read
   */
  public JointResult joint(TrainedNetwork network) throws IOException {
    SpikingNetwork trained;
    TrainingData data;
    long seed = settings.search().seed();
    if (network.network() == null) {
      progress.println(
          "training the default digits network (give a trained network to search your own)");
      DigitsDemoNetwork demo = DigitsDemoNetwork.train(seed, progress);
      trained = demo.network();
      data = demo.data();
    } else {
      trained = network.network();
      data = TrainingData.load(network.dataset(), network.dataDir(), seed, registry);
    }
    // Variants are selected on one half of the held-out data and reported on the other, so the
    // reported accuracy
    // is not the one the search optimised against.
    JointData prepared = JointData.of(settings, trained, data);
    CompressedNetworkSpace networks = prepared.networks();
    NetworkVariant reference = networks.reference();
    double minAccuracy = reference.accuracy() - settings.maxAccuracyDrop() / 100;
    progress.printf(
        Locale.ROOT,
        "co-search: unmodified network %.2f %% on %d validation samples; floor %.2f %%%n",
        100 * reference.accuracy(),
        prepared.validation().samples(),
        100 * minAccuracy);
    SearchResult alone = acceleratorOnly(reference.workload(), "co-search (accelerator only)");
    // The network travels as its JSON (bit-exact) and the data set by name: another JVM rebuilds
    // the same variants.
    CoDesignProblem problem =
        new CoDesignProblem.Joint(
            settings,
            SpikingNetworkJson.toJson(trained),
            network.dataset(),
            network.dataDir() == null ? null : network.dataDir().toString());
    SearchResult joint =
        search(problem, networks, minAccuracy, "co-search (network x accelerator)");
    double baselineTest = MeasuredRun.of(trained, prepared.test()).accuracy();
    double bestTest =
        MeasuredRun.of(networks.network(joint.best().networkGenes()), prepared.test()).accuracy();
    return new JointResult(
        prepared.name(),
        joint,
        alone,
        prepared.validation().samples(),
        prepared.test().samples(),
        baselineTest,
        bestTest);
  }

  /**
   * The network a joint search compresses, and the data set it was trained on.
   *
   * @param network a trained fully connected network, or null for the demo's digits network,
   *     trained from the search's seed ({@link DigitsDemoNetwork})
   * @param dataset the data set's name for {@link TrainingData#load} ({@code digits} with the
   *     default network)
   * @param dataDir the folder of an IDX data set, null for the embedded digits
   */
  public record TrainedNetwork(SpikingNetwork network, String dataset, Path dataDir) {
    public TrainedNetwork {
      Checks.checkArgument(dataset != null, "a trained network needs its data set's name");
    }

    /** The demo's digits network, trained on the spot from the search's seed. */
    public static TrainedNetwork defaultDigits() {
      return new TrainedNetwork(null, "digits", null);
    }
  }

  /**
   * What a joint search found.
   *
   * @param network the network's name: its data set and layer sizes, e.g. {@code digits
   *     64-128-64-10}
   * @param joint the network x accelerator search (its baseline: the default design on the
   *     unmodified network)
   * @param acceleratorOnly the accelerator search alone, on the unmodified network's workload
   * @param validationSamples samples the variants were run on (half of the held-out data)
   * @param testSamples samples of the other half
   * @param baselineTestAccuracy the unmodified network's accuracy on the test half
   * @param bestTestAccuracy the best variant's accuracy on the test half
   */
  public record JointResult(
      String network,
      SearchResult joint,
      SearchResult acceleratorOnly,
      int validationSamples,
      int testSamples,
      double baselineTestAccuracy,
      double bestTestAccuracy) {

    /** The unmodified network: its workload, validation accuracy and configuration. */
    public NetworkVariant reference() {
      return joint.baselineNetwork();
    }

    /** The best design of the joint search. */
    public Candidate best() {
      return joint.best();
    }

    /** Distinct network genomes evaluated. */
    public long networkVariants() {
      return joint.evaluated().stream()
          .map(c -> Arrays.toString(c.networkGenes()))
          .distinct()
          .count();
    }

    /** Designs evaluated whose network variant fell below the accuracy floor. */
    public long rejectedForAccuracy() {
      return joint.evaluated().stream().filter(c -> !c.meetsAccuracy()).count();
    }

    /**
     * The accelerator-only search's best EDP over the joint search's: what searching the network
     * too gained.
     */
    public double networkGenesGain() {
      return acceleratorOnly.best().edp() / joint.best().edp();
    }
  }

  /**
   * How a co-design search runs; build with {@link #builder()}.
   *
   * @param accelerator name of the accelerator plugin whose design space is searched; its default
   *     design is the baseline
   * @param budget FPGA resource budget, by name ({@link FpgaResources#device})
   * @param search the search's size, seed (also of the default network's training, the validation
   *     split and the fine-tuning), evaluation threads and static energy policy
   * @param maxAccuracyDrop joint search: variants more than this many percentage points below the
   *     unmodified network's validation accuracy are rejected, in [0, 100]
   * @param fineTuneEpochs joint search: epochs every compressed variant is fine-tuned on the
   *     training split, keeping its sparsity and widths, 0 for post-training compression only
   * @param firstLayer joint search: how the analog-input first layer is priced (and whether it has
   *     genes)
   */
  public record Settings(
      String accelerator,
      String budget,
      SearchSettings search,
      double maxAccuracyDrop,
      int fineTuneEpochs,
      MeasuredRun.FirstLayer firstLayer)
      implements Serializable {
    public Settings {
      Checks.checkArgument(
          accelerator != null && budget != null && search != null && firstLayer != null,
          "accelerator, budget, search settings and first-layer pricing must be given");
      Checks.checkArgument(
          maxAccuracyDrop >= 0 && maxAccuracyDrop <= 100,
          "the accuracy drop must be in [0, 100] points, got %s",
          maxAccuracyDrop);
      Checks.nonNegative(fineTuneEpochs, "fineTuneEpochs");
    }

    /**
     * A builder starting from {@code spikex-systolic} under {@code zynq-7020}, {@link
     * SearchSettings#DEFAULT}, a 1-point accuracy drop, no fine-tuning and the first layer priced
     * as bit planes.
     */
    public static Builder builder() {
      return new Builder();
    }

    /** Builder for {@link Settings}. */
    public static final class Builder {
      private String accelerator = "spikex-systolic";
      private String budget = "zynq-7020";
      private SearchSettings search = SearchSettings.DEFAULT;
      private double maxAccuracyDrop = 1.0;
      private int fineTuneEpochs;
      private MeasuredRun.FirstLayer firstLayer = MeasuredRun.FirstLayer.BIT_PLANES;

      private Builder() {}

      public Builder accelerator(String value) {
        accelerator = value;
        return this;
      }

      public Builder budget(String value) {
        budget = value;
        return this;
      }

      public Builder search(SearchSettings value) {
        search = value;
        return this;
      }

      public Builder maxAccuracyDrop(double points) {
        maxAccuracyDrop = points;
        return this;
      }

      public Builder fineTuneEpochs(int value) {
        fineTuneEpochs = value;
        return this;
      }

      public Builder firstLayer(MeasuredRun.FirstLayer value) {
        firstLayer = value;
        return this;
      }

      public Settings build() {
        return new Settings(
            accelerator, budget, search, maxAccuracyDrop, fineTuneEpochs, firstLayer);
      }
    }
  }
}
