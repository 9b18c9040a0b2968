"""A full workspace of real run records, as the app keeps and opens it: `python bench/workspace_session.py`.

Trains one short LeNet run in this process (TrainingSession, 2,000 images, 2 epochs, the whole test set
judged), then makes 12 run records of 20 epochs each from it without training 240 epochs: the record
copied under a new id, its last epoch's checkpoint (weights, SGD momentum, shuffler: about 360 kB) repeated
for epochs 1..20, its curves drawn on to 20 epochs (epoch rows, filters and a confusion matrix an epoch, 25
batch points an epoch). A 200-digit collection, an active model, a design, a language and answers complete
the workspace. Everything is written as the app writes it: `RunShelf(ws).keep(record)` at each epoch's end,
the single things through core.workspace.items and `ws.put`. Prints:

- keeping an epoch: `RunShelf.keep` after one more epoch (head and checkpoint serialised and written in one
  transaction), median and p95 (target <= 20 ms), against the same bytes written by `ws.write` (the store's
  share) and to plain files with fsync, in this run;
- opening the full workspace in a new session, in fresh processes (nothing cached): `RunShelf(ws).load_all()`
  and every kept single thing read and decoded (core.workspace.items.KEPT), median of 5 (target <= 0.3 s);
  `open_store` and the imports apart (a server pays them once);
- the server's memory for 20 learners of 12 such runs, each in its own fresh process (VmRSS after gc, less
  VmRSS before): every record whole with its 21 checkpoints (as before the store held them), against 20
  `RunShelf.load_all()` of the workspace (heads only; the same workspace read 20 times, 20 shelves: what 20
  learners' heads cost), and their ratio.

SQLite in a temporary APP_DATA_DIR (removed after), or `--database-url` (e.g. PostgreSQL; the bench's
workspace is forgotten after). Prints, no pass/fail; the machine is shared, so compare figures of one run.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/ importable

STARTED = time.perf_counter()
import numpy as np  # noqa: E402
import torch  # noqa: E402

from core.handwriting.collection import Collection  # noqa: E402
from core.model import LENET  # noqa: E402
from core.store import open_store  # noqa: E402
from core.training.record import DONE, RUNNING, RunRecord, checkpoint_to_bytes  # noqa: E402
from core.workspace.items import ANSWERS, DESIGN, DIGITS, KEPT, LANGUAGE, MODEL  # noqa: E402
from core.workspace.runs import CHECKPOINT, RUN, RunShelf, checkpoint_name  # noqa: E402

IMPORTED_S = time.perf_counter() - STARTED
RUNS, EPOCHS, POINTS_PER_EPOCH, LEARNERS, OPENINGS = 12, 20, 25, 20, 5
LIMITS = {"max_workspace_bytes": 10**9, "new_per_hour": 10**6}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def vm_rss() -> int:
    """This process's resident memory in bytes (/proc/self/status)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


# --- a full workspace of real records ---------------------------------------------------------------

def trained_record() -> RunRecord:
    """One real LeNet SGD run trained here as the training page's session does: 2 epochs, 2,000 images."""
    from core.data import load_tensors
    from core.training import PRESETS
    from core.training.session import TrainingSession

    config = dataclasses.replace(PRESETS["classic"], epochs=2, train_size=2_000)
    session = TrainingSession.start(config, "cpu", load_tensors(True), load_tensors(False))
    for event in session.run.events(report_every=session.report_every):
        session.take(event)
    session.finish()
    record = session.record
    assert record.status == DONE and sorted(record.checkpoints) == [0, 1, 2] and record.results is not None
    return record


