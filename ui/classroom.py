"""The class pages' glue: the server's classes, the teacher keys a workspace holds, a kept run as the
class sees it, the board read once per version of the class, and its charts built once per version
and viewer.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import streamlit as st

from core.classroom import Board, Classes, SharedRun, standings
from core.classroom import charts as class_charts
from core.classroom.challenge import UNKNOWN
from core.classroom.records import MAX_FAMILY
from core.i18n import Translator
from core.store import Workspace, store_url_from_environment
from core.training import RECIPE_FIELDS
from core.training.record import RunRecord
from ui import workspace

TEACHER_KIND = "teacher"  # a workspace item per class it teaches: name = class id, data = the teacher key
COLOUR_FIELDS = ("lr", "optimizer", "batch_size", "train_size", "epochs", "schedule", "momentum")


_MARKDOWN = set("\\`*_{}[]()<>#+-.!|~$:")


def plain(text: str) -> str:
    """User text (a nickname, a class name) made safe to put in Markdown: every character Markdown or
    HTML would act on is escaped, so `[x](http://...)` shows as those characters, not as a link."""
    return "".join(f"\\{c}" if c in _MARKDOWN else c for c in text.replace("\n", " "))


def classes() -> Classes | None:
    """The server's classes (None when saving is off: a class lives in the store)."""
    store = workspace.store()
    return None if store is None else _classes(store_url_from_environment())


@st.cache_resource(show_spinner=False)
def _classes(url: str) -> Classes:
    kept = Classes(workspace.store())
    kept.expire()  # once per server start: classes idle for a week (APP_CLASS_DAYS) are deleted
    return kept


def teacher_keys(ws: Workspace) -> dict[str, tuple[str, str | None]]:
    """Class id -> (teacher key, join code if known), for every class this workspace teaches."""
    taught = {}
    for item in ws.get_many(TEACHER_KIND, [head.name for head in ws.heads(TEACHER_KIND)]):
        try:
            kept = json.loads(item.data)
            taught[item.name] = (str(kept["key"]), kept.get("join_code"))
        except (ValueError, KeyError, TypeError):
            continue  # a damaged row: that class is not shown
    return taught


def keep_teacher_key(ws: Workspace, class_id: str, key: str, join_code: str | None = None) -> None:
    """Keep (or replace) the teacher key of a class in this workspace, with its join code to show again."""
    ws.put_latest(TEACHER_KIND, class_id, json.dumps({"key": key, "join_code": join_code}).encode())


def family_of(record: RunRecord, find: Callable[[str], RunRecord | None]) -> list[RunRecord | None]:
    """The runs `record` branched from, oldest first (None for one no longer kept: the chain stops there)."""
    chain: list[RunRecord | None] = []
    parent = record.parent
    while parent is not None and len(chain) < MAX_FAMILY - 1:
        ancestor = find(parent[0])
        chain.append(ancestor)
        parent = None if ancestor is None else ancestor.parent
    return chain[::-1]


def _recipe(run: RunRecord | None) -> dict:
    if run is None:
        return {UNKNOWN: True}  # a challenge cannot check what it cannot see
    settings = {field: getattr(run.config, field) for field in RECIPE_FIELDS}
    return settings | {"architecture": run.architecture}


def held_out_accuracy(record: RunRecord, family: list[RunRecord | None]) -> float | None:
    """The run's accuracy on the validation split, when no run of its family trained on it (else None)."""
    held_out = all(run is not None and run.config.holdout for run in [*family, record])
    if not held_out or not record.replay_epochs:
        return None
    from core.training.validation import validation_accuracy  # torch work, only for a challenge run

    return round(validation_accuracy(record.model_at(record.replay_epochs[-1])), 2)


def shared_run(record: RunRecord, name: str, family: list[RunRecord | None]) -> SharedRun:
    """What the class sees of a kept run: its recipe and its family's, accuracy by epoch (and on the
    validation split when it held it out), time; never its weights."""
    return SharedRun(
        run_id=record.id, name=name, recipe=_recipe(record),
        epochs=[{"epoch": row["epoch"], "test_acc": row["test_acc"], "seconds": row["seconds"]}
                for row in record.curves.epochs],
        final_acc=float(record.final_acc or 0.0), seconds=float(record.elapsed_s),
        family=[_recipe(run) for run in family] + [_recipe(record)],
        validation_acc=held_out_accuracy(record, family),
    )


def challenge_rules(challenge: dict, t: Translator) -> str:
    """The challenge's rules in words."""
    images, epochs = challenge.get("max_train_size"), challenge.get("max_epochs")
    return t("class.challenge.rules",
             images=t("class.challenge.no_limit") if images is None else f"{images:,}",
             epochs=t("class.challenge.no_limit") if epochs is None else str(epochs))


def why_unranked(reasons: list[tuple[str, dict]], t: Translator) -> str:
    """A run's reasons for being unranked, in one line."""
    def said(reason: str, fields: dict) -> str:
        fields = dict(fields)
        if "which" in fields:
            fields["which"] = t(f"class.challenge.which.{fields['which']}")
        for name in ("images", "limit"):
            if isinstance(fields.get(name), int):
                fields[name] = f"{fields[name]:,}"
        return t(f"class.challenge.why.{reason}", **fields)

    return "; ".join(said(reason, fields) for reason, fields in reasons)


