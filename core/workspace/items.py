"""The single kept things of a workspace, each an item of the store, and their bytes.

Every reader checks what it reads as an upload is checked (a damaged or hostile row must not reach
the app as a Python error or run code): the model through `core.checkpoint.read_checkpoint`, the
collection through `from_npz` (no pickles), JSON parsed and validated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import torch

from core.checkpoint import model_from_bytes, model_to_bytes
from core.handwriting.collection import Collection, from_npz, to_npz
from core.i18n import LANGUAGES
from core.model.design import DesignError
from core.model.shapes import layer_rows


@dataclass(frozen=True)
class Kept:
    """One kept thing: its item's (kind, name), and how it becomes bytes and comes back."""

    kind: str
    name: str

    def to_bytes(self, value: Any) -> bytes:
        raise NotImplementedError

    def from_bytes(self, data: bytes) -> Any:
        raise NotImplementedError


class Language(Kept):
    """The learner's language ("en", "zh")."""

    def to_bytes(self, value: str) -> bytes:
        return value.encode()

    def from_bytes(self, data: bytes) -> str:
        value = data.decode()
        if value not in LANGUAGES:
            raise ValueError(f"not a language: {value[:10]!r}")
        return value


class Design(Kept):
    """The network the training page trains next (core.model.design), as JSON."""

    def to_bytes(self, value: list[dict]) -> bytes:
        return json.dumps(value).encode()

    def from_bytes(self, data: bytes) -> list[dict]:
        design = json.loads(data)
        try:
            layer_rows(design)  # builds every shape: a design that cannot be built is refused here
        except (DesignError, TypeError, KeyError, ValueError) as err:
            raise ValueError(f"not a design: {err}") from err
        return design


class ActiveModel(Kept):
    """The model every page uses (trained, fine-tuned, uploaded, adopted) with its metadata."""

    def to_bytes(self, value: tuple[torch.nn.Module, dict]) -> bytes:
        return model_to_bytes(*value)

    def from_bytes(self, data: bytes) -> tuple[torch.nn.Module, dict]:
        model, meta = model_from_bytes(data)
        return model.eval(), meta


class Digits(Kept):
    """The learner's own handwriting collection (.npz bytes, as its download)."""

    def to_bytes(self, value: Collection) -> bytes:
        return to_npz(value)

    def from_bytes(self, data: bytes) -> Collection:
        return from_npz(data)


class Answers(Kept):
    """The learner's answers to the lessons' prompts and checks (prompt id -> a JSON value), as JSON."""

    def to_bytes(self, value: dict) -> bytes:
        return json.dumps(value, sort_keys=True).encode()

    def from_bytes(self, data: bytes) -> dict:
        answers = json.loads(data)
        if not isinstance(answers, dict) or not all(isinstance(key, str) for key in answers):
            raise ValueError("not a dict of answers")
        return answers


LANGUAGE = Language("settings", "language")
DESIGN = Design("design", "next")
MODEL = ActiveModel("model", "active")
DIGITS = Digits("collection", "digits")
ANSWERS = Answers("prediction", "answers")
KEPT = (LANGUAGE, DESIGN, MODEL, DIGITS, ANSWERS)
