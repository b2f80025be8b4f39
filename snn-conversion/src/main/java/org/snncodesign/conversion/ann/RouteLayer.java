package org.snncodesign.conversion.ann;

import java.util.List;
import org.snncodesign.api.Checks;

/**
 * Where a layer list branches: the output is the concatenation, along the channels, of the outputs
 * of the earlier layers {@code from} (a Darknet "route"); with one source it restarts the chain
 * from that output, with several it is ONNX's {@code Concat} on axis 1. Together with {@link
 * ResidualAddLayer} it lets a layer list in topological order describe any acyclic graph: every
 * layer reads the output of the layer before it, and a route is how a layer reads anything else.
 * The sources' heights and widths must agree; the input of the route itself (the layer before it)
 * is not read.
 *
 * @param name layer name
 * @param from names of earlier layers, or {@code "input"}, in concatenation order
 */
public record RouteLayer(String name, List<String> from) implements AnnLayer {
  public RouteLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
    Checks.checkArgument(
        from != null && !from.isEmpty(), "route '%s' needs at least one source layer", name);
    from = List.copyOf(from);
  }

  /**
   * The concatenation of {@code sources} along the channels.
   *
   * @throws org.snncodesign.api.InvalidInputException naming this layer when heights or widths
   *     differ
   */
  public TensorShape concatenated(List<TensorShape> sources) {
    TensorShape first = sources.get(0);
    int channels = 0;
    for (int k = 0; k < sources.size(); k++) {
      TensorShape s = sources.get(k);
      ShapeChecks.require(
          s.height() == first.height() && s.width() == first.width(),
          name,
          "concatenates '%s' of shape %s with '%s' of shape %s; heights and widths must agree",
          from.get(0),
          first,
          from.get(k),
          s);
      channels = Math.addExact(channels, s.channels());
    }
    return new TensorShape(channels, first.height(), first.width());
  }

  /** Not defined for a route, whose shape follows from its sources: see {@link #concatenated}. */
  @Override
  public TensorShape outputShape(TensorShape in) {
    throw new UnsupportedOperationException(
        "route '" + name + "' takes its shape from its sources " + from);
  }
}
