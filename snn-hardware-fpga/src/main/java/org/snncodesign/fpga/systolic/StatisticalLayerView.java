package org.snncodesign.fpga.systolic;

import org.snncodesign.api.hardware.LayerWorkload;

/**
 * Expectations for a layer known by its spike rate p and weight density d, every cell independent.
 */
final class StatisticalLayerView implements LayerView {
  private final int inputs;
  private final double p;
  private final double d;

  StatisticalLayerView(LayerWorkload layer) {
    this.inputs = layer.inputs();
    this.p = layer.spikeRate();
    this.d = layer.weightDensity();
  }

  // Probability that at least one of n independent cells with probability q is set.
  private static double any(double q, long n) {
    return 1 - Math.pow(1 - q, n);
  }

  @Override
  public double anySpike(int t0, int t1, int i0, int i1) {
    return any(p, (long) (t1 - t0) * (i1 - i0));
  }

  @Override
  public double stepsWithSpike(int t0, int t1, int i0, int i1) {
    return (t1 - t0) * any(p, i1 - i0);
  }

  @Override
  public double tileNonZero(int i0, int i1, int j0, int j1) {
    return any(d, (long) (i1 - i0) * (j1 - j0));
  }

  @Override
  public double weightNonZeros(int i0, int i1, int j0, int j1) {
    return d * (i1 - i0) * (j1 - j0);
  }

  @Override
  public double pairs(int t0, int t1, int i0, int i1, int j0, int j1) {
    return p * d * (t1 - t0) * (double) (i1 - i0) * (j1 - j0);
  }

  @Override
  public double activeInputs(int t0, int t1, int j0, int j1) {
    return inputs * any(p, t1 - t0) * any(d, j1 - j0);
  }

  @Override
  public double anyActiveInput(int t0, int t1, int j0, int j1) {
    return any(any(p, t1 - t0) * any(d, j1 - j0), inputs);
  }

  @Override
  public double activeInputNonZeros(int t0, int t1, int j0, int j1) {
    return inputs * any(p, t1 - t0) * d * (j1 - j0);
  }
}
