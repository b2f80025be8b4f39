package org.snncodesign.conversion.ann;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.InvalidInputException;

/**
 * Folds every {@link BatchNormLayer} into the convolution or dense layer right before it: {@code W'
 * = W * gamma / sqrt(var + eps)} per output channel and {@code b' = (b - mean) * gamma / sqrt(var +
 * eps) + beta}. The result computes the same function (up to float rounding) with one layer fewer,
 * which is what conversion needs: a spiking neuron sees one affine map.
 */
public final class BatchNormFolding {
  private BatchNormFolding() {}

  /**
   * A new model without batch-norm layers; the input model is not changed.
   *
   * @throws InvalidInputException when a batch norm does not directly follow a convolution or dense
   *     layer
   */
  public static AnnModel fold(AnnModel model) {
    List<AnnLayer> out = new ArrayList<>();
    List<TensorShape> shapes = model.shapes();
    for (int i = 0; i < model.layers().size(); i++) {
      AnnLayer layer = model.layers().get(i);
      if (!(layer instanceof BatchNormLayer bn)) {
        out.add(layer);
        continue;
      }
      AnnLayer previous = out.isEmpty() ? null : out.get(out.size() - 1);
      if (previous instanceof Conv2dLayer c) {
        out.set(out.size() - 1, foldConv(c, bn));
      } else if (previous instanceof DenseLayer d && shapes.get(i).channels() == bn.channels()) {
        out.set(out.size() - 1, foldDense(d, bn));
      } else {
        throw new InvalidInputException(
            "batch norm '"
                + bn.name()
                + "' must follow a conv2d or dense layer to be"
                + " folded, it follows "
                + (previous == null ? "the input" : "'" + previous.name() + "'"));
      }
      if (model.skipSources().contains(previous.name())) {
        throw new InvalidInputException(
            "batch norm '"
                + bn.name()
                + "' cannot be folded: a residual or route"
                + " layer reads the un-normalised output of '"
                + previous.name()
                + "'");
      }
    }
    // Residual and route layers that named a batch-norm layer now read the folded layer, which has
    // the old BN
    // output.
    List<AnnLayer> fixed = new ArrayList<>(out.size());
    for (AnnLayer layer : out) {
      if (layer instanceof ResidualAddLayer r) {
        fixed.add(new ResidualAddLayer(r.name(), folded(model, r.from())));
      } else if (layer instanceof RouteLayer r) {
        fixed.add(
            new RouteLayer(r.name(), r.from().stream().map(from -> folded(model, from)).toList()));
      } else {
        fixed.add(layer);
      }
    }
    return model.withLayers(fixed);
  }

  /**
   * The layer that carries {@code name}'s output after folding: the layer before it if it is a
   * batch norm.
   */
  private static String folded(AnnModel model, String name) {
    return isBatchNorm(model, name) ? model.layers().get(model.indexOf(name) - 1).name() : name;
  }

  private static boolean isBatchNorm(AnnModel model, String name) {
    return !ResidualAddLayer.INPUT.equals(name)
        && model.layers().get(model.indexOf(name)) instanceof BatchNormLayer;
  }

  private static Conv2dLayer foldConv(Conv2dLayer c, BatchNormLayer bn) {
    float[] w = new float[c.weights().length];
    float[] b = new float[c.outChannels()];
    int per = c.fanIn();
    for (int o = 0; o < c.outChannels(); o++) {
      double s = bn.scale(o);
      for (int k = 0; k < per; k++) {
        w[o * per + k] = (float) (c.weights()[o * per + k] * s);
      }
      b[o] = (float) (c.bias()[o] * s + bn.shift(o));
    }
    return c.withParameters(w, b);
  }

  private static DenseLayer foldDense(DenseLayer d, BatchNormLayer bn) {
    float[] w = new float[d.weights().length];
    float[] b = new float[d.outputs()];
    for (int o = 0; o < d.outputs(); o++) {
      double s = bn.scale(o);
      for (int k = 0; k < d.inputs(); k++) {
        w[o * d.inputs() + k] = (float) (d.weights()[o * d.inputs() + k] * s);
      }
      b[o] = (float) (d.bias()[o] * s + bn.shift(o));
    }
    return new DenseLayer(d.name(), d.inputs(), d.outputs(), w, b);
  }
}
