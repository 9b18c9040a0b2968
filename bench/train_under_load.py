"""A training run's images/s alone and while other threads render pages: in the server's process
(as the training page used to train) against a worker process (core/worker_pool.py).

The "pages" are threads building and validating the convolution page's Altair specs in a loop,
as a Streamlit server does for every visitor (Python work that holds the interpreter lock). Each
run trains one epoch on a subset; its speed is the engine's own images/s (training time only).
Prints each mode's speed and the ratio loaded/alone, measured in this one run.

    .venv/bin/python bench/train_under_load.py --renderers 2 --train-size 5000 --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from core.convolution.charts import map_gallery, number_grid  # noqa: E402
from core.data import load_tensors  # noqa: E402
from core.training import BatchEvent, TrainConfig, TrainingRun, seeded_model  # noqa: E402
from core.training.job import train_job, warm_up_worker  # noqa: E402
from core.worker_pool import WorkerPool  # noqa: E402


def render_pages(stop: threading.Event, counter: list[int]) -> None:
    """Build the convolution page's kind of charts until told to stop (one page view a loop)."""
    rng = np.random.default_rng(0)
    while not stop.is_set():
        number_grid(rng.random((7, 7)), title="input").to_dict()
        number_grid(rng.random((5, 5)), title="output", filled=12).to_dict()
        map_gallery(rng.random((6, 12, 12)), "map {n}", columns=6).to_dict()
        counter[0] += 1


class Renderers:
    """`count` page-rendering threads, running for the `with` block."""

    def __init__(self, count: int):
        self.count, self.stop, self.views = count, threading.Event(), [0]

    def __enter__(self) -> Renderers:
        self.threads = [threading.Thread(target=render_pages, args=(self.stop, self.views), daemon=True)
                        for _ in range(self.count)]
        for thread in self.threads:
            thread.start()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()
        self.rate = self.views[0] / (time.perf_counter() - self.started)


def in_process(config: TrainConfig, data) -> float:
    """One epoch trained by a thread of this process, as the page used to: images/s."""
    speed = [0.0]

    def train() -> None:
        run = TrainingRun.start(seeded_model(config.seed), config, "cpu", *data)
        for event in run.events(report_every=10):
            if isinstance(event, BatchEvent):
                speed[0] = event.samples_per_s

    thread = threading.Thread(target=train)  # Streamlit runs each script run in its own thread
    thread.start()
    thread.join()
    return speed[0]


def in_worker(pool: WorkerPool, config: TrainConfig) -> float:
    """One epoch trained by a worker while this process follows its events as the page does: images/s."""
    speed = 0.0
    run = pool.submit(train_job, config, "cpu", None, 10)
    while run.alive:
        for event in run.poll():
            if isinstance(event, BatchEvent):
                speed = event.samples_per_s
        time.sleep(0.1)
    return speed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renderers", type=int, default=2, help="page-rendering threads (default 2)")
    parser.add_argument("--train-size", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each mode (medians)")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    config = TrainConfig(epochs=1, train_size=args.train_size, batch_size=args.batch_size)
    data = (load_tensors(train=True), load_tensors(train=False))
    pool = WorkerPool(size=1, warm_up=warm_up_worker)
    pool.warm()
    in_worker(pool, TrainConfig(epochs=1, train_size=1_000))  # the worker is up and has run once
    in_process(TrainConfig(epochs=1, train_size=1_000), data)
    print(f"torch threads: server {torch.get_num_threads()}, worker {pool.threads}; {args.renderers} "
          f"rendering threads; one epoch of {args.train_size:,} images, batch {args.batch_size}; "
          f"medians of {args.rounds}")
    modes = {"in-process": lambda: in_process(config, data), "worker": lambda: in_worker(pool, config)}
    alone, loaded, pages = ({mode: [] for mode in modes} for _ in range(3))
    for _ in range(args.rounds):  # interleaved, so a change in the machine's load hits every mode alike
        for mode, measure in modes.items():
            alone[mode].append(measure())
            with Renderers(args.renderers) as renderers:
                loaded[mode].append(measure())
            pages[mode].append(renderers.rate)
    for mode in modes:
        solo, busy = statistics.median(alone[mode]), statistics.median(loaded[mode])
        print(f"{mode:>10}: alone {solo:7,.0f} images/s, while rendering {busy:7,.0f} images/s = "
              f"{100 * busy / solo:5.1f}% (pages rendered meanwhile: {statistics.median(pages[mode]):.1f}/s)")
    ratio = statistics.median(loaded["worker"]) / statistics.median(loaded["in-process"])
    print(f"under load the worker trains {ratio:.1f}x faster than the server's own thread")
    pool.shutdown()


if __name__ == "__main__":
    main()
