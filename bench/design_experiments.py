"""Time the "Why convolution?" experiment: `.venv/bin/python -m bench.design_experiments`.

Prints the 2 x 2 table of test accuracy and the wall time (this machine is shared: read the time
against the one-network baseline printed beside it, measured in the same run).
"""

from __future__ import annotations

import time

from core.data import load_tensors
from core.design.experiments import why_convolution
from core.model import PRESETS
from core.training import TrainConfig, TrainingRun, seeded_model

CONFIG = TrainConfig(epochs=2, train_size=2_000, lr=0.05, seed=0)


def main() -> None:
    train = load_tensors(train=True)
    test_x, test_y = load_tensors(train=False)
    test = (test_x[:2_000], test_y[:2_000])
    started = time.perf_counter()
    run = TrainingRun.start(seeded_model(0, PRESETS["lenet"]), CONFIG, "cpu", train, test)
    for _ in run.events():
        pass
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    result = why_convolution(train, test, CONFIG)
    elapsed = time.perf_counter() - started
    for (name, shuffled), accuracy in result.accuracy.items():
        print(f"{name:6} {'shuffled' if shuffled else 'original':9} {accuracy:5.1f}%  "
              f"({result.parameters[name]:,} parameters)")
    print(f"experiment: {elapsed:.1f} s; one LeNet run alone: {baseline:.1f} s "
          f"(ratio {elapsed / baseline:.1f}, four runs)")


if __name__ == "__main__":
    main()
