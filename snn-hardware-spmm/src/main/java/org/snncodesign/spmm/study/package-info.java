/**
 * The SpMM kernel study: one spiking layer priced on the SpikedGustavson model and its dense-array
 * and outer-product baselines over a grid of weight sparsity and spike rate ({@link
 * org.snncodesign.spmm.study.SpmmStudy}), and a quick timing of the CPU kernel against a dense GEMM
 * ({@link org.snncodesign.spmm.study.QuickKernelTiming}), both on seeded synthetic operands ({@link
 * org.snncodesign.spmm.study.SpmmLayer}).
 */
package org.snncodesign.spmm.study;
