"""LeNet's anatomy: the layer table's numbers, its formulas, and activations that agree with forward()."""

import numpy as np
import torch

from core.data import normalise
from core.model import (
    LENET,
    LeNet,
    activations,
    build_model,
    image_activations,
    layer_table,
    parameter_count,
    probabilities,
)
from core.model.charts import dataflow_dot

SHAPES = {
    "conv1": (6, 24, 24), "pool1": (6, 12, 12), "conv2": (16, 8, 8), "pool2": (16, 4, 4),
    "flatten": (256,), "fc1": (120,), "fc2": (84,), "fc3": (10,),
}
PARAMETERS = {"conv1": 156, "conv2": 2_416, "fc1": 30_840, "fc2": 10_164, "fc3": 850}


def test_layer_table_shapes_and_parameters() -> None:
    rows = layer_table()
    assert [row.name for row in rows] == list(SHAPES)
    assert {row.name: row.output_shape for row in rows} == SHAPES
    assert {row.name: row.parameters for row in rows if row.parameters} == PARAMETERS
    assert sum(row.parameters for row in rows) == 44_426 == parameter_count(LeNet())


def test_formulas_are_computed_from_the_layers() -> None:
    rows = {row.name: row for row in layer_table()}
    assert rows["conv1"].size_formula == "28 − 5 + 1 = 24"
    assert rows["conv2"].size_formula == "12 − 5 + 1 = 8"
    assert rows["pool1"].size_formula == "24 / 2 = 12"
    assert rows["flatten"].size_formula == "16 × 4 × 4 = 256"
    assert rows["conv1"].parameter_formula == "6 × (1 × 5 × 5) + 6 = 156"
    assert rows["conv2"].parameter_formula == "16 × (6 × 5 × 5) + 16 = 2,416"
    assert rows["fc1"].parameter_formula == "256 × 120 + 120 = 30,840"
    assert rows["fc3"].parameter_formula == "84 × 10 + 10 = 850"


def test_layer_table_reads_each_layer_it_describes() -> None:
    design = [dict(LENET[0], out=4)] + LENET[1:]  # a narrower first layer than LeNet's
    rows = {row.name: row for row in layer_table(design)}
    model = build_model(design)
    for name in ("conv1", "conv2", "fc1", "fc2", "fc3"):
        assert rows[name].kind == type(getattr(model, name)).__name__
        assert rows[name].parameters == sum(p.numel() for p in getattr(model, name).parameters())
    assert rows["conv1"].output_shape == (4, 24, 24)
    assert rows["conv1"].parameter_formula == "4 × (1 × 5 × 5) + 4 = 104"
    assert rows["conv2"].parameters == 16 * 4 * 25 + 16


def test_activations_agree_with_forward() -> None:
    torch.manual_seed(1)
    model = LeNet().eval()
    x = torch.randn(3, 1, 28, 28)
    outputs = activations(model, x)
    torch.testing.assert_close(outputs["fc3"], model(x))
    torch.testing.assert_close(outputs["probabilities"].sum(dim=1), torch.ones(3))
    assert (outputs["conv1"] >= 0).all()  # after ReLU


def test_image_activations_take_uint8_and_float_images() -> None:
    model = LeNet().eval()
    digit = (np.arange(784).reshape(28, 28) % 256).astype(np.uint8)
    from_uint8 = image_activations(model, digit)
    from_float = image_activations(model, digit.astype(np.float32) / 255.0)
    assert from_uint8["conv2"].shape == (16, 8, 8)
    np.testing.assert_allclose(from_uint8["fc3"], from_float["fc3"], atol=1e-5)


def test_probabilities_of_a_batch_match_each_digit_read_alone() -> None:
    torch.manual_seed(2)
    model = LeNet().eval()
    digits = np.random.default_rng(0).integers(0, 256, size=(3, 28, 28), dtype=np.uint8)
    batch = probabilities(model, normalise(digits))
    assert batch.shape == (3, 10)
    np.testing.assert_allclose(batch.sum(axis=1), 1.0, rtol=1e-5)
    for digit, row in zip(digits, batch, strict=True):
        alone = image_activations(model, digit)["probabilities"]
        np.testing.assert_allclose(row, alone, rtol=1e-4, atol=1e-6)


def test_dataflow_diagram_shows_every_shape() -> None:
    dot = dataflow_dot(layer_table(), input_label="in", output_label="out", step_labels={},
                       params_label="{n} params")
    for text in ("1 × 28 × 28", "6 × 24 × 24", "16 × 4 × 4", "2,416 params", "30,840 params"):
        assert text in dot
    assert dot.count("->") == 9  # input, eight steps, output


def test_pooling_before_relu_gives_the_tutorials_numbers_and_gradients():
    """LeNet computes conv -> pool -> ReLU for speed; the tutorial writes conv -> ReLU -> pool."""
    import torch.nn.functional as F

    torch.manual_seed(0)
    model = LeNet()
    x = torch.randn(16, 1, 28, 28)
    labels = torch.randint(0, 10, (16,))

    def tutorial_forward(x):
        x = model.pool(F.relu(model.conv1(x)))
        x = model.pool(F.relu(model.conv2(x)))
        x = torch.flatten(x, 1)
        return model.fc3(F.relu(model.fc2(F.relu(model.fc1(x)))))

    grads = []
    for forward in (model, tutorial_forward):
        model.zero_grad()
        logits = forward(x)
        F.cross_entropy(logits, labels).backward()
        grads.append((logits.detach(), [p.grad.clone() for p in model.parameters()]))
    (ours, our_grads), (tutorials, tutorial_grads) = grads
    assert torch.equal(ours, tutorials)
    assert all(torch.equal(a, b) for a, b in zip(our_grads, tutorial_grads, strict=True))
