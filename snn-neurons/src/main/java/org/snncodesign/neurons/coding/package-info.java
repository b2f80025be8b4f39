/**
 * Spike codings as plugins: rate, time-to-first-spike, phase, single-spike phase and burst coding.
 */
package org.snncodesign.neurons.coding;
