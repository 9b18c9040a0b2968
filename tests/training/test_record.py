"""One record of a run: to bytes and back unchanged, finished, stopped mid-epoch or branched."""

from dataclasses import replace

import pytest
import torch

from core.data import load_tensors
from core.experiments.store import RunStore
from core.training import TrainConfig
from core.training.record import (
    DONE,
    PAUSED,
    SCHEMA_VERSION,
    RunRecord,
    checkpoint_from_bytes,
    checkpoint_to_bytes,
    same_record,
)
from core.training.session import TrainingSession

TRAIN = load_tensors(train=True)
_test_x, _test_y = load_tensors(train=False)
TEST = (_test_x[:500], _test_y[:500])
RECIPE = TrainConfig(epochs=2, train_size=400, batch_size=50, lr=0.02)  # 8 batches an epoch


def trained(config: TrainConfig, stop_after: int | None = None) -> TrainingSession:
    """A session trained in this process, stopped after `stop_after` events if given."""
    session = TrainingSession.start(config, "cpu", TRAIN, TEST)
    for count, event in enumerate(session.run.events(report_every=2), 1):
        session.take(event)
        if count == stop_after:
            session.stop()
            return session
    session.finish()
    return session


def round_trip(record: RunRecord) -> RunRecord:
    again = RunRecord.from_bytes(record.to_bytes())
    assert same_record(record, again) and again is not record
    return again


def test_a_finished_run_comes_back_from_bytes_equal() -> None:
    for config in (RECIPE, replace(RECIPE, optimizer="adam", lr=0.003, schedule="onecycle")):
        record = trained(config).record
        assert record.status == DONE and record.replay_epochs == [0, 1, 2] and record.paused is None
        again = round_trip(record)
        assert again.id == record.id and len(record.id) == 32 and again.schema_version == SCHEMA_VERSION
        assert again.config == config and again.curves.epochs == record.curves.epochs
        weights, weights_again = record.checkpoints[2].model, again.checkpoints[2].model
        assert torch.equal(weights_again["conv1.weight"], weights["conv1.weight"])
        assert (again.results.predicted == record.results.predicted).all()
        groups = record.checkpoints[2].optimizer["param_groups"]
        assert again.checkpoints[2].optimizer["param_groups"] == groups


def test_a_run_stopped_mid_epoch_comes_back_with_where_it_stood() -> None:
    record = trained(RECIPE, stop_after=2).record  # 4 of the first epoch's 8 batches
    assert record.status == PAUSED and record.paused.batch == 4 and record.paused.sums is not None
    again = round_trip(record)
    assert torch.equal(again.paused.order, record.paused.order)
    assert torch.equal(again.paused.sums.loss, record.paused.sums.loss)


def test_a_run_resumed_from_its_record_bytes_ends_where_an_unstopped_run_does() -> None:
    """The paused state read back from bytes carries the run on bit for bit."""
    for config in (RECIPE, replace(RECIPE, optimizer="adam", lr=0.003, schedule="onecycle")):
        whole = trained(config)
        stopped = trained(config, stop_after=3)
        again = RunRecord.from_bytes(stopped.record.to_bytes())
        resumed = TrainingSession.start(config, "cpu", TRAIN, TEST)
        resumed.run.restore(again.paused)
        list(resumed.run.events())
        for name, weight in whole.run.model.state_dict().items():
            assert torch.equal(weight, resumed.run.model.state_dict()[name]), (config, name)


def test_a_branch_names_its_parent_by_id_and_comes_back_equal() -> None:
    store = RunStore()
    parent = trained(RECIPE).record
    store.keep(parent)
    branch = TrainingSession.branch(parent, 1, replace(RECIPE, lr=0.1, epochs=3), "cpu", TRAIN, TEST)
    store.follow(branch)
    for event in branch.run.events(report_every=2):
        branch.take(event)
    branch.finish()
    record = branch.record
    assert record.parent == (parent.id, 1) and record.id != parent.id
    assert store.runs[-1] is record and store.number(record) == 2
    assert record.checkpoints[1] is parent.checkpoints[1]  # its first epoch is its parent's
    assert record.replay_epochs == [0, 1, 2, 3] and [r["epoch"] for r in record.curves.epochs] == [1, 2, 3]
    again = round_trip(record)
    assert again.parent == (parent.id, 1)


def test_a_branch_from_a_record_read_back_from_bytes_continues_bit_for_bit() -> None:
    """Nothing changed: the branch from epoch 1 of a record read from bytes ends as the whole run."""
    for config in (RECIPE, replace(RECIPE, optimizer="adam", lr=0.003, schedule="onecycle")):
        whole = trained(config)
        parent = RunRecord.from_bytes(whole.record.to_bytes())
        branch = TrainingSession.branch(parent, 1, config, "cpu", TRAIN, TEST)
        list(branch.run.events())
        for name, weight in whole.run.model.state_dict().items():
            assert torch.equal(weight, branch.run.model.state_dict()[name]), (config, name)


def test_a_record_kept_in_parts_reads_each_checkpoint_only_when_asked() -> None:
    """A store keeps the head and each epoch's checkpoint apart; read back, the record is equal and
    reads a checkpoint the first time it is used."""
    record = trained(RECIPE).record
    parts = {epoch: checkpoint_to_bytes(c) for epoch, c in record.checkpoints.items()}
    head = record.head_bytes()
    assert len(head) < min(len(p) for p in parts.values()) * 2  # the head holds no weights
    asked: list[int] = []

    def read(run_id: str, epoch: int):
        assert run_id == record.id
        asked.append(epoch)
        return checkpoint_from_bytes(parts[epoch])

    again = RunRecord.from_head(head, read)
    assert again.replay_epochs == [0, 1, 2] and asked == []
    assert again.nbytes < record.nbytes  # nothing read yet
    weights = again.model_at(1).state_dict()["conv1.weight"]
    assert torch.equal(weights, record.checkpoints[1].model["conv1.weight"])
    assert asked == [1]
    assert same_record(record, again) and sorted(asked) == [0, 1, 2]  # comparing reads the rest, once each
    again.checkpoints.release(keep=2)
    assert list(again.checkpoints.held()) == [2]
    again.checkpoints[0]
    assert asked.count(0) == 2


def test_a_checkpoint_file_is_refused_as_a_record_and_a_record_as_a_checkpoint() -> None:
    record = trained(replace(RECIPE, epochs=1)).record
    with pytest.raises(ValueError, match="not a RunRecord"):
        RunRecord.from_bytes(checkpoint_to_bytes(record.checkpoints[1]))
    with pytest.raises(ValueError, match="not a Checkpoint"):
        checkpoint_from_bytes(record.to_bytes())
