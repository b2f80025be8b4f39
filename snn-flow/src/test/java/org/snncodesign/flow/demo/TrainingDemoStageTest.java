package org.snncodesign.flow.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
    DemoContext context =
        new DemoContext(null, dir, 3, new PrintStream(new ByteArrayOutputStream()));
    TrainingDemoStage.Figures figures = new TrainingDemoStage().run(context);
    assertThat(figures.testAccuracy()).isGreaterThan(0.7);
    assertThat(figures.weightSparsity()).isGreaterThanOrEqualTo(0.8);
    assertThat(figures.bits()).isEqualTo(4);
    assertThat(context.get(TrainingDemoStage.NETWORK).layer(0).bits()).isEqualTo(4);
  }
}
