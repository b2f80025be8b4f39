package org.snncodesign.conversion.onnx;

import java.util.Arrays;

/**
 * Dimension arithmetic of the ONNX shape operators ({@code Reshape}, {@code Squeeze}, {@code
 * Unsqueeze}), shared by constant folding and by the activations' per-sample shapes. Dimensions may
 * hold the dynamic batch marker {@link ConstantTensor#BATCH}.
 */
final class Shapes {
  private Shapes() {}

  /**
   * ONNX Reshape: {@code 0} copies the input's dimension at that position (unless {@code
   * allowZero}), one {@code -1} takes the rest; a batch marker stays a batch marker.
   */
  static long[] reshape(Node node, long[] in, long[] target, boolean allowZero) {
    long[] out = new long[target.length];
    int infer = -1;
    for (int k = 0; k < target.length; k++) {
      long t = target[k];
      if (t == 0 && !allowZero) {
        if (k >= in.length) {
          throw node.fail(
              "target shape "
                  + text(target)
                  + " copies dimension "
                  + k
                  + " of a rank-"
                  + in.length
                  + " input");
        }
        out[k] = in[k];
      } else if (t == -1) {
        if (infer >= 0) {
          throw node.fail("target shape " + text(target) + " has two -1 entries");
        }
        infer = k;
        out[k] = 1; // a placeholder that leaves the product of the known sizes unchanged
      } else if (t < 0 && t != ConstantTensor.BATCH) {
        throw node.fail("target shape " + text(target) + " has a negative size");
      } else {
        out[k] = t;
      }
    }
    long inSize = knownProduct(in);
    long outSize = knownProduct(out);
    int missingBatches = batches(in) - batches(out);
    if (infer >= 0 && missingBatches == 1) {
      // The -1 stands for the dynamic batch: the known sizes must match exactly.
      out[infer] = ConstantTensor.BATCH;
      missingBatches = 0;
    } else if (infer >= 0 && missingBatches == 0 && outSize > 0 && inSize % outSize == 0) {
      out[infer] = inSize / outSize;
    }
    if (missingBatches != 0 || knownProduct(out) != inSize) {
      throw node.fail(
          "cannot reshape "
              + text(in)
              + " to "
              + text(target)
              + (missingBatches != 0
                  ? ": the dynamic batch dimension would be mixed with others"
                  : ""));
    }
    return out;
  }

  /** Inserts size-1 dimensions at {@code axes} (positions in the output). */
  static long[] unsqueeze(Node node, long[] in, long[] axes) {
    if (axes == null) {
      throw node.fail("Unsqueeze needs axes");
    }
    int rank = in.length + axes.length;
    boolean[] inserted = new boolean[rank];
    for (long a : axes) {
      int k = (int) (a < 0 ? a + rank : a);
      if (k < 0 || k >= rank || inserted[k]) {
        throw node.fail("axes " + Arrays.toString(axes) + " do not fit rank " + rank);
      }
      inserted[k] = true;
    }
    long[] out = new long[rank];
    for (int k = 0, from = 0; k < rank; k++) {
      out[k] = inserted[k] ? 1 : in[from++];
    }
    return out;
  }

  /** Removes the size-1 dimensions at {@code axes}, or all of them when {@code axes} is null. */
  static long[] squeeze(Node node, long[] in, long[] axes) {
    boolean[] removed = new boolean[in.length];
    if (axes == null) {
      for (int k = 0; k < in.length; k++) {
        removed[k] = in[k] == 1;
      }
    } else {
      for (long a : axes) {
        int k = (int) (a < 0 ? a + in.length : a);
        if (k < 0 || k >= in.length || in[k] != 1) {
          throw node.fail("cannot squeeze axis " + a + " of " + text(in));
        }
        removed[k] = true;
      }
    }
    return java.util.stream.IntStream.range(0, in.length)
        .filter(k -> !removed[k])
        .mapToLong(k -> in[k])
        .toArray();
  }

  /** Row-major strides of {@code dims}. */
  static long[] strides(long[] dims) {
    long[] s = new long[dims.length];
    long step = 1;
    for (int k = dims.length - 1; k >= 0; k--) {
      s[k] = step;
      step *= dims[k];
    }
    return s;
  }

  /** Dimensions as text, the batch marker written {@code N}. */
  static String text(long[] dims) {
    StringBuilder b = new StringBuilder("[");
    for (int k = 0; k < dims.length; k++) {
      b.append(k > 0 ? ", " : "")
          .append(dims[k] == ConstantTensor.BATCH ? "N" : Long.toString(dims[k]));
    }
    return b.append(']').toString();
  }

  private static long knownProduct(long[] dims) {
    long p = 1;
    for (long d : dims) {
      if (d != ConstantTensor.BATCH && d != 0) {
        p = Math.multiplyExact(p, d);
      } else if (d == 0) {
        return 0;
      }
    }
    return p;
  }

  private static int batches(long[] dims) {
    int n = 0;
    for (long d : dims) {
      n += d == ConstantTensor.BATCH ? 1 : 0;
    }
    return n;
  }
}
