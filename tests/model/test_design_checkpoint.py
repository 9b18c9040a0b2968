"""Checkpoints carry their design: any valid design round-trips, crafted metadata is refused."""

import json

import pytest
import torch
from safetensors.torch import save as save_bytes

from core.checkpoint import (
    META_KEY,
    CheckpointError,
    load_model,
    model_from_bytes,
    model_to_bytes,
    save_model,
)
from core.model import PRESETS, DesignedNet, build_model
from core.model.design import conv, linear

WITH_NORM = [conv(8, 3, padding=1), {"kind": "batchnorm"}, {"kind": "activation", "fn": "relu"},
             {"kind": "pool", "mode": "avg"}, {"kind": "flatten"}, {"kind": "dropout", "p": 0.5},
             linear(32), {"kind": "batchnorm"}, {"kind": "activation", "fn": "sigmoid"}, linear(10)]


@pytest.mark.parametrize("design", [PRESETS["mlp"], PRESETS["lenet5_1998"], WITH_NORM])
def test_any_design_round_trips_with_its_design_in_the_metadata(tmp_path, design) -> None:
    torch.manual_seed(0)
    model = build_model(design)
    model.train()
    model(torch.randn(8, 1, 28, 28))  # moves batch-norm statistics off their defaults
    model.eval()
    path = tmp_path / "mine.safetensors"
    save_model(model, path, {"test_accuracy": 50.0})
    loaded, meta = load_model(path)
    assert isinstance(loaded, DesignedNet) and loaded.design == design
    assert meta["design"] == design and meta["test_accuracy"] == 50.0
    x = torch.randn(3, 1, 28, 28)
    torch.testing.assert_close(loaded(x), model(x), rtol=0, atol=0)


def crafted(tensors: dict, meta: dict) -> bytes:
    return save_bytes(tensors, metadata={META_KEY: json.dumps(meta)})


def refused(data: bytes) -> CheckpointError:
    with pytest.raises(CheckpointError) as caught:
        model_from_bytes(data)
    return caught.value


def test_crafted_designs_are_refused_with_the_reason() -> None:
    tensors = build_model(PRESETS["mlp"]).state_dict()
    cases = {
        "unknown_kind": [{"kind": "lambda", "code": "__import__('os').system('true')"}],
        "out_of_range": [{"kind": "flatten"}, {"kind": "linear", "out": 10**9}],
        "not_a_list": "os.system('true')",
        "too_many_parameters": [{"kind": "flatten"}, linear(1024), linear(1024), linear(1024), linear(10)],
    }
    for code, design in cases.items():
        err = refused(crafted(tensors, {"design": design}))
        assert err.problem == "design" and err.design_error.code == code


def test_tensors_that_disagree_with_the_design_are_refused() -> None:
    mlp = build_model(PRESETS["mlp"]).state_dict()
    other = [{"kind": "flatten"}, linear(64), {"kind": "activation", "fn": "relu"}, linear(10)]
    err = refused(crafted(mlp, {"design": other}))
    assert err.problem == "mismatch" and "expected" in err.detail
    lenet_weights = model_to_bytes(build_model(PRESETS["lenet"]), {})
    assert model_from_bytes(lenet_weights)[1]["design"] == PRESETS["lenet"]
    err = refused(crafted(build_model(PRESETS["lenet"]).state_dict(), {"design": PRESETS["mlp"]}))
    assert err.problem == "mismatch"
