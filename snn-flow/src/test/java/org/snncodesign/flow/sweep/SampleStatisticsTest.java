package org.snncodesign.flow.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SampleStatisticsTest {
  @Test
  @DisplayName(
      "eight values give the sample sd and a 95 % interval of t(7) = 2.365 standard errors")
  void eightSeeds() {
    SampleStatistics s = SampleStatistics.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8});

    assertThat(s.mean()).isEqualTo(4.5);
    assertThat(s.sd()).isCloseTo(Math.sqrt(42.0 / 7), within(1e-12));
    assertThat(s.ci95()).isCloseTo(2.365 * Math.sqrt(6.0) / Math.sqrt(8), within(1e-12));
  }

  @Test
  @DisplayName("one value has a mean but no spread")
  void oneSeed() {
    SampleStatistics s = SampleStatistics.of(new double[] {3});

    assertThat(s.mean()).isEqualTo(3);
    assertThat(s.sd()).isNaN();
    assertThat(s.ci95()).isNaN();
    assertThat(s.sdOrZero()).isZero();
    assertThat(SampleStatistics.of(new double[] {1, 3}).sdOrZero()).isEqualTo(Math.sqrt(2));
  }

  @Test
  @DisplayName("past the table, the t quantile approaches 1.96 from above")
  void largeSamples() {
    assertThat(SampleStatistics.tQuantile975(31)).isCloseTo(2.0395, within(0.003));
    assertThat(SampleStatistics.tQuantile975(1000)).isCloseTo(1.962, within(0.003));
  }
}
