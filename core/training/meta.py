"""The metadata a trained model's checkpoint carries: its recipe, how far it trained, how it did.

Every checkpoint the app writes gets its metadata here: `training_meta` for a model a
`TrainConfig` trained (the training page, the weights scripts), `checkpoint_meta` for any other
(a kept run's epoch on the experiments page, by `RunRecord.meta`).
"""

from __future__ import annotations

import datetime
from dataclasses import asdict

import torch

from core.model.design import LENET, describe
from core.training.engine import TrainConfig

LENET_ARCHITECTURE = "LeNet (conv 6@5x5, pool, conv 16@5x5, pool, fc 120, fc 84, fc 10)"


def checkpoint_meta(recipe: dict, *, architecture: str, epochs: float, test_acc: float | None,
                    test_loss: float | None, device: str, source: str, design: list[dict] | None = None,
                    **extra: object) -> dict:
    """JSON-ready metadata: the architecture (and its `design`, when given), the recipe, the
    epochs trained, the test figures (None when not measured), device, today's date, where the
    model came from; `extra` adds fields (torch version...)."""
    described = {} if design is None else {"design": design}
    return {
        "architecture": architecture,
        **described,
        "recipe": recipe,
        "epochs": epochs,
        "test_accuracy": None if test_acc is None else round(test_acc, 2),
        "test_loss": None if test_loss is None else round(test_loss, 4),
        "device": device,
        "date": datetime.date.today().isoformat(),
        "source": source,
        **extra,
    }


def training_meta(config: TrainConfig, *, epochs: float, test_acc: float, test_loss: float,
                  device: torch.device, source: str, design: list[dict] | None = None,
                  **extra: object) -> dict:
    """JSON-ready metadata for a model trained by `config`; `design` (core.model.design) names
    the network when it is not the class LeNet; `extra` adds fields (torch version...)."""
    architecture = LENET_ARCHITECTURE if design in (None, LENET) else describe(design)
    return checkpoint_meta(asdict(config), architecture=architecture, epochs=epochs, test_acc=test_acc,
                           test_loss=test_loss, device=device.type, source=source, design=design, **extra)
