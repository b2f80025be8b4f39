/**
 * Neuron models as plugins: a {@link org.snncodesign.api.neuron.NeuronModel} makes {@link
 * org.snncodesign.api.neuron.NeuronPopulation}s from {@link
 * org.snncodesign.api.neuron.NeuronParameters}, stepped in time steps of a stated {@code dt}.
 */
package org.snncodesign.api.neuron;
