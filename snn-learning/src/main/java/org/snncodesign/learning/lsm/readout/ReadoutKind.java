package org.snncodesign.learning.lsm.readout;

/**
 * The two linear readouts, each with its cross-validated regularisation: ridge regression onto one-hot targets
 * (closed form) and multinomial logistic regression with an L2 penalty (accelerated gradient). Their lambdas live
 * on different scales: ridge adds lambda to the Gram matrix of n samples, logistic weighs lambda / 2 ||W||^2
 * against the mean log loss, so a logistic lambda is roughly a ridge lambda divided by n.
 */
public enum ReadoutKind {
  RIDGE(new double[] {10, 100, 1000, 3000, 10000}) {
    @Override
    public CrossValidation crossValidate(Features x, int[] labels, int classes, double[] lambdas, int folds,
        long seed) {
      return RidgeRegression.crossValidate(x, labels, classes, lambdas, folds, seed);
    }
  },
  LOGISTIC(new double[] {1e-4, 1e-3, 1e-2}) {
    @Override
    public CrossValidation crossValidate(Features x, int[] labels, int classes, double[] lambdas, int folds,
        long seed) {
      return LogisticRegression.crossValidate(x, labels, classes, lambdas, folds, LOGISTIC_ITERATIONS, seed);
    }
  };

  /** Accelerated-gradient steps of a logistic fit: enough for the held-out accuracy to settle on LSM states. */
  public static final int LOGISTIC_ITERATIONS = 150;

  private final double[] defaultLambdas;

  ReadoutKind(double[] defaultLambdas) {
    this.defaultLambdas = defaultLambdas;
  }

  /** The regularisation strengths tried by default. */
  public double[] defaultLambdas() {
    return defaultLambdas.clone();
  }

  /** Chooses lambda by stratified {@code folds}-fold cross-validation and refits on all of {@code x}. */
  public abstract CrossValidation crossValidate(Features x, int[] labels, int classes, double[] lambdas, int folds,
      long seed);

  /** {@code ridge} or {@code logistic}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
