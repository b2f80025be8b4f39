/**
 * The LUT-based liquid-state-machine accelerator: the fixed-point liquid, its bit-exact reference
 * simulation and the cycle-level model.
 */
package org.snncodesign.fpga.lsm;
