"""The session's run store and the training page's hooks into it: every run recorded, finished or stopped.

The store lives in `st.session_state` as a cache of the learner's workspace (ui/workspace.py): it
is filled from the workspace when the session opens and writes every kept run through to it, so
runs survive a refresh, a new tab and a server restart, and one learner never sees another's.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.experiments.difference import describe_difference
from core.experiments.store import RunStore, name_parts, runs_table
from core.i18n import Translator
from core.store import StoreError, Workspace
from core.training import RECIPE_FIELDS
from core.training.record import RunRecord
from core.workspace.runs import RunShelf
from ui.state import translator

STORE_KEY = "experiments.store"
# the runs table's columns besides the recipe's, each named by `experiments.col.<column>`
RUN_COLUMNS = ("run", "name", "family", "status", "final", "best", "best_epoch", "time", "speed", "pinned",
               "device", "architecture")


def run_store() -> RunStore:
    """This session's runs."""
    if STORE_KEY not in st.session_state:
        st.session_state[STORE_KEY] = RunStore()
    return st.session_state[STORE_KEY]


def open_kept_runs(workspace: Workspace) -> None:
    """Fill this session's runs from the workspace, and keep every new one there (a session that
    holds runs already, handed over before its first script run, keeps them as they are)."""
    from ui.live_runs import workspace_run

    if STORE_KEY in st.session_state and st.session_state[STORE_KEY].shelf is None:
        return

    shelf = RunShelf(workspace)
    store = RunStore(shelf=shelf)
    if workspace.exists():
        records = shelf.load_all()
        live = workspace_run()  # a run the server trains now is shown as it stands, not as last kept
        if live is not None:
            records = [live.record if record.id == live.record.id else record for record in records]
        store.load(records, training=None if live is None else live.record.id)
    st.session_state[STORE_KEY] = store


def follow_kept_runs() -> None:
    """Read the runs again when another tab (or the server, at a run's epoch end) changed them."""
    store = run_store()
    if store.shelf is None:
        return
    try:
        if store.shelf.changed():
            open_kept_runs(store.shelf.workspace)
    except StoreError:
        pass  # the sidebar says the store cannot be reached; the runs here stay as they are


def forget_session_runs() -> None:
    """Drop this session's runs (the browser now opens another workspace)."""
    st.session_state.pop(STORE_KEY, None)


def started(session: object) -> None:
    """Keep a training session's run on the bench whenever it finishes or pauses (the training page
    and a branch call this when the run is made)."""
    run_store().follow(session)


def show_notice() -> None:
    """The pending notice about a dropped run, once."""
    store = run_store()
    notice, store.notice = store.notice, None
    if notice is None:
        return
    what, run = notice
    t = translator()
    text = t("experiments.not_kept", cap=store.cap) if what == "not_kept" else \
        t("experiments.dropped", cap=store.cap, id=store.number(run), name=run_name(run, t))
    st.warning(text, icon=":material/delete_sweep:")


def format_value(field: str, value: object, t: Translator) -> str:
    """A recipe value as a learner reads it (translated names, thousands separators)."""
    if field == "optimizer":
        return t(f"train.optimizer.{value}")
    if field == "schedule":
        return t(f"train.schedule.{value}")
    if field == "train_size":
        return f"{value:,}"
    if isinstance(value, bool):
        return t("common.yes" if value else "common.no")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def run_name(run: RunRecord, t: Translator) -> str:
    """The learner's name for the run, else one built from what differs from the classic recipe."""
    if run.name:
        return run.name
    parts = [t(f"experiments.name.{f}.{v}") if f in ("optimizer", "schedule")
             else t(f"experiments.name.{f}", value=format_value(f, v, t)) for f, v in name_parts(run.config)]
    return " · ".join(parts) or t("experiments.classic")


def run_label(run: RunRecord, t: Translator) -> str:
    """The run's number and name, unique within the session (the legend and the sentences use it)."""
    return f"#{run_store().number(run)} {run_name(run, t)}"


def runs_frame(runs: list[RunRecord], t: Translator) -> pd.DataFrame:
    """The runs table with translated headers and values (the page shows it; the CSV holds it)."""
    frame = runs_table(runs, [run_name(run, t) for run in runs], run_store().number)
    frame["family"] = [t("experiments.family", id=p[0], epoch=p[1]) if p else "" for p in frame["family"]]
    frame["status"] = [t(f"experiments.status.{s}") for s in frame["status"]]
    for field in ("optimizer", "schedule"):
        frame[field] = [format_value(field, v, t) for v in frame[field]]
    headers = {c: t(f"experiments.col.{c}") for c in RUN_COLUMNS}
    headers |= {f: t(f"train.{f}") for f in RECIPE_FIELDS}  # the training page's own names
    return frame.rename(columns=headers)


def difference_sentence(a: RunRecord, b: RunRecord, t: Translator) -> str:
    """In words: what differs from run `a` to run `b`, and what it did."""
    difference = describe_difference(a, b)
    la, lb = run_label(a, t), run_label(b, t)
    changes = [t("experiments.diff.change", field=t(f"experiments.field.{c.field}"),
                 before=format_value(c.field, c.before, t), after=format_value(c.field, c.after, t))
               for c in difference.changes]
    if not changes:
        first = t("experiments.diff.same", a=la, b=lb) + " " + t("experiments.diff.same_seed")
    elif len(changes) == 1:
        first = t("experiments.diff.only", a=la, b=lb, change=changes[0])
    else:
        first = t("experiments.diff.several", a=la, b=lb, count=len(changes), changes="; ".join(changes))
    names = {"a": la, "b": lb}
    effects = [t(f"experiments.effect.{e.key}", **(e.fields | {"run": names[e.fields["run"]]}
                                                   if "run" in e.fields else e.fields))
               for e in difference.effects]
    return first + ("\n\n→ " + "; ".join(effects) + "." if effects else "")
