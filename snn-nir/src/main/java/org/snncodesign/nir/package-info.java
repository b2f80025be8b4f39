/**
 * NIR interchange: {@link org.snncodesign.nir.NirReader} and {@link org.snncodesign.nir.NirWriter}
 * turn {@code .nir} files (HDF5, the layout of the reference package's {@code
 * nir/serialization.py}) into {@link org.snncodesign.api.graph.NetworkGraph}s and back (Pedersen et
 * al., "Neuromorphic intermediate representation", Nature Communications 15:8122, 2024). {@link
 * org.snncodesign.nir.NirInfo} summarises a graph node by node. The HDF5 library (jHDF) stays
 * inside this package.
 */
package org.snncodesign.nir;
