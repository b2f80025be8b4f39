package org.snncodesign.learning.lsm.readout;

import org.snncodesign.api.Checks;

/**
 * A trained linear readout: features are standardised with the training statistics, then class
 * scores are {@code s_k = b_k + sum_j w_jk z_j} and the predicted class is the arg max. Ridge
 * regression and multinomial logistic regression both produce one.
 */
public final class LinearReadout {
  private final String method;
  private final double lambda;
  private final double[] mean;
  private final double[] scale;
  private final double[] weights;
  private final double[] bias;
  private final int classes;

  LinearReadout(
      String method,
      double lambda,
      Standardizer standardizer,
      double[] weights,
      double[] bias,
      int classes) {
    this.method = method;
    this.lambda = lambda;
    this.mean = standardizer.mean;
    this.scale = standardizer.scale;
    this.weights = weights;
    this.bias = bias;
    this.classes = classes;
  }

  /** {@code ridge} or {@code logistic}. */
  public String method() {
    return method;
  }

  /** The regularisation strength it was trained with. */
  public double lambda() {
    return lambda;
  }

  public int dimension() {
    return mean.length;
  }

  public int classes() {
    return classes;
  }

  /** Trainable parameters: one weight per (used feature, class) plus one bias per class. */
  public long parameterCount() {
    return (long) usedFeatures() * classes + classes;
  }

  /** Features with non-zero spread in training (the others have no weight). */
  public int usedFeatures() {
    int used = 0;
    for (double s : scale) {
      used += s != 0 ? 1 : 0;
    }
    return used;
  }

  /**
   * Bytes to store the readout with 4-byte weights and biases, plus the 8-byte mean and scale per
   * feature.
   */
  public long storageBytes() {
    return 4 * parameterCount() + 8L * usedFeatures();
  }

  /** Sum over classes of |w_jk| per feature j: how much the readout relies on each feature. */
  public double[] featureImportance() {
    double[] out = new double[mean.length];
    for (int j = 0; j < mean.length; j++) {
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        sum += Math.abs(weights[j * classes + k]);
      }
      out[j] = sum;
    }
    return out;
  }

  /** Class scores of one sample (row {@code row} of x). */
  public double[] scores(Features x, int row) {
    Checks.checkArgument(
        x.dimension() == mean.length,
        "features have %d columns, the readout expects %d",
        x.dimension(),
        mean.length);
    double[] s = bias.clone();
    float[] v = x.values();
    int base = row * x.dimension();
    for (int j = 0; j < mean.length; j++) {
      double z = (v[base + j] - mean[j]) * scale[j];
      if (z != 0) {
        int w = j * classes;
        for (int k = 0; k < classes; k++) {
          s[k] += weights[w + k] * z;
        }
      }
    }
    return s;
  }

  /** The predicted class of every row. */
  public int[] predict(Features x) {
    int[] out = new int[x.samples()];
    for (int i = 0; i < out.length; i++) {
      out[i] = argMax(scores(x, i));
    }
    return out;
  }

  /** Fraction of rows whose predicted class equals the label. */
  public double accuracy(Features x, int[] labels) {
    Checks.checkArgument(
        labels.length == x.samples(), "%d labels for %d samples", labels.length, x.samples());
    if (labels.length == 0) {
      return 0;
    }
    int[] predicted = predict(x);
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    return (double) correct / labels.length;
  }

  static int argMax(double[] s) {
    int best = 0;
    for (int k = 1; k < s.length; k++) {
      if (s[k] > s[best]) {
        best = k;
      }
    }
    return best;
  }
}
