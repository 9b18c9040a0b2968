"""The training engine: it learns, it is reproducible, it stops and resumes without losing a step."""

import itertools
from dataclasses import replace

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.data import load_tensors
from core.training import (
    PRESETS,
    BatchEvent,
    EpochEvent,
    TrainConfig,
    TrainingRun,
    check_config,
    curves,
    eta_s,
    evaluate,
    fit,
    pick_device,
    seeded_model,
)
from core.training.confusion import cell_indices, confusion_matrix, mistakes
from core.training.loss_example import cross_entropy_steps
from core.training.run_limit import configured_limit
from core.training.session import DONE, PAUSED, RUNNING, TrainingSession

TRAIN = load_tensors(train=True)
_test_x, _test_y = load_tensors(train=False)
TEST = (_test_x[:2000], _test_y[:2000])  # a fifth of the test set keeps each evaluation quick
SMALL = TrainConfig(epochs=1, train_size=1_000, batch_size=32, lr=0.003, optimizer="adam")
EVERY = 5  # batches between BatchEvents in these tests


def start(config: TrainConfig = SMALL, seed_model: int | None = None) -> TrainingRun:
    model = seeded_model(config.seed if seed_model is None else seed_model)
    return TrainingRun.start(model, config, "cpu", TRAIN, TEST)


def weights(model: torch.nn.Module) -> list[torch.Tensor]:
    return [p.detach().clone() for p in model.parameters()]


def test_classic_recipe_is_the_default() -> None:
    assert PRESETS["classic"] == TrainConfig(5, 64, 0.01, 0.9, "sgd", 60_000, 0)


def test_one_epoch_on_1000_images_learns() -> None:
    run = start()
    _, before, _ = evaluate(run.model, *TEST)
    events = list(run.events(report_every=EVERY))
    epoch = events[-1]
    assert isinstance(epoch, EpochEvent) and epoch.epoch == 1
    assert before < 20 and epoch.test_acc > 60  # from chance to most digits right in 32 steps
    assert epoch.train_loss < 2.0
    assert epoch.conv1_weights.shape == (6, 1, 5, 5)
    batches = [e for e in events if isinstance(e, BatchEvent)]
    assert [e.batch for e in batches] == [5, 10, 15, 20, 25, 30, 32]  # every 5, and the last
    assert batches[-1].progress == 1.0 and run.finished
    assert batches[-1].loss < batches[0].loss


def test_same_seed_same_weights_and_another_seed_differs() -> None:
    first, second = start(), start()
    list(first.events(report_every=EVERY)), list(second.events(report_every=EVERY))
    assert all(torch.equal(a, b) for a, b in zip(weights(first.model), weights(second.model), strict=True))
    other = start(TrainConfig(**{**vars(SMALL), "seed": 1}))
    list(other.events(report_every=EVERY))
    assert not torch.equal(weights(first.model)[0], weights(other.model)[0])


def test_fast_preset_on_a_subset_is_reproducible_and_reports_the_plain_loss() -> None:
    fast = replace(PRESETS["fast"], train_size=1_000, epochs=1)
    assert fast.label_smoothing > 0 and fast.schedule == "onecycle"
    first, second = start(fast), start(fast)
    events = list(first.events(report_every=1))
    list(second.events(report_every=EVERY))
    assert all(torch.equal(a, b) for a, b in zip(weights(first.model), weights(second.model), strict=True))
    plain = start(replace(fast, label_smoothing=0.0))
    list(plain.events(report_every=EVERY))
    assert not torch.equal(weights(first.model)[0], weights(plain.model)[0])  # smoothing changes learning
    # the first batch's loss, reported before any step: plain cross-entropy, not the smoothed target's
    model, index = seeded_model(fast.seed), first.chosen[
        torch.randperm(1_000, generator=torch.Generator().manual_seed(fast.seed))[: fast.batch_size]]
    with torch.no_grad():
        logits = model(TRAIN[0][index])
    assert events[0].loss == pytest.approx(F.cross_entropy(logits, TRAIN[1][index]).item(), rel=1e-5)
    assert events[0].loss != pytest.approx(
        F.cross_entropy(logits, TRAIN[1][index], label_smoothing=fast.label_smoothing).item(), rel=1e-6)
    assert events[-2].loss < events[0].loss  # eight steps already lower the loss


