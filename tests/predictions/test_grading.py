"""Grading is a pure function: the bands that count as right or close, a common slip counted close,
"just show me", and a truth that comes later (the next run)."""

from types import SimpleNamespace

import pytest

from core.predictions import (
    CLOSE,
    RIGHT,
    SKIPPED,
    TRAIN_ACCURACY,
    TRAIN_CURVE,
    WRONG,
    Choice,
    Curve,
    Number,
    Point,
    Prompt,
    Truth,
    grade,
    lock,
    pending,
    readable,
    reveal,
    run_values,
)

SCALE = Choice(("crawl", "converge", "oscillate", "diverge"), ordered=True)


@pytest.mark.parametrize(("answer", "expected"), [
    ("oscillate", RIGHT), ("converge", CLOSE), ("diverge", CLOSE), ("crawl", WRONG)])
def test_an_ordered_choice_counts_a_neighbour_as_close(answer: str, expected: str) -> None:
    assert grade(SCALE, answer, Truth("oscillate")) == expected


def test_an_unordered_choice_is_right_or_wrong_unless_the_truth_names_a_near_miss() -> None:
    kind = Choice(("a", "b", "c"))
    assert grade(kind, "b", Truth("a")) == WRONG
    assert grade(kind, "b", Truth("a", near=("b",))) == CLOSE
    assert grade(kind, "a", Truth("a")) == RIGHT


@pytest.mark.parametrize(("answer", "expected"), [
    (100, RIGHT), (80, RIGHT), (120, RIGHT), (79, CLOSE), (50, CLOSE), (150, CLOSE), (49, WRONG),
    (151, WRONG)])
def test_relative_bands(answer: float, expected: str) -> None:
    assert grade(Number(right=0.2, close=0.5, relative=True), answer, Truth(100)) == expected


def test_a_floor_keeps_a_small_count_from_having_no_band() -> None:
    kind = Number(right=0.2, close=0.5, relative=True, floor=1)
    assert grade(kind, 3, Truth(2)) == RIGHT  # 20% of 2 steps is less than a step
    assert grade(kind, 5, Truth(2)) == WRONG


@pytest.mark.parametrize(("answer", "expected"), [(1, RIGHT), (-1, CLOSE), (0, WRONG), (2, WRONG)])
def test_exact_numbers_and_the_flipped_kernels_sign(answer: float, expected: str) -> None:
    assert grade(Number(right=0, close=0), answer, Truth(1.0, near=(-1.0,))) == expected


def test_absolute_bands_in_points() -> None:
    kind = Number(right=1, close=3)
    assert [grade(kind, a, Truth(98.6)) for a in (98.6, 97.6, 99.6, 95.6, 95.5, 100)] == [
        RIGHT, RIGHT, RIGHT, CLOSE, WRONG, CLOSE]


def test_lock_reveals_at_once_and_just_show_me_is_skipped() -> None:
    prompt = Prompt("p", Number(right=0, close=1), lambda values: Truth(values["n"] * 2, {"n": values["n"]}),
                    asked=lambda values: {"n": values["n"]})
    record = lock(prompt, 7, {"n": 4})
    assert record == {"answer": 7, "asked": {"n": 4}, "truth": 8, "grade": CLOSE, "gap": 1.0,
                      "explain": "explain", "fields": {"n": 4}}
    skipped = lock(prompt, None, {"n": 4})
    assert skipped["grade"] == SKIPPED and skipped["truth"] == 8 and "gap" not in skipped


def _session(run_id: str, status: str = "done", acc: float | None = 98.64, epochs: float = 1.0):
    rows = [] if acc is None else [{"epoch": 1, "test_acc": acc}]
    return SimpleNamespace(record=SimpleNamespace(id=run_id), status=status, epochs_done=epochs,
                           results=None if acc is None else SimpleNamespace(test_acc=acc),
                           curves=SimpleNamespace(epochs=rows))


