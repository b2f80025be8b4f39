package org.snncodesign.spmm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * The law "Gustavson product == dense product", over a grid of spike and weight densities (0 and 1
 * included), shapes that do and do not fill 64-bit words, forced empty rows and columns, every
 * spike and weight format, sequential and parallel runs. Float results are compared exactly: both
 * sides sum in ascending k.
 */
@DisplayName("The Gustavson kernel equals the dense product")
class GustavsonSpmmPropertyTest {
  private static final double[] DENSITIES = {0.0, 0.02, 0.1, 0.5, 1.0};
  private static ForkJoinPool pool;

  @BeforeAll
  static void startPool() {
    pool = new ForkJoinPool(3);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  /**
   * One grid point: a {@code rows x k} spike raster times a {@code k x m} weight matrix, seeded.
   */
  record Case(
      int rows,
      int k,
      int m,
      double spikeDensity,
      double weightDensity,
      long seed,
      boolean emptyLines) {
    SpikeRaster spikes() {
      return RandomOperands.spikes(rows, k, spikeDensity, seed, emptyLines);
    }

    CsrMatrix weights() {
      return RandomOperands.weights(k, m, weightDensity, seed, emptyLines);
    }

    /** The dense i-k-j reference product of these operands. */
    float[] denseProduct(SpikeRaster s, CsrMatrix w) {
      return DenseGemm.multiply(DenseGemm.toDense(s), rows, k, w.toDense(), m);
    }

    @Override
    public String toString() {
      return rows
          + "x"
          + k
          + "x"
          + m
          + " spikes "
          + spikeDensity
          + " weights "
          + weightDensity
          + " seed "
          + seed
          + " empty lines "
          + emptyLines;
    }
  }

  static Stream<Case> grid() {
    int[][] shapes = {{1, 1, 1}, {7, 65, 33}, {24, 128, 200}, {3, 200, 64}};
    List<Case> cases = new ArrayList<>();
    long seed = 11;
    for (int[] shape : shapes) {
      for (double spikeDensity : DENSITIES) {
        for (double weightDensity : DENSITIES) {
          cases.add(
              new Case(
                  shape[0],
                  shape[1],
                  shape[2],
                  spikeDensity,
                  weightDensity,
                  seed++,
                  seed % 2 == 0));
        }
      }
    }
    return cases.stream();
  }

  private static long expectedAdds(SpikeRaster s, CsrMatrix w) {
    long adds = 0;
    for (int t = 0; t < s.timeSteps(); t++) {
      for (int k = 0; k < s.neurons(); k++) {
        if (s.get(t, k)) {
          adds += w.rowPointers()[k + 1] - w.rowPointers()[k];
        }
      }
    }
    return adds;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("grid")
  @DisplayName("float CSR and bitmap weights, bit-set and index-list spikes, one and many threads")
  void floatFormatsMatchDense(Case c) {
    int rows = c.rows();
    int m = c.m();
    SpikeRaster s = c.spikes();
    CsrMatrix w = c.weights();
    float[] expected = c.denseProduct(s, w);
    long adds = expectedAdds(s, w);
    SpikeIndexLists lists = SpikeIndexLists.fromRaster(s);
    BitmapMatrix bitmap = BitmapMatrix.fromCsr(w);

    for (GustavsonSpmm kernel : List.of(GustavsonSpmm.sequential(), GustavsonSpmm.parallel(pool))) {
      float[] out = new float[rows * m];
      java.util.Arrays.fill(out, Float.NaN); // the kernel must overwrite stale output
      assertThat(kernel.multiply(s, w, out)).isEqualTo(adds);
      assertThat(out).containsExactly(expected);
      assertThat(kernel.multiply(lists, w, out)).isEqualTo(adds);
      assertThat(out).containsExactly(expected);
      assertThat(kernel.multiply(s, bitmap, out)).isEqualTo(adds);
      assertThat(out).containsExactly(expected);
      assertThat(kernel.multiply(lists, bitmap, out)).isEqualTo(adds);
      assertThat(out).containsExactly(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("grid")
  @DisplayName("CSR output with dense, hash and automatic accumulators")
  void sparseOutputMatchesDense(Case c) {
    SpikeRaster s = c.spikes();
    CsrMatrix w = c.weights();
    float[] expected = c.denseProduct(s, w);
    long adds = expectedAdds(s, w);
    for (GustavsonSpmm kernel : List.of(GustavsonSpmm.sequential(), GustavsonSpmm.parallel(pool))) {
      for (Accumulator mode : Accumulator.values()) {
        SparseProduct product = kernel.multiplySparse(s, w, mode);
        assertThat(product.accumulates()).isEqualTo(adds);
        assertThat(product.product().toDense())
            .as("accumulator %s", mode)
            .containsExactly(expected);
        assertThat(kernel.multiplySparse(SpikeIndexLists.fromRaster(s), w, mode).product())
            .isEqualTo(product.product());
        int expectedHashRows =
            mode == Accumulator.HASH ? c.rows() : mode == Accumulator.DENSE ? 0 : -1;
        if (expectedHashRows >= 0) {
          assertThat(product.hashRows()).isEqualTo(expectedHashRows);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("grid")
  @DisplayName("int8 and int4 weights give the exact integer product, scaled once")
  void quantizedMatchesIntegerDense(Case c) {
    int rows = c.rows();
    int m = c.m();
    SpikeRaster s = c.spikes();
    CsrMatrix w = c.weights();
    for (int bits : new int[] {8, 4}) {
      QuantizedCsrMatrix q = QuantizedCsrMatrix.quantize(w, bits);
      int[] expected =
          DenseGemm.multiply(DenseGemm.toDenseInt(s), rows, c.k(), q.toDenseCodes(), m);
      float[] expectedFloat = new float[expected.length];
      for (int i = 0; i < expected.length; i++) {
        expectedFloat[i] = q.scale() * expected[i];
      }
      for (GustavsonSpmm kernel :
          List.of(GustavsonSpmm.sequential(), GustavsonSpmm.parallel(pool))) {
        int[] codes = new int[rows * m];
        java.util.Arrays.fill(codes, 12345);
        kernel.multiplyCodes(s, q, codes);
        assertThat(codes).as("int%d codes", bits).containsExactly(expected);
        kernel.multiplyCodes(SpikeIndexLists.fromRaster(s), q, codes);
        assertThat(codes).containsExactly(expected);
        float[] out = new float[rows * m];
        kernel.multiply(s, q, out);
        assertThat(out).as("int%d scaled", bits).containsExactly(expectedFloat);
        kernel.multiply(SpikeIndexLists.fromRaster(s), q, out);
        assertThat(out).containsExactly(expectedFloat);
      }
    }
  }
}
