package org.snncodesign.conversion.snn;

/**
 * One sample's run of a rate-coded {@link ConvertedNetwork}, step by step, used to compare two
 * simulators.
 *
 * @param spikes {@code spikes[t - 1][stage]}: neurons of the stage that spiked at time step {@code
 *     t}
 * @param output read-out potentials at each checkpoint
 */
record RateTrace(int[][] spikes, float[][] output) {
  RateTrace(int steps, int stages, int checkpoints) {
    this(new int[steps][stages], new float[checkpoints][]);
  }
}
