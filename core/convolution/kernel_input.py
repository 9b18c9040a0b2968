"""The learner's own kernel, typed as rows of numbers: parse it and say what is wrong with it.

One row per line, numbers separated by spaces or commas (Chinese full-width commas and the
typographic minus sign are accepted too). A kernel must be 3 x 3 or 5 x 5, hold only finite
numbers of a sensible size, and not be all zeros (it would wipe every image out).
"""

from __future__ import annotations

import re

import numpy as np

ALLOWED_SIZES = (3, 5)
LARGEST_WEIGHT = 1000.0  # beyond this the filtered values dwarf anything worth looking at

# What a learner may type instead of plain ASCII: full-width comma / semicolon, and minus signs.
_SUBSTITUTES = str.maketrans({"，": ",", "；": ";", "−": "-", "－": "-", "\u3000": " "})
_SEPARATORS = re.compile(r"[,\s]+")


class KernelInputError(ValueError):
    """Typed text that is not a usable kernel; `problem` names what is wrong, `fields` fill the
    message ("empty", "not_number", "not_finite", "too_large", "ragged", "wrong_size", "all_zero")."""

    def __init__(self, problem: str, **fields: object):
        self.problem = problem
        self.fields = fields
        super().__init__(f"{problem}: {fields}")


def _number(token: str) -> float:
    try:
        value = float(token)
    except ValueError:
        raise KernelInputError("not_number", token=token[:20]) from None
    if not np.isfinite(value):  # "nan", "inf" and "1e999" all parse
        raise KernelInputError("not_finite", token=token[:20])
    if abs(value) > LARGEST_WEIGHT:
        raise KernelInputError("too_large", token=token[:20], limit=int(LARGEST_WEIGHT))
    return value


def parse_kernel(text: str) -> np.ndarray:
    """The kernel typed in `text` as a float64 array; raises `KernelInputError` when unusable."""
    lines = text.translate(_SUBSTITUTES).replace(";", "\n").splitlines()
    rows = [[_number(tok) for tok in _SEPARATORS.split(line.strip()) if tok] for line in lines]
    rows = [row for row in rows if row]  # blank lines are only spacing
    if not rows:
        raise KernelInputError("empty")
    widths = {len(row) for row in rows}
    if len(widths) > 1:
        raise KernelInputError("ragged", widths=" / ".join(str(len(row)) for row in rows))
    shape = (len(rows), len(rows[0]))
    if shape[0] != shape[1] or shape[0] not in ALLOWED_SIZES:
        raise KernelInputError("wrong_size", rows=shape[0], cols=shape[1])
    kernel = np.array(rows, dtype=np.float64)
    if not kernel.any():
        raise KernelInputError("all_zero")
    return kernel


def format_kernel(kernel: np.ndarray) -> str:
    """A kernel as editable text, one row per line, shortest exact-looking numbers."""
    return "\n".join(" ".join(f"{value:g}" for value in row) for row in np.asarray(kernel))
