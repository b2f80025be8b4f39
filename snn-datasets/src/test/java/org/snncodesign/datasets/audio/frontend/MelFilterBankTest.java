package org.snncodesign.datasets.audio.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MelFilterBankTest {

  @Test
  @DisplayName("the FFT equals the direct discrete Fourier transform")
  void fftMatchesDft() {
    SplittableRandom random = new SplittableRandom(1);
    int n = 64;
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < n; i++) {
      re[i] = random.nextDouble() - 0.5;
      im[i] = random.nextDouble() - 0.5;
    }
    double[] xr = re.clone();
    double[] xi = im.clone();
    MelFilterBank.fft(re, im);
    for (int k = 0; k < n; k++) {
      double sr = 0;
      double si = 0;
      for (int t = 0; t < n; t++) {
        double a = -2 * Math.PI * k * t / n;
        sr += xr[t] * Math.cos(a) - xi[t] * Math.sin(a);
        si += xr[t] * Math.sin(a) + xi[t] * Math.cos(a);
      }
      assertThat(re[k]).isCloseTo(sr, within(1e-9));
      assertThat(im[k]).isCloseTo(si, within(1e-9));
    }
  }

  @Test
  @DisplayName("mel and hertz are inverse, and 1000 Hz is about 1000 mel")
  void melScale() {
    for (double f : new double[] {0, 100, 1000, 3999}) {
      assertThat(MelFilterBank.hertz(MelFilterBank.mel(f))).isCloseTo(f, within(1e-6));
    }
    assertThat(MelFilterBank.mel(1000)).isCloseTo(1000, within(1.0));
  }

  @Test
  @DisplayName(
      "a pure tone lights up the band whose centre is nearest its frequency, louder tones louder")
  void toneLandsInItsBand() {
    MelFilterBank bank = new MelFilterBank(8000, 256, 80, 20, 50, 4000);
    int loudest1 = loudest(bank.apply(tone(500, 0.5f)));
    int loudest2 = loudest(bank.apply(tone(2500, 0.5f)));
    assertThat(loudest2).isGreaterThan(loudest1);
    float quiet = bank.apply(tone(500, 0.05f)).max();
    float loud = bank.apply(tone(500, 0.5f)).max();
    assertThat(loud - quiet).isCloseTo(20f, within(0.5f));
  }

  private static float[] tone(double hz, float amplitude) {
    float[] s = new float[4000];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 8000));
    }
    return s;
  }

  private static int loudest(Spectrogram s) {
    int frame = s.frames() / 2;
    int best = 0;
    for (int c = 1; c < s.channels(); c++) {
      if (s.values()[frame * s.channels() + c] > s.values()[frame * s.channels() + best]) {
        best = c;
      }
    }
    return best;
  }

  @Test
  @DisplayName(
      "trimming drops silent edges and normalising maps the loudest value to 1 and quiet ones to 0")
  void trimAndNormalise() {
    float[] samples = new float[8000];
    float[] t = tone(1000, 0.5f);
    System.arraycopy(t, 0, samples, 2000, 3000);
    MelFilterBank bank = new MelFilterBank(8000, 256, 80, 16, 50, 4000);
    Spectrogram full = bank.apply(samples);
    Spectrogram trimmed = full.trimmed(40);
    assertThat(full.frames()).isEqualTo(100);
    assertThat(trimmed.frames()).isBetween(36, 42);
    Spectrogram n = trimmed.normalized(60);
    assertThat(n.max()).isEqualTo(1f);
    for (float v : n.values()) {
      assertThat(v).isBetween(0f, 1f);
    }
    assertThat(n.fitted(50).frames()).isEqualTo(50);
    assertThat(n.fitted(50).values()[49 * 16]).isZero();
  }

  @Test
  @DisplayName("bad settings name the setting")
  void badSettings() {
    assertThatThrownBy(() -> new MelFilterBank(8000, 200, 80, 20, 0, 4000))
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> new MelFilterBank(8000, 256, 80, 20, 0, 5000))
        .hasMessageContaining("band edges");
  }
}
