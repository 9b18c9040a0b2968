"""A class at scale (issue 19): 60 learners join one class by its code and share a kept run within a minute,
all with the class board open, one more learner training a sweep run meanwhile, and the projector board
refreshing itself; over Streamlit's own websocket protocol (no browser), on one server as `make run` runs it.

Targets: no errors, the projector's refresh p95 <= 1 s, every page's p95 <= 2 s. Prints each kind of page
view's median and p95, the errors, the learners joined and shared and how long that took, the training
run's images/s, the server's CPU time and memory, and the load average (on a busy machine the figures move
with it: compare runs made together). Exits 1 on any error, 2 when only a time target is missed.

    .venv/bin/python bench/class_load.py                 # 60 learners, boards open 60 s after the last share
    .venv/bin/python bench/class_load.py --learners 10 --seconds 20 --no-train

The clients (bench/load.py's `Browser`: each sends a workspace cookie of its own):
- The teacher, in this process through core (the same SQLite store as the server's temporary APP_DATA_DIR):
  creates the class, sets a sweep of the learning rate (5,000 images, 1 epoch) and a challenge.
- Each learner's workspace gets, before the clock starts, a copy (its own run id) of one tiny finished run
  trained here once, kept as the app keeps runs (core.workspace.runs.RunShelf: the head and each epoch's
  checkpoint), so the class page's "Share to class" finds it. Then, arriving evenly over `--arrive-over`
  seconds, each learner opens `/classroom?lang=en&join=<code>` (the teacher's join link), types a
  nickname, presses Join, presses Share, and keeps the class page open, pressing the board's Refresh every
  `--refresh-every` seconds or so (a learner's board redraws when they ask) until the end.
  Each learner connects from an address of its own, as devices on a school's network: learner N's
  websocket leaves from 127.0.0.N+2 (any 127.x address is this machine; the server, listening on every
  interface, sees the peer ::ffff:127.0.0.N+2, which the app counts as that address). `--one-address`
  puts them all on 127.0.0.1 (the app counts no address for a browser on its own machine). Only wrong
  codes count toward the class's 10 attempts a minute per address, so a class behind one NAT address
  joins at once (tests/classroom/test_class_basics.py).
- The projector opens `/board?lang=en&class=<id>` and, as the browser's timer does for the page's
  `st.fragment(run_every=5)`, asks every 5 s for a rerun of that fragment alone (a `rerun_script` BackMsg
  with the fragment id the page's `auto_rerun` message named, `is_auto_rerun` set); each refresh is timed
  from the request to the end of the fragment's run.
- One more learner trains on the train page (bench/load.py `train_run`: 5,000 images, 1 epoch), starting
  a few seconds after the first learner arrives; `--no-train` leaves it out.
Before the clock starts one visitor opens the class page, the board and the train page once (the server's
first run of a page is the teacher's, not the class's; `--no-warmup` skips it).
`--replicas N` serves the app as `make serve` does (N processes behind nginx, sticky by cookie) instead of
one `make run` process; behind nginx the app counts the address nginx forwarded (X-Forwarded-For's last hop).
The boards stay open `--seconds` after the last share, and at least until the training run has ended.
At the end the store itself is checked: the class has every learner as a member and every shared run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import ipaddress
import logging
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import Browser, ServerWatch, describe_run, new_browser_cookie, p95, served, train_run  # noqa: E402
from core.classroom import Classes  # noqa: E402
from core.store import WorkspaceStore, open_store, store_url_from_environment  # noqa: E402
from core.workspace.runs import RunShelf  # noqa: E402
from scripts.streamlit_client import PageView  # noqa: E402

PROJECTOR_TARGET_S, PAGE_TARGET_S = 1.0, 2.0
SWEEP = ("lr", [0.001, 0.01, 0.1, 0.5], {"train_size": 5_000, "epochs": 1})
CHALLENGE = {"max_train_size": 5_000, "max_epochs": 1}
KINDS = ["class open", "class join", "class share", "class refresh", "board open", "board refresh", "train"]


class ClassBrowser(Browser):
    """A browser that follows the address the page sets (the class page drops `join=` once joined)."""

    def _read(self, message, view: PageView) -> None:
        if message.WhichOneof("type") == "page_info_changed":
            self.query_string = message.page_info_changed.query_string
        super()._read(message, view)


def own_address(number: int, args: argparse.Namespace) -> str | None:
    """The address learner `number` connects from: 127.0.0.(number + 2), a peer address of its own for
    the server (None, 127.0.0.1 as for every client, with `--one-address`)."""
    return None if args.one_address else str(ipaddress.IPv4Address("127.0.0.2") + number)


ENDED: dict[int, float] = {}  # id(view) -> when it ended (perf_counter), for the split by phase


def labelled(view: PageView, kind: str) -> PageView:
    view.page = kind
    ENDED[id(view)] = time.perf_counter()
    return view


def process_cpu_s(pid: int) -> float:
    """CPU seconds (user and system) one process has used so far, its children's left out."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def busiest_windows(pid: int | None, stop: asyncio.Event, windows: list[float],
                          every: float = 5) -> None:
    """The Streamlit process's own CPU use (the workers' left out) in each `every`-second window, as a share
    of one core: its script runs share one interpreter lock, so near 1.0 the server is saturated."""
    while pid and not stop.is_set():
        before, started = process_cpu_s(pid), time.perf_counter()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
        windows.append((process_cpu_s(pid) - before) / (time.perf_counter() - started))


