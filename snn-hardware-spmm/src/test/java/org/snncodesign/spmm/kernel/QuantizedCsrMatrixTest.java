package org.snncodesign.spmm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.api.sparse.CsrMatrix;

@DisplayName("QuantizedCsrMatrix")
class QuantizedCsrMatrixTest {

  @ParameterizedTest(name = "{0} bits")
  @ValueSource(ints = {8, 4})
  @DisplayName(
      "dequantizes every kept weight to within half a step and drops those that round to zero")
  void quantizationErrorIsHalfAStep(int bits) {
    CsrMatrix w = RandomOperands.weights(40, 50, 0.3, 7, false);
    QuantizedCsrMatrix q = QuantizedCsrMatrix.quantize(w, bits);
    assertThat(q.scale()).isCloseTo(maxAbs(w) / QuantizedCsrMatrix.qmax(bits), within(1e-7f));
    CsrMatrix back = q.dequantize();
    for (int r = 0; r < w.rows(); r++) {
      for (int c = 0; c < w.cols(); c++) {
        assertThat(back.get(r, c)).isCloseTo(w.get(r, c), within(q.scale() / 2 + 1e-6f));
      }
    }
    assertThat(q.nonZeros()).isLessThanOrEqualTo(w.nonZeros());
    for (int p = 0; p < q.nonZeros(); p++) {
      assertThat(q.code(p)).isNotZero();
    }
  }

  @Test
  @DisplayName("packs every 4-bit code two to a byte and reads it back with its sign")
  void int4RoundTrip() {
    int[] codes = {-7, -6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 7, -7};
    int[] columns = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      columns[i] = i;
    }
    QuantizedCsrMatrix q =
        QuantizedCsrMatrix.of(
            1, codes.length, 4, 0.5f, new int[] {0, codes.length}, columns, codes);
    assertThat(q.codes()).hasSize(8);
    for (int p = 0; p < codes.length; p++) {
      assertThat(q.code(p)).isEqualTo(codes[p]);
    }
  }

  @Test
  @DisplayName("refuses codes outside the symmetric range and unsupported widths")
  void rejectsBadCodes() {
    assertThatThrownBy(
            () ->
                QuantizedCsrMatrix.of(1, 1, 4, 1f, new int[] {0, 1}, new int[] {0}, new int[] {-8}))
        .hasMessageContaining("code -8")
        .hasMessageContaining("[-7, 7]");
    assertThatThrownBy(
            () -> QuantizedCsrMatrix.quantize(CsrMatrix.fromDense(1, 1, new float[] {1}), 3))
        .hasMessageContaining("got 3");
  }

  @Test
  @DisplayName("an all-zero matrix quantizes to an empty one with scale 1")
  void allZero() {
    QuantizedCsrMatrix q = QuantizedCsrMatrix.quantize(CsrMatrix.fromDense(2, 2, new float[4]), 8);
    assertThat(q.nonZeros()).isZero();
    assertThat(q.scale()).isEqualTo(1f);
  }

  private static float maxAbs(CsrMatrix w) {
    float max = 0;
    for (float v : w.values()) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
