/**
 * Neuromorphic event data: N-MNIST 40-bit events and AEDAT 2.0/3.1 recordings into (x, y, polarity,
 * timestamp) arrays, binning into frames and spike rasters, and the {@code nmnist} and {@code
 * aedat} providers.
 */
package org.snncodesign.datasets.events;
