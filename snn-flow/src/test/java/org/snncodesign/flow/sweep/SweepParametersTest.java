package org.snncodesign.flow.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;

class SweepParametersTest {
  private static final SweepStep STEP =
      new SweepStep() {
        @Override
        public String name() {
          return "probe";
        }

        @Override
        public String description() {
          return "a step with one parameter of each type";
        }

        @Override
        public List<SweepParameter> parameters() {
          return List.of(
              SweepParameter.integer("n", 3, "count"),
              SweepParameter.real("x", 0.5, "share"),
              SweepParameter.flag("on", false, "switch"),
              SweepParameter.text("mode", "a", "a or b"));
        }

        @Override
        public SweepRecord run(SweepParameters parameters, long seed) {
          return SweepRecord.builder().build();
        }
      };

  @Test
  @DisplayName("parameters a sweep does not set take the step's defaults, in declaration order")
  void defaults() {
    SweepParameters p = SweepParameters.resolve(STEP, Map.of());

    assertThat(p.values())
        .containsExactly(
            Map.entry("n", 3L),
            Map.entry("x", 0.5),
            Map.entry("on", false),
            Map.entry("mode", "a"));
  }

  @Test
  @DisplayName(
      "given values are coerced to the declared type: whole numbers to integers, integers to reals")
  void coercion() {
    SweepParameters p =
        SweepParameters.resolve(STEP, Map.of("n", 7.0, "x", 2L, "on", "true", "mode", "b"));

    assertThat(p.integer("n")).isEqualTo(7);
    assertThat(p.real("x")).isEqualTo(2.0);
    assertThat(p.flag("on")).isTrue();
    assertThat(p.text("mode")).isEqualTo("b");
  }

  @Test
  @DisplayName(
      "a fractional value for an integer parameter is refused, naming the parameter and the value")
  void badType() {
    assertThatThrownBy(() -> SweepParameters.resolve(STEP, Map.of("n", 2.5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("n")
        .hasMessageContaining("2.5");
  }

  @Test
  @DisplayName("a parameter the step does not have is refused with the names it does have")
  void unknownName() {
    assertThatThrownBy(() -> SweepParameters.resolve(STEP, Map.of("size", 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("size")
        .hasMessageContaining("[mode, n, on, x]");
  }

  @Test
  @DisplayName("the built-in steps are found by name, and an unknown name lists them")
  void discovery() {
    assertThat(SweepStep.named("sastl").name()).isEqualTo("sastl");
    assertThatThrownBy(() -> SweepStep.named("nope"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("digits-training")
        .hasMessageContaining("lsm-pruning")
        .hasMessageContaining("sastl");
  }
}
