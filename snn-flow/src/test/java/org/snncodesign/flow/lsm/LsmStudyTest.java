package org.snncodesign.flow.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.pruning.PruningStudy;
import org.snncodesign.learning.lsm.readout.ReadoutKind;

class LsmStudyTest {
  private static final PluginRegistry PLUGINS = PluginRegistry.discover();

  private static LsmStudy.Result run(LsmTask task, LsmStudy.Settings settings) {
    return LsmStudy.run(task, settings, PLUGINS, line -> {});
  }

  @Test
  @DisplayName(
      "one-shot pruning on a few digits keeps the asked share of neurons, fewer synapses, and a readout that "
          + "still beats chance")
  void oneShot() throws Exception {
    LsmStudy.Settings settings =
        LsmStudy.Settings.builder().neurons(135).keep(0.5).curve(List.of(0.5)).build();
    LsmStudy.Result result = run(LsmTask.digits(null, 240), settings);
    LsmStudy.Official official = result.official();
    assertThat(result.speakers()).isNull();
    assertThat(result.bins()).containsExactly(4);
    assertThat(official.split()).contains("4th");
    assertThat(official.trainSamples() + official.testSamples()).isEqualTo(240);
    assertThat(official.before().size().neurons()).isEqualTo(135);
    assertThat(official.after().size().neurons()).isEqualTo(68);
    assertThat(official.after().size().synapses()).isLessThan(official.before().size().synapses());
    assertThat(official.before().testAccuracy()).isGreaterThan(0.5);
    assertThat(official.after().testAccuracy()).isGreaterThan(0.3);
    // The curve: the full liquid, then one point per fraction.
    assertThat(official.curve()).hasSize(2);
    assertThat(new ObjectMapper().writeValueAsString(result)).contains("\"dataset\":\"digits\"");
    // The report: before/after figures flat with a suffix; no plasticity, no CSV without files.
    String json = new ObjectMapper().writeValueAsString(LsmReport.of(settings, result, null));
    assertThat(json)
        .contains("\"ranking\":\"activity\",\"rewired\":false,\"keep_fraction\":0.5,\"split\":")
        .contains("\"neurons_before\":135,")
        .contains("\"neurons_after\":68,")
        .contains("\"curve\":[{\"keep_fraction\":1.0,")
        .doesNotContain("plasticity")
        .doesNotContain("\"csv\"")
        .doesNotContain("folds");
  }

  @Test
  @DisplayName(
      "iterative pruning with a logistic readout picks the bins by CV and shares the curve's run")
  void iterativeLogisticCurve() throws Exception {
    LsmStudy.Result result =
        run(
            LsmTask.digits(null, 160),
            LsmStudy.Settings.builder()
                .neurons(64)
                .keep(0.25)
                .method(new PruningStudy.Method(NeuronRanking.READOUT_WEIGHT, true, true, false, 2))
                .readout(ReadoutKind.logistic(40))
                .bins(List.of(4, 2))
                .curve(List.of(0.5, 0.25))
                .build());
    LsmStudy.Official official = result.official();
    assertThat(result.readout()).isEqualTo("logistic");
    assertThat(result.readoutIterations()).isEqualTo(40);
    assertThat(result.method()).isEqualTo("readout-weight+rewire-fan-in x2");
    assertThat(result.bins()).containsExactly(2, 4);
    assertThat(official.after().size().neurons()).isEqualTo(16);
    assertThat(official.rounds()).hasSize(3);
    assertThat(official.rounds().get(1).size().neurons()).isEqualTo(32);
    assertThat(official.after().bins()).isIn(2, 4);
    assertThat(official.after().lambda()).isLessThan(1);
    assertThat(official.curve()).hasSize(3).containsExactlyElementsOf(official.rounds());
  }

  @Test
  @DisplayName(
      "a learning rule by name adapts the input synapses on the training samples before the readout")
  void learningRuleByName() throws Exception {
    LsmStudy.Result result =
        run(
            LsmTask.digits(null, 80),
            LsmStudy.Settings.builder()
                .neurons(64)
                .plasticity(new LsmStudy.Plasticity("stdp", Map.of("a_plus", 0.005), 1))
                .build());
    LsmStudy.PlasticityReport plasticity = result.plasticity();
    assertThat(plasticity.rule()).isEqualTo("stdp");
    assertThat(plasticity.presentations()).isEqualTo(60);
    assertThat(plasticity.totalChange()).isPositive();
    assertThat(plasticity.parameters()).containsEntry("a_plus", 0.005);
    assertThat(List.copyOf(plasticity.parameters().keySet())).isSorted();
  }

