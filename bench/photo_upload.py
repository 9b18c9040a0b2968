"""How long, and how much memory, reading a phone's photo takes: `python bench/photo_upload.py`.

Photos as phones save them, made here (tests/phone_photos.py): 24 MP (a phone's default) and
50 MP (its high-resolution mode), landscape (EXIF orientation 1) and portrait (6), colour JPEG;
the flat ones are a few hundred kB, the "grainy" ones carry paper grain so that their size is
a real photo's (7-15 MB), which is what the decoder's time follows; one progressive JPEG, as
information. Each is read two ways:
- ours: `core.sketch.upload.upload_to_ink`, what the sketch page runs (header checks, JPEG
  decoded at reduced scale, turned upright, shrunk to 560 px, cleaned into ink);
- baseline: PIL's plain full decode of the same bytes, `Image.open(...).load()`.
Each measurement runs in a fresh process (so one read's freed memory cannot hide the next
one's), after a warm-up decode, with the bytes already in memory; peak memory is the rise of
the process's peak resident size (VmHWM, reset through /proc/self/clear_refs) over its size
before the read. Median time and largest peak over `--repeats` processes.
Target: a 50 MP photo in under 1 s and under 200 MB extra.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/ and tests/ importable

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from tests.phone_photos import SIZES, phone_photo  # noqa: E402

TARGET_S, TARGET_MB = 1.0, 200.0


def status_kb(field: str) -> int:
    """A field of /proc/self/status, in kB (VmRSS: resident now; VmHWM: the peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def measure_once(path: Path, way: str) -> dict:
    """In this (fresh) process: seconds and peak extra MB of reading `path` one `way`."""
    from core.sketch import upload

    warm = io.BytesIO()
    Image.new("RGB", (64, 64)).save(warm, format="JPEG")
    upload.upload_to_ink(warm.getvalue())  # the decoder's own set-up is not the photo's cost
    data = path.read_bytes()
    Path("/proc/self/clear_refs").write_text("5")  # peak resident size := resident size now
    before = status_kb("VmRSS")
    start = time.perf_counter()
    if way == "ours":
        result = upload.upload_to_ink(data)
    else:
        image = Image.open(io.BytesIO(data))
        image.load()
        result = image
    seconds = time.perf_counter() - start
    peak = status_kb("VmHWM")
    assert result is not None
    return {"seconds": seconds, "extra_mb": (peak - before) / 1024}


def measure(path: Path, way: str, repeats: int) -> tuple[float, float]:
    """Median seconds and largest peak extra MB over `repeats` fresh processes."""
    runs = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, __file__, "--one", str(path), way],
                             capture_output=True, text=True, check=True).stdout
        runs.append(json.loads(out.splitlines()[-1]))
    return statistics.median(r["seconds"] for r in runs), max(r["extra_mb"] for r in runs)


def grainy_photo(size: tuple[int, int], orientation: int) -> bytes:
    """A phone photo whose paper carries grain, so the JPEG is as large as a real one."""
    flat = Image.open(io.BytesIO(phone_photo(size, "7", orientation, mode="L")))
    rng = np.random.default_rng(0)
    pixels = np.asarray(flat, dtype=np.int16) + rng.integers(-12, 13, flat.size[::-1], dtype=np.int16)
    grainy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).convert("RGB")
    buffer = io.BytesIO()
    grainy.save(buffer, format="JPEG", quality=90, exif=flat.getexif())
    return buffer.getvalue()


def progressive(data: bytes) -> bytes:
    """The same photo as a progressive JPEG (phones write baseline ones; some editors do not): its
    decoder keeps every coefficient of the whole picture, whatever the scale it outputs."""
    image = Image.open(io.BytesIO(data))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, progressive=True, exif=image.getexif())
    return buffer.getvalue()


def photos(folder: Path) -> list[tuple[str, Path]]:
    """(label, path) of every photo measured, written to `folder`."""
    made = []
    for size_name, size in SIZES.items():
        for orientation, shape in ((1, "landscape"), (6, "portrait")):
            made.append((f"{size_name} {shape}, flat", phone_photo(size, "7", orientation)))
    made.append(("24MP portrait, grainy", grainy_photo(SIZES["24MP"], 6)))
    made.append(("50MP portrait, grainy", grainy_photo(SIZES["50MP"], 6)))
    made.append(("50MP portrait, progr.", progressive(phone_photo(SIZES["50MP"], "7", 6))))
    paths = []
    for i, (label, data) in enumerate(made):
        path = folder / f"photo{i}.jpg"
        path.write_bytes(data)
        paths.append((label, path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="fresh processes per measurement")
    parser.add_argument("--one", nargs=2, metavar=("PATH", "WAY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_once(Path(args.one[0]), args.one[1])))
        return
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'photo':<24} {'file':>8}  {'ours':>16}  {'PIL full decode':>18}  verdict (50 MP)")
        for label, path in photos(Path(folder)):
            ours_s, ours_mb = measure(path, "ours", args.repeats)
            base_s, base_mb = measure(path, "baseline", args.repeats)
            verdict = ""
            if label.startswith("50MP"):
                ok = ours_s < TARGET_S and ours_mb < TARGET_MB
                verdict = "ok" if ok else f"OVER TARGET (< {TARGET_S:.0f} s, < {TARGET_MB:.0f} MB)"
            size_mb = path.stat().st_size / 1e6
            print(f"{label:<24} {size_mb:>6.2f}MB  {ours_s:>6.3f} s {ours_mb:>5.0f} MB  "
                  f"{base_s:>7.3f} s {base_mb:>6.0f} MB  {verdict}")


if __name__ == "__main__":
    main()
