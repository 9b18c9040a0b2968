"""How long the experiments page takes to redraw with a full store: `python bench/experiments_redraw.py`.

The store holds 12 runs of 20 epochs (the cap, and the longest run the page allows), each with
a real checkpoint (weights, SGD momentum, generator state) at every epoch. Timed with AppTest
(the script run as the server runs it, plus AppTest's own bookkeeping: an upper bound):
selecting runs in the table (two, then all twelve) and moving the replay slider. Target
(issue 10): under 300 ms. The home page's rerun, timed in the same process, is the baseline
the ratios are against: on this busy machine compare the ratio, not the milliseconds.
Also prints the memory one run holds.
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/ and tests/ importable

import numpy as np  # noqa: E402
import torch  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from core.data import load_tensors  # noqa: E402
from core.experiments.store import RunStore  # noqa: E402
from core.model import LENET  # noqa: E402
from core.training import TrainConfig, TrainingRun, seeded_model  # noqa: E402
from core.training.record import DONE, RunRecord  # noqa: E402
from tests.apptest import APP  # noqa: E402
from ui.experiments import STORE_KEY  # noqa: E402

RUNS, EPOCHS, REPEATS = 12, 20, 7


def full_store() -> RunStore:
    """12 runs of 20 epochs: one real epoch's state, copied and nudged for every other epoch."""
    train, test = load_tensors(True), load_tensors(False)
    config = TrainConfig(epochs=1, train_size=1_000, batch_size=64)
    training = TrainingRun.start(seeded_model(0), config, "cpu", train, (test[0][:1000], test[1][:1000]))
    events = list(training.events(report_every=1))
    snapshot = training.checkpoint()
    confusion = events[-1].confusion
    store = RunStore()
    rng = np.random.default_rng(0)
    for run_id in range(1, RUNS + 1):
        lr = [0.001, 0.01, 0.1][run_id % 3]
        run = RunRecord(config=TrainConfig(epochs=EPOCHS, lr=lr, seed=run_id), design=LENET, device="cpu",
                        status=DONE)
        curves = run.curves
        for epoch in range(EPOCHS + 1):
            state = copy.deepcopy(snapshot)
            state.model = {k: v + 0.01 * epoch for k, v in state.model.items()}
            run.checkpoints[epoch] = state
            curves.filters[epoch] = state.model["conv1.weight"].numpy().reshape(-1, 5, 5)
            if epoch:
                curves.confusions[epoch] = confusion
                loss = 2.0 / (epoch + 1) * (1 + 0.05 * rng.standard_normal())
                curves.epochs.append({"epoch": epoch, "train_loss": loss, "test_loss": loss * 1.1,
                                   "train_acc": 100 - 10 * loss, "test_acc": 100 - 12 * loss})
        curves.batch_epochs = list(np.linspace(0, EPOCHS, 25 * EPOCHS))
        curves.batch_losses = list(2.0 / (np.asarray(curves.batch_epochs) + 1))
        run.elapsed_s, run.seen = 60.0, 300_000
        store.keep(run)
    return store


def timed(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return time.perf_counter() - started


def select(at: AppTest, rows: list[int]) -> None:
    at.session_state["experiments.table"] = {"selection": {"rows": rows, "columns": [], "cells": []}}


def main() -> None:
    torch.set_num_threads(1)
    store = full_store()
    print(f"memory of one run of {EPOCHS} epochs (SGD): {store.runs[0].nbytes / 1e6:.1f} MB; "
          f"{RUNS} runs: {sum(r.nbytes for r in store.runs) / 1e6:.0f} MB; "
          f"a checkpoint: {store.runs[0].checkpoints[1].nbytes:,} bytes")
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = "en"
    at.session_state[STORE_KEY] = store
    at.run()
    home = [timed(at) for _ in range(REPEATS)]
    at.switch_page("pages/experiments.py")
    timed(at)  # first visit: caches fill
    figures = {}
    for name, rows in (("select two runs", [0, 1]), ("select all twelve", list(range(RUNS)))):
        times = []
        for _ in range(REPEATS):
            select(at, [])
            at.run()
            select(at, rows)
            times.append(timed(at))
        figures[name] = times
    times = []
    for i in range(REPEATS):
        at.select_slider(key="experiments.epoch").set_value(3 * i % (EPOCHS + 1))  # a new epoch each time
        times.append(timed(at))
    figures["move the replay slider (12 selected)"] = times
    baseline = statistics.median(home)
    print(f"baseline, home page rerun: {1000 * baseline:.0f} ms (median of {REPEATS})")
    for name, times in figures.items():
        median = statistics.median(times)
        verdict = "under" if median < 0.3 else "OVER"
        print(f"{name:40s} median {1000 * median:5.0f} ms, max {1000 * max(times):5.0f} ms, "
              f"{median / baseline:4.1f}x the home page; {verdict} the 300 ms target")


if __name__ == "__main__":
    main()
