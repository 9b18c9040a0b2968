"""Save and load network weights safely: safetensors for the tensors, JSON for the metadata.

Nothing is ever unpickled or evaluated, so a checkpoint from a stranger cannot run code. Writes
are atomic (a temporary file, then a rename), so an interrupted save never leaves half a file.
The metadata's "design" (core.model.design) says which network the tensors belong to; a file
without one (the shipped weights) is the tutorial's LeNet. Loading checks the design like the
design page does (kinds, sizes, shapes, the server's caps) before building anything, then every
tensor's name, shape and dtype against the network it describes.

An upload may also be a PyTorch `.pt`/`.pth` state dict (core/pytorch_file.py reads it without
unpickling anything but tensors). A state dict says nothing of its network unless the app wrote
it, so one without the app's metadata is matched by its tensors' names and shapes against the
networks the app knows: the tutorial's LeNet, then the design presets.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load as load_bytes
from safetensors.torch import save as save_bytes

from core.model import LENET, PRESETS, DesignError, LeNet, build_model
from core.model.design import MAX_PARAMETERS, preset_name
from core.pytorch_file import PytorchFileError, looks_like_pytorch, read_state_dict, state_dict_bytes

PRETRAINED_PATH = Path(__file__).resolve().parent.parent / "assets" / "lenet_mnist.safetensors"
# LeNet's weights take 178 kB; the largest design the server builds (2,000,000 float32
# parameters, plus batch-norm statistics and the header) stays under this
MAX_BYTES = 4 * MAX_PARAMETERS + 500_000
META_KEY = "meta"


class CheckpointError(Exception):
    """A file that is not a checkpoint of a network we can build; `problem` is a short code the UI
    translates: "missing", "too_large", "unknown_format", "unreadable", "mismatch", "not_finite",
    "tensor_too_large", "design" (the metadata's design is refused: `design_error` says why),
    "unknown_network" (a state dict of none of the networks the app knows), or "pth_" and a
    `PytorchFileError` code for a .pt/.pth file refused while reading it."""

    def __init__(self, problem: str, detail: str = "", design_error: DesignError | None = None):
        self.problem = problem
        self.detail = detail
        self.design_error = design_error
        super().__init__(f"{problem}: {detail}" if detail else problem)


def shown_accuracy(meta: dict) -> float | str:
    """A checkpoint's test accuracy (%) as the pages print it: "?" when its metadata does not say."""
    return meta.get("test_accuracy", "?")


def model_to_bytes(model: torch.nn.Module, meta: dict) -> bytes:
    """The checkpoint as bytes (for a download button); a designed network's metadata gets its design."""
    if hasattr(model, "design") and "design" not in meta and not isinstance(model, LeNet):
        meta = {**meta, "design": model.design}
    tensors = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    return save_bytes(tensors, metadata={META_KEY: json.dumps(meta, sort_keys=True)})


def model_to_pth(model: torch.nn.Module, meta: dict) -> bytes:
    """The checkpoint as a PyTorch state dict (.pth bytes), its metadata (a designed network's with
    its design) inside, so the app recognises its own file when it comes back."""
    if hasattr(model, "design") and "design" not in meta and not isinstance(model, LeNet):
        meta = {**meta, "design": model.design}
    return state_dict_bytes(model, meta)


def is_tutorial_lenet(model: torch.nn.Module) -> bool:
    """Whether the tutorial's LeNet class, loading this model's state dict, computes what it does:
    the class itself, or the design that equals it (a design with LeNet's shapes but, say, tanh
    would load and compute something else)."""
    return isinstance(model, LeNet) or getattr(model, "design", None) == LENET


def save_model(model: torch.nn.Module, path: str | Path, meta: dict) -> None:
    """Write weights and metadata to `path` atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = model_to_bytes(model, meta)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; weights are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_metadata(data: bytes) -> dict:
    """The JSON metadata in a safetensors header ({} when there is none)."""
    header_len = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + header_len])
    meta_text = header.get("__metadata__", {}).get(META_KEY, "{}")
    meta = json.loads(meta_text)
    if not isinstance(meta, dict):
        raise ValueError("metadata is not an object")
    return meta


@dataclass
class Checkpoint:
    """A checkpoint read and checked: the network, its metadata, the file's format ("safetensors" or
    "pytorch") and which network it was recognised as ("lenet": the tutorial's class; a preset's
    name; "design": a design the app exported)."""

    model: torch.nn.Module
    meta: dict
    file_format: str
    network: str


def _signature(tensors: dict[str, torch.Tensor]) -> dict[str, tuple]:
    return {name: (tuple(tensor.shape), tensor.dtype) for name, tensor in tensors.items()}


def _model_for(meta: dict) -> torch.nn.Module:
    """A fresh network of the design the metadata names (LeNet when it names none)."""
    if "design" not in meta:
        return LeNet()
    try:
        return build_model(meta["design"])
    except DesignError as err:
        raise CheckpointError("design", str(err), design_error=err) from err


def _model_matching(tensors: dict[str, torch.Tensor]) -> torch.nn.Module:
    """A fresh network of the first known kind whose state dict has these names, shapes and dtypes:
    the tutorial's LeNet, then each preset. Same names but other shapes: checked against LeNet (its
    mismatch then says what differs); names of no known network: "unknown_network"."""
    signature = _signature(tensors)
    presets = [design for name, design in PRESETS.items() if name != "lenet"]  # LeNet's class comes first
    candidates = [LeNet] + [lambda d=design: build_model(d) for design in presets]
    for make in candidates:
        with torch.device("meta"):  # shapes only: no weights allocated or initialised
            expected = _signature(make().state_dict())
        if expected == signature:
            return make()
    if set(signature) == set(LeNet().state_dict()):
        return LeNet()
    shown = ", ".join(f"{name} {list(shape)}" for name, (shape, _) in list(signature.items())[:4])
    raise CheckpointError("unknown_network", shown + (", …" if len(signature) > 4 else ""))


def _load_checked(model: torch.nn.Module, tensors: dict[str, torch.Tensor]) -> torch.nn.Module:
    """`model` with these tensors, once every name, shape, dtype and value has been checked."""
    expected = model.state_dict()
    if set(tensors) != set(expected):
        missing = sorted(set(expected) - set(tensors))
        extra = sorted(set(tensors) - set(expected))
        raise CheckpointError("mismatch", f"missing {missing}, unexpected {extra}")
    for name, tensor in tensors.items():
        want = expected[name]
        if tensor.shape != want.shape or tensor.dtype != want.dtype:
            raise CheckpointError(
                "mismatch", f"{name}: {tuple(tensor.shape)} {tensor.dtype}, "
                f"expected {tuple(want.shape)} {want.dtype}"
            )
        if tensor.is_floating_point() and not torch.isfinite(tensor).all():
            raise CheckpointError("not_finite", name)
    model.load_state_dict(tensors)
    model.eval()
    return model


def _looks_like_safetensors(data: bytes) -> bool:
    """A little-endian header length that fits the file, then the JSON header's opening brace."""
    return len(data) > 8 and int.from_bytes(data[:8], "little") <= len(data) - 8 and data[8:9] == b"{"


