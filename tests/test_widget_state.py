"""A learner's settings survive a language switch and a visit to another page."""

import pytest

from tests.apptest import assert_rendered, open_page


@pytest.mark.parametrize(("stem", "key", "value"), [
    ("neuron", "neuron.x", 2.0),
    ("train", "train.epochs", 3),
    ("home", "home.bias", -0.5),
])
def test_setting_survives_language_switch_and_page_visit(stem: str, key: str, value) -> None:
    at = open_page(stem, "en")
    at.slider(key=key).set_value(value).run()
    at.button_group(key="lang").set_value("zh").run()
    assert_rendered(at, "zh")
    assert at.slider(key=key).value == value
    at.switch_page("pages/dataset.py").run()
    at.switch_page(f"pages/{stem}.py").run()
    assert_rendered(at, "zh")
    assert at.slider(key=key).value == value
