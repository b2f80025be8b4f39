package org.snncodesign.learning.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SurrogateFunctionTest {

  @ParameterizedTest
  @EnumSource(SurrogateKind.class)
  @DisplayName("the surrogate is the derivative of its smooth step")
  void derivativeOfSmoothStep(SurrogateKind kind) {
    SurrogateFunction f = SurrogateFunction.of(kind);
    for (float x = -2f; x <= 2f; x += 0.037f) {
      double eps = 1e-3;
      double numeric =
          (f.smoothStep((float) (x + eps)) - f.smoothStep((float) (x - eps))) / (2 * eps);
      assertThat((double) f.derivative(x)).as("%s at %s", kind, x).isCloseTo(numeric, within(2e-3));
    }
  }

  @ParameterizedTest
  @EnumSource(SurrogateKind.class)
  @DisplayName("the smooth step rises monotonically from 0 to 1 and is 1/2 at the threshold")
  void smoothStepIsAStep(SurrogateKind kind) {
    SurrogateFunction f = SurrogateFunction.of(kind);
    assertThat((double) f.smoothStep(0f)).isCloseTo(0.5, within(1e-6));
    assertThat((double) f.smoothStep(-1000f)).isCloseTo(0, within(1e-3));
    assertThat((double) f.smoothStep(1000f)).isCloseTo(1, within(1e-3));
    float previous = f.smoothStep(-5f);
    for (float x = -5f; x <= 5f; x += 0.01f) {
      float y = f.smoothStep(x);
      assertThat(y).isGreaterThanOrEqualTo(previous);
      previous = y;
    }
  }

  @ParameterizedTest
  @EnumSource(SurrogateKind.class)
  @DisplayName("the surrogate is symmetric, peaks at the threshold and is never negative")
  void shape(SurrogateKind kind) {
    SurrogateFunction f = new SurrogateFunction(kind, 3f);
    for (float x = 0f; x <= 3f; x += 0.1f) {
      assertThat(f.derivative(x))
          .isEqualTo(f.derivative(-x))
          .isGreaterThanOrEqualTo(0f)
          .isLessThanOrEqualTo(f.derivative(0f));
    }
  }

  @org.junit.jupiter.api.Test
  @DisplayName("a non-positive sharpness or an unknown name is refused with the bad value")
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new SurrogateFunction(SurrogateKind.ARCTAN, 0f))
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> SurrogateKind.parse("sigmoidal")).hasMessageContaining("sigmoidal");
    assertThat(SurrogateKind.parse("fast-sigmoid")).isEqualTo(SurrogateKind.FAST_SIGMOID);
  }
}
