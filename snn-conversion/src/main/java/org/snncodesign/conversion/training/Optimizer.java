package org.snncodesign.conversion.training;

/** Parameter update rules of {@link AnnTrainer}. */
public enum Optimizer {
  /** SGD with heavy-ball momentum: {@code v = mu v + g; theta -= lr v}. */
  SGD,
  /**
   * Adam (Kingma and Ba, ICLR 2015): {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; theta -= lr
   * * m_hat / (sqrt(v_hat) + eps)} with bias-corrected {@code m_hat, v_hat}.
   */
  ADAM
}
