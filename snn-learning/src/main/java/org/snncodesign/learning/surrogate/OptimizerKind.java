package org.snncodesign.learning.surrogate;

/** The update rule applied to the gradients. */
public enum OptimizerKind {
  /** Stochastic gradient descent with heavy-ball momentum: {@code v = mu v + g; p -= lr v}. */
  SGD,
  /**
   * Adam (Kingma and Ba, ICLR 2015) with bias correction, {@code beta1 = 0.9, beta2 = 0.999, eps =
   * 1e-8}.
   */
  ADAM;

  /** The optimiser named {@code name} ({@code sgd} or {@code adam}). */
  public static OptimizerKind parse(String name) {
    String key = name.trim().toUpperCase(java.util.Locale.ROOT);
    for (OptimizerKind kind : values()) {
      if (kind.name().equals(key)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown optimizer '" + name + "', expected sgd or adam");
  }
}
