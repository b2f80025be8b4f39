/**
 * Sparse weight matrices as immutable value types: compressed sparse rows ({@link
 * org.snncodesign.api.sparse.CsrMatrix}) and occupancy bitmaps ({@link
 * org.snncodesign.api.sparse.BitmapMatrix}).
 */
package org.snncodesign.api.sparse;
