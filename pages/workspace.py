"""Your work: what the learner's workspace holds, how long it is kept, and moving, leaving or deleting it."""

from __future__ import annotations

import time

import streamlit as st

from core.qr import qr_png
from core.store import StoreError, WorkspaceStore
from ui import workspace
from ui.state import translator

t = translator()
MADE_KEY = "workspace.made_code"  # (code, valid until) made on this browser
FORGET_KEY = "workspace.forget_confirm"


def holdings(summary: dict[str, int]) -> None:
    """Counts of what the workspace holds."""
    st.subheader(t("workspace.holds"))
    if not summary:
        st.info(t("workspace.empty"))
        return
    columns = st.columns(5)
    for column, kind in zip(columns, ("run", "collection", "model", "design"), strict=False):
        column.metric(t(f"workspace.count.{kind}"), summary.get(kind, 0))
    columns[4].metric(t("workspace.count.bytes"), f"{summary.get('bytes', 0) / 1e6:.1f} MB")


def make_code(store: WorkspaceStore) -> None:
    """A one-time transfer code for another device, with the link that carries it."""
    st.subheader(t("workspace.transfer.header"))
    st.write(t("workspace.transfer.body"))
    if st.button(t("workspace.transfer.make"), key="workspace.make_code", icon=":material/devices:"):
        ws = workspace.workspace()
        st.session_state[MADE_KEY] = (ws.transfer_code(), time.time() + 600)
    made = st.session_state.get(MADE_KEY)
    if made is not None and made[1] > time.time():
        code, until = made
        until_text = time.strftime("%H:%M", time.localtime(until))
        st.markdown(t("workspace.transfer.code", code=code, until=until_text))
        base = (st.context.url or "").split("?")[0].rsplit("/", 1)[0]
        st.caption(t("workspace.transfer.link"))
        st.code(f"{base}/?transfer={code}", language=None)
        st.image(qr_png(f"{base}/?transfer={code}"), width=200, alt=t("workspace.transfer.qr_alt"))


def receive_code(store: WorkspaceStore, summary: dict[str, int]) -> None:
    """Enter a code from another device, see what it holds, and only then take it."""
    offered = st.session_state.get(workspace.OFFER_KEY)
    with st.form("workspace.receive", border=False):
        typed = st.text_input(t("workspace.transfer.enter"), key="workspace.code", max_chars=16,
                              help=t("workspace.transfer.enter_help"))
        if st.form_submit_button(t("workspace.transfer.look"), key="workspace.look"):
            offered = typed
            st.session_state[workspace.OFFER_KEY] = typed
    if not offered:
        return
    theirs = store.peek_transfer(offered)  # None for a malformed, unknown, used or expired code
    if theirs is None:
        st.error(t("workspace.transfer.unknown"))
        return
    model = t("workspace.transfer.model_yes" if theirs.get("model") else "workspace.transfer.model_no")
    st.warning(t("workspace.transfer.offer", runs=theirs.get("run", 0), digits=digits_phrase(theirs),
                 model=model, mine_runs=summary.get("run", 0), mine_digits=digits_phrase(summary)))
    take, keep = st.columns(2)
    if take.button(t("workspace.transfer.take"), key="workspace.take", type="primary"):
        new_secret = store.redeem_transfer(offered)
        st.session_state.pop(workspace.OFFER_KEY, None)
        if new_secret is None:
            st.error(t("workspace.transfer.unknown"))
            return
        workspace.switch_to(new_secret)
        st.session_state[workspace.NOTICE_KEY] = ("workspace.transfer.done", {})
        st.rerun()
    if keep.button(t("workspace.transfer.cancel"), key="workspace.keep"):
        st.session_state.pop(workspace.OFFER_KEY, None)
        st.rerun()


def digits_phrase(summary: dict[str, int]) -> str:
    """Whether a workspace holds a collection of digits, in words."""
    return t("workspace.transfer.digits_yes" if summary.get("collection") else "workspace.transfer.digits_no")


def start_fresh() -> None:
    """A shared computer: forget the workspace on this browser, delete nothing."""
    st.subheader(t("workspace.fresh.header"))
    st.write(t("workspace.fresh.body"))
    if st.button(t("workspace.fresh.button"), key="workspace.fresh", icon=":material/logout:"):
        workspace.switch_to(WorkspaceStore.new_secret())
        st.session_state[workspace.NOTICE_KEY] = ("workspace.fresh.done", {})
        st.rerun()


def forget_me() -> None:
    """Delete the workspace and everything in it, after a confirmation."""
    st.subheader(t("workspace.forget.header"))
    st.write(t("workspace.forget.body"))
    sure = st.checkbox(t("workspace.forget.confirm"), key=FORGET_KEY)
    if st.button(t("workspace.forget.button"), key="workspace.forget", type="primary", disabled=not sure,
                 icon=":material/delete_forever:"):
        workspace.workspace().forget()
        workspace.switch_to(WorkspaceStore.new_secret())
        st.session_state[workspace.NOTICE_KEY] = ("workspace.forget.done", {})
        st.rerun()


st.title(t("workspace.title"))
st.write(t("workspace.intro"))
store = workspace.store()
if store is None:
    st.info(t("workspace.saving_off"))
else:
    try:
        summary = workspace.workspace().summary()
        holdings(summary)
        st.caption(t("workspace.how_long", days=store.idle_days))
        st.page_link("pages/privacy.py", label=t("workspace.privacy_link"), icon=":material/policy:")
        make_code(store)
        receive_code(store, summary)
        start_fresh()
        forget_me()
    except StoreError:
        st.error(t("workspace.unavailable"))
