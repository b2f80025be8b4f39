package org.snncodesign.api.dataset;

import java.util.Arrays;
import java.util.Locale;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;

/**
 * The preprocessing a network was trained with: raw values (IDX bytes) are divided by {@code
 * pixelScale}, then channel {@code c} becomes {@code (x - mean[c]) / std[c]}, as PyTorch's {@code
 * ToTensor()} followed by {@code Normalize(mean, std)} does, in 32-bit float arithmetic. One mean
 * and one standard deviation apply to every channel. Samples are channel-major ({@code [C][H][W]}),
 * so channel {@code c} of a sample of {@code size} values is the block {@code [c * size / C, (c +
 * 1) * size / C)}.
 *
 * @param pixelScale divisor of raw values, e.g. 255 for 8-bit pixels; finite and &gt; 0
 * @param mean per-channel means (one value, or one per channel); finite
 * @param std per-channel standard deviations, as many as means; finite and &gt; 0
 */
public record InputNormalization(float pixelScale, float[] mean, float[] std) {
  /**
   * Raw bytes divided by 255 and nothing more: what every data loader of this framework feeds by
   * default.
   */
  public static final InputNormalization PIXELS =
      new InputNormalization(255f, new float[] {0f}, new float[] {1f});

  public InputNormalization {
    Checks.checkArgument(
        Float.isFinite(pixelScale) && pixelScale > 0,
        "the pixel scale must be finite and > 0, got %s",
        pixelScale);
    Checks.checkArgument(
        mean != null && std != null && mean.length > 0 && mean.length == std.length,
        "a normalisation needs as many means as standard deviations (at least one), got %s and %s",
        mean == null ? "none" : mean.length,
        std == null ? "none" : std.length);
    mean = mean.clone();
    std = std.clone();
    for (int c = 0; c < mean.length; c++) {
      Checks.checkArgument(Float.isFinite(mean[c]), "mean %d must be finite, got %s", c, mean[c]);
      Checks.checkArgument(
          Float.isFinite(std[c]) && std[c] > 0,
          "standard deviation %d must be finite and > 0, got %s",
          c,
          std[c]);
    }
  }

  /** {@code Normalize(mean, std)} on pixels divided by 255. */
  public static InputNormalization of(float[] mean, float[] std) {
    return new InputNormalization(255f, mean, std);
  }

  /**
   * Parses the command-line form: {@code MEAN,STD} for one channel ({@code 0.1307,0.3081}), or the
   * {@code C} means followed by the {@code C} standard deviations ({@code
   * 0.485,0.456,0.406,0.229,0.224,0.225}); raw values are divided by {@code pixelScale} first.
   *
   * @throws InvalidInputException naming the text when it is not an even count of finite numbers,
   *     or a standard deviation is not positive
   */
  public static InputNormalization parse(String text, float pixelScale) {
    String[] parts = text.split(",", -1);
    if (parts.length % 2 != 0) {
      throw new InvalidInputException(
          "normalisation '"
              + text
              + "': expected MEAN,STD or the means of every channel"
              + " followed by their standard deviations (an even count of numbers), got "
              + parts.length);
    }
    int channels = parts.length / 2;
    float[] mean = new float[channels];
    float[] std = new float[channels];
    for (int i = 0; i < parts.length; i++) {
      float value;
      try {
        value = Float.parseFloat(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            "normalisation '" + text + "': '" + parts[i] + "' is not a number");
      }
      if (i < channels) {
        mean[i] = value;
      } else {
        std[i - channels] = value;
      }
    }
    try {
      return new InputNormalization(pixelScale, mean, std);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("normalisation '" + text + "': " + e.getMessage());
    }
  }

  /**
   * Whether this does more than divide by the pixel scale (a mean other than 0 or a standard
   * deviation other than 1).
   */
  public boolean normalizes() {
    for (int c = 0; c < mean.length; c++) {
      if (mean[c] != 0f || std[c] != 1f) {
        return true;
      }
    }
    return false;
  }

  /** The mean of channel {@code c} (the single mean when one is given for all). */
  public float meanOf(int c) {
    return mean[mean.length == 1 ? 0 : c];
  }

  /** The standard deviation of channel {@code c} (the single one when one is given for all). */
  public float stdOf(int c) {
    return std[std.length == 1 ? 0 : c];
  }

  /**
   * Checks that this fits samples of {@code channels} channels.
   *
   * @throws InvalidInputException when it gives neither one value nor one per channel
   */
  public void checkChannels(int channels) {
    if (mean.length != 1 && mean.length != channels) {
      throw new InvalidInputException(
          "the normalisation gives "
              + mean.length
              + " channels' means and standard"
              + " deviations, the input has "
              + channels
              + " channels");
    }
  }

  /**
   * Normalises, in place, the {@code size} values of one sample of {@code channels} channels
   * starting at {@code offset}, which are already divided by the pixel scale: {@code x = (x -
   * mean[c]) / std[c]} in float.
   */
  public void apply(float[] values, int offset, int size, int channels) {
    checkChannels(channels);
    int plane = size / channels;
    for (int c = 0; c < channels; c++) {
      float m = meanOf(c);
      float s = stdOf(c);
      for (int i = offset + c * plane, end = i + plane; i < end; i++) {
        values[i] = (values[i] - m) / s;
      }
    }
  }

  /**
   * The command-line form with the pixel scale, e.g. {@code mean [0.1307] std [0.3081] of pixels /
   * 255}.
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "mean %s std %s of pixels / %s",
        Arrays.toString(mean),
        Arrays.toString(std),
        pixelScale == Math.rint(pixelScale)
            ? Integer.toString((int) pixelScale)
            : Float.toString(pixelScale));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputNormalization n
        && Float.compare(pixelScale, n.pixelScale) == 0
        && Arrays.equals(mean, n.mean)
        && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Float.hashCode(pixelScale) + Arrays.hashCode(mean)) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "InputNormalization[" + describe() + "]";
  }

  /** Copies, so that a caller cannot change a normalisation after the fact. */
  @Override
  public float[] mean() {
    return mean.clone();
  }

  /** Copies, so that a caller cannot change a normalisation after the fact. */
  @Override
  public float[] std() {
    return std.clone();
  }
}