def standing_columns(board: Board, t: Translator) -> dict[str, list]:
    """The challenge's table (for st.dataframe, which shows text as text): place (— unranked), nickname,
    run, validation and test accuracy, why unranked."""
    table = standings(board.info.challenge or {}, board.runs)
    validation = [row.run.run.validation_acc for row in table]
    return {
        t("class.challenge.col.place"): [str(row.place or "—") for row in table],
        t("class.board.col.nickname"): [row.run.nickname for row in table],
        t("class.board.col.run"): [row.run.run.name for row in table],
        t("class.challenge.col.validation"): [None if acc is None else round(acc, 2) for acc in validation],
        t("class.challenge.col.test"): [round(row.run.run.final_acc, 2) for row in table],
        t("class.challenge.col.why"): [why_unranked(row.reasons, t) for row in table],
    }


def unranked_lines(board: Board, t: Translator) -> list[str]:
    """One line per unranked run: nickname · run: why."""
    return [f"{row.run.nickname} · {row.run.run.name}: {why_unranked(row.reasons, t)}"
            for row in standings(board.info.challenge or {}, board.runs) if row.place is None]


@st.cache_data(show_spinner=False, max_entries=64)
def standings_spec(class_id: str, version: int, lang: str, places: int) -> dict:
    """The projector's chart of the challenge's first `places` ranked runs, built once per version."""
    t = Translator(lang)
    board = board_of_version(class_id, version)
    ranked = [row for row in standings(board.info.challenge or {}, board.runs) if row.place][:places]
    rows = [{"place": row.place, "who": row.run.nickname, "run": row.run.run.name,
             "validation": row.run.run.validation_acc, "test": row.run.run.final_acc} for row in ranked]
    titles = {"who": t("class.board.who"), "run": t("class.board.run"),
              "validation": t("class.challenge.col.validation"), "test": t("class.challenge.col.test"),
              "description": t("class.challenge.table_alt", count=len(rows))}
    return class_charts.standings_chart(rows, titles=titles, big=True).to_dict()


def shared_times(class_id: str, version: int) -> list[tuple[dict, float]]:
    """(recipe, seconds) of every run on one version of the class's board: what a sweep's estimate reads."""
    return [(row.run.recipe, row.run.seconds) for row in board_of_version(class_id, version).runs]


def board_rows(board: Board, me: str | None) -> list[dict]:
    """The board's runs as the charts and the table take them; `me`: the viewer's member id."""
    return [{"share_id": row.share_id, "nickname": row.nickname, "name": row.run.name,
             "recipe": row.run.recipe, "epochs": row.run.epochs, "final_acc": row.run.final_acc,
             "seconds": row.run.seconds, "mine": row.member_id == me, "hidden": row.hidden,
             "member_id": row.member_id}
            for row in board.runs]


@st.cache_data(show_spinner=False, max_entries=64)
def board_of_version(class_id: str, version: int) -> Board:
    """One version of a class's board, read from the database once for every viewer (the version
    changes with every join, share and moderation)."""
    return classes().board(class_id)


def board_specs(class_id: str, version: int, lang: str, colour_by: str, setting: str, me: str | None,
                big: bool) -> tuple[dict, dict, list[dict]]:
    """The curves chart, the sweep chart and the rows of one version of a class's board as `me` (a
    member id; None: the projector or the teacher) sees them: its own runs drawn thicker. The charts are
    built once per version and choice of colouring for every viewer; a learner's copy only marks its rows."""
    curves, sweep, rows = _shared_specs(class_id, version, lang, colour_by, setting, big)
    mine = {row["share_id"] for row in rows if me is not None and row["member_id"] == me}
    if not mine:
        return curves, sweep, rows
    return (class_charts.marked_as_mine(curves, mine), class_charts.marked_as_mine(sweep, mine),
            [{**row, "mine": row["share_id"] in mine} for row in rows])


@st.cache_data(show_spinner=False, max_entries=128)
def _shared_specs(class_id: str, version: int, lang: str, colour_by: str, setting: str,
                  big: bool) -> tuple[dict, dict, list[dict]]:
    t = Translator(lang)
    rows = board_rows(board_of_version(class_id, version), None)
    titles = {"epoch": t("class.board.epoch"), "accuracy": t("class.board.accuracy"),
              "who": t("class.board.who"), "run": t("class.board.run"), "colour": t(f"train.{colour_by}"),
              "setting": t(f"train.{setting}")}
    curves = class_charts.curves_chart(
        rows, colour_by, big=big,
        titles=titles | {"description": t("class.board.curves_alt", count=len(rows), field=titles["colour"])})
    sweep = class_charts.sweep_chart(
        rows, setting, big=big,
        titles=titles | {"description": t("class.board.sweep_alt", count=len(rows), field=titles["setting"])})
    return curves.to_dict(), sweep.to_dict(), rows
