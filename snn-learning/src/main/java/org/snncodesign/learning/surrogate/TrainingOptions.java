package org.snncodesign.learning.surrogate;

import org.snncodesign.api.Checks;

/**
 * Settings of {@link SurrogateGradientTrainer}; build with {@link #builder()}.
 *
 * @param surrogate the pseudo-derivative of the spike
 * @param optimizer SGD or Adam
 * @param learningRate initial learning rate
 * @param momentum SGD momentum (ignored by Adam)
 * @param batchSize samples per update
 * @param threads worker threads the batch is split over (1 runs on the caller's thread)
 * @param seed seeds the shuffling of each epoch
 * @param cosineEpochs when positive, the rate follows {@code lr/2 (1 + cos(pi e / cosineEpochs))}
 *     over epochs (Loshchilov and Hutter 2017, without restarts); 0 keeps it constant
 * @param detachReset drop the reset's dependence on the membrane from the gradient
 * @param smoothSpikes emit the smooth step {@code S(h - v_th)} instead of binary spikes (for exact
 *     gradient checks)
 */
public record TrainingOptions(
    SurrogateFunction surrogate,
    OptimizerKind optimizer,
    float learningRate,
    float momentum,
    int batchSize,
    int threads,
    long seed,
    int cosineEpochs,
    boolean detachReset,
    boolean smoothSpikes) {

  public TrainingOptions {
    Checks.checkArgument(
        surrogate != null && optimizer != null, "surrogate and optimizer must not be null");
    Checks.checkArgument(
        learningRate > 0 && Float.isFinite(learningRate),
        "learning rate must be > 0, got %s",
        learningRate);
    Checks.checkArgument(
        momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got %s", momentum);
    Checks.positive(batchSize, "batchSize");
    Checks.positive(threads, "threads");
    Checks.nonNegative(cosineEpochs, "cosineEpochs");
  }

  /**
   * Defaults: fast sigmoid (alpha 5), Adam, rate 1e-3, batch 64, one thread per core, seed 1,
   * detached reset.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The learning rate of epoch {@code epoch} (from 0). */
  public float rateAt(int epoch) {
    if (cosineEpochs == 0) {
      return learningRate;
    }
    double progress = Math.min(1.0, (double) epoch / cosineEpochs);
    return (float) (learningRate * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }

  /** Builder for {@link TrainingOptions}. */
  public static final class Builder {
    private SurrogateFunction surrogate = SurrogateFunction.of(SurrogateKind.FAST_SIGMOID);
    private OptimizerKind optimizer = OptimizerKind.ADAM;
    private float learningRate = 1e-3f;
    private float momentum = 0.9f;
    private int batchSize = 64;
    private int threads = Runtime.getRuntime().availableProcessors();
    private long seed = 1;
    private int cosineEpochs;
    private boolean detachReset = true;
    private boolean smoothSpikes;

    private Builder() {}

    public Builder surrogate(SurrogateFunction value) {
      surrogate = value;
      return this;
    }

    public Builder optimizer(OptimizerKind value) {
      optimizer = value;
      return this;
    }

    public Builder learningRate(float value) {
      learningRate = value;
      return this;
    }

    public Builder momentum(float value) {
      momentum = value;
      return this;
    }

    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder cosineEpochs(int value) {
      cosineEpochs = value;
      return this;
    }

    public Builder detachReset(boolean value) {
      detachReset = value;
      return this;
    }

    public Builder smoothSpikes(boolean value) {
      smoothSpikes = value;
      return this;
    }

    public TrainingOptions build() {
      return new TrainingOptions(
          surrogate,
          optimizer,
          learningRate,
          momentum,
          batchSize,
          threads,
          seed,
          cosineEpochs,
          detachReset,
          smoothSpikes);
    }
  }
}
