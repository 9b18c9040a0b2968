"""A network described as data: an ordered list of layer dicts from a small vocabulary.

A design is JSON-serialisable, so it can travel in session state and in a checkpoint's
metadata, and it is checked field by field before anything is built. Every refusal is a
`DesignError` with a short code and the fields its translated message needs; the page (or
the checkpoint loader) turns it into the learner's words.

    {"kind": "conv", "out": 6, "kernel": 5, "stride": 1, "padding": 0}
    {"kind": "pool", "mode": "max"}            always 2 x 2, stride 2
    {"kind": "activation", "fn": "relu"}       relu | sigmoid | tanh
    {"kind": "flatten"}
    {"kind": "linear", "out": 120}
    {"kind": "dropout", "p": 0.5}
    {"kind": "batchnorm"}

Layers are named by kind and position (conv1, pool1, relu1, flatten, fc1, ...), the names the
tutorial's LeNet uses, so its weights load into the design `LENET` unchanged.
"""

from __future__ import annotations

import copy

# kind -> {field: (low, high) for numbers, or a tuple of choices}
FIELDS: dict[str, dict[str, tuple]] = {
    "conv": {"out": (1, 64), "kernel": (1, 9), "stride": (1, 2), "padding": (0, 4)},
    "pool": {"mode": ("max", "avg")},
    "activation": {"fn": ("relu", "sigmoid", "tanh")},
    "flatten": {},
    "linear": {"out": (1, 1024)},
    "dropout": {"p": (0.0, 0.9)},
    "batchnorm": {},
}
KINDS = tuple(FIELDS)
FLOAT_FIELDS = {"p"}  # every other number is a whole number
DEFAULTS: dict[str, dict] = {
    "conv": {"kind": "conv", "out": 8, "kernel": 3, "stride": 1, "padding": 1},
    "pool": {"kind": "pool", "mode": "max"},
    "activation": {"kind": "activation", "fn": "relu"},
    "flatten": {"kind": "flatten"},
    "linear": {"kind": "linear", "out": 64},
    "dropout": {"kind": "dropout", "p": 0.25},
    "batchnorm": {"kind": "batchnorm"},
}
# The server's safety cap. Activation functions do not count as layers (a tutorial draws
# "conv + ReLU" as one layer), so the tutorial's LeNet is 8 layers, as on the model page.
MAX_LAYERS = 12
MAX_PARAMETERS = 2_000_000
INPUT_SHAPE = (1, 28, 28)
CLASSES = 10


class DesignError(ValueError):
    """A design that cannot be built; `code` names the problem, `fields` fill its message."""

    def __init__(self, code: str, **fields: object):
        self.code = code
        self.fields = fields
        super().__init__(f"{code}: {fields}")


def conv(out: int, kernel: int, stride: int = 1, padding: int = 0) -> dict:
    """A convolution layer's description."""
    return {"kind": "conv", "out": out, "kernel": kernel, "stride": stride, "padding": padding}


def pool(mode: str = "max") -> dict:
    """A 2 x 2 pooling layer's description."""
    return {"kind": "pool", "mode": mode}


def act(fn: str) -> dict:
    """An activation function's description."""
    return {"kind": "activation", "fn": fn}


def linear(out: int) -> dict:
    """A fully connected layer's description."""
    return {"kind": "linear", "out": out}


FLATTEN = {"kind": "flatten"}

# The tutorial's LeNet, the network the app ships trained.
LENET: list[dict] = [
    conv(6, 5), act("relu"), pool(), conv(16, 5), act("relu"), pool(),
    FLATTEN, linear(120), act("relu"), linear(84), act("relu"), linear(10),
]
PRESETS: dict[str, list[dict]] = {
    "lenet": LENET,
    # LeCun et al. 1998: 32 x 32 input (here 28 padded by 2), tanh, average pooling
    "lenet5_1998": [
        conv(6, 5, padding=2), act("tanh"), pool("avg"), conv(16, 5), act("tanh"), pool("avg"),
        FLATTEN, linear(120), act("tanh"), linear(84), act("tanh"), linear(10),
    ],
    "mlp": [FLATTEN, linear(128), act("relu"), linear(10)],
    "tiny": [conv(4, 5), act("relu"), pool(), FLATTEN, linear(10)],
    "wide_lenet": [
        conv(16, 5), act("relu"), pool(), conv(32, 5), act("relu"), pool(),
        FLATTEN, linear(256), act("relu"), linear(128), act("relu"), linear(10),
    ],
}


