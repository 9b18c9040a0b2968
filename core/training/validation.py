"""The validation split: the last VALIDATION_SIZE training images, which a recipe with `holdout` never trains
on, so a class challenge can rank runs on them and keep the test set for the end."""

from __future__ import annotations

import torch
from torch import nn

from core.data import load_tensors
from core.training.engine import VALIDATION_SIZE, evaluate


def validation_split() -> tuple[torch.Tensor, torch.Tensor]:
    """The held-out images and labels: the last VALIDATION_SIZE of the 60,000 training images."""
    images, labels = load_tensors(train=True)
    return images[-VALIDATION_SIZE:], labels[-VALIDATION_SIZE:]


def validation_accuracy(model: nn.Module) -> float:
    """`model`'s accuracy in percent on the validation split (on the CPU, where the model is kept)."""
    images, labels = validation_split()
    model = model.to("cpu")
    return evaluate(model, images, labels)[1]
