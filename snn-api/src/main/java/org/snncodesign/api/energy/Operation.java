package org.snncodesign.api.energy;

/**
 * Operations an energy table prices. Memory accesses are per 64-bit word, as in Horowitz (2014). A
 * spiking synaptic operation is an accumulate (an add); an ANN synaptic operation is a
 * multiply-accumulate (a multiply plus an add).
 */
public enum Operation {
  ADD_INT8,
  ADD_INT16,
  ADD_INT32,
  ADD_FP16,
  ADD_FP32,
  MULT_INT8,
  MULT_INT32,
  MULT_FP16,
  MULT_FP32,
  /** 64-bit read from an 8 KB SRAM. */
  SRAM_READ_8KB,
  /** 64-bit read from a 32 KB SRAM. */
  SRAM_READ_32KB,
  /** 64-bit read from a 1 MB SRAM. */
  SRAM_READ_1MB,
  /** 64-bit DRAM access. */
  DRAM_ACCESS
}
