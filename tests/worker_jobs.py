"""Small jobs for the worker pool's tests (module-level, so a worker process can import them)."""

import os
import time


def count(should_stop, n: int, pause_s: float = 0.0):
    """Yield 0..n-1, pausing between them; return early when stopped."""
    for i in range(n):
        if should_stop():
            return
        time.sleep(pause_s)
        yield i


def until_stopped(should_stop, pause_s: float = 0.01):
    """Yield a step count for ever, until stopped; then a last event saying so."""
    step = 0
    while not should_stop():
        time.sleep(pause_s)
        step += 1
        if step % 10 == 0:
            yield step
    yield "stopped"


def pid(should_stop):
    """The worker's process id, then wait to be stopped."""
    yield os.getpid()
    while not should_stop():
        time.sleep(0.01)


def broken(should_stop):
    """One event, then an error."""
    yield 1
    raise ValueError("a broken job")


def failing_experiment(should_stop, name, config, test_size):
    """A design experiment (core.design.experiments.experiment_job's arguments) that fails at once."""
    raise ValueError(f"the {name} experiment broke")
    yield  # a generator function, as every job is


def death_signal(should_stop):
    """The worker's pid and the signal the kernel sends it when its parent dies (Linux prctl)."""
    import ctypes

    value = ctypes.c_int(-1)
    ctypes.CDLL(None, use_errno=True).prctl(2, ctypes.byref(value), 0, 0, 0)  # PR_GET_PDEATHSIG
    yield os.getpid(), value.value
