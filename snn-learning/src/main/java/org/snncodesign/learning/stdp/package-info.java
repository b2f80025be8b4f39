/**
 * Spike-timing-dependent plasticity: pair-based STDP and STDP-assisted spike timing learning
 * (SA-STL).
 */
package org.snncodesign.learning.stdp;
