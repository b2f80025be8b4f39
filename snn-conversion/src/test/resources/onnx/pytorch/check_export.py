"""Checks an ONNX file written by snn-conversion's OnnxExporter (issue 23) against the logits Java computed.

    /usr/bin/python3 check_export.py MODEL.onnx EXPECTED.json

EXPECTED.json holds "inputs" (flattened samples), "input_shape" and "logits". The model must pass
onnx.checker.check_model(full_check=True); onnx 1.12 has no reference evaluator (onnx.reference came with 1.13)
and onnxruntime is not packaged here, so each node is evaluated with torch.nn.functional from the ONNX operator
definitions. Prints one line and exits 0 when every logit is within 1e-5 of Java's, 1 otherwise.
"""
import json
import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper


def attributes(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def symmetric(pads):
    if pads[0] != pads[2] or pads[1] != pads[3]:
        raise ValueError("asymmetric pads %s" % pads)
    return (pads[0], pads[1])


def run(model, x):
    values = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in model.graph.initializer}
    values[model.graph.input[0].name] = x
    for node in model.graph.node:
        a = attributes(node)
        ins = [values[i] for i in node.input]
        op = node.op_type
        if op == "Conv":
            y = F.conv2d(ins[0], ins[1], ins[2] if len(ins) > 2 else None, stride=tuple(a.get("strides", [1, 1])),
                         padding=symmetric(a.get("pads", [0, 0, 0, 0])), groups=a.get("group", 1))
        elif op == "Gemm":
            b = ins[1].t() if a.get("transB", 0) else ins[1]
            y = a.get("alpha", 1.0) * ins[0] @ b + (a.get("beta", 1.0) * ins[2] if len(ins) > 2 else 0)
        elif op == "Relu":
            y = F.relu(ins[0])
        elif op == "Clip":
            y = torch.clamp(ins[0], float(ins[1]), float(ins[2]))
        elif op == "MaxPool":
            y = F.max_pool2d(ins[0], a["kernel_shape"], a.get("strides"), symmetric(a.get("pads", [0, 0, 0, 0])))
        elif op == "AveragePool":
            y = F.avg_pool2d(ins[0], a["kernel_shape"], a.get("strides"), symmetric(a.get("pads", [0, 0, 0, 0])),
                             count_include_pad=bool(a.get("count_include_pad", 0)))
        elif op == "BatchNormalization":
            y = F.batch_norm(ins[0], ins[3], ins[4], ins[1], ins[2], False, 0.0, a.get("epsilon", 1e-5))
        elif op == "Flatten":
            y = torch.flatten(ins[0], a.get("axis", 1))
        elif op == "Add":
            y = ins[0] + ins[1]
        elif op == "Concat":
            y = torch.cat(ins, a["axis"])
        elif op == "Identity":
            y = ins[0]
        elif op == "DequantizeLinear":
            y = (ins[0].to(torch.float32) - ins[2].to(torch.float32)) * ins[1]
        else:
            raise ValueError("operator %s is not in this checker" % op)
        values[node.output[0]] = y
    return values[model.graph.output[0].name]


def main():
    model = onnx.load(sys.argv[1])
    onnx.checker.check_model(model, full_check=True)
    with open(sys.argv[2]) as f:
        expected = json.load(f)
    x = torch.tensor(np.array(expected["inputs"], dtype=np.float32).reshape([-1] + expected["input_shape"]))
    with torch.no_grad():
        logits = run(model, x).double().numpy()
    diff = float(np.max(np.abs(logits - np.array(expected["logits"]))))
    ok = diff <= 1e-5
    print("%s: onnx.checker ok, %d samples, max |logit difference| = %.3g %s" % (
        sys.argv[1], len(x), diff, "ok" if ok else "TOO LARGE"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
