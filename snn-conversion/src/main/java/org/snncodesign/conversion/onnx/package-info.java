/**
 * Import of CNNs saved in the ONNX format (as PyTorch's {@code torch.onnx.export} writes them) into the
 * project's ANN description ({@link org.snncodesign.conversion.ann.AnnModel}). The protobuf wire format is read
 * with protobuf-java's {@code CodedInputStream}, field numbers taken from {@code onnx/onnx.proto}; supported
 * operators map onto ANN layers, anything else is rejected naming the operator and the node.
 */
package org.snncodesign.conversion.onnx;
