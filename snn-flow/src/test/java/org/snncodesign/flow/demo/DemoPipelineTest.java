package org.snncodesign.flow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.SnnException;

@DisplayName("The demo pipeline")
class DemoPipelineTest {

  private record Value(int value) {}

  private record Step(String name, List<String> ran, boolean figures) implements DemoStage<Value> {
    @Override
    public String description() {
      return "does " + name;
    }

    @Override
    public Value run(DemoContext context) {
      ran.add(name);
      return figures ? new Value(ran.size()) : null;
    }
  }

  @Test
  @DisplayName(
      "runs its stages in order, reports each one's figures by name and its wall time apart, before them")
  void runsInOrder() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    DemoContext context = new DemoContext(null, Path.of("out"), 7, new PrintStream(progress, true));
    List<String> ran = new ArrayList<>();

    DemoReport report =
        DemoPipeline.run(List.of(new Step("a", ran, true), new Step("b", ran, false)), context);

    assertThat(ran).containsExactly("a", "b");
    assertThat(report.figures("a", Value.class).value()).isEqualTo(1);
    JsonNode json = new ObjectMapper().valueToTree(report);
    assertThat(json.fieldNames()).toIterable().containsExactly("seed", "measured_timing", "stages");
    assertThat(json.get("seed").asLong()).isEqualTo(7);
    assertThat(json.get("stages").fieldNames()).toIterable().containsExactly("a", "b");
    assertThat(json.at("/stages/a/value").asInt()).isEqualTo(1);
    assertThat(json.at("/stages/b").isObject()).isTrue();
    assertThat(json.at("/stages/b").size()).isZero();
    assertThat(json.get("measured_timing").fieldNames())
        .toIterable()
        .containsExactly("a_seconds", "b_seconds");
    assertThat(progress.toString()).contains("[1/2] a: does a", "[2/2] b: does b");
  }

  @Test
  @DisplayName(
      "names the stage when asked for figures of a stage that did not run or of another type")
  void figuresOfMissingStage() throws Exception {
    DemoContext context =
        new DemoContext(null, Path.of("out"), 1, new PrintStream(new ByteArrayOutputStream()));
    DemoReport report = DemoPipeline.run(List.of(new Step("a", new ArrayList<>(), true)), context);

    assertThatThrownBy(() -> report.figures("hardware", Value.class))
        .isInstanceOf(SnnException.class)
        .hasMessageContaining("'hardware' did not run (stages: a)");
    assertThatThrownBy(() -> report.figures("a", String.class))
        .isInstanceOf(SnnException.class)
        .hasMessageContaining("has Value, not String");
  }

  @Test
  @DisplayName("lists the co-design loop's stages in pipeline order")
  void coDesignStages() {
    assertThat(DemoPipeline.coDesignStages())
        .extracting(DemoStage::name)
        .containsExactly("plugins", "training", "software-run", "hardware");
  }
}
