"""Rebuild `assets/lenet_mnist.safetensors` with augmentation, so it reads people, not just MNIST.

Recipe (documented in the README and stored in the file's metadata): the pretrained recipe
(`scripts.train_pretrained.RECIPE`: SGD with momentum 0.9, batch 64, one-cycle peaking at
lr 0.05, seed 0, one CPU thread) run for more epochs, each batch of the 60,000 training
images changed at random by `core.sketch.augment.ROBUST` (turns, shifts, scaling, elastic
bending, thicker and thinner strokes; a share left untouched). Run from the repository root:
`.venv/bin/python -m scripts.train_robust` (about 28 minutes on the busy 2-core machine).
It prints the metadata it wrote.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, replace

import torch

from core.checkpoint import PRETRAINED_PATH, save_model
from core.data import load_mnist, load_tensors
from core.sketch.augment import ROBUST, RandomChanges
from core.training import EpochEvent, TrainingRun, seeded_model
from core.training.meta import training_meta
from scripts.train_pretrained import RECIPE

EPOCHS = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(PRETRAINED_PATH))
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--train-size", type=int, default=60_000, help="a first slice, for a quick try")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads (1 for the documented figure)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    config = replace(RECIPE, epochs=args.epochs, train_size=args.train_size)
    images, labels = load_mnist(train=True)
    ink = torch.from_numpy(images[: args.train_size].astype("float32") / 255.0).unsqueeze(1)
    targets = torch.from_numpy(labels[: args.train_size].copy())
    model = seeded_model(config.seed)
    last = None
    run = TrainingRun.start(model, config, "cpu", (ink, targets), load_tensors(train=False),
                            batch_transform=RandomChanges(ROBUST))
    for event in run.events():
        if isinstance(event, EpochEvent):
            last = event
            print(f"epoch {event.epoch}: train loss {event.train_loss:.4f} acc {event.train_acc:.2f}%  "
                  f"test loss {event.test_loss:.4f} acc {event.test_acc:.2f}%  ({event.elapsed_s:.0f} s)",
                  flush=True)
    meta = training_meta(config, epochs=last.epoch, test_acc=last.test_acc, test_loss=last.test_loss,
                         device=torch.device("cpu"), source="pretrained", augmentation=asdict(ROBUST),
                         torch=torch.__version__.split("+")[0], threads=torch.get_num_threads())
    save_model(model, args.out, meta)
    print(f"saved {args.out}: test accuracy {last.test_acc:.2f}%")
    print(json.dumps(meta, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
