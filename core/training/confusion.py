"""What a trained model got right and wrong on the test set: the confusion matrix and its cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # core.i18n imports this package's text while it loads
    from core.i18n import Translator


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray, classes: int = 10) -> np.ndarray:
    """Counts `[true, predicted]`: row = the digit written, column = the digit the model said."""
    labels, predicted = np.asarray(labels), np.asarray(predicted)
    return np.bincount(labels * classes + predicted, minlength=classes * classes).reshape(classes, classes)


def mistakes(matrix: np.ndarray, top: int = 5) -> list[tuple[int, int, int]]:
    """The off-diagonal cells with most errors, as (true, predicted, count), most first."""
    off = matrix.copy()
    np.fill_diagonal(off, 0)
    order = np.argsort(off, axis=None)[::-1][:top]
    cells = [(int(i // off.shape[1]), int(i % off.shape[1]), int(off.flat[i])) for i in order]
    return [cell for cell in cells if cell[2] > 0]


def cell_indices(labels: np.ndarray, predicted: np.ndarray, true: int, said: int) -> np.ndarray:
    """Indices of the test images of digit `true` that the model read as `said`."""
    return np.flatnonzero((np.asarray(labels) == true) & (np.asarray(predicted) == said))


def confusion_description(matrix: np.ndarray, t: Translator) -> str:
    """The matrix in words, for a screen reader: how many images were misread, and the worst cell."""
    worst = mistakes(matrix, top=1)
    if not worst:
        return t("alt.confusion")
    true, said, count = worst[0]
    return t("alt.confusion_errors", errors=int(matrix.sum() - np.trace(matrix)), total=int(matrix.sum()),
             true=true, said=said, count=count)
