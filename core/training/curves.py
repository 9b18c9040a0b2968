"""Training curves as tables: the learner's history, smoothed, and the tutorial's published run."""

from __future__ import annotations

import numpy as np
import pandas as pd

# The classic tutorial's own printed run (SGD lr 0.01, momentum 0.9, batch 64, 5 epochs):
# mean training loss of each epoch, and test accuracy in percent after it.
TUTORIAL_TRAIN_LOSS = (0.2866, 0.0654, 0.0481, 0.0369, 0.0302)
TUTORIAL_TEST_ACC = (97.71, 98.63, 98.78, 98.89, 98.24)
TUTORIAL_BEST = max(TUTORIAL_TEST_ACC)  # 98.89%: the mark the fast recipe races to


def smooth(values: list[float] | np.ndarray, weight: float = 0.8) -> np.ndarray:
    """An exponential moving average with start-up bias corrected, as TensorBoard draws it."""
    values = np.asarray(values, dtype=float)
    out = np.empty_like(values)
    average = 0.0
    for i, value in enumerate(values):
        average = weight * average + (1 - weight) * value
        out[i] = average / (1 - weight ** (i + 1))
    return out


def thin(frame: pd.DataFrame, most: int = 400) -> pd.DataFrame:
    """At most `most` evenly spaced rows (always keeping the last), so a long run draws quickly."""
    if len(frame) <= most:
        return frame
    keep = np.unique(np.append(np.linspace(0, len(frame) - 1, most).astype(int), len(frame) - 1))
    return frame.iloc[keep]


def batch_frame(epochs: list[float], losses: list[float], weight: float = 0.8,
                seconds: list[float] | None = None) -> pd.DataFrame:
    """The batch losses against the epoch reached (fractional) and, when given, the seconds of
    training so far, raw and smoothed."""
    frame = pd.DataFrame({"epoch": epochs, "loss": losses})
    if seconds is not None:
        frame["seconds"] = seconds
    frame["smoothed"] = smooth(losses, weight) if losses else []
    return thin(frame)


def epoch_frame(rows: list[dict]) -> pd.DataFrame:
    """Per-epoch figures in long form: epoch, seconds (of training when the epoch ended, NaN when
    unknown), metric ("loss"/"accuracy"), split ("train"/"test"), value."""
    records = []
    for row in rows:
        at = {"epoch": row["epoch"], "seconds": row.get("seconds", np.nan)}
        for split in ("train", "test"):
            records.append({**at, "metric": "loss", "split": split, "value": row[f"{split}_loss"]})
            records.append({**at, "metric": "accuracy", "split": split, "value": row[f"{split}_acc"]})
    return pd.DataFrame(records, columns=["epoch", "seconds", "metric", "split", "value"])


def first_reached(rows: list[dict], target: float = TUTORIAL_BEST) -> dict | None:
    """The first epoch's figures (a row as `epoch_frame` reads them) whose test accuracy is at
    least `target`, or None when none is."""
    return next((row for row in rows if row["test_acc"] >= target), None)


def tutorial_frame() -> pd.DataFrame:
    """The tutorial's published curve in the same long form (it printed no test loss or train accuracy)."""
    records = [{"epoch": e + 1, "metric": "loss", "split": "train", "value": v}
               for e, v in enumerate(TUTORIAL_TRAIN_LOSS)]
    records += [{"epoch": e + 1, "metric": "accuracy", "split": "test", "value": v}
                for e, v in enumerate(TUTORIAL_TEST_ACC)]
    return pd.DataFrame(records)
