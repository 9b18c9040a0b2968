"""Every way an upload is refused or recognised has its words, in both languages."""

import pytest

from core.checkpoint import Checkpoint, CheckpointError
from core.i18n import LANGUAGES, Translator
from core.model import PRESETS, DesignError, LeNet, build_model
from core.training.weights_messages import loaded_message, pth_note, refusal_message

PROBLEMS = ["missing", "too_large", "unknown_format", "unreadable", "mismatch", "not_finite",
            "tensor_too_large", "unknown_network"] + [f"pth_{code}" for code in (
                "legacy", "truncated", "entry_too_large", "compressed", "torchscript", "code",
                "pickled_model", "objects", "not_state_dict", "unreadable")]


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("problem", PROBLEMS)
def test_every_refusal_has_a_message_holding_its_detail(problem: str, lang: str) -> None:
    message = refusal_message(CheckpointError(problem, "DETAIL-42"), Translator(lang))
    assert message and ("DETAIL-42" in message or problem in ("unreadable", "pth_legacy", "pth_torchscript"))


def test_the_refusals_that_come_with_code_say_the_one_line_that_saves_a_state_dict() -> None:
    for problem in ("pth_code", "pth_pickled_model", "pth_objects", "pth_legacy", "pth_torchscript"):
        for lang in LANGUAGES:
            assert 'torch.save(model.state_dict(), "lenet.pth")' in refusal_message(
                CheckpointError(problem, "x"), Translator(lang))


def test_a_refused_design_is_explained() -> None:
    t = Translator("en")
    err = CheckpointError("design", "empty", design_error=DesignError("empty"))
    assert refusal_message(err, t) != refusal_message(CheckpointError("design", "x"), t)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_what_was_recognised_is_said(lang: str) -> None:
    t = Translator(lang)
    tiny = build_model(PRESETS["tiny"])
    lenet = loaded_message(Checkpoint(LeNet(), {"test_accuracy": 99.1}, "pytorch", "lenet"), "a.pth", t)
    assert "99.1" in lenet and "a.pth" in lenet
    preset = loaded_message(Checkpoint(tiny, {}, "safetensors", "tiny"), "b.safetensors", t)
    assert t("design.preset.tiny") in preset and t("train.uploaded.no_accuracy") in preset
    design = loaded_message(Checkpoint(tiny, {}, "pytorch", "design"), "c.pth", t)
    assert "conv 4@5×5" in design
    assert pth_note(LeNet(), t) == t("train.download_pth.lenet")
    assert "conv 4@5×5" in pth_note(tiny, t)
