package org.snncodesign.flow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo pipeline")
class DemoPipelineTest {

  private record Step(String name, List<String> ran, boolean figures) implements DemoStage {
    @Override
    public String description() {
      return "does " + name;
    }

    @Override
    public void run(DemoContext context) {
      ran.add(name);
      if (figures) {
        context.results(this).put("value", ran.size());
      }
    }
  }

  @Test
  @DisplayName(
      "runs its stages in order, gives each a node in the report and its wall time apart, before them")
  void runsInOrder() throws Exception {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    DemoContext context =
        new DemoContext(null, Path.of("out"), 1, report, new PrintStream(progress, true));
    List<String> ran = new ArrayList<>();

    DemoPipeline.run(List.of(new Step("a", ran, true), new Step("b", ran, false)), context);

    assertThat(ran).containsExactly("a", "b");
    assertThat(report.fieldNames()).toIterable().containsExactly("measured_timing", "stages");
    assertThat(report.get("stages").fieldNames()).toIterable().containsExactly("a", "b");
    assertThat(report.at("/stages/a/value").asInt()).isEqualTo(1);
    assertThat(report.get("measured_timing").fieldNames())
        .toIterable()
        .containsExactly("a_seconds", "b_seconds");
    assertThat(progress.toString()).contains("[1/2] a: does a", "[2/2] b: does b");
  }

  @Test
  @DisplayName("lists the co-design loop's stages in pipeline order")
  void coDesignStages() {
    assertThat(DemoPipeline.coDesignStages())
        .extracting(DemoStage::name)
        .containsExactly("plugins", "training", "software-run", "hardware");
  }
}
