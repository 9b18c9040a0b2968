"""The two forms are parallel, every wrong option names its misconception, every text exists in both
languages, and the answers that depend on a lesson's numbers are the ones the lesson's code computes."""

from collections import Counter

import numpy as np
import pytest

from core.concept_check import FORMS, IDEAS, QUESTIONS
from core.concept_check.text import TEXT
from core.filters import KERNELS, apply_filter
from core.i18n import CATALOGUE, LANGUAGES
from core.neuron import regime
from ui.navigation import PAGES


def test_the_forms_are_parallel() -> None:
    ideas_a, ideas_b = (Counter(q.idea for q in FORMS[form_id]) for form_id in ("A", "B"))
    assert len(FORMS["A"]) == len(FORMS["B"]) == 10
    assert ideas_a == ideas_b and set(ideas_a) == set(IDEAS)  # the same ideas, as often, in each form
    assert len(QUESTIONS) == 20  # and different items


def test_each_idea_links_a_lesson_page() -> None:
    stems = {stem for stem, _ in PAGES}
    assert set(IDEAS.values()) <= stems - {"home", "check"}


@pytest.mark.parametrize("question", list(QUESTIONS.values()), ids=list(QUESTIONS))
def test_every_wrong_option_names_a_misconception(question) -> None:
    assert question.right in question.options and len(set(question.options)) == len(question.options)
    assert set(question.distractors) == set(question.options) - {question.right}
    for misconception in question.distractors.values():
        assert misconception.belief.strip() and misconception.source.strip()


def test_every_question_and_option_is_written_in_both_languages() -> None:
    keys = {f"check.q.{q.id}" for q in QUESTIONS.values()}
    keys |= {f"check.q.{q.id}.{option}" for q in QUESTIONS.values() for option in q.options}
    keys |= {f"check.idea.{idea}" for idea in IDEAS}
    for key in keys:
        assert set(CATALOGUE[key]) == set(LANGUAGES) and all(CATALOGUE[key].values()), key
        assert CATALOGUE[key]["en"] != CATALOGUE[key]["zh"], key
    assert {k for k in TEXT if k.startswith(("check.q.", "check.idea."))} == keys  # no text left over


@pytest.mark.parametrize("question_id", ["a_lr_regime", "b_lr_regime"])
def test_the_learning_rate_answers_are_the_neuron_lessons(question_id: str) -> None:
    question = QUESTIONS[question_id]
    assert regime(question.fields["x"], question.fields["lr"]) == question.right


def test_the_gradient_step_is_the_update_rule() -> None:
    question = QUESTIONS["b_gradient_step"]
    change = -question.fields["lr"] * question.fields["grad"]  # b ← b − η·∂L/∂b
    assert change == pytest.approx(0.05) and question.right == "plus_small"
    assert CATALOGUE[f"check.q.b_gradient_step.{question.right}"]["en"].startswith("+0.05")


def _most_positive(kernel: str, image: np.ndarray) -> tuple[int, int]:
    response = apply_filter(image, KERNELS[kernel])
    return tuple(int(i) for i in np.unravel_index(np.argmax(response), response.shape))


def test_the_edge_kernels_answer_at_the_edges_the_questions_say() -> None:
    bar = np.zeros((12, 12))
    bar[5:8, 2:10] = 1.0  # a horizontal stroke, ink 1 on background 0
    row, _ = _most_positive("horizontal_edge", bar)
    assert row + 2 == 5  # the window's bottom row on the stroke's top row, its top row above it: the top edge
    assert QUESTIONS["a_filter_response"].right == "top_edge"
    thick = np.zeros((12, 12))
    thick[2:11, 2:11] = 1.0
    assert apply_filter(thick, KERNELS["horizontal_edge"])[4, 4] == 0  # inside the ink: no response

    column = bar.T  # a vertical stroke
    _, col = _most_positive("vertical_edge", column)
    assert col + 2 == 5  # ink under the window's right column, background under its left: the left edge
    assert QUESTIONS["b_filter_response"].right == "left_edge"
