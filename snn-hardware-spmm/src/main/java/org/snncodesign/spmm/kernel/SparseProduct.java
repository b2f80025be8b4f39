package org.snncodesign.spmm.kernel;

import org.snncodesign.api.sparse.CsrMatrix;

/**
 * A product in CSR form with the work it took.
 *
 * @param product the {@code rows x M} product; a structural entry is kept even when its sum cancels
 *     to zero
 * @param accumulates adds performed (one per selected weight entry)
 * @param hashRows rows gathered with the hash accumulator (the rest used the dense one)
 */
public record SparseProduct(CsrMatrix product, long accumulates, int hashRows) {}
