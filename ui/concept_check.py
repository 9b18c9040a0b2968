"""The concept check in Streamlit: a form of ten radios submitted once, the learner's before → after per
idea with a link to the lesson for each miss, the home page's offer, and the class's summary.

The answers are kept in the learner's workspace, in the answers dict the lessons' prompts use, under
`scoring.KEPT_KEY` (shape in core/concept_check/scoring.py); the prompts read only their own ids.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from core.concept_check import FORMS, IDEAS, scoring
from core.concept_check.questions import Question
from core.concept_check.scoring import CLASS_MINIMUM, ClassSummary, IdeaChange, Score
from core.i18n import Translator
from ui import state
from ui.navigation import PAGES

PAGE = "pages/check.py"
MISSING_KEY = "check.missing"  # (form id, question numbers) left unanswered at the last submit


def kept() -> dict[str, dict[str, str | None]]:
    """The learner's kept answers, per form taken (what this code cannot grade is left out)."""
    return scoring.readable_kept(st.session_state.get(state.ANSWERS_KEY, {}).get(scoring.KEPT_KEY))


def _keep(check: dict | None) -> None:
    answers = dict(st.session_state.get(state.ANSWERS_KEY, {}))  # a copy: the kept dict is the store's cache
    if check:
        answers[scoring.KEPT_KEY] = check
    else:
        answers.pop(scoring.KEPT_KEY, None)
    state.keep("answers", answers)


def answer_key(form_id: str, question: Question) -> str:
    """The radio holding the learner's choice for `question` before the form is submitted."""
    return f"check.{form_id}.{question.id}"


def _submit(form_id: str) -> None:
    answers = {q.id: st.session_state.get(answer_key(form_id, q)) for q in FORMS[form_id]}
    missing = scoring.unanswered(form_id, answers)
    if missing:  # nothing is kept and nothing is cleared: the radios keep what was picked
        st.session_state[MISSING_KEY] = (form_id, missing)
        return
    st.session_state.pop(MISSING_KEY, None)
    _keep({**kept(), form_id: answers})
    for question in FORMS[form_id]:
        st.session_state.pop(answer_key(form_id, question), None)


def _start_again() -> None:
    st.session_state.pop(MISSING_KEY, None)
    _keep(None)


def _written(value: float) -> str:
    return f"{value:g}".replace("-", "−")  # a real minus sign, as the lessons write it


def question_text(question: Question, t: Translator) -> str:
    return t(f"check.q.{question.id}", **{name: _written(v) for name, v in question.fields.items()})


def draw_form(form_id: str, t: Translator) -> None:
    """The form's ten questions, each a radio with nothing picked, and one submit button."""
    st.header(t(f"check.form.{form_id}.header"))
    st.write(t(f"check.form.{form_id}.body"))
    with st.form(f"check_form_{form_id}", border=True):
        for number, question in enumerate(FORMS[form_id], start=1):
            key = answer_key(form_id, question)
            st.radio(f"**{number}.** {question_text(question, t)}", question.options, index=None,
                     key=key,
                     format_func=lambda option, qid=question.id: t(f"check.q.{qid}.{option}"))
        st.form_submit_button(t("check.submit"), key=f"check.{form_id}.submit", type="primary",
                              icon=":material/send:", on_click=_submit, args=(form_id,))
    missing = st.session_state.get(MISSING_KEY)
    if missing and missing[0] == form_id:
        numbers = t("check.list_separator").join(str(n) for n in missing[1])
        st.warning(t("check.unanswered", numbers=numbers), icon=":material/warning:")


def _score(score: Score | None) -> str:
    return "—" if score is None else f"{score.right} / {score.total}"


