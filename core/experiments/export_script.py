""""The code for this run": a plain PyTorch script, in the classic tutorial's style, for a recipe.

The script holds the recipe as constants at its top, the model class (its source, taken from
the class itself so it never drifts from the app's), a DataLoader over MNIST read from the four
idx files, and a `train` / `test` / `main` loop. It needs only torch and numpy, runs offline,
and accepts `--limit N` to train on the first N images of the run's subset for a quick try.
It reproduces the recipe (same subset, same starting weights by seed); the shuffling order
comes from a DataLoader, so its figures are close to the app's, not identical.
"""

from __future__ import annotations

import functools
import inspect

from torch import nn

from core.model import LeNet
from core.training.engine import TrainConfig

HEADER = '''"""Train {model_name} on MNIST with the recipe of run {label}.

Exported from the neural-network explainer.

Usage:  python {file_name} --data path/to/mnist [--limit 1000] [--cpu]
The data folder holds the four MNIST idx files (gzipped or not), as the app's data/mnist/ does.
"""

import argparse
import gzip
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# ---- the recipe ----
EPOCHS = {epochs}
BATCH_SIZE = {batch_size}
LEARNING_RATE = {lr!r}
MOMENTUM = {momentum!r}  # SGD's momentum; Adam's beta1
OPTIMIZER = "{optimizer}"  # "sgd" or "adam"
SCHEDULE = "{schedule}"  # "constant", or "onecycle": warm up to the rate, then anneal to almost 0
TRAIN_SIZE = {train_size}  # a random subset (chosen by SEED) of the 60,000 training images
SEED = {seed}
LABEL_SMOOTHING = {label_smoothing!r}  # 0: plain cross-entropy; s: aim at 1 - s for the right digit
HOLDOUT = {holdout!r}  # True: only the first 55,000 images (the last 5,000 are a validation split)
MNIST_MEAN, MNIST_STD = 0.1307, 0.3081
'''

BODY = '''

def read_idx(path: Path) -> np.ndarray:
    """One MNIST idx file as an array (images [N, 28, 28] or labels [N])."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load_split(folder: Path, prefix: str) -> TensorDataset:
    """A split ("train" or "t10k") as normalised image tensors [N, 1, 28, 28] and labels."""
    def find(stem: str) -> Path:
        return next(p for p in (folder / f"{stem}.gz", folder / stem) if p.exists())

    images = read_idx(find(f"{prefix}-images-idx3-ubyte"))
    labels = read_idx(find(f"{prefix}-labels-idx1-ubyte"))
    x = (torch.from_numpy(images.copy()).float().div(255).unsqueeze(1) - MNIST_MEAN) / MNIST_STD
    return TensorDataset(x, torch.from_numpy(labels.astype(np.int64)))


def train(model, device, loader, optimizer, scheduler, epoch):
    model.train()
    for batch_idx, (data, target) in enumerate(loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(data), target, label_smoothing=LABEL_SMOOTHING)
        loss.backward()
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        if batch_idx % 100 == 0:
            seen = batch_idx * len(data)
            print(f"Train epoch {epoch} [{seen}/{len(loader.dataset)}]  loss: {loss.item():.4f}")


def test(model, device, loader):
    model.eval()
    test_loss, correct = 0.0, 0
    with torch.no_grad():
        for data, target in loader:
            data, target = data.to(device), target.to(device)
            output = model(data)
            test_loss += F.cross_entropy(output, target, reduction="sum").item()
            correct += (output.argmax(dim=1) == target).sum().item()
    test_loss /= len(loader.dataset)
    accuracy = 100.0 * correct / len(loader.dataset)
    total = len(loader.dataset)
    print(f"Test set: average loss {test_loss:.4f}, accuracy {correct}/{total} ({accuracy:.2f}%)")
    return accuracy


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data/mnist", help="folder with the four MNIST idx files")
    parser.add_argument("--limit", type=int, default=None, help="train on only this many images")
    parser.add_argument("--cpu", action="store_true", help="train on the CPU even if a GPU is there")
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() and not args.cpu else "cpu")

    train_set, test_set = load_split(Path(args.data), "train"), load_split(Path(args.data), "t10k")
    pool = 55_000 if HOLDOUT else 60_000
    chosen = torch.randperm(pool, generator=torch.Generator().manual_seed(SEED))[:TRAIN_SIZE]
    if TRAIN_SIZE >= pool:
        chosen = torch.arange(pool)
    if args.limit:
        chosen = chosen[:args.limit]
    train_set = torch.utils.data.Subset(train_set, chosen.tolist())
    train_loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=True,
                              generator=torch.Generator().manual_seed(SEED))
    test_loader = DataLoader(test_set, batch_size=1000)

    torch.manual_seed(SEED)  # the starting weights depend only on the seed
    model = {model_name}().to(device)
    if OPTIMIZER == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=(MOMENTUM, 0.999))
    scheduler = None
    if SCHEDULE == "onecycle":
        scheduler = torch.optim.lr_scheduler.OneCycleLR(
            optimizer, max_lr=LEARNING_RATE, total_steps=EPOCHS * len(train_loader),
            cycle_momentum=OPTIMIZER == "sgd")
    for epoch in range(1, EPOCHS + 1):
        train(model, device, train_loader, optimizer, scheduler, epoch)
        test(model, device, test_loader)
    torch.save(model.state_dict(), "mnist_{model_lower}.pt")


if __name__ == "__main__":
    main()
'''


@functools.cache
def model_source(model_class: type[nn.Module]) -> str:
    """The model class's source, as the script defines it."""
    return inspect.getsource(model_class)


def export_script(config: TrainConfig, label: str = "", model_class: type[nn.Module] = LeNet,
                  file_name: str = "train_mnist.py") -> str:
    """A runnable PyTorch script that trains `model_class` on MNIST by `config`."""
    name = model_class.__name__
    label = label.replace('"', "'").replace("\\", "/")  # it sits inside the script's docstring
    header = HEADER.format(
        model_name=name, label=label or "(unnamed)", file_name=file_name, epochs=config.epochs,
        batch_size=config.batch_size, lr=config.lr, momentum=config.momentum, optimizer=config.optimizer,
        schedule=config.schedule, train_size=config.train_size, seed=config.seed,
        label_smoothing=config.label_smoothing, holdout=config.holdout,
    )
    body = BODY.replace("{model_name}", name).replace("{model_lower}", name.lower())
    return header + "\n\n" + model_source(model_class) + body
