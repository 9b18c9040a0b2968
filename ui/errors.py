"""Friendly, translated messages for the errors a learner can meet."""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable

import streamlit as st

from core.checkpoint import CheckpointError
from core.data import DataFileError
from core.i18n import Translator
from core.training.weights_messages import refusal_message
from ui.state import translator

log = logging.getLogger("explainer")
# Set by the test suite: an unexpected error then fails the test instead of becoming a message.
RAISE_ENV_VAR = "EXPLAINER_RAISE_ERRORS"


def show_error(err: Exception, t: Translator) -> None:
    """Tell the learner what went wrong and what to do, without a traceback."""
    if isinstance(err, DataFileError):
        st.error(t(f"error.data_{err.problem}", file=err.path.name, folder=err.path.parent))
    elif isinstance(err, CheckpointError):
        st.error(refusal_message(err, t))
    else:
        if os.environ.get(RAISE_ENV_VAR):
            raise err
        log.exception("unexpected error while running a page")
        st.error(t("error.unexpected"))


def guarded_fragment(section: Callable[..., None]) -> Callable[..., None]:
    """`st.fragment(section)` whose errors reach the learner as `show_error` messages: a
    fragment's own reruns skip app.py, and with it the guard around every page."""

    @functools.wraps(section)
    def guarded(*args, **kwargs) -> None:
        try:
            section(*args, **kwargs)
        except Exception as err:  # Stop/Rerun are BaseExceptions and pass through untouched
            show_error(err, translator())

    return st.fragment(guarded)
