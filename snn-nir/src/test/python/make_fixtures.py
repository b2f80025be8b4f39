"""Writes the NIR fixtures of snn-nir's tests with the reference package (the oracle).

One small .nir file per node type NIR defines, a subgraph, a recurrent graph, files in the older layouts
(no v_reset, scalar w_in, string padding, scalar strides, no input_shape) and a graph with no edges, each with
a JSON sidecar of what the file holds: node types, every parameter's dtype, shape and values, edges and metadata.

Run from the repository root (needs numpy and h5py):

    PYTHONPATH=../shared/nir/python /usr/bin/python3 snn-nir/src/test/python/make_fixtures.py \
        snn-nir/src/test/resources/org/snncodesign/nir/fixtures
"""

import json
import pathlib
import sys

import h5py
import numpy as np

import nir

# The bundled package is not pip-installed, so it has no version of its own; state the release it follows.
nir.version = "1.0.0"

rng = np.random.default_rng(20240424)

# These go through h5py's default for nir.write (chunked, gzip); the others are stored plainly (contiguous), so
# that both layouts are read and the committed fixtures stay small.
COMPRESSED = {"affine", "conv2d", "recurrent", "subgraph"}


def f32(*shape):
    return rng.normal(size=shape).astype(np.float32)


def f64(*shape):
    return rng.normal(size=shape).astype(np.float64)


def positive(dtype, *shape):
    return rng.uniform(1e-3, 2e-2, size=shape).astype(dtype)


def chain(node, in_shape, out_shape, name="node", type_check=True):
    return nir.NIRGraph(
        nodes={"input": nir.Input(np.array(in_shape)), name: node, "output": nir.Output(np.array(out_shape))},
        edges=[("input", name), (name, "output")],
        type_check=type_check,
    )


def fixtures():
    yield "affine", chain(nir.Affine(weight=f32(2, 3), bias=f32(2)), [3], [2])
    yield "linear", chain(nir.Linear(weight=f64(2, 3)), [3], [2])
    yield "scale", chain(nir.Scale(scale=f32(4)), [4], [4])
    yield "delay", chain(nir.Delay(delay=positive(np.float64, 3)), [3], [3])
    yield "threshold", chain(nir.Threshold(threshold=f32(2, 2)), [2, 2], [2, 2])
    yield "integrator", chain(nir.I(r=f64(3)), [3], [3])
    yield "li", chain(nir.LI(tau=positive(np.float32, 3), r=f32(3), v_leak=f32(3)), [3], [3])
    yield "if", chain(nir.IF(r=f64(3), v_threshold=f64(3), v_reset=f64(3)), [3], [3])
    yield "lif", chain(
        nir.LIF(tau=positive(np.float64, 3), r=f64(3), v_leak=f64(3), v_threshold=f64(3), v_reset=f64(3)),
        [3], [3])
    yield "cubali", chain(
        nir.CubaLI(tau_syn=positive(np.float32, 3), tau_mem=positive(np.float32, 3), r=f32(3), v_leak=f32(3),
                   w_in=f32(3)), [3], [3])
    yield "cubalif", chain(
        nir.CubaLIF(tau_syn=positive(np.float64, 3), tau_mem=positive(np.float64, 3), r=f64(3), v_leak=f64(3),
                    v_threshold=f64(3), v_reset=f64(3), w_in=f64(3)), [3], [3])
    yield "conv1d", chain(
        nir.Conv1d(input_shape=8, weight=f32(3, 2, 3), stride=2, padding=1, dilation=1, groups=1, bias=f32(3)),
        [2, 8], [3, 4])
    yield "conv2d", chain(
        nir.Conv2d(input_shape=(5, 5), weight=f32(4, 2, 3, 3), stride=(1, 2), padding=(1, 0), dilation=1,
                   groups=1, bias=f32(4)), [2, 5, 5], [4, 5, 2])
    pool = dict(kernel_size=np.array([2, 2]), stride=np.array([2, 2]), padding=np.array([0, 0]))
    yield "sumpool2d", chain(nir.SumPool2d(**pool), [2, 4, 4], [2, 2, 2], type_check=False)
    yield "avgpool2d", chain(nir.AvgPool2d(**pool), [2, 4, 4], [2, 2, 2], type_check=False)
    yield "flatten", chain(nir.Flatten(input_type={"input": np.array([2, 3, 4])}, start_dim=0, end_dim=-1),
                           [2, 3, 4], [24])
    inner = nir.NIRGraph(
        nodes={"in": nir.Input(np.array([2])), "fc": nir.Affine(weight=f32(2, 2), bias=f32(2)),
               "lif": nir.LIF(tau=positive(np.float32, 2), r=f32(2), v_leak=f32(2), v_threshold=f32(2),
                              v_reset=f32(2)),
               "out": nir.Output(np.array([2]))},
        edges=[("in", "fc"), ("fc", "lif"), ("lif", "out")])
    yield "subgraph", nir.NIRGraph(
        nodes={"input": nir.Input(np.array([2])), "block": inner, "output": nir.Output(np.array([2]))},
        edges=[("input", "block.in"), ("block.out", "output")],
        metadata={"source": "make_fixtures.py", "snn-codesign.dt": 0.001}, type_check=False)
    yield "recurrent", nir.NIRGraph(
        nodes={"input": nir.Input(np.array([2])), "fc": nir.Affine(weight=f32(3, 2), bias=f32(3)),
               "lif.cell": nir.CubaLIF(tau_syn=positive(np.float64, 3), tau_mem=positive(np.float64, 3), r=f64(3),
                                       v_leak=f64(3), v_threshold=f64(3), v_reset=f64(3), w_in=f64(3)),
               "lif.w_rec": nir.Linear(weight=f32(3, 3)), "output": nir.Output(np.array([3]))},
        edges=[("input", "fc"), ("fc", "lif.cell"), ("lif.cell", "lif.w_rec"), ("lif.w_rec", "lif.cell"),
               ("lif.cell", "output")],
        metadata={"trained_with": "snnTorch", "epochs": 12})
    yield "legacy_neurons", nir.NIRGraph(
        nodes={"input": nir.Input(np.array([3])),
               "lif": nir.LIF(tau=positive(np.float32, 3), r=f32(3), v_leak=f32(3), v_threshold=f32(3)),
               "if": nir.IF(r=f32(3), v_threshold=f32(3)),
               "cubalif": nir.CubaLIF(tau_syn=positive(np.float64, 3), tau_mem=positive(np.float64, 3), r=f64(3),
                                      v_leak=f64(3), v_threshold=f64(3)),
               "cubali": nir.CubaLI(tau_syn=positive(np.float32, 3), tau_mem=positive(np.float32, 3), r=f32(3),
                                    v_leak=f32(3)),
               "output": nir.Output(np.array([3]))},
        edges=[("input", "lif"), ("lif", "if"), ("if", "cubalif"), ("cubalif", "cubali"), ("cubali", "output")])
    yield "legacy_conv", nir.NIRGraph(
        nodes={"input1d": nir.Input(np.array([1, 6])),
               "conv1d": nir.Conv1d(input_shape=6, weight=f32(2, 1, 3), stride=1, padding=0, dilation=1, groups=1,
                                    bias=f32(2)),
               "output1d": nir.Output(np.array([2, 4])),
               "input2d": nir.Input(np.array([2, 5, 5])),
               "conv2d": nir.Conv2d(input_shape=(5, 5), weight=f64(2, 1, 3, 3), stride=1, padding=1, dilation=1,
                                    groups=2, bias=f64(2)),
               "output2d": nir.Output(np.array([2, 5, 5]))},
        edges=[("input1d", "conv1d"), ("conv1d", "output1d"), ("input2d", "conv2d"), ("conv2d", "output2d")],
        type_check=False)  # the reference's Conv2d input type ignores groups
    yield "inputs_only", nir.NIRGraph(nodes={"input": nir.Input(np.array([4]))}, edges=[], type_check=False)


