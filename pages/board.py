"""The projector's class board: read-only (no moderation controls), large type, refreshing itself.

Opened by the link the teacher's Class page shows (`/board?class=<class id>`). The board's charts
are built once per version of the class (ui.classroom.board_specs), so a projector polling every
few seconds costs one cheap query while nothing changes.
"""

from __future__ import annotations

import streamlit as st

from core.classroom import SETTINGS
from core.i18n import Translator
from ui import classroom
from ui.state import translator

t = translator()
REFRESH_S = 5
PLACES_SHOWN = 10  # the challenge's top places; the whole table is on the Class page


@st.fragment(run_every=REFRESH_S)
def live_board(class_id: str) -> None:
    """The board as it stands, redrawn every few seconds, in the class's language (the room's)."""
    kept = classroom.classes()
    info = kept.info(class_id)
    if info is None or info.ended:
        st.title(t("board.title"))
        st.info(t("class.projector.missing"))
        return
    room = Translator(info.language)
    st.title(room("class.projector.title", name=classroom.plain(info.name)))
    setting = info.sweep["setting"] if info.sweep and info.sweep.get("setting") in SETTINGS else "lr"
    curves, sweep, rows = classroom.board_specs(class_id, info.version, room.lang, setting, setting, None,
                                                big=True)
    if not rows:
        st.info(room("class.board.empty"))
        return
    st.caption(room("class.board.runs", count=len(rows), members=len({r["nickname"] for r in rows})))
    if info.challenge:
        st.header(room("class.challenge.header"))
        st.markdown(classroom.challenge_rules(info.challenge, room))
        st.vega_lite_chart(classroom.standings_spec(class_id, info.version, room.lang, PLACES_SHOWN),
                           width="stretch")  # names drawn by Vega as text, large enough for the room
        unranked = classroom.unranked_lines(classroom.board_of_version(class_id, info.version), room)
        if unranked:
            st.subheader(room("class.challenge.unranked"))
            for line in unranked:
                st.text(line)  # text, never Markdown: a nickname is the characters typed
    left, right = st.columns(2)
    left.vega_lite_chart(curves, width="stretch")  # each spec carries its description (its accessible name)
    right.vega_lite_chart(sweep, width="stretch")


class_id = st.query_params.get("class", "")
if classroom.classes() is None or not class_id:
    st.title(t("board.title"))
    st.info(t("class.projector.missing"))
else:
    live_board(class_id[:64])
