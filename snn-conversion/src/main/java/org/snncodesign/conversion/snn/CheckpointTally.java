package org.snncodesign.conversion.snn;

import java.util.List;

/**
 * Per-checkpoint totals that one worker of a rate-coded run accumulates over its samples: correct
 * predictions, synaptic operations, neuron operations and spikes, each counted up to that
 * checkpoint's time step.
 */
final class CheckpointTally {
  final int[] correct;
  final long[] synapticOps;
  final long[] neuronOps;
  final long[] spikes;

  CheckpointTally(int checkpoints) {
    correct = new int[checkpoints];
    synapticOps = new long[checkpoints];
    neuronOps = new long[checkpoints];
    spikes = new long[checkpoints];
  }

  /**
   * Counts a sample correct at checkpoint {@code c} when the read-out's largest value (first on
   * ties) is its label.
   */
  void score(int c, float[] readout, int label) {
    int best = 0;
    for (int k = 1; k < readout.length; k++) {
      if (readout[k] > readout[best]) {
        best = k;
      }
    }
    if (best == label) {
      correct[c]++;
    }
  }

  /** The element-wise sum of the workers' tallies. */
  static CheckpointTally sum(List<CheckpointTally> tallies, int checkpoints) {
    CheckpointTally total = new CheckpointTally(checkpoints);
    for (CheckpointTally t : tallies) {
      for (int c = 0; c < checkpoints; c++) {
        total.correct[c] += t.correct[c];
        total.synapticOps[c] += t.synapticOps[c];
        total.neuronOps[c] += t.neuronOps[c];
        total.spikes[c] += t.spikes[c];
      }
    }
    return total;
  }
}
