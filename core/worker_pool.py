"""A pool of warm worker processes that run long jobs (training) outside the server's interpreter.

Why: a Streamlit server renders every page in one interpreter, and a training loop in that same
interpreter waits for the interpreter lock between every small torch op (measured on 2 cores,
LeNet at batch 64: 6,640 images/s alone, 116 while two threads build charts). In its own process
it keeps most of its speed. Each worker imports torch when it starts, so a job starts at once.

The API (a job is a module-level generator function, so it can be sent to another process)::

    def count(should_stop, n):            # `should_stop()` turns True once the job is stopped
        for i in range(n):
            if should_stop():
                return                   # a job may yield a last event before returning
            yield i                       # events must be picklable

    pool = WorkerPool(size=2)             # no process yet: the first submit (or warm()) starts them
                                          # (warm_up=f: each worker calls f() once, e.g. loads data)
    run = pool.submit(count, 10)          # -> RunHandle; waits for a free worker when all are busy
    run.poll()                            # events arrived since the last call, without waiting
    for event in run.events(): ...        # or wait for each event until the job ends
    run.stop()                            # should_stop() turns True in the worker within a moment
    run.end_with(is_alive)                # stop the job once is_alive() has been False for GONE_GRACE_S
    run.state                             # WAITING, RUNNING, FINISHED, STOPPED, FAILED or DIED,
    run.alive, run.error, run.pid         #   as of the last event the consumer took
    pool.shutdown()                       # also done at exit

A run's state changes only as its consumer takes events (`poll`/`events`), so a page that has
drawn every event it took never misses the last ones. A job that raises ends FAILED with the
traceback in `error`; a worker that dies (killed, out of memory) ends its job DIED, and the pool
starts a new worker in its place. A handle that is garbage-collected stops its job.

Workers start with the "spawn" method: never fork a process that already runs torch's OpenMP
threads or a web server's threads. Each uses `cores - 1` torch threads (at least 1): a worker
with as many threads as cores spins on cores the server needs, and crawls (the same measurement:
4,876 images/s with 1 thread beside the server's rendering, 1,829 with 2).
A worker exits when the server's process dies (even by `kill -9`), so no orphan keeps training: on
Linux the kernel kills it (PR_SET_PDEATHSIG), and everywhere a thread in it watches its parent.
Left out: jobs that need a GPU per worker, priorities, sending a job's result back other than as
events.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import contextlib
import ctypes
import itertools
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
import traceback
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

WAITING, RUNNING = "waiting", "running"
FINISHED, STOPPED, FAILED, DIED = "finished", "stopped", "failed", "died"
ENDED = (FINISHED, STOPPED, FAILED, DIED)
STOP_GRACE_S = 2.0  # a stopped job that still yields after this long is closed by its worker
GONE_GRACE_S = 10.0  # an owner gone this long stops its job (`end_with`); a reconnecting tab is back sooner
CHECK_EVERY_S = 0.25  # how often a reader looks whether its worker still lives
MAX_START_FAILURES = 3  # workers dying before they are ready, in a row, before the pool gives up
PARENT_CHECK_S = 1.0  # how often a worker looks whether the process that started it still lives
ORPHANED_EXIT_CODE = 3  # a worker's exit code when it leaves because its parent died
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def worker_threads(cores: int | None = None) -> int:
    """Torch threads for one worker: every core but one, which the server keeps (at least 1)."""
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, cores - 1)


@dataclass
class _Status:
    """A change of a run's state, queued among its events."""

    state: str
    error: str | None = None
    pid: int | None = None  # the worker's process id, when it starts a job


