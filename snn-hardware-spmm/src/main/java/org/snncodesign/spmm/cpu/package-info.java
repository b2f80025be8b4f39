/**
 * The {@code cpu-gustavson} backend: sparse spiking layers executed on the CPU with the Gustavson
 * kernel.
 */
package org.snncodesign.spmm.cpu;
