"""A checkpoint upload in the learner's words: what it was recognised as, or why it was refused."""

from __future__ import annotations

from collections.abc import Callable

from core.checkpoint import Checkpoint, CheckpointError, is_tutorial_lenet, shown_accuracy
from core.design import explain_design_error
from core.i18n import CATALOGUE
from core.model.design import describe


def refusal_message(err: CheckpointError, t: Callable[..., str]) -> str:
    """The translated reason a checkpoint was refused: the upload's own words where it has them
    (train.upload.*), else the app's (error.checkpoint_*), a refused design explained."""
    key = f"train.upload.{err.problem}"
    if key in CATALOGUE:
        return t(key, detail=err.detail)
    detail = explain_design_error(err.design_error, t) if err.design_error else err.detail
    return t(f"error.checkpoint_{err.problem}", detail=detail)


def loaded_message(checkpoint: Checkpoint, file_name: str, t: Callable[..., str]) -> str:
    """What an accepted upload was recognised as, and the accuracy its file records."""
    acc = shown_accuracy(checkpoint.meta)
    accuracy = t("train.uploaded.no_accuracy") if acc == "?" else t("train.uploaded.accuracy", acc=acc)
    kind = t(f"train.upload.kind.{checkpoint.file_format}")
    fields = {"name": file_name, "kind": kind, "accuracy": accuracy}
    if checkpoint.network == "lenet":
        return t("train.uploaded.lenet", **fields)
    if checkpoint.network == "design":
        return t("train.uploaded.design", design=describe(checkpoint.model.design), **fields)
    return t("train.uploaded.preset", preset=t(f"design.preset.{checkpoint.network}"), **fields)


def pth_note(model, t: Callable[..., str]) -> str:
    """What the .pth download holds: a state dict the tutorial's code loads, or one of a design."""
    if is_tutorial_lenet(model):
        return t("train.download_pth.lenet")
    return t("train.download_pth.design", design=describe(model.design))
