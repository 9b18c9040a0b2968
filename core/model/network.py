"""A design built as a PyTorch module, and what any such network computes layer by layer."""

from __future__ import annotations

import copy
from collections import OrderedDict

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core.data import normalise
from core.model import lenet
from core.model.design import LENET, layer_names
from core.model.shapes import layer_rows

_ACTIVATIONS = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}


def _module(layer: dict, before: tuple[int, ...]) -> nn.Module:
    """The PyTorch layer for one description, given its input shape."""
    kind = layer["kind"]
    if kind == "conv":
        return nn.Conv2d(before[0], layer["out"], layer["kernel"], layer["stride"], layer["padding"])
    if kind == "pool":
        return nn.MaxPool2d(2, 2) if layer["mode"] == "max" else nn.AvgPool2d(2, 2)
    if kind == "activation":
        return _ACTIVATIONS[layer["fn"]]()
    if kind == "flatten":
        return nn.Flatten()
    if kind == "linear":
        return nn.Linear(before[0], layer["out"])
    if kind == "dropout":
        return nn.Dropout(layer["p"])
    return nn.BatchNorm2d(before[0]) if len(before) == 3 else nn.BatchNorm1d(before[0])


class DesignedNet(nn.Sequential):
    """The network a design describes: its layers in order, each under its design name."""

    def __init__(self, design: list[dict]) -> None:
        rows = layer_rows(design)  # refuses a bad design before any weight is allocated
        befores = [(1, 28, 28)] + [row.output_shape for row in rows[:-1]]
        layers = zip(layer_names(design), design, befores, strict=True)
        super().__init__(OrderedDict((name, _module(layer, before)) for name, layer, before in layers))
        self.design = copy.deepcopy(design)


def build_model(design: list[dict]) -> DesignedNet:
    """A freshly initialised network for a valid design (raises `DesignError` otherwise)."""
    return DesignedNet(design)


def design_of(model: nn.Module) -> list[dict]:
    """The design a model was built from (the tutorial's LeNet class is `LENET`)."""
    return copy.deepcopy(getattr(model, "design", LENET))


def _is_activation(module: nn.Module) -> bool:
    return isinstance(module, tuple(_ACTIVATIONS.values()))


@torch.no_grad()
def activations(model: nn.Module, x: torch.Tensor) -> dict[str, torch.Tensor]:
    """Every step's output for a normalised batch `[N, 1, 28, 28]`, keyed by layer name, with an
    activation function folded into the layer before it ("conv1" is conv1's output after its
    ReLU, as the model page shows it); plus "logits" and "probabilities"."""
    if not isinstance(model, DesignedNet):
        outputs = lenet.activations(model, x)
        outputs["logits"] = outputs["fc3"]
        return outputs
    outputs: dict[str, torch.Tensor] = {}
    previous = None
    for name, module in model.named_children():
        x = module(x)
        key = previous if _is_activation(module) and previous is not None else name
        outputs[key] = x
        previous = key
    outputs["logits"] = x
    outputs["probabilities"] = F.softmax(x, dim=1)
    return outputs


def image_activations(model: nn.Module, image: np.ndarray) -> dict[str, np.ndarray]:
    """Every step's output for one digit (uint8, or float in [0, 1], `[28, 28]`), batch axis removed:
    the one way every page runs a single digit through the network."""
    device = next(model.parameters()).device
    outputs = activations(model, normalise(image).to(device))
    return {name: value[0].cpu().numpy() for name, value in outputs.items()}


@torch.no_grad()
def probabilities(model: nn.Module, x: torch.Tensor) -> np.ndarray:
    """Softmax outputs float `[N, 10]` for a normalised batch `[N, 1, 28, 28]` (see `normalise`)."""
    device = next(model.parameters()).device
    return F.softmax(model(x.to(device)), dim=1).cpu().numpy()