def test_stopping_keeps_a_usable_model_and_resuming_loses_nothing() -> None:
    config = TrainConfig(**{**vars(SMALL), "epochs": 2, "schedule": "onecycle"})
    whole = start(config)
    list(whole.events(report_every=EVERY))
    # stop after the third event (15 batches in), as a page interrupted by a click would
    interrupted = start(config)
    list(itertools.islice(interrupted.events(report_every=EVERY), 3))
    assert (interrupted.epoch, interrupted.batch) == (1, 15)
    _, accuracy, _ = evaluate(interrupted.model, *TEST)
    assert accuracy > 25  # it kept what 15 steps taught it
    list(interrupted.events(report_every=EVERY))  # carry on from the same point
    pairs = zip(weights(whole.model), weights(interrupted.model), strict=True)
    assert all(torch.equal(a, b) for a, b in pairs)


def test_should_stop_is_honoured_between_batches() -> None:
    run = start()
    calls = itertools.count()
    events = list(run.events(should_stop=lambda: next(calls) >= 7, report_every=EVERY))
    assert run.batch == 7 and not run.finished
    assert [e.batch for e in events] == [5]


def test_fit_is_the_one_shot_form(monkeypatch) -> None:
    import core.training.engine as training

    monkeypatch.setattr(training, "load_tensors", lambda train=True: TRAIN if train else TEST)
    model = seeded_model(0)
    events = list(fit(model, SMALL, "cpu"))
    run = start()
    list(run.events(report_every=EVERY))
    assert torch.equal(weights(model)[0], weights(run.model)[0])
    assert {type(e) for e in events} == {BatchEvent, EpochEvent}


def test_sgd_learns_too_and_bad_recipes_are_refused() -> None:
    run = start(TrainConfig(**{**vars(SMALL), "optimizer": "sgd", "lr": 0.1}))
    assert list(run.events(report_every=EVERY))[-1].test_acc > 40
    for bad in ({"optimizer": "rmsprop"}, {"schedule": "cosine"}, {"lr": 0.0}, {"epochs": 0},
                {"label_smoothing": -0.1}, {"label_smoothing": 1.0}):
        with pytest.raises(ValueError):
            check_config(TrainConfig(**{**vars(SMALL), **bad}))


