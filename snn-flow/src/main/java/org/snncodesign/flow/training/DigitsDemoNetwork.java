package org.snncodesign.flow.training;

import java.io.PrintStream;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.learning.quantization.LsqQuantizer;
import org.snncodesign.learning.rewiring.GradientRewiring;
import org.snncodesign.learning.rewiring.SparsitySchedule;
import org.snncodesign.learning.surrogate.EpochResult;
import org.snncodesign.learning.surrogate.Readout;
import org.snncodesign.learning.surrogate.ResetMode;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SurrogateGradientTrainer;
import org.snncodesign.learning.surrogate.TrainingOptions;

/**
 * The default network of {@code snn demo} and {@code snn hw}: a 64-128-64-10 LIF network trained in
 * a few seconds on the embedded digits with surrogate gradients, gradient rewiring to 80 % weight
 * sparsity and 4-bit LSQ weights.
 *
 * @param data the split it was trained and tested on
 * @param network the trained network
 * @param testAccuracy accuracy on {@code data}'s test part
 * @param trainSeconds time spent in training epochs
 */
public record DigitsDemoNetwork(
    TrainingData data, SpikingNetwork network, double testAccuracy, double trainSeconds) {
  public static final String ARCHITECTURE = "64-128-64-10";
  public static final int EPOCHS = 8;
  public static final int TIMESTEPS = 4;
  public static final double SPARSITY = 0.8;
  public static final int BITS = 4;

  /**
   * The knobs of the recipe a study varies.
   *
   * @param sparsity weight sparsity gradient rewiring prunes to, in [0, 1)
   * @param bits LSQ weight bits
   * @param epochs training epochs (cosine learning-rate schedule over them)
   * @param threads trainer threads; the result does not depend on them
   */
  public record Recipe(double sparsity, int bits, int epochs, int threads) {
    /** The recipe of {@code snn demo}: 80 % sparsity, 4 bits, 8 epochs, one thread per core. */
    public static final Recipe DEMO =
        new Recipe(SPARSITY, BITS, EPOCHS, Runtime.getRuntime().availableProcessors());

    public Recipe {
      Checks.checkArgument(
          sparsity >= 0 && sparsity < 1, "sparsity must be in [0, 1), got %s", sparsity);
      Checks.positive(epochs, "epochs");
      Checks.positive(threads, "threads");
    }
  }

  /**
   * Trains the network with every random choice drawn from {@code seed}, printing one line per
   * epoch.
   */
  public static DigitsDemoNetwork train(long seed, PrintStream progress) {
    return train(Recipe.DEMO, seed, progress);
  }

  /** Trains the network by {@code recipe} with every random choice drawn from {@code seed}. */
  public static DigitsDemoNetwork train(Recipe recipe, long seed, PrintStream progress) {
    TrainingData data = TrainingData.digits(seed);
    SpikingNetwork network =
        SpikingNetwork.initialise(
            SpikingNetwork.parseArchitecture(ARCHITECTURE),
            TIMESTEPS,
            0.9f,
            1f,
            ResetMode.SUBTRACT,
            Readout.MEMBRANE,
            seed);
    long stepsPerEpoch = (data.trainLabels().length + 31) / 32;
    TrainingOptions options =
        TrainingOptions.builder()
            .learningRate(5e-3f)
            .batchSize(32)
            .seed(seed)
            .cosineEpochs(recipe.epochs())
            .threads(recipe.threads())
            .build();
    // Dense for one epoch, pruned to the target over the next two, then trained at it.
    GradientRewiring rewiring =
        new GradientRewiring(
            new SparsitySchedule(recipe.sparsity(), stepsPerEpoch, 2 * stepsPerEpoch));
    double seconds = 0;
    double accuracy;
    try (SurrogateGradientTrainer trainer =
        new SurrogateGradientTrainer(
            network, options, List.of(rewiring, new LsqQuantizer(recipe.bits())))) {
      for (int epoch = 0; epoch < recipe.epochs(); epoch++) {
        EpochResult result = trainer.trainEpoch(data.trainFeatures(), data.trainLabels(), epoch);
        seconds += result.seconds();
        progress.printf(
            "  epoch %d: loss %.3f, train %.1f %%, sparsity %.1f %%%n",
            epoch + 1, result.loss(), 100 * result.trainAccuracy(), 100 * result.weightSparsity());
      }
      accuracy = trainer.evaluate(data.testFeatures(), data.testLabels()).accuracy();
    }
    progress.printf(
        "  test accuracy %.1f %%, weight sparsity %.1f %%, %d-bit%n",
        100 * accuracy, 100 * network.weightSparsity(), recipe.bits());
    return new DigitsDemoNetwork(data, network, accuracy, seconds);
  }
}
