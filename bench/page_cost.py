"""What each page costs the server per visit: `python bench/page_cost.py`.

Default: a real `streamlit run` server and learners over Streamlit's own websocket protocol
(scripts/streamlit_client.py), one at a time, timed from the page request to the end of its
script run, the figure issue 14 set its target on (every page <= 0.3 s for one learner on a warm
server). Per language: a fresh server; its first tour is the cold one (each page's first visit
fills the per-server caches); then `--runs` tours, each by a new session as a class's learners
come, give each page's median and max. The "issue" column is what issue 14 measured the same way
before the page caches, on this (busy, noisy) machine: compare the ratio, not the milliseconds.

`--apptest` times the script runs in Streamlit's AppTest instead (no server; AppTest compiles the
scripts on every run, which a server does not: a shared bytecode cache evens that out here), and
`--profile PAGE` prints where a warm visit of PAGE spends its time (cProfile of the script thread).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/ and tests/ importable

from streamlit import logger  # noqa: E402
from streamlit.runtime.scriptrunner import script_runner  # noqa: E402
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: E402
from streamlit.testing.v1 import AppTest, app_test, local_script_runner  # noqa: E402

from core.i18n import LANGUAGES  # noqa: E402
from scripts.app_server import app_process  # noqa: E402
from scripts.streamlit_client import Learner  # noqa: E402
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


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used so far, all its threads, user and system (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Visits:
    """One server's page views: wall seconds (request -> script end) and its CPU seconds meanwhile."""

    wall: dict[str, list[float]] = field(default_factory=lambda: {stem: [] for stem in PAGE_STEMS})
    cpu: dict[str, list[float]] = field(default_factory=lambda: {stem: [] for stem in PAGE_STEMS})


async def tour(url: str, pid: int, lang: str, visits: Visits) -> None:
    """A new session visits every page in order, as a touring learner does."""
    async with Learner(url, f"lang={lang}") as learner:
        for stem in PAGE_STEMS:
            if learner.page_hashes and stem not in learner.page_hashes:
                continue  # a page the app in that folder does not have yet
            used = cpu_seconds(pid)
            view = await learner.open("" if stem == "home" else stem, timeout=120)
            if not view.ok:
                raise RuntimeError(f"{stem} ({lang}) at {url}: {view}")
            visits.wall[stem].append(view.seconds)
            visits.cpu[stem].append(cpu_seconds(pid) - used)


async def server_tours(servers: list[tuple[str, int]], lang: str, runs: int) -> list[tuple[Visits, Visits]]:
    """For each server (url, pid): (its cold first tour, `runs` warm tours); the servers take turns,
    so that the machine's load weighs on each alike. Another learner stays connected to each
    server throughout, as in a class: a server left with no session at all forgets its compiled
    scripts, so a lone learner's every tour would pay for compiling them again."""
    results = [(Visits(), Visits()) for _ in servers]
    async with contextlib.AsyncExitStack() as stack:
        for url, _pid in servers:
            await stack.enter_async_context(Learner(url, f"lang={lang}"))
        for (url, pid), (cold, _) in zip(servers, results, strict=True):
            await tour(url, pid, lang, cold)
        for run in range(runs):
            order = list(zip(servers, results, strict=True))
            for (url, pid), (_, warm) in order if run % 2 == 0 else reversed(order):
                await tour(url, pid, lang, warm)
    return results


@contextlib.contextmanager
def app_server(folder: Path) -> Iterator[tuple[str, int]]:
    """The app in `folder` served as `make run` serves it, on a free port: (its URL, its pid)."""
    with app_process(cwd=folder) as (url, server):
        yield url, server.pid


def header(how: str) -> None:
    print(how)
    print(f"{'page':<12} {'lang':<4} {'first':>7} {'visit':>7} {'max':>7} {'rerun':>7} {'issue':>6} target")


