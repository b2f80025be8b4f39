package org.snncodesign.conversion.ann;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a feed-forward ANN. A layer reads the output of the layer before it in the model's
 * list; {@link ResidualAddLayer} and {@link RouteLayer} also read named earlier layers, which makes
 * the list a topologically ordered acyclic graph. Layers are immutable in shape; the weight arrays
 * of {@link DenseLayer} and {@link Conv2dLayer} are shared with the training code, which updates
 * them in place.
 *
 * <p>In JSON a layer is an object whose {@code "type"} field names its kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DenseLayer.class, name = "dense"),
  @JsonSubTypes.Type(value = Conv2dLayer.class, name = "conv2d"),
  @JsonSubTypes.Type(value = MaxPoolLayer.class, name = "max_pool"),
  @JsonSubTypes.Type(value = AvgPoolLayer.class, name = "avg_pool"),
  @JsonSubTypes.Type(value = BatchNormLayer.class, name = "batch_norm"),
  @JsonSubTypes.Type(value = ReluLayer.class, name = "relu"),
  @JsonSubTypes.Type(value = FlattenLayer.class, name = "flatten"),
  @JsonSubTypes.Type(value = ResidualAddLayer.class, name = "residual_add"),
  @JsonSubTypes.Type(value = RouteLayer.class, name = "route")
})
public sealed interface AnnLayer
    permits DenseLayer,
        Conv2dLayer,
        MaxPoolLayer,
        AvgPoolLayer,
        BatchNormLayer,
        ReluLayer,
        FlattenLayer,
        ResidualAddLayer,
        RouteLayer {

  /** Name, unique within a model. */
  String name();

  /**
   * Output shape for an input of shape {@code in}.
   *
   * @throws org.snncodesign.api.InvalidInputException naming this layer when the input does not fit
   */
  TensorShape outputShape(TensorShape in);
}
