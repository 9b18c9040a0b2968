"""How much sooner the fast preset is good than the classic tutorial's whole run, on this machine.

Baseline: the tutorial's run as it is written: torchvision's MNIST with ToTensor and Normalize,
a shuffled DataLoader of batch 64, SGD lr 0.01 momentum 0.9, cross-entropy, 5 epochs, a test
pass (batch 1000) after each. Its best epoch reached 98.89% test accuracy in the tutorial.
Ours: from pressing Train (data already loaded, as on the page) to the first test pass that
reaches 98.89%, the tutorial's LeNet unchanged, the fast preset's recipe (`PRESETS["fast"]`).
Both start their clock with the data already read and the model not yet built, use the same
number of torch threads, and alternate round by round so that a busy machine hurts both.

Prints the accuracy against seconds of each, the ratio of the medians, the fast preset's final
accuracy, and, as information, one epoch of the classic recipe through `fit` against one epoch
of the tutorial's pipeline. Run from the repository root:
`.venv/bin/python bench/time_to_accuracy.py` (about 5 minutes on an idle 2-core machine), or
`--quick` for a smoke run on a subset (seconds; no ratio is meaningful then).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from bench.train_speed import torchvision_root  # noqa: E402
from core.data import MNIST_MEAN, MNIST_STD, load_tensors  # noqa: E402
from core.model import LeNet  # noqa: E402
from core.training import PRESETS, BatchEvent, EpochEvent, TrainingRun, seeded_model  # noqa: E402
from core.training.curves import TUTORIAL_TEST_ACC  # noqa: E402
from core.training.job import warm_up_worker  # noqa: E402

TARGET = max(TUTORIAL_TEST_ACC)  # 98.89: the tutorial's best epoch
FINAL_FLOOR = 99.0  # the fast preset's final accuracy must not fall below this
QUICK_SIZE = 3_000  # training images in a --quick run


@dataclass
class Curve:
    """One run: (seconds since start, test accuracy %) after each test pass, the CPU seconds this
    process had spent by then, and the epochs' training seconds (test passes left out)."""

    points: list[tuple[float, float]]
    epoch_train_s: list[float]
    cpu_s: list[float]

    @property
    def total_s(self) -> float:
        """Seconds of the whole run."""
        return self.points[-1][0]

    def reached_s(self, target: float) -> float | None:
        """Seconds until the first test pass at or above `target` (None if none is)."""
        return next((s for s, acc in self.points if acc >= target), None)

    def reached_cpu_s(self, target: float) -> float | None:
        """CPU seconds until the first test pass at or above `target` (None if none is)."""
        return next((c for (_, acc), c in zip(self.points, self.cpu_s, strict=True) if acc >= target), None)


class TutorialLeNet(LeNet):
    """The tutorial's LeNet as it is written: ReLU before each pool (ours pools first, which gives
    the same numbers sooner: core/model/lenet.py)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


def tutorial_run(root: Path, epochs: int, device: torch.device, size: int | None, seed: int = 0) -> Curve:
    """The tutorial's whole run, timed from building its loaders and model to its last test pass."""
    from torchvision import datasets, transforms

    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((MNIST_MEAN,), (MNIST_STD,))])
    train_set = datasets.MNIST(str(root), train=True, download=False, transform=transform)
    test_set = datasets.MNIST(str(root), train=False, download=False, transform=transform)
    if size is not None:
        train_set = torch.utils.data.Subset(train_set, range(size))
    started, cpu_started = time.perf_counter(), time.process_time()
    torch.manual_seed(seed)  # the same starting weights as ours; seeds the loader's shuffling too
    model = TutorialLeNet().to(device)
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=64, shuffle=True)
    test_loader = torch.utils.data.DataLoader(test_set, batch_size=1000)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    points, epoch_train_s, cpu_s = [], [], []
    for _ in range(epochs):
        model.train()
        epoch_started = time.perf_counter()
        for images, labels in train_loader:
            images, labels = images.to(device), labels.to(device)
            optimizer.zero_grad()
            loss = F.cross_entropy(model(images), labels)
            loss.backward()
            optimizer.step()
        epoch_train_s.append(time.perf_counter() - epoch_started)
        model.eval()
        correct = 0
        with torch.no_grad():
            for images, labels in test_loader:
                images, labels = images.to(device), labels.to(device)
                correct += (model(images).argmax(dim=1) == labels).sum().item()
        points.append((time.perf_counter() - started, 100.0 * correct / len(test_set)))
        cpu_s.append(time.process_time() - cpu_started)
    return Curve(points, epoch_train_s, cpu_s)


