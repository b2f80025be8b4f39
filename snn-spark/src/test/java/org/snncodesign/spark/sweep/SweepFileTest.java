package org.snncodesign.spark.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;

class SweepFileTest {
  @Test
  @DisplayName("a grid is every combination, last parameter fastest, each setting once per seed")
  void grid() throws IOException {
    SweepFile f =
        SweepFile.parse(
            """
        {"step": "test-spin", "fixed": {"iterations": 10},
         "grid": {"scale": [1, 2], "fail_seed": [-1, 7]}, "seeds": [3, 4]}""",
            "grid.json");

    assertThat(f.points()).hasSize(8);
    assertThat(f.points().get(0).settingView())
        .containsExactly(
            Map.entry("iterations", 10L), Map.entry("scale", 1L), Map.entry("fail_seed", -1L));
    assertThat(f.points().get(1).seed()).isEqualTo(4);
    assertThat(f.points().get(2).settingView())
        .containsEntry("fail_seed", 7L)
        .containsEntry("scale", 1L);
    assertThat(f.varied()).containsExactly("scale", "fail_seed");
  }

  @Test
  @DisplayName("lists vary together element by element and must have equal lengths")
  void lists() throws IOException {
    SweepFile f =
        SweepFile.parse(
            """
        {"step": "s", "lists": {"a": [1, 2, 3], "b": ["x", "y", "z"]}, "seeds": {"first": 1, "count": 1}}""",
            "l");

    assertThat(f.settings())
        .containsExactly(
            Map.of("a", 1L, "b", "x"), Map.of("a", 2L, "b", "y"), Map.of("a", 3L, "b", "z"));
    assertThatThrownBy(
            () ->
                SweepFile.parse(
                    """
        {"step": "s", "lists": {"a": [1, 2], "b": [1]}, "seeds": [1]}""",
                    "bad.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("equal");
  }

  @Test
  @DisplayName("random draws are the same for the same draw seed and stay inside their ranges")
  void randomDraws() throws IOException {
    String json =
        """
        {"step": "s", "random": {"draws": 20, "seed": 9, "parameters": {
           "x": {"uniform": [0.1, 0.2]}, "n": {"integers": [3, 5]}, "c": {"choice": ["a", "b"]},
           "eta": {"log_uniform": [0.001, 0.1]}}},
         "seeds": [1]}""";

    List<Map<String, Object>> settings = SweepFile.parse(json, "r").settings();

    assertThat(SweepFile.parse(json, "r").settings()).isEqualTo(settings);
    assertThat(settings)
        .allSatisfy(
            s -> {
              assertThat((double) s.get("x")).isBetween(0.1, 0.2);
              assertThat((long) s.get("n")).isBetween(3L, 5L);
              assertThat(s.get("c")).isIn("a", "b");
              assertThat((double) s.get("eta")).isBetween(0.001, 0.1);
            });
    assertThat(settings.stream().map(s -> s.get("n")).distinct()).hasSize(3);
  }

  @Test
  @DisplayName("a point's key names what it computes, not where it stands in the file")
  void keys() throws IOException {
    SweepPoint a =
        SweepFile.parse("{\"step\": \"s\", \"grid\": {\"k\": [1, 2]}, \"seeds\": [5]}", "a")
            .points()
            .get(1);
    SweepPoint b =
        SweepFile.parse("{\"step\": \"s\", \"grid\": {\"k\": [2]}, \"seeds\": [5]}", "b")
            .points()
            .get(0);

    assertThat(a.index()).isNotEqualTo(b.index());
    assertThat(a.key()).isEqualTo(b.key());
  }

  @Test
  @DisplayName(
      "an unknown key, a repeated seed or setting, or one objective is refused naming the file")
  void refusals() {
    assertThatThrownBy(() -> SweepFile.parse("{\"step\": \"s\", \"seed\": [1]}", "f.json"))
        .hasMessageContaining("f.json")
        .hasMessageContaining("seed");
    assertThatThrownBy(() -> SweepFile.parse("{\"step\": \"s\", \"seeds\": [1, 1]}", "f.json"))
        .hasMessageContaining("distinct");
    assertThatThrownBy(
            () ->
                SweepFile.parse(
                    """
        {"step": "s", "seeds": [1], "objectives": [{"column": "a", "goal": "min"}]}""",
                    "f.json"))
        .hasMessageContaining("two columns");
    assertThatThrownBy(
            () ->
                SweepFile.parse(
                    "{\"step\": \"s\", \"grid\": {\"k\": [1, 2, 1]}, \"seeds\": [1]}", "f.json"))
        .hasMessageContaining("settings 0 and 2 are the same");
  }
}