def _set_parent_death_signal() -> None:
    """Linux: have the kernel SIGKILL this process when the thread that started it ends."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # no prctl: the watching thread still works
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _die_with_parent(parent_pid: int | None) -> None:
    """End this worker as soon as its parent process dies (called first thing in the worker).

    Linux: the kernel sends SIGKILL when the parent goes (PR_SET_PDEATHSIG). The signal fires
    when the parent's *thread* that started this process ends, not only the process: that is
    why the pool starts every worker from one thread that lives as long as the interpreter
    (`_start_process`), never from a Streamlit script thread or a reader thread, which end.
    The parent may have died before prctl ran: then our parent pid is no longer its pid.
    Every platform, and in case the signal is not set: a daemon thread wakes every
    PARENT_CHECK_S (no cost per batch) and leaves once the parent's sentinel (a pipe end it
    holds, or its handle on Windows) says it ended or the parent pid changed (reparented). That
    check is safe whichever thread started us: a thread that ends hands its children to another
    thread of the same process, whose pid getppid() returns.
    `parent_pid` None (forkserver: the parent is the fork server): the pid first seen.
    """
    _set_parent_death_signal()
    expected = os.getppid() if parent_pid is None else parent_pid
    if os.getppid() != expected:
        os._exit(ORPHANED_EXIT_CODE)
    parent = multiprocessing.parent_process()
    sentinels = [parent.sentinel] if parent is not None and parent.sentinel is not None else []

    def watch() -> None:
        from multiprocessing.connection import wait

        while True:
            if sentinels:
                gone = bool(wait(sentinels, timeout=PARENT_CHECK_S))
            else:
                time.sleep(PARENT_CHECK_S)
                gone = False
            if gone or os.getppid() != expected:
                os._exit(ORPHANED_EXIT_CODE)

    threading.Thread(target=watch, name="worker-parent-watch", daemon=True).start()


def _worker_main(jobs, events, stop_job, threads: int, warm_up: Callable[[], Any] | None,
                 parent_pid: int | None = None) -> None:
    """A worker process: import torch once, then run job after job, sending events as pickles."""
    _die_with_parent(parent_pid)
    os.environ["OMP_NUM_THREADS"] = str(threads)  # before torch starts its thread pool
    import torch

    torch.set_num_threads(threads)
    if warm_up is not None:
        warm_up()
    # a thread sends, so a slow reader (a busy server) never holds the job up
    outbox: queue.Queue = queue.Queue()

    def send_all() -> None:
        while (message := outbox.get()) is not None:
            events.send_bytes(message)

    sender = threading.Thread(target=send_all, daemon=True)
    sender.start()

    def send(kind: str, job_id: int | None, payload: Any) -> None:
        outbox.put(pickle.dumps((kind, job_id, payload), protocol=pickle.HIGHEST_PROTOCOL))

    send("ready", None, None)
    while (job := pickle.loads(jobs.recv_bytes())) is not None:
        job_id, fn, args, kwargs = job
        stopped_at: list[float] = []

        def should_stop(job_id=job_id, stopped_at=stopped_at) -> bool:
            if stop_job.value == job_id:
                if not stopped_at:
                    stopped_at.append(time.monotonic())
                return True
            return False

        send("status", job_id, _Status(RUNNING, pid=os.getpid()))
        try:
            generator = fn(should_stop, *args, **kwargs)
            for event in generator:
                send("event", job_id, event)
                if should_stop() and time.monotonic() - stopped_at[0] > STOP_GRACE_S:
                    generator.close()  # a job that ignores its stop flag
                    break
            end = _Status(STOPPED if should_stop() else FINISHED)
        except Exception:
            end = _Status(FAILED, traceback.format_exc())
        send("status", job_id, end)
    outbox.put(None)
    sender.join()


def _end_process(process, patience_s: float = 5.0) -> None:
    """End a worker that did not leave when asked: SIGTERM, then SIGKILL if it lingers.

    A loaded machine can take more than a second to tear down a process holding torch and
    MNIST, so each signal gets `patience_s` before the next.
    """
    if process.is_alive():
        process.terminate()
        process.join(patience_s)
    if process.is_alive():
        process.kill()
        process.join(patience_s)


_spawn_requests: queue.Queue = queue.Queue()
_spawner: threading.Thread | None = None
_spawner_lock = threading.Lock()


def _spawn_forever() -> None:
    while True:
        process, started = _spawn_requests.get()
        try:
            process.start()
            started.set_result(None)
        except BaseException as error:  # raised again in the caller's thread
            started.set_exception(error)


def _start_process(process) -> None:
    """Start a worker process from the one spawner thread, which lives until the interpreter ends.

    A worker dies with the thread that started it (PR_SET_PDEATHSIG, see `_die_with_parent`),
    and the pool is warmed from a Streamlit script thread and refilled from a reader thread,
    both of which end while the server lives: they hand the start to this thread and wait.
    (Seen without it: a worker warmed from a thread that ended once the worker was ready got
    SIGKILL at once; tests/test_worker_orphans.py checks both cases.)
    """
    global _spawner
    if threading.current_thread() is _spawner:
        process.start()
        return
    with _spawner_lock:
        if _spawner is None or not _spawner.is_alive():  # also after a fork: threads do not follow
            _spawner = threading.Thread(target=_spawn_forever, name="worker-pool-spawner", daemon=True)
            _spawner.start()
    started: concurrent.futures.Future = concurrent.futures.Future()
    _spawn_requests.put((process, started))
    started.result()


class RunHandle:
    """One submitted job as its consumer sees it: its events, its state, a way to stop it."""

    def __init__(self, pool: WorkerPool, job_id: int):
        self.job_id = job_id
        self.state = WAITING
        self.error: str | None = None
        self.pid: int | None = None  # the worker process running it, once it runs
        self._inbox: queue.Queue = queue.Queue()
        self._pool = pool
        # a dropped handle (a session that ended) must not keep a worker busy
        weakref.finalize(self, pool._stop, job_id)

    @property
    def alive(self) -> bool:
        """Whether the job still waits or runs (as of the last event taken)."""
        return self.state not in ENDED

    def _take(self, item: Any) -> tuple[bool, Any]:
        """(True, event) for an event; (False, None) after applying a status change."""
        if isinstance(item, _Status):
            self.state, self.error = item.state, item.error
            self.pid = item.pid or self.pid
            return False, None
        return True, item

    def poll(self) -> list:
        """Every event that has arrived since the last call, without waiting."""
        got = []
        while True:
            try:
                item = self._inbox.get_nowait()
            except queue.Empty:
                return got
            is_event, event = self._take(item)
            if is_event:
                got.append(event)

    def events(self, timeout: float | None = None) -> Iterator:
        """Each event as it arrives, until the job ends (or `timeout` seconds pass with nothing new)."""
        while self.alive:
            try:
                item = self._inbox.get(timeout=timeout)
            except queue.Empty:
                return
            is_event, event = self._take(item)
            if is_event:
                yield event

    def wait(self, timeout: float | None = None) -> bool:
        """Take (and drop) events until the job ends; whether it ended within `timeout` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.alive:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            for _ in self.events(timeout=left):
                pass
        return True

    def stop(self) -> None:
        """Ask the job to stop; its `should_stop()` turns True (a waiting job never starts)."""
        self._pool._stop(self.job_id)

    def end_with(self, is_alive: Callable[[], bool], grace_s: float = GONE_GRACE_S) -> None:
        """Stop the job once `is_alive()` has returned False for `grace_s` seconds (its owner is gone)."""
        self._pool._watch(self.job_id, is_alive, grace_s)


