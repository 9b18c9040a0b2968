"""Entry point: page config, navigation over pages/, and the sidebar every page shares."""

from __future__ import annotations

import streamlit as st

from core.checkpoint import shown_accuracy
from core.i18n import LANGUAGES, Translator, language_for_locale
from ui import cache, live_runs, state, workspace
from ui.errors import show_error
from ui.navigation import PAGES, PAGES_DIR, WORK_PAGES
from ui.prediction import presenter_switch


def chosen_language() -> Translator:
    """The language: the sidebar's choice, else `?lang=zh` in the URL, else the browser's locale."""
    if state.LANG_KEY not in st.session_state:
        requested = st.query_params.get(state.LANG_KEY)
        st.session_state[state.LANG_KEY] = (
            requested if requested in LANGUAGES else language_for_locale(st.context.locale)
        )
    return state.translator()


def language_picker() -> None:
    """The English / 中文 switch; the URL and the workspace keep the choice."""
    st.sidebar.segmented_control(
        "Language · 语言", list(LANGUAGES), format_func=LANGUAGES.get, key=state.LANG_KEY,
        required=True, on_change=lambda: state.keep("language", st.session_state[state.LANG_KEY]),
    )
    st.query_params[state.LANG_KEY] = st.session_state[state.LANG_KEY]


def motion_switch(t: Translator) -> None:
    """Reduce motion: the server cannot see the browser's prefers-reduced-motion, so the learner
    says it here; the URL keeps it (`?motion=reduced`), like the language."""
    if state.MOTION_KEY not in st.session_state:
        st.session_state[state.MOTION_KEY] = st.query_params.get(state.MOTION_KEY) == state.REDUCED
    st.sidebar.toggle(t("sidebar.reduce_motion"), key=state.MOTION_KEY, help=t("sidebar.reduce_motion_help"))
    if st.session_state[state.MOTION_KEY]:
        st.query_params[state.MOTION_KEY] = state.REDUCED
    else:
        st.query_params.pop(state.MOTION_KEY, None)


def sidebar_status(t: Translator) -> None:
    """Which device would train, and which model the pages use."""
    _, name = cache.device()
    st.sidebar.caption(t("sidebar.device", name=name))
    try:
        _, meta, source = state.active_model()
    except Exception as err:  # a damaged weights file must not hide the rest of the app
        show_error(err, t)
        return
    st.sidebar.caption(t(f"sidebar.model_{source}", acc=shown_accuracy(meta)))


def workspace_status(t: Translator) -> None:
    """Whether the learner's work is kept, and anything to say about it once."""
    notice = workspace.pop_notice()
    if notice is not None:
        st.toast(t(notice[0], **notice[1]), icon=":material/info:")
    problem = workspace.problem()
    if problem is None:
        st.sidebar.caption(t("workspace.saved" if workspace.store() is not None else "workspace.saving_off"))
        return
    st.sidebar.badge(t("workspace.not_saved"), icon=":material/cloud_off:", color="red")
    st.sidebar.caption(t(problem[0], **problem[1]))


def main() -> None:
    st.set_page_config(page_title="Neural network explainer", page_icon=":material/neurology:",
                       layout="wide")
    workspace.open_session()  # the learner's kept work, read once per session
    live_runs.seen()  # the workspace's run trains on while one of its tabs is connected
    offer = workspace.take_transfer_link()
    t = chosen_language()
    pages = [
        st.Page(PAGES_DIR / f"{stem}.py", title=t(f"nav.{stem}"), icon=icon, default=stem == "home")
        for stem, icon in PAGES + WORK_PAGES
    ]
    # always open, so the learner's own pages do not hide under "View 4 more". Not in sections:
    # Streamlit 1.67 puts a section's header inside the list, which axe-core reports as a broken list
    page = st.navigation(pages, expanded=True)
    if offer and page.url_path != "workspace":
        st.switch_page(PAGES_DIR / "workspace.py")  # a transfer link is always asked about first
    language_picker()
    motion_switch(t)
    presenter_switch(t)  # "Presenter mode: no prompts"
    sidebar_status(t)
    workspace_status(t)
    workspace.set_cookie_script()
    try:
        page.run()
    except Exception as err:  # Stop/Rerun are BaseExceptions and pass through untouched
        show_error(err, t)


# Streamlit runs this file as "__main__". A training worker process (started with "spawn") imports
# its parent's main script as "__mp_main__", which here is this file: it must not run the app.
if __name__ == "__main__":
    main()
