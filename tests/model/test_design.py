"""Designs as data: every preset's counts against the formulas, shape inference, every refusal
in words, and the design LENET equal to the tutorial's LeNet."""

import json

import pytest
import torch

from core.checkpoint import PRETRAINED_PATH, load_model
from core.design import explain_design_error
from core.i18n import Translator
from core.model import LENET, PRESETS, DesignError, LeNet, activations, build_model, layer_rows
from core.model.design import conv, layer_names
from core.model.shapes import mult_adds, parameter_total, training_bytes


def conv_params(out: int, inp: int, k: int) -> int:
    return out * inp * k * k + out


def fc_params(inp: int, out: int) -> int:
    return inp * out + out


EXPECTED_PARAMETERS = {
    "lenet": conv_params(6, 1, 5) + conv_params(16, 6, 5) + fc_params(256, 120) + fc_params(120, 84)
    + fc_params(84, 10),
    "lenet5_1998": conv_params(6, 1, 5) + conv_params(16, 6, 5) + fc_params(400, 120)
    + fc_params(120, 84) + fc_params(84, 10),
    "mlp": fc_params(784, 128) + fc_params(128, 10),
    "tiny": conv_params(4, 1, 5) + fc_params(4 * 12 * 12, 10),
    "wide_lenet": conv_params(16, 1, 5) + conv_params(32, 16, 5) + fc_params(512, 256)
    + fc_params(256, 128) + fc_params(128, 10),
}


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_counts_as_the_formulas_and_the_built_module_say(name: str) -> None:
    design = PRESETS[name]
    rows = layer_rows(design)
    model = build_model(design)
    assert parameter_total(rows) == EXPECTED_PARAMETERS[name]
    assert sum(p.numel() for p in model.parameters()) == EXPECTED_PARAMETERS[name]
    assert json.loads(json.dumps(design)) == design  # JSON-serialisable
    x = torch.randn(2, 1, 28, 28)
    outputs = activations(model.eval(), x)
    assert outputs["logits"].shape == (2, 10)
    for row in rows:  # inferred shapes are the ones the module produces
        if row.kind not in ("ReLU", "Tanh", "Sigmoid"):
            assert tuple(outputs[row.name].shape[1:]) == row.output_shape, row.name


def test_lenet_costs() -> None:
    rows = layer_rows(LENET)
    # conv1 6·24²·25 + conv2 16·8²·150 + 256·120 + 120·84 + 84·10
    assert mult_adds(rows) == 86_400 + 153_600 + 30_720 + 10_080 + 840
    # input, conv1 and its ReLU, pool1, conv2 and ReLU, pool2, flatten, fc1 + ReLU, fc2 + ReLU, fc3
    outputs_per_image = 784 + 2 * 3456 + 864 + 2 * 1024 + 256 + 256 + 2 * 120 + 2 * 84 + 10
    assert training_bytes(rows, 64) == 4 * (3 * 44_426 + 2 * 64 * outputs_per_image)


def test_lenet_design_is_the_tutorials_lenet_and_loads_the_shipped_weights() -> None:
    reference, _ = load_model(PRETRAINED_PATH)
    assert isinstance(reference, LeNet)
    model = build_model(LENET)
    assert {k: v.shape for k, v in model.state_dict().items()} == {
        k: v.shape for k, v in reference.state_dict().items()}
    model.load_state_dict(reference.state_dict())  # strict: the same names
    model.eval()
    x = torch.randn(4, 1, 28, 28)
    torch.testing.assert_close(model(x), reference(x), rtol=0, atol=0)
    ours, theirs = activations(model, x), activations(reference, x)
    for name in ("conv1", "pool1", "conv2", "pool2", "flatten", "fc1", "fc2", "fc3", "probabilities"):
        torch.testing.assert_close(ours[name], theirs[name], rtol=0, atol=0)
    torch.manual_seed(5)
    fresh_class = LeNet()
    torch.manual_seed(5)
    fresh_design = build_model(LENET)  # the same seed starts from the same weights
    designed = fresh_design.state_dict()
    for name, tensor in fresh_class.state_dict().items():
        assert torch.equal(tensor, designed[name]), name


def test_layer_names_follow_the_tutorial() -> None:
    assert layer_names(LENET) == ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten",
                                  "fc1", "relu3", "fc2", "relu4", "fc3"]


def refusal(design) -> DesignError:
    with pytest.raises(DesignError) as caught:
        layer_rows(design)
    return caught.value