def fit_run(config, train_data, test_data, device: torch.device) -> Curve:
    """A run of `config` through `TrainingRun`, timed as on the page: from pressing Train (data
    loaded) to each epoch's test pass."""
    started, cpu_started = time.perf_counter(), time.process_time()
    run = TrainingRun.start(seeded_model(config.seed), config, device, train_data, test_data)
    points, epoch_train_s, cpu_s, epoch_started = [], [], [], started
    for event in run.events():
        now = time.perf_counter()
        if isinstance(event, BatchEvent) and event.batch == event.batches:  # training done, test next
            epoch_train_s.append(now - epoch_started)
        elif isinstance(event, EpochEvent):
            points.append((now - started, event.test_acc))
            cpu_s.append(time.process_time() - cpu_started)
            epoch_started = now
    return Curve(points, epoch_train_s, cpu_s)


def median_run(curves: list[Curve], seconds) -> Curve:
    """The run whose `seconds` is the median of the rounds."""
    ordered = sorted(curves, key=lambda c: seconds(c) if seconds(c) is not None else float("inf"))
    return ordered[len(ordered) // 2]


def show_curve(name: str, curve: Curve) -> None:
    """Accuracy against seconds, one test pass per column."""
    print(f"  {name:<9}" + "  ".join(f"{s:6.1f} s {acc:5.2f}%" for s, acc in curve.points))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="rounds of both runs; medians count")
    parser.add_argument("--threads", type=int, default=max(1, (os.cpu_count() or 1) - 1),
                        help="torch threads for both sides (default: cores - 1, as the page's worker)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda (both sides use it)")
    parser.add_argument("--quick", action="store_true",
                        help=f"smoke run: {QUICK_SIZE:,} training images, one round, 1-epoch tutorial")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    repeats, size, tutorial_epochs = (1, QUICK_SIZE, 1) if args.quick else (args.repeats, None, 5)
    fast = PRESETS["fast"] if size is None else replace(PRESETS["fast"], train_size=size)
    classic_epoch = replace(PRESETS["classic"], epochs=1, train_size=size or 60_000)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {device}; target {TARGET}%"
          f"{'; QUICK smoke run' if args.quick else ''}")
    print(f"fast preset: {fast}")
    train_data, test_data = load_tensors(True), load_tensors(False)
    warm_up_worker()  # as a training worker starts: PyTorch's first optimizer imports its compiler

    tutorial, ours, classic = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        root = torchvision_root(Path(folder))
        for round_ in range(repeats):
            tutorial.append(tutorial_run(root, tutorial_epochs, device, size))
            ours.append(fit_run(fast, train_data, test_data, device))
            classic.append(fit_run(classic_epoch, train_data, test_data, device))
            reached = ours[-1].reached_s(TARGET)
            print(f"  round {round_ + 1}: tutorial {tutorial[-1].total_s:.1f} s (best "
                  f"{max(a for _, a in tutorial[-1].points):.2f}%), fast preset "
                  f"{'did not reach it' if reached is None else f'{reached:.1f} s to {TARGET}%'} "
                  f"(final {ours[-1].points[-1][1]:.2f}% at {ours[-1].total_s:.1f} s); CPU seconds: "
                  f"tutorial {tutorial[-1].cpu_s[-1]:.1f}, "
                  f"fast preset {ours[-1].reached_cpu_s(TARGET) or 0:.1f}",
                  flush=True)

    print("accuracy against seconds (median run of each side):")
    show_curve("tutorial", median_run(tutorial, lambda c: c.total_s))
    show_curve("fast", median_run(ours, lambda c: c.reached_s(TARGET)))
    baseline = statistics.median(c.total_s for c in tutorial)
    tutorial_reached = [c.reached_s(TARGET) for c in tutorial]
    print(f"tutorial's whole run: {baseline:.1f} s (median of {repeats}); it reached {TARGET}% in "
          f"{sum(r is not None for r in tutorial_reached)} of {repeats} runs")
    finals = [c.points[-1][1] for c in ours]
    print(f"fast preset final accuracy: {finals[0]:.2f}% "
          f"({'ok' if min(finals) >= FINAL_FLOOR else 'BELOW'} the {FINAL_FLOOR}% floor)")
    tutorial_epoch = statistics.median(s for c in tutorial for s in c.epoch_train_s)
    fit_epoch = statistics.median(c.epoch_train_s[0] for c in classic)
    print(f"classic recipe, one epoch's training: tutorial pipeline {tutorial_epoch:.1f} s, fit "
          f"{fit_epoch:.1f} s: {tutorial_epoch / fit_epoch:.1f}x (information)")
    reached = [c.reached_s(TARGET) for c in ours]
    if any(r is None for r in reached):
        print(f"the fast preset did not reach {TARGET}% in every round: no ratio")
        return
    ours_s = statistics.median(reached)
    print(f"time to {TARGET}%: tutorial's whole run {baseline:.1f} s, fast preset {ours_s:.1f} s")
    print(f"the fast preset is good {baseline / ours_s:.1f}x sooner than the tutorial's run")
    cpu_ratio = statistics.median(t.cpu_s[-1] for t in tutorial) / statistics.median(
        c.reached_cpu_s(TARGET) for c in ours)
    print(f"in CPU seconds of this process (less moved by other work on the machine): {cpu_ratio:.1f}x")


if __name__ == "__main__":
    main()