@dataclass
class _Job:
    job_id: int
    fn: Callable
    args: tuple
    kwargs: dict
    inbox: queue.Queue
    is_alive: Callable[[], bool] | None = None
    grace_s: float = GONE_GRACE_S
    gone_since: float | None = None


@dataclass
class _Worker:
    process: Any
    jobs: Any  # the pool's end of a pipe: jobs to run (None ends the worker)
    events: Any  # the pool's end of a pipe: pickled (kind, job id, payload) messages
    stop_job: Any
    job: _Job | None = None
    ready: bool = False
    reader: threading.Thread | None = field(default=None, repr=False)


class WorkerPool:
    """`size` worker processes, started on the first submit; jobs beyond `size` wait their turn."""

    def __init__(self, size: int = 1, threads: int | None = None, warm_up: Callable[[], Any] | None = None,
                 start_method: str = "spawn"):
        """`warm_up`: a module-level function each worker calls once at start (loading data, say)."""
        self.size = size
        self.threads = threads if threads is not None else worker_threads()
        self.warm_up = warm_up
        self._start_failures = 0  # workers in a row that died before they were ready
        self._context = multiprocessing.get_context(start_method)
        self._lock = threading.RLock()
        self._workers: list[_Worker] = []
        self._pending: deque[_Job] = deque()
        self._jobs: dict[int, _Job] = {}  # waiting or running
        self._ids = itertools.count(1)
        self._closed = False
        self._watchdog: threading.Thread | None = None

    # ---- the public side ---------------------------------------------------------------------
    def warm(self) -> None:
        """Start the workers now (each imports torch: seconds), so the first job need not wait."""
        with self._lock:
            if self._closed:
                raise RuntimeError("this worker pool is shut down")
            if self._workers:
                return
            atexit.register(self.shutdown)
            for _ in range(self.size):
                self._workers.append(self._start_worker())
            self._watchdog = threading.Thread(target=self._watch_owners, name="worker-pool-watchdog",
                                              daemon=True)
            self._watchdog.start()

    def submit(self, fn: Callable[..., Iterator], *args, **kwargs) -> RunHandle:
        """Run `fn(should_stop, *args, **kwargs)` in a worker; its yielded events reach the handle."""
        self.warm()
        with self._lock:
            job_id = next(self._ids)
            handle = RunHandle(self, job_id)
            job = _Job(job_id, fn, args, kwargs, handle._inbox)
            self._jobs[job_id] = job
            self._pending.append(job)
            self._dispatch()
        return handle

    @property
    def busy(self) -> int:
        """Workers running a job now."""
        with self._lock:
            return sum(worker.job is not None for worker in self._workers)

    @property
    def waiting(self) -> int:
        """Jobs waiting for a free worker."""
        with self._lock:
            return len(self._pending)

    def pids(self) -> list[int]:
        """The process id of each worker (a test kills one)."""
        with self._lock:
            return [worker.process.pid for worker in self._workers]

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop every job and end every worker; later submits fail."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            workers, self._workers = self._workers, []
            for job in list(self._pending):
                job.inbox.put(_Status(STOPPED))
            self._pending.clear()
            for worker in workers:
                if worker.job is not None:
                    worker.stop_job.value = worker.job.job_id
                self._send(worker, None)
        deadline = time.monotonic() + timeout
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            _end_process(worker.process)
            if worker.job is not None:
                worker.job.inbox.put(_Status(STOPPED))
        atexit.unregister(self.shutdown)

    # ---- the machinery -----------------------------------------------------------------------
    def _start_worker(self) -> _Worker:
        context = self._context
        # pipes rather than multiprocessing queues: once the child's ends are closed here, a worker
        # killed mid-message leaves an end-of-file, not a reader blocked for ever
        job_out, job_in = context.Pipe(duplex=False)
        event_out, event_in = context.Pipe(duplex=False)
        stop_job = context.Value("q", 0, lock=False)  # id of the job told to stop; aligned 8-byte writes
        # a fork server's child has the fork server for parent: the worker watches the pid it sees
        parent_pid = None if self._context.get_start_method() == "forkserver" else os.getpid()
        process = context.Process(target=_worker_main, name="training-worker", daemon=True,
                                  args=(job_out, event_in, stop_job, self.threads, self.warm_up, parent_pid))
        _start_process(process)
        job_out.close()
        event_in.close()
        worker = _Worker(process, job_in, event_out, stop_job)
        worker.reader = threading.Thread(target=self._read, args=(worker,), name="worker-pool-reader",
                                         daemon=True)
        worker.reader.start()
        return worker

    def _dispatch(self) -> None:
        """Give waiting jobs to idle workers (called with the lock held)."""
        for worker in self._workers:
            if not self._pending:
                return
            if worker.job is None and worker.process.is_alive():
                job = self._pending.popleft()
                worker.job = job
                worker.stop_job.value = 0
                if not self._send(worker, (job.job_id, job.fn, job.args, job.kwargs)):
                    worker.job = None  # it died: its reader replaces it and dispatches again
                    self._pending.appendleft(job)

    @staticmethod
    def _send(worker: _Worker, message: Any) -> bool:
        """Send a job (or None) to a worker; whether its pipe took it."""
        try:
            worker.jobs.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
            return True
        except OSError:
            return False

    def _read(self, worker: _Worker) -> None:
        """Route one worker's events to their handles; replace the worker when it dies."""
        while True:
            try:
                if not worker.events.poll(CHECK_EVERY_S):
                    if worker.process.is_alive():
                        continue
                    raise EOFError
                raw = worker.events.recv_bytes()
            except (EOFError, OSError):  # the process ended, or died mid-message
                worker.process.join(1.0)
                self._replace(worker)
                return
            kind, job_id, payload = pickle.loads(raw)
            with self._lock:
                if kind == "ready":
                    worker.ready = True
                    self._start_failures = 0
                    continue
                job = worker.job
                if job is None or job.job_id != job_id:
                    continue
                job.inbox.put(payload)
                if kind == "status" and payload.state in ENDED:
                    worker.job = None
                    self._jobs.pop(job_id, None)
                    self._dispatch()

    def _replace(self, worker: _Worker) -> None:
        """A worker died: end its job as DIED and start another in its place."""
        with self._lock:
            if worker.job is not None:
                code = worker.process.exitcode
                ended = f"worker process {worker.process.pid} ended (exit code {code})"
                worker.job.inbox.put(_Status(DIED, ended))
                self._jobs.pop(worker.job.job_id, None)
                worker.job = None
            if self._closed or worker not in self._workers:
                return
            if not worker.ready:
                self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:  # broken start-up: do not retry for ever
                self._workers.remove(worker)
                if not self._workers:
                    for job in self._pending:
                        job.inbox.put(_Status(FAILED, "no worker process could start"))
                        self._jobs.pop(job.job_id, None)
                    self._pending.clear()
                return
            self._workers[self._workers.index(worker)] = self._start_worker()
            self._dispatch()

    def _stop(self, job_id: int) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return
            if job in self._pending:  # it never started: end it here
                self._pending.remove(job)
                self._jobs.pop(job_id, None)
                job.inbox.put(_Status(STOPPED))
                return
            for worker in self._workers:
                if worker.job is job:
                    worker.stop_job.value = job_id

    def _watch(self, job_id: int, is_alive: Callable[[], bool], grace_s: float) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None:
                job.is_alive, job.grace_s = is_alive, grace_s

    def _watch_owners(self) -> None:
        """Stop the jobs whose owner has been gone for longer than their grace."""
        while not self._closed:
            time.sleep(0.5)
            with self._lock:
                watched = [job for job in self._jobs.values() if job.is_alive is not None]
            for job in watched:
                try:
                    gone = not job.is_alive()
                except Exception:  # an owner check that breaks counts as gone
                    gone = True
                now = time.monotonic()
                if not gone:
                    job.gone_since = None
                elif job.gone_since is None:
                    job.gone_since = now
                elif now - job.gone_since >= job.grace_s:
                    self._stop(job.job_id)