def board_build_s(class_id: str, member_id: str | None, repeats: int = 3) -> tuple[float, float]:
    """The seconds, in this process, of one build of the class page's board charts (both specs and the rows,
    uncached: what the server pays once per version of the class, for every viewer) and of one viewer's
    copy of them marked with their own runs (what each learner's refresh pays)."""
    logging.disable(logging.WARNING)  # Streamlit's caches say "no runtime found" outside a server
    try:
        from ui import classroom

        version = classroom.classes().version(class_id)
        builds, marks = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            classroom._shared_specs.__wrapped__(class_id, version, "en", "lr", "lr", False)
            builds.append(time.perf_counter() - started)
        classroom.board_specs(class_id, version, "en", "lr", "lr", None, False)  # the shared build, cached
        for _ in range(repeats):
            started = time.perf_counter()
            classroom.board_specs(class_id, version, "en", "lr", "lr", member_id, False)
            marks.append(time.perf_counter() - started)
    finally:
        logging.disable(logging.NOTSET)
    return statistics.median(builds), statistics.median(marks)


def tiny_run():
    """One finished run, trained here on 500 images for one epoch (the class page's tests' way)."""
    from core.data import load_tensors
    from core.experiments.store import RunStore
    from core.training import TrainConfig
    from core.training.session import TrainingSession

    test_x, test_y = load_tensors(train=False)
    store = RunStore()
    session = TrainingSession.start(TrainConfig(epochs=1, train_size=500, batch_size=50, lr=0.05), "cpu",
                                    load_tensors(train=True), (test_x[:500], test_y[:500]))
    store.follow(session)
    for event in session.run.events(report_every=5):
        session.take(event)
    session.finish()
    return store.runs[-1]


def keep_copy(store: WorkspaceStore, secret: str, record) -> None:
    """A copy of `record` (an id of its own) kept in the workspace of `secret` as the app keeps a run."""
    copy = dataclasses.replace(record, id=uuid.uuid4().hex, checkpoints=dict(record.checkpoints),
                               created_at=time.time())
    RunShelf(store.workspace(secret)).keep(copy)


class Outcome:
    """What the learners did: each one's views, who joined and shared, and when."""

    def __init__(self) -> None:
        self.views: list[PageView] = []
        self.joined: list[int] = []
        self.shared: list[int] = []
        self.problems: list[str] = []
        self.first_open: float | None = None
        self.last_share: float | None = None
        self.settled = 0  # learners who have shared, or failed to
        self.all_settled = asyncio.Event()

    def settle(self, learners: int) -> None:
        self.settled += 1
        if self.settled >= learners:
            self.all_settled.set()


