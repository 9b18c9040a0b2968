"""Privacy: what the app keeps about a learner, where, for how long, and how to delete it."""

from __future__ import annotations

import streamlit as st

from ui import workspace
from ui.state import translator

t = translator()
store = workspace.store()
st.title(t("privacy.title"))
st.markdown(t("privacy.body", days=store.idle_days if store is not None else 30))
st.page_link("pages/workspace.py", label=t("nav.workspace"), icon=":material/folder_shared:")
