"""A class sweep: one setting the teacher spreads over the class (each learner gets one of its values),
the rest of the recipe held to a small budget so every run finishes in the lesson.

The allowed values are the training page's own (core/training/recipe_url.py), so a swept recipe is one the
page can show and train.
"""

from __future__ import annotations

import math

from core.classroom.errors import Refused

SETTINGS = ("lr", "batch_size", "train_size", "epochs", "optimizer")
MAX_VALUES = 12
DEFAULT_BUDGET = {"train_size": 5000, "epochs": 1}


def checked_value(setting: str, value: object) -> object:
    """`value` as the recipe holds it when the training page offers it for `setting`; else None."""
    # imported here: core.training loads torch, which a class's board and its tests do not need
    from core.training.engine import EPOCH_RANGE, OPTIMIZERS
    from core.training.recipe_url import BATCH_SIZES, LEARNING_RATES, TRAIN_SIZES

    if setting == "optimizer":
        return value.lower() if isinstance(value, str) and value.lower() in OPTIMIZERS else None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    if setting == "lr":
        return next((lr for lr in LEARNING_RATES if math.isclose(lr, value, rel_tol=1e-6)), None)
    if not float(value).is_integer():
        return None
    whole = int(value)
    if setting == "epochs":
        return whole if EPOCH_RANGE[0] <= whole <= EPOCH_RANGE[1] else None
    allowed = {"batch_size": BATCH_SIZES, "train_size": TRAIN_SIZES}.get(setting, ())
    return whole if whole in allowed else None


def checked_sweep(setting: str, values: list, budget: dict | None) -> dict:
    """The sweep as stored ({"setting", "values", "budget"}); Refused("sweep", ...) for anything off."""
    if setting not in SETTINGS:
        raise Refused("sweep", setting=setting)
    if not isinstance(values, list | tuple) or not 0 < len(values) <= MAX_VALUES:
        raise Refused("sweep", values=f"1 to {MAX_VALUES} values")
    checked = [checked_value(setting, value) for value in values]
    if any(value is None for value in checked) or len(set(checked)) != len(checked):
        raise Refused("sweep", values=[str(value)[:20] for value in values])
    budget = dict(DEFAULT_BUDGET if budget is None else budget)
    budget.pop(setting, None)  # the swept setting is each learner's own value
    if not set(budget) <= set(SETTINGS):
        raise Refused("sweep", budget=sorted(budget))
    for name, value in budget.items():
        budget[name] = checked_value(name, value)
        if budget[name] is None:
            raise Refused("sweep", budget=name)
    return {"setting": setting, "values": checked, "budget": budget}


ASSUMED_RUN_S = 30.0  # a first guess per sweep run (5,000 images, 1 epoch) until the class's own come in


def sweep_runs(sweep: dict, recipes: list[dict]) -> list[dict]:
    """The recipes (of shared runs) that are runs of this sweep: the budget kept, a value of the sweep."""
    setting, values, budget = sweep["setting"], sweep["values"], sweep.get("budget", {})
    return [recipe for recipe in recipes if recipe.get(setting) in values
            and all(recipe.get(name) == value for name, value in budget.items())]


def finish_estimate(sweep: dict, shared: list[tuple[dict, float]], members: int, workers: int) -> dict:
    """How far the sweep is and how long the rest take: `shared` is (recipe, seconds) of each shared run;
    every member (at least one per value) makes one run, `workers` of them train at a time. The time a run
    takes is the median of the sweep runs shared so far (`measured`), else ASSUMED_RUN_S."""
    times = sorted(seconds for recipe, seconds in shared if sweep_runs(sweep, [recipe]))
    runs = max(members, len(sweep["values"]))
    done = min(len(times), runs)
    seconds = times[len(times) // 2] if times else ASSUMED_RUN_S
    left = runs - done
    return {"done": done, "runs": runs, "seconds": seconds, "measured": bool(times),
            "minutes": math.ceil(left / max(workers, 1)) * seconds / 60.0}
