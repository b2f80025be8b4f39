package org.snncodesign.conversion.onnx;

/**
 * Element-wise {@code Add}, {@code Sub}, {@code Mul} and {@code Div} of two constants with
 * numpy-style broadcasting (ONNX "multidirectional broadcasting"). Integer division truncates
 * toward zero; the batch marker {@link ConstantTensor#BATCH} in either operand gives the marker.
 */
final class Broadcast {
  private Broadcast() {}

  static ConstantTensor apply(
      Node node, String op, ConstantTensor a, ConstantTensor b, String out) {
    int rank = Math.max(a.rank(), b.rank());
    long[] dims = new long[rank];
    for (int k = 0; k < rank; k++) {
      long da = dim(a, k, rank);
      long db = dim(b, k, rank);
      if (da != db && da != 1 && db != 1) {
        throw node.fail("shapes " + a.shapeText() + " and " + b.shapeText() + " do not broadcast");
      }
      dims[k] = da == 1 ? db : da;
    }
    long[] strides = Shapes.strides(dims);
    long n = rank == 0 ? 1 : strides[0] * dims[0];
    boolean floats = a.isFloat() || b.isFloat();
    float[] f = floats ? new float[(int) n] : null;
    long[] l = floats ? null : new long[(int) n];
    for (int k = 0; k < n; k++) {
      int ia = index(a, k, dims, strides);
      int ib = index(b, k, dims, strides);
      if (floats) {
        f[k] = (float) apply(node, op, a.value(ia), b.value(ib));
      } else {
        long x = a.longs()[ia];
        long y = b.longs()[ib];
        l[k] =
            x == ConstantTensor.BATCH || y == ConstantTensor.BATCH
                ? ConstantTensor.BATCH
                : (long) apply(node, op, x, y);
      }
    }
    return new ConstantTensor(out, dims, f, l);
  }

  private static double apply(Node node, String op, double x, double y) {
    return switch (op) {
      case "Add" -> x + y;
      case "Sub" -> x - y;
      case "Mul" -> x * y;
      case "Div" -> {
        if (y == 0) {
          throw node.fail("division by zero");
        }
        yield x / y;
      }
      default -> throw node.fail("operator " + op + " is not element-wise arithmetic");
    };
  }

  /** Dimension {@code k} of {@code t} aligned to the right in a rank-{@code rank} result. */
  private static long dim(ConstantTensor t, int k, int rank) {
    int j = k - (rank - t.rank());
    return j < 0 ? 1 : t.dims()[j];
  }

  /** Flat index into {@code t} of the result element {@code k}. */
  private static int index(ConstantTensor t, int k, long[] dims, long[] strides) {
    int rank = dims.length;
    long[] own = Shapes.strides(t.dims());
    long index = 0;
    long rest = k;
    for (int d = 0; d < rank; d++) {
      long coordinate = rest / strides[d];
      rest %= strides[d];
      int j = d - (rank - t.rank());
      if (j >= 0 && t.dims()[j] != 1) {
        index += coordinate * own[j];
      }
    }
    return (int) index;
  }
}
