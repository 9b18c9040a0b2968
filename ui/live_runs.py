"""The server's registry of running runs, one per workspace, and what a run keeps as it goes.

A run is followed by the server (core.training.live), so every tab of the learner's workspace in
this process shows the same run: a refresh mid-epoch finds it and the curve goes on. Its epochs are
written to the workspace by the experiments bench (a session observer); the model as each epoch
ends becomes the workspace's active model (`keep_model`), which every tab follows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core.store import StoreError, Workspace
from core.training.live import LiveRuns
from core.training.record import DONE, PAUSED, RunRecord
from core.training.session import EPOCH_ENDED, TrainingSession
from core.workspace.items import MODEL
from ui import workspace
from ui.training_pool import training_pool

_log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def live_runs() -> LiveRuns:
    """One registry per server process."""
    return LiveRuns()


def _sessions_alive() -> Callable[[set[str]], bool] | None:
    if not Runtime.exists():
        return None
    runtime = Runtime.instance()
    return lambda session_ids: any(runtime.is_active_session(i) for i in session_ids)


def seen() -> None:
    """Count this browser session among the workspace's viewers (its run lives while one is connected)."""
    context = get_script_run_ctx()
    if context is not None:
        live_runs().seen_by(workspace.workspace_key(), context.session_id)


def workspace_run() -> TrainingSession | None:
    """The run this workspace trains (or trained last) in this process."""
    return live_runs().get(workspace.workspace_key())


def start(session: TrainingSession) -> None:
    """Train the session on in a worker, followed by the server; each epoch's model becomes the active one."""
    kept = workspace.workspace()
    if kept is not None and not any(getattr(o, "keeps_model", False) for o in session.observers):
        session.observers.append(ModelKeeper(kept))
    seen()
    live_runs().start(workspace.workspace_key(), session, training_pool(), _sessions_alive())


class ModelKeeper:
    """A session observer: the model as each epoch ends (or the run stops) becomes the workspace's model."""

    keeps_model = True

    def __init__(self, kept: Workspace):
        self.workspace = kept
        self.kept = False  # whether the model as the run stands now is the workspace's

    def __call__(self, record: RunRecord, what: str) -> None:
        if what not in (EPOCH_ENDED, DONE, PAUSED) or not record.curves.epochs and record.paused is None:
            return
        try:
            model, meta = model_of(record)
            self.workspace.put_latest(MODEL.kind, MODEL.name, MODEL.to_bytes((model, meta)))
        except StoreError as err:  # the page then keeps the model in the session (`model_kept` is False)
            _log.warning("the run's model was not kept: %s", type(err).__name__)
            self.kept = False
        else:
            self.kept = True


def model_kept(session: TrainingSession) -> bool:
    """Whether the server kept the run's latest model in the workspace (every tab then reads it)."""
    return any(isinstance(o, ModelKeeper) and o.kept for o in session.observers)


def model_of(record: RunRecord):
    """The run's model as it stands (a stop mid-epoch: where it stopped), with its metadata."""
    epoch = record.epochs_done
    model = record.model_at(epoch)
    if record.paused is not None:
        model.load_state_dict(record.paused.model)
    meta = record.meta(epoch, source="trained in the app")
    if record.results is not None:
        meta = {**meta, "test_accuracy": round(record.results.test_acc, 2),
                "test_loss": round(record.results.test_loss, 4)}
    return model.eval(), meta
