/**
 * Runs any {@link org.snncodesign.api.graph.NetworkGraph} on the sparse engine: {@link
 * org.snncodesign.neurons.graph.GraphSimulator} composes the linear nodes into sparse projections,
 * maps each neuron node to its {@link org.snncodesign.api.neuron.NeuronModel} plugin and runs
 * {@link org.snncodesign.neurons.graph.Stimulus stimuli} into {@link
 * org.snncodesign.neurons.graph.GraphRecording recordings}; {@link
 * org.snncodesign.neurons.graph.GraphWorkloads} turns a graph and a recording into an accelerator
 * workload. The semantics, with every equation, are in docs/GRAPH-ENGINE.md.
 */
package org.snncodesign.neurons.graph;
