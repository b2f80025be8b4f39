package org.snncodesign.conversion.transformer;

import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.ParallelSlices;
import org.snncodesign.conversion.ann.SoftmaxCrossEntropy;

/**
 * Forward pass and softmax cross-entropy backward pass of a {@link VitModel} on primitive arrays.
 * Reads the model's parameter array directly, so training updates take effect at once. Thread-safe
 * as long as each thread uses its own {@link VitWorkspace} and nobody writes parameters during a
 * pass.
 */
public final class VitNetwork {
  private final VitModel model;
  private final VitConfig c;
  private final VitLayout at;
  private final float[] p;

  public VitNetwork(VitModel model) {
    this.model = model;
    this.c = model.config();
    this.at = model.layout();
    this.p = model.parameters();
  }

  public VitModel model() {
    return model;
  }

  public VitWorkspace newWorkspace() {
    return new VitWorkspace(c, at.size);
  }

  /**
   * Runs one sample from {@code data[offset..]} and returns the logits (the workspace's buffer).
   */
  public float[] forward(VitWorkspace ws, float[] data, int offset) {
    int t = c.tokens();
    int d = c.dim();
    int m = c.mlpDim();
    VitMath.patches(data, offset, c, ws.patches);
    VitMath.linear(ws.patches, t, c.patchSize(), p, at.patchW, at.patchB, d, ws.x[0]);
    float[] x0 = ws.x[0];
    for (int i = 0; i < t * d; i++) {
      x0[i] += p[at.position + i];
    }
    for (int l = 0; l < c.depth(); l++) {
      float[] x = ws.x[l];
      VitMath.layerNorm(x, t, d, p, at.ln1G[l], at.ln1B[l], ws.ln1Hat[l], ws.ln1Inv[l], ws.n1[l]);
      VitMath.linear(ws.n1[l], t, d, p, at.wq[l], at.bq[l], d, ws.q[l]);
      VitMath.linear(ws.n1[l], t, d, p, at.wk[l], at.bk[l], d, ws.k[l]);
      VitMath.linear(ws.n1[l], t, d, p, at.wv[l], at.bv[l], d, ws.v[l]);
      VitMath.attention(ws.q[l], ws.k[l], ws.v[l], t, d, c.heads(), ws.att[l], ws.o[l]);
      float[] mid = ws.mid[l];
      VitMath.linear(ws.o[l], t, d, p, at.wo[l], at.bo[l], d, mid);
      for (int i = 0; i < t * d; i++) {
        mid[i] += x[i];
      }
      VitMath.layerNorm(mid, t, d, p, at.ln2G[l], at.ln2B[l], ws.ln2Hat[l], ws.ln2Inv[l], ws.n2[l]);
      float[] h = ws.hidden[l];
      VitMath.linear(ws.n2[l], t, d, p, at.w1[l], at.b1[l], m, h);
      for (int i = 0; i < t * m; i++) {
        h[i] = Math.max(0f, h[i]);
      }
      float[] next = ws.x[l + 1];
      VitMath.linear(h, t, m, p, at.w2[l], at.b2[l], d, next);
      for (int i = 0; i < t * d; i++) {
        next[i] += mid[i];
      }
    }
    float[] last = ws.x[c.depth()];
    java.util.Arrays.fill(ws.pooled, 0f);
    for (int i = 0; i < t; i++) {
      for (int k = 0; k < d; k++) {
        ws.pooled[k] += last[i * d + k];
      }
    }
    for (int k = 0; k < d; k++) {
      ws.pooled[k] /= t;
    }
    VitMath.layerNorm(ws.pooled, 1, d, p, at.lnfG, at.lnfB, ws.lnfHat, ws.lnfInv, ws.nf);
    VitMath.linear(ws.nf, 1, d, p, at.headW, at.headB, c.classes(), ws.logits);
    return ws.logits;
  }

