"""One prompt of "predict first, then see": the question, the kind of answer, the truth computed by
the lesson's own code from the page's current values, the bands that count as right or close, and
the explanation of the gap; and the pure functions that lock an answer and grade it.

An answer is kept as a plain JSON dict (the workspace keeps every prompt's under its id):
`answer` (None: skipped), `asked` (the question's fields when it was asked), `after` (for a truth
that comes later: the value it must differ from), and once the truth is known `truth`, `grade`,
`gap` (numbers: the truth minus a Number; a Curve's mean distance; a Point's distance in pixels),
`explain` and `fields` (the explanation's text key suffix and its fields).
Not here: how the page asks (ui/prediction.py), the prompts themselves (core/predictions/lessons.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

RIGHT, CLOSE, WRONG, SKIPPED = "right", "close", "wrong", "skipped"
Values = Mapping[str, Any]  # what the page has on screen: its sliders, its design, its last run


@dataclass(frozen=True)
class Choice:
    """An answer picked from `options` (ids; each one's text is `predict.<prompt>.option.<id>`)."""

    options: tuple[str, ...]
    ordered: bool = False  # the options are a scale: a neighbour of the truth counts as close


@dataclass(frozen=True)
class Number:
    """A number typed in; within `right` of the truth is right, within `close` is close."""

    right: float
    close: float
    relative: bool = False  # the bands are fractions of the truth (0.2: ±20%)
    floor: float = 0.0  # the smallest band either way, in the answer's units (±1 step of a count)
    low: float = 0.0
    high: float = 1e9
    step: float = 1.0
    format: str = "{:,g}"  # how the answer and the truth are written ("{:.1f}%")

    def written(self, value: float) -> str:
        return self.format.format(value).replace("-", "−")  # a real minus sign, as the lessons write it

    def band(self, width: float, truth: float) -> float:
        return max(width * abs(truth) if self.relative else width, self.floor)


@dataclass(frozen=True)
class Curve:
    """A curve given as three values (after the first epoch, at the middle, at the end of the run),
    graded by their mean distance to the truth's three: within `right` is right, `close` close."""

    right: float
    close: float
    start: tuple[float, float, float] = (70.0, 80.0, 90.0)  # where the three sliders begin
    low: float = 0.0
    high: float = 100.0
    step: float = 0.5
    format: str = "{:.1f}%"

    def written(self, value: float) -> str:
        return self.format.format(value)

    def gap(self, answer: Sequence[float], truth: Sequence[float]) -> float:
        """The mean distance between the three guessed values and the truth's."""
        return sum(abs(float(a) - float(b)) for a, b in zip(answer, truth, strict=True)) / len(truth)


@dataclass(frozen=True)
class Point:
    """A pixel picked on an image, [row, column] counted from 0 at the top left; within `right`
    pixels of the truth (or of a point tied with it in `Truth.near`) is right, within `close` close."""

    right: float
    close: float

    def nearest(self, answer: Sequence[int], truth: Truth) -> list[int]:
        """Of the truth's points (tied ones included), the one nearest `answer`."""
        return list(min([truth.value, *truth.near], key=lambda point: math.dist(answer, point)))

    def gap(self, answer: Sequence[int], truth: Truth) -> float:
        """The distance in pixels from `answer` to the nearest of the truth's points."""
        return math.dist(answer, self.nearest(answer, truth))


Kind = Choice | Number | Curve | Point


@dataclass(frozen=True)
class Truth:
    """What the lesson's code says: the answer, anything else that counts as close (a common slip,
    such as the flipped kernel's sign), and the explanation of the gap."""

    value: Any
    fields: dict[str, Any] = field(default_factory=dict)
    explain: str = "explain"  # the text key's last part: predict.<prompt>.<explain>
    near: tuple = ()


@dataclass(frozen=True)
class Prompt:
    """A question asked before the lesson shows its answer."""

    id: str  # the answers' key, and the texts' prefix: predict.<id>.question, ...
    answer: Kind
    truth: Callable[[Values], Truth | None]  # computed by the lesson's code; None: not known yet
    asked: Callable[[Values], dict[str, Any]] = lambda values: {}  # the question's fields
    applies: Callable[[Values], bool] = lambda values: True  # whether the question makes sense now
    later: str | None = None  # the truth comes later: graded once this value differs from the guess's


def _banded(gap: float, right: float, close: float) -> str:
    tiny = 1e-9  # rounding, never a band of its own
    return RIGHT if gap <= right + tiny else CLOSE if gap <= close + tiny else WRONG


def grade(kind: Kind, answer: Any, truth: Truth) -> str:
    """RIGHT, CLOSE or WRONG for `answer` (never None) against `truth`."""
    if isinstance(kind, Curve):
        return _banded(kind.gap(answer, truth.value), kind.right, kind.close)
    if isinstance(kind, Point):
        return _banded(kind.gap(answer, truth), kind.right, kind.close)
    if isinstance(kind, Choice):
        if answer == truth.value:
            return RIGHT
        if answer in truth.near:
            return CLOSE
        if kind.ordered and answer in kind.options and truth.value in kind.options:
            return CLOSE if abs(kind.options.index(answer) - kind.options.index(truth.value)) == 1 else WRONG
        return WRONG
    gap = abs(float(answer) - float(truth.value))
    tiny = 1e-9 * max(1.0, abs(float(truth.value)))  # rounding, never a band of its own
    if gap <= kind.band(kind.right, truth.value) + tiny:
        return RIGHT
    if gap <= kind.band(kind.close, truth.value) + tiny or any(
            abs(float(answer) - float(near)) <= tiny for near in truth.near):
        return CLOSE
    return WRONG


def lock(prompt: Prompt, answer: Any, values: Values) -> dict[str, Any]:
    """The kept record of `answer` (None: "just show me"), revealed at once if the truth is known."""
    record: dict[str, Any] = {"answer": answer, "asked": prompt.asked(values)}
    if prompt.later is not None:
        record["after"] = values.get(prompt.later)
    return reveal(prompt, record, values)


def reveal(prompt: Prompt, record: dict[str, Any], values: Values) -> dict[str, Any]:
    """`record` with its truth, grade and explanation, once the lesson's code can say them; a truth
    that comes later is taken only from values that differ from the guess's (the next run)."""
    if "truth" in record:
        return record
    if prompt.later is not None and values.get(prompt.later) == record.get("after"):
        return record
    truth = prompt.truth(values)
    if truth is None:
        return record
    answer = record["answer"]
    revealed = {**record, "truth": truth.value, "explain": truth.explain, "fields": dict(truth.fields),
                "grade": SKIPPED if answer is None else grade(prompt.answer, answer, truth)}
    if isinstance(prompt.answer, Number) and answer is not None:
        revealed["gap"] = float(truth.value) - float(answer)
    elif isinstance(prompt.answer, Curve) and answer is not None:
        revealed["gap"] = prompt.answer.gap(answer, truth.value)
    elif isinstance(prompt.answer, Point) and answer is not None:  # of tied points, the one it was near
        revealed["truth"] = prompt.answer.nearest(answer, truth)
        revealed["gap"] = prompt.answer.gap(answer, truth)
    return revealed


def readable(record: object) -> bool:
    """Whether a kept answer has the fields this module writes (anything else is asked again)."""
    if not isinstance(record, dict) or "answer" not in record:
        return False
    if not isinstance(record.get("asked", {}), dict):
        return False
    return "truth" not in record or all(key in record for key in ("grade", "explain", "fields"))


def pending(record: dict[str, Any]) -> bool:
    """Whether a kept answer still waits for its truth (a run not yet finished)."""
    return "truth" not in record
