"""The plain LeNet recipe, no augmentation: the shipped model until scripts/train_robust.py.

Recipe (stored in the file's metadata): SGD with momentum 0.9,
batch 64, a one-cycle schedule peaking at lr 0.05, 10 epochs over all 60,000 training
images, seed 0, on the CPU with one thread (the order of floating-point sums, and so the last
digits of the result, depends on the thread count; one thread gives the same figure on any
machine with the same torch build). Run from the repository root:
`.venv/bin/python -m scripts.train_pretrained` (about 40 s when the machine is quiet).
The script prints the metadata it wrote.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

import torch

from core.checkpoint import PRETRAINED_PATH, save_model
from core.training import EpochEvent, TrainConfig, fit, pick_device, seeded_model
from core.training.meta import training_meta

RECIPE = TrainConfig(epochs=10, batch_size=64, lr=0.05, momentum=0.9, optimizer="sgd",
                     schedule="onecycle", seed=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(PRETRAINED_PATH))
    parser.add_argument("--epochs", type=int, default=RECIPE.epochs)
    parser.add_argument("--device", default="cpu", help="cpu (the documented figure), cuda, mps or auto")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads (1 for the documented figure)")
    args = parser.parse_args()
    config = TrainConfig(**{**asdict(RECIPE), "epochs": args.epochs})
    device = pick_device() if args.device == "auto" else torch.device(args.device)
    torch.set_num_threads(args.threads)
    model = seeded_model(config.seed)
    last = None
    for event in fit(model, config, device):
        if isinstance(event, EpochEvent):
            last = event
            print(f"epoch {event.epoch}: train loss {event.train_loss:.4f} "
                  f"acc {event.train_acc:.2f}%  test loss {event.test_loss:.4f} "
                  f"acc {event.test_acc:.2f}%  ({event.elapsed_s:.0f} s)", flush=True)
    meta = training_meta(config, epochs=last.epoch, test_acc=last.test_acc, test_loss=last.test_loss,
                         device=device, source="pretrained", torch=torch.__version__.split("+")[0],
                         threads=torch.get_num_threads() if device.type == "cpu" else None)
    save_model(model.cpu(), args.out, meta)
    print(f"saved {args.out}: test accuracy {last.test_acc:.2f}%")
    print(json.dumps(meta, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