  /**
   * After {@link #forward}, back-propagates softmax cross-entropy against {@code label}, adds the
   * parameter gradient into the workspace and returns the sample's loss.
   */
  public double backward(VitWorkspace ws, int label) {
    float[] z = ws.logits;
    Checks.checkArgument(
        label >= 0 && label < z.length, "label %d outside [0, %d)", label, z.length);
    int t = c.tokens();
    int d = c.dim();
    int m = c.mlpDim();
    float[] grad = ws.grad;
    double loss = SoftmaxCrossEntropy.lossAndGradient(z, label, ws.gLogits);
    java.util.Arrays.fill(ws.gNf, 0f);
    VitMath.linearBackward(
        ws.nf, ws.gLogits, 1, d, p, at.headW, at.headB, c.classes(), grad, ws.gNf);
    java.util.Arrays.fill(ws.gPooled, 0f);
    VitMath.layerNormBackward(
        ws.gNf, ws.lnfHat, ws.lnfInv, 1, d, p, at.lnfG, at.lnfB, grad, ws.gPooled);
    float[] gx = ws.gx;
    for (int i = 0; i < t; i++) {
      for (int k = 0; k < d; k++) {
        gx[i * d + k] = ws.gPooled[k] / t;
      }
    }
    for (int l = c.depth() - 1; l >= 0; l--) {
      // MLP branch: x_{l+1} = mid + W2 relu(W1 LN2(mid) + b1) + b2.
      java.util.Arrays.fill(ws.gh, 0f);
      VitMath.linearBackward(ws.hidden[l], gx, t, m, p, at.w2[l], at.b2[l], d, grad, ws.gh);
      float[] h = ws.hidden[l];
      for (int i = 0; i < t * m; i++) {
        if (h[i] <= 0f) {
          ws.gh[i] = 0f;
        }
      }
      java.util.Arrays.fill(ws.gn, 0f);
      VitMath.linearBackward(ws.n2[l], ws.gh, t, d, p, at.w1[l], at.b1[l], m, grad, ws.gn);
      // The residual passes gx through unchanged; layer norm adds its share.
      VitMath.layerNormBackward(
          ws.gn, ws.ln2Hat[l], ws.ln2Inv[l], t, d, p, at.ln2G[l], at.ln2B[l], grad, gx);
      // Attention branch: mid = x + Wo attention(Q, K, V) + bo.
      java.util.Arrays.fill(ws.go, 0f);
      VitMath.linearBackward(ws.o[l], gx, t, d, p, at.wo[l], at.bo[l], d, grad, ws.go);
      java.util.Arrays.fill(ws.gq, 0f);
      java.util.Arrays.fill(ws.gk, 0f);
      java.util.Arrays.fill(ws.gv, 0f);
      VitMath.attentionBackward(
          ws.go, ws.q[l], ws.k[l], ws.v[l], ws.att[l], t, d, c.heads(), ws.gq, ws.gk, ws.gv, ws.ga);
      java.util.Arrays.fill(ws.gn, 0f);
      VitMath.linearBackward(ws.n1[l], ws.gq, t, d, p, at.wq[l], at.bq[l], d, grad, ws.gn);
      VitMath.linearBackward(ws.n1[l], ws.gk, t, d, p, at.wk[l], at.bk[l], d, grad, ws.gn);
      VitMath.linearBackward(ws.n1[l], ws.gv, t, d, p, at.wv[l], at.bv[l], d, grad, ws.gn);
      VitMath.layerNormBackward(
          ws.gn, ws.ln1Hat[l], ws.ln1Inv[l], t, d, p, at.ln1G[l], at.ln1B[l], grad, gx);
    }
    for (int i = 0; i < t * d; i++) {
      grad[at.position + i] += gx[i];
    }
    VitMath.linearBackward(
        ws.patches, gx, t, c.patchSize(), p, at.patchW, at.patchB, d, grad, null);
    return loss;
  }

  /** Class with the highest logit (lowest index on ties). */
  public int predict(VitWorkspace ws, float[] data, int offset) {
    float[] z = forward(ws, data, offset);
    int best = 0;
    for (int k = 1; k < z.length; k++) {
      if (z[k] > z[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Fraction of {@code images} classified correctly, on {@code threads} threads. */
  public double accuracy(LabeledImages images, int threads) {
    checkShape(images);
    Checks.positive(threads, "threads");
    int n = images.count();
    int workers = ParallelSlices.workers(n, threads);
    int[] correct = new int[workers];
    ParallelSlices.run(
        n,
        workers,
        (worker, from, to) -> {
          VitWorkspace ws = newWorkspace();
          for (int i = from; i < to; i++) {
            if (predict(ws, images.pixels(), images.offset(i)) == images.labels()[i]) {
              correct[worker]++;
            }
          }
        });
    int total = 0;
    for (int k : correct) {
      total += k;
    }
    return n == 0 ? 0 : (double) total / n;
  }

  /**
   * @throws InvalidInputException when the samples do not have the model's input size
   */
  public void checkShape(LabeledImages images) {
    if (images.shape().size() != c.inputSize()) {
      throw new InvalidInputException(
          "samples of shape "
              + images.shape()
              + " do not fit ViT '"
              + model.name()
              + "' with "
              + c.channels()
              + "x"
              + c.height()
              + "x"
              + c.width()
              + " inputs");
    }
  }
}
