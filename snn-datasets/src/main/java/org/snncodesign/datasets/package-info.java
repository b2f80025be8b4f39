/**
 * Data sets for spiking networks: loaders for IDX (MNIST), CSV, WAV and neuromorphic event files,
 * the embedded UCI digits, seeded splits and batches, and the input side of spike coding.
 *
 * <p>Every loader is a {@link org.snncodesign.api.dataset.DatasetProvider} found through {@link
 * java.util.ServiceLoader}; every binary parser checks magic numbers, declared sizes against the
 * real size and overflow in size arithmetic, and reports a malformed file with a {@link
 * org.snncodesign.datasets.DataFormatException} naming file, offset and expectation.
 */
package org.snncodesign.datasets;
