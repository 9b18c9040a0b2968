"""How fast the workspace store keeps a full workspace: `python bench/workspace_store.py [--no-postgres]`.

Builds one learner's full workspace as the app would: 12 runs x 20 epochs, each epoch's end one `write` of the
run's head (about 60 kB of JSON-like bytes) and that epoch's checkpoint (360 kB of random bytes, as
bench/record_size.py measures for SGD), then the active model (180 kB) and a 200-digit collection (160 kB).
Prints the time of an epoch's write (median, p95; target <= 20 ms), the time to open the workspace with a new
handle and read every run head, the active model and the collection, checkpoints left out (target <= 0.3 s),
and the database's size. The machine is shared and noisy, so each figure comes with a baseline measured in the
same run: the same bytes written to plain files (with and without fsync) and read back. SQLite in a temporary
folder; PostgreSQL too when it is installed (a private server, its default durability). Prints, no pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/ importable

from core.store import open_store  # noqa: E402

RUNS, EPOCHS = 12, 20
CHECKPOINT_BYTES, MODEL_BYTES, COLLECTION_BYTES = 360_000, 180_000, 160_000


def make_head(epoch: int) -> bytes:
    """About 60 kB of JSON: curves of batch points and epoch rows, as a run record's head holds."""
    rng = random.Random(epoch)
    points = [{"step": step, "loss": round(rng.random(), 6), "acc": round(rng.random() * 100, 3)}
              for step in range(1100)]
    return json.dumps({"epoch": epoch, "points": points})[:60_000].encode()


HEADS = [make_head(epoch) for epoch in range(EPOCHS)]  # made once, so no figure below includes making them


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def build(workspace, checkpoints: list[bytes]) -> list[float]:
    """Write the whole workspace; the seconds each epoch's write took."""
    times = []
    for run in range(RUNS):
        version = None
        for epoch in range(EPOCHS):
            started = time.perf_counter()
            versions = workspace.write([("run", f"run{run}", HEADS[epoch], version),
                                        ("checkpoint", f"run{run}/{epoch}", checkpoints[epoch], None)])
            times.append(time.perf_counter() - started)
            version = versions[("run", f"run{run}")]
    workspace.put("model", "active", os.urandom(MODEL_BYTES), None)
    workspace.put("collection", "digits", os.urandom(COLLECTION_BYTES), None)
    return times


def open_and_read(store, secret: str) -> float:
    """Seconds to open the workspace in a new handle and read what a page load needs (no checkpoints)."""
    started = time.perf_counter()
    workspace = store.workspace(secret)
    heads = workspace.heads("run")
    runs = workspace.get_many("run", [head.name for head in heads])
    model, collection = workspace.get("model", "active"), workspace.get("collection", "digits")
    assert len(runs) == RUNS and model and collection
    return time.perf_counter() - started


def baseline(folder: Path, checkpoints: list[bytes]) -> dict[str, float]:
    """The same bytes as plain files: an epoch's two files written (with, without fsync), the heads read."""
    folder.mkdir()
    synced, unsynced = [], []
    for epoch in range(EPOCHS):
        for times, sync in ((synced, True), (unsynced, False)):
            started = time.perf_counter()
            for name, data in ((f"head-{sync}", HEADS[epoch]), (f"{epoch}-{sync}", checkpoints[epoch])):
                with open(folder / name, "wb") as file:
                    file.write(data)
                    if sync:
                        file.flush()
                        os.fsync(file.fileno())
            times.append(time.perf_counter() - started)
    for name, size in (("model", MODEL_BYTES), ("collection", COLLECTION_BYTES)):
        (folder / name).write_bytes(os.urandom(size))
    started = time.perf_counter()
    for _ in range(RUNS):
        (folder / "head-True").read_bytes()
    (folder / "model").read_bytes(), (folder / "collection").read_bytes()
    read = time.perf_counter() - started
    return {"fsync": statistics.median(synced), "no fsync": statistics.median(unsynced), "read": read}


def measure(name: str, url: str, size_of, plain: dict[str, float], checkpoints: list[bytes]) -> None:
    started = time.perf_counter()
    store = open_store(url, max_workspace_bytes=10**9, new_per_hour=10**6)
    opened = time.perf_counter() - started
    secret = store.new_secret()
    times = build(store.workspace(secret, address="127.0.0.1"), checkpoints)
    reads = [open_and_read(store, secret) for _ in range(5)]
    store.checkpoint()
    median, p95 = statistics.median(times), percentile(times, 0.95)
    print(f"== {name}: open_store {opened * 1000:.0f} ms (migrations checked)")
    read = statistics.median(reads)
    print(f"  epoch write (head + checkpoint, one transaction), {len(times)} writes: median"
          f" {median * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms (target <= 20 ms); plain files:"
          f" {plain['fsync'] * 1000:.1f} ms with fsync ({median / plain['fsync']:.2f}x),"
          f" {plain['no fsync'] * 1000:.1f} ms without ({median / plain['no fsync']:.1f}x)")
    print(f"  open + read {RUNS} heads, the model, the collection: first {reads[0] * 1000:.1f} ms, median"
          f" {read * 1000:.1f} ms (target <= 300 ms); plain files {plain['read'] * 1000:.1f} ms"
          f" ({read / plain['read']:.1f}x)")
    print(f"  workspace {store.workspace(secret).summary()['bytes'] / 1e6:.1f} MB of items; database "
          f"{size_of() / 1e6:.1f} MB")
    store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args()
    checkpoints = [os.urandom(CHECKPOINT_BYTES) for _ in range(EPOCHS)]
    folder = Path(tempfile.mkdtemp(prefix="nnx-bench-store-"))
    try:
        plain = baseline(folder / "plain", checkpoints)
        path = folder / "workspaces.sqlite3"
        measure("SQLite (WAL, synchronous=NORMAL)", f"sqlite:///{path}",
                lambda: sum(file.stat().st_size for file in folder.glob(path.name + "*")), plain, checkpoints)
        if not args.no_postgres:
            postgres_bench(plain, checkpoints)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def postgres_bench(plain: dict[str, float], checkpoints: list[bytes]) -> None:
    from sqlalchemy import create_engine, text

    from tests.store.postgres import PostgresMissing, PostgresServer

    try:
        server = PostgresServer(durable=True)
    except PostgresMissing as missing:
        print(f"== PostgreSQL: skipped ({missing})")
        return
    try:
        url = server.create_database()

        def size_of() -> int:
            engine = create_engine(url)
            with engine.connect() as connection:
                size = connection.scalar(text("SELECT pg_database_size(current_database())"))
            engine.dispose()
            return size

        measure("PostgreSQL 15 (a private server, fsync on)", url, size_of, plain, checkpoints)
    finally:
        server.remove()


if __name__ == "__main__":
    main()
