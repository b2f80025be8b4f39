package org.snncodesign.conversion.onnx;

/**
 * A decoded {@code ValueInfoProto} of a tensor type.
 *
 * @param name value name
 * @param elemType element type code, 0 when absent
 * @param dims dimensions, -1 for a symbolic or missing one (e.g. {@code batch_size}); null when the value has
 *     no shape
 */
record OnnxValueInfo(String name, int elemType, long[] dims) {}
