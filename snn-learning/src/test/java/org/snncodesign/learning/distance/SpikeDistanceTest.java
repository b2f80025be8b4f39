package org.snncodesign.learning.distance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpikeDistanceTest {

  private static double[] train(SplittableRandom r, int maxSpikes, double length) {
    double[] t = new double[r.nextInt(maxSpikes + 1)];
    for (int i = 0; i < t.length; i++) {
      t[i] = r.nextDouble() * length;
    }
    Arrays.sort(t);
    return t;
  }

  @Test
  @DisplayName("van Rossum: one spike against none is 1/sqrt(2), identical trains are 0")
  void vanRossumKnownValues() {
    assertThat(VanRossumDistance.distance(new double[] {3}, new double[] {}, 10))
        .isCloseTo(Math.sqrt(0.5), within(1e-12));
    assertThat(VanRossumDistance.distance(new int[] {1, 5, 9}, new int[] {1, 5, 9}, 4)).isZero();
    // Two spikes shifted by delta: D^2 = 1 - e^{-delta / tau}.
    assertThat(VanRossumDistance.distance(new double[] {0}, new double[] {2}, 4))
        .isCloseTo(Math.sqrt(1 - Math.exp(-0.5)), within(1e-12));
  }

  @Test
  @DisplayName(
      "van Rossum's closed form equals the numerical integral of the squared filtered difference")
  void vanRossumMatchesIntegral() {
    double[] a = {1.0, 4.5, 7.2};
    double[] b = {1.3, 8.0};
    double tau = 2;
    double h = 1e-4;
    double integral = 0;
    for (double t = 0; t < 60; t += h) {
      double f = 0;
      for (double ai : a) {
        f += t >= ai ? Math.exp(-(t - ai) / tau) : 0;
      }
      for (double bi : b) {
        f -= t >= bi ? Math.exp(-(t - bi) / tau) : 0;
      }
      integral += f * f * h;
    }
    assertThat(VanRossumDistance.distance(a, b, tau))
        .isCloseTo(Math.sqrt(integral / tau), within(1e-3));
  }

  @Test
  @DisplayName(
      "Victor-Purpura: q = 0 counts the spike-number difference, large q counts unmatched spikes")
  void victorPurpuraLimits() {
    double[] a = {1, 2, 3};
    double[] b = {1.5, 10};
    assertThat(VictorPurpuraDistance.distance(a, b, 0)).isEqualTo(1);
    assertThat(VictorPurpuraDistance.distance(a, b, 1e6)).isEqualTo(5);
    // A shift of 0.5 at q = 1 costs 0.5, cheaper than delete + insert (2).
    assertThat(VictorPurpuraDistance.distance(new double[] {1}, new double[] {1.5}, 1))
        .isEqualTo(0.5);
    assertThat(VictorPurpuraDistance.distance(new double[] {1}, new double[] {4}, 1)).isEqualTo(2);
    assertThat(VictorPurpuraDistance.distance(new int[] {}, new int[] {2, 3}, 1)).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "both distances are metrics: zero on equal trains, symmetric, and obey the triangle inequality")
  void metricLaws() {
    SplittableRandom r = new SplittableRandom(42);
    for (int trial = 0; trial < 300; trial++) {
      double[] a = train(r, 8, 50);
      double[] b = train(r, 8, 50);
      double[] c = train(r, 8, 50);
      double tau = 0.5 + r.nextDouble() * 5;
      double q = r.nextDouble() * 2;
      assertThat(VanRossumDistance.distance(a, a, tau)).isCloseTo(0, within(1e-6));
      assertThat(VictorPurpuraDistance.distance(a, a, q)).isZero();
      assertThat(VanRossumDistance.distance(a, b, tau))
          .isCloseTo(VanRossumDistance.distance(b, a, tau), within(1e-9));
      assertThat(VictorPurpuraDistance.distance(a, b, q))
          .isCloseTo(VictorPurpuraDistance.distance(b, a, q), within(1e-9));
      assertThat(VanRossumDistance.distance(a, c, tau))
          .isLessThanOrEqualTo(
              VanRossumDistance.distance(a, b, tau) + VanRossumDistance.distance(b, c, tau) + 1e-9);
      assertThat(VictorPurpuraDistance.distance(a, c, q))
          .isLessThanOrEqualTo(
              VictorPurpuraDistance.distance(a, b, q)
                  + VictorPurpuraDistance.distance(b, c, q)
                  + 1e-9);
      assertThat(VictorPurpuraDistance.distance(a, b, q)).isLessThanOrEqualTo(a.length + b.length);
    }
  }
}
