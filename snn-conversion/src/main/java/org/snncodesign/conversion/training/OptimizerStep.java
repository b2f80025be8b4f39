package org.snncodesign.conversion.training;

/**
 * The per-parameter update shared by the trainers: SGD with heavy-ball momentum, {@code m = mu m +
 * g; theta -= lr m}, or Adam (Kingma and Ba 2015, Algorithm 1) with beta1 = 0.9, beta2 = 0.999, eps
 * = 1e-8 and the bias corrections folded into the step size. The gradient fed in is the sum over
 * the batch; it is scaled by 1/batch and L2 weight decay {@code wd theta} is added before the rule.
 * {@link #begin} fixes the step sizes once per batch so that {@link #apply} is a few float
 * operations with no allocation.
 */
public final class OptimizerStep {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;

  private final boolean adam;
  private final float mu;
  private final float weightDecay;
  private float scale;
  private float adamLr;
  private float rate;

  public OptimizerStep(TrainingSettings settings) {
    this.adam = settings.optimizer() == Optimizer.ADAM;
    this.mu = (float) settings.momentum();
    this.weightDecay = (float) settings.weightDecay();
  }

  /** The configured L2 weight decay coefficient. */
  public float weightDecay() {
    return weightDecay;
  }

  /**
   * Fixes the step sizes of one update.
   *
   * @param lr learning rate of this epoch
   * @param batch samples whose gradients were summed
   * @param step 1-based count of updates so far, including this one
   */
  public void begin(double lr, int batch, long step) {
    scale = 1f / batch;
    // Adam's bias corrections folded into the step size (Kingma and Ba, Algorithm 1, final
    // paragraph of Sec. 2).
    adamLr = (float) (lr * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
    rate = (float) lr;
  }

  /**
   * Updates {@code theta[k]} and its optimizer state {@code m[k]} (and {@code v[k]} for Adam).
   *
   * @param gradientSum gradient of parameter k summed over the batch
   * @param wd weight decay for this parameter (0 to exempt it)
   */
  public void apply(float[] theta, float[] m, float[] v, int k, float gradientSum, float wd) {
    float g = gradientSum * scale + wd * theta[k];
    if (adam) {
      m[k] = (float) (BETA1 * m[k] + (1 - BETA1) * g);
      v[k] = (float) (BETA2 * v[k] + (1 - BETA2) * g * g);
      theta[k] -= adamLr * m[k] / ((float) Math.sqrt(v[k]) + 1e-8f);
    } else {
      m[k] = mu * m[k] + g;
      theta[k] -= rate * m[k];
    }
  }
}
