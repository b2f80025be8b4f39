package org.snncodesign.spmm.model;

import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * The small product the hand-computed model tests use: two rows, K = M = 4. Row 0 spikes on inputs
 * 0 and 2, row 1 on input 1. Weight rows hold 3, 0, 4 and 1 entries (row 0: columns 0-2; row 2:
 * all; row 3: column 3).
 */
final class HandCase {
  private HandCase() {}

  static LayerProfile profile() {
    SpikeRaster s = new SpikeRaster(2, 4);
    s.set(0, 0);
    s.set(0, 2);
    s.set(1, 1);
    CsrMatrix w =
        CsrMatrix.fromDense(
            4,
            4,
            new float[] {
              1, 1, 1, 0,
              0, 0, 0, 0,
              1, 1, 1, 1,
              0, 0, 0, 1
            });
    return LayerProfile.measured("hand", s, w, 8);
  }
}
