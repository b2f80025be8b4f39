/**
 * The adaptive leaky integrate-and-fire neuron, plugin name {@code alif}.
 */
package org.snncodesign.neurons.alif;
