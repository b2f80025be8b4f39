package org.snncodesign.datasets.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A value range")
class ValueRangeTest {

  @Test
  @DisplayName("holds the smallest and largest value of a slice")
  void slice() {
    float[] values = {9, -2, 5, 3, 100};
    assertThat(ValueRange.of(values, 1, 4)).contains(new ValueRange(-2, 5));
    assertThat(ValueRange.of(values)).contains(new ValueRange(-2, 100));
  }

  @Test
  @DisplayName("is empty for no values and refuses a slice outside the array")
  void emptyAndOutside() {
    assertThat(ValueRange.of(new float[0])).isEmpty();
    assertThat(ValueRange.of(new float[] {1, 2}, 1, 1)).isEmpty();
    assertThatThrownBy(() -> ValueRange.of(new float[2], 1, 3))
        .hasMessage("slice [1, 3) outside [0, 2)");
  }

  @Test
  @DisplayName("is NaN when a value is NaN, so a corrupt value is not hidden")
  void nan() {
    ValueRange r = ValueRange.of(new float[] {1, Float.NaN, 2}).orElseThrow();
    assertThat(r.min()).isNaN();
    assertThat(r.max()).isNaN();
  }
}
