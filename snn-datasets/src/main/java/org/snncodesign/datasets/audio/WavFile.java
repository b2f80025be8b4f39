package org.snncodesign.datasets.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.datasets.io.BinarySource;

/**
 * Decoded PCM audio: a sample rate and one channel of samples in {@code [-1, 1)}.
 *
 * <p>{@link #read(Path)} parses RIFF/WAVE files (Microsoft "Multimedia Programming Interface and
 * Data Specifications 1.0", 1991): linear PCM ({@code WAVE_FORMAT_PCM}, or {@code
 * WAVE_FORMAT_EXTENSIBLE} with the PCM sub-format), 8-bit unsigned or 16-bit signed little-endian,
 * any channel count (averaged to mono). Every chunk size is checked against the bytes that follow,
 * the format fields against each other (block align = channels x bytes per sample), and the data
 * size against whole frames; malformed files fail with a {@link
 * org.snncodesign.datasets.DataFormatException} naming file, offset and expectation.
 *
 * @param sampleRate samples per second, > 0
 * @param samples the waveform, mono, in {@code [-1, 1)}
 */
public record WavFile(int sampleRate, float[] samples) {
  /** Highest sample rate accepted from a file header; higher values are taken for corruption. */
  public static final int MAX_SAMPLE_RATE = 768_000;

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final int CHUNK = 1 << 16;

  public WavFile {
    Checks.positive(sampleRate, "sampleRate");
  }

  /** Reads a WAV file. */
  public static WavFile read(Path file) throws IOException {
    try (BinarySource in = BinarySource.open(file)) {
      return read(in);
    }
  }

  /** Reads a WAV file from {@code in}. */
  public static WavFile read(BinarySource in) throws IOException {
    int riff = in.i32be("the RIFF tag");
    if (riff != 0x5249_4646) {
      throw in.error(0, "the tag 'RIFF' of a WAV file, got " + tag(riff));
    }
    long riffSize = in.u32le("the RIFF size");
    long remaining = in.remaining();
    if (remaining >= 0 && riffSize > remaining) {
      throw in.error(
          4,
          "a RIFF size of at most the "
              + remaining
              + " bytes that follow, got "
              + riffSize
              + " (truncated file)");
    }
    long riffEnd = 8 + riffSize;
    int wave = in.i32be("the WAVE tag");
    if (wave != 0x5741_5645) {
      throw in.error(8, "the form type 'WAVE', got " + tag(wave));
    }
    int channels = 0;
    int sampleRate = 0;
    int bits = 0;
    int blockAlign = 0;
    while (true) {
      if (in.offset() + 8 > riffEnd) {
        throw in.error(
            channels == 0
                ? "a 'fmt ' chunk before the end of the RIFF form"
                : "a 'data' chunk before the end of the RIFF form");
      }
      long chunkStart = in.offset();
      int id = in.i32be("a chunk tag");
      long size = in.u32le("the size of chunk " + tag(id));
      if (size > riffEnd - in.offset()) {
        throw in.error(
            chunkStart + 4,
            "a size for chunk "
                + tag(id)
                + " within the "
                + (riffEnd - in.offset())
                + " bytes left in the RIFF form, got "
                + size);
      }
      long padded = size + (size & 1);
      if (id == 0x666d_7420) { // "fmt "
        if (size < 16) {
          throw in.error(chunkStart + 4, "a 'fmt ' chunk of at least 16 bytes, got " + size);
        }
        long fieldsAt = in.offset();
        int format = in.u16le("the audio format");
        channels = in.u16le("the channel count");
        long rate = in.u32le("the sample rate");
        in.u32le("the byte rate");
        blockAlign = in.u16le("the block align");
        bits = in.u16le("the bits per sample");
        long consumed = 16;
        if (format == FORMAT_EXTENSIBLE) {
          if (size < 40) {
            throw in.error(
                chunkStart + 4, "an extensible 'fmt ' chunk of at least 40 bytes, got " + size);
          }
          in.skip(8, "the extension size, valid bits and channel mask");
          int subFormat = in.u16le("the sub-format code");
          in.skip(14, "the rest of the sub-format GUID");
          consumed = 40;
          format = subFormat;
        }
        if (format != FORMAT_PCM) {
          throw in.error(fieldsAt, "linear PCM audio (format 1), got format " + format);
        }
        if (channels < 1 || channels > 64) {
          throw in.error(fieldsAt + 2, "1 to 64 channels, got " + channels);
        }
        if (rate < 1 || rate > MAX_SAMPLE_RATE) {
          throw in.error(
              fieldsAt + 4, "a sample rate in [1, " + MAX_SAMPLE_RATE + "] Hz, got " + rate);
        }
        sampleRate = (int) rate;
        if (bits != 8 && bits != 16) {
          throw in.error(fieldsAt + 14, "8 or 16 bits per sample, got " + bits);
        }
        if (blockAlign != channels * bits / 8) {
          throw in.error(
              fieldsAt + 12,
              "a block align of channels x bytes per sample = "
                  + channels * bits / 8
                  + ", got "
                  + blockAlign);
        }
        in.skip(padded - consumed, "the rest of the 'fmt ' chunk");
      } else if (id == 0x6461_7461) { // "data"
        if (channels == 0) {
          throw in.error(chunkStart, "a 'fmt ' chunk before the 'data' chunk");
        }
        if (size % blockAlign != 0) {
          throw in.error(
              chunkStart + 4,
              "a data size that is a whole number of " + blockAlign + "-byte frames, got " + size);
        }
        return new WavFile(sampleRate, readFrames(in, size, channels, bits));
      } else {
        in.skip(padded > riffEnd - in.offset() ? size : padded, "chunk " + tag(id));
      }
    }
  }

