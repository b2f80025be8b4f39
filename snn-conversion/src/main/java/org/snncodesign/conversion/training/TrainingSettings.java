package org.snncodesign.conversion.training;

import org.snncodesign.api.Checks;

/**
 * Hyper-parameters of {@link AnnTrainer}.
 *
 * @param epochs passes over the training set
 * @param batchSize samples per parameter update
 * @param learningRate step size of the first epoch
 * @param learningRateDecay factor applied to the step size after every epoch (1 = constant)
 * @param optimizer update rule
 * @param momentum SGD momentum {@code mu} (ignored by Adam)
 * @param weightDecay L2 penalty added to weight gradients (not biases)
 * @param threads worker threads sharing each batch
 * @param seed seed of the shuffling
 */
public record TrainingSettings(
    int epochs,
    int batchSize,
    double learningRate,
    double learningRateDecay,
    Optimizer optimizer,
    double momentum,
    double weightDecay,
    int threads,
    long seed) {
  public TrainingSettings {
    Checks.positive(epochs, "epochs");
    Checks.positive(batchSize, "batchSize");
    Checks.positive(learningRate, "learningRate");
    Checks.checkArgument(
        learningRateDecay > 0 && learningRateDecay <= 1,
        "learningRateDecay must be in (0, 1], got %s",
        learningRateDecay);
    Checks.checkArgument(optimizer != null, "optimizer is required");
    Checks.checkArgument(
        momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got %s", momentum);
    Checks.checkArgument(weightDecay >= 0, "weightDecay must be >= 0, got %s", weightDecay);
    Checks.positive(threads, "threads");
  }

  /** Adam, batch 64, step 1e-3 decayed by 0.7 per epoch, no weight decay, 2 threads. */
  public static TrainingSettings adam(int epochs, long seed) {
    return new TrainingSettings(epochs, 64, 1e-3, 0.7, Optimizer.ADAM, 0, 0, 2, seed);
  }

  public TrainingSettings withThreads(int n) {
    return new TrainingSettings(
        epochs,
        batchSize,
        learningRate,
        learningRateDecay,
        optimizer,
        momentum,
        weightDecay,
        n,
        seed);
  }

  public TrainingSettings withEpochs(int n) {
    return new TrainingSettings(
        n,
        batchSize,
        learningRate,
        learningRateDecay,
        optimizer,
        momentum,
        weightDecay,
        threads,
        seed);
  }

  public TrainingSettings withLearningRate(double rate) {
    return new TrainingSettings(
        epochs,
        batchSize,
        rate,
        learningRateDecay,
        optimizer,
        momentum,
        weightDecay,
        threads,
        seed);
  }
}
