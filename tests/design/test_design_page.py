"""The design page in AppTest: edit a layer, see the figures follow; a broken design is explained
and the last good one stays on show; "Train this network" hands the design to the training page."""

import pytest

from core.model import PRESETS
from tests.apptest import assert_rendered, open_page
from ui.state import DESIGN_KEY


def metric(at, index: int) -> str:
    return at.metric[index].value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_editing_conv1_changes_the_parameter_count(lang: str) -> None:
    at = open_page("design", lang)
    assert_rendered(at, lang)
    assert metric(at, 0) == "44,426"
    conv1_out = next(w for w in at.number_input if w.key.endswith(".0.out"))
    conv1_out.set_value(8).run()
    # conv1 8 × 25 + 8; conv2 16 × (8 × 25) + 16
    assert metric(at, 0) == f"{44_426 - 156 - 2_416 + 208 + 3_216:,}"
    assert not at.error


def test_a_broken_design_is_explained_and_the_last_good_one_stays() -> None:
    at = open_page("design", "en")
    kernel = next(w for w in at.number_input if w.key.endswith(".3.kernel"))  # conv2
    kernel.set_value(9).run()  # 12 → 4 still fits; pool2 then makes 2
    kernel.set_value(9).run()
    padding = next(w for w in at.number_input if w.key.endswith(".0.stride"))
    padding.set_value(2).run()  # conv1 28 → 12, pool 6: conv2's 9×9 no longer fits
    assert "conv2's 9×9 kernel does not fit the 6×6 map that pool1 leaves" in at.error[0].value
    assert metric(at, 0) != "44,426"  # the last design that worked (conv2 9×9)
    assert at.button(key="design.train").disabled


def test_train_this_network_hands_it_over() -> None:
    at = open_page("design", "en")
    at.selectbox(key="design.preset").set_value("mlp").run()
    at.button(key="design.load").click().run()
    assert metric(at, 0) == "101,770"
    at.button(key="design.train").click().run()
    assert at.session_state[DESIGN_KEY] == PRESETS["mlp"]
    assert "flatten → fc 128 → relu → fc 10" in " ".join(c.value for c in at.caption)