def _read_tensors(data: bytes) -> tuple[dict[str, torch.Tensor], dict, str]:
    """The tensors, the metadata and the format of checkpoint bytes, nothing yet checked.
    Safetensors is told first: its header length is a free byte, and one in 256 starts with the
    pickle's 0x80."""
    if not _looks_like_safetensors(data) and looks_like_pytorch(data):
        try:
            tensors, meta = read_state_dict(data, MAX_BYTES, MAX_PARAMETERS)
        except PytorchFileError as err:
            problem = err.problem if err.problem == "tensor_too_large" else f"pth_{err.problem}"
            raise CheckpointError(problem, err.detail) from err
        return tensors, meta, "pytorch"
    if not _looks_like_safetensors(data):
        raise CheckpointError("unknown_format", f"{len(data):,} bytes")
    try:
        return load_bytes(data), _read_metadata(data), "safetensors"
    except (SafetensorError, ValueError, UnicodeDecodeError, OverflowError) as err:
        raise CheckpointError("unreadable", str(err)) from err


def read_checkpoint(data: bytes) -> Checkpoint:
    """A checkpoint (safetensors, or a PyTorch state dict) from its bytes, after checking its design
    and every tensor, with which network it was recognised as."""
    if len(data) > MAX_BYTES:
        raise CheckpointError("too_large", f"{len(data):,} bytes")
    tensors, meta, file_format = _read_tensors(data)
    for name, tensor in tensors.items():  # before anything reads them: a declared size may be a lie
        if tensor.numel() > MAX_PARAMETERS:
            raise CheckpointError("tensor_too_large", f"{name}: {tensor.numel():,}")
    if file_format == "pytorch" and "design" not in meta:
        model = _model_matching(tensors)
    else:
        model = _model_for(meta)
    model = _load_checked(model, tensors)
    design = getattr(model, "design", None)
    network = "lenet" if design is None else preset_name(design) or "design"
    return Checkpoint(model, meta, file_format, network)


def model_from_bytes(data: bytes) -> tuple[torch.nn.Module, dict]:
    """A network and its metadata from checkpoint bytes, after checking its design and every tensor."""
    checkpoint = read_checkpoint(data)
    return checkpoint.model, checkpoint.meta


def load_model(path: str | Path = PRETRAINED_PATH) -> tuple[torch.nn.Module, dict]:
    """A network in eval mode and its metadata, read from a checkpoint file."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError("missing", str(path))
    if path.stat().st_size > MAX_BYTES:
        raise CheckpointError("too_large", f"{path.stat().st_size:,} bytes")
    return model_from_bytes(path.read_bytes())
