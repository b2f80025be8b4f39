package org.snncodesign.learning.surrogate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snncodesign.api.Checks;

/**
 * The layer structure of a {@link SpikingNetwork} written as a string, for the command line and
 * reports.
 *
 * <p>Syntax: {@code -}-separated tokens, the input first.
 *
 * <ul>
 *   <li>Dense only (as before): layer sizes such as {@code 784-500-10} (also {@code 784x500x10} or
 *       {@code 784,500,10}).
 *   <li>With convolutions: the input shape {@code CxHxW} (e.g. {@code 1x28x28}, channel-last in
 *       memory, see {@link ConvLayer}) followed by conv tokens {@code
 *       c<out>k<kernel>[s<stride>][p<padding>][a<pool>]} (stride 1, padding 0 and no pooling by
 *       default; {@code a2} average-pools the layer's spikes over 2x2) and dense sizes, e.g. {@code
 *       1x28x28-c16k5s2-c32k3s2-10}: a 5x5 stride-2 convolution to 16 channels (12x12), a 3x3
 *       stride-2 one to 32 channels (5x5), then a fully connected layer to 10 neurons. Likewise
 *       {@code 1x28x28-c16k5p2a2-c32k5p2a2-10}: two padded 5x5 convolutions, each followed by 2x2
 *       average pooling (28 -> 14 -> 7). Convolutions must come before the dense layers.
 * </ul>
 *
 * @param layers freshly built layers of zero weights, input side first
 */
public record NetworkArchitecture(List<SpikingLayer> layers) {
  private static final Pattern CONV =
      Pattern.compile("c(\\d+)k(\\d+)(?:s(\\d+))?(?:p(\\d+))?(?:a(\\d+))?");
  private static final Pattern SHAPE = Pattern.compile("(\\d+)x(\\d+)x(\\d+)");

  public NetworkArchitecture {
    layers = List.copyOf(layers);
  }

  /**
   * Whether {@code architecture} uses the convolutional syntax (a conv token or a {@code CxHxW}
   * input shape).
   */
  public static boolean isConvolutional(String architecture) {
    String a = architecture.trim().toLowerCase(Locale.ROOT);
    String first = a.split("-", -1)[0];
    return a.contains("c") || (a.contains("-") && SHAPE.matcher(first.trim()).matches());
  }

  /** Parses either syntax into layers of zero weights. */
  public static NetworkArchitecture parse(String architecture) {
    if (!isConvolutional(architecture)) {
      int[] sizes = SpikingNetwork.parseArchitecture(architecture);
      List<SpikingLayer> layers = new ArrayList<>();
      for (int l = 0; l + 1 < sizes.length; l++) {
        layers.add(new DenseLayer(sizes[l], sizes[l + 1]));
      }
      return new NetworkArchitecture(layers);
    }
    String[] tokens = architecture.trim().toLowerCase(Locale.ROOT).split("-");
    Checks.checkArgument(
        tokens.length >= 2,
        "architecture '%s' needs an input shape and at least one layer",
        architecture);
    int channels;
    int height;
    int width;
    boolean spatial;
    Matcher shape = SHAPE.matcher(tokens[0].trim());
    if (shape.matches()) {
      channels = number(shape.group(1), architecture, tokens[0]);
      height = number(shape.group(2), architecture, tokens[0]);
      width = number(shape.group(3), architecture, tokens[0]);
      spatial = true;
    } else {
      channels = number(tokens[0].trim(), architecture, tokens[0]);
      height = 1;
      width = 1;
      spatial = false;
    }
    List<SpikingLayer> layers = new ArrayList<>();
    for (int i = 1; i < tokens.length; i++) {
      String token = tokens[i].trim();
      Matcher conv = CONV.matcher(token);
      if (conv.matches()) {
        Checks.checkArgument(
            spatial,
            "architecture '%s': conv token '%s' (layer %d) needs CxHxW maps below it, "
                + "not a flat vector (convolutions come first, after an input shape such as 1x28x28)",
            architecture,
            token,
            i - 1);
        int out = number(conv.group(1), architecture, token);
        int kernel = number(conv.group(2), architecture, token);
        int stride = conv.group(3) == null ? 1 : number(conv.group(3), architecture, token);
        int padding = conv.group(4) == null ? 0 : Integer.parseInt(conv.group(4));
        int pool = conv.group(5) == null ? 1 : number(conv.group(5), architecture, token);
        ConvLayer layer;
        try {
          layer = new ConvLayer(channels, height, width, out, kernel, stride, padding, pool);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "architecture '"
                  + architecture
                  + "', layer "
                  + (i - 1)
                  + " ('"
                  + token
                  + "'): "
                  + e.getMessage(),
              e);
        }
        layers.add(layer);
        channels = out;
        height = layer.pooledHeight();
        width = layer.pooledWidth();
      } else {
        int size = number(token, architecture, token);
        layers.add(new DenseLayer(channels * height * width, size));
        channels = size;
        height = 1;
        width = 1;
        spatial = false;
      }
    }
    return new NetworkArchitecture(layers);
  }

  /** The architecture string of {@code layers} (parses back to the same shapes). */
  public static String describe(List<? extends SpikingLayer> layers) {
    StringBuilder out = new StringBuilder();
    SpikingLayer first = layers.get(0);
    out.append(first instanceof ConvLayer c ? c.inputShape() : String.valueOf(first.inputs()));
    for (SpikingLayer layer : layers) {
      out.append('-');
      if (layer instanceof ConvLayer c) {
        out.append('c').append(c.outChannels()).append('k').append(c.kernel());
        if (c.stride() != 1) {
          out.append('s').append(c.stride());
        }
        if (c.padding() != 0) {
          out.append('p').append(c.padding());
        }
        if (c.pool() != 1) {
          out.append('a').append(c.pool());
        }
      } else {
        out.append(layer.outputs());
      }
    }
    return out.toString();
  }

  private static int number(String text, String architecture, String token) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "architecture '"
              + architecture
              + "': '"
              + token
              + "' is neither a layer size, an input shape CxHxW nor a conv token such as c16k5s2p1a2");
    }
    Checks.checkArgument(
        value > 0, "architecture '%s': %d in '%s' must be > 0", architecture, value, token);
    return value;
  }
}
