"""The widgets of the two answers that are not a single value (ui/prediction.py asks with them):

- a Curve: three sliders (after the first epoch, at the middle, at the end) drawn as one line
  beside them as they move;
- a Point: a row and a column picked with two select sliders, or by clicking the pixel on the
  digit drawn beside them.

Neither sits in a form: the drawing follows every move. Sliders work with the keyboard (arrow
keys, Home, End) and in AppTest.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import streamlit as st

from core.i18n import Translator
from core.predictions import Curve, Point
from core.predictions.charts import PICK_NAME, curve_chart, pick_chart

CURVE_PARTS = ("first", "middle", "end")


def curve_keys(key: str) -> list[str]:
    return [f"{key}.{part}" for part in CURVE_PARTS]


def point_keys(key: str) -> list[str]:
    return [f"{key}.row", f"{key}.col"]


def curve_guess(key: str) -> list[float] | None:
    """The three sliders' values, or None before they are drawn."""
    values = [st.session_state.get(k) for k in curve_keys(key)]
    return None if None in values else [float(v) for v in values]


def point_guess(key: str) -> list[int] | None:
    values = [st.session_state.get(k) for k in point_keys(key)]
    return None if None in values else [int(v) for v in values]


def forget(key: str) -> None:
    """Drop a guess not locked yet ("Ask me again" starts from the sliders' start)."""
    for k in [*curve_keys(key), *point_keys(key), f"{key}.pick"]:
        st.session_state.pop(k, None)


def curve_words(kind: Curve, answer: list[float]) -> dict[str, str]:
    """A curve's three values as the texts name them: guess_first, guess_middle, guess_end."""
    return {f"guess_{part}": kind.written(value) for part, value in zip(CURVE_PARTS, answer, strict=True)}


def draw_curve(guess: list[float], at: list[float], t: Translator, real: list | None = None,
               real_name: str = "") -> None:
    """The guessed curve at epochs `at`, and the real one ([[epoch, accuracy], ...]) once known."""
    guess_name = t("predict.curve.guess")
    spec = curve_chart(list(zip(at, guess, strict=True)), real, guess_name=guess_name, real_name=real_name,
                       epoch_title=t("predict.curve.epoch"), accuracy_title=t("predict.curve.accuracy"))
    words = " → ".join(f"{v:.1f}%" for v in guess)
    alt = t("predict.curve.alt", guess=words) if real is None else t(
        "predict.curve.alt_real", guess=words, real=" → ".join(f"{a:.1f}%" for _, a in real))
    st.altair_chart(spec, width="content", alt=alt)


def ask_curve(kind: Curve, key: str, asked: Mapping[str, Any], t: Translator) -> None:
    """Three sliders and the line they make."""
    keys = curve_keys(key)
    for k, start in zip(keys, kind.start, strict=True):
        st.session_state.setdefault(k, start)
    labels = (t("predict.curve.first"), t("predict.curve.middle", epoch=asked.get("middle_epoch", "")),
              t("predict.curve.end", epoch=asked.get("end_epoch", "")))
    sliders, drawing = st.columns([2, 3], gap="medium")
    with sliders:
        for k, label in zip(keys, labels, strict=True):
            st.slider(label, float(kind.low), float(kind.high), step=float(kind.step), key=k, format="%.1f%%")
    with drawing:
        draw_curve(curve_guess(key), list(asked.get("at", (1, 2, 3))), t)


def _clicked(key: str) -> None:
    """A click on the digit picks its pixel in the two sliders (a callback: runs before they are drawn)."""
    event = st.session_state.get(f"{key}.pick")
    clicked = (event.selection.get(PICK_NAME) if event is not None else None) or []
    if clicked and "row" in clicked[0] and "col" in clicked[0]:
        row_key, col_key = point_keys(key)
        st.session_state[row_key], st.session_state[col_key] = int(clicked[0]["row"]), int(clicked[0]["col"])


def _from_one(index: int) -> str:
    return str(index + 1)


def ask_point(kind: Point, key: str, image: np.ndarray, t: Translator) -> None:
    """The digit to click on, and a row and a column to pick with the keyboard."""
    rows, cols = np.shape(image)
    row_key, col_key = point_keys(key)
    st.session_state.setdefault(row_key, rows // 2)
    st.session_state.setdefault(col_key, cols // 2)
    digit, pickers = st.columns([3, 2], gap="medium")
    with pickers:  # counted from 1, as the texts say "row 8"
        st.select_slider(t("predict.point.row"), list(range(rows)), key=row_key, format_func=_from_one)
        st.select_slider(t("predict.point.col"), list(range(cols)), key=col_key, format_func=_from_one)
        st.caption(t("predict.point.help"))
    pick = point_guess(key)
    with digit:
        st.altair_chart(pick_chart(image, pick, title=t("predict.point.title"),
                                      row_title=t("predict.point.row"), col_title=t("predict.point.col")),
                           key=f"{key}.pick", on_select=lambda: _clicked(key), selection_mode=PICK_NAME,
                           width="content",
                           alt=t("predict.point.alt", row=pick[0] + 1, col=pick[1] + 1, rows=rows, cols=cols))
