"""A PyTorch `.pt`/`.pth` file holding a state dict: read without running it, written for the tutorial.

`torch.save(model.state_dict(), "lenet.pth")` writes a zip: the tensors' bytes, and a pickle that
says how to rebuild them. A pickle can name any Python function to call, so a file is read in
three steps, each of which can refuse it with a `PytorchFileError` whose `problem` the page
translates: the zip's directory (sizes capped, nothing decompressed); the pickle's opcodes
listed with `pickletools` (nothing run) for the functions and classes it names and the tensor
sizes it declares; then `torch.load(weights_only=True, mmap=True)`, PyTorch's restricted
loader, which builds only tensors and plain containers, from the file mapped in memory.
`weights_only=False` is never used, not even to find out what a file is.

Left out: PyTorch's pre-1.6 (non-zip) format and TorchScript archives, which are refused with
how to save a state dict instead.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import pickletools
import tempfile
import zipfile
from collections import OrderedDict

import torch

META_ENTRY = "explainer"  # the state dict's `_metadata` entry holding the app's metadata as JSON
ZIP_MAGIC = b"PK\x03\x04"
PICKLE_MAGIC = b"\x80"  # the old format starts with a bare pickle (protocol 2 and up)
# What a state dict's pickle names: its container, the functions that rebuild tensors, storages
STATE_DICT_GLOBALS = {"collections.OrderedDict", "torch._utils._rebuild_tensor_v2",
                      "torch._utils._rebuild_parameter"}
# Modules a pickle would call to run a program, touch files or the network: named in the refusal
CODE_MODULES = {"os", "posix", "nt", "subprocess", "sys", "shutil", "socket", "importlib", "runpy",
                "pty", "code", "codeop", "ctypes", "pickle", "_pickle", "marshal", "webbrowser",
                "platform", "multiprocessing", "signal", "io", "pathlib", "operator", "functools",
                "types", "inspect", "urllib", "http", "requests", "asyncio", "tempfile"}
HARMLESS_BUILTINS = {"set", "frozenset", "bytearray", "complex", "slice", "range"}


class PytorchFileError(Exception):
    """A .pt/.pth file refused before or while reading it; `problem` is a short code ("legacy",
    "truncated", "entry_too_large", "compressed", "torchscript", "code", "pickled_model",
    "objects", "tensor_too_large", "not_state_dict" or "unreadable"), `detail` fills its message."""

    def __init__(self, problem: str, detail: str = ""):
        self.problem = problem
        self.detail = detail
        super().__init__(f"{problem}: {detail}" if detail else problem)


def looks_like_pytorch(data: bytes) -> bool:
    """Whether these bytes start like a file `torch.save` wrote (a zip, or the old bare pickle)."""
    return data[:4] == ZIP_MAGIC or data[:1] == PICKLE_MAGIC


def state_dict_bytes(model: torch.nn.Module, meta: dict) -> bytes:
    """`torch.save(model.state_dict())` as bytes, the app's metadata (JSON) riding in the state dict's
    own `_metadata`, which `load_state_dict` reads only for the names of the model's modules."""
    state = model.state_dict()
    tensors = OrderedDict((name, tensor.detach().cpu().contiguous()) for name, tensor in state.items())
    tensors._metadata = {**getattr(state, "_metadata", {}),
                         META_ENTRY: {"meta": json.dumps(meta, sort_keys=True)}}
    buffer = io.BytesIO()
    torch.save(tensors, buffer)
    return buffer.getvalue()


