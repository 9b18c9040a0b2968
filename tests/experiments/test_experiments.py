"""The experiment bench's core: runs kept whole, the cap, branches that resume bit for bit, differences."""

from dataclasses import fields, replace

import pytest
import torch

from core.data import load_tensors
from core.experiments.difference import describe_difference
from core.experiments.store import (
    CAP,
    DONE,
    MENTION_ORDER,
    RunStore,
    name_parts,
    weights_equal,
)
from core.model import LENET
from core.training import PRESETS, TrainConfig, TrainingRun, seeded_model
from core.training.branch import resume_from
from core.training.checkpoint import Checkpoint
from core.training.record import PAUSED, RunRecord
from core.training.session import TrainingSession

TRAIN = load_tensors(train=True)
_test_x, _test_y = load_tensors(train=False)
TEST = (_test_x[:1000], _test_y[:1000])
# two short epochs on 500 images: small enough for a few seconds, long enough to branch between
RECIPE = TrainConfig(epochs=2, train_size=500, batch_size=50, lr=0.02, momentum=0.9)


def train_session(config: TrainConfig, store: RunStore, stop_after: int | None = None) -> TrainingSession:
    """A page-like training loop that records into `store`; stops after `stop_after` events if given."""
    session = TrainingSession.start(config, "cpu", TRAIN, TEST)
    store.follow(session)
    for count, event in enumerate(session.run.events(report_every=2), 1):
        session.take(event)
        if stop_after is not None and count >= stop_after:
            session.stop()
            return session
    session.finish()
    return session


def test_a_run_keeps_its_recipe_curves_and_every_epoch_and_a_stopped_run_is_kept() -> None:
    store = RunStore()
    session = train_session(RECIPE, store)
    run = store.runs[0]
    assert run is session.record  # the very record the session trained, not a copy
    assert run.status == DONE and run.config == RECIPE and run.device == "cpu" and run.design == LENET
    assert [row["epoch"] for row in run.curves.epochs] == [1, 2] and run.curves.batch_losses
    assert run.replay_epochs == [0, 1, 2] and sorted(run.curves.filters) == [0, 1, 2]
    assert sorted(run.curves.confusions) == [1, 2]
    assert run.curves.confusions[2].sum() == len(TEST[1])
    acc, epoch = run.best
    assert acc == max(r["test_acc"] for r in run.curves.epochs) and epoch in (1, 2)
    assert run.images_per_s > 0 and run.elapsed_s > 0
    # the last checkpoint's weights are the model's
    assert weights_equal(run.model_at(2).state_dict(), run.checkpoints[2].model)
    # memory: LeNet's weights are 177,704 bytes; a whole SGD checkpoint adds its momentum buffers
    assert run.checkpoints[2].weight_bytes == 177_704
    assert 2 * 177_704 < run.checkpoints[2].nbytes < 2 * 177_704 + 10_000
    print(f"memory of one 2-epoch run: {run.nbytes:,} bytes; a checkpoint: {run.checkpoints[2].nbytes:,}")
    # a run stopped in its first epoch is kept too, with its batch curve and the model as it stood
    train_session(RECIPE, store, stop_after=2)
    stopped = store.runs[1]
    assert stopped.status == PAUSED and stopped.curves.batch_losses and not stopped.curves.epochs
    assert stopped.final_acc is not None and store.number(stopped) == 2
    assert stopped.paused is not None and stopped.paused.batch == 4 and stopped.paused.order is not None


def test_resuming_a_stopped_run_updates_its_record_and_keeps_the_name() -> None:
    store = RunStore()
    session = train_session(RECIPE, store, stop_after=8)  # past the first epoch's end
    store.runs[0].name = "mine"
    session.resume()
    for event in session.run.events():
        session.take(event)
    session.finish()
    assert len(store.runs) == 1 and store.runs[0] is session.record
    assert store.runs[0].status == DONE and store.runs[0].name == "mine"
    assert store.runs[0].replay_epochs == [0, 1, 2]


def fake_run(store: RunStore | None = None, pinned: bool = False) -> RunRecord:
    """A record with nothing trained, numbered next in `store` if given."""
    run = RunRecord(config=TrainConfig(), design=LENET, device="cpu", pinned=pinned)
    if store is not None:
        store.number(run)
    return run


