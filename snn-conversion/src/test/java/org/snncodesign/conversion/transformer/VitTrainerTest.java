package org.snncodesign.conversion.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.training.EpochReport;
import org.snncodesign.conversion.training.Optimizer;
import org.snncodesign.conversion.training.TrainingSettings;

class VitTrainerTest {
  @Test
  @DisplayName(
      "the trainer teaches the digits ViT to classify held-out 8x8 digits, deterministically")
  void trainsDigits() throws Exception {
    assumeTrue(DigitsCsv.present(), "digits not in ../../shared/data/digits");
    LabeledImages train = DigitsCsv.load(0, 1000);
    LabeledImages test = DigitsCsv.load(1400, 1797);
    VitConfig c = new VitConfig(1, 8, 8, 2, 16, 1, 2, 32, 10);
    VitModel a = VitModel.initialised("digits", c, 1);
    TrainingSettings s = new TrainingSettings(6, 16, 3e-3, 0.8, Optimizer.ADAM, 0, 0, 2, 3);
    List<EpochReport> reports = new VitTrainer(s).train(new VitNetwork(a), train, test, line -> {});
    assertThat(reports.get(5).meanLoss()).isLessThan(reports.get(0).meanLoss());
    // Chance is 0.10; 6 short epochs on 1,000 digits reach about 0.75 (deterministic for this
    // seed).
    assertThat(reports.get(5).testAccuracy()).isGreaterThan(0.7);
    // Same seed and thread count, same weights.
    VitModel b = VitModel.initialised("digits", c, 2);
    VitModel b2 = VitModel.initialised("digits", c, 2);
    TrainingSettings one = s.withEpochs(1);
    new VitTrainer(one).train(new VitNetwork(b), train.head(200), null, line -> {});
    new VitTrainer(one).train(new VitNetwork(b2), train.head(200), null, line -> {});
    assertThat(b2.parameters()).containsExactly(b.parameters());
  }
}
