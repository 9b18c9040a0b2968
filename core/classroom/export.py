"""A class's shared runs as CSV for the teacher's spreadsheet, every cell safe to open.

A cell starting with = + - @ (or a tab or carriage return) is a formula to Excel, LibreOffice and Google
Sheets (`=HYPERLINK(...)` in a nickname); such a cell gets a leading single quote, which they show as text.
"""

from __future__ import annotations

import csv
import io
import json

from core.classroom.records import Board

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A value as a CSV cell no spreadsheet runs."""
    if isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    elif isinstance(value, float):
        text = f"{value:g}"
    else:
        text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def board_csv(board: Board) -> bytes:
    """nickname, run name, each recipe setting, final and validation accuracy, seconds, hidden: one row per
    shared run."""
    settings: list[str] = []
    for shared in board.runs:
        settings += [name for name in shared.run.recipe if name not in settings]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(cell) for cell in ("nickname", "run", *settings, "final_acc",
                                                  "validation_acc", "seconds", "hidden")])
    for shared in reversed(board.runs):  # oldest first, as a lesson went
        run = shared.run
        writer.writerow([safe_cell(cell) for cell in (
            shared.nickname, run.name, *(run.recipe.get(name) for name in settings),
            round(run.final_acc, 2), None if run.validation_acc is None else round(run.validation_acc, 2),
            round(run.seconds, 1), "yes" if shared.hidden else "no")])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: Excel reads 中文 nicknames as UTF-8