def test_the_training_guess_waits_for_the_next_finished_run() -> None:
    before = run_values(_session("old", acc=91.0))  # a run already on the page when the learner guesses
    record = lock(TRAIN_ACCURACY, 96.0, before)
    assert pending(record) and record["after"] == "old"
    assert pending(reveal(TRAIN_ACCURACY, record, before))  # not the run that was there before the guess
    assert pending(reveal(TRAIN_ACCURACY, record, run_values(_session("new", status="running", acc=None))))
    assert pending(reveal(TRAIN_ACCURACY, record, run_values(None)))
    done = reveal(TRAIN_ACCURACY, record, run_values(_session("new")))
    assert (done["truth"], done["grade"], round(done["gap"], 2)) == (98.64, CLOSE, 2.64)
    assert done["explain"] == "explain_one" and done["fields"] == {"epochs": "1"}
    assert reveal(TRAIN_ACCURACY, done, run_values(_session("newer", acc=10.0))) == done  # kept as it was


def test_only_records_this_code_writes_are_readable() -> None:
    prompt = Prompt("p", Number(right=0, close=1), lambda values: Truth(1))
    assert readable(lock(prompt, 3, {})) and readable(lock(TRAIN_ACCURACY, 90.0, run_values(None)))
    damaged = (None, 3, {}, {"answer": 1, "truth": 2}, {"answer": 1, "asked": 5})
    assert not any(readable(record) for record in damaged)


def test_a_curve_is_graded_by_its_mean_distance_to_the_real_one() -> None:
    kind = Curve(right=1.5, close=4)
    truth = Truth([90.0, 95.0, 97.0])
    assert grade(kind, [90.0, 95.0, 97.0], truth) == RIGHT
    assert grade(kind, [88.0, 94.0, 97.5], truth) == RIGHT  # (2 + 1 + 0.5) / 3 = 1.17
    assert grade(kind, [85.0, 92.0, 96.0], truth) == CLOSE  # 3
    assert grade(kind, [70.0, 80.0, 90.0], truth) == WRONG


def test_a_point_counts_its_distance_to_the_nearest_tied_truth() -> None:
    kind = Point(right=2, close=5)
    truth = Truth([8, 9], near=([8, 16],))
    assert grade(kind, [9, 10], truth) == RIGHT  # √2 from the first
    assert grade(kind, [10, 13], truth) == CLOSE  # √13 ≈ 3.6 from the second, 4.5 from the first
    assert grade(kind, [20, 20], truth) == WRONG
    assert kind.nearest([10, 13], truth) == [8, 16]


def test_a_revealed_point_keeps_the_tied_truth_it_was_nearest_and_its_distance() -> None:
    prompt = Prompt("p", Point(right=2, close=5), lambda values: Truth([8, 9], near=([8, 16],)))
    record = lock(prompt, [10, 13], {})
    assert record["truth"] == [8, 16] and record["grade"] == CLOSE and round(record["gap"], 2) == 3.61
    assert lock(prompt, None, {})["truth"] == [8, 9] and readable(record)


def test_the_curve_guess_waits_for_the_next_finished_run_and_reads_its_curve() -> None:
    record = lock(TRAIN_CURVE, [80.0, 90.0, 95.0], run_values(None, planned=5))
    assert pending(record) and record["asked"]["middle_epoch"] == "3" and record["asked"]["at"] == [1, 3, 5]
    session = _session("new", acc=97.0, epochs=5.0)
    accuracies = (91.0, 94.0, 95.0, 96.5, 97.0)
    session.curves.epochs = [{"epoch": e, "test_acc": a} for e, a in enumerate(accuracies, 1)]
    done = reveal(TRAIN_CURVE, record, run_values(session))
    assert done["truth"] == [91.0, 95.0, 97.0] and done["grade"] == WRONG  # (11 + 5 + 2) / 3 = 6 points
    assert round(done["gap"], 2) == 6.0
    assert done["fields"]["first"] == "91.0%" and done["fields"]["end_epoch"] == "5"


def test_the_curve_is_asked_only_for_a_run_of_two_epochs_or_more() -> None:
    assert not TRAIN_CURVE.applies(run_values(None, planned=1))
    assert TRAIN_CURVE.applies(run_values(None, planned=2))
    assert TRAIN_CURVE.asked(run_values(None, planned=2))["middle_epoch"] == "1.5"
