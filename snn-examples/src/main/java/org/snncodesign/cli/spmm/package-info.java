/**
 * The {@code snn spmm} and {@code snn bench spmm} commands: one spiking layer on the
 * SpikedGustavson model and the CPU kernel.
 */
package org.snncodesign.cli.spmm;
