"""Writes the ONNX test files of snn-conversion's OnnxImporter tests with the official onnx package.

Run from this folder with Debian's python3-onnx (1.12) and numpy:  /usr/bin/python3 generate.py
The Java tests only read the outputs; this script documents how they were made (checked by onnx.checker with
full shape inference) and computes the expected logits with a plain numpy forward pass.

  small_cnn.onnx           Conv(pad 1) - BatchNormalization - Relu - AveragePool 2 - Conv(stride 2) - Relu -
                           Reshape(Constant [-1, 18]) - Gemm(transB=1) - LogSoftmax, opset 13, batch dim symbolic
  small_cnn_expected.json  inputs (3 samples of 1x12x12) and the expected logits (the LogSoftmax input)
  lstm.onnx                a graph with an LSTM node named "lstm_0", which the importer must reject
"""
import json

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(5)


def f32(*shape, scale=0.5):
    return (rng.uniform(-1, 1, size=shape) * scale).astype(np.float32)


def conv(x, w, b, stride, pad):
    c, h, wd = x.shape
    o, _, k, _ = w.shape
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    oh = (h + 2 * pad - k) // stride + 1
    ow = (wd + 2 * pad - k) // stride + 1
    y = np.zeros((o, oh, ow), dtype=np.float64)
    for i in range(oh):
        for j in range(ow):
            patch = xp[:, i * stride:i * stride + k, j * stride:j * stride + k].astype(np.float64)
            y[:, i, j] = np.tensordot(w.astype(np.float64), patch, axes=([1, 2, 3], [0, 1, 2])) + b
    return y


w1, b1 = f32(3, 1, 3, 3), f32(3)
gamma, beta, mean = f32(3, scale=1.0), f32(3, scale=0.2), f32(3, scale=0.2)
var = (0.5 + rng.uniform(0, 1, size=3)).astype(np.float32)
w2, b2 = f32(2, 3, 2, 2), f32(2)
w3, b3 = f32(4, 18), f32(4)
eps = 1e-5

inits = [numpy_helper.from_array(a, n) for a, n in [
    (w1, "conv1.weight"), (b1, "conv1.bias"), (gamma, "bn.weight"), (beta, "bn.bias"),
    (mean, "bn.running_mean"), (var, "bn.running_var"), (w2, "conv2.weight"), (b2, "conv2.bias"),
    (w3, "fc.weight"), (b3, "fc.bias")]]
shape = numpy_helper.from_array(np.array([-1, 18], dtype=np.int64), "")
nodes = [
    helper.make_node("Conv", ["input", "conv1.weight", "conv1.bias"], ["c1"], name="/conv1/Conv",
                     kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1], dilations=[1, 1], group=1),
    helper.make_node("BatchNormalization", ["c1", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var"],
                     ["n1"], name="/bn/BatchNormalization", epsilon=eps, momentum=0.9),
    helper.make_node("Relu", ["n1"], ["r1"], name="/relu1/Relu"),
    helper.make_node("AveragePool", ["r1"], ["p1"], name="/pool/AveragePool", kernel_shape=[2, 2],
                     strides=[2, 2], pads=[0, 0, 0, 0], ceil_mode=0, count_include_pad=0),
    helper.make_node("Conv", ["p1", "conv2.weight", "conv2.bias"], ["c2"], name="/conv2/Conv",
                     kernel_shape=[2, 2], strides=[2, 2]),
    helper.make_node("Relu", ["c2"], ["r2"], name="/relu2/Relu"),
    helper.make_node("Constant", [], ["shape"], name="/Constant", value=shape),
    helper.make_node("Reshape", ["r2", "shape"], ["flat"], name="/Reshape"),
    helper.make_node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], name="/fc/Gemm", alpha=1.0, beta=1.0,
                     transB=1),
    helper.make_node("LogSoftmax", ["logits"], ["output"], name="/LogSoftmax", axis=1),
]
graph = helper.make_graph(nodes, "small_cnn",
                          [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch_size", 1, 12, 12])],
                          [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch_size", 4])],
                          initializer=inits)
model = helper.make_model(graph, producer_name="snn-codesign test generator",
                          opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 7
onnx.checker.check_model(model, full_check=True)
onnx.save(model, "small_cnn.onnx")

samples = rng.uniform(0, 1, size=(3, 1, 12, 12)).astype(np.float32)
expected = []
for x in samples:
    h = conv(x, w1, b1, 1, 1)
    h = gamma[:, None, None] * (h - mean[:, None, None]) / np.sqrt(var[:, None, None] + eps) + beta[:, None, None]
    h = np.maximum(h, 0)
    h = h.reshape(3, 6, 2, 6, 2).mean(axis=(2, 4))
    h = np.maximum(conv(h, w2, b2, 2, 0), 0)
    expected.append((w3.astype(np.float64) @ h.reshape(-1) + b3).tolist())
with open("small_cnn_expected.json", "w") as f:
    json.dump({"input_shape": [1, 12, 12], "inputs": [s.reshape(-1).tolist() for s in samples],
               "logits": expected}, f)

lstm_w = numpy_helper.from_array(f32(1, 32, 6), "W")
lstm_r = numpy_helper.from_array(f32(1, 32, 8), "R")
lstm = helper.make_graph(
    [helper.make_node("Relu", ["x"], ["a"], name="relu_in"),
     helper.make_node("LSTM", ["a", "W", "R"], ["y"], name="lstm_0", hidden_size=8)],
    "lstm", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [5, 1, 6])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [5, 1, 1, 8])], initializer=[lstm_w, lstm_r])
lstm_model = helper.make_model(lstm, opset_imports=[helper.make_opsetid("", 13)])
lstm_model.ir_version = 7
onnx.checker.check_model(lstm_model, full_check=True)
onnx.save(lstm_model, "lstm.onnx")
