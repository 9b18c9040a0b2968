"""The prompts in AppTest, in both languages: a locked guess reveals what the page then shows; "Just
show me" and "Ask me again"; the presenter switch; an answer kept in the workspace comes back in a
new session with the same secret; the training guess is graded by the run that follows it."""

import pytest
from streamlit.testing.v1 import AppTest

from core.i18n import LANGUAGES, translate
from core.store import WorkspaceStore
from tests.apptest import APP, assert_rendered, open_page
from tests.training.test_train_page import set_tiny_recipe
from ui.prediction import PRESENTER_KEY
from ui.state import ANSWERS_KEY, LANG_KEY
from ui.training_state import SESSION_KEY
from ui.workspace import SECRET_KEY


def said(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def answers(at: AppTest) -> dict:
    return at.session_state[ANSWERS_KEY] if ANSWERS_KEY in at.session_state else {}  # noqa: SIM401  no .get


def guess(at: AppTest, prompt: str, value) -> None:
    """Type or pick a guess and press "Lock my guess"."""
    widget = at.radio(key=f"predict.{prompt}.guess") if prompt == "neuron_regime" else \
        at.number_input(key=f"predict.{prompt}.guess")
    widget.set_value(value)
    at.button(key=f"predict.{prompt}.lock").click().run()


def option(name: str, lang: str) -> str:
    return translate(f"predict.neuron_regime.option.{name}", lang)


def asking(at: AppTest, prompt: str) -> bool:
    return any(button.key == f"predict.{prompt}.lock" for button in at.button)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_neurons_guesses_reveal_what_the_page_then_shows(lang: str) -> None:
    at = open_page("neuron", lang)
    guess(at, "neuron_regime", "oscillate")
    assert_rendered(at, lang)
    assert translate("predict.result.close", lang, answer=option("oscillate", lang),
                     truth=option("converge", lang)) in said(at)
    assert at.success[0].value == translate("neuron.regime.converge", lang, lr="0.1", limit="1", f="0.8",
                                            pct="20")  # the lesson's own box says the same
    assert answers(at)["neuron_regime"]["grade"] == "close"

    guess(at, "neuron_steps", 13)  # 11 is the truth: 13 is within 20%
    assert translate("predict.result.right", lang, answer="13", truth="11") in said(at)
    at.slider(key="neuron.steps").set_value(12).run()  # the table then shows row 12
    assert_rendered(at, lang)
    table = at.dataframe[0].value
    losses = table[translate("neuron.col.loss", lang)].tolist()
    assert losses[11] < 0.01 <= losses[10]  # after 11 steps (row 12) below 0.01, not before
    assert not asking(at, "neuron_regime") and not asking(at, "neuron_steps")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_just_show_me_then_ask_me_again(lang: str) -> None:
    at = open_page("convolution", lang)
    at.button(key="predict.conv_top_left.skip").click().run()
    assert_rendered(at, lang)
    assert translate("predict.result.skipped", lang, truth="1") in said(at)
    assert translate("convolution.window.hand_worked", lang, value="1") in [s.value for s in at.success]
    assert answers(at)["conv_top_left"]["grade"] == "skipped"
    at.button(key="predict.conv_top_left.again").click().run()
    assert asking(at, "conv_top_left") and "conv_top_left" not in answers(at)
    guess(at, "conv_top_left", -1)  # true convolution's answer counts as close
    assert translate("predict.result.close", lang, answer="−1", truth="1") in said(at)
    assert any(translate("predict.conv_top_left.explain", lang, sum="", value="1", flipped="−1")[-20:] in s
               for s in said(at))


def test_the_models_guesses_match_the_layer_table() -> None:
    at = open_page("model", "en")
    for prompt, value in (("model_conv2", 8), ("model_pool2", 5), ("model_fc1", 30_720)):
        guess(at, prompt, value)
        assert_rendered(at, "en")
    grades = {prompt: record["grade"] for prompt, record in answers(at).items()}
    # 5 is a pixel off; 30,720 forgets the biases
    assert grades == {"model_conv2": "right", "model_pool2": "close", "model_fc1": "close"}
    table = at.dataframe[0].value.set_index(translate("model.col.step", "en"))
    assert table.loc["conv2", translate("model.col.shape", "en")].endswith("8 × 8")
    assert table.loc["pool2", translate("model.col.shape", "en")].endswith("4 × 4")
    assert table.loc["fc1", translate("model.col.parameters", "en")] == "30,840"
    assert translate("predict.result.close", "en", answer="30,720", truth="30,840") in said(at)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_presenter_mode_hides_every_prompt_and_the_page_stays(lang: str) -> None:
    at = open_page("neuron", lang)
    assert asking(at, "neuron_regime")
    at.toggle(key=PRESENTER_KEY).set_value(True).run()
    assert_rendered(at, lang)
    assert not [b for b in at.button if b.key.startswith("predict.")]
    assert at.success[0].value.startswith(translate("neuron.regime.converge", lang, lr="0.1", limit="1",
                                                    f="0.8", pct="20")[:8])
    assert at.toggle(key=PRESENTER_KEY).label == translate("predict.presenter", lang)
    at.toggle(key=PRESENTER_KEY).set_value(False).run()
    assert asking(at, "neuron_regime")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_an_answer_kept_comes_back_in_a_new_session(lang: str) -> None:
    secret = WorkspaceStore.new_secret()
    first = open_page("neuron", lang, state={SECRET_KEY: secret})
    guess(first, "neuron_regime", "diverge")
    assert answers(first)["neuron_regime"]["grade"] == "wrong"

    again = AppTest.from_file(APP, default_timeout=120)  # a refresh, a new tab: a new session
    again.session_state[SECRET_KEY] = secret
    again.query_params[LANG_KEY] = lang
    again.run()
    again.switch_page("pages/neuron.py")
    again.run()
    assert_rendered(again, lang)
    assert answers(again)["neuron_regime"]["answer"] == "diverge"
    assert not asking(again, "neuron_regime") and asking(again, "neuron_steps")
    assert translate("predict.result.wrong", lang, answer=option("diverge", lang),
                     truth=option("converge", lang)) in said(again)
    assert any(b.key == "predict.neuron_regime.again" for b in again.button)

    other = open_page("neuron", lang, state={SECRET_KEY: WorkspaceStore.new_secret()})  # another learner
    assert asking(other, "neuron_regime")


def test_the_training_guess_is_graded_by_the_run_that_follows() -> None:
    at = open_page("train", "en")
    guess(at, "train_accuracy", 99.0)
    assert translate("predict.pending", "en", answer="99.0%") in said(at)
    set_tiny_recipe(at)
    at.button(key="train.start").click().run()
    assert_rendered(at, "en")
    reached = at.session_state[SESSION_KEY].results.test_acc
    record = answers(at)["train_accuracy"]
    assert record["truth"] == round(reached, 2) and record["grade"] in ("wrong", "close", "right")
    shown = translate(f"predict.train_accuracy.result.{record['grade']}", "en", answer="99.0%",
                      truth=f"{reached:.1f}%")
    assert shown in said(at)
    assert translate("predict.train_accuracy.explain_one", "en") in said(at)
    assert f"{reached:.2f}%" == at.metric[0].value  # the results below say the same


def test_a_kept_answer_this_code_cannot_read_is_asked_again() -> None:
    at = open_page("model", "en", state={ANSWERS_KEY: {"model_conv2": {"answer": 8, "truth": 8},
                                                       "model_pool2": "4"}})
    assert_rendered(at, "en")
    assert asking(at, "model_conv2") and asking(at, "model_pool2") and asking(at, "model_fc1")
