"""Per-session state every page reads: the language and the active model.

What the learner keeps (the language, the design, the model, the digits) is set through `keep`,
which writes it to the learner's workspace too (ui/workspace.py); a session reads it from there.
"""

from __future__ import annotations

import streamlit as st

from core.i18n import Translator

LANG_KEY = "lang"
MOTION_KEY = "motion"  # the sidebar's "Reduce motion" switch; the URL holds ?motion=reduced while on
REDUCED = "reduced"
TRAINED_MODEL_KEY = "trained_model"  # (LeNet, meta) trained or uploaded in this session
DESIGN_KEY = "design"  # the network the training page trains next (core.model.design); absent: LeNet
SKETCH_IMAGE_KEY = "sketch_image"  # the last drawn digit, MNIST-style float32 [28, 28] in [0, 1]
COLLECTION_KEY = "sketch.collection"  # the learner's own digits (core.handwriting.collection)
ANSWERS_KEY = "predictions.answers"  # the learner's answers to the lessons' prompts: prompt id -> answer


def translator() -> Translator:
    """The `t(key, **fields)` function for the language chosen in the sidebar."""
    return Translator(st.session_state.get(LANG_KEY, "en"))


def reduced_motion() -> bool:
    """Whether the learner asked for no animation: pages offer step controls instead."""
    return bool(st.session_state.get(MOTION_KEY, False))


def design_to_train() -> list[dict] | None:
    """The design handed over by the design page, or None for the tutorial's LeNet."""
    return st.session_state.get(DESIGN_KEY)


def design_label(design: list[dict], t: Translator) -> str:
    """A design's name for the learner: its preset's name, or "your own design"."""
    from core.model.design import preset_name

    name = preset_name(design)
    return t(f"design.preset.{name}") if name else t("design.custom")


def keep(what: str, value: object) -> None:
    """Set one of the kept things ("language", "design", "model", "digits", "answers"; None forgets it) and
    write it to the learner's workspace."""
    from core.workspace import items
    from ui import workspace

    workspace.save({"language": items.LANGUAGE, "design": items.DESIGN, "model": items.MODEL,
                    "digits": items.DIGITS, "answers": items.ANSWERS}[what], value)


def set_session_model(model, meta: dict) -> None:
    """Make a model trained, fine-tuned, adopted or uploaded the active one, on every page and tab."""
    keep("model", (model, meta))


def use_pretrained() -> None:
    """Go back to the shipped, pretrained model."""
    keep("model", None)


def active_model():
    """(model, meta, source): the session's own model if there is one, else the pretrained.

    `source` is "session" or "pretrained". Raises `CheckpointError` when the pretrained
    file is missing or damaged and no session model exists.
    """
    if TRAINED_MODEL_KEY in st.session_state:
        model, meta = st.session_state[TRAINED_MODEL_KEY]
        return model, meta, "session"
    from ui.cache import pretrained_model

    model, meta = pretrained_model()
    return model, meta, "pretrained"
