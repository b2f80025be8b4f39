package org.snncodesign.api.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Energy breakdowns by category")
class EnergyBreakdownTest {
  private static EnergyBreakdown sample() {
    return EnergyBreakdown.builder()
        .charge(EnergyCategory.OFF_CHIP_MEMORY, "dram", 1300)
        .charge(EnergyCategory.COMPUTE, "adders", 30)
        .charge(EnergyCategory.ON_CHIP_MEMORY, "weight_buffer", 200)
        .chargeStatic("leakage", 0.5, 1e-6)
        .build();
  }

  @Test
  @DisplayName(
      "a category's energy is the sum of its components, and uncharged categories are zero")
  void categorySums() {
    EnergyBreakdown energy =
        EnergyBreakdown.builder()
            .charge(EnergyCategory.COMPUTE, "adders", 2)
            .charge(EnergyCategory.COMPUTE, "neurons", 3)
            .build();
    assertThat(energy.picojoules(EnergyCategory.COMPUTE)).isEqualTo(5);
    assertThat(energy.picojoules(EnergyCategory.OTHER)).isZero();
  }

  @Test
  @DisplayName("the total leaves static energy out unless it is included")
  void staticOnlyWhenIncluded() {
    EnergyBreakdown energy = sample();
    assertThat(energy.total(StaticPower.EXCLUDED)).isCloseTo(1530, within(1e-9));
    assertThat(energy.total(StaticPower.INCLUDED)).isCloseTo(1530 + 0.5e6, within(1e-6));
  }

  @Test
  @DisplayName(
      "components come out in category order then name order, whatever order they were charged in")
  void deterministicOrder() {
    assertThat(sample().components())
        .extracting(EnergyComponent::name)
        .containsExactly("adders", "weight_buffer", "dram", "leakage");
    assertThat(sample().byCategory().keySet()).containsExactly(EnergyCategory.values());
  }

  @Test
  @DisplayName("charges to the same component add up, so breakdowns charged alike are equal")
  void mergesCharges() {
    EnergyBreakdown twice =
        EnergyBreakdown.builder()
            .charge(EnergyCategory.COMPUTE, "adders", 1)
            .charge(EnergyCategory.COMPUTE, "adders", 2)
            .build();
    assertThat(twice)
        .isEqualTo(EnergyBreakdown.builder().charge(EnergyCategory.COMPUTE, "adders", 3).build());
  }

  @Test
  @DisplayName("a negative or non-finite charge is refused naming the component")
  void refusesBadEnergy() {
    assertThatThrownBy(() -> EnergyBreakdown.builder().charge(EnergyCategory.COMPUTE, "adders", -1))
        .hasMessageContaining("adders")
        .hasMessageContaining("-1");
  }
}
