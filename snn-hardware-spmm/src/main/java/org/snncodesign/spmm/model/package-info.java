/**
 * Cycle-level models of the SpikedGustavson SpMM accelerator and its baselines (dense array, outer
 * product), costed alike.
 */
package org.snncodesign.spmm.model;
