package org.snncodesign.spmm.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * The plain dense reference and baseline: {@code C = A B} for row-major dense arrays, by the i-k-j
 * loop, with no zero skipping. For each output {@code C[i][j]} the terms are added in ascending
 * {@code k}, the same order the Gustavson kernel uses, so float results agree bit for bit (a zero
 * term adds {@code +-0}, which leaves a sum unchanged). The j loop is unit-stride, which C2
 * vectorises: this is a fair "straightforward dense GEMM".
 */
public final class DenseGemm {
  private DenseGemm() {}

  /** {@code rows x cols} product of {@code a (rows x inner)} and {@code b (inner x cols)}. */
  public static float[] multiply(float[] a, int rows, int inner, float[] b, int cols) {
    float[] out = new float[Math.multiplyExact(rows, cols)];
    multiplyInto(a, rows, inner, b, cols, out);
    return out;
  }

  /** Writes {@code a b} into {@code out} (overwritten). */
  public static void multiplyInto(
      float[] a, int rows, int inner, float[] b, int cols, float[] out) {
    checkShapes(a.length, rows, inner, b.length, cols, out.length);
    multiplyRows(a, inner, b, cols, out, 0, rows);
  }

  /** As {@link #multiplyInto}, rows split over {@code pool}. */
  public static void multiplyInto(
      float[] a, int rows, int inner, float[] b, int cols, float[] out, ForkJoinPool pool) {
    checkShapes(a.length, rows, inner, b.length, cols, out.length);
    int chunks = Math.max(1, Math.min(rows, pool.getParallelism() * 4));
    List<RecursiveAction> tasks = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) rows * c / chunks);
      int to = (int) ((long) rows * (c + 1) / chunks);
      tasks.add(
          new RecursiveAction() {
            @Override
            protected void compute() {
              multiplyRows(a, inner, b, cols, out, from, to);
            }
          });
    }
    pool.invoke(
        new RecursiveAction() {
          @Override
          protected void compute() {
            invokeAll(tasks);
          }
        });
  }

  private static void multiplyRows(
      float[] a, int inner, float[] b, int cols, float[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      int o = i * cols;
      java.util.Arrays.fill(out, o, o + cols, 0f);
      for (int k = 0; k < inner; k++) {
        float s = a[i * inner + k];
        int wb = k * cols;
        for (int j = 0; j < cols; j++) {
          out[o + j] += s * b[wb + j];
        }
      }
    }
  }

  /** Integer product, exact while no sum overflows an int. */
  public static int[] multiply(int[] a, int rows, int inner, int[] b, int cols) {
    checkShapes(a.length, rows, inner, b.length, cols, (long) rows * cols);
    int[] out = new int[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < inner; k++) {
        int s = a[i * inner + k];
        for (int j = 0; j < cols; j++) {
          out[i * cols + j] += s * b[k * cols + j];
        }
      }
    }
    return out;
  }

  /** A raster as a dense 0/1 float matrix, {@code timeSteps x neurons}. */
  public static float[] toDense(SpikeRaster spikes) {
    int rows = spikes.timeSteps();
    int cols = spikes.neurons();
    float[] dense = new float[Math.multiplyExact(rows, cols)];
    long[] words = spikes.words();
    int wordsPerStep = spikes.wordsPerStep();
    for (int t = 0; t < rows; t++) {
      for (int w = 0; w < wordsPerStep; w++) {
        long word = words[t * wordsPerStep + w];
        while (word != 0) {
          dense[t * cols + (w << 6) + Long.numberOfTrailingZeros(word)] = 1f;
          word &= word - 1;
        }
      }
    }
    return dense;
  }

  /** A raster as a dense 0/1 int matrix. */
  public static int[] toDenseInt(SpikeRaster spikes) {
    float[] f = toDense(spikes);
    int[] out = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = (int) f[i];
    }
    return out;
  }

  private static void checkShapes(
      long aLength, int rows, int inner, long bLength, int cols, long outLength) {
    Checks.checkArgument(
        rows >= 0 && inner >= 0 && cols >= 0,
        "shape %d x %d x %d has a negative size",
        rows,
        inner,
        cols);
    Checks.checkArgument(
        aLength == (long) rows * inner, "a has %d values, expected %d x %d", aLength, rows, inner);
    Checks.checkArgument(
        bLength == (long) inner * cols, "b has %d values, expected %d x %d", bLength, inner, cols);
    Checks.checkArgument(
        outLength == (long) rows * cols,
        "out has %d values, expected %d x %d",
        outLength,
        rows,
        cols);
  }
}
