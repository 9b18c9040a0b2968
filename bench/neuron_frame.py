"""Server-side cost of one animation frame on the neuron page, against a full redraw.

Run from the repository root: `.venv/bin/python bench/neuron_frame.py`. Three numbers, measured
in this same process:
  frame    ui.neuron.draw_frame into the existing placeholders (what Play does per step),
           timed inside a real Streamlit script run (AppTest), so Streamlit's own marshalling
           of the charts, formulas and text is included;
  rebuild  the same frame when everything it needs is recomputed first (the descent, the loss
           surface, the chart specs built with Altair): what each step would cost if it
           rebuilt the views;
  page     a whole rerun of pages/neuron.py in AppTest (widgets, table, the several-points
           section) with the run's chart specs already remembered, as after a Step click:
           what each step would cost as an `st.rerun()` per frame (AppTest's own overhead
           included).
The target is a frame under 100 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.apptest import open_page  # noqa: E402

FRAMES = 40
STEPS = 60  # the slider's maximum: the longest path and loss tables a frame can carry
TARGET_MS = 100.0


def frame_script() -> None:
    """Runs inside AppTest: times draw_frame and a from-scratch rebuild, into session_state."""
    import time

    import streamlit as st

    from core import neuron
    from core.i18n import Translator
    from ui import neuron as views

    frames, steps = st.session_state["frames"], st.session_state["steps"]
    t = Translator("en")
    args = (1.0, 2.0, 0.5, 0.1, 0.1)
    prepared = views.prepare_views(neuron.run_descent(*args, steps), *args[:2], args[4], False, t)
    slots = views.make_slots(t)
    frame_ms, rebuild_ms = [], []
    for k in range(frames):
        start = time.perf_counter()
        views.draw_frame(slots, prepared, k % steps, t)
        frame_ms.append(1000 * (time.perf_counter() - start))
    for k in range(frames // 4):
        start = time.perf_counter()
        run = neuron.run_descent(*args, steps)
        rebuilt = views.prepare_views(run, *args[:2], args[4], False, t)
        views.draw_frame(slots, rebuilt, k % steps, t)
        rebuild_ms.append(1000 * (time.perf_counter() - start))
    st.session_state["frame_ms"], st.session_state["rebuild_ms"] = frame_ms, rebuild_ms


def summary(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{name:8s} median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms   (n={len(samples)})"


def main() -> int:
    at = AppTest.from_function(frame_script, default_timeout=120)
    at.session_state["frames"], at.session_state["steps"] = FRAMES, STEPS
    at.run()
    if at.exception:
        print(at.exception[0].value)
        return 1
    frame_ms, rebuild_ms = at.session_state["frame_ms"], at.session_state["rebuild_ms"]

    page = open_page("neuron", "en", state={"neuron.steps": STEPS})
    page_ms = []
    for _ in range(5):
        start = time.perf_counter()
        page.run()
        page_ms.append(1000 * (time.perf_counter() - start))

    print(f"neuron page, one animation frame ({STEPS} steps in the run), server side:")
    print(summary("frame", frame_ms[3:]))  # the first frames include one-off imports and warm-up
    print(summary("rebuild", rebuild_ms))
    print(summary("page", page_ms))
    speedup = statistics.median(rebuild_ms) / statistics.median(frame_ms[3:])
    print(f"a frame costs 1/{speedup:.0f} of rebuilding the views; target < {TARGET_MS:.0f} ms: "
          f"{'met' if statistics.median(frame_ms[3:]) < TARGET_MS else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