  @Test
  @DisplayName(
      "a liquid on the MNIST IDX files trains on the train file and tests on the t10k file")
  void mnist(@TempDir Path dir) throws Exception {
    LsmStudy.Result result =
        run(
            LsmTask.mnist(TinyMnist.write(dir), 0, line -> {}),
            LsmStudy.Settings.builder().neurons(64).keep(0.5).build());
    assertThat(result.dataset()).isEqualTo("mnist");
    assertThat(result.official().trainSamples()).isEqualTo(12);
    assertThat(result.official().testSamples()).isEqualTo(4);
    assertThat(result.official().split()).contains("t10k file test");
    assertThat(result.official().after().size().neurons()).isEqualTo(32);
  }

  @Test
  @DisplayName(
      "the speaker split on a few FSDD clips runs leave-one-speaker-out (skipped without the data)")
  void fsddSpeakers() throws Exception {
    Path folder = Path.of("..", "..", "shared", "data", "fsdd", "recordings");
    assumeTrue(Files.isDirectory(folder), "FSDD not found at " + folder.toAbsolutePath());
    LsmStudy.Result result =
        run(
            LsmTask.fsdd(folder, 120, line -> {}),
            LsmStudy.Settings.builder().neurons(100).split(LsmStudy.Split.SPEAKER).build());
    assertThat(result.official()).isNull();
    assertThat(result.speakers().folds()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(result.speakers().neuronsAfter()).isEqualTo(25);
  }

  @Test
  @DisplayName(
      "settings refuse bins that do not divide the largest, curve fractions outside (0, 1], and a speaker "
          + "split with anything but one-shot activity pruning and a ridge readout")
  void refusesBadSettings() {
    assertThatThrownBy(() -> LsmStudy.Settings.builder().bins(List.of(3, 4)).build())
        .hasMessageContaining("divide the largest");
    assertThatThrownBy(() -> LsmStudy.Settings.builder().curve(List.of(0.0)).build())
        .hasMessageContaining("curve fractions");
    assertThatThrownBy(
            () ->
                LsmStudy.Settings.builder()
                    .split(LsmStudy.Split.SPEAKER)
                    .readout(ReadoutKind.LOGISTIC)
                    .build())
        .hasMessageContaining("speaker split");
    assertThatThrownBy(() -> LsmStudy.Settings.builder().keep(0).build())
        .hasMessageContaining("(0, 1]");
  }

  @Test
  @DisplayName(
      "a curve starting with rounded schedule fractions (0.707, 0.5, 0.354, 0.25) shares the rounds' "
          + "schedule exactly")
  void sharedScheduleToleratesRoundedFractions() {
    double[] shared =
        LsmStudy.sharedSchedule(new double[] {0.177, 0.25, 0.354, 0.5, 0.707}, 0.25, 4);
    assertThat(shared).isNotNull().hasSize(5);
    assertThat(shared[0]).isEqualTo(Math.pow(0.25, 0.25));
    assertThat(shared[2]).isEqualTo(Math.pow(0.25, 0.75));
    // 0.354 x 2000 = 708 but the schedule prunes to 707: the snapped fraction gives the schedule's
    // count
    assertThat(Math.round(2000 * shared[2])).isEqualTo(707);
    assertThat(shared[3]).isEqualTo(0.25);
    assertThat(shared[4]).isEqualTo(0.177);
  }

  @Test
  @DisplayName("a curve that does not start with the rounds' schedule is not shared")
  void sharedScheduleRejectsOtherCurves() {
    assertThat(LsmStudy.sharedSchedule(new double[] {0.6, 0.25}, 0.25, 2)).isNull();
    assertThat(LsmStudy.sharedSchedule(new double[] {0.5, 0.25}, 0.25, 4)).isNull();
    assertThat(LsmStudy.sharedSchedule(new double[] {0.5, 0.25}, 0.25, 2))
        .containsExactly(0.5, 0.25);
  }
}
