"""Save and load network weights safely: safetensors for the tensors, JSON for the metadata.

Nothing is ever unpickled or evaluated, so a checkpoint from a stranger cannot run code. Writes
are atomic (a temporary file, then a rename), so an interrupted save never leaves half a file.
The metadata's "design" (core.model.design) says which network the tensors belong to; a file
without one (the shipped weights) is the tutorial's LeNet. Loading checks the design like the
design page does (kinds, sizes, shapes, the server's caps) before building anything, then every
tensor's name, shape and dtype against the network it describes.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load as load_bytes
from safetensors.torch import save as save_bytes

from core.model import DesignError, LeNet, build_model
from core.model.design import MAX_PARAMETERS

PRETRAINED_PATH = Path(__file__).resolve().parent.parent / "assets" / "lenet_mnist.safetensors"
# LeNet's weights take 178 kB; the largest design the server builds (2,000,000 float32
# parameters, plus batch-norm statistics and the header) stays under this
MAX_BYTES = 4 * MAX_PARAMETERS + 500_000
META_KEY = "meta"


class CheckpointError(Exception):
    """A file that is not a checkpoint of a network we can build; `problem` is a short code the UI
    translates: "missing", "too_large", "unreadable", "mismatch" or "design" (the metadata's
    design is refused: `design_error` says why)."""

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


def _model_for(meta: dict) -> torch.nn.Module:
    """A fresh network of the design the metadata names (LeNet when it names none)."""
    if "design" not in meta:
        return LeNet()
    try:
        return build_model(meta["design"])
    except DesignError as err:
        raise CheckpointError("design", str(err), design_error=err) from err


def model_from_bytes(data: bytes) -> tuple[torch.nn.Module, dict]:
    """A network and its metadata from checkpoint bytes, after checking its design and every tensor."""
    if len(data) > MAX_BYTES:
        raise CheckpointError("too_large", f"{len(data):,} bytes")
    try:
        tensors = load_bytes(data)
        meta = _read_metadata(data)
    except (SafetensorError, ValueError, UnicodeDecodeError, OverflowError) as err:
        raise CheckpointError("unreadable", str(err)) from err
    model = _model_for(meta)
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
            raise CheckpointError("mismatch", f"{name} holds NaN or infinity")
    model.load_state_dict(tensors)
    model.eval()
    return model, meta


def load_model(path: str | Path = PRETRAINED_PATH) -> tuple[torch.nn.Module, dict]:
    """A network in eval mode and its metadata, read from a checkpoint file."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError("missing", str(path))
    if path.stat().st_size > MAX_BYTES:
        raise CheckpointError("too_large", f"{path.stat().st_size:,} bytes")
    return model_from_bytes(path.read_bytes())
