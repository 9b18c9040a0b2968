"""How long the bundled MNIST takes to load cold: decompress, md5-check, parse, normalise.

Target (issue 2): under 2 s here. Each measurement runs in a fresh interpreter so nothing is
cached; the baseline is plain gzip decompression of the same four files in that process,
the part no loader can skip, so the last line is a ratio that holds on a noisy machine.
Run: `.venv/bin/python bench/data_load.py`.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5

PROBE = """
import gzip, json, time
from pathlib import Path
import torch  # imported before timing: the app has it loaded already
from core.data import data_dir, load_tensors
start = time.perf_counter()
for path in sorted(Path(data_dir()).glob("*.gz")):
    gzip.decompress(path.read_bytes())
baseline = time.perf_counter() - start
start = time.perf_counter()
load_tensors(train=True)
load_tensors(train=False)
print(json.dumps({"load": time.perf_counter() - start, "baseline": baseline}))
"""


def main() -> None:
    loads, baselines = [], []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True,
                             check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        loads.append(result["load"])
        baselines.append(result["baseline"])
    load, baseline = statistics.median(loads), statistics.median(baselines)
    print(f"cold load of both splits as tensors: median {load:.3f} s "
          f"(min {min(loads):.3f}, max {max(loads):.3f}) over {RUNS} fresh processes; target < 2 s")
    print(f"baseline, gzip decompression alone: median {baseline:.3f} s")
    print(f"ratio load / decompression: {load / baseline:.2f}")


if __name__ == "__main__":
    main()
