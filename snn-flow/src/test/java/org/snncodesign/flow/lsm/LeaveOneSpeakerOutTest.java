package org.snncodesign.flow.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;

class LeaveOneSpeakerOutTest {
  private static final LeaveOneSpeakerOut.Settings SETTINGS =
      new LeaveOneSpeakerOut.Settings(5, 2, 0.5, false, false, false, 1);

  /** Two classes told apart by which half of 8 channels fires, spoken by {@code speakers}. */
  private static LsmTask task(String... speakers) {
    SplittableRandom random = new SplittableRandom(3);
    List<SpikeRaster> inputs = new ArrayList<>();
    int perSpeaker = 8;
    int n = speakers.length * perSpeaker;
    int[] labels = new int[n];
    String[] groups = new String[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      groups[i] = speakers[i / perSpeaker];
      SpikeRaster raster = new SpikeRaster(20, 8);
      for (int t = 0; t < 20; t++) {
        for (int c = 0; c < 4; c++) {
          if (random.nextDouble() < 0.4) {
            raster.set(t, labels[i] * 4 + c);
          }
        }
      }
      inputs.add(raster);
    }
    return new LsmTask("toy", inputs, labels, groups, new boolean[n], 2, 8, 0);
  }

  @Test
  @DisplayName(
      "every speaker is held out once; accuracies are weighted by clips and pruning keeps the fraction")
  void foldsPerSpeaker() {
    LsmTask task = task("ann", "bob", "cyd");
    Liquid liquid =
        Liquid.create(LiquidParameters.builder().neurons(60).inputChannels(8).seed(2).build());
    LeaveOneSpeakerOut.Result result = LeaveOneSpeakerOut.run(task, liquid, SETTINGS, line -> {});
    assertThat(result.folds())
        .extracting(LeaveOneSpeakerOut.Fold::speaker)
        .containsExactly("ann", "bob", "cyd");
    assertThat(result.folds()).allSatisfy(f -> assertThat(f.testSamples()).isEqualTo(8));
    double mean =
        result.folds().stream()
            .mapToDouble(LeaveOneSpeakerOut.Fold::accuracyBefore)
            .average()
            .orElseThrow();
    assertThat(result.accuracyBefore()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(result.accuracyBefore()).isGreaterThan(0.5);
    assertThat(result.neuronsAfter()).isEqualTo(30);
    assertThat(result.synapsesAfter()).isLessThan(liquid.synapses());
  }

  @Test
  @DisplayName("one speaker is not enough for the split, and says so")
  void oneSpeaker() {
    Liquid liquid =
        Liquid.create(LiquidParameters.builder().neurons(20).inputChannels(8).seed(2).build());
    assertThatThrownBy(() -> LeaveOneSpeakerOut.run(task("ann"), liquid, SETTINGS, line -> {}))
        .hasMessageContaining("at least 2 speakers");
  }
}
