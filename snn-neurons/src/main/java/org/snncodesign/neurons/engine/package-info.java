/**
 * The simulation engine: populations and sparse projections stepped in {@code dt}, clock-driven or
 * event-driven with identical spikes, with monitors and Poisson sources.
 */
package org.snncodesign.neurons.engine;
