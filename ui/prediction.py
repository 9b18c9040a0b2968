"""Predict first, then see: the one helper every page asks its prompts with (core/predictions).

A prompt asks in a small bordered form (a radio or a number box, "Lock my guess", "Just show me"),
or, for a curve or a point, in a bordered box whose drawing follows the sliders
(ui/prediction_answers.py), then reveals the truth the lesson's code computes and explains the gap.
It never blocks the page: everything below renders either way. Each prompt is asked once per
workspace: the answers are kept with `ui.state.keep("answers", ...)`, and afterwards the page
shows the answer's summary with "Ask me again". The sidebar's presenter switch turns every prompt
off. While a prompt waits for its guess, `giveaway` keeps what the page would show of its answer
under a closed expander.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from core.i18n import CATALOGUE, Translator
from core.predictions import Choice, Curve, Number, Point, Prompt, lock, pending, readable, reveal
from ui import prediction_answers as answers
from ui import state

Words = Callable[[dict], dict]  # a page's way to write the question's fields (a setting's name, ...)
More = Callable[[dict], None]  # what a page draws under a revealed answer (the "what differs" sentence)

PRESENTER_KEY = "predictions.presenter"  # the sidebar's "Presenter mode: no prompts" switch


def presenter_switch(t: Translator) -> None:
    """The sidebar's switch that hides every prompt, for showing the lessons to a room."""
    st.sidebar.toggle(t("predict.presenter"), key=PRESENTER_KEY, help=t("predict.presenter_help"))


def guess_key(prompt: Prompt) -> str:
    """The widget holding the learner's guess before it is locked."""
    return f"predict.{prompt.id}.guess"


def kept(prompt: Prompt) -> dict | None:
    """The learner's kept answer to `prompt`, if any (one this code cannot read is asked again)."""
    record = st.session_state.get(state.ANSWERS_KEY, {}).get(prompt.id)
    return record if readable(record) else None


def _keep(prompt: Prompt, record: dict | None) -> None:
    answers = dict(st.session_state.get(state.ANSWERS_KEY, {}))  # a copy: the kept dict is the store's cache
    if record is None:
        answers.pop(prompt.id, None)
    else:
        answers[prompt.id] = record
    state.keep("answers", answers)


def _guess(prompt: Prompt) -> Any:
    """The guess on screen, not locked yet (None: nothing to lock)."""
    if isinstance(prompt.answer, Curve):
        return answers.curve_guess(guess_key(prompt))
    if isinstance(prompt.answer, Point):
        return answers.point_guess(guess_key(prompt))
    return st.session_state.get(guess_key(prompt))


def _lock(prompt: Prompt, values: Mapping[str, Any]) -> None:
    guess = _guess(prompt)
    if guess is not None:  # an empty number box: nothing to lock, the form stays
        _keep(prompt, lock(prompt, guess, values))


def _skip(prompt: Prompt, values: Mapping[str, Any]) -> None:
    _keep(prompt, lock(prompt, None, values))


def _ask_again(prompt: Prompt) -> None:
    st.session_state.pop(guess_key(prompt), None)
    answers.forget(guess_key(prompt))
    _keep(prompt, None)


def written(prompt: Prompt, value: Any, t: Translator) -> str:
    """An answer or a truth as the learner reads it: an option's name, or the number formatted."""
    if isinstance(prompt.answer, Choice):
        return t(f"predict.{prompt.id}.option.{value}")
    if isinstance(prompt.answer, Curve):
        return " → ".join(prompt.answer.written(v) for v in value)
    if isinstance(prompt.answer, Point):
        return t("predict.point", row=int(value[0]) + 1, col=int(value[1]) + 1)
    return prompt.answer.written(value)


def _number_box(prompt: Prompt, kind: Number, question: str, t: Translator) -> None:
    whole = float(kind.step).is_integer() and float(kind.low).is_integer()
    cast = int if whole else float
    st.number_input(question, min_value=cast(kind.low), max_value=cast(kind.high), step=cast(kind.step),
                    value=None, key=guess_key(prompt), placeholder=t("predict.your_guess"),
                    format="%d" if whole else "%.1f", width=280, label_visibility="collapsed")


def _buttons(prompt: Prompt, values: Mapping[str, Any], t: Translator, submit: bool) -> None:
    """"Lock my guess" and "Just show me" (a form's submit buttons, or plain ones outside a form)."""
    button = st.form_submit_button if submit else st.button
    with st.container(horizontal=True):
        button(t("predict.lock"), key=f"predict.{prompt.id}.lock", type="primary", icon=":material/lock:",
               on_click=_lock, args=(prompt, dict(values)))
        button(t("predict.skip"), key=f"predict.{prompt.id}.skip", icon=":material/visibility:",
               on_click=_skip, args=(prompt, dict(values)))
    st.caption(t("predict.hint"))


def _asking_drawn(prompt: Prompt, values: Mapping[str, Any], t: Translator, words: Words) -> None:
    """A curve or a point: not in a form, so the drawing follows every move of the sliders."""
    with st.container(border=True, key=f"predict_{prompt.id}"):
        st.markdown(f":material/psychology: **{t('predict.header')}**")
        asked = prompt.asked(values)
        st.markdown(t(f"predict.{prompt.id}.question", **words(asked)))
        if isinstance(prompt.answer, Curve):
            answers.ask_curve(prompt.answer, guess_key(prompt), asked, t)
        else:
            answers.ask_point(prompt.answer, guess_key(prompt), values["image"], t)
        _buttons(prompt, values, t, submit=False)


