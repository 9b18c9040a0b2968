"""Rebuild `assets/lenet_mnist.safetensors` with augmentation, so it reads people, not just MNIST.

Recipe (documented in the README and stored in the file's metadata): the pretrained recipe
(`scripts.train_pretrained.RECIPE`: SGD with momentum 0.9, batch 64, one-cycle peaking at
lr 0.05, seed 0, one CPU thread) run for more epochs, each batch of the 60,000 training
images changed at random by `core.sketch.augment.ROBUST` (turns, shifts, scaling, elastic
bending, thicker and thinner strokes; of the share left untouched, half scanned at a low
resolution and fitted again as the sketch page does). Run from the repository root:
`.venv/bin/python -m scripts.train_robust` (10-30 minutes on the shared 2-core machine).
It prints the metadata it wrote.

Choosing a recipe without the test set: `--hold-out 10000` trains on the first 50,000 training
images and reports each epoch on the last 10,000 instead of the test set (score the saved
candidate with `bench/robust_accuracy.py --hold-out 10000`); `--epochs 4` makes a short run and
`--augment low_res=0.4 --augment blur_sigma=0.5,1.2` changes one field of the recipe each.

Fine-tuning: `--from PATH --epochs 2 --lr 0.002 --schedule constant` starts from those weights
instead of fresh ones (the same images and scoring; `--seed` changes the batches' order and the
changes drawn); the metadata keeps the starting file's own under "fine_tuned_from".

Weight averaging: `--ema 0.9995` also keeps an exponential moving average of the weights, moved
towards the trained ones after every optimizer step (LeNet has no BatchNorm, so there are no
statistics to recompute); each epoch reports both, the average goes to `--out` (its metadata
says "ema_decay") and the raw weights beside it as `<out stem>-raw.safetensors`.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, fields, replace
from pathlib import Path

import torch
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

from core.checkpoint import PRETRAINED_PATH, load_model, save_model
from core.data import load_mnist, load_tensors
from core.sketch.augment import ROBUST, Augmentation, RandomChanges, to_input
from core.training import EpochEvent, TrainingRun, seeded_model
from core.training.engine import evaluate
from core.training.meta import training_meta
from scripts.train_pretrained import RECIPE

EPOCHS = 20


def changed_recipe(settings: list[str], base: Augmentation = ROBUST) -> Augmentation:
    """`base` with each "field=value" of `settings` set (a range as "low,high")."""
    kinds = {f.name: f for f in fields(Augmentation)}
    changes = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        if name not in kinds:
            raise SystemExit(f"--augment {setting}: no such field (one of {', '.join(kinds)})")
        default = getattr(base, name)
        if isinstance(default, tuple):
            changes[name] = tuple(type(v)(part) for v, part in zip(default, value.split(","), strict=True))
        else:
            changes[name] = type(default)(value)
    return replace(base, **changes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(PRETRAINED_PATH))
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--train-size", type=int, default=60_000, help="a first slice, for a quick try")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads (1 for the documented figure)")
    parser.add_argument("--hold-out", type=int, default=0,
                        help="keep the last N training images out, and report on them, not the test set")
    parser.add_argument("--augment", action="append", default=[], metavar="FIELD=VALUE",
                        help="change one field of the ROBUST recipe (repeatable)")
    parser.add_argument("--from", dest="start", metavar="PATH",
                        help="start from these weights (a fine-tune), not freshly initialised ones")
    parser.add_argument("--lr", type=float, default=RECIPE.lr,
                        help="the learning rate: the one-cycle's peak, or the constant rate")
    parser.add_argument("--schedule", default=RECIPE.schedule, choices=("onecycle", "constant"))
    parser.add_argument("--seed", type=int, default=RECIPE.seed)
    parser.add_argument("--ema", type=float, default=0.0, metavar="DECAY",
                        help="also keep a moving average of the weights (decay per batch, e.g. 0.9995)")
    args = parser.parse_args()
    if args.hold_out and args.out == str(PRETRAINED_PATH):
        raise SystemExit("--hold-out makes a candidate, not the shipped model: give --out")
    if not 0.0 <= args.ema < 1.0:
        raise SystemExit(f"--ema {args.ema}: a decay in [0, 1) (0: no average)")
    torch.set_num_threads(args.threads)
    how = changed_recipe(args.augment)
    images, labels = load_mnist(train=True)
    kept = min(args.train_size, len(images) - args.hold_out)
    config = replace(RECIPE, epochs=args.epochs, train_size=kept, lr=args.lr, schedule=args.schedule,
                     seed=args.seed)
    ink = torch.from_numpy(images[:kept].astype("float32") / 255.0).unsqueeze(1)
    targets = torch.from_numpy(labels[:kept].copy())
    if args.hold_out:
        held = torch.from_numpy(images[-args.hold_out :].astype("float32") / 255.0).unsqueeze(1)
        scored, scored_on = (to_input(held), torch.from_numpy(labels[-args.hold_out :].copy())), "held-out"
    else:
        scored, scored_on = load_tensors(train=False), "test"
    model = seeded_model(config.seed)
    started_from = {}
    if args.start:
        base, base_meta = load_model(args.start)
        model.load_state_dict(base.state_dict())
        started_from = {"fine_tuned_from": base_meta}
    last = None
    run = TrainingRun.start(model, config, "cpu", (ink, targets), scored, batch_transform=RandomChanges(how))
    averaged = None
    if args.ema:  # made after the run has laid the weights out for the CPU; follows every step
        averaged = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(args.ema))
        run.optimizer.register_step_post_hook(lambda *_: averaged.update_parameters(model))
    for event in run.events():
        if isinstance(event, EpochEvent):
            last = event
            line = (f"epoch {event.epoch}: train loss {event.train_loss:.4f} acc {event.train_acc:.2f}%  "
                    f"{scored_on} loss {event.test_loss:.4f} acc {event.test_acc:.2f}%")
            if averaged is not None:
                ema_loss, ema_acc, _ = evaluate(averaged.module, *scored)
                line += f"  ema loss {ema_loss:.4f} acc {ema_acc:.2f}%"
            print(f"{line}  ({event.elapsed_s:.0f} s)", flush=True)
    held_out = {"held_out": args.hold_out} if args.hold_out else {}

    def meta_for(accuracy: float, loss: float, **extra: object) -> dict:
        return training_meta(config, epochs=last.epoch, test_acc=accuracy, test_loss=loss,
                             device=torch.device("cpu"), source="pretrained", augmentation=asdict(how),
                             torch=torch.__version__.split("+")[0], threads=torch.get_num_threads(),
                             **held_out, **started_from, **extra)

    meta = meta_for(last.test_acc, last.test_loss)
    raw_out = args.out
    if averaged is not None:
        out = Path(args.out)
        raw_out = str(out.with_name(f"{out.stem}-raw{out.suffix}"))
    save_model(model, raw_out, meta)
    print(f"saved {raw_out}: {scored_on} accuracy {last.test_acc:.2f}% after {last.elapsed_s:.0f} s")
    if averaged is not None:
        ema_loss, ema_acc, _ = evaluate(averaged.module, *scored)
        meta = meta_for(ema_acc, ema_loss, ema_decay=args.ema)
        save_model(averaged.module, args.out, meta)
        print(f"saved {args.out} (the weights' moving average): {scored_on} accuracy {ema_acc:.2f}%")
    print(json.dumps(meta, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
