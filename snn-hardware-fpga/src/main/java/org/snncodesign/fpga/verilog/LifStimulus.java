package org.snncodesign.fpga.verilog;

/**
 * One clock cycle of input to the exported LUT-leak LIF core ({@link LutLifVerilog}).
 *
 * @param reset synchronous reset: potential, currents, refractory counter and spike become 0
 * @param valid apply one time step of the neuron update with these inputs (otherwise the state
 *     holds and the spike output is 0)
 * @param excitatory this step's excitatory input (sum of excitatory and input weights of last
 *     step's spikes)
 * @param inhibitory this step's inhibitory input (sum of inhibitory weights, &lt;= 0)
 */
public record LifStimulus(boolean reset, boolean valid, long excitatory, long inhibitory) {}
