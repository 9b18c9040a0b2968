"""How long "Teach it my handwriting" takes for 100 collected digits: `python bench/finetune_speed.py`.

Target: under 15 s, everything included (copying the model, both 10,000-image MNIST
evaluations, the held-back digits, the training steps), with the page's default settings,
mixing on and off. The collection is 100 MNIST test digits (ten of each) turned 30° and
thickened, a stand-in for a learner's own. Timed with torch's default thread count, as the
page runs it. The machine is shared, so the time is also given as a ratio to a baseline
measured in the same run: one forward pass over the 10,000 MNIST test images.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/ importable

import numpy as np  # noqa: E402
import torch  # noqa: E402

from core.checkpoint import load_model  # noqa: E402
from core.data import load_mnist, load_tensors  # noqa: E402
from core.handwriting.collection import Collection  # noqa: E402
from core.handwriting.finetune import FinetuneResult, FinetuneSettings, finetune  # noqa: E402
from core.sketch.augment import uniform_change  # noqa: E402
from core.training import evaluate  # noqa: E402

RUNS = 3


def hundred_digits() -> Collection:
    images, labels = load_mnist(train=False)
    chosen = np.concatenate([np.flatnonzero(labels == d)[:10] for d in range(10)])
    ink = torch.from_numpy(images[chosen].astype(np.float32) / 255.0).unsqueeze(1)
    styled = uniform_change(ink, angle=30.0, thickness=1)[:, 0].numpy()
    return Collection(np.round(styled * 255).astype(np.uint8), labels[chosen].astype(np.int64))


def main() -> None:
    model, _ = load_model()
    collection = hundred_digits()
    mnist_train, mnist_test = load_mnist(train=True), load_tensors(train=False)
    baseline = []
    for _ in range(RUNS):
        started = time.perf_counter()
        evaluate(model, *mnist_test)
        baseline.append(time.perf_counter() - started)
    base = statistics.median(baseline)
    print(f"torch threads: {torch.get_num_threads()}; baseline (10,000-image forward pass): {base:.2f} s")
    for mix in (True, False):
        times, result = [], None
        for _ in range(RUNS):
            started = time.perf_counter()
            settings = FinetuneSettings(mix=mix)
            for event in finetune(None, model, collection, settings, mnist_train, mnist_test):
                if isinstance(event, FinetuneResult):
                    result = event
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        verdict = "under" if median < 15 else "OVER"
        print(f"mixing {'on ' if mix else 'off'}: median {median:.1f} s ({verdict} 15 s; "
              f"{median / base:.0f}x the baseline), of which training {result.elapsed_s:.1f} s; "
              f"held-back {result.personal_before:.0f}% -> {result.personal_after:.0f}%, "
              f"MNIST {result.mnist_before:.2f}% -> {result.mnist_after:.2f}%")


if __name__ == "__main__":
    main()
