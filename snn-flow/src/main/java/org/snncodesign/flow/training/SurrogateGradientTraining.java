package org.snncodesign.flow.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.neuron.TrainableNeuronModel;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.data.IdxDataset;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.flow.report.ResultTable;
import org.snncodesign.learning.quantization.LsqQuantizer;
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
import org.snncodesign.learning.surrogate.SurrogateFunction;
import org.snncodesign.learning.surrogate.SurrogateGradientTrainer;
import org.snncodesign.learning.surrogate.SurrogateKind;
import org.snncodesign.learning.surrogate.TrainableNeurons;
import org.snncodesign.learning.surrogate.TrainingOptions;
import org.snncodesign.learning.surrogate.WeightTransform;

/**
 * The recipe of {@code snn train}: direct surrogate-gradient training of a dense or convolutional
 * spiking network (built-in LIF neurons, or any trainable neuron model plugin by name) ({@link
 * NetworkArchitecture} syntax) on a named data set, optionally pruned by gradient rewiring to a
 * target weight sparsity and quantised by LSQ (the FireFly-S software flow), the test set evaluated
 * after every epoch.
 *
 * <pre>{@code
 * SurrogateGradientTraining training = SurrogateGradientTraining.prepare(
 *     SurrogateGradientTraining.Settings.builder().dataset("digits").epochs(5).sparsity(0.8).bits(4).build());
 * SurrogateGradientTraining.Result result = training.run(epoch -> System.err.println(epoch));
 * TrainingReport report = result.report();
 * }</pre>
 *
 * <p>The same settings give the same network, epochs and report (training time apart) with any
 * number of threads.
 */
public final class SurrogateGradientTraining {
  private final Settings settings;
  private final TrainingData data;
  private final String architecture;
  private final int epochs;
  private final TrainableNeuronModel neuron;

  private SurrogateGradientTraining(
      Settings settings,
      TrainingData data,
      String architecture,
      int epochs,
      TrainableNeuronModel neuron) {
    this.settings = settings;
    this.data = data;
    this.architecture = architecture;
    this.epochs = epochs;
    this.neuron = neuron;
  }

  /**
   * {@link #prepare(Settings, PluginRegistry)} with the plugins of the context class loader.
   *
   * @throws InvalidInputException when a setting is bad (see there)
   * @throws IOException when the data set's files cannot be read
   */
  public static SurrogateGradientTraining prepare(Settings settings) throws IOException {
    return prepare(settings, PluginRegistry.discover());
  }

