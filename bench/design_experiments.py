"""Time the design page's two experiments: `.venv/bin/python -m bench.design_experiments [--threads N]`.

Prints each experiment's result and wall time at the page's budgets, on one thread as the page
runs them, with the load average (this machine is shared: read the times against the one-LeNet
baseline printed beside them, measured in the same run).
"""

from __future__ import annotations

import argparse
import os
import time

import torch

from core.data import load_tensors
from core.design.experiments import CONVOLUTION_BUDGET, RELU_BUDGET, TEST_SIZE, why_convolution, why_relu
from core.model import PRESETS
from core.training import TrainingRun, seeded_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (the page uses 1)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    train = load_tensors(train=True)
    test_x, test_y = load_tensors(train=False)
    test = (test_x[:TEST_SIZE], test_y[:TEST_SIZE])
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; "
          f"{args.threads} thread(s)")

    started = time.perf_counter()
    run = TrainingRun.start(seeded_model(0, PRESETS["lenet"]), CONVOLUTION_BUDGET, "cpu", train, test)
    for _ in run.events():
        pass
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    convolution = why_convolution(train, test, CONVOLUTION_BUDGET)
    convolution_s = time.perf_counter() - started
    for (name, shuffled), accuracy in convolution.accuracy.items():
        print(f"{name:6} {'shuffled' if shuffled else 'original':9} {accuracy:5.1f}%  "
              f"({convolution.parameters[name]:,} parameters)")

    started = time.perf_counter()
    relu = why_relu(train, test, RELU_BUDGET)
    relu_s = time.perf_counter() - started
    for fn, losses in relu.losses.items():
        grads = relu.gradients[fn].mean(axis=0)
        print(f"{fn:7} last loss {sum(losses[-20:]) / 20:.2f}, test {relu.accuracy[fn]:.1f}%, "
              f"mean |grad| fc1 {grads[0]:.1e}, last layer {grads[-1]:.1e}")

    print(f"Why convolution?: {convolution_s:.1f} s (four runs; {convolution_s / baseline:.1f} × one "
          f"LeNet run alone, {baseline:.1f} s)")
    print(f"Why ReLU?: {relu_s:.1f} s (two deep MLP runs; {relu_s / baseline:.2f} × one LeNet run)")
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