def twenty_epochs(base: RunRecord, number: int) -> RunRecord:
    """A 20-epoch record made from `base` (a new id, created `number` seconds after it): its last epoch's
    checkpoint repeated for epochs 1..20 (deep copies: no tensor is shared), its curves drawn on."""
    last = base.checkpoints[max(base.checkpoints)]
    config = dataclasses.replace(base.config, epochs=EPOCHS)
    per_epoch_s = base.elapsed_s / base.epochs_done
    checkpoints = {0: copy.deepcopy(base.checkpoints[0])}
    for epoch in range(1, EPOCHS + 1):
        checkpoints[epoch] = dataclasses.replace(
            copy.deepcopy(last), config=config, epoch=epoch + 1, seen=epoch * config.train_size,
            elapsed_s=epoch * per_epoch_s)
    curves = copy.deepcopy(base.curves)
    row, conv, confusion = curves.epochs[-1], curves.filters[max(curves.filters)], curves.confusions[
        max(curves.confusions)]
    losses = base.curves.batch_losses or [0.1]
    curves.batch_epochs, curves.batch_seconds, curves.batch_losses = [], [], []
    for step in range(EPOCHS * POINTS_PER_EPOCH):
        reached = (step + 1) / POINTS_PER_EPOCH
        curves.batch_epochs.append(reached)
        curves.batch_seconds.append(reached * per_epoch_s)
        curves.batch_losses.append(losses[step % len(losses)])
    curves.epochs = [{**row, "epoch": e, "seconds": e * per_epoch_s} for e in range(1, EPOCHS + 1)]
    curves.filters = {epoch: conv.copy() for epoch in range(EPOCHS + 1)}
    curves.confusions = {epoch: confusion.copy() for epoch in range(1, EPOCHS + 1)}
    return dataclasses.replace(
        base, config=config, id=uuid.uuid4().hex, created_at=base.created_at + number, curves=curves,
        checkpoints=checkpoints, status=DONE, results=copy.deepcopy(base.results),
        elapsed_s=EPOCHS * per_epoch_s, seen=EPOCHS * config.train_size, name=None)


def live_at(full: RunRecord, epoch: int, live: RunRecord | None) -> RunRecord:
    """The run `full` as it stood at the end of `epoch` while training: the same record object epoch after
    epoch (the session's), its curves up to `epoch`, its checkpoint for `epoch` added."""
    if live is None:
        live = dataclasses.replace(full, checkpoints={}, status=RUNNING, results=None)
    live.curves = full.curves.up_to(epoch)
    live.checkpoints[epoch] = full.checkpoints[epoch]
    live.elapsed_s, live.seen = full.checkpoints[epoch].elapsed_s, full.checkpoints[epoch].seen
    if epoch == EPOCHS:
        live.status, live.results = DONE, full.results
    return live


def single_things(base: RunRecord) -> list[tuple[object, object]]:
    """The workspace's single kept things (core.workspace.items) and their values."""
    rng = np.random.default_rng(0)
    digits = Collection(rng.integers(0, 256, (200, 28, 28), dtype=np.uint8), rng.integers(0, 10, 200))
    model = (base.model_at(max(base.checkpoints)), base.meta(max(base.checkpoints), "trained"))
    return [(LANGUAGE, "en"), (DESIGN, LENET), (MODEL, model), (DIGITS, digits),
            (ANSWERS, {f"prompt{i}": i for i in range(20)})]


def build(store, ws, base: RunRecord, folder: Path) -> dict[str, list[float]]:
    """Write the whole workspace as the app does; the seconds each epoch's keep took, with baselines."""
    times: dict[str, list[float]] = {"keep": [], "write": [], "fsync": [], "head": [], "checkpoint": [],
                                     "head_bytes": []}
    shelf = RunShelf(ws)
    raw, version = store.workspace(store.new_secret()), None  # the store's share: the same bytes, serialised
    for number in range(RUNS):
        full, live = twenty_epochs(base, number), None
        for epoch in range(EPOCHS + 1):
            live = live_at(full, epoch, live)
            started = time.perf_counter()
            shelf.keep(live)
            times["keep"].append(time.perf_counter() - started)
            if number == 0:  # one run's epochs as baselines (the store's share, plain files)
                started = time.perf_counter()
                head = live.head_bytes()
                times["head"].append(time.perf_counter() - started)
                started = time.perf_counter()
                checkpoint = checkpoint_to_bytes(live.checkpoints[epoch])
                times["checkpoint"].append(time.perf_counter() - started)
                times["head_bytes"].append(len(head))
                started = time.perf_counter()
                puts = [(RUN, live.id, head, version),
                        (CHECKPOINT, checkpoint_name(live.id, epoch), checkpoint, None)]
                version = raw.write(puts)[(RUN, live.id)]
                times["write"].append(time.perf_counter() - started)
                started = time.perf_counter()
                for name, data in (("head", head), (str(epoch), checkpoint)):
                    with open(folder / name, "wb") as file:
                        file.write(data)
                        file.flush()
                        os.fsync(file.fileno())
                times["fsync"].append(time.perf_counter() - started)
    raw.forget()
    for kept, value in single_things(base):
        ws.put(kept.kind, kept.name, kept.to_bytes(value), None)
    return times


