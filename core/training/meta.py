"""The metadata a trained model's checkpoint carries: its recipe, how far it trained, how it did."""

from __future__ import annotations

import datetime
from dataclasses import asdict

import torch

from core.model.design import LENET, describe
from core.training.engine import TrainConfig

LENET_ARCHITECTURE = "LeNet (conv 6@5x5, pool, conv 16@5x5, pool, fc 120, fc 84, fc 10)"


def training_meta(config: TrainConfig, *, epochs: float, test_acc: float, test_loss: float,
                  device: torch.device, source: str, design: list[dict] | None = None,
                  **extra: object) -> dict:
    """JSON-ready metadata for a model trained by `config`; `design` (core.model.design) names
    the network when it is not the class LeNet; `extra` adds fields (torch version...)."""
    described = {} if design is None else {"design": design}
    return {
        "architecture": LENET_ARCHITECTURE if design in (None, LENET) else describe(design),
        **described,
        "recipe": asdict(config),
        "epochs": epochs,
        "test_accuracy": round(test_acc, 2),
        "test_loss": round(test_loss, 4),
        "device": device.type,
        "date": datetime.date.today().isoformat(),
        "source": source,
        **extra,
    }
