package org.snncodesign.api.graph;

/**
 * The stateless Heaviside non-linearity (NIR {@code Threshold}): a spike wherever the input exceeds
 * {@code threshold}.
 *
 * @param threshold per element
 */
public record ThresholdNode(Tensor threshold) implements NeuronNode {
  private static final String[] NAMES = {"threshold"};

  public ThresholdNode {
    NodeChecks.sameShapes("Threshold", NAMES, threshold);
  }

  @Override
  public String nirType() {
    return "Threshold";
  }

  @Override
  public Shape shape() {
    return threshold.shape();
  }

  @Override
  public boolean spiking() {
    return true;
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(threshold);
  }
}
