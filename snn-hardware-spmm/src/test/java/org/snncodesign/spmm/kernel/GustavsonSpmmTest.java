package org.snncodesign.spmm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

@DisplayName("GustavsonSpmm")
class GustavsonSpmmTest {

  @Test
  @DisplayName("adds exactly the weight rows its spikes select")
  void handExample() {
    // W = [[1, 0, 2], [0, 3, 0], [4, 5, 6]]; step 0 spikes on inputs 0 and 2, step 1 on input 1.
    CsrMatrix w = CsrMatrix.fromDense(3, 3, new float[] {1, 0, 2, 0, 3, 0, 4, 5, 6});
    SpikeRaster s = new SpikeRaster(2, 3);
    s.set(0, 0);
    s.set(0, 2);
    s.set(1, 1);
    float[] out = new float[6];
    long adds = GustavsonSpmm.sequential().multiply(s, w, out);
    assertThat(out).containsExactly(5, 5, 8, 0, 3, 0);
    assertThat(adds).isEqualTo(2 + 3 + 1);
  }

  @Test
  @DisplayName(
      "AUTO takes the hash accumulator for rows whose output is tiny and the dense one otherwise")
  void autoChoosesByDensity() {
    int m = 1024;
    float[] dense = new float[2 * m];
    dense[5] = 1f; // input 0 selects one column: bound 1 <= 1024 / 16
    for (int j = 0; j < m; j++) {
      dense[m + j] = 1f; // input 1 selects every column
    }
    CsrMatrix w = CsrMatrix.fromDense(2, m, dense);
    SpikeRaster s = new SpikeRaster(2, 2);
    s.set(0, 0);
    s.set(1, 1);
    SparseProduct product = GustavsonSpmm.sequential().multiplySparse(s, w);
    assertThat(product.hashRows()).isEqualTo(1);
    assertThat(product.product().rowPointers()).containsExactly(0, 1, 1 + m);
  }

  @Test
  @DisplayName("runs large products over the pool only above the work threshold")
  void parallelOnlyAboveThreshold() {
    GustavsonSpmm kernel = new GustavsonSpmm(new java.util.concurrent.ForkJoinPool(2), 1000, 16);
    assertThat(kernel.chunkCount(100, 999)).isEqualTo(1);
    assertThat(kernel.chunkCount(100, 1000)).isEqualTo(8);
    assertThat(kernel.chunkCount(3, 1_000_000)).isEqualTo(3);
    assertThat(GustavsonSpmm.sequential().chunkCount(1000, Long.MAX_VALUE - 1)).isEqualTo(1);
  }

  @Test
  @DisplayName("rejects operands whose shapes do not chain, naming both sizes")
  void rejectsShapeMismatch() {
    CsrMatrix w = CsrMatrix.fromDense(3, 2, new float[6]);
    SpikeRaster s = new SpikeRaster(2, 4);
    assertThatThrownBy(() -> GustavsonSpmm.sequential().multiply(s, w))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 columns")
        .hasMessageContaining("3 rows");
    SpikeRaster ok = new SpikeRaster(2, 3);
    assertThatThrownBy(() -> GustavsonSpmm.sequential().multiply(ok, w, new float[5]))
        .hasMessageContaining("output has 5 values");
  }
}
