/**
 * The FireFly-S-style dual-side sparsity array: its design point, its cycle-level model and its
 * sparsity detector.
 */
package org.snncodesign.fpga.firefly;