  /**
   * Loads the data set, checks the architecture against it and finds the neuron model in {@code
   * registry}, so that a bad setting fails before any training.
   *
   * @throws InvalidInputException when the data set is unknown or unreadable, the architecture does
   *     not parse or does not fit the data set's inputs and classes, or the neuron model is not
   *     trainable ({@link org.snncodesign.api.neuron.TrainableNeuronModel}) or cannot train with
   *     beta, threshold and reset
   * @throws org.snncodesign.api.SnnException when no neuron model plugin has the name
   * @throws IOException when the data set's files cannot be read
   */
  public static SurrogateGradientTraining prepare(Settings settings, PluginRegistry registry)
      throws IOException {
    Checks.checkArgument(
        settings != null && registry != null, "settings and registry must be given");
    TrainableNeuronModel neuron =
        settings.neuron() == null ? null : TrainableNeurons.require(registry, settings.neuron());
    TrainingData data =
        TrainingData.load(settings.dataset(), settings.dataDir(), settings.seed(), registry);
    if (settings.limit() != null) {
      data = data.limit(settings.limit(), data.testLabels().length);
    }
    // IDX image sets are MNIST-shaped (28x28, 60k samples): they share its default hidden layer
    // and epochs; the digits and plugin data sets get the digits' ones.
    boolean idx = IdxDataset.names(settings.dataset());
    String architecture =
        settings.architecture() != null
            ? settings.architecture()
            : data.inputs() + (idx ? "-800-" : "-128-") + data.classes();
    List<SpikingLayer> shapes;
    try {
      shapes = NetworkArchitecture.parse(architecture).layers();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("architecture: " + e.getMessage());
    }
    if (shapes.get(0).inputs() != data.inputs()
        || shapes.get(shapes.size() - 1).outputs() != data.classes()) {
      throw new InvalidInputException(
          "architecture must start with "
              + data.inputs()
              + " inputs and end with "
              + data.classes()
              + " classes for "
              + data.name());
    }
    int epochs = settings.epochs() != null ? settings.epochs() : idx ? 15 : 30;
    SurrogateGradientTraining training =
        new SurrogateGradientTraining(settings, data, architecture, epochs, neuron);
    try {
      training.initialNetwork();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
    return training;
  }

  /** The settings trained by. */
  public Settings settings() {
    return settings;
  }

  /** The data set loaded (limited to {@link Settings#limit()} training samples when one is set). */
  public TrainingData data() {
    return data;
  }

  /** The architecture trained: the one set, else the data set's default. */
  public String architecture() {
    return architecture;
  }

  /**
   * The epochs trained: the number set, else the data set's default (15 for IDX sets, 30 for
   * digits).
   */
  public int epochs() {
    return epochs;
  }

  /**
   * The trainer's options: surrogate, optimiser, learning rate and its cosine schedule, batch,
   * threads and seed.
   */
  public TrainingOptions options() {
    return TrainingOptions.builder()
        .surrogate(SurrogateFunction.of(settings.surrogate()))
        .optimizer(settings.optimizer())
        .learningRate(settings.learningRate())
        .batchSize(settings.batch())
        .threads(settings.threads())
        .seed(settings.seed())
        .cosineEpochs(epochs)
        .build();
  }

  /**
   * A freshly initialised network of {@link #architecture()} and the settings' neuron model, its
   * weights drawn from the seed.
   */
  public SpikingNetwork initialNetwork() {
    SpikingNetwork network =
        SpikingNetwork.initialise(
            architecture,
            settings.timesteps(),
            settings.beta(),
            settings.threshold(),
            settings.reset(),
            settings.readout(),
            settings.seed());
    return neuron == null ? network : network.withNeuron(neuron);
  }

  /**
   * Trains a fresh network ({@link #initialNetwork()}); see {@link #run(SpikingNetwork,
   * EpochListener)}.
   */
  public Result run(EpochListener listener) {
    return run(initialNetwork(), listener);
  }

  /**
   * Trains {@code network} (e.g. {@link #initialNetwork()}, or one trained before) in place for
   * {@link #epochs()} epochs, evaluating the test set after each one and telling {@code listener}
   * before the next.
   */
  public Result run(SpikingNetwork network, EpochListener listener) {
    Checks.checkArgument(
        network != null && listener != null,
        "network and listener must be given (use epoch -> { } for no listener)");
    TrainingOptions options = options();
    long stepsPerEpoch = (data.trainLabels().length + settings.batch() - 1) / settings.batch();
    List<WeightTransform> transforms = new ArrayList<>();
    if (settings.sparsity() > 0) {
      // Dense for one epoch, then the cubic ramp over half the run; the rest trains at the target.
      long ramp = Math.max(1, stepsPerEpoch * Math.max(1, epochs / 2 - 1));
      transforms.add(
          new GradientRewiring(new SparsitySchedule(settings.sparsity(), stepsPerEpoch, ramp)));
    }
    if (settings.bits() > 0) {
      transforms.add(new LsqQuantizer(settings.bits()));
    }
    List<Epoch> history = new ArrayList<>();
    try (SurrogateGradientTrainer trainer =
        new SurrogateGradientTrainer(network, options, transforms)) {
      for (int epoch = 0; epoch < epochs; epoch++) {
        EpochResult trained = trainer.trainEpoch(data.trainFeatures(), data.trainLabels(), epoch);
        Evaluation test = trainer.evaluate(data.testFeatures(), data.testLabels());
        Epoch record = new Epoch(epoch + 1, epochs, trained, test.accuracy());
        history.add(record);
        listener.epochDone(record);
      }
    }
    return new Result(this, network, options.threads(), List.copyOf(history));
  }

  /** Told after every epoch, e.g. to print a progress line or append a row to a log. */
  @FunctionalInterface
  public interface EpochListener {
    /** {@code epoch} has been trained and the test set evaluated. */
    void epochDone(Epoch epoch);
  }

  /**
   * One epoch of a run.
   *
   * @param number the epoch, from 1
   * @param of the epochs of the run
   * @param train the training pass: loss, training accuracy, learning rate, weight sparsity and
   *     seconds
   * @param testAccuracy accuracy on the test set after the epoch
   */
  public record Epoch(int number, int of, EpochResult train, double testAccuracy) {}

  /**
   * A finished run.
   *
   * @param training the prepared training it came from (settings, data, architecture, epochs)
   * @param network the trained network
   * @param threads trainer threads used
   * @param epochs every epoch, in order
   */
  public record Result(
      SurrogateGradientTraining training, SpikingNetwork network, int threads, List<Epoch> epochs) {
    /** Accuracy on the test set after the last epoch, 0 for a run of no epochs. */
    public double testAccuracy() {
      return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).testAccuracy();
    }

    /** Seconds spent in training passes (evaluations not counted). */
    public double trainSeconds() {
      double seconds = 0;
      for (Epoch epoch : epochs) {
        seconds += epoch.train().seconds();
      }
      return seconds;
    }

    /**
     * One row per epoch: {@code epoch, loss, train_accuracy, test_accuracy, weight_sparsity,
     * learning_rate, seconds} (the log {@code snn train} writes as {@code train.csv}).
     */
    public ResultTable log() {
      ResultTable table =
          new ResultTable(
              List.of(
                  "epoch",
                  "loss",
                  "train_accuracy",
                  "test_accuracy",
                  "weight_sparsity",
                  "learning_rate",
                  "seconds"));
      for (Epoch e : epochs) {
        table.add(
            e.number(),
            e.train().loss(),
            e.train().trainAccuracy(),
            e.testAccuracy(),
            e.train().weightSparsity(),
            e.train().learningRate(),
            e.train().seconds());
      }
      return table;
    }

    /** The run's figures as {@code snn train} reports them. */
    public TrainingReport report() throws IOException {
      return TrainingReport.of(this);
    }
  }

