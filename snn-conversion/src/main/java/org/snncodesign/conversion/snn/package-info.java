/**
 * ANN-to-SNN conversion: data-based weight/threshold normalisation (robust percentile, Rueckauer et
 * al., Front. Neurosci. 2017), a rate-coded baseline (integrate-and-fire neurons with reset by
 * subtraction) and the one-spike phase-coded network (every neuron fires at most once per layer
 * window; a spike in phase {@code k} carries {@code B^-k}; layer-wise pipelined in time), with
 * operation counts and energy estimates.
 */
package org.snncodesign.conversion.snn;
