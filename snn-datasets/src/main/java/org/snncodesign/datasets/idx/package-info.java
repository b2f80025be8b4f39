/**
 * The IDX format of MNIST and Fashion-MNIST: hardened, streaming reader and the {@code idx}
 * provider.
 */
package org.snncodesign.datasets.idx;
