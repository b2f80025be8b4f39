package org.snncodesign.fpga.lsm;

import org.snncodesign.api.spike.SpikeRaster;

/**
 * What the cycle-level model did for one input sample.
 *
 * @param spikes the liquid's spikes, steps x neurons
 * @param cycles clock cycles for the whole sample
 * @param synapticEvents synapses accumulated (recurrent and input)
 * @param neuronUpdates neuron updates (neurons x steps)
 * @param weightWords 64-bit weight-memory words read
 */
public record LutLsmRun(
    SpikeRaster spikes, long cycles, long synapticEvents, long neuronUpdates, long weightWords) {}
