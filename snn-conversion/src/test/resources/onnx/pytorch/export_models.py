"""Exports the PyTorch test matrix of snn-conversion's ONNX importer (issue 23) with torch.onnx.export.

Run from this folder with Debian's interpreter and packages (python3-torch 1.13, python3-onnx 1.12):

    /usr/bin/python3 export_models.py [--mnist ../../../../../../../shared/data/mnist]

For every model NAME it writes NAME.onnx (checked by onnx.checker) and NAME.json: the sample shape, a few input
samples, PyTorch's logits for them and, for the models trained here, PyTorch's MNIST test accuracy. The Java tests
(PyTorchExportsTest, PyTorchConversionTest) read only these files, so they run without torch.

  lenet_opset11/13/17  LeNet-5 with max pooling and x.view(x.size(0), -1), dynamic batch axis
  bn_padded_pool       Conv-ReLU-BatchNorm, AvgPool2d(padding=1) (exported as Pad + AveragePool), MaxPool2d
                       (padding=1), Linear + BatchNorm1d
  resnet               two stages of BasicBlocks with 1x1 projection shortcuts, trained on MNIST (the
                       convolutions' BatchNorms are fused into them by the export)
  depthwise            depthwise-separable CNN (groups = channels, ReLU6, x.view flatten), trained on MNIST
  mlp                  x.flatten(1), Linear-ReLU-Linear-ReLU-Linear, logits * 0.5 + 1 (constants to fold)
  no_bias_inplace      convolutions and Linear without biases, ReLU(inplace=True), torch.flatten
  branches             two branches (1x1 and 3x3 convolutions) concatenated along the channels
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

torch.manual_seed(23)
TRAINING_SEEDS = {"resnet": 1, "depthwise": 2}
torch.set_num_threads(2)


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(256, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


class BnPaddedPool(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, 3), nn.ReLU(), nn.BatchNorm2d(8),
            nn.AvgPool2d(2, stride=2, padding=1),
            nn.Conv2d(8, 12, 3), nn.ReLU(),
            nn.MaxPool2d(3, stride=2, padding=1))
        self.fc = nn.Linear(12 * 6 * 6, 32)
        self.bn = nn.BatchNorm1d(32)
        self.out = nn.Linear(32, 10)

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        return self.out(F.relu(self.bn(self.fc(x))))


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.downsample(x))


class ResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 8, 3, 2, 1, bias=False), nn.BatchNorm2d(8), nn.ReLU())
        self.layer1 = BasicBlock(8, 16, 1)
        self.layer2 = BasicBlock(16, 32, 2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        x = self.layer2(self.layer1(self.stem(x)))
        return self.fc(torch.flatten(self.pool(x), 1))


def separable(cin, cout, stride):
    return [nn.Conv2d(cin, cin, 3, stride, 1, groups=cin, bias=False), nn.BatchNorm2d(cin), nn.ReLU6(),
            nn.Conv2d(cin, cout, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU6()]


class Depthwise(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, 2, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU6(),
            *separable(16, 32, 1), *separable(32, 64, 2))
        self.fc = nn.Linear(64 * 7 * 7, 10)

    def forward(self, x):
        return self.fc(self.features(x).view(x.size(0), -1))


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 64)
        self.fc2 = nn.Linear(64, 32)
        self.fc3 = nn.Linear(32, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x.flatten(1)))
        return self.fc3(F.relu(self.fc2(x))) * 0.5 + 1.0


class NoBiasInplace(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 3, bias=False), nn.ReLU(inplace=True), nn.AvgPool2d(2),
            nn.Conv2d(6, 12, 3, bias=False), nn.ReLU(inplace=True), nn.AvgPool2d(2))
        self.fc = nn.Linear(12 * 5 * 5, 10, bias=False)

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))


class Branches(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(1, 4, 3, 2, 1)
        self.a = nn.Conv2d(4, 6, 1)
        self.b = nn.Conv2d(4, 5, 3, 1, 1)
        self.fc = nn.Linear(11 * 14 * 14, 10)

    def forward(self, x):
        x = F.relu(self.stem(x))
        x = torch.cat([F.relu(self.a(x)), F.relu(self.b(x))], dim=1)
        return self.fc(x.view(x.size(0), -1))


def read_idx(path):
    with gzip.open(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def mnist(folder, prefix):
    images = read_idx(os.path.join(folder, prefix + "-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    labels = read_idx(os.path.join(folder, prefix + "-labels-idx1-ubyte.gz")).astype(np.int64)
    return torch.from_numpy(images[:, None]), torch.from_numpy(labels)


def train(model, data, epochs):
    x, y = data
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    decay = torch.optim.lr_scheduler.StepLR(opt, 1, 0.3)
    model.train()
    for epoch in range(epochs):
        order = torch.randperm(len(x))
        for k in range(0, len(x), 128):
            idx = order[k:k + 128]
            opt.zero_grad()
            F.cross_entropy(model(x[idx]), y[idx]).backward()
            opt.step()
        decay.step()
    model.eval()


def accuracy(model, data):
    x, y = data
    with torch.no_grad():
        return float((model(x).argmax(1) == y).float().mean()) * 100


def export(model, name, opset, samples, extra=None):
    model.eval()
    path = name + ".onnx"
    torch.onnx.export(model, samples[:1], path, opset_version=opset, input_names=["input"],
                      output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    onnx.checker.check_model(onnx.load(path), full_check=True)
    with torch.no_grad():
        logits = model(samples).double().numpy()
    doc = {"opset": opset, "input_shape": list(samples.shape[1:]),
           "inputs": [s.reshape(-1).tolist() for s in samples.numpy()], "logits": logits.tolist()}
    doc.update(extra or {})
    with open(name + ".json", "w") as f:
        json.dump(doc, f)
    print(name, "opset", opset, os.path.getsize(path), "bytes", extra or "")


def warm_up_batch_norm(model, samples):
    """Gives BatchNorm layers non-trivial running statistics, as a trained model has."""
    model.train()
    with torch.no_grad():
        for _ in range(5):
            model(samples)
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.2, 0.2)
    model.eval()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mnist", default="../../../../../../../shared/data/mnist")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--only", help="comma-separated model names to export (default: all)")
    args = parser.parse_args()
    have_mnist = os.path.exists(os.path.join(args.mnist, "t10k-images-idx3-ubyte.gz"))
    if have_mnist:
        test = mnist(args.mnist, "t10k")
        samples = test[0][:4].clone()
    else:
        print("MNIST not found at", args.mnist, "- trained models are skipped")
        samples = torch.rand(4, 1, 28, 28)

    wanted = set(args.only.split(",")) if args.only else None

    def chosen(name):
        return wanted is None or name in wanted

    # Models are built in a fixed order whatever is exported, so every model gets the same seeded weights.
    lenet = LeNet()
    for opset in (11, 13, 17):
        if chosen("lenet_opset%d" % opset):
            export(lenet, "lenet_opset%d" % opset, opset, samples)
    bn = BnPaddedPool()
    warm_up_batch_norm(bn, torch.rand(64, 1, 28, 28))
    for name, model in (("bn_padded_pool", bn), ("mlp", Mlp()), ("no_bias_inplace", NoBiasInplace()),
                        ("branches", Branches())):
        if chosen(name):
            export(model, name, 13, samples)

    if have_mnist:
        train_data = mnist(args.mnist, "train")
        for name, make in (("resnet", ResNet), ("depthwise", Depthwise)):
            if not chosen(name):
                continue
            torch.manual_seed(TRAINING_SEEDS[name])  # each trained model is reproducible on its own
            model = make()
            train(model, train_data, args.epochs)
            export(model, name, 13, samples, {"mnist_test_accuracy": accuracy(model, test),
                                              "epochs": args.epochs})


if __name__ == "__main__":
    main()
