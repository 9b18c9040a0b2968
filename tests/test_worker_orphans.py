"""Worker processes leave when the server dies (kill -9): no orphan keeps training.

Each test runs a stand-in server (a Python subprocess), kills it with SIGKILL and watches its
workers go; whatever is left is killed at the end, even when a test fails.
"""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from core.worker_pool import FINISHED, WorkerPool
from tests import worker_jobs

ROOT = Path(__file__).resolve().parent.parent
GONE_WITHIN_S = 5.0

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; prctl is Linux's")


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def wait_gone(pids: list[int], within_s: float = GONE_WITHIN_S) -> list[int]:
    """The pids still alive after `within_s` seconds (each checked every 50 ms)."""
    deadline = time.monotonic() + within_s
    while (left := [pid for pid in pids if alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def kill_leftovers(pids: list[int]) -> None:
    """SIGKILL the pids that still run a Python process this test started (not a reused pid)."""
    for pid in pids:
        try:
            if alive(pid) and b"python" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            pass


def run_parent(script: str, timeout_s: float = 60.0) -> tuple[subprocess.Popen, list[int]]:
    """Start `script` as a stand-in server; the pids it prints on its first line."""
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + textwrap.dedent(script)
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    found: list[str] = []
    reader = threading.Thread(target=lambda: found.append(parent.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout_s)
    if not found or not found[0].strip():
        parent.kill()
        parent.wait()
        raise AssertionError(f"the stand-in server printed no pids within {timeout_s} s")
    return parent, [int(pid) for pid in found[0].split()]


def kill_and_check(parent: subprocess.Popen, pids: list[int]) -> None:
    try:
        assert pids and all(alive(pid) for pid in pids)
        parent.send_signal(signal.SIGKILL)
        parent.wait(5)
        assert wait_gone(pids) == [], "workers outlived their killed server"
    finally:
        parent.kill()
        parent.wait()
        kill_leftovers(pids)


def test_training_workers_die_with_a_killed_server():
    """Two workers busy with jobs that would run for ever, started as Streamlit does (a script thread)."""
    parent, pids = run_parent("""
        import threading, time
        from core.worker_pool import WorkerPool
        from tests import worker_jobs
        pool = WorkerPool(size=2, threads=1)
        runs = []
        script = threading.Thread(target=lambda: runs.extend(pool.submit(worker_jobs.pid) for _ in range(2)))
        script.start(); script.join()   # a script run that ends while its jobs go on
        pids = [next(iter(run.events(timeout=60))) for run in runs]
        print(*pids, flush=True)
        time.sleep(120)
    """)
    kill_and_check(parent, pids)


def test_workers_still_starting_die_with_a_killed_server():
    """A server killed while its worker still imports torch: the worker never trains."""
    parent, pids = run_parent("""
        import time
        from core.worker_pool import WorkerPool
        pool = WorkerPool(size=1, threads=1)
        pool.warm()
        print(*pool.pids(), flush=True)
        time.sleep(120)
    """)
    kill_and_check(parent, pids)


ORPHAN = textwrap.dedent(f"""
    import os, sys, time
    sys.path.insert(0, {str(ROOT)!r})
    import core.worker_pool as pool
    pool._set_parent_death_signal = lambda: None   # only the watching thread
    pool._die_with_parent(int(sys.argv[1]))
    print("watching", flush=True)
    time.sleep(120)
""")


def test_without_the_kernel_signal_the_parent_watch_ends_an_orphan():
    """The check every platform has: a child whose parent pid changes leaves within a few seconds."""
    parent, pids = run_parent(f"""
        import os, subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", {ORPHAN!r}, str(os.getpid())],
                                 stdout=subprocess.PIPE)
        child.stdout.readline()   # its watching thread runs
        print(child.pid, flush=True)
        time.sleep(120)
    """)
    kill_and_check(parent, pids)


def test_workers_started_from_threads_that_end_keep_running():
    """PR_SET_PDEATHSIG fires when the *thread* that started a worker ends, once the worker has set
    it: the pool starts workers from one long-lived thread, so a worker warmed from a script thread
    that lives on a while, and its replacement started by a reader thread, outlive those threads."""
    pool = WorkerPool(size=1, threads=1)
    pids: list[int] = []
    first: list = []

    def script_run() -> None:  # a Streamlit script run: it warms the pool, draws a while, ends
        pool.warm()
        pids.extend(pool.pids())
        run = pool.submit(worker_jobs.death_signal)
        first.extend(run.events(timeout=60))  # the worker is ready: its death signal is set

    try:
        script = threading.Thread(target=script_run)
        script.start()
        script.join()
        assert first == [(pids[0], signal.SIGKILL)]
        time.sleep(0.3)  # the kernel's signal, had this thread started the worker, comes now
        assert alive(pids[0])
        run = pool.submit(worker_jobs.death_signal)
        assert list(run.events(timeout=30)) == [(pids[0], signal.SIGKILL)] and run.state == FINISHED

        dead_reader = pool._workers[0].reader
        os.kill(pids[0], signal.SIGKILL)
        deadline = time.monotonic() + 10
        while (pool.pids() == pids[:1] or dead_reader.is_alive()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not dead_reader.is_alive() and pool.pids() != pids[:1]
        pids.extend(pool.pids())
        run = pool.submit(worker_jobs.death_signal)
        events = list(run.events(timeout=60))
        assert run.state == FINISHED, run.error
        assert events == [(pids[1], signal.SIGKILL)]
        time.sleep(0.3)
        assert alive(pids[1])
    finally:
        pool.shutdown()
        kill_leftovers(pids)
