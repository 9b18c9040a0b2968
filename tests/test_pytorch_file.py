""".pt/.pth state dicts: the tutorial's file read, ours loaded by the tutorial's code, and every
crafted file refused with its own reason, nothing in it run and nothing huge allocated."""

from __future__ import annotations

import collections
import io
import os
import pickle
import struct
import warnings
import zipfile

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from core.checkpoint import (
    MAX_BYTES,
    CheckpointError,
    is_tutorial_lenet,
    model_from_bytes,
    model_to_pth,
    read_checkpoint,
)
from core.data import load_tensors
from core.model import PRESETS, LeNet, build_model
from core.model.design import act, conv, linear, pool


class TutorialLeNet(nn.Module):
    """The tutorial's LeNet exactly as it is written there (ReLU, then pool)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 4 * 4, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


class RunsACommand:
    """Unpickling this calls os.system: what a malicious "weights" file does."""

    def __init__(self, command: str):
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


def saved(obj, **options) -> bytes:
    buffer = io.BytesIO()
    torch.save(obj, buffer, **options)
    return buffer.getvalue()


def seeded(cls=LeNet) -> nn.Module:
    torch.manual_seed(7)
    return cls()


def refusal(data: bytes) -> CheckpointError:
    with pytest.raises(CheckpointError) as caught:
        read_checkpoint(data)
    return caught.value


def zip_of(entries: dict[str, bytes]) -> bytes:
    """A zip laid out as torch.save lays one out (stored, one top folder)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries.items():
            archive.writestr(f"archive/{name}", data)
    return buffer.getvalue()


def declared_storage_pickle(numel: int) -> bytes:
    """A state dict pickle, as torch.save writes one, whose only tensor declares `numel` floats."""
    storage, tensor = object(), object()

    class Declaring(pickle.Pickler):
        def persistent_id(self, obj):
            return ("storage", torch.FloatStorage, "0", "cpu", numel) if obj is storage else None

        def reducer_override(self, obj):
            if obj is tensor:
                args = (storage, 0, (numel,), (1,), False, collections.OrderedDict())
                return (torch._utils._rebuild_tensor_v2, args)
            return NotImplemented

    buffer = io.BytesIO()
    Declaring(buffer, protocol=2).dump(collections.OrderedDict([("fc3.bias", tensor)]))
    return buffer.getvalue()


def with_declared_size(data: bytes, entry: str, size: int) -> bytes:
    """The zip with one entry's uncompressed size, in its central directory, replaced by `size`."""
    patched = bytearray(data)
    at = patched.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", patched, at + 28)[0]
        name = patched[at + 46 : at + 46 + name_length].decode()
        if name.endswith(entry):
            struct.pack_into("<I", patched, at + 24, size)
            return bytes(patched)
        at = patched.find(b"PK\x01\x02", at + 46)
    raise AssertionError(f"no entry {entry}")


@pytest.fixture
def loads_only_restricted(monkeypatch):
    """Every torch.load call, checked to use the restricted, memory-mapped loader."""
    calls = []
    original = torch.load

    def checked_load(f, *args, **kwargs):
        assert kwargs.get("weights_only") is True and kwargs.get("mmap") is True and not args
        assert kwargs.get("map_location") == "cpu" and isinstance(f, str)
        calls.append(f)
        return original(f, *args, **kwargs)

    monkeypatch.setattr(torch, "load", checked_load)
    return calls


# --- the tutorial's file, in and out -------------------------------------------------------------

def test_the_tutorial_class_has_our_lenets_parameters_and_computes_the_same_logits() -> None:
    ours, theirs = seeded(), TutorialLeNet()
    assert {k: v.shape for k, v in ours.state_dict().items()} == {
        k: v.shape for k, v in theirs.state_dict().items()}
    theirs.load_state_dict(ours.state_dict())
    x = torch.randn(8, 1, 28, 28)
    assert torch.equal(ours(x), theirs(x))  # max-pool and ReLU commute: not only close, equal


def test_the_tutorials_own_file_is_read_as_the_tutorials_lenet(loads_only_restricted) -> None:
    theirs = seeded(TutorialLeNet)
    checkpoint = read_checkpoint(saved(theirs.state_dict()))  # torch.save(model.state_dict(), ...)
    assert loads_only_restricted and checkpoint.file_format == "pytorch"
    assert checkpoint.network == "lenet" and isinstance(checkpoint.model, LeNet) and checkpoint.meta == {}
    assert not checkpoint.model.training
    x = torch.randn(4, 1, 28, 28)
    assert torch.equal(checkpoint.model(x), theirs(x))


