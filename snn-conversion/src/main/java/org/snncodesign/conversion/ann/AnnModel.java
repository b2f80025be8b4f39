package org.snncodesign.conversion.ann;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.InputNormalization;

/**
 * A feed-forward ANN: the input shape and the layers in execution order, an acyclic graph in
 * topological order (each layer reads the one before it; residual and route layers also read named
 * earlier layers). The last layer's output are the class scores (logits). Saved and loaded by
 * {@link AnnJson}; {@link #SCHEMA_VERSION} is written with it.
 *
 * <p>The model records the input preprocessing it was trained with ({@link InputNormalization}):
 * its inputs are raw values divided by the pixel scale, and the normalisation is either applied to
 * them before the first layer ({@code normalizationFoldedInto} null; {@link AnnNetwork} does it) or
 * already folded into the weights and bias of the layer {@code normalizationFoldedInto} names
 * ({@link InputNormalizationFolding}), so nothing is applied.
 *
 * @param schemaVersion layout version of the JSON form, {@link #SCHEMA_VERSION}
 * @param name model name
 * @param inputShape shape of one input sample
 * @param layers layers, names unique
 * @param inputNormalization the preprocessing the model expects; null (a file written before it was
 *     recorded) means {@link InputNormalization#PIXELS}
 * @param normalizationFoldedInto the layer the normalisation is folded into, or null when it is
 *     applied to the input
 */
public record AnnModel(
    int schemaVersion,
    String name,
    TensorShape inputShape,
    List<AnnLayer> layers,
    InputNormalization inputNormalization,
    String normalizationFoldedInto) {
  /** Version of the JSON layout this code reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  public AnnModel {
    Checks.checkArgument(
        schemaVersion == SCHEMA_VERSION,
        "ANN model '%s' has schema version %d, this build reads version %d",
        name,
        schemaVersion,
        SCHEMA_VERSION);
    Checks.checkArgument(name != null && !name.isBlank(), "a model needs a name");
    Checks.checkArgument(inputShape != null, "model '%s' needs an input shape", name);
    Checks.checkArgument(layers != null && !layers.isEmpty(), "model '%s' has no layers", name);
    layers = List.copyOf(layers);
    Set<String> names = new HashSet<>();
    names.add(ResidualAddLayer.INPUT);
    for (AnnLayer layer : layers) {
      Checks.checkArgument(
          names.add(layer.name()),
          "model '%s' has two layers named '%s' (or one named '%s')",
          name,
          layer.name(),
          ResidualAddLayer.INPUT);
    }
    shapesOf(inputShape, layers);
    inputNormalization =
        inputNormalization == null ? InputNormalization.PIXELS : inputNormalization;
    inputNormalization.checkChannels(inputShape.channels());
    Checks.checkArgument(
        normalizationFoldedInto == null || names.contains(normalizationFoldedInto),
        "model '%s': the normalisation is folded into '%s', which is no layer",
        name,
        normalizationFoldedInto);
  }

  /** A model of the current schema version that takes pixels divided by 255 as they are. */
  public static AnnModel of(String name, TensorShape inputShape, List<AnnLayer> layers) {
    return new AnnModel(SCHEMA_VERSION, name, inputShape, layers, InputNormalization.PIXELS, null);
  }

  /** The same model with other layers (the same input, normalisation and fold). */
  public AnnModel withLayers(List<AnnLayer> newLayers) {
    return new AnnModel(
        schemaVersion, name, inputShape, newLayers, inputNormalization, normalizationFoldedInto);
  }

  /**
   * The same model, expecting inputs normalised by {@code normalization} (applied to the input, not
   * folded).
   */
  public AnnModel withInputNormalization(InputNormalization normalization) {
    return new AnnModel(schemaVersion, name, inputShape, layers, normalization, null);
  }

  /**
   * Whether {@link AnnNetwork} normalises the input before the first layer (a normalisation not
   * folded).
   */
  public boolean normalizesInput() {
    return normalizationFoldedInto == null && inputNormalization.normalizes();
  }

  /** Shapes of the input (index 0) and of each layer's output (index i + 1). */
  public List<TensorShape> shapes() {
    return shapesOf(inputShape, layers);
  }

  /** Number of classes: the width of the last layer's output. */
  public int outputs() {
    List<TensorShape> shapes = shapes();
    return shapes.get(shapes.size() - 1).size();
  }

  /** Index of the layer named {@code layerName}, -1 for {@code "input"}. */
  public int indexOf(String layerName) {
    if (ResidualAddLayer.INPUT.equals(layerName)) {
      return -1;
    }
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).name().equals(layerName)) {
        return i;
      }
    }
    throw new InvalidInputException("model '" + name + "' has no layer named '" + layerName + "'");
  }

  /** Names of the layers (or {@code "input"}) whose output a residual or route layer reads. */
  public Set<String> skipSources() {
    Set<String> read = new HashSet<>();
    for (AnnLayer layer : layers) {
      if (layer instanceof ResidualAddLayer r) {
        read.add(r.from());
      } else if (layer instanceof RouteLayer r) {
        read.addAll(r.from());
      }
    }
    return read;
  }

  /**
   * Multiply-accumulates of one inference: every weight of a dense layer once, every kernel weight
   * once per output position of a convolution (zeros included, as an ANN accelerator does them).
   * Pooling, batch norm, ReLU and residual additions are not counted.
   */
  public long macs() {
    List<TensorShape> shapes = shapes();
    long macs = 0;
    for (int i = 0; i < layers.size(); i++) {
      AnnLayer layer = layers.get(i);
      if (layer instanceof DenseLayer d) {
        macs += (long) d.inputs() * d.outputs();
      } else if (layer instanceof Conv2dLayer c) {
        macs += (long) shapes.get(i + 1).size() * c.fanIn();
      }
    }
    return macs;
  }

  /** Number of trainable parameters (weights and biases of dense and convolution layers). */
  public long parameters() {
    long n = 0;
    for (AnnLayer layer : layers) {
      if (layer instanceof DenseLayer d) {
        n += d.weights().length + d.bias().length;
      } else if (layer instanceof Conv2dLayer c) {
        n += c.weights().length + c.bias().length;
      }
    }
    return n;
  }

  private static List<TensorShape> shapesOf(TensorShape input, List<AnnLayer> layers) {
    List<TensorShape> shapes = new ArrayList<>(layers.size() + 1);
    Map<String, TensorShape> byName = new HashMap<>();
    shapes.add(input);
    byName.put(ResidualAddLayer.INPUT, input);
    TensorShape current = input;
    for (AnnLayer layer : layers) {
      if (layer instanceof ResidualAddLayer r) {
        TensorShape skip = byName.get(r.from());
        ShapeChecks.require(
            skip != null, r.name(), "source layer '%s' is not an earlier layer", r.from());
        ShapeChecks.require(
            skip.size() == current.size(),
            r.name(),
            "adds '%s' of shape %s to an input of shape %s",
            r.from(),
            skip,
            current);
      }
      if (layer instanceof RouteLayer r) {
        List<TensorShape> sources = new ArrayList<>();
        for (String from : r.from()) {
          TensorShape source = byName.get(from);
          ShapeChecks.require(
              source != null, r.name(), "source layer '%s' is not an earlier layer", from);
          sources.add(source);
        }
        current = r.concatenated(sources);
      } else {
        current = layer.outputShape(current);
      }
      shapes.add(current);
      byName.put(layer.name(), current);
    }
    return List.copyOf(shapes);
  }
}
