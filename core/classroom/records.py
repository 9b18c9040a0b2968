"""What the class layer hands out (NewClass, ClassInfo, Member, SharedRun, Board) and how user text and
shared runs are checked before they are stored.

A shared run is plain JSON only: a recipe, its curve and accuracy, its family of recipes. No bytes, no long
lists, no long strings, so weights or a learner's handwriting cannot ride along.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import asdict, dataclass

from core.classroom.errors import Refused

NAME_CHARS = 60  # a class's or a run's name
NICKNAME_CHARS = 24
MAX_EPOCHS = 100
MAX_FAMILY = 20
MAX_KEYS = 40  # in a recipe or an epoch record
MAX_LIST = 32  # any list inside a recipe: a design's layers, never an image
MAX_STRING = 200
MAX_DEPTH = 4
MAX_RUN_JSON = 64_000  # characters of one shared run


@dataclass(frozen=True)
class NewClass:
    """A class just made: its join code for the projector, and the teacher's two secrets (shown once)."""

    class_id: str
    join_code: str
    teacher_key: str
    recovery_code: str


@dataclass(frozen=True)
class ClassInfo:
    """A class as anyone with its code sees it; `version` grows with every change to it."""

    class_id: str
    name: str
    language: str
    locked: bool
    ended: bool
    sweep: dict | None
    version: int
    created_at: float
    members: int
    challenge: dict | None = None  # {"max_train_size", "max_epochs"}: core/classroom/challenge.py


@dataclass(frozen=True)
class Member:
    """A learner in a class; `sweep_value` is the value of the class's sweep this learner tries (or None)."""

    class_id: str
    member_id: str
    nickname: str
    sweep_value: object | None


@dataclass(frozen=True)
class SharedRun:
    """What a learner shares of a run: its recipe and results, never weights or handwriting."""

    run_id: str
    name: str
    recipe: dict  # TrainConfig's fields as plain values, and "architecture"
    epochs: list[dict]  # {"epoch", "test_acc", "seconds"} per epoch
    final_acc: float
    seconds: float
    family: list[dict]  # the recipes of the run and each ancestor it branched from, oldest first
    validation_acc: float | None = None  # on the validation split, measured when every recipe held it out


@dataclass(frozen=True)
class BoardRun:
    """One shared run on the board, with who shared it."""

    share_id: str
    member_id: str
    nickname: str
    run: SharedRun
    shared_at: float
    hidden: bool  # off every board: the run itself or its learner hidden
    run_hidden: bool = False  # the teacher hid this run
    member_hidden: bool = False  # the teacher hid this learner (and so every run they shared)


@dataclass(frozen=True)
class Board:
    """A class and its shared runs, newest first."""

    info: ClassInfo
    runs: list[BoardRun]


def clean_text(text: object, limit: int) -> str:
    """User text as plain, one-line text: control and format characters gone, spaces collapsed, capped."""
    if not isinstance(text, str):
        return ""
    kept = "".join(" " if character.isspace() else character for character in text
                   if character.isspace() or unicodedata.category(character)[0] != "C")
    return " ".join(kept.split())[:limit].strip()


def clean_nickname(nickname: object) -> str:
    """A nickname as stored; Refused("nickname") when nothing is left of it."""
    cleaned = clean_text(nickname, NICKNAME_CHARS)
    if not cleaned:
        raise Refused("nickname")
    return cleaned


def _plain(value: object, depth: int = 0) -> object:
    """`value` when it is small plain JSON (no NaN, no bytes); else Refused("run")."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > 2**53:
            raise Refused("run", why="number")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Refused("run", why="number")
        return value
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise Refused("run", why="string")
        return clean_text(value, MAX_STRING)
    if depth >= MAX_DEPTH:
        raise Refused("run", why="depth")
    if isinstance(value, list | tuple):
        if len(value) > MAX_LIST:
            raise Refused("run", why="list")
        return [_plain(item, depth + 1) for item in value]
    if isinstance(value, dict):
        if len(value) > MAX_KEYS or not all(isinstance(key, str) and len(key) <= 40 for key in value):
            raise Refused("run", why="keys")
        return {key: _plain(item, depth + 1) for key, item in value.items()}
    raise Refused("run", why=type(value).__name__)


def plain_json(value: object, reason: str, limit: int) -> str:
    """`value` as JSON text if it is small plain JSON of at most `limit` characters; else Refused(reason)."""
    try:
        text = json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except Refused as err:
        raise Refused(reason, why=err.fields.get("why")) from None
    if len(text) > limit:
        raise Refused(reason, why="size")
    return text


def _number(value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise Refused("run", why="number")
    if not low <= value <= high:
        raise Refused("run", why="range")
    return float(value)


def _recipe(recipe: object) -> dict:
    if not isinstance(recipe, dict):
        raise Refused("run", why="recipe")
    return _plain(recipe)


def run_data(run: SharedRun) -> str:
    """The JSON stored for a shared run, after checking every field; Refused("run") for anything else."""
    if not isinstance(run, SharedRun):
        raise Refused("run", why="type")
    if not isinstance(run.run_id, str) or not 0 < len(run.run_id) <= 64:
        raise Refused("run", why="run_id")
    if not isinstance(run.epochs, list | tuple) or len(run.epochs) > MAX_EPOCHS:
        raise Refused("run", why="epochs")
    if not isinstance(run.family, list | tuple) or len(run.family) > MAX_FAMILY:
        raise Refused("run", why="family")
    epochs = []
    for epoch in run.epochs:
        if not isinstance(epoch, dict) or len(epoch) > MAX_KEYS:
            raise Refused("run", why="epoch")
        epochs.append({key: _number(value, -1e12, 1e12) if key != "epoch" else int(_number(value, 0, 10_000))
                       for key, value in _plain(epoch, MAX_DEPTH - 1).items()})
    data = {
        "run_id": run.run_id,
        "name": clean_text(run.name, NAME_CHARS),
        "recipe": _recipe(run.recipe),
        "epochs": epochs,
        "final_acc": _number(run.final_acc, 0.0, 100.0),
        "seconds": _number(run.seconds, 0.0, 1e9),
        "family": [_recipe(recipe) for recipe in run.family],
        "validation_acc": None if run.validation_acc is None else _number(run.validation_acc, 0.0, 100.0),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if len(text) > MAX_RUN_JSON:
        raise Refused("run", why="size")
    return text


def run_from_data(text: str) -> SharedRun:
    """The SharedRun that run_data stored (one stored before a field was added takes its default)."""
    return SharedRun(**json.loads(text))


def run_dict(run: SharedRun) -> dict:
    """A shared run as a plain dict (what a page puts into a table)."""
    return asdict(run)
