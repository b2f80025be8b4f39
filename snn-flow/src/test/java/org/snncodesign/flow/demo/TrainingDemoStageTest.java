package org.snncodesign.flow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDemoStageTest {

  @Test
  @DisplayName(
      "the demo training stage reports a sparse 4-bit network that beats chance by far and hands it on")
  void trainsAndHandsOn(@TempDir Path dir) {
    ObjectNode report = new ObjectMapper().createObjectNode();
    DemoContext context =
        new DemoContext(null, dir, 3, report, new PrintStream(new ByteArrayOutputStream()));
    TrainingDemoStage stage = new TrainingDemoStage();
    stage.run(context);
    ObjectNode results = context.results(stage);
    assertThat(results.get("test_accuracy").asDouble()).isGreaterThan(0.7);
    assertThat(results.get("weight_sparsity").asDouble()).isGreaterThanOrEqualTo(0.8);
    assertThat(context.get(TrainingDemoStage.NETWORK).layer(0).bits()).isEqualTo(4);
  }
}
