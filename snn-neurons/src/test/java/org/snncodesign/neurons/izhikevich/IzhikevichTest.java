package org.snncodesign.neurons.izhikevich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.neurons.support.Spikes;

/**
 * The four classic patterns of Izhikevich (2003), Fig. 2, under a step current I = 10 for 500 ms.
 */
class IzhikevichTest {
  private static final double DT = 1e-4;

  private static double[] intervalsMs(double a, double b, double c, double d) {
    NeuronParameters p =
        NeuronParameters.withDt(DT).with("a", a).with("b", b).with("c", c).with("d", d);
    int[] isi =
        Spikes.intervals(
            Spikes.drive(new Izhikevich().create(1, p), new float[] {10f}, 5_000).get(0));
    return Arrays.stream(isi).mapToDouble(s -> s * DT * 1000).toArray();
  }

  @Test
  @DisplayName(
      "Regular spiking (a=0.02, b=0.2, c=-65, d=8): tonic spikes that slow down (adaptation), ~10-40 Hz")
  void regularSpiking() {
    double[] isi = intervalsMs(0.02, 0.2, -65, 8);
    assertThat(isi.length).isGreaterThan(5);
    assertThat(isi[0]).isLessThan(0.7 * isi[isi.length - 1]);
    double steady = isi[isi.length - 1];
    assertThat(1000 / steady).isBetween(10.0, 40.0);
    assertThat(Arrays.stream(isi).min().orElseThrow()).isGreaterThan(15.0);
  }

  @Test
  @DisplayName(
      "Fast spiking (a=0.1, d=2): high steady rate (> 100 Hz) with nearly constant intervals")
  void fastSpiking() {
    double[] isi = intervalsMs(0.1, 0.2, -65, 2);
    double[] late = Arrays.copyOfRange(isi, 5, isi.length);
    double mean = Arrays.stream(late).average().orElseThrow();
    assertThat(1000 / mean).isGreaterThan(100);
    assertThat(Arrays.stream(late).max().orElseThrow() / Arrays.stream(late).min().orElseThrow())
        .isLessThan(1.1);
  }

  @Test
  @DisplayName(
      "Chattering (c=-50, d=2): repeated bursts of short intervals (< 6 ms) separated by long pauses (> 30 ms)")
  void chattering() {
    double[] isi = intervalsMs(0.02, 0.2, -50, 2);
    long pauses = Arrays.stream(isi).filter(t -> t > 30).count();
    long withinBurst = Arrays.stream(isi).filter(t -> t < 6).count();
    assertThat(pauses).isGreaterThanOrEqualTo(5);
    assertThat(withinBurst).isGreaterThanOrEqualTo(3 * pauses);
    assertThat(Arrays.stream(isi).filter(t -> t >= 6 && t <= 30).count()).isZero();
  }

  @Test
  @DisplayName(
      "Intrinsically bursting (c=-55, d=4): an initial burst, then only single tonic spikes")
  void intrinsicallyBursting() {
    double[] isi = intervalsMs(0.02, 0.2, -55, 4);
    assertThat(isi[0]).isLessThan(6);
    assertThat(isi[1]).isLessThan(6);
    double[] after = Arrays.copyOfRange(isi, 2, isi.length);
    assertThat(after.length).isGreaterThan(5);
    assertThat(Arrays.stream(after).min().orElseThrow()).isGreaterThan(20);
  }
}
