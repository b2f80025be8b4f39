/**
 * FPGA resource estimates: look-up tables, flip-flops, block RAMs and DSP slices, from per-unit
 * costs.
 */
package org.snncodesign.fpga.resources;
