"""How fast the sketch page answers a stroke: `python bench/sketch_latency.py`.

1. Canvas RGBA array -> ten probabilities (to_mnist, normalise, forward pass), the path
   every stroke takes; target: median under 20 ms. Timed with torch's default thread count
   (as the app runs) and with one thread: on a busy 2-core machine a two-thread forward pass
   of this tiny network sometimes waits tens of milliseconds for its second thread.
2. The page's whole rerun after a stroke, timed with Streamlit's AppTest (the canvas state
   changes between two drawings each run, as a stroke changes it); target: median under
   300 ms. AppTest adds its own bookkeeping, so this is an upper bound on the server's time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/ and tests/ importable

import torch  # noqa: E402

from core.checkpoint import load_model  # noqa: E402
from core.data import normalise  # noqa: E402
from core.model import probabilities  # noqa: E402
from core.sketch import to_mnist  # noqa: E402
from tests.sketch_digits import canvas_state, draw_digit  # noqa: E402


def summary(name: str, seconds: list[float], target_ms: float) -> str:
    ms = sorted(s * 1000 for s in seconds)
    q = statistics.quantiles(ms, n=10)
    verdict = "ok" if statistics.median(ms) < target_ms else "SLOWER THAN TARGET"
    return (f"{name}: median {statistics.median(ms):.2f} ms, p10 {q[0]:.2f}, p90 {q[-1]:.2f}, "
            f"min {ms[0]:.2f}, max {ms[-1]:.2f} over {len(ms)} runs (target < {target_ms:.0f} ms: {verdict})")


def canvas_to_probabilities(runs: int) -> list[float]:
    model, _ = load_model()
    canvases = [draw_digit(d) for d in ("0", "1", "4", "7")]
    probabilities(model, normalise(to_mnist(canvases[0])))  # warm-up
    times = []
    for i in range(runs):
        canvas = canvases[i % len(canvases)]
        start = time.perf_counter()
        probs = probabilities(model, normalise(to_mnist(canvas)))[0]
        times.append(time.perf_counter() - start)
        assert probs.shape == (10,)
    return times


def page_reruns(runs: int) -> list[float]:
    from tests.apptest import open_page

    at = open_page("sketch", "en")
    states = [canvas_state(draw_digit(d)) for d in ("7", "1")]
    at.session_state["sketch.canvas0"] = states[1]
    at.run()  # warm-up: charts, caches
    times = []
    for i in range(runs):
        at.session_state["sketch.canvas0"] = states[i % 2]
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert at.metric[0].value == ("7" if i % 2 == 0 else "1"), "the page did not read the stroke"
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300, help="canvas -> probabilities repetitions")
    parser.add_argument("--page-runs", type=int, default=20, help="page reruns (0 skips them)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    threads = torch.get_num_threads()
    print(summary(f"canvas 280x280 RGBA -> 10 probabilities, {threads} torch threads",
                  canvas_to_probabilities(args.runs), 20))
    torch.set_num_threads(1)
    print(summary("canvas 280x280 RGBA -> 10 probabilities, 1 torch thread",
                  canvas_to_probabilities(args.runs), 20))
    torch.set_num_threads(threads)
    if args.page_runs:
        print(summary("sketch page rerun after a stroke (AppTest)", page_reruns(args.page_runs), 300))


if __name__ == "__main__":
    main()
