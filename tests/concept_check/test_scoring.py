"""Grading a form per idea, before → after, the anonymous class result, and the class summary that
stays None below five learners."""

import pytest

from core.concept_check import FORMS, IDEAS, KEPT_KEY, Score, scoring
from core.predictions import readable


def right_answers(form_id: str, wrong: tuple[str, ...] = ()) -> dict:
    """Every question right, except those named (given their first wrong option)."""
    return {q.id: (next(iter(q.distractors)) if q.id in wrong else q.right) for q in FORMS[form_id]}


def test_a_form_is_graded_per_idea() -> None:
    scores = scoring.grade("A", right_answers("A", wrong=("a_gradient_sign",)))
    assert list(scores) == list(IDEAS)
    assert scores["gradient"] == Score(1, 2) and scores["gradient"].missed
    assert scores["confusion_matrix"] == Score(1, 1) and not scores["confusion_matrix"].missed
    assert scoring.overall(scores) == Score(9, 10)
    nothing = scoring.grade("B", {})  # an unanswered question counts as missed
    assert scoring.overall(nothing) == Score(0, 10)
    assert scoring.unanswered("B", {"b_gradient_step": "plus_small"}) == list(range(2, 11))


def test_before_and_after_per_idea() -> None:
    only_a = scoring.before_after({"A": right_answers("A")})
    assert [c.idea for c in only_a] == list(IDEAS)
    assert all(c.after is None and c.before == Score(c.before.total, c.before.total) for c in only_a)
    both = {c.idea: c for c in scoring.before_after({
        "A": right_answers("A", wrong=("a_lr_regime", "a_lr_large", "a_confusion_cell")),
        "B": right_answers("B", wrong=("b_confusion_asymmetry",))})}
    assert (both["learning_rate"].before, both["learning_rate"].after) == (Score(0, 2), Score(2, 2))
    assert (both["confusion_matrix"].before, both["confusion_matrix"].after) == (Score(0, 1), Score(0, 1))
    assert both["confusion_matrix"].lesson == "train" and both["learning_rate"].lesson == "neuron"


def test_only_gradable_kept_answers_are_read() -> None:
    form_a = {"a_gradient_sign": "decrease", "a_gone": "x", "a_lr_regime": "nonsense"}
    kept = {"A": form_a, "C": {}, "B": "no"}
    assert scoring.readable_kept(kept) == {"A": {"a_gradient_sign": "decrease", "a_lr_regime": None}}
    assert scoring.readable_kept(None) == {} and scoring.readable_kept([1]) == {}
    assert not readable({"A": right_answers("A")})  # the lessons' prompts never mistake it for their own
    assert KEPT_KEY == "concept_check"


def test_the_class_result_holds_per_idea_counts_only() -> None:
    result = scoring.class_result({"A": right_answers("A", wrong=("a_filter_origin",))})
    assert list(result) == ["A"]
    assert result["A"]["filter"] == {"right": 1, "total": 2}
    assert set(result["A"]) == set(IDEAS) and all(set(v) == {"right", "total"} for v in result["A"].values())
    assert scoring.class_result({}) == {}


def learner(before: int, after: int | None = None) -> dict:
    """A class result whose every idea has `before` (and `after`) right of 1, for easy sums."""
    result = {"A": {idea: {"right": before, "total": 1} for idea in IDEAS}}
    if after is not None:
        result["B"] = {idea: {"right": after, "total": 1} for idea in IDEAS}
    return result


def test_the_class_summary_waits_for_five_learners() -> None:
    four = [learner(0, 1), learner(1, 1), learner(0), learner(1)]
    assert scoring.class_summary(four) is None
    assert scoring.class_summary([*four, "junk", {"A": {"gradient": {"right": 3, "total": 2}}}]) is None
    five = scoring.class_summary([*four, learner(0)])
    assert (five.learners, five.before_learners, five.after_learners) == (5, 5, 2)
    gradient = next(row for row in five.ideas if row.idea == "gradient")
    assert gradient.before == pytest.approx(40.0) and gradient.after is None  # two took B: not shown
    seven = scoring.class_summary([*four, learner(0, 0), learner(1, 1), learner(0, 1)])
    rows = {row.idea: row for row in seven.ideas}
    assert rows["filter"].after == pytest.approx(80.0) and rows["filter"].lesson == "convolution"
    assert scoring.class_summary([learner(1)] * 3, minimum=3) is not None


def test_the_class_summary_pools_right_answers_over_questions() -> None:
    results = [{"A": {"gradient": {"right": right, "total": 2}}} for right in (2, 0, 0, 0, 0)]
    summary = scoring.class_summary(results)
    rows = {row.idea: row for row in summary.ideas}
    assert rows["gradient"].before == pytest.approx(20.0)
    assert rows["filter"].before is None  # nobody's result holds it
