"""Edits a learner makes to a design, each returning a new list (the old one is kept as it was)."""

from __future__ import annotations

import copy

from core.model.design import DEFAULTS


def add_layer(design: list[dict], kind: str) -> list[dict]:
    """A new layer of `kind` with its default settings, placed before the last layer (the one that
    gives the ten scores), or first when the design is empty."""
    new = copy.deepcopy(design)
    new.insert(max(len(new) - 1, 0), copy.deepcopy(DEFAULTS[kind]))
    return new


def remove_layer(design: list[dict], index: int) -> list[dict]:
    """The design without layer `index`."""
    return [copy.deepcopy(layer) for i, layer in enumerate(design) if i != index]


def move_layer(design: list[dict], index: int, step: int) -> list[dict]:
    """Layer `index` moved `step` places (−1 up, +1 down); unchanged at either end."""
    new = copy.deepcopy(design)
    target = index + step
    if 0 <= index < len(new) and 0 <= target < len(new):
        new[index], new[target] = new[target], new[index]
    return new


def set_setting(design: list[dict], index: int, field: str, value: object) -> list[dict]:
    """The design with one setting of layer `index` changed."""
    new = copy.deepcopy(design)
    new[index][field] = value
    return new
