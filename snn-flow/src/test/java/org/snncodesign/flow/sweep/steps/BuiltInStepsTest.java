package org.snncodesign.flow.sweep.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.flow.sweep.SweepParameters;
import org.snncodesign.flow.sweep.SweepRecord;
import org.snncodesign.flow.sweep.SweepStep;

class BuiltInStepsTest {
  private static SweepRecord run(String step, Map<String, ?> given, long seed) {
    SweepStep s = SweepStep.named(step);
    return s.run(SweepParameters.resolve(s, given), seed);
  }

  @Test
  @DisplayName(
      "lsm-pruning keeps the asked share of a small liquid and reports accuracies in [0, 1]")
  void lsmPruning() {
    SweepRecord r = run("lsm-pruning", Map.of("liquid", 60, "keep", 0.5, "max_samples", 200), 3);

    assertThat(r.values()).containsEntry("neurons_before", 60L).containsEntry("neurons_after", 30L);
    assertThat((double) r.values().get("accuracy_after")).isBetween(0.0, 1.0);
  }

  @Test
  @DisplayName("lsm-pruning runs on a data-set plugin's file named by parameters dataset and data")
  void lsmPruningOnPluginData(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder();
    // Class c lights the features f with f % 3 == c.
    for (int i = 0; i < 120; i++) {
      for (int f = 0; f < 9; f++) {
        csv.append(f % 3 == i % 3 ? "1," : "0,");
      }
      csv.append(i % 3).append('\n');
    }
    Path file = Files.writeString(dir.resolve("two.csv"), csv);
    SweepRecord r =
        run(
            "lsm-pruning",
            Map.of("liquid", 40, "keep", 0.5, "dataset", "csv", "data", file.toString()),
            3);

    assertThat(r.values()).containsEntry("neurons_after", 20L);
    assertThat((double) r.values().get("accuracy_before")).isGreaterThan(0.6);
  }

  @Test
  @DisplayName("lsm-pruning refuses an unknown ranking with the choices it has")
  void lsmPruningBadRanking() {
    assertThatThrownBy(
            () ->
                run(
                    "lsm-pruning",
                    Map.of("ranking", "loudest", "liquid", 20, "max_samples", 40),
                    1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("readout-weight");
  }

  @Test
  @DisplayName("sastl gives the same record for the same seed, and prunes to the kept share")
  void saStl() {
    Map<String, Object> tiny =
        Map.of("liquid", 40, "steps", 60, "outputs", 2, "afferents", 10, "epochs", 6, "keep", 0.5);

    SweepRecord first = run("sastl", tiny, 5);

    assertThat(run("sastl", tiny, 5)).isEqualTo(first);
    assertThat(first.values())
        .containsEntry("trainable_synapses", 20L)
        .containsEntry("kept_synapses", 10L);
  }

  @Test
  @DisplayName("digits-training reaches the asked weight sparsity")
  void digitsTraining() {
    SweepRecord r = run("digits-training", Map.of("epochs", 3, "sparsity", 0.5, "bits", 4), 1);

    assertThat((double) r.values().get("weight_sparsity"))
        .isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.05));
  }
}
