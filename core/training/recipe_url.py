"""A training recipe in a link's query string, and the values each setting can take.

`recipe_query(config)` writes every setting (`?epochs=3&batch_size=64&lr=0.1...`);
`parse_recipe(params)` reads one back. A missing value takes the default; a bad one (`lr=abc`,
`epochs=-5`, `optimizer=foo`, a subset larger than MNIST) takes the default too and is reported
as a `BadValue` the page puts into words. Parsing never raises.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from core.training.engine import EPOCH_RANGE, OPTIMIZERS, PRESETS, RECIPE_FIELDS, SCHEDULES, TrainConfig

# the values the training page offers (select sliders accept nothing else)
BATCH_SIZES = [16, 32, 64, 128, 256, 512]
# 0.004 besides the 1-2-5 steps: the fast preset's peak (bench/time_to_accuracy.py chose it)
LEARNING_RATES = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.004, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
TRAIN_SIZES = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 45_000, 60_000]
MOMENTUM_RANGE = (0.0, 0.99)
SEED_RANGE = (0, 9_999)
LABEL_SMOOTHINGS = [0.0, 0.05, 0.1, 0.2]


@dataclass
class BadValue:
    """A query-string value that could not be used, and the default used instead."""

    name: str
    value: str
    default: object


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _parse(name: str, text: str) -> object | None:
    """One setting's value, or None when `text` is not a value the page offers."""
    number = _number(text)
    if name == "holdout":
        return {"1": True, "true": True, "0": False, "false": False}.get(text.lower())
    if name in ("optimizer", "schedule"):
        allowed = OPTIMIZERS if name == "optimizer" else SCHEDULES
        return text.lower() if text.lower() in allowed else None
    if number is None:
        return None
    if name == "lr":
        return next((lr for lr in LEARNING_RATES if math.isclose(lr, number, rel_tol=1e-6)), None)
    if name == "label_smoothing":
        return next((s for s in LABEL_SMOOTHINGS if math.isclose(s, number, abs_tol=1e-9)), None)
    if name == "momentum":
        low, high = MOMENTUM_RANGE
        return round(number, 2) if low <= number <= high else None
    if not number.is_integer():
        return None
    whole = int(number)
    if name == "epochs":
        return whole if EPOCH_RANGE[0] <= whole <= EPOCH_RANGE[1] else None
    if name == "batch_size":
        return whole if whole in BATCH_SIZES else None
    if name == "train_size":
        return whole if whole in TRAIN_SIZES else None
    if name == "seed":
        return whole if SEED_RANGE[0] <= whole <= SEED_RANGE[1] else None
    return None


def parse_recipe(params: Mapping[str, str | list[str]],
                 default: TrainConfig = PRESETS["classic"]) -> tuple[TrainConfig, list[BadValue]]:
    """The recipe a query string describes, and every value that fell back to its default."""
    values, bad = {}, []
    for name in RECIPE_FIELDS:
        if name not in params:
            continue
        text = params[name]
        text = text[-1] if isinstance(text, list) and text else text
        parsed = _parse(name, str(text).strip()) if isinstance(text, str) else None
        if parsed is None:
            bad.append(BadValue(name, str(text)[:40], getattr(default, name)))
        else:
            values[name] = parsed
    return replace(default, **values), bad


def recipe_query(config: TrainConfig) -> dict[str, str]:
    """The query-string values that describe `config` (every setting, so a link means one thing)."""
    def written(value: object) -> str:
        if isinstance(value, bool):
            return "1" if value else "0"
        return f"{value:g}" if isinstance(value, float) else str(value)

    return {name: written(getattr(config, name)) for name in RECIPE_FIELDS}


def has_recipe(params: Mapping[str, object]) -> bool:
    """Whether a query string holds any recipe setting."""
    return any(name in params for name in RECIPE_FIELDS)
