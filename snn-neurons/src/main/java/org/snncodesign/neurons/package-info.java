/**
 * Neuron models, spike codings and the sparse simulation engine of snn-codesign.
 *
 * <p>Models ({@code if}, {@code lif}, {@code lif-cond}, {@code alif}, {@code izhikevich}) and codings
 * ({@code rate}, {@code ttfs}, {@code phase}, {@code phase1}, {@code burst}) are {@link java.util.ServiceLoader}
 * providers of the snn-api contracts; {@link org.snncodesign.neurons.engine.Network} runs populations and sparse
 * projections clock-driven or event-driven with identical results, and
 * {@link org.snncodesign.neurons.graph.GraphSimulator} runs any network graph on it.
 */
package org.snncodesign.neurons;
