"""The worker pool: jobs run in other processes, stream their events, stop, fail and die cleanly."""

import gc
import os
import signal
import time

import pytest

from core.worker_pool import DIED, FAILED, FINISHED, RUNNING, STOPPED, WAITING, worker_threads
from tests import worker_jobs


@pytest.fixture
def pool(worker_pool):
    return worker_pool


# How long a test waits for a job's first event: a worker killed by an earlier test may still be
# starting again (importing torch, loading MNIST), which took over 30 s on a loaded machine
STARTING_S = 120.0


def first_event(run, timeout: float = STARTING_S):
    """The run's first event (workers may still be importing torch)."""
    for event in run.events(timeout=timeout):
        return event
    raise AssertionError(f"no event within {timeout} s: {run.state} {run.error}")


def test_worker_threads_leave_one_core_to_the_server():
    assert [worker_threads(n) for n in (1, 2, 8)] == [1, 1, 7]


def test_events_arrive_in_order_from_another_process(pool):
    run = pool.submit(worker_jobs.count, 5)
    assert list(run.events(timeout=STARTING_S)) == [0, 1, 2, 3, 4]
    assert run.state == FINISHED and not run.alive and run.error is None


def test_stop_ends_a_run_within_a_second_and_lets_it_say_so(pool):
    run = pool.submit(worker_jobs.until_stopped)
    first_event(run)
    assert run.state == RUNNING
    asked = time.monotonic()
    run.stop()
    events = list(run.events(timeout=5))
    assert time.monotonic() - asked < 1.0
    assert events[-1] == "stopped" and run.state == STOPPED


def test_a_failing_job_ends_failed_with_its_traceback(pool):
    run = pool.submit(worker_jobs.broken)
    assert list(run.events(timeout=STARTING_S)) == [1]
    assert run.state == FAILED and "a broken job" in run.error


def test_a_job_waits_while_every_worker_is_busy(pool):
    first, second = pool.submit(worker_jobs.until_stopped), pool.submit(worker_jobs.until_stopped)
    third = pool.submit(worker_jobs.count, 2)
    first_event(first), first_event(second)
    assert third.poll() == [] and third.state == WAITING and pool.waiting == 1
    first.stop()
    assert list(third.events(timeout=10)) == [0, 1]  # it took the freed worker
    second.stop()
    assert first.wait(5) and second.wait(5)


def test_a_killed_worker_ends_its_run_as_died_and_is_replaced(pool):
    run = pool.submit(worker_jobs.pid)
    pid = first_event(run)
    assert run.pid == pid
    os.kill(pid, signal.SIGKILL)
    assert run.wait(10)
    assert run.state == DIED and str(pid) in run.error
    deadline = time.monotonic() + 10
    while pid in pool.pids() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pid not in pool.pids() and len(pool.pids()) == 2
    assert list(pool.submit(worker_jobs.count, 3).events(timeout=STARTING_S)) == [0, 1, 2]


def test_a_run_whose_owner_is_gone_stops(pool):
    run = pool.submit(worker_jobs.until_stopped)
    first_event(run)
    run.end_with(lambda: False, grace_s=0.2)
    assert run.wait(5) and run.state == STOPPED


def test_a_dropped_handle_frees_its_worker(pool):
    run = pool.submit(worker_jobs.until_stopped)
    first_event(run)
    del run
    gc.collect()
    deadline = time.monotonic() + 5
    while pool.busy and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pool.busy == 0
