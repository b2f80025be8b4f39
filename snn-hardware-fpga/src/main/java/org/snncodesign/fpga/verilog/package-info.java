/**
 * Synthesizable Verilog export (bitmap PE, PE array, LUT-leak LIF core) with bit-exact Java models,
 * self-checking testbenches and runners for Icarus Verilog and Yosys.
 */
package org.snncodesign.fpga.verilog;