# --- children: one fresh process each ------------------------------------------------------------------

def child_open(url: str, secret: str) -> dict[str, float]:
    """What a new session does when it opens the workspace (ui.workspace.open_session, open_kept_runs)."""
    started = time.perf_counter()
    store = open_store(url, **LIMITS)
    opened = time.perf_counter() - started
    times, singles = [], []
    for _ in range(2):  # the first: a fresh process's; the second: the same process's next session
        started = time.perf_counter()
        ws = store.workspace(secret, "127.0.0.1")
        assert ws.exists()
        values = [kept.from_bytes(ws.get(kept.kind, kept.name).data) for kept in KEPT]
        ws.touch()
        singles.append(time.perf_counter() - started)
        records = RunShelf(ws).load_all()
        times.append(time.perf_counter() - started)
        assert len(records) == RUNS and len(values) == len(KEPT)
    store.dispose()
    return {"imports": IMPORTED_S, "open_store": opened, "session": times[0], "next_session": times[1],
            "singles": singles[0]}


def child_memory(url: str, secret: str, whole: bool) -> dict[str, float]:
    """RSS that 20 learners' runs add to a process: whole records (every checkpoint in memory), or heads."""
    store = open_store(url, **LIMITS)
    ws = store.workspace(secret)
    RunShelf(ws).load_all()  # once, not counted: the first read's lazy imports and caches
    gc.collect()
    before = vm_rss()
    learners = []
    for _ in range(LEARNERS):
        records = RunShelf(ws).load_all()  # a new shelf each: 20 learners, nothing shared
        if whole:  # as before the store: every checkpoint held (each read anew: its own tensors)
            for record in records:
                record.checkpoints = {epoch: record.checkpoints[epoch] for epoch in record.checkpoints}
        learners.append(records)
    gc.collect()
    grown = vm_rss() - before
    held = sum(record.nbytes for records in learners for record in records)
    store.dispose()
    return {"rss": grown, "nbytes": held, "runs": sum(map(len, learners))}


def in_child(mode: str, url: str, secret: str) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", mode, "--database-url", url, "--secret", secret]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the bench ---------------------------------------------------------------------------------------