  private static float[] readFrames(BinarySource in, long size, int channels, int bits)
      throws IOException {
    int bytesPerSample = bits / 8;
    int frameBytes = channels * bytesPerSample;
    long frames = size / frameBytes;
    if (frames > Integer.MAX_VALUE - 8) {
      throw in.error("at most " + (Integer.MAX_VALUE - 8) + " frames, got " + frames);
    }
    // With a known file size the chunk size was checked against it; otherwise (gzip) grow as data
    // arrives so a
    // forged size cannot allocate gigabytes.
    float[] out = new float[(int) (in.remaining() >= 0 ? frames : Math.min(frames, 1 << 20))];
    // Chunks hold whole frames so that a frame never straddles two reads.
    byte[] chunk = new byte[CHUNK - CHUNK % frameBytes];
    float norm = 1f / channels;
    long start = in.offset();
    int frame = 0;
    long left = size;
    while (left > 0) {
      int want = (int) Math.min(chunk.length, left);
      in.readFully(chunk, 0, want, "audio frames at " + (start + size - left));
      if (frame + want / frameBytes > out.length) {
        out =
            Arrays.copyOf(
                out, (int) Math.min(frames, Math.max(2L * out.length, frame + want / frameBytes)));
      }
      for (int p = 0; p < want; p += frameBytes) {
        float sum = 0;
        for (int c = 0, q = p; c < channels; c++, q += bytesPerSample) {
          sum +=
              bits == 16
                  ? (short) ((chunk[q] & 0xff) | chunk[q + 1] << 8) / 32768f
                  : ((chunk[q] & 0xff) - 128) / 128f;
        }
        out[frame++] = sum * norm;
      }
      left -= want;
    }
    return out;
  }

  private static String tag(int value) {
    StringBuilder text = new StringBuilder("'");
    for (int shift = 24; shift >= 0; shift -= 8) {
      int c = (value >>> shift) & 0xff;
      text.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
    }
    return text.append(String.format("' (0x%08x)", value)).toString();
  }

  /** Duration in seconds. */
  public double seconds() {
    return (double) samples.length / sampleRate;
  }

  /**
   * The waveform at {@code targetRate} by linear interpolation between neighbouring samples.
   * Downsampling by interpolation does not low-pass filter first, so content above the new Nyquist
   * frequency aliases; speech at 8 kHz and above keeps its formants below that.
   */
  public WavFile resample(int targetRate) {
    Checks.positive(targetRate, "targetRate");
    if (targetRate == sampleRate || samples.length == 0) {
      return new WavFile(targetRate, samples.clone());
    }
    long length = Math.max(1, Math.round((double) samples.length * targetRate / sampleRate));
    Checks.checkArgument(
        length <= Integer.MAX_VALUE - 8,
        "resampling to %d Hz gives %d samples, too many",
        targetRate,
        length);
    float[] out = new float[(int) length];
    double step = (double) sampleRate / targetRate;
    int last = samples.length - 1;
    for (int i = 0; i < out.length; i++) {
      double position = i * step;
      int left = (int) position;
      if (left >= last) {
        out[i] = samples[last];
      } else {
        float frac = (float) (position - left);
        out[i] = samples[left] + frac * (samples[left + 1] - samples[left]);
      }
    }
    return new WavFile(targetRate, out);
  }

  /** The first {@code length} samples, padded with silence when the clip is shorter. */
  public float[] fitted(int length) {
    Checks.nonNegative(length, "length");
    return Arrays.copyOf(samples, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WavFile w
        && w.sampleRate == sampleRate
        && Arrays.equals(w.samples, samples);
  }

  @Override
  public int hashCode() {
    return 31 * sampleRate + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "WavFile[" + sampleRate + " Hz, " + samples.length + " samples]";
  }
}
