package org.snncodesign.conversion.transformer;

/**
 * Per-thread buffers of one {@link VitNetwork}: every intermediate tensor of one sample (kept for
 * the backward pass and read by calibration), gradient scratch, and the parameter gradient summed
 * over the samples passed backward since {@link #clearGradients}. Reused across samples, so the hot
 * loops allocate nothing.
 */
public final class VitWorkspace {
  final float[] patches;

  /** Residual stream entering block l; index depth is the last block's output. */
  final float[][] x;

  final float[][] ln1Hat;
  final float[][] ln1Inv;
  final float[][] n1;
  final float[][] q;
  final float[][] k;
  final float[][] v;
  final float[][] att;
  final float[][] o;
  final float[][] mid;
  final float[][] ln2Hat;
  final float[][] ln2Inv;
  final float[][] n2;
  final float[][] hidden;
  final float[] pooled;
  final float[] lnfHat;
  final float[] lnfInv = new float[1];
  final float[] nf;
  final float[] logits;
  // Gradient scratch.
  final float[] gx;
  final float[] gn;
  final float[] gq;
  final float[] gk;
  final float[] gv;
  final float[] go;
  final float[] gh;
  final float[] ga;
  final float[] gPooled;
  final float[] gNf;
  final float[] gLogits;
  final float[] grad;

  VitWorkspace(VitConfig c, int parameters) {
    int t = c.tokens();
    int d = c.dim();
    int n = c.depth();
    patches = new float[t * c.patchSize()];
    x = alloc(n + 1, t * d);
    ln1Hat = alloc(n, t * d);
    ln1Inv = alloc(n, t);
    n1 = alloc(n, t * d);
    q = alloc(n, t * d);
    k = alloc(n, t * d);
    v = alloc(n, t * d);
    att = alloc(n, c.heads() * t * t);
    o = alloc(n, t * d);
    mid = alloc(n, t * d);
    ln2Hat = alloc(n, t * d);
    ln2Inv = alloc(n, t);
    n2 = alloc(n, t * d);
    hidden = alloc(n, t * c.mlpDim());
    pooled = new float[d];
    lnfHat = new float[d];
    nf = new float[d];
    logits = new float[c.classes()];
    gx = new float[t * d];
    gn = new float[t * d];
    gq = new float[t * d];
    gk = new float[t * d];
    gv = new float[t * d];
    go = new float[t * d];
    gh = new float[t * c.mlpDim()];
    ga = new float[t];
    gPooled = new float[d];
    gNf = new float[d];
    gLogits = new float[c.classes()];
    grad = new float[parameters];
  }

  private static float[][] alloc(int n, int size) {
    float[][] a = new float[n][];
    for (int i = 0; i < n; i++) {
      a[i] = new float[size];
    }
    return a;
  }

  /**
   * Residual stream entering block {@code l} ({@code [T][D]}); {@code l = depth} is the last
   * block's output.
   */
  public float[] residual(int l) {
    return x[l];
  }

  /** Normalised (before gain and shift) input of block {@code l}'s attention, {@code [T][D]}. */
  public float[] ln1Hat(int l) {
    return ln1Hat[l];
  }

  public float[] query(int l) {
    return q[l];
  }

  public float[] key(int l) {
    return k[l];
  }

  public float[] value(int l) {
    return v[l];
  }

  /** Attention probabilities {@code [heads][T][T]} of block {@code l}. */
  public float[] attention(int l) {
    return att[l];
  }

  /** {@code A V} of block {@code l} (heads concatenated), {@code [T][D]}. */
  public float[] attentionOutput(int l) {
    return o[l];
  }

  /** Residual stream after block {@code l}'s attention, {@code [T][D]}. */
  public float[] middle(int l) {
    return mid[l];
  }

  /** Normalised (before gain and shift) input of block {@code l}'s MLP, {@code [T][D]}. */
  public float[] ln2Hat(int l) {
    return ln2Hat[l];
  }

  /** ReLU output of block {@code l}'s MLP, {@code [T][M]}. */
  public float[] hidden(int l) {
    return hidden[l];
  }

  /** Mean over tokens of the last residual stream, {@code [D]}. */
  public float[] pooled() {
    return pooled;
  }

  /** Normalised pooled vector (before gain and shift). */
  public float[] lnfHat() {
    return lnfHat;
  }

  public float[] logits() {
    return logits;
  }

  /** Gradient of the summed loss with respect to every parameter (layout of {@link VitLayout}). */
  public float[] gradients() {
    return grad;
  }

  public void clearGradients() {
    java.util.Arrays.fill(grad, 0f);
  }
}
