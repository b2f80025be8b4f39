package org.snncodesign.fpga.systolic;

import org.snncodesign.api.hardware.LayerWorkload;

/**
 * The questions the systolic-array model asks about a layer's spikes and weights over blocks of
 * time steps {@code [t0, t1)}, inputs {@code [i0, i1)} and outputs {@code [j0, j1)}. Output blocks
 * are column tiles: {@code j0} is a multiple of the tile width the view was built for.
 *
 * <p>A measured layer answers exactly (the answers are whole numbers); a layer known by statistics
 * answers with expectations under independent spikes (rate p) and weights (density d).
 */
interface LayerView {

  /**
   * A view of {@code layer} for output tiles {@code colTile} wide: measured when spikes and weights
   * are given.
   */
  static LayerView of(LayerWorkload layer, int colTile) {
    if (layer.spikes().isPresent() && layer.weights().isPresent()) {
      return new MeasuredLayerView(layer.spikes().get(), layer.weights().get(), colTile);
    }
    return new StatisticalLayerView(layer);
  }

  /** Whether (probability that) any input of the block spikes at any of its steps. */
  double anySpike(int t0, int t1, int i0, int i1);

  /** Steps of {@code [t0, t1)} at which some input of {@code [i0, i1)} spikes. */
  double stepsWithSpike(int t0, int t1, int i0, int i1);

  /** Whether (probability that) the weight tile holds a non-zero. */
  double tileNonZero(int i0, int i1, int j0, int j1);

  /** Non-zero weights in the tile. */
  double weightNonZeros(int i0, int i1, int j0, int j1);

  /**
   * (step, input, output) triples with a spike and a non-zero weight: the accumulates that must
   * happen.
   */
  double pairs(int t0, int t1, int i0, int i1, int j0, int j1);

  /** Inputs that spike in {@code [t0, t1)} and have a non-zero weight in {@code [j0, j1)}. */
  double activeInputs(int t0, int t1, int j0, int j1);

  /** Whether (probability that) {@link #activeInputs} is non-zero. */
  double anyActiveInput(int t0, int t1, int j0, int j1);

  /** Non-zero weights in {@code [j0, j1)} of the inputs counted by {@link #activeInputs}. */
  double activeInputNonZeros(int t0, int t1, int j0, int j1);
}