def _zip_entries(data: bytes, max_bytes: int) -> tuple[zipfile.ZipFile, str]:
    """The zip, its directory checked (declared sizes capped, nothing compressed), and the name of
    its pickle."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as err:
        raise PytorchFileError("truncated", str(err)) from err
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > max_bytes or total > max_bytes:
            raise PytorchFileError("entry_too_large", f"{entry.filename}: {entry.file_size:,}")
    names = [entry.filename for entry in entries]
    if any(name.endswith("/constants.pkl") or "/code/" in name for name in names):
        raise PytorchFileError("torchscript")
    for entry in entries:
        if entry.compress_type != zipfile.ZIP_STORED:  # torch.save never compresses
            raise PytorchFileError("compressed", entry.filename)
    pickles = [name for name in names if name.endswith("/data.pkl") and name.count("/") == 1]
    if len(pickles) != 1:
        raise PytorchFileError("unreadable", "no data.pkl")
    return archive, pickles[0]


def _pickle_contents(pickled: bytes) -> tuple[list[str], list[int]]:
    """The globals a pickle names and the element counts of the storages it declares, read from
    its opcodes alone: a small stack machine that keeps strings, numbers and tuples, nothing else."""
    globals_named: list[str] = []
    storage_sizes: list[int] = []
    mark = object()
    stack: list[object] = []
    memo: dict[int, object] = {}

    def pop_to_mark() -> list[object]:
        items = []
        while stack and stack[-1] is not mark:
            items.append(stack.pop())
        if stack:
            stack.pop()
        return items[::-1]

    try:
        for op, arg, _ in pickletools.genops(pickled):
            name = op.name
            if name in ("GLOBAL", "INST"):
                globals_named.append(arg.replace(" ", "."))
                stack.append(None)
            elif name == "STACK_GLOBAL":
                qualname, module = stack.pop(), stack.pop()
                globals_named.append(f"{module}.{qualname}")
                stack.append(None)
            elif name == "MARK":
                stack.append(mark)
            elif name == "TUPLE":
                stack.append(tuple(pop_to_mark()))
            elif name in ("TUPLE1", "TUPLE2", "TUPLE3"):
                count = int(name[-1])
                items = stack[-count:]
                del stack[-count:]
                stack.append(tuple(items))
            elif name in ("PUT", "BINPUT", "LONG_BINPUT", "MEMOIZE"):
                memo[len(memo) if arg is None else int(arg)] = stack[-1]
            elif name in ("GET", "BINGET", "LONG_BINGET"):
                stack.append(memo.get(int(arg)))
            elif name in ("BINPERSID", "PERSID"):
                pid = stack.pop() if name == "BINPERSID" else arg
                if isinstance(pid, tuple) and len(pid) == 5 and pid[0] == "storage":
                    storage_sizes.append(pid[4] if isinstance(pid[4], int) else -1)
                stack.append(None)
            elif name in ("PROTO", "FRAME", "STOP"):
                pass
            elif op.arg is not None and not op.stack_before:  # pushes its argument
                stack.append(arg)
            else:  # any other opcode: keep the stack's depth right
                before = op.stack_before
                if pickletools.markobject in before:
                    pop_to_mark()
                    before = before[: before.index(pickletools.markobject)]
                del stack[len(stack) - len(before):]
                stack.extend([None] * len(op.stack_after))
    except (ValueError, IndexError, TypeError) as err:  # cut short or not a pickle
        raise PytorchFileError("unreadable", str(err)[:200]) from err
    return globals_named, storage_sizes


def _refuse_foreign_globals(globals_named: list[str]) -> None:
    """Refuse, before anything is loaded, a pickle that names a function or class a state dict does
    not need, saying what it is: code to run, a whole model, or other Python objects."""
    foreign = [g for g in dict.fromkeys(globals_named)
               if g not in STATE_DICT_GLOBALS and not (g.startswith("torch.") and g.endswith("Storage"))]
    code = [g for g in foreign if g.split(".")[0] in CODE_MODULES
            or (g.startswith(("builtins.", "__builtin__.")) and g.split(".", 1)[1] not in HARMLESS_BUILTINS)]
    if code:
        raise PytorchFileError("code", code[0])
    if any(g.startswith("torch.nn.modules.") for g in foreign):
        own = [g for g in foreign if not g.startswith("torch.")]
        raise PytorchFileError("pickled_model", (own or foreign)[0])
    plain = ("torch.", "collections.", "builtins.", "_codecs.")  # left to the restricted loader to judge
    outside_torch = [g for g in foreign if not g.startswith(plain)]
    if outside_torch:
        raise PytorchFileError("objects", outside_torch[0])


def _restricted_load(data: bytes) -> object:
    """`torch.load` with only PyTorch's restricted unpickler, from a temporary file mapped in memory."""
    fd, path = tempfile.mkstemp(suffix=".pth")  # the suffix matters: ".safetensors" changes the reader
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return torch.load(path, weights_only=True, map_location="cpu", mmap=True)
    except pickle.UnpicklingError as err:  # a global the restricted loader refused
        refused = str(err).split("GLOBAL ", 1)[1].split()[0] if "GLOBAL " in str(err) else ""
        raise PytorchFileError("objects", refused) from err
    except (RuntimeError, ValueError, EOFError, OSError, KeyError, TypeError, AttributeError) as err:
        raise PytorchFileError("unreadable", str(err).splitlines()[0][:200] if str(err) else "") from err
    finally:
        os.unlink(path)  # the mapping, if any, keeps the data until the tensors are freed


def _state_dict_of(loaded: object) -> tuple[dict[str, torch.Tensor], dict]:
    """The tensors and the app's metadata ({} when the file has none) of what the loader returned."""
    if not isinstance(loaded, dict):
        raise PytorchFileError("not_state_dict", type(loaded).__name__)
    if not all(isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in loaded.items()):
        raise PytorchFileError("not_state_dict", ", ".join(str(k) for k in list(loaded)[:6]))
    entry = (getattr(loaded, "_metadata", None) or {}).get(META_ENTRY, {})
    try:
        meta = json.loads(entry.get("meta", "{}")) if isinstance(entry, dict) else None
    except (ValueError, TypeError) as err:
        raise PytorchFileError("unreadable", f"metadata: {err}") from err
    if not isinstance(meta, dict):
        raise PytorchFileError("unreadable", "metadata is not an object")
    return dict(loaded), meta


def read_state_dict(data: bytes, max_bytes: int, max_elements: int) -> tuple[dict[str, torch.Tensor], dict]:
    """The tensors and metadata of a `torch.save`d state dict, after every check above; `max_bytes`
    caps the file and its entries, `max_elements` any one tensor."""
    if len(data) > max_bytes:
        raise PytorchFileError("entry_too_large", f"{len(data):,}")
    if data[:1] == PICKLE_MAGIC:
        raise PytorchFileError("legacy")
    archive, pickle_name = _zip_entries(data, max_bytes)
    try:
        pickled = archive.read(pickle_name)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as err:  # e.g. a CRC that does not match
        raise PytorchFileError("truncated", str(err)) from err
    globals_named, storage_sizes = _pickle_contents(pickled)
    _refuse_foreign_globals(globals_named)
    for size in storage_sizes:
        if not 0 <= size <= max_elements:
            raise PytorchFileError("tensor_too_large", f"{size:,}")
    return _state_dict_of(_restricted_load(data))
