"""A class challenge: rules the server checks along a run's whole family, a ranking on the validation split.

The teacher sets a limit on training images and on epochs (either may be None: no limit). A shared run is
ranked only when every recipe in its family (the run and each run it branched from, oldest first) keeps the
validation images out (`holdout`) and stays within the limits: a branch of a run trained on 60,000 images
does not qualify for "at most 1,000". Ranked runs are ordered by their accuracy on the validation split; the
test accuracy is shown beside it, and no decision is made on it (the test set is for the end).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.classroom.errors import Refused
from core.classroom.records import BoardRun, SharedRun

RULES = ("max_train_size", "max_epochs")
UNKNOWN = "unknown"  # a family recipe the learner's workspace no longer holds: it cannot be checked


def checked_challenge(rules: dict) -> dict:
    """The challenge as stored ({"max_train_size": int | None, "max_epochs": int | None});
    Refused("challenge") for anything else."""
    from core.training.engine import EPOCH_RANGE
    from core.training.recipe_url import TRAIN_SIZES

    if not isinstance(rules, dict) or not set(rules) <= set(RULES):
        raise Refused("challenge", rules=sorted(map(str, rules)) if isinstance(rules, dict) else "?")
    images, epochs = rules.get("max_train_size"), rules.get("max_epochs")
    if images is not None and (isinstance(images, bool) or images not in TRAIN_SIZES):
        raise Refused("challenge", rules="max_train_size")
    if epochs is not None and (isinstance(epochs, bool) or not isinstance(epochs, int)
                               or not EPOCH_RANGE[0] <= epochs <= EPOCH_RANGE[1]):
        raise Refused("challenge", rules="max_epochs")
    return {"max_train_size": images, "max_epochs": epochs}


def breaches(challenge: dict, run: SharedRun) -> list[tuple[str, dict]]:
    """Why `run` is not ranked, as (reason, fields) for the text `class.challenge.why.<reason>`; [] when it
    qualifies. Every recipe of its family is checked, the run's own last."""
    found: list[tuple[str, dict]] = []
    family = list(run.family) or [run.recipe]
    for place, recipe in enumerate(family):
        which = "own" if place == len(family) - 1 else "ancestor"
        if recipe.get(UNKNOWN):
            found.append(("unknown", {}))
            continue
        if not recipe.get("holdout"):
            found.append(("validation", {"which": which}))
        images, limit = recipe.get("train_size"), challenge.get("max_train_size")
        if limit is not None and (not isinstance(images, int) or images > limit):
            found.append(("train_size", {"which": which, "images": images, "limit": limit}))
        epochs, most = recipe.get("epochs"), challenge.get("max_epochs")
        if most is not None and (not isinstance(epochs, int) or epochs > most):
            found.append(("epochs", {"which": which, "epochs": epochs, "limit": most}))
    if not found and run.validation_acc is None:
        found.append(("no_validation", {}))
    unique: list[tuple[str, dict]] = []  # two ancestors breaking the same rule the same way: said once
    for breach in found:
        if breach not in unique:
            unique.append(breach)
    return unique


@dataclass(frozen=True)
class Standing:
    """One shared run in the challenge: its place (None: unranked) and why it is unranked."""

    place: int | None
    run: BoardRun
    reasons: list[tuple[str, dict]]


def standings(challenge: dict, runs: list[BoardRun]) -> list[Standing]:
    """The ranked runs by validation accuracy (best first; a tie shares the place), then the unranked."""
    judged = [(run, breaches(challenge, run.run)) for run in runs]
    ranked = sorted((run for run, why in judged if not why), key=lambda run: -run.run.validation_acc)
    table, place, previous = [], 0, None
    for position, run in enumerate(ranked, start=1):
        if run.run.validation_acc != previous:
            place, previous = position, run.run.validation_acc
        table.append(Standing(place, run, []))
    return table + [Standing(None, run, why) for run, why in judged if why]