def measure(url: str, folder: Path) -> None:
    started = time.perf_counter()
    base = trained_record()
    size = len(checkpoint_to_bytes(base.checkpoints[2]))
    print(f"one real LeNet SGD run trained here (2,000 images, 2 epochs): "
          f"{time.perf_counter() - started:.1f} s; its checkpoint {size:,} bytes")
    started = time.perf_counter()
    store = open_store(url, **LIMITS)
    opened = time.perf_counter() - started
    secret = store.new_secret()
    ws = store.workspace(secret, "127.0.0.1")
    try:
        started = time.perf_counter()
        times = build(store, ws, base, folder)
        built = time.perf_counter() - started
        summary = ws.summary()
        print(f"== {store.engine.dialect.name}: open_store {opened * 1000:.0f} ms here; the workspace "
              f"written in {built:.1f} s: {summary.get(RUN)} runs, {summary.get(CHECKPOINT)} checkpoints, "
              f"{summary['bytes'] / 1e6:.1f} MB of items")
        keep, write, fsync = (statistics.median(times[k]) for k in ("keep", "write", "fsync"))
        keep_p95 = percentile(times["keep"], 0.95)
        print(f"  keeping an epoch (RunShelf.keep: head + checkpoint serialised, one transaction), "
              f"{len(times['keep'])} keeps: median {keep * 1000:.1f} ms, p95 {keep_p95 * 1000:.1f} ms "
              f"(target <= 20 ms); the same bytes by ws.write {write * 1000:.1f} ms ({keep / write:.2f}x), "
              f"to plain files with fsync {fsync * 1000:.1f} ms ({keep / fsync:.2f}x); serialising alone: "
              f"the head {statistics.median(times['head']) * 1000:.1f} ms (median; "
              f"{times['head_bytes'][-1] / 1000:.0f} kB at epoch 20), the checkpoint "
              f"{statistics.median(times['checkpoint']) * 1000:.1f} ms")
        openings = [in_child("open", url, secret) for _ in range(OPENINGS)]
        session = statistics.median(o["session"] for o in openings)
        nxt = statistics.median(o["next_session"] for o in openings)
        worst = max(o["session"] for o in openings)
        singles = statistics.median(o["singles"] for o in openings)
        print(f"  opening the full workspace in a new session (load_all + {len(KEPT)} single things "
              f"decoded), {OPENINGS} fresh processes: median {session * 1000:.0f} ms, worst "
              f"{worst * 1000:.0f} ms (target <= 300 ms), of which the single things {singles * 1000:.0f} ms "
              f"and the {RUNS} heads {(session - singles) * 1000:.0f} ms; the same process's next "
              f"session {nxt * 1000:.0f} ms ({session / nxt:.2f}x); apart: open_store "
              f"{statistics.median(o['open_store'] for o in openings) * 1000:.0f} ms, imports "
              f"{statistics.median(o['imports'] for o in openings):.1f} s (once per server process)")
        whole, heads = in_child("whole", url, secret), in_child("heads", url, secret)
        mb = 1024 * 1024
        print(f"  server memory, {LEARNERS} learners x {RUNS} runs of {EPOCHS} epochs, each in a fresh "
              f"process (VmRSS after gc, less before):")
        print(f"    every record whole, 21 checkpoints each (before the store): {whole['rss'] / mb:,.0f} MB "
              f"({whole['nbytes'] / mb:,.0f} MB of tensors and arrays, {whole['runs']} runs)")
        print(f"    with the store, {LEARNERS} x RunShelf.load_all() of this workspace (heads only; the same "
              f"workspace read {LEARNERS} times, as {LEARNERS} learners' heads): {heads['rss'] / mb:,.0f} MB "
              f"({heads['nbytes'] / mb:,.1f} MB of arrays)")
        print(f"    ratio {whole['rss'] / max(heads['rss'], 1):.0f}x less with the store "
              f"({heads['rss'] / whole['rss']:.3f} of before)")
    finally:
        ws.forget()
        store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a store to use (e.g. postgresql+psycopg://...); default: "
                        "SQLite in a temporary APP_DATA_DIR")
    parser.add_argument("--child", choices=["open", "whole", "heads"], help=argparse.SUPPRESS)
    parser.add_argument("--secret", help=argparse.SUPPRESS)
    args = parser.parse_args()
    torch.set_num_threads(1)
    if args.child:
        run = {"open": lambda: child_open(args.database_url, args.secret),
               "whole": lambda: child_memory(args.database_url, args.secret, whole=True),
               "heads": lambda: child_memory(args.database_url, args.secret, whole=False)}[args.child]
        print(json.dumps(run()))
        return
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="nnx-bench-session-"))
    try:
        os.environ["APP_DATA_DIR"] = str(folder)
        from core.store import store_url_from_environment

        url = args.database_url or store_url_from_environment()
        (folder / "plain").mkdir()
        measure(url, folder / "plain")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"(the bench took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
