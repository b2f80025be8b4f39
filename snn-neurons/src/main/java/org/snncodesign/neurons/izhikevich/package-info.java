/**
 * The Izhikevich neuron, plugin name {@code izhikevich} (Izhikevich 2003): a quadratic membrane
 * potential with a slow recovery variable, whose four parameters reproduce regular spiking,
 * bursting, chattering and fast-spiking cortical cells. Integrated by forward Euler in sub-steps of
 * at most 0.1 ms, because the quadratic term is stiff near the spike.
 */
package org.snncodesign.neurons.izhikevich;
