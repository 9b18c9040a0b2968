"""The learner's workspace in AppTest: what a session keeps comes back in a new session with the same
secret (a refresh, a new tab, a restart), and in no other; a stale tab is refused; a store that cannot
be reached says "not saved"; transfer codes, "start fresh" and "forget me" do what they say.

A browser keeps the secret in a cookie, which AppTest cannot send: here a session is handed its
secret in `st.session_state` before its first run, as `ui.workspace.secret` would have read it
(tests/e2e/test_workspace_browser.py checks the cookie itself)."""

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from core.handwriting.collection import Collection
from core.i18n import translate
from core.model import PRESETS as DESIGNS
from core.store import WorkspaceStore, open_store, store_url_from_environment
from core.workspace.runs import RUN
from tests.apptest import APP, assert_rendered
from ui.experiments import STORE_KEY
from ui.state import COLLECTION_KEY, DESIGN_KEY, LANG_KEY, TRAINED_MODEL_KEY
from ui.workspace import NOTICE_KEY, PROBLEM_KEY, SECRET_KEY


def app_session(secret: str, page: str | None = None, lang: str = "en") -> AppTest:
    """A new browser session (a refresh, a new tab) whose cookie holds `secret`, after its first run."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[SECRET_KEY] = secret
    at.query_params[LANG_KEY] = lang
    at.run()
    if page is not None:
        at.switch_page(f"pages/{page}.py")
        at.run()
    return at


def keeping(what: str, value_name: str, secret: str) -> AppTest:
    """A session that keeps one thing through `ui.state.keep`, as the pages do."""
    def script(what: str, value_name: str) -> None:
        import numpy as np

        from core.handwriting.collection import Collection
        from core.model import PRESETS, build_model
        from ui import state, workspace

        workspace.open_session()
        values = {
            "digits": lambda: Collection().add(np.eye(28, dtype=np.float32), 7),
            "more_digits": lambda: Collection().add(np.eye(28, dtype=np.float32), 1).add(
                np.eye(28, dtype=np.float32), 2),
            "design": lambda: PRESETS["mlp"],
            "model": lambda: (build_model(PRESETS["mlp"]).eval(), {"source": "test", "test_accuracy": 12.5}),
        }
        state.keep("digits" if value_name.endswith("digits") else what, values[value_name]())

    at = AppTest.from_function(script, args=(what, value_name), default_timeout=60)
    at.session_state[SECRET_KEY] = secret
    at.run()
    assert not at.exception
    return at


@pytest.fixture(scope="module")
def store() -> WorkspaceStore:
    kept = open_store(store_url_from_environment())
    yield kept
    kept.dispose()


def test_a_first_visit_writes_nothing(store: WorkspaceStore) -> None:
    secret = WorkspaceStore.new_secret()
    at = app_session(secret, "sketch")
    assert_rendered(at, "en")
    assert not store.workspace(secret).exists()


def test_what_a_session_keeps_comes_back_in_a_new_session_and_in_no_other(store: WorkspaceStore) -> None:
    secret = WorkspaceStore.new_secret()
    for what, value in (("digits", "digits"), ("design", "design"), ("model", "model")):
        keeping(what, value, secret)
    chinese = app_session(secret, lang="en")
    chinese.sidebar.segmented_control(key=LANG_KEY).set_value("zh").run()  # the learner's own choice
    assert store.workspace(secret).exists()

    again = AppTest.from_file(APP, default_timeout=120)  # a refresh: no ?lang= in the address
    again.session_state[SECRET_KEY] = secret
    again.run()
    assert_rendered(again, "zh")
    assert again.session_state[LANG_KEY] == "zh"
    assert again.session_state[COLLECTION_KEY].labels.tolist() == [7]
    assert again.session_state[DESIGN_KEY] == DESIGNS["mlp"]
    model, meta = again.session_state[TRAINED_MODEL_KEY]
    assert meta["test_accuracy"] == 12.5 and model.design == DESIGNS["mlp"]
    sidebar = " ".join(c.value for c in again.sidebar.caption)
    assert translate("sidebar.model_session", "zh").split("{")[0] in sidebar

    for other in (WorkspaceStore.new_secret(), secret[:-1] + ("A" if secret[-1] != "A" else "B")):
        stranger = app_session(other, "sketch")  # another learner, and a forged secret one letter off
        for key in (COLLECTION_KEY, DESIGN_KEY, TRAINED_MODEL_KEY):
            assert key not in stranger.session_state
        assert stranger.session_state[LANG_KEY] == "en"


def test_a_stale_tab_is_refused_and_shown_the_newer_state(store: WorkspaceStore) -> None:
    secret = WorkspaceStore.new_secret()
    keeping("digits", "digits", secret)  # tab 1 keeps a 7
    stale = keeping("digits", "digits", WorkspaceStore.new_secret())  # a tab that never read tab 1's
    stale.session_state[SECRET_KEY] = secret  # the same learner's tab, opened before tab 1 kept anything
    stale.session_state["workspace.versions"] = {}
    stale.session_state[COLLECTION_KEY] = Collection()
    stale.run()  # keeps 1 and 2 over a collection it never saw: refused
    assert stale.session_state[NOTICE_KEY][0] == "workspace.stale"
    assert stale.session_state[COLLECTION_KEY].labels.tolist() == [7]  # tab 1's, shown now
    item = store.workspace(secret).get("collection", "digits")
    assert item.version == 1  # nothing overwritten


def test_a_store_that_cannot_be_reached_says_not_saved_and_the_page_works(monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////proc/no-such-folder/workspaces.sqlite3")
    at = app_session(WorkspaceStore.new_secret(), "sketch")
    assert_rendered(at, "en")
    assert at.session_state[PROBLEM_KEY][0] == "workspace.unavailable"
    assert translate("workspace.not_saved", "en") in [b.label for b in at.sidebar.get("badge")] or \
        translate("workspace.unavailable", "en") in " ".join(c.value for c in at.sidebar.caption)


def test_a_trained_run_and_its_model_are_there_after_a_refresh_and_a_restart(store: WorkspaceStore) -> None:
    secret = WorkspaceStore.new_secret()
    at = app_session(secret, "train")
    at.select_slider(key="train.train_size").set_value(1_000)
    at.slider(key="train.epochs").set_value(1)
    at.radio(key="train.optimizer").set_value("adam")
    at.select_slider(key="train.lr").set_value(0.005)
    at.button(key="train.start").click().run()
    assert_rendered(at, "en")
    trained = at.session_state["train.session"]
    assert trained.status == "done"
    heads = store.workspace(secret).heads(RUN)
    assert [head.name for head in heads] == [trained.record.id]

    st.cache_resource.clear()  # a restart: a new store connection, no run in memory
    again = app_session(secret, "experiments")
    assert_rendered(again, "en")
    runs = again.session_state[STORE_KEY].runs
    assert [run.id for run in runs] == [trained.record.id] and runs[0].status == "done"
    assert runs[0].curves.epochs == trained.record.curves.epochs
    replayed = runs[0].model_at(1).state_dict()  # read from the store only now
    assert all(np.array_equal(replayed[k].numpy(), v.numpy())
               for k, v in trained.record.checkpoints[1].model.items())
    model, meta = again.session_state[TRAINED_MODEL_KEY]
    assert meta["test_accuracy"] == round(trained.results.test_acc, 2)


def test_a_transfer_code_moves_the_work_only_when_the_learner_says_so(store: WorkspaceStore) -> None:
    mine, theirs = WorkspaceStore.new_secret(), WorkspaceStore.new_secret()
    keeping("digits", "digits", mine)
    keeping("digits", "more_digits", theirs)
    old_device = app_session(mine, "workspace")
    old_device.button(key="workspace.make_code").click().run()
    code = old_device.session_state["workspace.made_code"][0]
    assert len(code) == 8 and mine not in " ".join(c.value for c in old_device.code)

    new_device = AppTest.from_file(APP, default_timeout=120)  # opens the link: ?transfer=CODE
    new_device.session_state[SECRET_KEY] = theirs
    new_device.query_params["transfer"] = code
    new_device.run()
    assert_rendered(new_device, "en")
    assert "transfer" not in new_device.query_params  # removed from the address on first use
    assert new_device.session_state[COLLECTION_KEY].labels.tolist() == [1, 2]  # nothing replaced yet
    assert new_device.warning  # what the code's workspace holds, and what taking it replaces
    new_device.button(key="workspace.take").click().run()
    assert_rendered(new_device, "en")
    assert new_device.session_state[SECRET_KEY] not in (mine, theirs)
    assert new_device.session_state[COLLECTION_KEY].labels.tolist() == [7]
    assert store.peek_transfer(code) is None  # used up
    assert store.workspace(theirs).exists()  # the work it left is still there


def test_start_fresh_forgets_the_workspace_here_and_forget_me_deletes_it(store: WorkspaceStore) -> None:
    secret = WorkspaceStore.new_secret()
    keeping("digits", "digits", secret)
    at = app_session(secret, "workspace")
    at.button(key="workspace.fresh").click().run()
    assert at.session_state[SECRET_KEY] != secret and COLLECTION_KEY not in at.session_state
    assert store.workspace(secret).exists()  # nothing deleted

    at = app_session(secret, "workspace")
    assert at.button(key="workspace.forget").disabled  # only after saying yes
    at.checkbox(key="workspace.forget_confirm").check().run()
    at.button(key="workspace.forget").click().run()
    assert_rendered(at, "en")
    assert not store.workspace(secret).exists()
    assert at.session_state[SECRET_KEY] != secret and COLLECTION_KEY not in at.session_state


@pytest.mark.parametrize("page", ["train", "experiments", "sketch", "workspace", "privacy", "home"])
def test_the_secret_is_in_no_text_link_or_address_the_app_shows(page: str) -> None:
    secret = WorkspaceStore.new_secret()
    keeping("digits", "digits", secret)
    at = app_session(secret, page)
    kinds = ("markdown", "caption", "code", "text", "info", "warning", "error", "success")
    shown = [e.value for kind in kinds for e in at.get(kind) if isinstance(getattr(e, "value", None), str)]
    shown += [str(dict(at.query_params))]
    shown += [link.proto.page for link in at.get("page_link")]
    assert not any(secret in text for text in shown)
