package org.snncodesign.api.graph;

import org.snncodesign.api.Checks;

/** Shape and range checks shared by the node records; messages name the node type and parameter. */
final class NodeChecks {
  private NodeChecks() {}

  static Tensor present(Tensor tensor, String type, String parameter) {
    Checks.checkArgument(tensor != null, "%s needs the parameter %s", type, parameter);
    return tensor;
  }

  /** Every named tensor has the shape of the first. */
  static void sameShapes(String type, String[] names, Tensor... tensors) {
    for (int i = 0; i < tensors.length; i++) {
      present(tensors[i], type, names[i]);
    }
    for (int i = 1; i < tensors.length; i++) {
      Checks.checkArgument(
          tensors[i].shape().equals(tensors[0].shape()),
          "%s parameter %s has shape %s but %s has %s; all must have the same shape",
          type,
          names[i],
          tensors[i].shape(),
          names[0],
          tensors[0].shape());
    }
  }

  /** Every element is > 0 (time constants). */
  static void positive(Tensor tensor, String type, String parameter) {
    for (int i = 0; i < tensor.size(); i++) {
      Checks.checkArgument(
          tensor.get(i) > 0,
          "%s parameter %s[%d] = %s, expected > 0",
          type,
          parameter,
          i,
          tensor.get(i));
    }
  }

  /** Every element is >= 0 (delays). */
  static void nonNegative(Tensor tensor, String type, String parameter) {
    for (int i = 0; i < tensor.size(); i++) {
      Checks.checkArgument(
          tensor.get(i) >= 0,
          "%s parameter %s[%d] = %s, expected >= 0",
          type,
          parameter,
          i,
          tensor.get(i));
    }
  }

  static void rank(Tensor tensor, int rank, String type, String parameter, String layout) {
    Checks.checkArgument(
        tensor.shape().rank() == rank,
        "%s parameter %s has shape %s, expected %s",
        type,
        parameter,
        tensor.shape(),
        layout);
  }

  static void sameSize(Shape input, Shape expected, String type) {
    Checks.checkArgument(
        input.size() == expected.size(),
        "%s expects %d inputs (shape %s), got shape %s",
        type,
        expected.size(),
        expected,
        input);
  }

  /**
   * Output length of a convolution or pooling along one axis (PyTorch's formula, which NIR uses).
   */
  static int convolvedLength(
      int length, int padding, int dilation, int kernel, int stride, String type, String axis) {
    Checks.checkArgument(
        stride >= 1, "%s stride along %s must be >= 1, got %d", type, axis, stride);
    Checks.checkArgument(
        dilation >= 1, "%s dilation along %s must be >= 1, got %d", type, axis, dilation);
    long span = (long) dilation * (kernel - 1) + 1;
    long padded = (long) length + 2L * padding;
    Checks.checkArgument(
        padded >= span,
        "%s kernel spans %d along %s but the padded input has only %d",
        type,
        span,
        axis,
        padded);
    return (int) ((padded - span) / stride + 1);
  }

  static long sizes(Tensor... tensors) {
    long total = 0;
    for (Tensor t : tensors) {
      total += t.size();
    }
    return total;
  }
}
