package org.snncodesign.api.hardware;

import org.snncodesign.api.energy.OperationCounts;

/**
 * The result of running one layer on an executing backend.
 *
 * @param timeSteps rows of the output
 * @param outputs columns of the output
 * @param output synaptic input per (step, output neuron), row-major {@code timeSteps x outputs}
 * @param operations the operations actually performed
 */
public record LayerExecution(
    int timeSteps, int outputs, float[] output, OperationCounts operations) {}