def test_the_cap_drops_the_oldest_unpinned_run() -> None:
    store = RunStore()
    for number in range(1, CAP + 1):
        assert store.keep(fake_run(store, pinned=number == 1)) is None
    dropped = store.keep(fake_run(store))
    assert store.number(dropped) == 2  # run 1 is pinned
    assert [store.number(r) for r in store.runs] == [1, *range(3, CAP + 2)]
    every = RunStore(cap=2)
    every.keep(fake_run(pinned=True))
    every.keep(fake_run(pinned=True))
    refused = fake_run()
    assert every.keep(refused) is refused and len(every.runs) == 2  # all pinned: the new run is not kept


def test_a_branch_with_nothing_changed_reproduces_the_uninterrupted_run_bit_for_bit() -> None:
    for config in (RECIPE, replace(RECIPE, optimizer="adam", lr=0.003, schedule="onecycle")):
        whole = seeded_model(config.seed)
        list(TrainingRun.start(whole, config, "cpu", TRAIN, TEST).events())
        first = start_run(config)
        next(e for e in first.events() if hasattr(e, "test_acc"))  # train until the end of epoch 1
        checkpoint = first.checkpoint()
        assert checkpoint.epochs_done == 1
        branch = resume_from(checkpoint, seeded_model(99), config, "cpu", TRAIN, TEST)
        assert branch.epoch == 2
        list(branch.events())
        assert weights_equal(whole.state_dict(), branch.model.state_dict()), config


def test_a_branch_with_a_changed_rate_uses_it_and_keeps_the_weights() -> None:
    first = start_run(RECIPE)
    next(e for e in first.events() if hasattr(e, "test_acc"))
    checkpoint = first.checkpoint()
    branch = resume_from(checkpoint, seeded_model(0), replace(RECIPE, lr=0.2, epochs=3), "cpu", TRAIN, TEST)
    assert branch.optimizer.param_groups[0]["lr"] == 0.2 and branch.epoch == 2 and branch.config.epochs == 3
    assert weights_equal(branch.model.state_dict(), checkpoint.model)
    assert branch.optimizer.state  # the momentum buffers came along
    with pytest.raises(ValueError):
        resume_from(checkpoint, seeded_model(0), replace(RECIPE, epochs=1), "cpu", TRAIN, TEST)


def start_run(config: TrainConfig) -> TrainingRun:
    return TrainingRun.start(seeded_model(config.seed), config, "cpu", TRAIN, TEST)


def test_same_seed_same_start() -> None:
    a, b = seeded_model(3).state_dict(), seeded_model(3).state_dict()
    assert weights_equal(a, b) and not weights_equal(a, seeded_model(4).state_dict())


def test_names_mention_every_setting_of_the_recipe_once() -> None:
    assert sorted(MENTION_ORDER) == sorted(f.name for f in fields(TrainConfig))


def test_names_say_what_differs_from_the_classic_recipe() -> None:
    assert name_parts(PRESETS["classic"]) == []
    assert name_parts(TrainConfig(lr=0.1, optimizer="adam")) == [("lr", 0.1), ("optimizer", "adam")]
    assert name_parts(PRESETS["fast"]) == [("lr", 0.004), ("optimizer", "adam"), ("batch_size", 128),
                                           ("epochs", 2), ("schedule", "onecycle"), ("label_smoothing", 0.1)]


def curves_run(config: TrainConfig, train: list[float], test: list[float], acc: list[float],
               seconds: float = 10.0) -> RunRecord:
    run = fake_run()
    run.config, run.elapsed_s = config, seconds
    run.curves.epochs = [{"epoch": i + 1, "train_loss": tr, "test_loss": te, "train_acc": a, "test_acc": a}
                  for i, (tr, te, a) in enumerate(zip(train, test, acc, strict=True))]
    return run


