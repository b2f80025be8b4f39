"""Prints what the reference package's nir.read() makes of NIR files, as JSON (the oracle for files snn-nir writes).

    PYTHONPATH=../shared/nir/python /usr/bin/python3 describe_nir.py a.nir b.nir > answers.json

For each file: the version, whether nir.read type-checked the graph (it is retried with type_check=False when the
reference's own shape inference gives up, e.g. on pooling), and each node's class and fields as dtype, shape and
values.
"""

import json
import sys

import numpy as np

import nir
from nir.serialization import read_version


def field(value):
    if isinstance(value, str):
        return {"dtype": "string", "shape": [], "values": [value]}
    array = np.asarray(value)
    return {"dtype": str(array.dtype), "shape": list(array.shape), "values": [v.item() for v in array.reshape(-1)]}


def describe(node):
    if isinstance(node, nir.NIRGraph):
        return {
            "type": "NIRGraph",
            "nodes": {name: describe(child) for name, child in node.nodes.items()},
            "edges": [list(edge) for edge in node.edges],
            "metadata": {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in node.metadata.items()},
        }
    fields = {k: field(v) for k, v in node.to_dict().items() if k not in ("type", "metadata") and v is not None}
    return {"type": type(node).__name__, "fields": fields}


def main(paths):
    answers = {}
    for path in paths:
        try:
            graph, checked = nir.read(path), True
        except Exception:  # the reference's type inference, not the file, failed
            graph, checked = nir.read(path, type_check=False), False
        answer = describe(graph)
        answer["version"] = read_version(path)
        answer["type_checked"] = checked
        answers[path] = answer
    json.dump(answers, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
