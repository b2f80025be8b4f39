package org.snncodesign.spmm.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.spmm.model.DenseArrayAccelerator;
import org.snncodesign.spmm.model.OuterProductAccelerator;
import org.snncodesign.spmm.model.SpikedGustavsonAccelerator;

@DisplayName("The SpMM study")
class SpmmStudyTest {
  private static final SpmmLayer LAYER = new SpmmLayer(32, 128, 64, 7);
  private static final List<Accelerator> MODELS =
      List.of(
          new SpikedGustavsonAccelerator(),
          new DenseArrayAccelerator(),
          new OuterProductAccelerator());

  private static SpmmStudy study(
      SpmmStudy.Operands operands, List<Double> sparsities, List<Double> rates) {
    return new SpmmStudy(LAYER, 8, operands, sparsities, rates);
  }

  @Test
  @DisplayName("walks the grid with sparsities outer and spike rates inner")
  void gridOrder() {
    assertThat(
            study(SpmmStudy.Operands.SYNTHETIC, List.of(0.5, 0.9), List.of(0.01, 0.1)).settings())
        .containsExactly(
            new SpmmStudy.Setting(0.5, 0.01),
            new SpmmStudy.Setting(0.5, 0.1),
            new SpmmStudy.Setting(0.9, 0.01),
            new SpmmStudy.Setting(0.9, 0.1));
  }

  @Test
  @DisplayName(
      "prices one workload per setting on every model, in the models' order, and names the fastest")
  void pricesEveryModel() {
    SpmmStudy study = study(SpmmStudy.Operands.SYNTHETIC, List.of(0.9), List.of(0.05));
    SpmmStudy.Point point =
        study.evaluate(study.settings().get(0), MODELS, EnergyTable.HOROWITZ_45NM);

    assertThat(point.reports())
        .containsOnlyKeys("spiked-gustavson", "dense-array", "outer-product");
    assertThat(point.reports().keySet())
        .containsExactly("spiked-gustavson", "dense-array", "outer-product");
    double least =
        point.reports().values().stream()
            .mapToDouble(HardwareReport::latencySeconds)
            .min()
            .orElseThrow();
    assertThat(point.reports().get(point.fastest()).latencySeconds()).isEqualTo(least);
    assertThat(point.layer().weightDensity()).isCloseTo(0.1, within(0.03));
    assertThat(point.layer().spikeRate()).isCloseTo(0.05, within(0.02));
  }

  @Test
  @DisplayName("with the same seed draws the same operands, so the same figures")
  void sameSeedSameFigures() {
    SpmmStudy study = study(SpmmStudy.Operands.SYNTHETIC, List.of(0.8), List.of(0.1));
    SpmmStudy.Setting setting = study.settings().get(0);
    HardwareReport a =
        study
            .evaluate(setting, MODELS, EnergyTable.HOROWITZ_45NM)
            .reports()
            .get("spiked-gustavson");
    HardwareReport b =
        study
            .evaluate(setting, MODELS, EnergyTable.HOROWITZ_45NM)
            .reports()
            .get("spiked-gustavson");
    assertThat(a.cycles()).isEqualTo(b.cycles());
    assertThat(a.energyPicojoules()).isEqualTo(b.energyPicojoules());
  }

  @Test
  @DisplayName("with statistics takes the stated rates as they are, without drawing matrices")
  void statistics() {
    SpmmStudy study = study(SpmmStudy.Operands.STATISTICS, List.of(0.75), List.of(0.2));
    var workload = study.workload(study.settings().get(0));
    assertThat(workload.spikeRate()).isEqualTo(0.2);
    assertThat(workload.weightDensity()).isEqualTo(0.25);
  }

  @Test
  @DisplayName("refuses a sparsity or spike rate outside [0, 1], naming the value")
  void refusesFractionsOutOfRange() {
    assertThatThrownBy(() -> study(SpmmStudy.Operands.SYNTHETIC, List.of(1.5), List.of(0.1)))
        .hasMessageContaining("weight sparsity must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> study(SpmmStudy.Operands.SYNTHETIC, List.of(0.5), List.of(-0.1)))
        .hasMessageContaining("spike rate must be in [0, 1], got -0.1");
  }
}
