/**
 * Energy accounting: the {@link org.snncodesign.api.energy.Operation}s a workload performs, their
 * counts, and the {@link org.snncodesign.api.energy.EnergyModel}s that price them.
 */
package org.snncodesign.api.energy;
