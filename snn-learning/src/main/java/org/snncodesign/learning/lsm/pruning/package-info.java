/**
 * Inactive-neuron pruning of a liquid, with adaptive re-connection and drive balance, and the
 * accuracy-versus-size study.
 */
package org.snncodesign.learning.lsm.pruning;
