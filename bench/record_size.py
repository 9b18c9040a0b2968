"""How many bytes one run's record takes, epoch by epoch: `python bench/record_size.py`.

Trains LeNet in this process as the training page's session does (its own report interval, the
whole test set judged each epoch), under the classic SGD recipe and under Adam, and after every
epoch's end (an observer of the session, as the experiments bench is) writes the record with
`RunRecord.to_bytes` and reads it back. Prints the bytes after each epoch and what each epoch
adds: a checkpoint (weights, the optimizer's buffers, the shuffler's state), the epoch's
filters and confusion matrix, its curve points. `--train-size` (default 6,000) only changes the
curves' length and the time it takes; the checkpoints are the same size on all 60,000 images.
Prints, no target; the workspace stores exactly these bytes.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/ importable

import torch  # noqa: E402

from core.data import load_tensors  # noqa: E402
from core.training import PRESETS, TrainConfig  # noqa: E402
from core.training.record import RunRecord, same_record  # noqa: E402
from core.training.session import EPOCH_ENDED, TrainingSession  # noqa: E402


def measure(name: str, config: TrainConfig) -> None:
    """Train `config`, printing the record's size after each epoch and on finishing."""
    session = TrainingSession.start(config, "cpu", load_tensors(True), load_tensors(False))
    sizes: list[int] = []

    def weigh(record: RunRecord, what: str) -> None:
        started = time.perf_counter()
        data = record.to_bytes()
        written = time.perf_counter() - started
        assert same_record(RunRecord.from_bytes(data), record)
        sizes.append(len(data))
        label = f"epoch {len(sizes) - 1}" if what == EPOCH_ENDED else f"{what}   "
        added = len(data) - sizes[-2] if len(sizes) > 1 else len(data)
        print(f"  {label}: {len(data):>10,} bytes  (+{added:,}; written in {1000 * written:.0f} ms)")

    print(f"{name}: {config}")
    weigh(session.record, EPOCH_ENDED)  # before the first batch: the starting weights only
    session.observers.append(weigh)
    for event in session.run.events(report_every=session.report_every):
        session.take(event)
    session.finish()
    checkpoint = session.record.checkpoints[config.epochs]
    per_epoch = (sizes[-2] - sizes[0]) / config.epochs
    print(f"  a checkpoint's tensors: {checkpoint.nbytes:,} bytes (weights {checkpoint.weight_bytes:,}); "
          f"about {per_epoch:,.0f} bytes an epoch in all; a 20-epoch run about "
          f"{(sizes[0] + 20 * per_epoch + sizes[-1] - sizes[-2]) / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--train-size", type=int, default=6_000)
    args = parser.parse_args()
    torch.set_num_threads(1)
    classic = replace(PRESETS["classic"], epochs=args.epochs, train_size=args.train_size)
    adam = replace(PRESETS["fast"], epochs=args.epochs, train_size=args.train_size)
    measure("LeNet, SGD (classic)", classic)
    measure("LeNet, Adam (fast)", adam)


if __name__ == "__main__":
    main()
