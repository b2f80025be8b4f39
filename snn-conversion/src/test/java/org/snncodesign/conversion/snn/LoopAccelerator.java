package org.snncodesign.conversion.snn;

import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.energy.OperationCounts;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerExecution;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Test-only executing backend: {@code spikes x weights} with plain loops over the set bits, one
 * fp32 add per selected weight entry. Stands in for the real sparse kernel, which snn-conversion
 * may not depend on.
 */
final class LoopAccelerator implements Accelerator {
  int calls;

  @Override
  public String name() {
    return "test-loops";
  }

  @Override
  public String description() {
    return "plain-loop spikes x weights for tests";
  }

  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    throw new UnsupportedOperationException("test backend only executes");
  }

  @Override
  public boolean executes() {
    return true;
  }

  @Override
  public LayerExecution execute(SpikeRaster spikes, CsrMatrix weights) {
    calls++;
    int cols = weights.cols();
    float[] out = new float[spikes.timeSteps() * cols];
    long adds = 0;
    int[] ptr = weights.rowPointers();
    int[] col = weights.columnIndices();
    float[] val = weights.values();
    for (int t = 0; t < spikes.timeSteps(); t++) {
      for (int j = 0; j < spikes.neurons(); j++) {
        if (!spikes.get(t, j)) {
          continue;
        }
        for (int q = ptr[j]; q < ptr[j + 1]; q++) {
          out[t * cols + col[q]] += val[q];
          adds++;
        }
      }
    }
    OperationCounts counts = new OperationCounts();
    counts.add(Operation.ADD_FP32, adds);
    return new LayerExecution(spikes.timeSteps(), cols, out, counts);
  }
}
