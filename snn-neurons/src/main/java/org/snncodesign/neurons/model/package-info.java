/**
 * Skeletons shared by the neuron plugins: model and population base classes, parameter resolution,
 * input checks, and the populations of graph neuron nodes.
 */
package org.snncodesign.neurons.model;
