package org.snncodesign.api.sparse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Sparse weight matrices")
class SparseMatrixTest {
  private static float[] randomDense(int rows, int cols, double density, long seed) {
    Random random = new Random(seed);
    float[] dense = new float[rows * cols];
    for (int i = 0; i < dense.length; i++) {
      if (random.nextDouble() < density) {
        dense[i] = (float) random.nextGaussian();
      }
    }
    return dense;
  }

  @ParameterizedTest(name = "{0} x {1} at density {2}")
  @CsvSource({
    "1, 1, 0.0",
    "1, 1, 1.0",
    "7, 130, 0.05",
    "64, 64, 0.5",
    "33, 65, 1.0",
    "0, 5, 0.5",
    "5, 0, 0.5"
  })
  @DisplayName(
      "dense -> CSR -> bitmap -> CSR -> dense is the identity, and get() agrees everywhere")
  void roundTrips(int rows, int cols, double density) {
    float[] dense = randomDense(rows, cols, density, rows * 31L + cols);
    CsrMatrix csr = CsrMatrix.fromDense(rows, cols, dense);
    BitmapMatrix bitmap = BitmapMatrix.fromCsr(csr);

    assertThat(bitmap.toCsr()).isEqualTo(csr);
    assertThat(csr.toDense()).containsExactly(dense);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        assertThat(csr.get(r, c)).isEqualTo(dense[r * cols + c]);
        assertThat(bitmap.get(r, c)).isEqualTo(dense[r * cols + c]);
      }
    }
  }

  @Test
  @DisplayName("an inconsistent CSR structure is refused with the first fault named")
  void invalidStructure() {
    assertThatThrownBy(
            () -> new CsrMatrix(2, 3, new int[] {0, 1, 2}, new int[] {0, 3}, new float[] {1, 2}))
        .hasMessageContaining("column 3 of row 1");
    assertThatThrownBy(
            () -> new CsrMatrix(1, 3, new int[] {0, 2}, new int[] {2, 1}, new float[] {1, 2}))
        .hasMessageContaining("ascend");
    assertThatThrownBy(() -> new CsrMatrix(2, 3, new int[] {0, 1}, new int[] {0}, new float[] {1}))
        .hasMessageContaining("rows + 1");
  }
}