def test_pick_device_prefers_cuda_then_mps_then_cpu(monkeypatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    assert pick_device().type == "cpu"
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert pick_device().type == "mps"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert pick_device().type == "cuda"


def test_eta() -> None:
    assert eta_s(0.0, 5.0) is None
    assert eta_s(0.25, 10.0) == pytest.approx(30.0)


def test_evaluate_matches_a_direct_computation() -> None:
    model = seeded_model(2)
    x, y = TEST[0][:300], TEST[1][:300]
    loss, accuracy, predicted = evaluate(model, x, y, batch_size=128)
    with torch.no_grad():
        logits = model(x)
    assert loss == pytest.approx(F.cross_entropy(logits, y).item(), rel=1e-5)
    assert accuracy == pytest.approx(100.0 * (logits.argmax(1) == y).float().mean().item())
    assert torch.equal(predicted, logits.argmax(1))


def test_training_session_history_stop_resume_finish() -> None:
    session = TrainingSession.start(TrainConfig(**{**vars(SMALL), "epochs": 2}), "cpu", TRAIN, TEST)
    assert session.status == RUNNING and sorted(session.curves.filters) == [0]
    for event in itertools.islice(session.run.events(report_every=EVERY), 4):
        session.take(event)
    session.stop()
    assert session.status == PAUSED and session.results.confusion.sum() == 2000
    assert session.epochs_done == pytest.approx(20 / 32, abs=0.01)
    session.resume()
    assert session.results is None
    for event in session.run.events(report_every=EVERY):
        session.take(event)
    session.finish()
    assert session.status == DONE
    assert [row["epoch"] for row in session.curves.epochs] == [1, 2]
    assert sorted(session.curves.filters) == [0, 1, 2]
    assert len(session.curves.batch_losses) == 2 * 7
    model, meta = session.snapshot(session.results.test_acc, session.results.test_loss)
    assert model is not session.run.model and meta["epochs"] == 2
    assert meta["recipe"]["train_size"] == 1_000 and meta["test_accuracy"] > 70


def test_a_finished_run_is_judged_by_its_last_test_pass_as_a_fresh_evaluation_would() -> None:
    session = TrainingSession.start(SMALL, "cpu", TRAIN, TEST)
    for event in session.run.events(report_every=EVERY):
        session.take(event)
    session.finish()
    from_last_epoch = session.results
    assert session.last_epoch is not None and from_last_epoch.confusion.sum() == 2000
    session.judge()  # the whole test pass again, in this process
    assert from_last_epoch.test_acc == session.results.test_acc
    assert from_last_epoch.test_loss == pytest.approx(session.results.test_loss, rel=1e-6)
    assert np.array_equal(from_last_epoch.predicted, session.results.predicted)
    assert np.array_equal(from_last_epoch.confusion, session.results.confusion)


def test_run_limit_setting(monkeypatch) -> None:
    monkeypatch.setenv("TRAIN_RUN_LIMIT", "3")
    assert configured_limit() == 3
    monkeypatch.setenv("TRAIN_RUN_LIMIT", "many")
    assert configured_limit() == 1


def test_cross_entropy_by_hand_matches_torch() -> None:
    logits = np.array([1.5, -0.3, 4.2, 0.0, 2.2, -1.0, 0.5, 3.9, -2.0, 0.1])
    steps = cross_entropy_steps(logits, 7)
    expected = F.cross_entropy(torch.tensor(logits).unsqueeze(0), torch.tensor([7])).item()
    assert steps.loss == pytest.approx(expected)
    assert steps.probabilities.sum() == pytest.approx(1.0)
    assert steps.loss == pytest.approx(-np.log(steps.probability_true))


def test_confusion_matrix_and_its_cells() -> None:
    labels = np.array([0, 0, 1, 1, 1, 4, 9, 4])
    predicted = np.array([0, 6, 1, 7, 7, 9, 9, 9])
    matrix = confusion_matrix(labels, predicted)
    assert matrix.sum() == 8 and np.trace(matrix) == 3
    assert matrix[1, 7] == 2 and matrix[4, 9] == 2
    assert sorted(mistakes(matrix, top=2)) == [(1, 7, 2), (4, 9, 2)]
    assert mistakes(matrix)[-1] == (0, 6, 1)
    assert cell_indices(labels, predicted, 4, 9).tolist() == [5, 7]


def test_curves() -> None:
    np.testing.assert_allclose(curves.smooth([2.0] * 5), [2.0] * 5)  # no start-up bias
    assert curves.smooth([1.0, 3.0], weight=0.5)[1] == pytest.approx((0.25 * 1 + 0.5 * 3) / 0.75)
    frame = curves.batch_frame(list(range(1000)), [1.0] * 1000)
    assert len(frame) <= 401 and frame["epoch"].iloc[-1] == 999
    tutorial = curves.tutorial_frame()
    assert tutorial.query("metric == 'accuracy'")["value"].tolist() == [97.71, 98.63, 98.78, 98.89, 98.24]
    assert tutorial.query("metric == 'loss'")["value"].tolist() == [0.2866, 0.0654, 0.0481, 0.0369, 0.0302]
    rows = [{"epoch": 1, "train_loss": 0.3, "train_acc": 91.0, "test_loss": 0.2, "test_acc": 94.0}]
    assert len(curves.epoch_frame(rows)) == 4


def test_progress_chart_spec_is_filled_with_the_history() -> None:
    import json

    from core.training.charts import SERIES_COLOURS, progress_spec, with_progress_data

    names = {key: key.upper() for key in SERIES_COLOURS}
    spec = progress_spec(names=names, epoch_title="E", loss_title="L", accuracy_title="A", total_epochs=3,
                         tutorial=True)
    json.dumps(spec)  # plain data, built once; only the datasets change on a redraw
    assert "datasets" not in spec
    rows = [{"epoch": 1, "train_loss": 0.3, "train_acc": 91.0, "test_loss": 0.2, "test_acc": 94.0}]
    filled = with_progress_data(spec, curves.batch_frame([0.5, 1.0], [2.0, 1.0]), curves.epoch_frame(rows),
                                names, curves.tutorial_frame())
    assert set(filled["datasets"]) == {"batches", "epochs"}
    assert set(filled["datasets"]["epochs"]["name"]) == {"TRAIN", "TEST", "TUTORIAL_TRAIN", "TUTORIAL_TEST"}
    x_scale = spec["hconcat"][0]["layer"][0]["encoding"]["x"]["scale"]
    assert x_scale["domain"] == [0, 5]  # room for the tutorial's five epochs


def x_fields(spec: object) -> set[str]:
    """Every field an x encoding of a Vega-Lite spec reads."""
    if isinstance(spec, list):
        return set().union(*(x_fields(item) for item in spec))
    if not isinstance(spec, dict):
        return set()
    found = {spec["encoding"]["x"]["field"]} if "x" in spec.get("encoding", {}) else set()
    return found.union(*(x_fields(value) for value in spec.values()))


def test_progress_chart_against_seconds() -> None:
    from core.training.charts import SERIES_COLOURS, progress_spec, with_progress_data

    names = {key: key.upper() for key in SERIES_COLOURS}
    titles = {"names": names, "epoch_title": "E", "loss_title": "L", "accuracy_title": "A", "total_epochs": 2}
    assert x_fields(progress_spec(**titles)) == {"epoch"}
    spec = progress_spec(**titles, seconds_title="S")
    assert x_fields(spec) == {"seconds"}
    figures = {"train_loss": 0.1, "train_acc": 99.0, "test_loss": 0.1}
    rows = [{**figures, "epoch": 1, "test_acc": 98.9, "seconds": 4.5},
            {**figures, "epoch": 2, "test_acc": 99.1, "seconds": 9.0}]
    filled = with_progress_data(spec, curves.batch_frame([0.5, 1.0], [2.0, 1.0], seconds=[2.0, 4.0]),
                                curves.epoch_frame(rows), names)
    assert filled["datasets"]["batches"]["seconds"].tolist() == [2.0, 4.0]
    assert sorted(set(filled["datasets"]["epochs"]["seconds"])) == [4.5, 9.0]
    assert curves.first_reached(rows)["epoch"] == 1  # 98.9 >= the tutorial's best, 98.89
    assert curves.first_reached(rows, target=99.05)["seconds"] == 9.0
    assert curves.first_reached(rows, target=99.5) is None


def test_checkpoint_meta_holds_the_whole_recipe_and_the_figures() -> None:
    session = TrainingSession.start(SMALL, "cpu", TRAIN, TEST)
    meta = session.meta(test_acc=97.123, test_loss=0.123456)
    assert meta["recipe"] == vars(SMALL) and meta["source"] == "trained in the app"
    assert (meta["test_accuracy"], meta["test_loss"], meta["epochs"]) == (97.12, 0.1235, 0.0)
    assert meta["device"] == "cpu" and meta["architecture"].startswith("LeNet")


def test_forgetting_lost_steps_keeps_the_batch_columns_aligned() -> None:
    from core.training.record import Curves

    history = Curves()
    for batch in (1, 2, 3, 4):
        history.add(BatchEvent(epoch=1, batch=batch, batches=4, loss=1.0 / batch, samples_per_s=100.0,
                                  progress=batch / 4, elapsed_s=0.5 * batch))
    history.forget_after(0.5)  # a worker died after half an epoch
    assert history.batch_epochs == [0.25, 0.5] and history.batch_seconds == [0.5, 1.0]
    frame = curves.batch_frame(history.batch_epochs, history.batch_losses, seconds=history.batch_seconds)
    assert frame["seconds"].tolist() == [0.5, 1.0]
