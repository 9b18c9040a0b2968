"""A run trained in a worker process: the same weights as in-process, Stop, a killed worker, a gone owner."""

import os
import signal
import time

import pytest
import torch

from core.data import load_tensors
from core.training import TrainConfig, TrainingRun, seeded_model
from core.training.checkpoint import Checkpoint
from core.training.job import train_job
from core.training.session import DONE, PAUSED, RUNNING, TrainingSession
from core.worker_pool import DIED, FINISHED

TRAIN = load_tensors(train=True)
_test_x, _test_y = load_tensors(train=False)
TEST = (_test_x[:1000], _test_y[:1000])  # a tenth of the test set keeps each epoch's judging quick
# one-cycle SGD: a resumed run must also carry the schedule and the momentum buffers
TWO_EPOCHS = TrainConfig(epochs=2, train_size=1_000, batch_size=50, lr=0.05, schedule="onecycle", seed=3)


def same_weights(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[key], b[key]) for key in a)


@pytest.fixture(scope="module")
def in_process_weights() -> dict:
    """The weights TWO_EPOCHS ends with when trained in this process."""
    run = TrainingRun.start(seeded_model(TWO_EPOCHS.seed), TWO_EPOCHS, "cpu", TRAIN, TEST)
    for _ in run.events():
        pass
    return run.model.state_dict()


def pump_until(session: TrainingSession, done, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "the worker did not get there in time"
        session.pump()
        time.sleep(0.02)


def test_a_run_in_a_worker_ends_with_the_same_weights_as_in_process(worker_pool, in_process_weights):
    run = worker_pool.submit(train_job, TWO_EPOCHS, "cpu", test_size=len(TEST[1]))
    states = [event for event in run.events(timeout=60) if isinstance(event, Checkpoint)]
    assert run.state == FINISHED and [state.epoch for state in states] == [2, 3]
    assert same_weights(states[-1].model, in_process_weights)


def test_stop_pauses_within_a_second_and_resume_ends_where_an_unstopped_run_would(worker_pool,
                                                                                  in_process_weights):
    session = TrainingSession.start(TWO_EPOCHS, "cpu", TRAIN, TEST)
    session.launch(worker_pool)
    pump_until(session, lambda: session.run.batch >= 5)
    worker, asked = session.worker, time.monotonic()
    worker.stop()
    for event in worker.events(timeout=5):  # up to the stopped run's last state
        session.take(event)
    assert time.monotonic() - asked < 1.0 and not worker.alive
    session.pump()  # the session sees its worker ended: it pauses and judges the model
    assert session.status == PAUSED and 0 < session.run.progress < 1 and session.results is not None
    session.resume()
    session.launch(worker_pool)
    pump_until(session, lambda: session.status == DONE)
    assert same_weights(session.run.model.state_dict(), in_process_weights)
    assert [row["epoch"] for row in session.curves.epochs] == [1, 2]


def test_a_killed_worker_keeps_the_finished_epochs_and_says_so(worker_pool, in_process_weights):
    session = TrainingSession.start(TWO_EPOCHS, "cpu", TRAIN, TEST)
    worker = session.launch(worker_pool)
    pump_until(session, lambda: session.saved.epoch == 2)  # the first epoch's state has come
    os.kill(worker.pid, signal.SIGKILL)
    pump_until(session, lambda: session.status != RUNNING)
    assert session.status == PAUSED and session.lost == DIED
    assert (session.run.epoch, session.run.batch) == (2, 0)
    assert [row["epoch"] for row in session.curves.epochs] == [1]
    assert max(session.curves.batch_epochs) <= 1.0 and session.results is not None
    session.resume()
    session.launch(worker_pool)  # the pool has a worker again
    pump_until(session, lambda: session.status == DONE)
    assert same_weights(session.run.model.state_dict(), in_process_weights)


def test_a_run_whose_learner_left_pauses(worker_pool):
    long_run = TrainConfig(epochs=20, train_size=60_000)  # minutes: it can only end by being stopped
    session = TrainingSession.start(long_run, "cpu", TRAIN, TEST)
    session.launch(worker_pool, owner_alive=lambda: False, grace_s=0.1)
    pump_until(session, lambda: session.status != RUNNING)
    assert session.status == PAUSED and session.lost is None and session.run.progress < 0.05