def test_our_pth_download_loads_unchanged_in_the_tutorials_code(tmp_path, monkeypatch) -> None:
    ours = seeded()
    (tmp_path / "lenet_mnist.pth").write_bytes(model_to_pth(ours, {"test_accuracy": 98.5}))
    monkeypatch.chdir(tmp_path)
    model = TutorialLeNet()  # the tutorial's two lines, as it writes them (torch.load's defaults)
    model.load_state_dict(torch.load("lenet_mnist.pth"))
    images = load_tensors(train=False)[0][:16]
    assert torch.equal(model(images), ours(images))


def test_the_pth_round_trip_keeps_the_metadata_and_the_design() -> None:
    ours = seeded()
    checkpoint = read_checkpoint(model_to_pth(ours, {"test_accuracy": 98.5}))
    assert checkpoint.meta == {"test_accuracy": 98.5} and checkpoint.network == "lenet"
    own_design = [conv(6, 5), act("tanh"), pool(), conv(16, 5), act("tanh"), pool(), {"kind": "flatten"},
                  linear(120), act("tanh"), linear(84), act("tanh"), linear(10)]
    torch.manual_seed(1)
    designed = build_model(own_design)  # LeNet's shapes, tanh: only the metadata tells them apart
    checkpoint = read_checkpoint(model_to_pth(designed, {}))
    assert checkpoint.network == "design" and checkpoint.model.design == own_design
    x = torch.randn(2, 1, 28, 28)
    assert torch.equal(checkpoint.model(x), designed(x))
    assert not is_tutorial_lenet(designed) and is_tutorial_lenet(build_model(PRESETS["lenet"]))


@pytest.mark.parametrize("name", [name for name in PRESETS if name != "lenet"])
def test_a_presets_plain_state_dict_is_recognised_by_its_shapes(name: str) -> None:
    torch.manual_seed(2)
    model = build_model(PRESETS[name])
    checkpoint = read_checkpoint(saved(model.state_dict()))
    assert checkpoint.network == name and checkpoint.model.design == PRESETS[name]


def test_a_dict_of_parameters_is_read_as_a_state_dict() -> None:
    ours = seeded()
    parameters = dict(ours.named_parameters())  # nn.Parameter values: _rebuild_parameter
    assert read_checkpoint(saved(parameters)).network == "lenet"


# --- refusals, each with its own reason ----------------------------------------------------------

def test_a_pickle_that_runs_a_command_is_refused_and_never_run(tmp_path, loads_only_restricted) -> None:
    flag = tmp_path / "pwned"
    data = saved({"fc1.weight": RunsACommand(f"touch {flag}")})
    err = refusal(data)
    assert err.problem == "pth_code" and err.detail in ("posix.system", "nt.system")
    assert not flag.exists() and not loads_only_restricted  # refused from its opcodes alone
    # the same in protocol 4, whose STACK_GLOBAL names the function from the stack
    pickled = pickle.dumps(collections.OrderedDict(w=RunsACommand(f"touch {flag}")), protocol=4)
    err = refusal(zip_of({"data.pkl": pickled, "version": b"3\n"}))
    assert err.problem == "pth_code" and err.detail.endswith(".system")
    assert not flag.exists()


def test_the_restricted_loader_alone_refuses_it_too(tmp_path) -> None:
    """Were the opcode check missing, PyTorch's own weights-only loader stops it as well."""
    flag = tmp_path / "pwned"
    path = tmp_path / "evil.pth"
    path.write_bytes(saved({"w": RunsACommand(f"touch {flag}")}))
    with pytest.raises(pickle.UnpicklingError, match="system"):
        torch.load(path, weights_only=True, map_location="cpu", mmap=True)
    assert not flag.exists()


def test_a_whole_pickled_model_is_refused_with_its_class(loads_only_restricted) -> None:
    err = refusal(saved(seeded(TutorialLeNet)))  # torch.save(model)
    assert err.problem == "pth_pickled_model" and err.detail.endswith(".TutorialLeNet")
    assert not loads_only_restricted


