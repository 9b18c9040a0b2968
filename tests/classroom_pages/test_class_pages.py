"""The class pages in AppTest, in both languages: a teacher creates a class, two learners join by code
and share runs, the board shows both, a hidden run leaves it, a Markdown nickname stays text, and the
projector's board renders read-only."""

from dataclasses import replace

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.concept_check.scoring import class_result
from core.data import load_tensors
from core.experiments.store import RunStore
from core.i18n import LANGUAGES, translate
from core.store import WorkspaceStore
from core.training import TrainConfig
from core.training.session import TrainingSession
from core.training.validation import validation_accuracy
from tests.apptest import APP, assert_rendered, open_page
from tests.concept_check.test_check_page import answer
from ui.classroom import classes, keep_teacher_key, plain
from ui.experiments import STORE_KEY
from ui.workspace import SECRET_KEY
from ui.workspace import store as workspace_store

TRAIN = load_tensors(train=True)
_test_x, _test_y = load_tensors(train=False)
TEST = (_test_x[:500], _test_y[:500])
TINY = TrainConfig(epochs=1, train_size=500, batch_size=50, lr=0.05)


def one_run(config: TrainConfig) -> RunStore:
    store = RunStore()
    session = TrainingSession.start(config, "cpu", TRAIN, TEST)
    store.follow(session)
    for event in session.run.events(report_every=5):
        session.take(event)
    session.finish()
    return store


