package org.snncodesign.conversion.onnx;

/**
 * A decoded {@code AttributeProto}; only the field its {@code type} names is meaningful.
 *
 * @param name attribute name
 * @param type ONNX {@code AttributeType} code (1 float, 2 int, 3 string, 4 tensor, 6 floats, 7 ints)
 * @param f float value
 * @param i int value
 * @param s string value (UTF-8 decoded)
 * @param t tensor value, or null
 * @param floats float list
 * @param ints int list
 */
record OnnxAttribute(String name, int type, float f, long i, String s, OnnxTensor t, float[] floats, long[] ints) {
  static final int FLOAT = 1;
  static final int INT = 2;
  static final int STRING = 3;
  static final int TENSOR = 4;
  static final int FLOATS = 6;
  static final int INTS = 7;
}
