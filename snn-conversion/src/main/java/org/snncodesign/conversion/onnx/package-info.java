/**
 * Import of networks saved in the ONNX format (as PyTorch's {@code torch.onnx.export} writes them)
 * into the project's ANN description ({@link org.snncodesign.conversion.ann.AnnModel}). Files are
 * parsed with the classes protoc generates at build time from the ONNX project's {@code onnx.proto}
 * ({@code src/main/protobuf}); shape arithmetic is evaluated at import, supported operators map
 * onto ANN layers, anything else is rejected naming the operator and the node.
 */
package org.snncodesign.conversion.onnx;
