package org.snncodesign.learning.lsm.pruning;

import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.readout.LinearReadout;

/**
 * The size of a liquid state machine.
 *
 * @param neurons liquid neurons
 * @param synapses recurrent synapses
 * @param inputSynapses input-to-liquid synapses
 * @param readoutParameters readout weights and biases
 * @param bytes liquid storage ({@link Liquid#storageBytes()}) plus readout storage ({@link
 *     LinearReadout#storageBytes()})
 */
public record LiquidSize(
    int neurons, int synapses, int inputSynapses, long readoutParameters, long bytes) {

  public static LiquidSize of(Liquid liquid, LinearReadout readout) {
    return new LiquidSize(
        liquid.neurons(),
        liquid.synapses(),
        liquid.inputSynapses(),
        readout.parameterCount(),
        liquid.storageBytes() + readout.storageBytes());
  }
}
