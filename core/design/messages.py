"""A `DesignError` in the learner's words, in the page's language."""

from __future__ import annotations

from collections.abc import Callable

from core.model import DesignError

FIELD_KEYS = ("out", "kernel", "stride", "padding", "mode", "fn", "p")


def explain_design_error(err: DesignError, t: Callable[..., str]) -> str:
    """The translated message for a refused design; field names are shown as the page labels them."""
    fields = dict(err.fields)
    if "field" in fields:
        field = fields["field"]
        fields["field"] = t(f"design.field.{field}") if field in FIELD_KEYS else field
    if fields.get("previous") == "input":
        fields["previous"] = t("design.the_input")
    return t(f"design.error.{err.code}", **fields)