async def learner(number: int, url: str, cookie: str, code: str, class_id: str, delay: float,
                  args: argparse.Namespace, outcome: Outcome, done: asyncio.Event) -> None:
    """Arrive after `delay` s by the join link, join, share, then refresh the board now and then."""
    await asyncio.sleep(delay)
    settled = False
    try:
        async with ClassBrowser(url, f"lang=en&join={code}", cookie, own_address(number, args)) as browser:
            if outcome.first_open is None:
                outcome.first_open = time.perf_counter()
            outcome.views.append(labelled(await browser.open("classroom", args.timeout), "class open"))
            if "class.nickname" not in browser.widget_ids:
                raise LookupError("no nickname field on the class page")
            browser.set_value("class.nickname", string_value=f"Learner {number:02d}")
            view = await browser.press("class.join_button", args.timeout)
            outcome.views.append(labelled(view, "class join"))
            share_key = f"class.share.{class_id}"
            if share_key not in browser.widget_ids:
                raise LookupError("not joined (no share button after Join)")
            outcome.joined.append(number)
            outcome.views.append(labelled(await browser.press(share_key, args.timeout), "class share"))
            if not any(key.startswith("class.withdraw.") for key in browser.widget_ids):
                raise LookupError("the shared run is not on their board")
            outcome.shared.append(number)
            outcome.last_share = time.perf_counter()
            settled = True
            outcome.settle(args.learners)
            refresh_key = f"class.refresh.{class_id}"
            while not done.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(done.wait(), args.refresh_every * random.uniform(0.5, 1.5))
                if not done.is_set():
                    view = await browser.press(refresh_key, args.timeout)
                    outcome.views.append(labelled(view, "class refresh"))
    except Exception as err:  # a refused connection, a closed socket, a missing widget: this learner's error
        outcome.problems.append(f"learner {number}: {type(err).__name__}: {err}")
    finally:
        if not settled:
            outcome.settle(args.learners)


async def projector(url: str, cookie: str, classes: Classes, class_id: str, args: argparse.Namespace,
                    views: list[PageView], changed: dict[int, bool], done: asyncio.Event,
                    notes: list[str]) -> None:
    """The projector's board: opened once, then its fragment rerun every 5 s as the browser's timer asks;
    `changed` tells of each refresh whether the class had changed since the one before (new charts)."""
    async with ClassBrowser(url, f"lang=en&class={class_id}", cookie) as browser:
        views.append(labelled(await browser.open("board", args.timeout), "board open"))
        if not browser.fragments:
            notes.append("the board page named no auto-rerunning fragment: no refreshes timed")
            return
        fragment_id, every = next(iter(browser.fragments.items()))
        notes.append(f"projector: fragment {fragment_id[:12]}... reruns every {every:g} s")
        asked, shown = time.perf_counter(), await asyncio.to_thread(classes.version, class_id)
        while not done.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), max(0.0, asked + every - time.perf_counter()))
            if done.is_set():
                break
            version = await asyncio.to_thread(classes.version, class_id)  # has the class changed since?
            asked = time.perf_counter()
            view = labelled(await browser.rerun_fragment(fragment_id, args.timeout), "board refresh")
            changed[id(view)] = version != shown
            views.append(view)
            shown = version


async def trainer(url: str, cookie: str, args: argparse.Namespace, delay: float) -> PageView:
    await asyncio.sleep(delay)
    return labelled(await train_run(url, args, cookie), "train")


async def warm_up(url: str, cookie: str, class_id: str, args: argparse.Namespace) -> None:
    """One visitor (not a member) opens the class page, the board and the train page once, as the teacher
    does before the class arrives: the server's first run of each page is not the class's."""
    async with ClassBrowser(url, "lang=en", cookie) as visitor:
        pages = (("classroom", "lang=en"), ("board", f"lang=en&class={class_id}"), ("train", "lang=en"))
        for page, query in pages:
            visitor.query_string = query
            view = await visitor.open(page, args.train_timeout)
            print(f"warm-up: {page} {view.seconds:.2f} s{'' if view.ok else ' (NOT ok)'}")