  /**
   * How {@code snn train} trains; build with {@link #builder()}.
   *
   * @param dataset {@code digits}, {@code mnist}, {@code fashion-mnist}, {@code idx:NAME} or a
   *     data-set plugin's name ({@link TrainingData#load})
   * @param dataDir the folder of an IDX data set's files or the file or folder a plugin reads, null
   *     for the embedded digits
   * @param architecture layer sizes or a convolutional architecture ({@link NetworkArchitecture});
   *     null for the data set's default: INPUTS-128-CLASSES (64-128-10 for digits), 784-800-10 for
   *     IDX sets
   * @param timesteps time steps T per sample
   * @param sparsity target weight sparsity reached by gradient rewiring, in [0, 1) (0 = dense)
   * @param bits LSQ weight bits, 2..8, or 0 for float weights
   * @param epochs epochs, null for the data set's default (30 for digits, 15 for IDX sets)
   * @param batch mini-batch size
   * @param learningRate initial learning rate, cosine-annealed to 0 over the epochs
   * @param optimizer the optimiser
   * @param surrogate the surrogate derivative of the spike
   * @param readout how the last layer is read out
   * @param beta membrane decay per step, in (0, 1] (1 = IF neurons)
   * @param threshold firing threshold
   * @param reset reset after a spike
   * @param neuron plugin name of the spiking layers' neuron model, a {@link
   *     org.snncodesign.api.neuron.TrainableNeuronModel} ({@code lif}, {@code if} or a third-party
   *     one); null for the built-in one, {@code lif}, or {@code if} when beta is 1. It is given
   *     beta and the threshold as {@code tau_m = dt / (1 - beta)}, {@code R = tau_m / dt} and
   *     {@code v_th} where it declares them, so a model without {@code tau_m} trains with beta 1
   * @param threads trainer threads; the result does not depend on them
   * @param seed seed of the weights, the shuffling and the data split
   * @param limit use only the first this many training samples, null for all
   */
  public record Settings(
      String dataset,
      Path dataDir,
      String architecture,
      int timesteps,
      double sparsity,
      int bits,
      Integer epochs,
      int batch,
      float learningRate,
      OptimizerKind optimizer,
      SurrogateKind surrogate,
      Readout readout,
      float beta,
      float threshold,
      ResetMode reset,
      String neuron,
      int threads,
      long seed,
      Integer limit) {
    public Settings {
      Checks.checkArgument(
          dataset != null
              && optimizer != null
              && surrogate != null
              && readout != null
              && reset != null,
          "dataset, optimizer, surrogate, readout and reset must be given");
      Checks.positive(timesteps, "timesteps");
      Checks.checkArgument(
          sparsity >= 0 && sparsity < 1, "sparsity must be in [0, 1), got %s", sparsity);
      Checks.checkArgument(
          bits == 0 || bits >= 2 && bits <= 8, "bits must be 0 (float) or in 2..8, got %s", bits);
      Checks.checkArgument(epochs == null || epochs >= 0, "epochs must be >= 0, got %s", epochs);
      Checks.positive(batch, "batch");
      Checks.checkArgument(beta > 0 && beta <= 1, "beta must be in (0, 1], got %s", beta);
      Checks.checkArgument(
          neuron == null || !neuron.isBlank(), "neuron must be a plugin name or null");
      Checks.positive(threads, "threads");
      Checks.checkArgument(limit == null || limit > 0, "limit must be > 0, got %s", limit);
    }

    /**
     * A builder starting from {@code snn train}'s defaults: digits, the data set's default
     * architecture and epochs, 8 time steps, dense float weights, batch 64, Adam at 0.001,
     * fast-sigmoid surrogate, membrane read-out, beta 0.9, threshold 1, reset by subtraction, the
     * built-in neuron model, one thread per core, seed 1.
     */
    public static Builder builder() {
      return new Builder();
    }

    /** Builder for {@link Settings}. */
    public static final class Builder {
      private String dataset = "digits";
      private Path dataDir;
      private String architecture;
      private int timesteps = 8;
      private double sparsity;
      private int bits;
      private Integer epochs;
      private int batch = 64;
      private float learningRate = 0.001f;
      private OptimizerKind optimizer = OptimizerKind.ADAM;
      private SurrogateKind surrogate = SurrogateKind.FAST_SIGMOID;
      private Readout readout = Readout.MEMBRANE;
      private float beta = 0.9f;
      private float threshold = 1f;
      private ResetMode reset = ResetMode.SUBTRACT;
      private String neuron;
      private int threads = Runtime.getRuntime().availableProcessors();
      private long seed = 1;
      private Integer limit;

      private Builder() {}

      /** See {@link Settings#dataset()}. */
      public Builder dataset(String value) {
        dataset = value;
        return this;
      }

      /** See {@link Settings#dataDir()}. */
      public Builder dataDir(Path value) {
        dataDir = value;
        return this;
      }

      /** See {@link Settings#architecture()}. */
      public Builder architecture(String value) {
        architecture = value;
        return this;
      }

      /** See {@link Settings#timesteps()}. */
      public Builder timesteps(int value) {
        timesteps = value;
        return this;
      }

      /** See {@link Settings#sparsity()}. */
      public Builder sparsity(double value) {
        sparsity = value;
        return this;
      }

      /** See {@link Settings#bits()}. */
      public Builder bits(int value) {
        bits = value;
        return this;
      }

      /** See {@link Settings#epochs()}. */
      public Builder epochs(Integer value) {
        epochs = value;
        return this;
      }

      /** See {@link Settings#batch()}. */
      public Builder batch(int value) {
        batch = value;
        return this;
      }

      /** See {@link Settings#learningRate()}. */
      public Builder learningRate(float value) {
        learningRate = value;
        return this;
      }

      /** See {@link Settings#optimizer()}. */
      public Builder optimizer(OptimizerKind value) {
        optimizer = value;
        return this;
      }

      /** See {@link Settings#surrogate()}. */
      public Builder surrogate(SurrogateKind value) {
        surrogate = value;
        return this;
      }

      /** See {@link Settings#readout()}. */
      public Builder readout(Readout value) {
        readout = value;
        return this;
      }

      /** See {@link Settings#beta()}. */
      public Builder beta(float value) {
        beta = value;
        return this;
      }

      /** See {@link Settings#threshold()}. */
      public Builder threshold(float value) {
        threshold = value;
        return this;
      }

      /** See {@link Settings#reset()}. */
      public Builder reset(ResetMode value) {
        reset = value;
        return this;
      }

      /** See {@link Settings#neuron()}. */
      public Builder neuron(String value) {
        neuron = value;
        return this;
      }

      /** See {@link Settings#threads()}. */
      public Builder threads(int value) {
        threads = value;
        return this;
      }

      /** See {@link Settings#seed()}. */
      public Builder seed(long value) {
        seed = value;
        return this;
      }

      /** See {@link Settings#limit()}. */
      public Builder limit(Integer value) {
        limit = value;
        return this;
      }

      /** The settings. */
      public Settings build() {
        return new Settings(
            dataset,
            dataDir,
            architecture,
            timesteps,
            sparsity,
            bits,
            epochs,
            batch,
            learningRate,
            optimizer,
            surrogate,
            readout,
            beta,
            threshold,
            reset,
            neuron,
            threads,
            seed,
            limit);
      }
    }
  }
}
