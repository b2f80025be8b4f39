package org.snncodesign.conversion.transformer;

/**
 * Offsets of every parameter tensor of a {@link VitConfig} in the model's single flat parameter
 * vector. Matrices are row-major {@code [outputs][inputs]} (PyTorch's {@code nn.Linear} layout).
 * Per-block offsets are indexed by block.
 */
public final class VitLayout {
  /**
   * Patch embedding {@code [D][C P P]}, its bias {@code [D]}, position embedding {@code [T][D]}.
   */
  public final int patchW;

  public final int patchB;
  public final int position;

  /** Layer norm 1 gain and shift, per block. */
  public final int[] ln1G;

  public final int[] ln1B;

  /** Query, key, value and output projections {@code [D][D]} and biases, per block. */
  public final int[] wq;

  public final int[] bq;
  public final int[] wk;
  public final int[] bk;
  public final int[] wv;
  public final int[] bv;
  public final int[] wo;
  public final int[] bo;

  /** Layer norm 2 gain and shift, per block. */
  public final int[] ln2G;

  public final int[] ln2B;

  /** MLP {@code [M][D]}, {@code [M]}, {@code [D][M]}, {@code [D]}, per block. */
  public final int[] w1;

  public final int[] b1;
  public final int[] w2;
  public final int[] b2;

  /** Final layer norm gain and shift, head {@code [classes][D]} and bias. */
  public final int lnfG;

  public final int lnfB;
  public final int headW;
  public final int headB;

  /** Total number of parameters. */
  public final int size;

  public VitLayout(VitConfig c) {
    int d = c.dim();
    int m = c.mlpDim();
    int n = c.depth();
    int at = 0;
    patchW = at;
    at += d * c.patchSize();
    patchB = at;
    at += d;
    position = at;
    at += c.tokens() * d;
    ln1G = new int[n];
    ln1B = new int[n];
    wq = new int[n];
    bq = new int[n];
    wk = new int[n];
    bk = new int[n];
    wv = new int[n];
    bv = new int[n];
    wo = new int[n];
    bo = new int[n];
    ln2G = new int[n];
    ln2B = new int[n];
    w1 = new int[n];
    b1 = new int[n];
    w2 = new int[n];
    b2 = new int[n];
    for (int l = 0; l < n; l++) {
      ln1G[l] = at;
      at += d;
      ln1B[l] = at;
      at += d;
      wq[l] = at;
      at += d * d;
      bq[l] = at;
      at += d;
      wk[l] = at;
      at += d * d;
      bk[l] = at;
      at += d;
      wv[l] = at;
      at += d * d;
      bv[l] = at;
      at += d;
      wo[l] = at;
      at += d * d;
      bo[l] = at;
      at += d;
      ln2G[l] = at;
      at += d;
      ln2B[l] = at;
      at += d;
      w1[l] = at;
      at += m * d;
      b1[l] = at;
      at += m;
      w2[l] = at;
      at += d * m;
      b2[l] = at;
      at += d;
    }
    lnfG = at;
    at += d;
    lnfB = at;
    at += d;
    headW = at;
    at += c.classes() * d;
    headB = at;
    at += c.classes();
    size = at;
  }
}