async def measure(server, classes: Classes, made, cookies: list[str], args: argparse.Namespace) -> int:
    """Run the class; print the figures; 0, or 1 for errors, 2 for a missed time target."""
    if not args.no_warmup:
        await warm_up(server.url, new_browser_cookie(server.cookie_name), made.class_id, args)
    outcome, board_views, changed, notes = Outcome(), [], {}, []
    done = asyncio.Event()
    watch, stop_watch = ServerWatch(server.pid), asyncio.Event()
    watcher = asyncio.create_task(watch.watch(stop_watch))
    windows: list[float] = []
    single = None if args.replicas else server.pid  # the Streamlit process itself (not serve.py)
    main_cpu_before = process_cpu_s(single) if single else 0.0
    busy = asyncio.create_task(busiest_windows(single, stop_watch, windows))
    started = time.perf_counter()
    spacing = args.arrive_over / max(1, args.learners)
    crowd = [asyncio.create_task(learner(i, server.url, cookies[i], made.join_code, made.class_id,
                                         i * spacing, args, outcome, done)) for i in range(args.learners)]
    board = asyncio.create_task(projector(server.url, new_browser_cookie(server.cookie_name), classes,
                                          made.class_id, args, board_views, changed, done, notes))
    training = None if args.no_train else asyncio.create_task(
        trainer(server.url, new_browser_cookie(server.cookie_name), args, min(5.0, args.arrive_over / 4)))

    arrivals = asyncio.gather(*crowd)
    await outcome.all_settled.wait()
    arrived_s = time.perf_counter() - started
    await asyncio.sleep(args.seconds)
    trained = await training if training else None
    done.set()
    await asyncio.gather(arrivals, board, return_exceptions=False)
    wall_s = time.perf_counter() - started
    stop_watch.set()
    await watcher
    await busy
    main_cpu_s = process_cpu_s(single) - main_cpu_before if single else 0.0

    views = outcome.views + board_views + ([trained] if trained else [])
    print(f"\n{args.learners} learners arriving over {args.arrive_over:g} s, boards open {args.seconds:g} s "
          f"after the last share{'' if args.no_train else ', one more learner training'}: "
          f"{wall_s:.1f} s in all")
    for note in notes:
        print(note)
    joined_s = (outcome.last_share - outcome.first_open
                if outcome.last_share is not None and outcome.first_open is not None else None)
    print(f"joined: {len(outcome.joined)} of {args.learners}; "
          f"shared: {len(outcome.shared)} of {args.learners}"
          + (f"; first learner's page request to last share {joined_s:.1f} s" if joined_s is not None else "")
          + f" (all done {arrived_s:.1f} s after the first arrival was due)")
    p95s = table(views)
    if outcome.last_share is not None:
        for phase, during in (("while learners arrive (to the last share)", True),
                              ("after the last share (nothing changes)", False)):
            mine = [v for v in views if v.page != "train" and (ENDED[id(v)] <= outcome.last_share) is during]
            print(f"  {phase}: " + ", ".join(
                f"{kind} p95 {p95(times):.2f} s (n {len(times)})" for kind in KINDS
                if (times := [v.seconds for v in mine if v.page == kind and v.finished])))
    for what, new in (("changed", True), ("unchanged", False)):
        times = [v.seconds for v in board_views if v.finished and changed.get(id(v)) is new]
        if times:
            print(f"  board refresh, class {what} since the last: {len(times)}, median "
                  f"{statistics.median(times):.2f} s, p95 {p95(times):.2f} s")
    exceptions = [(v.page, e) for v in views for e in v.exceptions]
    alerts = [(v.page, e) for v in views for e in v.error_alerts]
    timeouts = [v.page for v in views if v.timed_out]
    unfinished = [v.page for v in views if not v.finished and not v.timed_out]
    print(f"errors: {len(exceptions)} exceptions, {len(alerts)} error boxes, {len(timeouts)} timeouts, "
          f"{len(outcome.problems)} learners who could not join or share")
    for page, text in (exceptions + alerts)[:8]:
        print(f"  {page}: {text[:160]}")
    for problem in outcome.problems[:8]:
        print(f"  {problem}")

    if trained is not None:
        print(f"sweep run while the class joins: {describe_run(trained)}")
    print(watch.cpu_line(len(views), wall_s))
    if windows:
        print(f"the Streamlit process alone (training workers left out): {main_cpu_s:.1f} CPU s = "
              f"{main_cpu_s / wall_s:.2f} of one core on average, {max(windows):.2f} in its busiest 5 s, "
              f"{statistics.median(windows):.2f} in the median 5 s (its scripts share one interpreter lock)")
    print(watch.memory_line())

    board_state = classes.board(made.class_id)
    sharers = {run.member_id for run in board_state.runs}
    print(f"in the store: {board_state.info.members} members, {len(board_state.runs)} shared runs from "
          f"{len(sharers)} members (expected {args.learners} and {args.learners})")
    stored_ok = board_state.info.members == args.learners and len(board_state.runs) == args.learners
    if board_state.runs:
        build, mark = await asyncio.to_thread(board_build_s, made.class_id, board_state.runs[0].member_id)
        print(f"the board of {len(board_state.runs)} runs in the bench's process: one build of its charts "
              f"{build:.2f} s (once per version of the class, for every viewer; each join and share is a new "
              f"version), one learner's copy marked with their own runs {mark:.3f} s (each refresh)")

    verdicts = []
    if "board refresh" in p95s:
        verdicts.append(("projector refresh p95", p95s["board refresh"], PROJECTOR_TARGET_S))
    verdicts += [(f"{kind} p95", seconds, PAGE_TARGET_S) for kind, seconds in p95s.items()
                 if kind not in ("train", "board refresh")]
    print("\ntargets:")
    for name, seconds, target in verdicts:
        verdict = ("ok" if seconds <= target
                   else f"MISSED by {seconds - target:.2f} s ({seconds / target:.1f}x the target)")
        print(f"  {name:<24}{seconds:6.2f} s <= {target:g} s  {verdict}")
    print("  (the training request lasts its whole run: timed, not held to 2 s)" if trained else "", end="")
    print()
    errors = exceptions or alerts or timeouts or unfinished or outcome.problems or not stored_ok
    missed = any(seconds > target for _name, seconds, target in verdicts)
    print("result: " + ("ERRORS" if errors else "targets missed" if missed else "all targets met"))
    return 1 if errors else 2 if missed else 0


