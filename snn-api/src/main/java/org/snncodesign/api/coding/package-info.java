/**
 * Spike codings as contracts: {@link org.snncodesign.api.coding.SpikeEncoder} turns values into
 * spike rasters, {@link org.snncodesign.api.coding.SpikeDecoder} turns them back, both configured
 * by {@link org.snncodesign.api.coding.CodingParameters}.
 */
package org.snncodesign.api.coding;
