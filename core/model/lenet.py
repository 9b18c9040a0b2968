"""LeNet for MNIST, as in the classic PyTorch tutorial, and what it computes layer by layer.

conv1 1->6 5x5 (28->24), max-pool 2 (->12), conv2 6->16 5x5 (->8), pool (->4),
flatten 256, fc 120, fc 84, fc 10; ReLU between. 44,426 parameters.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from core.model.design import LENET
from core.model.shapes import LayerRow, fused_rows, layer_rows


class LeNet(nn.Module):
    """A small convolutional network: two conv/pool stages, then three fully connected layers."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, kernel_size=5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, kernel_size=5)
        self.fc1 = nn.Linear(16 * 4 * 4, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # conv -> ReLU -> pool, computed as conv -> pool -> ReLU: the same numbers and gradients
        # (ReLU keeps the order of values, so it picks the same maximum), and ReLU then touches a
        # quarter of the values: a training step is about a tenth faster on a CPU core
        x = F.relu(self.pool(self.conv1(x)))
        x = F.relu(self.pool(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


# Each step of the forward pass, in order: (name, function of the previous output).
def _steps(model: LeNet) -> list[tuple[str, callable]]:
    return [
        ("conv1", lambda x: F.relu(model.conv1(x))),
        ("pool1", model.pool),
        ("conv2", lambda x: F.relu(model.conv2(x))),
        ("pool2", model.pool),
        ("flatten", lambda x: torch.flatten(x, 1)),
        ("fc1", lambda x: F.relu(model.fc1(x))),
        ("fc2", lambda x: F.relu(model.fc2(x))),
        ("fc3", model.fc3),
    ]


@torch.no_grad()
def activations(model: LeNet, x: torch.Tensor) -> dict[str, torch.Tensor]:
    """Every step's output for a normalised batch `[N, 1, 28, 28]` (conv outputs after ReLU),
    plus "probabilities", the softmax of the logits. Equal, step by step, to `model(x)`."""
    outputs: dict[str, torch.Tensor] = {}
    for name, step in _steps(model):
        x = step(x)
        outputs[name] = x
    outputs["probabilities"] = F.softmax(x, dim=1)
    return outputs


def layer_table(network: list[dict] | nn.Module | None = None) -> list[LayerRow]:
    """Output shape, parameter count and formulas of each step of a design, or of the design a
    model was built from (LeNet by default), activation functions folded into the layer before
    them, as the model page lists them."""
    if isinstance(network, nn.Module):
        network = getattr(network, "design", LENET)
    return fused_rows(layer_rows(LENET if network is None else network))


def parameter_count(model: nn.Module) -> int:
    """All learnable numbers in the model."""
    return sum(p.numel() for p in model.parameters())