def row(stem: str, lang: str, first: float, visits: list[float], rerun: float | None) -> None:
    median = statistics.median(visits)
    verdict = "ok" if median <= TARGET_SECONDS else "SLOW"
    rerun_text = f"{rerun:>7.3f}" if rerun is not None else f"{'':>7}"
    print(f"{stem:<12} {lang:<4} {first:>7.3f} {median:>7.3f} {max(visits):>7.3f} {rerun_text} "
          f"{ISSUE_BEFORE.get(stem, float('nan')):>6.1f} {verdict}", flush=True)


def measure_server(args: argparse.Namespace) -> None:
    folders = [ROOT] + ([args.before] if args.before else [])
    print(f"real server, one learner at a time: wall = request -> script end, cpu = the server's CPU "
          f"seconds meanwhile (steadier than wall on a busy machine); first = a fresh server's first "
          f"tour, then the median of {args.runs} tours by new sessions; issue = wall before the caches"
          + (f"; before = the app in {args.before}, measured in turns with this one" if args.before else ""))
    before_columns = f" {'before wall':>11} {'before cpu':>10} {'cpu ratio':>9}" if args.before else ""
    print(f"{'page':<12} {'lang':<4} {'first':>7} {'wall':>7} {'cpu':>7} {'issue':>6}{before_columns} target")
    for lang in args.langs:
        with contextlib.ExitStack() as stack:
            servers = [stack.enter_context(app_server(folder)) for folder in folders]
            results = asyncio.run(server_tours(servers, lang, args.runs))
        (cold, warm), *before = results
        for stem in args.pages:
            if not warm.wall[stem]:
                continue
            wall, cpu = statistics.median(warm.wall[stem]), statistics.median(warm.cpu[stem])
            line = (f"{stem:<12} {lang:<4} {cold.wall[stem][0]:>7.3f} {wall:>7.3f} {cpu:>7.3f} "
                    f"{ISSUE_BEFORE.get(stem, float('nan')):>6.1f}")
            if before and before[0][1].wall[stem]:
                old = before[0][1]
                old_wall, old_cpu = statistics.median(old.wall[stem]), statistics.median(old.cpu[stem])
                ratio = cpu / old_cpu if old_cpu else float("nan")
                line += f" {old_wall:>11.3f} {old_cpu:>10.3f} {ratio:>9.2f}"
            print(line + (" ok" if wall <= TARGET_SECONDS else " SLOW"), flush=True)


def measure_apptest(args: argparse.Namespace) -> None:
    header(f"AppTest, seconds of one page's script run; visit = a new session's, median (and max) of "
           f"{args.runs}; rerun = the same session again; issue = real server before the caches")
    for lang in args.langs:
        for stem in args.pages:
            first, visits, reruns = page_cost(stem, lang, args.runs)
            row(stem, lang, first, visits, statistics.median(reruns))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm visits per page and language")
    parser.add_argument("--pages", nargs="*", default=PAGE_STEMS, choices=PAGE_STEMS)
    parser.add_argument("--langs", nargs="*", default=list(LANGUAGES), choices=list(LANGUAGES))
    parser.add_argument("--apptest", action="store_true", help="time in AppTest, not a real server")
    parser.add_argument("--before", type=Path, help="also serve the app in this folder (an older checkout, "
                        "e.g. `git worktree add /tmp/before <commit>`) and compare")
    parser.add_argument("--profile", choices=PAGE_STEMS, help="profile one warm visit of this page (AppTest)")
    args = parser.parse_args()
    os.environ.setdefault("EXPLAINER_RAISE_ERRORS", "1")  # a page error fails the bench loudly
    # AppTest's "missing ScriptRunContext" warnings, twice per session
    logger.get_logger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    if args.profile:
        print(profile(args.profile, args.langs[0], 60))
    elif args.apptest:
        measure_apptest(args)
    else:
        measure_server(args)


if __name__ == "__main__":
    main()