def _change(change: IdeaChange, t: Translator) -> str:
    before, after = change.before, change.after
    if before is None or after is None:
        return "—"
    word = "up" if after.percent > before.percent else "down" if after.percent < before.percent else "same"
    return t(f"check.change.{word}")


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A Markdown table of our own words and numbers (never the learner's text)."""
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def _review_links(ideas: list[str], t: Translator) -> None:
    st.subheader(t("check.review.header"))
    if not ideas:
        st.success(t("check.review.none"), icon=":material/check_circle:")
    for idea in ideas:
        lesson = IDEAS[idea]
        st.page_link(f"pages/{lesson}.py", label=t("check.review.link", idea=t(f"check.idea.{idea}"),
                                                     lesson=t(f"nav.{lesson}")), icon=dict(PAGES)[lesson])


def draw_answers(form_id: str, answers: dict, t: Translator) -> None:
    """Each question of a form with the learner's answer and, where it was wrong, the right one."""
    with st.expander(t("check.answers.header", form=form_id), icon=":material/checklist:"):
        for number, question in enumerate(FORMS[form_id], start=1):
            given, right = answers.get(question.id), question.right
            answer = t(f"check.q.{question.id}.{given}") if given else "—"
            verdict = (t("check.answers.right", answer=answer) if given == right else
                       t("check.answers.wrong", answer=answer, right=t(f"check.q.{question.id}.{right}")))
            st.markdown(f"**{number}.** {question_text(question, t)}  \n{verdict}")


def draw_first_result(check: dict, t: Translator) -> None:
    """Form A's score per idea, and the lessons that teach what was missed."""
    scores = scoring.grade("A", check["A"])
    total = scoring.overall(scores)
    st.header(t("check.result.A.header"))
    st.write(t("check.result.total", right=total.right, total=total.total))
    st.markdown(_table([t("check.col.idea"), t("check.col.score")],
                       [[t(f"check.idea.{idea}"), _score(score)] for idea, score in scores.items()]))
    draw_answers("A", check["A"], t)
    st.write(t("check.result.A.next"))
    _review_links([idea for idea, score in scores.items() if score.missed], t)


def draw_before_after(check: dict, t: Translator) -> None:
    """Each idea's form A → form B, and the lessons for what form B still missed."""
    changes = scoring.before_after(check)
    before, after = (scoring.overall(scoring.grade(form_id, check[form_id])) for form_id in ("A", "B"))
    st.header(t("check.result.both.header"))
    st.write(t("check.result.both.total", before=before.right, after=after.right, total=after.total))
    st.markdown(_table(
        [t("check.col.idea"), t("check.col.before"), t("check.col.after"), t("check.col.change")],
        [[t(f"check.idea.{c.idea}"), _score(c.before), _score(c.after), _change(c, t)] for c in changes]))
    draw_answers("B", check["B"], t)
    _review_links([c.idea for c in changes if c.after is not None and c.after.missed], t)


def start_again_button(t: Translator) -> None:
    st.button(t("check.again"), key="check.again", icon=":material/replay:", help=t("check.again_help"),
              on_click=_start_again)


def home_offer(t: Translator) -> None:
    """The home page's section: form A before the lessons, form B after, and the link to the check."""
    check = kept()
    st.header(t("check.home.header"))
    taken = "done" if "B" in check else "after" if "A" in check else "before"
    st.write(t(f"check.home.{taken}"))
    st.page_link(PAGE, label=t("nav.check"), icon=dict(PAGES)["check"])


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def draw_class_summary(summary: ClassSummary | None, t: Translator, minimum: int = CLASS_MINIMUM) -> None:
    """A class's before → after per idea (core/concept_check/scoring.py class_summary), or, while it is
    None, that it is shown once at least `minimum` learners have answered."""
    st.subheader(t("check.class.header"))
    if summary is None:
        st.info(t("check.class.waiting", minimum=minimum), icon=":material/hourglass_empty:")
        return
    st.write(t("check.class.counts", learners=summary.learners, before=summary.before_learners,
               after=summary.after_learners))
    st.markdown(_table(
        [t("check.col.idea"), t("check.class.col.before"), t("check.class.col.after")],
        [[t(f"check.idea.{row.idea}"), _percent(row.before), _percent(row.after)] for row in summary.ideas]))
    if any(row.before is None or row.after is None for row in summary.ideas):
        st.caption(t("check.class.too_few", minimum=minimum))
