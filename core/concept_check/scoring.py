"""Grading the concept check: a form's answers per idea, before → after from forms A and B, the small
anonymous result a learner's class receives, and the class's summary once enough learners answered.

Shapes (all plain JSON, so the workspace and the class database keep them as they are):
- kept answers, what the learner's workspace holds under `KEPT_KEY` in its answers dict:
  `{"A": {question_id: option or None, ...}, "B": {...}}`, a form present once it was submitted.
- a class result, one learner's contribution to the class, with no question-level answers:
  `{"A": {idea: {"right": int, "total": int}, ...}, "B": {...}}`, a form present once taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core.concept_check.questions import FORM_IDS, FORMS, IDEAS

KEPT_KEY = "concept_check"  # the check's entry in the workspace's answers dict (no prompt has this id)
CLASS_MINIMUM = 5  # fewer learners than this and a class's figures could point at one of them


@dataclass(frozen=True)
class Score:
    """Right answers out of the questions asked."""

    right: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.total if self.total else 0.0

    @property
    def missed(self) -> bool:
        return self.right < self.total


@dataclass(frozen=True)
class IdeaChange:
    """One idea's score before the lessons (form A) and after (form B); None: that form not taken."""

    idea: str
    lesson: str
    before: Score | None
    after: Score | None


@dataclass(frozen=True)
class IdeaSummary:
    """A class's share of right answers to one idea, in percent, before and after (None: too few took it)."""

    idea: str
    lesson: str
    before: float | None
    after: float | None


@dataclass(frozen=True)
class ClassSummary:
    """How many learners answered form A, form B and either, and each idea's before → after."""

    learners: int
    before_learners: int
    after_learners: int
    ideas: tuple[IdeaSummary, ...]


def readable_kept(value: object) -> dict[str, dict[str, str | None]]:
    """The kept answers this code can grade: known forms, known questions, known options (else dropped)."""
    if not isinstance(value, Mapping):
        return {}
    kept = {}
    for form_id in FORM_IDS:
        answers = value.get(form_id)
        if isinstance(answers, Mapping):
            options = {q.id: q.options for q in FORMS[form_id]}
            kept[form_id] = {qid: (answer if answer in options[qid] else None)
                             for qid, answer in answers.items() if qid in options}
    return kept


def grade(form_id: str, answers: Mapping[str, str | None]) -> dict[str, Score]:
    """Each idea of the form: right answers out of its questions (an unanswered question counts as missed)."""
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    for question in FORMS[form_id]:
        total[question.idea] = total.get(question.idea, 0) + 1
        right[question.idea] = right.get(question.idea, 0) + (answers.get(question.id) == question.right)
    return {idea: Score(right[idea], total[idea]) for idea in IDEAS if idea in total}


def overall(scores: Mapping[str, Score]) -> Score:
    """A form's score over all its ideas."""
    return Score(sum(s.right for s in scores.values()), sum(s.total for s in scores.values()))


def unanswered(form_id: str, answers: Mapping[str, str | None]) -> list[int]:
    """The numbers (1-based, as the page shows them) of the form's questions without an answer."""
    return [n for n, question in enumerate(FORMS[form_id], start=1) if answers.get(question.id) is None]


def before_after(kept: Mapping[str, Mapping[str, str | None]]) -> list[IdeaChange]:
    """Every idea's score in form A (before) and form B (after), from the learner's kept answers."""
    graded = {form_id: grade(form_id, kept[form_id]) for form_id in FORM_IDS if form_id in kept}
    return [IdeaChange(idea, lesson, graded.get("A", {}).get(idea), graded.get("B", {}).get(idea))
            for idea, lesson in IDEAS.items()]


def class_result(kept: object) -> dict[str, dict[str, dict[str, int]]]:
    """What a learner's class receives, from the kept answers (the workspace's `answers[KEPT_KEY]`): per
    form taken, per idea, right and total; never the answers themselves."""
    kept = readable_kept(kept)
    return {form_id: {idea: {"right": score.right, "total": score.total}
                      for idea, score in grade(form_id, kept[form_id]).items()}
            for form_id in FORM_IDS if form_id in kept}


def _score_of(value: object) -> Score | None:
    if not isinstance(value, Mapping):
        return None
    right, total = value.get("right"), value.get("total")
    counts = all(isinstance(n, int) and not isinstance(n, bool) for n in (right, total))
    if not counts or not 0 <= right <= total or total == 0:
        return None
    return Score(right, total)


def _form_of(result: object, form_id: str) -> dict[str, Score] | None:
    """One learner's per-idea scores in one form, or None when not taken (or not readable)."""
    form = result.get(form_id) if isinstance(result, Mapping) else None
    if not isinstance(form, Mapping):
        return None
    scores = {idea: _score_of(form.get(idea)) for idea in IDEAS}
    return {idea: s for idea, s in scores.items() if s is not None} or None


def _pooled(forms: list[dict[str, Score]], idea: str) -> float | None:
    scores = [form[idea] for form in forms if idea in form]
    total = sum(s.total for s in scores)
    return 100.0 * sum(s.right for s in scores) / total if total else None


def class_summary(results: Iterable[object], minimum: int = CLASS_MINIMUM) -> ClassSummary | None:
    """The class's before → after per idea from its learners' class results, or None while fewer than
    `minimum` learners have answered. A side (before or after) stays None until `minimum` learners took
    that form, so a figure never stands for fewer people; nothing says who answered what."""
    befores, afters, learners = [], [], 0
    for result in results:
        before, after = _form_of(result, "A"), _form_of(result, "B")
        learners += before is not None or after is not None
        befores += [before] if before else []
        afters += [after] if after else []
    if learners < minimum:
        return None
    ideas = tuple(IdeaSummary(idea, lesson,
                              _pooled(befores, idea) if len(befores) >= minimum else None,
                              _pooled(afters, idea) if len(afters) >= minimum else None)
                  for idea, lesson in IDEAS.items())
    return ClassSummary(learners, len(befores), len(afters), ideas)
