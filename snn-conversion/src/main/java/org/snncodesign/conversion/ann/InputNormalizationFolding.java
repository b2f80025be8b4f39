package org.snncodesign.conversion.ann;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.dataset.InputNormalization;

/**
 * Folds a model's input normalisation into its first layer where that is exact, so that the network
 * takes raw values divided by the pixel scale (which an SNN's input coding and a hardware model's
 * input bit planes can carry: they are non-negative) and computes the same function.
 *
 * <p>For a first layer {@code y = b + sum W x'} on {@code x' = (x - m_c) / s_c}, the folded layer
 * has {@code W' = W / s_c} and {@code b' = b - sum W m_c / s_c} (the sum over the kernel or row).
 * That is exact for a dense layer (after any number of flattens) and for a convolution without zero
 * padding; a padded convolution pads {@code x'} with zeros, which are {@code x = m_c} and not 0 in
 * the folded layer's units, so outputs at the borders would change: there the normalisation stays
 * on the input (and the ANN-to-SNN converter composes it into the first spiking stage with a
 * per-neuron bias, which is exact).
 */
public final class InputNormalizationFolding {
  private InputNormalizationFolding() {}

  /**
   * The model with its normalisation folded into the first layer when that is exact, else the model
   * unchanged (also when it has no normalisation, or it is folded already). See {@link
   * #describe(AnnModel)} for which.
   */
  public static AnnModel fold(AnnModel model) {
    if (!model.normalizesInput() || whyNotFoldable(model) != null) {
      return model;
    }
    int first = firstWeighted(model);
    List<AnnLayer> layers = new ArrayList<>(model.layers());
    InputNormalization n = model.inputNormalization();
    TensorShape in = model.inputShape();
    AnnLayer folded =
        layers.get(first) instanceof Conv2dLayer c
            ? foldConv(c, n)
            : foldDense((DenseLayer) layers.get(first), n, in.height() * in.width());
    layers.set(first, folded);
    return new AnnModel(model.schemaVersion(), model.name(), in, layers, n, folded.name());
  }

  /**
   * One sentence on where the model's normalisation is applied, for reports: folded into which
   * layer, applied to the input and why, or none.
   */
  public static String describe(AnnModel model) {
    InputNormalization n = model.inputNormalization();
    if (model.normalizationFoldedInto() != null) {
      return n.describe()
          + ": folded into the weights and bias of layer '"
          + model.normalizationFoldedInto()
          + "' (exact: the layer sees no zero padding)";
    }
    if (!n.normalizes()) {
      return "no normalisation: pixels / " + n.pixelScale() + " as they are";
    }
    return n.describe() + ": applied to the input, not folded (" + whyNotFoldable(model) + ")";
  }

  /** Why folding would not be exact, or null when it is. */
  static String whyNotFoldable(AnnModel model) {
    if (model.skipSources().contains(ResidualAddLayer.INPUT)) {
      return "a shortcut reads the input itself";
    }
    int first = firstWeighted(model);
    if (first < 0) {
      AnnLayer layer = model.layers().get(-first - 1);
      return "the first layer '"
          + layer.name()
          + "' is a "
          + layer.getClass().getSimpleName()
          + ", not a convolution or dense layer";
    }
    if (model.layers().get(first) instanceof Conv2dLayer c && c.padding() > 0) {
      return "the first layer '"
          + c.name()
          + "' pads with zeros, which a fold would turn into the mean at the"
          + " borders";
    }
    return null;
  }

  /**
   * Index of the first convolution or dense layer if only flattens precede it, else {@code -(index
   * + 1)}.
   */
  private static int firstWeighted(AnnModel model) {
    List<AnnLayer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      AnnLayer layer = layers.get(i);
      if (layer instanceof Conv2dLayer || layer instanceof DenseLayer) {
        return i;
      }
      if (!(layer instanceof FlattenLayer)) {
        return -(i + 1);
      }
    }
    return -layers.size();
  }

  private static Conv2dLayer foldConv(Conv2dLayer c, InputNormalization n) {
    float[] w = c.weights().clone();
    float[] b = c.bias().clone();
    int perGroupIn = c.inChannels() / c.groups();
    int perGroupOut = c.outChannels() / c.groups();
    int kernel = c.kernelHeight() * c.kernelWidth();
    for (int o = 0; o < c.outChannels(); o++) {
      double shift = 0;
      for (int ci = 0; ci < perGroupIn; ci++) {
        int channel = o / perGroupOut * perGroupIn + ci;
        double s = n.stdOf(channel);
        double m = n.meanOf(channel);
        int base = (o * perGroupIn + ci) * kernel;
        for (int k = base; k < base + kernel; k++) {
          shift += (double) w[k] * m / s;
          w[k] = (float) (w[k] / s);
        }
      }
      b[o] = (float) (b[o] - shift);
    }
    return c.withParameters(w, b);
  }

  private static DenseLayer foldDense(DenseLayer d, InputNormalization n, int plane) {
    float[] w = d.weights().clone();
    float[] b = d.bias().clone();
    for (int o = 0; o < d.outputs(); o++) {
      double shift = 0;
      for (int k = 0; k < d.inputs(); k++) {
        int at = o * d.inputs() + k;
        double s = n.stdOf(k / plane);
        shift += w[at] * (double) n.meanOf(k / plane) / s;
        w[at] = (float) (w[at] / s);
      }
      b[o] = (float) (b[o] - shift);
    }
    return new DenseLayer(d.name(), d.inputs(), d.outputs(), w, b);
  }
}
