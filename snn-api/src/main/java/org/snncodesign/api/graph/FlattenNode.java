package org.snncodesign.api.graph;

import java.util.Optional;
import org.snncodesign.api.Checks;

/**
 * Merges the axes {@code startDim..endDim} of its input into one (NIR {@code Flatten}; negative
 * axes count from the end, {@code -1} is the last). The row-major layout is unchanged: it only
 * renames the shape.
 *
 * @param inputShape the input's shape, when the node fixes it
 * @param startDim first axis merged
 * @param endDim last axis merged
 */
public record FlattenNode(Optional<Shape> inputShape, int startDim, int endDim)
    implements LinearMapNode {
  public FlattenNode {
    Checks.checkArgument(
        inputShape != null, "Flatten input shape must be given or Optional.empty()");
  }

  /** Flattens every axis of whatever comes in. */
  public static FlattenNode all() {
    return new FlattenNode(Optional.empty(), 0, -1);
  }

  @Override
  public String nirType() {
    return "Flatten";
  }

  @Override
  public Shape outputShape(Shape input) {
    Shape in = inputShape.orElse(input);
    NodeChecks.sameSize(input, in, nirType());
    int rank = in.rank();
    int start = startDim < 0 ? startDim + rank : startDim;
    int end = endDim < 0 ? endDim + rank : endDim;
    Checks.checkArgument(
        start >= 0 && start < rank && end >= start && end < rank,
        "Flatten start_dim = %d and end_dim = %d do not fit input %s",
        startDim,
        endDim,
        in);
    int[] dims = new int[rank - (end - start)];
    int k = 0;
    for (int a = 0; a < start; a++) {
      dims[k++] = in.dim(a);
    }
    int merged = 1;
    for (int a = start; a <= end; a++) {
      merged *= in.dim(a);
    }
    dims[k++] = merged;
    for (int a = end + 1; a < rank; a++) {
      dims[k++] = in.dim(a);
    }
    return Shape.of(dims);
  }

  @Override
  public long parameterCount() {
    return 0;
  }
}
