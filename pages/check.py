"""Concept check: form A before the lessons, form B after, then before → after per idea."""

from __future__ import annotations

import streamlit as st

from ui import concept_check as check
from ui.state import translator

t = translator()

# --- the page ------------------------------------------------------------------------------------

st.title(t("check.title"))
st.write(t("check.intro"))
kept = check.kept()
if "A" not in kept:
    check.draw_form("A", t)
elif "B" not in kept:
    check.draw_first_result(kept, t)
    st.divider()
    check.draw_form("B", t)
    check.start_again_button(t)
else:
    check.draw_before_after(kept, t)
    check.start_again_button(t)
