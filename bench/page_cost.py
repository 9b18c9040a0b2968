"""What each page costs the server per visit: `python bench/page_cost.py`.

For each page and language, the seconds of the page's script run when a learner comes to it
from the home page: the first visit (the process's first for that page: cold caches), then
warm visits, each by a new session as a touring learner's is (median and max), and a rerun of
the page in the same session. Target (issue 14): every warm visit <= 0.3 s.

Timed with Streamlit's AppTest, which runs the script in its own thread as the server does,
with two differences this script evens out or states: AppTest compiles the scripts afresh on
every run (the server keeps their bytecode: shared here too), and it adds its own bookkeeping
to each run (so the figures are an upper bound of the server's). The "issue" column is what
issue 14 measured on a real server before the page caches, request to script end, on this
(busy, noisy) machine: compare the ratio, not the milliseconds.

`--profile PAGE` prints where a warm visit of PAGE spends its time (cProfile of the script thread).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/ and tests/ importable

from streamlit import logger  # noqa: E402
from streamlit.runtime.scriptrunner import script_runner  # noqa: E402
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: E402
from streamlit.testing.v1 import AppTest, app_test, local_script_runner  # noqa: E402

from core.i18n import LANGUAGES  # noqa: E402
from tests.apptest import APP, PAGE_STEMS  # noqa: E402

# issue 14, 2026-11-29: one learner, warm real server, request -> script end, seconds
ISSUE_BEFORE = {"home": 2.1, "dataset": 0.9, "neuron": 1.2, "convolution": 2.7, "model": 0.6,
                "train": 0.7, "sketch": 0.6}
TARGET_SECONDS = 0.3

# One bytecode cache for every run, as a server keeps one (AppTest makes a new one per run).
_SHARED_SCRIPTS = ScriptCache()
app_test.ScriptCache = local_script_runner.ScriptCache = lambda: _SHARED_SCRIPTS

_profiler: cProfile.Profile | None = None
_run_script = script_runner.ScriptRunner._run_script


def _profiled_run_script(self, *args, **kwargs):
    """The script thread's run, under the profiler when one is set."""
    if _profiler is None:
        return _run_script(self, *args, **kwargs)
    _profiler.enable()
    try:
        return _run_script(self, *args, **kwargs)
    finally:
        _profiler.disable()


script_runner.ScriptRunner._run_script = _profiled_run_script


def visit(stem: str, lang: str) -> tuple[float, AppTest]:
    """A new session opens the home page, then goes to `stem`: (seconds of that page's run, the session)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(f"pages/{stem}.py")
    began = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - began
    if at.exception:
        raise RuntimeError(f"{stem} ({lang}) raised: {[e.value for e in at.exception]}")
    return seconds, at


def page_cost(stem: str, lang: str, runs: int) -> tuple[float, list[float], list[float]]:
    """(the first visit's seconds, later visits' seconds, reruns' seconds) of one page in one language."""
    first, _ = visit(stem, lang)
    visits, reruns = [], []
    for _ in range(runs):
        seconds, at = visit(stem, lang)
        visits.append(seconds)
        began = time.perf_counter()
        at.run()
        reruns.append(time.perf_counter() - began)
    return first, visits, reruns


def profile(stem: str, lang: str, lines: int) -> str:
    """cProfile of a warm visit of a page (a new session's), sorted by cumulative time."""
    global _profiler
    visit(stem, lang)
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(f"pages/{stem}.py")
    _profiler = cProfile.Profile()
    at.run()
    out = io.StringIO()
    pstats.Stats(_profiler, stream=out).sort_stats("cumulative").print_stats(lines)
    _profiler = None
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm visits per page and language")
    parser.add_argument("--pages", nargs="*", default=PAGE_STEMS, choices=PAGE_STEMS)
    parser.add_argument("--langs", nargs="*", default=list(LANGUAGES), choices=list(LANGUAGES))
    parser.add_argument("--profile", choices=PAGE_STEMS, help="profile one warm visit of this page")
    args = parser.parse_args()
    os.environ.setdefault("EXPLAINER_RAISE_ERRORS", "1")  # a page error fails the bench loudly
    # AppTest's "missing ScriptRunContext" warnings, twice per session
    logger.get_logger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    if args.profile:
        print(profile(args.profile, args.langs[0], 60))
        return
    print(f"AppTest, seconds of one page's script run; visit = a new session's, median (and max) of "
          f"{args.runs}; rerun = the same session again; issue = real server before the caches")
    print(f"{'page':<12} {'lang':<4} {'first':>7} {'visit':>7} {'max':>7} {'rerun':>7} {'issue':>6} target")
    for lang in args.langs:
        for stem in args.pages:
            first, visits, reruns = page_cost(stem, lang, args.runs)
            median = statistics.median(visits)
            verdict = "ok" if median <= TARGET_SECONDS else "SLOW"
            print(f"{stem:<12} {lang:<4} {first:>7.3f} {median:>7.3f} {max(visits):>7.3f} "
                  f"{statistics.median(reruns):>7.3f} {ISSUE_BEFORE[stem]:>6.1f} {verdict}", flush=True)


if __name__ == "__main__":
    main()
