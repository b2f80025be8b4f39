package org.snncodesign.flow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.plugin.PluginRegistry;

@DisplayName("The demo's co-design loop, run from Java")
class CoDesignLoopTest {

  @Test
  @DisplayName(
      "gives typed figures: the software run scores the trained network as training did, and every "
          + "priced design's energy per inference is its energy over the inferences")
  void runsTheLoop(@TempDir Path out) throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    DemoContext context = new DemoContext(PluginRegistry.discover(), out, 42, quiet);
    context.put(HardwareStage.STATIC_POWER, StaticPower.EXCLUDED);
    DemoReport report = DemoPipeline.run(DemoPipeline.coDesignStages(), context);

    var training = report.figures("training", TrainingDemoStage.Figures.class);
    var softwareRun = report.figures("software-run", SoftwareRunStage.Figures.class);
    var hardware = report.figures("hardware", HardwareStage.Figures.class);
    assertThat(training.testAccuracy()).isGreaterThan(0.9);
    assertThat(softwareRun.accuracy()).isEqualTo(training.testAccuracy());
    assertThat(softwareRun.spikeDrivenLayers())
        .allSatisfy(layer -> assertThat(layer.maxAbsDifference()).isLessThan(1e-3f));
    assertThat(hardware.inferences()).isEqualTo(softwareRun.inferences());
    assertThat(hardware.designs())
        .extracting(design -> design.row().accelerator())
        .contains("cpu-gustavson", "spiked-gustavson", "spikex-systolic", "firefly-s");
    assertThat(hardware.designs())
        .filteredOn(design -> !design.row().declined())
        .isNotEmpty()
        .allSatisfy(
            design ->
                assertThat(design.energyPerInferencePj())
                    .isEqualTo(design.row().figures().energyPj() / hardware.inferences()));
    assertThat(out.resolve("hardware.csv")).isRegularFile();

    JsonNode json = new ObjectMapper().valueToTree(report);
    assertThat(json.get("stages").fieldNames())
        .toIterable()
        .containsExactly("plugins", "training", "software-run", "hardware");
    JsonNode design = json.at("/stages/hardware/designs/0");
    assertThat(design.has("counters")).as("a design line keeps the headline figures").isFalse();
    assertThat(json.at("/stages/plugins/accelerator").asInt()).isGreaterThanOrEqualTo(7);
  }
}