def table(views: list[PageView]) -> dict[str, float]:
    """Each kind of view's count, median, p95 and max (finished ones), and its errors; each kind's p95."""
    print(f"{'view':<16}{'n':>5}{'median':>9}{'p95':>9}{'max':>9}{'errors':>8}")
    p95s = {}
    for kind in KINDS:
        mine = [v for v in views if v.page == kind]
        times = [v.seconds for v in mine if v.finished]
        if not mine:
            continue
        stats = (f"{statistics.median(times):8.2f}s{p95(times):8.2f}s{max(times):8.2f}s" if times
                 else f"{'-':>9}{'-':>9}{'-':>9}")
        print(f"{kind:<16}{len(mine):>5}{stats}{sum(not v.ok for v in mine):>8}")
        if times:
            p95s[kind] = p95(times)
    return p95s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=60, help="learners who join and share (default 60)")
    parser.add_argument("--seconds", type=float, default=60,
                        help="how long the boards stay open after the last share (default 60)")
    parser.add_argument("--arrive-over", type=float, default=60,
                        help="seconds over which the learners' arrivals are spread evenly (default 60)")
    parser.add_argument("--refresh-every", type=float, default=15,
                        help="seconds between a learner's presses of Refresh, give or take half (default 15)")
    parser.add_argument("--no-train", action="store_true", help="no learner trains meanwhile")
    parser.add_argument("--no-warmup", action="store_true", help="no visit of each page before the class")
    parser.add_argument("--one-address", action="store_true",
                        help="every learner behind one address (a school's NAT): the join limit applies")
    parser.add_argument("--replicas", type=int, default=0,
                        help="serve as `make serve` does: this many app processes behind nginx")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a view counts as timed out")
    parser.add_argument("--train-timeout", type=float, default=600, help="seconds the training run may take")
    args = parser.parse_args()
    args.url = args.pid = None
    args.lang, args.train_size, args.train_epochs = "en", SWEEP[2]["train_size"], 1
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    record = tiny_run()
    with served(args) as server:
        if server.cookie_name is None:
            print("the server keeps no workspaces (APP_SAVING=off?): no class to join")
            return 1
        store = open_store(store_url_from_environment())
        try:
            classes = Classes(store)
            made = classes.create(store.workspace(WorkspaceStore.new_secret()), "Bench class", "en")
            classes.set_sweep(made.teacher_key, made.class_id, *SWEEP)
            classes.set_challenge(made.teacher_key, made.class_id, CHALLENGE)
            cookies = [new_browser_cookie(server.cookie_name) for _ in range(args.learners)]
            for cookie in cookies:
                keep_copy(store, cookie.split("=", 1)[1], record)
            how = f"{args.replicas} app processes behind nginx" if args.replicas else "one server"
            print(f"{how} at {server.url}; class {made.class_id[:8]}..., each of {args.learners} "
                  f"workspaces holding one kept run")
            code = asyncio.run(measure(server, classes, made, cookies, args))
        finally:
            store.engine.dispose()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end")
    return code


if __name__ == "__main__":
    sys.exit(main())
