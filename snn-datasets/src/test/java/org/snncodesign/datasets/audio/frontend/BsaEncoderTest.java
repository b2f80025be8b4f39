package org.snncodesign.datasets.audio.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.spike.SpikeRaster;

class BsaEncoderTest {

  /** A slow envelope in [0.05, 0.95]: two sines, periods 200 and 57 steps. */
  private static double[] envelope(int n) {
    double[] s = new double[n];
    for (int t = 0; t < n; t++) {
      s[t] = 0.5 + 0.3 * Math.sin(2 * Math.PI * t / 200) + 0.15 * Math.sin(2 * Math.PI * t / 57);
    }
    return s;
  }

  private static int count(boolean[] spikes) {
    int n = 0;
    for (boolean b : spikes) {
      n += b ? 1 : 0;
    }
    return n;
  }

  @Test
  @DisplayName(
      "a BSA-encoded envelope decoded by the same filter is within RMSE 0.08 of the input, bias below 0.03")
  void reconstructsEnvelope() {
    double[] s = envelope(2000);
    BsaEncoder bsa = new BsaEncoder(BsaEncoder.hann(12, 2), 1.4);
    double[] r = bsa.decode(bsa.encode(s));
    double squared = 0;
    double bias = 0;
    int n = 0;
    // The first and last filter length are ramp-in / cut-off, not steady-state coding.
    for (int t = 12; t < s.length - 12; t++) {
      squared += (r[t] - s[t]) * (r[t] - s[t]);
      bias += r[t] - s[t];
      n++;
    }
    assertThat(Math.sqrt(squared / n)).isLessThan(0.08);
    assertThat(Math.abs(bias / n)).isLessThan(0.03);
  }

  @Test
  @DisplayName(
      "a signal that is exactly a decaying filter placed at step 7 encodes to one spike there, decoded exactly")
  void exactFilterCopy() {
    double[] h = {1, 0.5, 0.25, 0.125};
    double[] s = new double[30];
    System.arraycopy(h, 0, s, 7, h.length);
    BsaEncoder bsa = new BsaEncoder(h, 0);
    boolean[] spikes = bsa.encode(s);
    assertThat(count(spikes)).isEqualTo(1);
    assertThat(spikes[7]).isTrue();
    double[] r = bsa.decode(spikes);
    for (int t = 0; t < s.length; t++) {
      assertThat(r[t]).isCloseTo(s[t], within(1e-12));
    }
  }

  @Test
  @DisplayName(
      "every spike lowers the total L1 error by at least the threshold (random signals, 40 seeds)")
  void errorLaw() {
    SplittableRandom random = new SplittableRandom(3);
    for (int seed = 0; seed < 40; seed++) {
      int n = 50 + random.nextInt(300);
      double[] s = new double[n];
      double level = random.nextDouble(0.1, 2);
      for (int t = 0; t < n; t++) {
        s[t] = level * random.nextDouble();
      }
      double threshold = random.nextDouble(0, 1);
      BsaEncoder bsa =
          new BsaEncoder(
              BsaEncoder.hann(1 + random.nextInt(20), random.nextDouble(0.5, 4)), threshold);
      boolean[] spikes = bsa.encode(s);
      double[] r = bsa.decode(spikes);
      double error = 0;
      double signal = 0;
      for (int t = 0; t < n; t++) {
        error += Math.abs(s[t] - r[t]);
        signal += s[t];
      }
      assertThat(error).isLessThanOrEqualTo(signal - threshold * count(spikes) + 1e-9);
    }
  }

  @Test
  @DisplayName(
      "a constant level v >= 0.4 is coded at about v / sum(h) spikes per step; the threshold silences v <= 0.2")
  void rate() {
    BsaEncoder bsa = new BsaEncoder(BsaEncoder.hann(12, 2), 1.4);
    for (double v : new double[] {0.4, 0.6, 0.8, 1.0}) {
      double[] s = new double[1000];
      java.util.Arrays.fill(s, v);
      assertThat(count(bsa.encode(s)) / 1000.0).as("level %s", v).isCloseTo(v / 2, within(0.05));
    }
    for (double v : new double[] {0, 0.1, 0.2}) {
      double[] s = new double[1000];
      java.util.Arrays.fill(s, v);
      assertThat(count(bsa.encode(s))).as("level %s", v).isZero();
    }
  }

  @Test
  @DisplayName(
      "a spectrogram's channels are coded independently: a silent band never fires, a loud one fires often")
  void spectrogram() {
    int frames = 40;
    float[] values = new float[frames * 2];
    for (int f = 0; f < frames; f++) {
      values[f * 2 + 1] = 0.8f;
    }
    BsaEncoder bsa = new BsaEncoder(BsaEncoder.hann(10, 2), 1.2);
    SpikeRaster raster = bsa.encode(new Spectrogram(frames, 2, values), 5);
    assertThat(raster.timeSteps()).isEqualTo(200);
    assertThat(raster.neurons()).isEqualTo(2);
    int[] counts = new int[2];
    for (int t = 0; t < raster.timeSteps(); t++) {
      for (int c = 0; c < 2; c++) {
        if (raster.get(t, c)) {
          counts[c]++;
        }
      }
    }
    assertThat(counts[0]).isZero();
    assertThat(counts[1] / 200.0).isCloseTo(0.45, within(0.05));
  }

  @Test
  @DisplayName("bad filters, thresholds and signals are rejected with the offending value")
  void checks() {
    assertThatThrownBy(() -> new BsaEncoder(new double[] {0.1, -0.2}, 0))
        .hasMessageContaining("-0.2");
    assertThatThrownBy(() -> new BsaEncoder(new double[] {0, 0}, 0))
        .hasMessageContaining("all zero");
    assertThatThrownBy(() -> new BsaEncoder(new double[] {1}, -1)).hasMessageContaining("-1");
    BsaEncoder bsa = new BsaEncoder(new double[] {1}, 0);
    assertThatThrownBy(() -> bsa.encode(new double[] {0.5, -0.25})).hasMessageContaining("-0.25");
    assertThatThrownBy(() -> BsaEncoder.hann(4, 0)).hasMessageContaining("gain");
  }
}
