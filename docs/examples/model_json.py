"""Loads a model.json written by `snn train` with numpy alone and runs it on the MNIST-layout test set.

    /usr/bin/python3 docs/examples/model_json.py MODEL.json IDX_FOLDER [--limit N]

Prints the test accuracy, which matches train.json's test_accuracy (the layout is docs/MODEL-JSON.md). The
functions weights(), conv_currents() and run() are the parts to copy into your own code; to_torch_conv() shows
the reordering PyTorch needs (it reads no torch itself).
"""
import argparse
import base64
import gzip
import json
import os
import struct

import numpy as np


def floats(text):
    """A base64 array of the file: little-endian float32."""
    return np.frombuffer(base64.b64decode(text), dtype="<f4")


def weights(layer):
    """(W, b) of a layer: dense [inputs, outputs] (pre-major); conv [k, k, C_in, C_out] (HWIO)."""
    w = floats(layer["weights"])
    if layer.get("kind", "dense") == "conv":
        k = layer["kernel"]
        return w.reshape(k, k, layer["in_channels"], layer["out_channels"]), floats(layer["bias"])
    return w.reshape(layer["inputs"], layer["outputs"]), floats(layer["bias"])


def to_torch_conv(w_hwio):
    """HWIO as PyTorch's Conv2d weight [C_out, C_in, k, k]; feature maps are channel-last in model.json."""
    return np.ascontiguousarray(w_hwio.transpose(3, 2, 0, 1))


def conv_currents(layer, w, b, x):
    """x: [N, H, W, C_in] (channel-last); returns the currents [N, H_out, W_out, C_out]."""
    k, s, p = layer["kernel"], layer["stride"], layer["padding"]
    x = np.pad(x, ((0, 0), (p, p), (p, p), (0, 0)))
    n, h, wd, c = x.shape
    oh, ow = (h - k) // s + 1, (wd - k) // s + 1
    patches = np.lib.stride_tricks.as_strided(
        x, (n, oh, ow, k, k, c),
        (x.strides[0], s * x.strides[1], s * x.strides[2], x.strides[1], x.strides[2], x.strides[3]))
    return patches.reshape(n * oh * ow, k * k * c).dot(w.reshape(k * k * c, -1)).reshape(n, oh, ow, -1) + b


def average_pool(spikes, q):
    """q x q average pooling (stride q, floor of the size) of channel-last spikes [N, H, W, C]."""
    if q == 1:
        return spikes
    n, h, w, c = spikes.shape
    ph, pw = h // q, w // q
    return spikes[:, :ph * q, :pw * q].reshape(n, ph, q, pw, q, c).sum(axis=(2, 4), dtype=np.float32) \
        * np.float32(1.0 / (q * q))


def currents(layer, w, b, x):
    """The input current of a layer for inputs x (flat [N, inputs] for dense, maps for conv)."""
    if layer.get("kind", "dense") == "conv":
        maps = x.reshape(len(x), layer["height"], layer["width"], layer["in_channels"])
        return conv_currents(layer, w, b, maps).astype(np.float32)
    return (x.reshape(len(x), -1).dot(w) + b).astype(np.float32)


def run(model, pixels):
    """Logits of the T-step LIF network for pixels [N, 784] in [0, 1] (the SpikingNetwork equations)."""
    beta, th = np.float32(model["beta"]), np.float32(model["threshold"])
    steps, subtract = model["timesteps"], model["reset"] == "SUBTRACT"
    layers = [(layer, *weights(layer)) for layer in model["layers"]]
    inputs = None
    for index, (layer, w, b) in enumerate(layers):
        last = index == len(layers) - 1
        # Direct encoding: the first layer's current is the analog input's, the same at every step.
        fixed = currents(layer, w, b, pixels.astype(np.float32)) if index == 0 else None
        v = None
        logits = None
        outputs = []
        for t in range(steps):
            i = fixed if fixed is not None else currents(layer, w, b, inputs[t])
            h = i if v is None else beta * v + i
            if last and model["readout"] == "MEMBRANE":
                v = h
                logits = h if logits is None else logits + h
                continue
            s = (h >= th).astype(np.float32)
            v = h - th * s if subtract else h * (np.float32(1) - s)
            if last:
                logits = s if logits is None else logits + s
            elif layer.get("kind", "dense") == "conv":
                outputs.append(average_pool(s, layer.get("pool", 1)).reshape(len(s), -1))
            else:
                outputs.append(s)
        inputs = outputs
    return logits / np.float32(steps) if model["readout"] == "MEMBRANE" else logits


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def find(folder, base):
    for name in (base + ".gz", base):
        if os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    raise FileNotFoundError(base + "[.gz] in " + folder)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("idx_folder")
    parser.add_argument("--limit", type=int, default=10000)
    args = parser.parse_args()
    with open(args.model) as f:
        model = json.load(f)
    assert model["format"] == "snn-codesign/spiking-network", "not a model.json of snn train"
    images = read_idx(find(args.idx_folder, "t10k-images-idx3-ubyte"))[:args.limit]
    labels = read_idx(find(args.idx_folder, "t10k-labels-idx1-ubyte"))[:args.limit]
    pixels = images.reshape(len(images), -1).astype(np.float32) / np.float32(255)
    correct = 0
    for k in range(0, len(pixels), 500):
        correct += int((run(model, pixels[k:k + 500]).argmax(axis=1) == labels[k:k + 500]).sum())
    print("test accuracy %.4f on %d samples" % (correct / len(pixels), len(pixels)))


if __name__ == "__main__":
    main()