def test_a_zip_entry_declared_far_over_the_cap_is_refused_unread() -> None:
    declared = 0xFFFF_FFF0  # 4.3 GB, some 500 times the cap, for fc1's 123 kB of weights
    assert declared > 100 * MAX_BYTES
    err = refusal(with_declared_size(saved(seeded().state_dict()), "data/4", declared))
    assert err.problem == "pth_entry_too_large" and err.detail == f"archive/data/4: {declared:,}"


@pytest.mark.parametrize("keep", [0.5, 0.98, 0.1])
def test_a_truncated_file_is_refused(keep: float) -> None:
    data = saved(seeded().state_dict())
    assert refusal(data[: int(len(data) * keep)]).problem == "pth_truncated"


def test_a_state_dict_holding_nan_is_refused() -> None:
    tensors = seeded().state_dict()
    tensors["fc1.bias"][3] = float("nan")
    err = refusal(saved(tensors))
    assert err.problem == "not_finite" and err.detail == "fc1.bias"


def test_a_billion_element_tensor_is_refused_without_allocating_it(loads_only_restricted) -> None:
    # its storage declares 10^9 floats (4 GB) while the file carries 40 bytes
    data = zip_of({"data.pkl": declared_storage_pickle(10**9), "byteorder": b"little",
                   "data/0": b"\0" * 40, "version": b"3\n"})
    assert len(data) < 2_000
    err = refusal(data)
    assert err.problem == "tensor_too_large" and err.detail == "1,000,000,000"
    assert not loads_only_restricted  # refused from the declaration, before torch.load
    # a tensor whose shape claims 10^9 elements over a one-float storage (stride 0) loads in
    # 4 bytes; it is refused by its element count before anything reads it
    err = refusal(saved({"fc3.bias": torch.zeros(1).expand(10**9)}))
    assert err.problem == "tensor_too_large" and err.detail == "fc3.bias: 1,000,000,000"


def test_other_files_that_are_not_state_dicts_are_refused_each_by_name() -> None:
    sd = seeded().state_dict()
    assert refusal(saved(sd, _use_new_zipfile_serialization=False)).problem == "pth_legacy"
    err = refusal(saved({"epoch": 3, "model_state_dict": sd}))
    assert err.problem == "pth_not_state_dict" and err.detail == "epoch, model_state_dict"
    assert refusal(saved([sd["fc3.bias"]])).problem == "pth_not_state_dict"
    err = refusal(saved({"fc3.bias": sd["fc3.bias"], "when": collections.Counter(a=1)}))
    assert err.problem == "pth_not_state_dict"
    script = io.BytesIO()
    with warnings.catch_warnings():  # torch.jit.save is deprecated, and still met in the wild
        warnings.simplefilter("ignore", FutureWarning)
        torch.jit.save(torch.jit.trace(seeded(), torch.zeros(1, 1, 28, 28)), script)
    assert refusal(script.getvalue()).problem == "pth_torchscript"
    compressed = io.BytesIO()
    with zipfile.ZipFile(compressed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("archive/data.pkl", pickle.dumps({}, protocol=2))
    assert refusal(compressed.getvalue()).problem == "pth_compressed"
    assert refusal(zip_of({"data.pkl": b"\x80\x02not a pickle"})).problem == "pth_unreadable"
    assert refusal(zip_of({"version": b"3\n"})).problem == "pth_unreadable"


def test_a_state_dict_of_an_unknown_network_is_refused_with_its_tensors() -> None:
    err = refusal(saved(nn.Linear(3, 2).state_dict()))
    assert err.problem == "unknown_network" and err.detail == "weight [2, 3], bias [2]"
    tensors = seeded().state_dict()
    tensors["fc3.weight"] = torch.zeros(11, 84)  # LeNet's names, one shape off: said as a mismatch
    err = refusal(saved(tensors))
    assert err.problem == "mismatch" and "fc3.weight" in err.detail
    tensors = {k: v.double() for k, v in seeded().state_dict().items()}
    assert refusal(saved(tensors)).problem == "mismatch"


def test_a_file_over_the_cap_is_refused_before_it_is_read() -> None:
    data = saved(seeded().state_dict())
    assert refusal(data + b"\0" * MAX_BYTES).problem == "too_large"


def test_model_from_bytes_reads_a_pth_too() -> None:
    model, meta = model_from_bytes(model_to_pth(seeded(), {"source": "test"}))
    assert isinstance(model, LeNet) and meta == {"source": "test"}
