package org.snncodesign.conversion.snn;

/**
 * Outcome of running a converted network over a labelled set. Counts are totals over all samples.
 *
 * @param coding {@code "phase1"} or {@code "rate"}
 * @param samples samples run
 * @param correct samples classified correctly
 * @param timesteps time steps from the first input spike to the read-out, per sample
 * @param synapticOps synaptic events (one accumulate each): for every spike, the length of its
 *     fan-out row
 * @param neuronOps neuron-side operations: threshold comparisons, bias additions, resets
 * @param spikes spikes emitted by input, spiking and pool neurons
 * @param neuronsPerSample neurons that can spike, per sample
 * @param seconds wall-clock time of the run
 */
public record SnnEvaluation(
    String coding,
    int samples,
    int correct,
    int timesteps,
    long synapticOps,
    long neuronOps,
    long spikes,
    long neuronsPerSample,
    double seconds) {

  public double accuracy() {
    return samples == 0 ? 0 : (double) correct / samples;
  }

  /** Mean spikes per neuron per sample. */
  public double spikesPerNeuron() {
    return samples == 0 ? 0 : (double) spikes / samples / neuronsPerSample;
  }

  public double synapticOpsPerSample() {
    return samples == 0 ? 0 : (double) synapticOps / samples;
  }

  public double neuronOpsPerSample() {
    return samples == 0 ? 0 : (double) neuronOps / samples;
  }
}
