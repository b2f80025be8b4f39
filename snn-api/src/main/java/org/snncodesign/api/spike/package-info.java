/**
 * Spikes as data: one neuron's {@link org.snncodesign.api.spike.SpikeTrain} and a population's
 * bit-packed {@link org.snncodesign.api.spike.SpikeRaster}.
 */
package org.snncodesign.api.spike;
