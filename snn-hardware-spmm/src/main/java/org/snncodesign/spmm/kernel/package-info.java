/**
 * The Gustavson (row-wise) product of a binary spike matrix and a sparse weight matrix, its operand
 * formats and its allocation-free workspaces.
 */
package org.snncodesign.spmm.kernel;
