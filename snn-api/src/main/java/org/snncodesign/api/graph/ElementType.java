package org.snncodesign.api.graph;

/** How a {@link Tensor}'s values are stored, so that a file's precision survives a round trip. */
public enum ElementType {
  /** IEEE 754 single precision (most trained weights). */
  FLOAT32,
  /** IEEE 754 double precision (many exported neuron parameters). */
  FLOAT64
}
