package org.snncodesign.datasets.audio.frontend;

import org.snncodesign.api.Checks;

/**
 * A mel-spaced triangular filter bank over the short-time power spectrum: the audio front end that
 * turns a waveform into per-band energies a liquid can be driven with (Davis &amp; Mermelstein
 * 1980, IEEE Trans. ASSP 28:357; the mel scale {@code m = 2595 log10(1 + f / 700)} of O'Shaughnessy
 * 1987).
 *
 * <p>Frames of {@code fftSize} samples every {@code hop} samples are Hann-windowed, transformed by
 * a radix-2 FFT, and their power {@code |X_k|^2} is summed with {@code channels} triangular weights
 * whose centres are equally spaced in mel between {@code fMin} and {@code fMax}. The output is
 * {@code 10 log10(energy + 1e-10)} in dB. Allocation happens per clip, not per frame.
 */
public final class MelFilterBank {
  private final int sampleRate;
  private final int fftSize;
  private final int hop;
  private final int channels;
  private final double[] window;
  // weights[c][k] for bins k in [first[c], first[c] + weights[c].length)
  private final double[][] weights;
  private final int[] first;

  /**
   * @param sampleRate samples per second
   * @param fftSize frame length in samples, a power of two
   * @param hop frame step in samples, >= 1
   * @param channels number of mel bands, >= 1
   * @param fMin lowest band edge in Hz, >= 0
   * @param fMax highest band edge in Hz, at most sampleRate / 2
   */
  public MelFilterBank(
      int sampleRate, int fftSize, int hop, int channels, double fMin, double fMax) {
    this.sampleRate = Checks.positive(sampleRate, "sampleRate");
    Checks.checkArgument(
        fftSize >= 2 && Integer.bitCount(fftSize) == 1,
        "FFT size must be a power of two >= 2, " + "got %d",
        fftSize);
    this.fftSize = fftSize;
    this.hop = Checks.positive(hop, "hop");
    this.channels = Checks.positive(channels, "channels");
    Checks.checkArgument(
        fMin >= 0 && fMin < fMax && fMax <= sampleRate / 2.0,
        "band edges must satisfy 0 <= fMin < fMax <= sampleRate / 2 = %s, got %s and %s",
        sampleRate / 2.0,
        fMin,
        fMax);
    this.window = new double[fftSize];
    for (int i = 0; i < fftSize; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / fftSize);
    }
    double melMin = mel(fMin);
    double melMax = mel(fMax);
    double[] edges = new double[channels + 2];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = hertz(melMin + (melMax - melMin) * i / (channels + 1));
    }
    int bins = fftSize / 2 + 1;
    double binHz = (double) sampleRate / fftSize;
    this.weights = new double[channels][];
    this.first = new int[channels];
    for (int c = 0; c < channels; c++) {
      double lo = edges[c];
      double mid = edges[c + 1];
      double hi = edges[c + 2];
      int from = Math.max(0, (int) Math.ceil(lo / binHz));
      int to = Math.min(bins - 1, (int) Math.floor(hi / binHz));
      double[] w = new double[Math.max(0, to - from + 1)];
      for (int k = from; k <= to; k++) {
        double f = k * binHz;
        w[k - from] = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
        w[k - from] = Math.max(0, w[k - from]);
      }
      // Narrow low bands may fall between bins: give them the nearest bin so no band is always
      // silent.
      if (w.length == 0 || java.util.Arrays.stream(w).sum() == 0) {
        from = Math.min(bins - 1, (int) Math.round(mid / binHz));
        w = new double[] {1};
      }
      weights[c] = w;
      first[c] = from;
    }
  }

  /** The mel of a frequency in Hz. */
  public static double mel(double hertz) {
    return 2595 * Math.log10(1 + hertz / 700);
  }

  /** The frequency in Hz of a mel value. */
  public static double hertz(double mel) {
    return 700 * (Math.pow(10, mel / 2595) - 1);
  }

  public int channels() {
    return channels;
  }

  public int hop() {
    return hop;
  }

  public int sampleRate() {
    return sampleRate;
  }

  /**
   * Frames a clip of {@code samples} samples gives: one per hop, the last zero-padded, at least
   * one.
   */
  public int frames(int samples) {
    return Math.max(1, (samples + hop - 1) / hop);
  }

  /** Log mel energies in dB of a mono waveform, {@code frames(samples.length) x channels}. */
  public Spectrogram apply(float[] samples) {
    int frames = frames(samples.length);
    float[] out = new float[frames * channels];
    double[] re = new double[fftSize];
    double[] im = new double[fftSize];
    double[] power = new double[fftSize / 2 + 1];
    for (int f = 0; f < frames; f++) {
      int start = f * hop;
      for (int i = 0; i < fftSize; i++) {
        int at = start + i;
        re[i] = at < samples.length ? samples[at] * window[i] : 0;
        im[i] = 0;
      }
      fft(re, im);
      for (int k = 0; k < power.length; k++) {
        power[k] = re[k] * re[k] + im[k] * im[k];
      }
      for (int c = 0; c < channels; c++) {
        double e = 0;
        double[] w = weights[c];
        for (int i = 0; i < w.length; i++) {
          e += w[i] * power[first[c] + i];
        }
        out[f * channels + c] = (float) (10 * Math.log10(e + 1e-10));
      }
    }
    return new Spectrogram(frames, channels, out);
  }

  /** In-place iterative radix-2 Cooley-Tukey FFT (decimation in time, bit-reversed input order). */
  static void fft(double[] re, double[] im) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double angle = -2 * Math.PI / len;
      double wr = Math.cos(angle);
      double wi = Math.sin(angle);
      for (int i = 0; i < n; i += len) {
        double cr = 1;
        double ci = 0;
        for (int k = 0; k < len / 2; k++) {
          int a = i + k;
          int b = a + len / 2;
          double xr = re[b] * cr - im[b] * ci;
          double xi = re[b] * ci + im[b] * cr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
          double nr = cr * wr - ci * wi;
          ci = cr * wi + ci * wr;
          cr = nr;
        }
      }
    }
  }
}
