/**
 * The adaptive leaky integrate-and-fire neuron, plugin name {@code alif} (Bellec et al. 2018): a
 * LIF membrane whose threshold rises by {@code beta} with each spike and relaxes back with {@code
 * tau_adapt}, which gives a network a memory longer than its membrane time constants.
 */
package org.snncodesign.neurons.alif;