@pytest.mark.parametrize(("b_config", "b_train", "b_acc", "changes", "effects"), [
    (TrainConfig(lr=0.1), [0.4, 0.5, 0.45], [96.0, 97.5, 97.1], [("lr", 0.01, 0.1)],
     [("acc", 98.8, 97.1), ("oscillates", "b", 2)]),
    (TrainConfig(lr=0.1, optimizer="adam"), [5.0, 9.0, 9.0], [10.0, 9.8, 9.8],
     [("lr", 0.01, 0.1), ("optimizer", "sgd", "adam")], [("acc", 98.8, 9.8), ("diverged", "b", None)]),
    (TrainConfig(seed=1), [0.3, 0.1, 0.05], [97.0, 98.0, 98.82], [("seed", 0, 1)],
     [("acc_same", 98.8, 98.82)]),
    (TrainConfig(), [0.3, 0.1, 0.05], [97.0, 98.0, 98.8], [], [("acc_same", 98.8, 98.8)]),
])
def test_the_difference_between_two_runs(b_config, b_train, b_acc, changes, effects) -> None:
    a = curves_run(TrainConfig(), [0.3, 0.1, 0.05], [0.1, 0.06, 0.05], [97.0, 98.0, 98.8])
    b = curves_run(b_config, b_train, [0.1, 0.06, 0.05], b_acc)
    difference = describe_difference(a, b)
    assert [(c.field, c.before, c.after) for c in difference.changes] == changes
    found = [(e.key, e.fields.get("before", e.fields.get("run")),
              e.fields.get("after", e.fields.get("epoch"))) for e in difference.effects]
    assert found == effects


def test_over_fitting_and_time_are_noticed() -> None:
    a = curves_run(TrainConfig(), [0.3, 0.1, 0.05], [0.1, 0.06, 0.05], [97.0, 98.0, 98.8], seconds=10)
    b = curves_run(TrainConfig(train_size=1_000), [0.3, 0.1, 0.02], [0.2, 0.25, 0.3], [90.0, 91.0, 90.5],
                   seconds=2)
    keys = [e.key for e in describe_difference(a, b).effects]
    assert keys == ["acc", "overfits", "time"]


def test_a_branch_starts_only_between_epochs() -> None:
    run = start_run(RECIPE)
    next(run.events())
    with pytest.raises(ValueError):
        resume_from(run.checkpoint(), seeded_model(0), RECIPE, "cpu", TRAIN, TEST)
    assert torch.equal(start_run(RECIPE).checkpoint().shuffler,
                       torch.Generator().manual_seed(RECIPE.seed).get_state())


def test_a_run_followed_from_a_worker_keeps_every_epoch_from_its_states() -> None:
    """A worker sends each epoch's state as a Checkpoint after the EpochEvent: the record keeps those."""
    from core.training.job import train_job

    store = RunStore()
    session = TrainingSession.start(RECIPE, "cpu", TRAIN, TEST)
    store.follow(session)
    sent = []
    for event in train_job(lambda: False, RECIPE, "cpu", report_every=2, test_size=len(TEST[1])):
        session.take(event)  # the session's mirror follows, as it does a worker's events
        sent += [event] if isinstance(event, Checkpoint) else []
    session.finish()
    run = store.runs[0]
    assert run.replay_epochs == [0, 1, 2] and sorted(run.curves.confusions) == [1, 2]
    assert run.checkpoints[1] is sent[0] and run.checkpoints[2] is sent[1]  # kept as sent, no conversion
    whole = start_run(RECIPE)
    list(whole.events())
    assert weights_equal(run.checkpoints[2].model, whole.model.state_dict())


def test_a_branch_handed_to_a_worker_job_carries_on_bit_for_bit() -> None:
    """The page hands a branch to a worker as a Checkpoint: it ends where an uninterrupted run does."""
    from core.training.job import train_job

    config = replace(RECIPE, schedule="onecycle", lr=0.05)
    first = start_run(config)
    next(e for e in first.events() if hasattr(e, "test_acc"))
    branch = resume_from(first.checkpoint(), seeded_model(5), config, "cpu", TRAIN, TEST)
    job = train_job(lambda: False, config, "cpu", start=branch.checkpoint(), test_size=len(TEST[1]))
    states = [e for e in job if isinstance(e, Checkpoint)]
    whole = start_run(config)
    list(whole.events())
    assert weights_equal(states[-1].model, whole.model.state_dict())