def class_page(lang: str, secret: str, state: dict | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[SECRET_KEY] = secret
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.query_params["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/classroom.py")
    at.run()
    return at


def teacher_board(class_id: str) -> list:
    return classes().board(class_id, include_hidden=True).runs


def shown_text(at: AppTest) -> str:
    kinds = ("markdown", "caption", "text", "code", "info", "success", "warning", "error", "metric")
    return " ".join(str(getattr(e, "value", "")) for kind in kinds for e in at.get(kind))


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_class_from_creation_to_a_board_of_two_learners(lang: str) -> None:
    teacher_secret = WorkspaceStore.new_secret()
    teacher = class_page(lang, teacher_secret)
    assert_rendered(teacher, lang)
    teacher.text_input(key="class.create_name").input("7B")
    teacher.button(key="class.create_button").click().run()
    assert_rendered(teacher, lang)
    class_id, join_code, recovery = teacher.session_state["class.new"]
    assert len(join_code) == 8 and f"{join_code[:4]}-{join_code[4:]}" in shown_text(teacher)
    assert recovery in shown_text(teacher) and f"/board?class={class_id}" in shown_text(teacher)
    teacher.selectbox(key=f"class.challenge_images.{class_id}").set_value(1000)
    teacher.button(key=f"class.challenge_set.{class_id}").click().run()  # at most 1,000 images, 3 epochs
    assert translate("class.teach.challenge_set", lang) in shown_text(teacher)

    # ada keeps the validation images out; the other trains on them, so is shown unranked with the reason
    runs = {"ada": one_run(replace(TINY, holdout=True)),
            "[x](http://evil.example)": one_run(replace(TINY, lr=0.2))}
    for nickname, store in runs.items():
        learner = class_page(lang, WorkspaceStore.new_secret(), state={STORE_KEY: store},
                             query={"join": join_code.lower()})  # a join link; case does not matter
        learner.text_input(key="class.nickname").input(nickname)
        learner.button(key="class.join_button").click().run()
        assert_rendered(learner, lang)
        # shown as the characters typed: every Markdown character escaped (a browser test reads the page)
        assert translate("class.join.done", lang, nickname=plain(nickname)) in shown_text(learner)
        learner.button(key=f"class.share.{class_id}").click().run()
        assert_rendered(learner, lang)
        assert translate("class.share.done", lang) in shown_text(learner)
    assert nickname in [t.value for t in learner.text]  # the Markdown nickname, as text
    assert not any("evil.example" in m.value for m in learner.markdown)
    board_table = learner.dataframe[-1].value
    assert len(board_table) == 2
    standing = learner.dataframe[0].value
    why = standing[translate("class.challenge.col.why", lang)].tolist()
    assert standing[translate("class.challenge.col.place", lang)].tolist() == ["1", "—"]
    assert standing[translate("class.board.col.nickname", lang)].tolist() == ["ada", nickname]
    assert why == ["", translate("class.challenge.why.validation", lang,
                                 which=translate("class.challenge.which.own", lang))]
    validation = standing[translate("class.challenge.col.validation", lang)].tolist()
    ada = runs["ada"].runs[-1]  # measured on the 5,000 held-out images when shared
    assert validation[0] == round(validation_accuracy(ada.model_at(1)), 2) and pd.isna(validation[1])

    teacher = class_page(lang, teacher_secret)
    [renamed] = [box for box in teacher.text_input if box.value == "[x](http://evil.example)"]
    renamed.input("bo").run()  # the teacher renames a learner
    assert_rendered(teacher, lang)
    assert sorted(row.nickname for row in teacher_board(class_id)) == ["ada", "bo"]
    hide = [toggle for toggle in teacher.toggle if toggle.key.startswith("class.hide.")]
    assert len(hide) == 2
    hide[0].set_value(True).run()
    assert_rendered(teacher, lang)
    hide_learner = [toggle for toggle in teacher.toggle if toggle.key.startswith("class.hide_member.")]
    assert len(hide_learner) == 2
    hide_learner[1].set_value(True).run()  # the other learner, with every run they shared
    assert_rendered(teacher, lang)
    assert sum(not row.hidden for row in teacher_board(class_id)) == 0
    hide_learner = [toggle for toggle in teacher.toggle if toggle.key.startswith("class.hide_member.")]
    hide_learner[1].set_value(False).run()
    assert sum(not row.hidden for row in teacher_board(class_id)) == 1
    projector = AppTest.from_file(APP, default_timeout=120)
    projector.query_params["lang"] = lang
    projector.query_params["class"] = class_id
    projector.run()
    projector.switch_page("pages/board.py")
    projector.run()
    assert_rendered(projector, lang)
    assert translate("class.board.runs", lang, count=1, members=1) in shown_text(projector)
    assert not projector.main.button and not projector.main.toggle  # read-only: nothing to moderate with
    assert translate("class.challenge.header", lang) in [h.value for h in projector.header]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_projector_link_of_no_class_still_has_its_title(lang: str) -> None:
    projector = AppTest.from_file(APP, default_timeout=120)
    projector.query_params["lang"] = lang
    projector.query_params["class"] = "0" * 32
    projector.run()
    projector.switch_page("pages/board.py")
    projector.run()
    assert_rendered(projector, lang)
    assert [title.value for title in projector.title] == [translate("board.title", lang)]
    assert translate("class.projector.missing", lang) in [info.value for info in projector.info]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_wrong_code_says_so(lang: str) -> None:
    learner = class_page(lang, WorkspaceStore.new_secret())
    learner.text_input(key="class.join_code").input("ZZZZZZZZ")
    learner.text_input(key="class.nickname").input("bo")
    learner.button(key="class.join_button").click().run()
    assert_rendered(learner, lang)
    assert translate("class.join.wrong", lang) in [e.value for e in learner.error]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_learner_sends_a_concept_check_result_and_the_teacher_sees_the_class_of_five(lang: str) -> None:

    kept_store = workspace_store()
    teacher_secret = WorkspaceStore.new_secret()
    made = classes().create(kept_store.workspace(teacher_secret), "7B", lang)
    keep_teacher_key(kept_store.workspace(teacher_secret), made.class_id, made.teacher_key, made.join_code)
    for number in range(4):  # four classmates sent theirs already: form A, nothing right
        classmate = kept_store.workspace(WorkspaceStore.new_secret())
        classes().join(made.join_code, classmate, f"c{number}")
        classes().share_check(made.class_id, classmate, class_result({"A": {}}))

    secret = WorkspaceStore.new_secret()
    learner = open_page("check", lang, state={SECRET_KEY: secret})
    answer(learner, "A")  # every answer right
    classes().join(made.join_code, kept_store.workspace(secret), "ada")
    learner.switch_page("pages/classroom.py").run()
    assert_rendered(learner, lang)
    learner.button(key=f"class.check.{made.class_id}").click().run()
    assert_rendered(learner, lang)
    assert translate("class.check.shared", lang) in shown_text(learner)

    teacher = class_page(lang, teacher_secret)
    assert_rendered(teacher, lang)
    assert translate("check.class.counts", lang, learners=5, before=5, after=0) in shown_text(teacher)
    table = next(m.value for m in teacher.markdown if m.value.startswith("|"))
    assert table.count("20%") == 6  # ada's right answers among five learners, in each of the six ideas
