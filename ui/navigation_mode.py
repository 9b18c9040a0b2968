"""Keep Streamlit in st.navigation mode although the page files live in a `pages/` folder.

Streamlit decides once per process whether an app is a legacy `pages/`-folder app: it looks
for the folder at the first session's start, and only a call of `st.navigation` corrects it.
So when a fresh server's first visitor opens a page URL (`/dataset`), Streamlit runs that
page file alone, without `app.py`: the legacy menu appears and the shared sidebar does not.
Every page imports `ui`, so settling the mode here, then rerunning, routes that first
request through `app.py` like every other.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx


def settle_navigation_mode() -> None:
    """Switch the process to st.navigation mode, rerunning a script that started in the other.

    Imported before the server starts (`scripts/start_app.py` preloads `ui`), this decides the
    mode before any session could guess it: the first request then needs no rerun."""
    if PagesManager.uses_pages_directory is not False:
        started_in_legacy_mode = PagesManager.uses_pages_directory
        PagesManager.uses_pages_directory = False
        if started_in_legacy_mode and get_script_run_ctx() is not None:
            st.rerun()