def _asking(prompt: Prompt, values: Mapping[str, Any], t: Translator, words: Words) -> None:
    if isinstance(prompt.answer, Curve | Point):
        _asking_drawn(prompt, values, t, words)
        return
    with st.form(f"predict_{prompt.id}", border=True):  # Enter in the number box locks the guess
        st.markdown(f":material/psychology: **{t('predict.header')}**")
        question = t(f"predict.{prompt.id}.question", **words(prompt.asked(values)))
        st.markdown(question)  # above the answer's widget, which still carries it as its (hidden) label
        kind = prompt.answer
        if isinstance(kind, Choice):
            st.radio(question, kind.options, index=None, key=guess_key(prompt), label_visibility="collapsed",
                     format_func=lambda option: t(f"predict.{prompt.id}.option.{option}"),
                     captions=[t(f"predict.{prompt.id}.caption.{option}") for option in kind.options])
        else:
            _number_box(prompt, kind, question, t)
        _buttons(prompt, values, t, submit=True)


def _answer_words(prompt: Prompt, record: dict) -> dict:
    """What an explanation may say of the answer itself besides `answer`: a curve's three values,
    how many pixels a point was away."""
    answer = record.get("answer")
    if answer is None:
        return {}
    if isinstance(prompt.answer, Curve):
        return answers.curve_words(prompt.answer, answer)
    if isinstance(prompt.answer, Point) and "gap" in record:
        return {"away": f"{record['gap']:.1f}".removesuffix(".0")}
    return {}


def _drawing(prompt: Prompt, record: dict, t: Translator) -> None:
    """A curve's guess drawn, over the real curve once it is known."""
    if not isinstance(prompt.answer, Curve) or record.get("answer") is None:
        return
    if pending(record):
        answers.draw_curve(record["answer"], list(record["asked"].get("at", (1, 2, 3))), t)
    else:
        fields = record["fields"]
        answers.draw_curve(record["answer"], list(fields.get("at", (1, 2, 3))), t, real=fields.get("curve"),
                           real_name=t(f"predict.{prompt.id}.real"))


def _summary(prompt: Prompt, record: dict, t: Translator, words: Words, more: More | None) -> None:
    with st.container(border=True, key=f"predict_{prompt.id}_answer"):
        st.markdown(f":material/psychology: **{t('predict.header')}** · "
                    + t(f"predict.{prompt.id}.question", **words(record.get("asked", {}))))
        answer = record.get("answer")
        if pending(record):
            st.markdown(t("predict.pending_skipped") if answer is None
                        else t("predict.pending", answer=written(prompt, answer, t)))
        else:
            truth = written(prompt, record["truth"], t)
            answer_text = "—" if answer is None else written(prompt, answer, t)
            own = f"predict.{prompt.id}.result.{record['grade']}"  # a prompt may say it its own way
            said = _answer_words(prompt, record)
            st.markdown(t(own if own in CATALOGUE else f"predict.result.{record['grade']}",
                          answer=answer_text, truth=truth, **said))
            explain = f"predict.{prompt.id}.{record['explain']}"
            if answer is None and f"{explain}_skipped" in CATALOGUE:  # without the guess's words
                explain = f"{explain}_skipped"
            if explain in CATALOGUE:  # an answer kept by an older version may name a text gone since
                st.markdown(t(explain, answer=answer_text, truth=truth, **record["fields"], **said))
            if more is not None:
                more(record)
        _drawing(prompt, record, t)
        st.button(t("predict.again"), key=f"predict.{prompt.id}.again", icon=":material/replay:",
                  on_click=_ask_again, args=(prompt,))


def _as_they_are(fields: dict) -> dict:
    return fields


def ask(prompt: Prompt, values: Mapping[str, Any], t: Translator, words: Words = _as_they_are,
        more: More | None = None) -> dict | None:
    """Ask `prompt` for the page's current `values`, or show its kept answer; returns the kept answer
    (None while unanswered, or when presenter mode or the values leave nothing to ask). `words`
    writes the question's fields (default: as they are); `more` draws under a revealed answer."""
    if st.session_state.get(PRESENTER_KEY):
        return None
    record = kept(prompt)
    if record is not None and pending(record):  # a truth that comes later (a run) may have come
        settled = reveal(prompt, record, values)
        if not pending(settled):
            _keep(prompt, settled)
            record = settled
    if record is not None:
        _summary(prompt, record, t, words, more)
    elif prompt.applies(values):
        _asking(prompt, values, t, words)
    return record


def waiting(prompt: Prompt, values: Mapping[str, Any]) -> bool:
    """Whether `prompt` is on the page asking for a guess (not answered, not in presenter mode)."""
    return not st.session_state.get(PRESENTER_KEY) and kept(prompt) is None and prompt.applies(values)


def giveaway(prompt: Prompt, values: Mapping[str, Any], t: Translator) -> DeltaGenerator:
    """Where a page draws what gives `prompt`'s answer away: under a closed expander that says so
    while the prompt waits for a guess, else in the page as usual (a prompt never blocks)."""
    if waiting(prompt, values):
        return st.expander(t("predict.giveaway"), expanded=False, icon=":material/visibility_off:")
    return st.container()
