"""Why ReLU? On a tiny subset the deep ReLU network already learns while the sigmoid one's first
layer gets almost no gradient."""

import numpy as np

from core.data import load_tensors
from core.design.experiments import why_relu
from core.training import TrainConfig


def test_relu_learns_where_sigmoid_starves_the_first_layer() -> None:
    test_x, test_y = load_tensors(train=False)
    result = why_relu(load_tensors(train=True), (test_x[:500], test_y[:500]),
                      TrainConfig(epochs=1, train_size=1_500, batch_size=16, lr=0.03, seed=0))
    assert result.layers == ["fc1", "fc2", "fc3", "fc4", "fc5", "fc6"]
    steps = len(result.losses["relu"])
    assert steps == len(result.losses["sigmoid"]) == 94
    assert result.gradients["relu"].shape == (steps, 6)
    last = {fn: np.mean(losses[-20:]) for fn, losses in result.losses.items()}
    assert last["relu"] < last["sigmoid"] - 0.2
    first_layer = {fn: grads[:, 0].mean() for fn, grads in result.gradients.items()}
    assert first_layer["sigmoid"] * 20 < first_layer["relu"]  # each sigmoid shrinks it ≥ 4 times
    assert result.accuracy["relu"] > result.accuracy["sigmoid"]
