"""Shape inference for a design, before any weight exists: each layer's output shape, its
parameters, its multiply-adds, and the formulas the model page shows, or a `DesignError`.

The arithmetic is PyTorch's: a convolution maps a side n to ⌊(n + 2·padding − kernel) / stride⌋ + 1,
a 2 × 2 pool halves it (rounding down); a convolution has out × (in × k × k) + out parameters,
a fully connected layer in × out + out, a batch norm two per channel.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.model.design import CLASSES, INPUT_SHAPE, MAX_PARAMETERS, DesignError, check_fields

BYTES_PER_NUMBER = 4  # float32
ACTIVATION_KINDS = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh"}


@dataclass(frozen=True)
class LayerRow:
    """One line of the layer table: what a step outputs for one image, what it learns, and why."""

    name: str
    kind: str  # PyTorch's class name: Conv2d, MaxPool2d, ReLU, Linear, ...
    output_shape: tuple[int, ...]
    parameters: int
    size_formula: str = ""  # how the output size follows from the input size, e.g. "28 − 5 + 1 = 24"
    parameter_formula: str = ""  # e.g. "6 × (1 × 5 × 5) + 6 = 156"
    mult_adds: int = 0  # multiply-adds for one image


def _conv_row(name: str, layer: dict, before: tuple[int, ...], previous: str) -> LayerRow:
    channels, side = before[0], before[-1]
    k, s, p, out = layer["kernel"], layer["stride"], layer["padding"], layer["out"]
    if side + 2 * p < k:
        raise DesignError("kernel_too_big", name=name, kernel=k, size=side, previous=previous,
                          fit=side + 2 * p, padding=-(-(k - side) // 2))
    new_side = (side + 2 * p - k) // s + 1
    core = f"{side}" + (f" + 2 × {p}" if p else "") + f" − {k}"
    size = f"{core} + 1 = {new_side}" if s == 1 else f"⌊({core}) / {s}⌋ + 1 = {new_side}"
    params = out * channels * k * k + out
    formula = f"{out} × ({channels} × {k} × {k}) + {out} = {params:,}"
    shape = (out, new_side, new_side)
    return LayerRow(name, "Conv2d", shape, params, size, formula, out * new_side**2 * channels * k * k)


def _row(name: str, layer: dict, before: tuple[int, ...], previous: str) -> LayerRow:
    """The row of one layer given its input shape, or the reason it cannot follow that shape."""
    kind = layer["kind"]
    if kind in ("conv", "pool") and len(before) != 3:
        raise DesignError("needs_image", name=name, previous=previous)
    if kind == "conv":
        return _conv_row(name, layer, before, previous)
    if kind == "pool":
        side = before[-1]
        if side < 2:
            raise DesignError("pool_too_small", name=name, size=side, previous=previous)
        size = f"{side} / 2 = {side // 2}" if side % 2 == 0 else f"⌊{side} / 2⌋ = {side // 2}"
        pytorch = "MaxPool2d" if layer["mode"] == "max" else "AvgPool2d"
        return LayerRow(name, pytorch, (before[0], side // 2, side // 2), 0, size, "0")
    if kind == "flatten":
        count = _numel(before)
        return LayerRow(name, "Flatten", (count,), 0, " × ".join(map(str, before)) + f" = {count}", "0")
    if kind == "linear":
        if len(before) != 1:
            raise DesignError("needs_flat", name=name, shape=" × ".join(map(str, before)))
        n, out = before[0], layer["out"]
        params = n * out + out
        return LayerRow(name, "Linear", (out,), params, f"{n} → {out}",
                        f"{n} × {out} + {out} = {params:,}", n * out)
    if kind == "batchnorm":
        pytorch = "BatchNorm2d" if len(before) == 3 else "BatchNorm1d"
        return LayerRow(name, pytorch, before, 2 * before[0], "", f"2 × {before[0]} = {2 * before[0]:,}",
                        _numel(before))
    pytorch = ACTIVATION_KINDS[layer["fn"]] if kind == "activation" else "Dropout"
    return LayerRow(name, pytorch, before, 0, "", "0")


def layer_rows(design: object) -> list[LayerRow]:
    """Every layer's row, in order, after checking the whole design (fields, shapes, size caps);
    nothing is allocated, so a design past the caps costs nothing to refuse."""
    names = check_fields(design)
    rows, before, previous = [], INPUT_SHAPE, "input"
    for name, layer in zip(names, design, strict=True):
        row = _row(name, layer, before, previous)
        rows.append(row)
        if row.output_shape != before:
            previous = name
        before = row.output_shape
    total = sum(row.parameters for row in rows)
    if total > MAX_PARAMETERS:
        raise DesignError("too_many_parameters", count=f"{total:,}", limit=f"{MAX_PARAMETERS:,}")
    if before != (CLASSES,):
        raise DesignError("wrong_output", shape=" × ".join(map(str, before)), classes=CLASSES)
    return rows


def fused_rows(rows: list[LayerRow]) -> list[LayerRow]:
    """The rows without activation functions, as the model page counts steps (conv1's output
    is shown after its ReLU); an activation with nothing before it stays."""
    return [row for i, row in enumerate(rows) if row.kind not in ACTIVATION_KINDS.values() or i == 0]


def parameter_total(rows: list[LayerRow]) -> int:
    """All learnable numbers in the design."""
    return sum(row.parameters for row in rows)


def mult_adds(rows: list[LayerRow]) -> int:
    """Multiply-adds to read one image."""
    return sum(row.mult_adds for row in rows)


def training_bytes(rows: list[LayerRow], batch_size: int) -> int:
    """Memory one training step needs, roughly: every weight three times (value, gradient,
    momentum) plus every layer's output twice per image (kept for the backward pass, and its
    gradient), in float32."""
    numbers_per_image = sum(_numel(row.output_shape) for row in rows) + _numel(INPUT_SHAPE)
    return BYTES_PER_NUMBER * (3 * parameter_total(rows) + 2 * batch_size * numbers_per_image)


def _numel(shape: tuple[int, ...]) -> int:
    count = 1
    for d in shape:
        count *= d
    return count