def make_legacy(path, name):
    """Rewrites parts of a freshly written file into the older layouts the reference reader still accepts."""
    with h5py.File(path, "a") as f:
        nodes = f["node/nodes"]
        if name == "legacy_neurons":
            for node in ("lif", "if", "cubalif", "cubali"):
                if "v_reset" in nodes[node]:
                    del nodes[node]["v_reset"]
            for node in ("cubalif", "cubali"):
                del nodes[node]["w_in"]
                nodes[node].create_dataset("w_in", data=2.5)
        if name == "legacy_conv":
            conv1d, conv2d = nodes["conv1d"], nodes["conv2d"]
            for conv in (conv1d, conv2d):
                del conv["input_shape"], conv["padding"]
            conv1d.create_dataset("padding", data="valid", dtype=h5py.string_dtype())
            del conv1d["stride"]
            conv1d.create_dataset("stride", data=np.array([1]))
            conv2d.create_dataset("padding", data="same", dtype=h5py.string_dtype())
            for field in ("stride", "dilation"):
                del conv2d[field]
                conv2d.create_dataset(field, data=1)


def describe(group):
    """What a node group holds, read back with h5py: the oracle's view of the file."""
    if group["type"][()].decode() == "NIRGraph":
        graph = {
            "type": "NIRGraph",
            "nodes": {name: describe(node) for name, node in group["nodes"].items()},
            "edges": [[a.decode(), b.decode()] for a, b in group["edges"][()]] if group["edges"].size else [],
            "metadata": {},
        }
        if "metadata" in group:
            for key, value in group["metadata"].items():
                value = value[()]
                graph["metadata"][key] = value.decode() if isinstance(value, bytes) else repr(value.item())
        return graph
    fields = {}
    for field, dataset in group.items():
        if field == "type" or not isinstance(dataset, h5py.Dataset):
            continue
        value = dataset[()]
        if isinstance(value, bytes):
            fields[field] = {"dtype": "string", "shape": [], "values": [value.decode()]}
        else:
            array = np.asarray(value)
            fields[field] = {"dtype": str(array.dtype), "shape": list(array.shape),
                             "values": [v.item() for v in array.reshape(-1)]}
    return {"type": group["type"][()].decode(), "fields": fields}


def main(out):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, graph in fixtures():
        path = out / f"{name}.nir"
        nir.write(path, graph, compression="gzip" if name in COMPRESSED else None)
        make_legacy(path, name)
        if name != "legacy_conv":  # nir.read needs a convolution's input_shape; its read_node does not
            nir.read(path, type_check=False)
        with h5py.File(path, "r") as f:
            expected = describe(f["node"])
            expected["version"] = f["version"][()].decode()
        (out / f"{name}.json").write_text(json.dumps(expected, indent=1) + "\n")
        print(path)


if __name__ == "__main__":
    main(sys.argv[1])
