/**
 * The (non-leaky) integrate-and-fire neuron, plugin name {@code if}.
 */
package org.snncodesign.neurons.integrate;
