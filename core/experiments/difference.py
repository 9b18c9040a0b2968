"""What differs between two runs and what that did, as structured parts the page puts into words.

`describe_difference(a, b)` returns the recipe changes (field, before, after) and the effects
(each a text key with its fields), so the same facts read naturally in English and Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.experiments.store import MENTION_ORDER
from core.training.record import RunRecord

ACC_SAME = 0.05  # accuracies closer than this (percentage points) are "the same"
RISE = 1.02  # a per-epoch loss more than 2% above the epoch before counts as going back up
DIVERGED_LOSS = 2.0  # above ln(10) ≈ 2.30 is guessing; near it, nothing was learned


@dataclass
class Change:
    """One recipe setting that differs."""

    field: str
    before: object
    after: object


@dataclass
class Effect:
    """One thing the change did: a text key (`experiments.effect.<key>`) and its fields."""

    key: str
    fields: dict


@dataclass
class Difference:
    """The recipe changes between two runs and their effects."""

    changes: list[Change]
    effects: list[Effect]


def rises_from(losses: list[float]) -> int | None:
    """The first epoch (1-based) whose loss is clearly above the epoch before's, or None."""
    for i in range(1, len(losses)):
        if losses[i] > losses[i - 1] * RISE:
            return i + 1
    return None


def curve_effects(run: RunRecord, which: str) -> list[Effect]:
    """What stands out in one run's curves: a training loss that diverged or went back up,
    or a test loss that rose while the training loss fell (over-fitting)."""
    train = [row["train_loss"] for row in run.curves.epochs]
    test = [row["test_loss"] for row in run.curves.epochs]
    if not train:
        return []
    if not train[-1] < DIVERGED_LOSS:  # also catches nan
        return [Effect("diverged", {"run": which})]
    epoch = rises_from(train)
    if epoch is not None:
        return [Effect("oscillates", {"run": which, "epoch": epoch})]
    epoch = rises_from(test)
    if epoch is not None:
        return [Effect("overfits", {"run": which, "epoch": epoch})]
    return []


def describe_difference(a: RunRecord, b: RunRecord) -> Difference:
    """What differs from run `a` to run `b` in recipe, device and architecture, and what it did."""
    changes = [Change(name, getattr(a.config, name), getattr(b.config, name))
               for name in MENTION_ORDER if getattr(a.config, name) != getattr(b.config, name)]
    for name in ("architecture", "device"):
        if getattr(a, name) != getattr(b, name):
            changes.append(Change(name, getattr(a, name), getattr(b, name)))
    effects = []
    if a.final_acc is not None and b.final_acc is not None:
        same = abs(a.final_acc - b.final_acc) < ACC_SAME
        effects.append(Effect("acc_same" if same else "acc", {"before": a.final_acc, "after": b.final_acc}))
    effects += curve_effects(a, "a") + curve_effects(b, "b")
    slow, quick = max(a.elapsed_s, b.elapsed_s), min(a.elapsed_s, b.elapsed_s)
    if quick > 0 and slow > 1.5 * quick:  # a clear change in time, not timing noise
        effects.append(Effect("time", {"before": a.elapsed_s, "after": b.elapsed_s}))
    return Difference(changes, effects)