def preset(name: str) -> list[dict]:
    """A fresh copy of a named preset (the page edits its copy)."""
    return copy.deepcopy(PRESETS[name])


def layer_names(design: list[dict]) -> list[str]:
    """Each layer's name: its kind (or activation function) numbered from 1 (the first flatten
    is plain "flatten")."""
    prefixes = {"conv": "conv", "pool": "pool", "linear": "fc", "dropout": "dropout",
                "batchnorm": "bn", "flatten": "flatten"}
    counts: dict[str, int] = {}
    names = []
    for layer in design:
        prefix = layer["fn"] if layer["kind"] == "activation" else prefixes[layer["kind"]]
        counts[prefix] = counts.get(prefix, 0) + 1
        number = counts[prefix]
        names.append("flatten" if prefix == "flatten" and number == 1 else f"{prefix}{number}")
    return names


def _check_value(name: str, field: str, value: object, rule: tuple) -> None:
    if isinstance(rule[0], str):  # a choice
        if value not in rule:
            raise DesignError("bad_choice", name=name, field=field, value=str(value)[:20],
                              choices=", ".join(rule))
        return
    low, high = rule
    number_types = (int, float) if field in FLOAT_FIELDS else (int,)
    if isinstance(value, bool) or not isinstance(value, number_types) or value != value:
        raise DesignError("bad_type", name=name, field=field, value=str(value)[:20])
    if not low <= value <= high:
        raise DesignError("out_of_range", name=name, field=field, value=value, low=low, high=high)


def check_fields(design: object) -> list[str]:
    """Check every layer's kind and settings and the layer count; returns the layer names."""
    if not isinstance(design, list):
        raise DesignError("not_a_list")
    if not design:
        raise DesignError("empty")
    for index, layer in enumerate(design, start=1):
        if not isinstance(layer, dict):
            raise DesignError("not_a_layer", index=index)
        kind = layer.get("kind")
        if kind not in FIELDS:
            raise DesignError("unknown_kind", index=index, kind=str(kind)[:20], kinds=", ".join(KINDS))
    names = layer_names(design)
    for name, layer in zip(names, design, strict=True):
        rules = FIELDS[layer["kind"]]
        for field in layer:
            if field != "kind" and field not in rules:
                raise DesignError("unknown_field", name=name, field=str(field)[:20])
        for field, rule in rules.items():
            if field not in layer:
                raise DesignError("missing_field", name=name, field=field)
            _check_value(name, field, layer[field], rule)
    for index in range(1, len(design)):
        if design[index]["kind"] == design[index - 1]["kind"] == "activation":
            raise DesignError("double_activation", name=names[index])
    counted = sum(layer["kind"] != "activation" for layer in design)
    if counted > MAX_LAYERS:
        raise DesignError("too_many_layers", count=counted, limit=MAX_LAYERS)
    return names


def describe(design: list[dict]) -> str:
    """A one-line summary such as "conv 6@5×5 → relu → max-pool → … → fc 10" (not translated:
    the layer vocabulary is PyTorch's own)."""
    parts = []
    for layer in design:
        kind = layer["kind"]
        if kind == "conv":
            extra = "".join(f", {k[0]}{layer[k]}" for k in ("stride", "padding")
                            if layer[k] != (1 if k == "stride" else 0))
            parts.append(f"conv {layer['out']}@{layer['kernel']}×{layer['kernel']}{extra}")
        elif kind == "pool":
            parts.append(f"{layer['mode']}-pool")
        elif kind == "activation":
            parts.append(layer["fn"])
        elif kind == "linear":
            parts.append(f"fc {layer['out']}")
        elif kind == "dropout":
            parts.append(f"dropout {layer['p']:g}")
        else:
            parts.append(kind)
    return " → ".join(parts)


def preset_name(design: list[dict]) -> str | None:
    """The name of the preset this design equals, if any."""
    return next((name for name, layers in PRESETS.items() if layers == design), None)
