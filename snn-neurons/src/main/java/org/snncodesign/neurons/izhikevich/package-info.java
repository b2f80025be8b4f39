/**
 * The Izhikevich neuron, plugin name {@code izhikevich}.
 */
package org.snncodesign.neurons.izhikevich;
