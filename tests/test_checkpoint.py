"""Checkpoints: a faithful round trip, atomic writes, and every bad file refused with its reason."""

import json

import pytest
import torch
from safetensors.torch import save as save_bytes

from core.checkpoint import (
    MAX_BYTES,
    PRETRAINED_PATH,
    CheckpointError,
    load_model,
    model_from_bytes,
    model_to_bytes,
    save_model,
    shown_accuracy,
)
from core.model import LeNet

META = {"test_accuracy": 12.5, "recipe": {"lr": 0.01}}


def seeded() -> LeNet:
    torch.manual_seed(3)
    return LeNet()


def test_round_trip_through_a_file(tmp_path) -> None:
    model = seeded()
    path = tmp_path / "sub" / "weights.safetensors"
    save_model(model, path, META)
    loaded, meta = load_model(path)
    assert meta == META
    for name, tensor in model.state_dict().items():
        assert torch.equal(loaded.state_dict()[name], tensor)
    assert [p.name for p in path.parent.iterdir()] == ["weights.safetensors"]  # no temporary left
    assert (path.stat().st_mode & 0o777) == 0o644


def test_round_trip_through_bytes() -> None:
    model = seeded()
    loaded, meta = model_from_bytes(model_to_bytes(model, META))
    x = torch.randn(2, 1, 28, 28)
    torch.testing.assert_close(loaded(x), model(x))
    assert meta == META


def test_a_safetensors_file_whose_header_length_starts_like_a_pickle_is_read() -> None:
    # the header's length is its first byte; 0x80 there is also how an old torch.save pickle starts
    model = seeded()
    data = next(data for pad in range(256)
                if (data := model_to_bytes(model, {**META, "note": "x" * pad}))[0] == 0x80)
    loaded, meta = model_from_bytes(data)
    assert meta["note"] and torch.equal(loaded.state_dict()["fc3.bias"], model.state_dict()["fc3.bias"])


def problem(data: bytes) -> str:
    with pytest.raises(CheckpointError) as caught:
        model_from_bytes(data)
    return caught.value.problem


def test_truncated_and_garbage_files_are_refused() -> None:
    data = model_to_bytes(seeded(), META)
    assert problem(data[: len(data) // 2]) == "unreadable"  # a safetensors header, cut off
    assert problem(b"not a checkpoint at all") == "unknown_format"
    assert problem(b"") == "unknown_format"


def test_a_pytorch_state_dict_is_read_by_the_restricted_loader(tmp_path) -> None:
    """The pickle-based format: tests/test_pytorch_file.py has its refusals."""
    path = tmp_path / "model.pt"
    torch.save(seeded().state_dict(), path)
    loaded, meta = model_from_bytes(path.read_bytes())
    assert isinstance(loaded, LeNet) and meta == {}


def test_oversized_file_is_refused(tmp_path) -> None:
    assert problem(b"\0" * (MAX_BYTES + 1)) == "too_large"
    path = tmp_path / "big.safetensors"
    path.write_bytes(b"\0" * (MAX_BYTES + 1))
    with pytest.raises(CheckpointError, match="too_large"):
        load_model(path)


def test_missing_file(tmp_path) -> None:
    with pytest.raises(CheckpointError) as caught:
        load_model(tmp_path / "nowhere.safetensors")
    assert caught.value.problem == "missing"


def test_mismatched_tensors_are_refused() -> None:
    tensors = dict(seeded().state_dict())
    wrong_shape = {**tensors, "fc3.weight": torch.zeros(11, 84)}
    assert problem(save_bytes(wrong_shape)) == "mismatch"
    wrong_dtype = {**tensors, "fc3.bias": torch.zeros(10, dtype=torch.float64)}
    assert problem(save_bytes(wrong_dtype)) == "mismatch"
    missing = {k: v for k, v in tensors.items() if k != "conv1.bias"}
    assert problem(save_bytes(missing)) == "mismatch"
    extra = {**tensors, "fc4.weight": torch.zeros(2, 2)}
    assert problem(save_bytes(extra)) == "mismatch"
    not_finite = {**tensors, "fc1.bias": torch.full((120,), float("nan"))}
    assert problem(save_bytes(not_finite)) == "not_finite"


def test_bad_metadata_is_unreadable() -> None:
    tensors = dict(seeded().state_dict())
    assert problem(save_bytes(tensors, metadata={"meta": "{not json"})) == "unreadable"
    assert problem(save_bytes(tensors, metadata={"meta": json.dumps([1, 2])})) == "unreadable"


def test_the_shipped_weights_load_and_beat_lenet5() -> None:
    from core.data import load_tensors
    from core.training import evaluate

    model, meta = load_model(PRETRAINED_PATH)
    assert PRETRAINED_PATH.stat().st_size < 1_000_000
    assert meta["test_accuracy"] >= 99.1  # LeNet-5's published error was 0.95%
    assert {"architecture", "recipe", "epochs", "date"} <= set(meta)
    assert not model.training
    _, accuracy, _ = evaluate(model, *load_tensors(train=False))
    assert round(accuracy, 2) == meta["test_accuracy"]  # the metadata tells the truth


def test_shown_accuracy_is_the_metadatas_or_a_question_mark() -> None:
    assert shown_accuracy(META) == 12.5
    assert shown_accuracy({"recipe": {}}) == "?"
