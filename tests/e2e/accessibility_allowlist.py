"""Accessibility violations the app cannot fix itself: they sit inside Streamlit's own widgets or
the drawing canvas. Each entry names the axe rule, the element (a CSS selector its node is inside),
why it cannot be fixed from the app, and the upstream issue. Keep this list short."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Allowed:
    """One known violation: axe rule `rule` on an element inside `selector`."""

    rule: str
    selector: str
    reason: str
    upstream: str


ALLOWED: list[Allowed] = []