T = Translator("en")
FLAT = {"kind": "flatten"}
OUT = {"kind": "linear", "out": 10}


def test_the_kernel_that_does_not_fit_is_explained_with_its_fixes() -> None:
    design = [conv(6, 5), {"kind": "pool", "mode": "max"}, conv(6, 5, stride=2),
              {"kind": "pool", "mode": "max"}, conv(8, 5), FLAT, OUT]
    err = refusal(design)  # 28 → 24 → 12 → 4 → 2, then 5×5 on 2×2
    assert err.code == "kernel_too_big"
    assert explain_design_error(err, T) == (
        "conv3's 5×5 kernel does not fit the 2×2 map that pool2 leaves; use a 2×2 kernel, "
        "padding 2, or remove pool2.")
    assert "conv3 的 5×5 卷积核放不进 pool2 输出的 2×2 特征图" in explain_design_error(err, Translator("zh"))


BAD_DESIGNS = [
    ({"layers": []}, "not_a_list", None),
    ([], "empty", None),
    ([FLAT, 3], "not_a_layer", "Entry 2 of the design is not a layer."),
    ([{"kind": "attention"}], "unknown_kind", "Layer 1 is of an unknown kind, “attention”."),
    ([conv(6, 5) | {"dilation": 2}], "unknown_field", "conv1 has a setting it does not know, “dilation”."),
    ([{"kind": "conv", "out": 6}], "missing_field", "conv1 needs a setting for “kernel size”."),
    ([conv(6, "5")], "bad_type", "conv1's “kernel size” must be a number"),
    ([conv(6, True)], "bad_type", None),
    ([FLAT, {"kind": "linear", "out": 10.0}], "bad_type", None),
    ([conv(65, 5)], "out_of_range", "conv1's “outputs” is 65; it must be between 1 and 64."),
    ([FLAT, {"kind": "dropout", "p": 0.95}, OUT], "out_of_range", None),
    ([{"kind": "pool", "mode": "median"}], "bad_choice", "pool1's “pooling” cannot be “median”"),
    ([FLAT, {"kind": "activation", "fn": "relu"}, {"kind": "activation", "fn": "tanh"}, OUT],
     "double_activation", "tanh1 comes straight after another activation function"),
    ([FLAT] + [{"kind": "linear", "out": 10}] * 12, "too_many_layers", "This design has 13 layers"),
    ([FLAT, {"kind": "linear", "out": 1024}, {"kind": "linear", "out": 1024},
      {"kind": "linear", "out": 1024}, OUT], "too_many_parameters",
     "This design has 2,913,290 parameters; this server trains at most 2,000,000."),
    ([conv(4, 1)] + [{"kind": "pool", "mode": "avg"}] * 5 + [FLAT, OUT], "pool_too_small",
     "pool5 cannot halve the 1×1 map that pool4 leaves"),
    ([FLAT, conv(4, 3), FLAT, OUT], "needs_image", "conv1 works on images, but flatten has already"),
    ([conv(4, 3), OUT], "needs_flat", "fc1 needs a flat list of numbers but receives 4 × 26 × 26 maps"),
    ([FLAT, {"kind": "linear", "out": 84}], "wrong_output", "but this design ends with 84"),
]


@pytest.mark.parametrize(("design", "code", "words"), BAD_DESIGNS)
def test_every_refusal_has_a_code_and_words_in_both_languages(design, code, words) -> None:
    err = refusal(design)
    assert err.code == code
    english, chinese = explain_design_error(err, T), explain_design_error(err, Translator("zh"))
    if words:
        assert words in english
    assert "{" not in english and "{" not in chinese and english != chinese


def test_a_refused_design_allocates_nothing() -> None:
    huge = [FLAT, {"kind": "linear", "out": 1024}] * 2 + [{"kind": "linear", "out": 1024}] * 8
    with pytest.raises(DesignError):
        build_model(huge)  # refused by arithmetic before torch is asked for a single weight


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_word_a_layer_setting_offers_is_translated(lang):
    """The editor's selects show pooling modes and activation functions in the learner's language."""
    from core.i18n import CATALOGUE
    from core.model.design import FIELDS

    words = {choice for rules in FIELDS.values() for rule in rules.values()
             if isinstance(rule[0], str) for choice in rule}
    assert words == {"max", "avg", "relu", "sigmoid", "tanh"}
    for word in words:
        assert CATALOGUE[f"design.choice.{word}"].get(lang), word
