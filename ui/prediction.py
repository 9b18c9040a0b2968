"""Predict first, then see: the one helper every page asks its prompts with (core/predictions).

A prompt asks in a small bordered form (a radio or a number box, "Lock my guess", "Just show me"),
then reveals the truth the lesson's code computes and explains the gap. It never blocks the page:
everything below renders either way. Each prompt is asked once per workspace: the answers are kept
with `ui.state.keep("answers", ...)`, and afterwards the page shows the answer's summary with
"Ask me again". The sidebar's presenter switch turns every prompt off.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from core.i18n import CATALOGUE, Translator
from core.predictions import Choice, Number, Prompt, lock, pending, readable, reveal
from ui import state

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


def _lock(prompt: Prompt, values: Mapping[str, Any]) -> None:
    guess = st.session_state.get(guess_key(prompt))
    if guess is not None:  # an empty number box: nothing to lock, the form stays
        _keep(prompt, lock(prompt, guess, values))


def _skip(prompt: Prompt, values: Mapping[str, Any]) -> None:
    _keep(prompt, lock(prompt, None, values))


def _ask_again(prompt: Prompt) -> None:
    st.session_state.pop(guess_key(prompt), None)
    _keep(prompt, None)


def written(prompt: Prompt, value: Any, t: Translator) -> str:
    """An answer or a truth as the learner reads it: an option's name, or the number formatted."""
    if isinstance(prompt.answer, Choice):
        return t(f"predict.{prompt.id}.option.{value}")
    return prompt.answer.written(value)


def _number_box(prompt: Prompt, kind: Number, question: str, t: Translator) -> None:
    whole = float(kind.step).is_integer() and float(kind.low).is_integer()
    cast = int if whole else float
    st.number_input(question, min_value=cast(kind.low), max_value=cast(kind.high), step=cast(kind.step),
                    value=None, key=guess_key(prompt), placeholder=t("predict.your_guess"),
                    format="%d" if whole else "%.1f", width=280, label_visibility="collapsed")


def _asking(prompt: Prompt, values: Mapping[str, Any], t: Translator) -> None:
    with st.form(f"predict_{prompt.id}", border=True):  # Enter in the number box locks the guess
        st.markdown(f":material/psychology: **{t('predict.header')}**")
        question = t(f"predict.{prompt.id}.question", **prompt.asked(values))
        st.markdown(question)  # above the answer's widget, which still carries it as its (hidden) label
        kind = prompt.answer
        if isinstance(kind, Choice):
            st.radio(question, kind.options, index=None, key=guess_key(prompt), label_visibility="collapsed",
                     format_func=lambda option: t(f"predict.{prompt.id}.option.{option}"),
                     captions=[t(f"predict.{prompt.id}.caption.{option}") for option in kind.options])
        else:
            _number_box(prompt, kind, question, t)
        buttons = st.container(horizontal=True)
        with buttons:
            st.form_submit_button(t("predict.lock"), key=f"predict.{prompt.id}.lock", type="primary",
                                  icon=":material/lock:", on_click=_lock, args=(prompt, dict(values)))
            st.form_submit_button(t("predict.skip"), key=f"predict.{prompt.id}.skip",
                                  icon=":material/visibility:", on_click=_skip, args=(prompt, dict(values)))
        st.caption(t("predict.hint"))


def _summary(prompt: Prompt, record: dict, t: Translator) -> None:
    with st.container(border=True, key=f"predict_{prompt.id}_answer"):
        st.markdown(f":material/psychology: **{t('predict.header')}** · "
                    + t(f"predict.{prompt.id}.question", **record.get("asked", {})))
        answer = record.get("answer")
        if pending(record):
            st.markdown(t("predict.pending_skipped") if answer is None
                        else t("predict.pending", answer=written(prompt, answer, t)))
        else:
            truth = written(prompt, record["truth"], t)
            answer_text = "—" if answer is None else written(prompt, answer, t)
            own = f"predict.{prompt.id}.result.{record['grade']}"  # a prompt may say it its own way
            st.markdown(t(own if own in CATALOGUE else f"predict.result.{record['grade']}",
                          answer=answer_text, truth=truth))
            explain = f"predict.{prompt.id}.{record['explain']}"
            if explain in CATALOGUE:  # an answer kept by an older version may name a text gone since
                st.markdown(t(explain, answer=answer_text, truth=truth, **record["fields"]))
        st.button(t("predict.again"), key=f"predict.{prompt.id}.again", icon=":material/replay:",
                  on_click=_ask_again, args=(prompt,))


def ask(prompt: Prompt, values: Mapping[str, Any], t: Translator) -> dict | None:
    """Ask `prompt` for the page's current `values`, or show its kept answer; returns the kept answer
    (None while unanswered, or when presenter mode or the values leave nothing to ask)."""
    if st.session_state.get(PRESENTER_KEY):
        return None
    record = kept(prompt)
    if record is not None and pending(record):  # a truth that comes later (a run) may have come
        settled = reveal(prompt, record, values)
        if not pending(settled):
            _keep(prompt, settled)
            record = settled
    if record is not None:
        _summary(prompt, record, t)
    elif prompt.applies(values):
        _asking(prompt, values, t)
    return record
