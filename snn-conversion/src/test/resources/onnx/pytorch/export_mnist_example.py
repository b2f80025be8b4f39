"""Trains and exports the network of PyTorch's MNIST example (pytorch/examples, mnist/main.py) for issue 24.

Run from this folder with Debian's interpreter and packages (python3-torch 1.13, python3-onnx 1.12):

    /usr/bin/python3 export_mnist_example.py [--mnist ../../../../../../../shared/data/mnist] [--epochs 2]

The network and recipe are the example's: conv(1->32, 3x3) - ReLU - conv(32->64, 3x3) - ReLU - max pool 2x2 -
dropout 0.25 - flatten - fc(9216->128) - ReLU - dropout 0.5 - fc(128->10) - log_softmax; Adadelta (lr 1.0),
StepLR(gamma 0.7), batch 64, inputs transformed by transforms.Normalize((0.1307,), (0.3081,)) after
ToTensor() (pixels / 255). Only the epoch count differs (2 instead of 14: minutes on a CPU).

Writes mnist_example.onnx (checked by onnx.checker) and mnist_example.json: the normalisation, PyTorch's accuracy
on the 10,000 MNIST test images, its predicted class for every test image, and a few raw samples (pixels / 255,
before the normalisation) with PyTorch's logits for them. The Java tests read only these files.
"""
import argparse
import gzip
import json
import os
import struct

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F

MEAN, STD = 0.1307, 0.3081


class Net(nn.Module):
    """pytorch/examples mnist/main.py, unchanged."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = self.dropout1(F.max_pool2d(x, 2))
        x = torch.flatten(x, 1)
        x = self.dropout2(F.relu(self.fc1(x)))
        return F.log_softmax(self.fc2(x), dim=1)


def read_idx(path):
    with gzip.open(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def mnist(folder, prefix):
    """Pixels / 255 (ToTensor) and labels; the normalisation is applied by normalise()."""
    images = read_idx(os.path.join(folder, prefix + "-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    labels = read_idx(os.path.join(folder, prefix + "-labels-idx1-ubyte.gz")).astype(np.int64)
    return torch.from_numpy(images[:, None]), torch.from_numpy(labels)


def normalise(x):
    return (x - MEAN) / STD


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mnist", default="../../../../../../../shared/data/mnist")
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()
    torch.manual_seed(1)
    torch.set_num_threads(2)
    train_x, train_y = mnist(args.mnist, "train")
    test_x, test_y = mnist(args.mnist, "t10k")
    model = Net()
    opt = torch.optim.Adadelta(model.parameters(), lr=1.0)
    decay = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.7)
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(train_x))
        for k in range(0, len(train_x), 64):
            idx = order[k:k + 64]
            opt.zero_grad()
            F.nll_loss(model(normalise(train_x[idx])), train_y[idx]).backward()
            opt.step()
        decay.step()
        print("epoch", epoch + 1, "done", flush=True)
    model.eval()
    with torch.no_grad():
        predicted = torch.cat([model(normalise(test_x[k:k + 1000])).argmax(1) for k in range(0, len(test_x), 1000)])
    accuracy = float((predicted == test_y).double().mean()) * 100
    samples = test_x[:4].clone()
    torch.onnx.export(model, normalise(samples[:1]), "mnist_example.onnx", opset_version=13,
                      input_names=["input"], output_names=["log_probabilities"],
                      dynamic_axes={"input": {0: "batch"}, "log_probabilities": {0: "batch"}})
    onnx.checker.check_model(onnx.load("mnist_example.onnx"), full_check=True)
    with torch.no_grad():
        logits = model.fc2(F.relu(model.fc1(torch.flatten(F.max_pool2d(
            F.relu(model.conv2(F.relu(model.conv1(normalise(samples))))), 2), 1)))).double().numpy()
    doc = {"normalize": {"mean": [MEAN], "std": [STD], "pixel_scale": 255},
           "epochs": args.epochs, "mnist_test_accuracy": accuracy,
           "test_predictions": predicted.tolist(),
           "input_shape": list(samples.shape[1:]),
           "inputs": [s.reshape(-1).tolist() for s in samples.numpy()], "logits": logits.tolist()}
    with open("mnist_example.json", "w") as f:
        json.dump(doc, f)
    print("mnist_example: %.2f %% on %d test images after %d epochs, %d bytes"
          % (accuracy, len(test_y), args.epochs, os.path.getsize("mnist_example.onnx")))


if __name__ == "__main__":
    main()
