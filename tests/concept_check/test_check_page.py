"""The concept check page in AppTest, in both languages: form A, its result and the lessons for its
misses; an unanswered question's message, which loses nothing; form B and before → after with a link
for each miss; starting again; and the kept answers coming back in a new session with the same secret."""

import pytest
from streamlit.testing.v1 import AppTest

from core.concept_check import FORMS, KEPT_KEY, QUESTIONS
from core.i18n import LANGUAGES, translate
from core.store import WorkspaceStore
from tests.apptest import APP, assert_rendered, open_page
from ui.concept_check import answer_key
from ui.state import ANSWERS_KEY, LANG_KEY
from ui.workspace import SECRET_KEY


def kept(at: AppTest) -> dict:
    answers = at.session_state[ANSWERS_KEY] if ANSWERS_KEY in at.session_state else {}  # noqa: SIM401
    return answers.get(KEPT_KEY, {})


def first_wrong(question_id: str) -> str:
    return next(iter(QUESTIONS[question_id].distractors))


def answer(at: AppTest, form_id: str, wrong: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> None:
    """Pick every question's right option (a wrong one for `wrong`, none for `skip`) and submit."""
    for question in FORMS[form_id]:
        if question.id not in skip:
            choice = first_wrong(question.id) if question.id in wrong else question.right
            at.radio(key=answer_key(form_id, question)).set_value(choice)
    at.button(key=f"check.{form_id}.submit").click().run()


def links(at: AppTest) -> list[str]:
    return [link.proto.label for link in at.get("page_link")]


def review_link(idea: str, lesson: str, lang: str) -> str:
    return translate("check.review.link", lang, idea=translate(f"check.idea.{idea}", lang),
                     lesson=translate(f"nav.{lesson}", lang))


def said(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_form_a_then_form_b_then_before_and_after(lang: str) -> None:
    at = open_page("check", lang)
    assert_rendered(at, lang)
    assert at.title[0].value == translate("check.title", lang)
    assert len(at.radio) == 10 and all(r.value is None for r in at.radio)

    # two questions left out: a message in the learner's language, nothing kept, nothing lost
    answer(at, "A", wrong=("a_lr_regime", "a_lr_large"), skip=("a_filter_origin", "a_confusion_cell"))
    assert_rendered(at, lang)
    numbers = translate("check.list_separator", lang).join(["6", "10"])
    assert at.warning[0].value == translate("check.unanswered", lang, numbers=numbers)
    assert kept(at) == {} and at.radio(key="check.A.a_lr_regime").value == first_wrong("a_lr_regime")

    answer(at, "A", wrong=("a_lr_regime", "a_lr_large", "a_confusion_cell"))  # the other eight stay picked
    assert_rendered(at, lang)
    assert set(kept(at)) == {"A"} and kept(at)["A"]["a_gradient_sign"] == "decrease"
    assert translate("check.result.total", lang, right=7, total=10) in said(at)
    assert review_link("learning_rate", "neuron", lang) in links(at)
    assert review_link("confusion_matrix", "train", lang) in links(at)
    assert review_link("gradient", "neuron", lang) not in links(at)
    wrong = translate("check.answers.wrong", lang, answer=translate("check.q.a_lr_regime.converge", lang),
                      right=translate("check.q.a_lr_regime.diverge", lang))
    assert first_wrong("a_lr_regime") == "converge" and wrong in said(at)  # question by question
    assert at.header[-1].value == translate("check.form.B.header", lang)  # form B is offered next
    assert all(r.value is None for r in at.radio)

    answer(at, "B", wrong=("b_confusion_asymmetry",))
    assert_rendered(at, lang)
    assert set(kept(at)) == {"A", "B"}
    assert translate("check.result.both.total", lang, before=7, after=9, total=10) in said(at)
    table = next(m.value for m in at.markdown if m.value.startswith("|"))
    idea = translate("check.idea.learning_rate", lang)
    learning_rate = next(row for row in table.splitlines() if idea in row)
    assert "0 / 2" in learning_rate and "2 / 2" in learning_rate
    assert translate("check.change.up", lang) in learning_rate
    assert links(at)[-1] == review_link("confusion_matrix", "train", lang)  # the one idea still missed
    assert review_link("learning_rate", "neuron", lang) not in links(at)

    at.button(key="check.again").click().run()  # take it again: form A, nothing kept
    assert_rendered(at, lang)
    assert kept(at) == {} and at.header[0].value == translate("check.form.A.header", lang)


def test_the_kept_answers_come_back_in_a_new_session() -> None:
    secret = WorkspaceStore.new_secret()
    first = open_page("check", "zh", state={SECRET_KEY: secret})
    answer(first, "A", wrong=("a_why_conv_shuffle",))
    assert set(kept(first)) == {"A"}

    again = AppTest.from_file(APP, default_timeout=120)  # a refresh, a new tab: a new session
    again.session_state[SECRET_KEY] = secret
    again.query_params[LANG_KEY] = "zh"
    again.run()  # the home page offers form B now, and links the check
    assert_rendered(again, "zh")
    assert translate("check.home.after", "zh") in said(again)
    assert links(again)[0] == translate("nav.check", "zh")
    again.switch_page("pages/check.py")
    again.run()
    assert_rendered(again, "zh")
    assert kept(again)["A"]["a_why_conv_shuffle"] == first_wrong("a_why_conv_shuffle")
    assert review_link("why_convolution", "design", "zh") in links(again)
    assert again.header[-1].value == translate("check.form.B.header", "zh")

    other = open_page("check", "zh", state={SECRET_KEY: WorkspaceStore.new_secret()})  # another learner
    assert other.header[0].value == translate("check.form.A.header", "zh")


def test_the_home_page_offers_form_a_first() -> None:
    at = open_page("home", "en")
    assert translate("check.home.before", "en") in said(at)


def _class_board(lang: str, count: int) -> None:
    """The teacher's view of a class of `count` learners, as the class page draws it."""
    from core.concept_check import IDEAS, class_summary
    from core.i18n import Translator
    from ui.concept_check import draw_class_summary

    results = [{"A": {idea: {"right": n % 2, "total": 1} for idea in IDEAS}} for n in range(count)]
    draw_class_summary(class_summary(results), Translator(lang))


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_class_summary_is_shown_once_five_have_answered(lang: str) -> None:
    four = AppTest.from_function(_class_board, args=(lang, 4)).run()
    assert not four.exception
    assert four.info[0].value == translate("check.class.waiting", lang, minimum=5)
    five = AppTest.from_function(_class_board, args=(lang, 5)).run()
    assert not five.exception and not five.info
    assert translate("check.class.counts", lang, learners=5, before=5, after=0) in said(five)
    table = next(m.value for m in five.markdown if m.value.startswith("|"))
    assert "40%" in table and "—" in table  # two of five right before; nobody took form B yet
    assert five.caption[0].value == translate("check.class.too_few", lang, minimum=5)
