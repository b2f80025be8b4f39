/**
 * The (non-leaky) integrate-and-fire neuron, plugin name {@code if}: a perfect integrator that adds
 * each step's input to its potential and fires at threshold, resetting to {@code v_reset} or by
 * subtraction. It is the neuron of ANN-to-SNN conversion, where its firing rate approximates a ReLU
 * activation.
 */
package org.snncodesign.neurons.integrate;
