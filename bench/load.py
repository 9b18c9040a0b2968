"""A class at once: K simulated learners touring every page over Streamlit's own websocket
protocol (no browser), timed from each page request to the end of its script run.

Prints each page's median and p95, page views per second, the errors (exception elements, st.error
boxes, timeouts), the server's memory (RSS of its whole process tree) and the CPU time it spent
per page view (which a busy machine changes much less than it changes the times). By default it starts
one `streamlit run` server; `--replicas N` starts `scripts/serve.py` instead (N servers behind
nginx, the `make serve` set-up) and measures through nginx; `--url` points at a running server.
`--train` adds one more learner who trains on the train page, first alone and then while the
others tour, and prints the run's images/s both ways (read from the page's progress bar).
`--new-sessions` opens every page by its address, a new session each (a typed address, a
teacher's link, a refresh): what a server pays per new session shows on every page, not only on
the first. `--before DIR` first measures the app in DIR (an older checkout, served as its own `make run`
served it) with the same load, then this one, and prints each page's p95 side by side.

    .venv/bin/python bench/load.py --learners 20
    git worktree add /tmp/before e7608d1
    .venv/bin/python bench/load.py --learners 20 --new-sessions --before /tmp/before
    .venv/bin/python bench/load.py --learners 10 --train
    .venv/bin/python bench/load.py --learners 20 --replicas 2

Each simulated learner is a browser that has been here before: it sends its workspace cookie (a secret
of its own, under the cookie name the server uses: core.store.settings.cookie_name of the store's URL) on
every request, as a browser does after its first visit. A server started here keeps its workspaces in a
temporary APP_DATA_DIR (DATABASE_URL, when set, is the server's and the bench's both); with `--url`, run
the bench with the server's environment so the two agree on the cookie's name.

Before the measured tour one learner tours every page once per server (the caches warm up, as in
a class after the first visitor); `--no-warmup` skips that. On a busy machine the figures move
with the load average, which is printed: compare runs made together, not with old numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from websockets.asyncio.client import connect  # noqa: E402

from core.store import WorkspaceStore, store_url_from_environment  # noqa: E402
from core.store.settings import cookie_name  # noqa: E402
from scripts.app_server import app_process, stop, wait_healthy  # noqa: E402
from scripts.streamlit_client import Learner, PageView  # noqa: E402
from ui.navigation import PAGES  # noqa: E402

TOUR = [("" if stem == "home" else stem) for stem, _icon in PAGES]  # URL paths; home is "/"
TRAIN_SIZES = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 45_000, 60_000]  # the page's choices


@dataclass
class Server:
    """The server under test: where it answers, its processes' root (None: unknown), the
    addresses of its single processes (to warm each one), and how long its first page took."""

    url: str
    pid: int | None
    replicas: list[str]
    cold_start_s: float | None = None
    cookie_name: str | None = None  # the workspace cookie's name on this server (None: saving is off)


class Browser(Learner):
    """A learner whose browser has been here before: it sends its workspace cookie (`cookie`, "name=secret")
    on the first HTTP request and on the websocket, as a browser sends the cookie the app set; its websocket
    leaves from `local_address` when one is given (another 127.x address: a peer address of its own)."""

    def __init__(self, base_url: str, query_string: str, cookie: str | None,
                 local_address: str | None = None) -> None:
        super().__init__(base_url, query_string)
        self.cookie = cookie
        self.local_address = local_address

    async def __aenter__(self) -> Browser:
        if self.cookie is None:
            return await super().__aenter__()
        proxy = await asyncio.to_thread(first_request, self.base_url, self.cookie)
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self._socket = await connect(  # as Learner connects (no keep-alive pings), with the cookie
            f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream", subprotocols=["streamlit"],
            additional_headers={"Cookie": "; ".join(filter(None, [proxy, self.cookie]))}, max_size=None,
            ping_interval=None, open_timeout=60,
            **({"local_addr": (self.local_address, 0)} if self.local_address else {}),
        )
        return self


def first_request(base_url: str, cookie: str, timeout: float = 30) -> str:
    """`GET /` with the workspace cookie; the cookies it sets (a proxy's affinity cookie), joined."""
    request = urllib.request.Request(f"{base_url}/", headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        cookies = reply.headers.get_all("Set-Cookie") or []
    return "; ".join(set_cookie.split(";", 1)[0] for set_cookie in cookies)


def new_browser_cookie(name: str | None) -> str | None:
    """A simulated learner's workspace cookie, "name=secret" (None when the server keeps no workspaces)."""
    return None if name is None else f"{name}={WorkspaceStore.new_secret()}"


@contextlib.contextmanager
def workspace_folder(args: argparse.Namespace) -> Iterator[str | None]:
    """The workspace cookie's name the server uses: a server started here gets a temporary APP_DATA_DIR
    (removed after), and the name is computed from the same store URL as the server computes it."""
    if args.url:
        url = store_url_from_environment()
        yield None if url is None else cookie_name(url)
        return
    before = os.environ.get("APP_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="nnx-load-") as folder:
        os.environ["APP_DATA_DIR"] = folder  # the server inherits this process's environment
        try:
            url = store_url_from_environment()
            yield None if url is None else cookie_name(url)
        finally:
            if before is None:
                os.environ.pop("APP_DATA_DIR", None)
            else:
                os.environ["APP_DATA_DIR"] = before


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        tree.append(todo.pop())
        todo.extend(children.get(tree[-1], []))
    return tree


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants."""
    total = 0
    for member in process_tree(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
    return total


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user and system, with reaped children's) used so far by a process tree: the
    work a load costs, which a busy machine slows down but does not change much."""
    ticks = 0
    for member in process_tree(pid):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def free_port_run(count: int) -> int:
    """A port P such that P and the `count` ports after it are all free on 127.0.0.1."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + count > 65535:
            continue
        try:
            for port in range(base, base + count + 1):
                with socket.socket() as sock:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT counts as free
                    sock.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
    raise RuntimeError("no run of free ports found")


@contextlib.contextmanager
def served(args: argparse.Namespace, folder: Path = ROOT) -> Iterator[Server]:
    """The server the learners talk to (the app in `folder`), started here unless `--url` names one."""
    with workspace_folder(args) as name, started_server(args, folder) as server:
        server.cookie_name = name
        yield server


@contextlib.contextmanager
def started_server(args: argparse.Namespace, folder: Path) -> Iterator[Server]:
    if args.url:
        yield Server(args.url.rstrip("/"), args.pid, [args.url.rstrip("/")])
    elif args.replicas:
        port = free_port_run(args.replicas)
        front = subprocess.Popen([sys.executable, "-m", "scripts.serve", "--host", "127.0.0.1",
                                  "--port", str(port), "--replicas", str(args.replicas)], cwd=folder)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, front, timeout=180, path="/healthz")
            replicas = [f"http://127.0.0.1:{port + i}" for i in range(1, args.replicas + 1)]
            for replica in replicas:
                wait_healthy(replica, front, timeout=180)
            yield Server(url, front.pid, replicas)
        finally:
            stop(front, timeout=60)  # serve.py waits up to 15 s for its processes to end
    else:
        with app_process(cwd=folder) as (url, process):
            yield Server(url, process.pid, [url])


async def arrivals(url: str, rounds: int, timeout: float, lang: str, cookie: str | None) -> list[PageView]:
    """One learner opening every page by its address, `rounds` times: each view a new session,
    as a typed address, a link from the teacher, a new tab or a refresh makes one."""
    views: list[PageView] = []
    for _ in range(rounds):
        for page in TOUR:
            async with Browser(url, f"lang={lang}", cookie) as learner:
                views.append(await learner.open(page, timeout))
    return views


async def tour(url: str, rounds: int, timeout: float, lang: str, cookie: str | None) -> list[PageView]:
    """One learner visiting every page in order, `rounds` times; a timeout starts a new session
    (the old one may still be running its script, so its late messages are left behind)."""
    views: list[PageView] = []
    learner = await Browser(url, f"lang={lang}", cookie).__aenter__()
    try:
        for _ in range(rounds):
            for page in TOUR:
                view = await learner.open(page, timeout)
                views.append(view)
                if view.timed_out:
                    await learner.__aexit__()
                    learner = await Browser(url, f"lang={lang}", cookie).__aenter__()
    finally:
        await learner.__aexit__()
    return views


async def tour_until(url: str, done: asyncio.Event, rounds: int, timeout: float, lang: str,
                     cookie: str | None) -> list[PageView]:
    """Tours, at least `rounds` and then on until `done` is set (the training run has ended)."""
    views: list[PageView] = []
    while len(views) < rounds * len(TOUR) or not done.is_set():
        views += await tour(url, 1, timeout, lang, cookie)
    return views


async def train_run(url: str, args: argparse.Namespace, cookie: str | None) -> PageView:
    """One learner opens the train page, picks a small recipe with its widgets, and presses Train;
    the view lasts until the run has finished and the page has redrawn."""
    async with Browser(url, f"lang={args.lang}", cookie) as learner:
        await learner.open("train", args.timeout)
        learner.set_value("train.epochs", double_array_value={"data": [args.train_epochs]})
        learner.set_value("train.train_size", string_array_value={"data": [f"{args.train_size:,}"]})
        return await learner.press("train.start", args.train_timeout)


class ServerWatch:
    """Samples the server's tree RSS twice a second while the load runs, keeping the peak, and
    counts the CPU time the load cost it."""

    def __init__(self, pid: int | None) -> None:
        self.pid, self.peak = pid, 0
        self.before = tree_rss_bytes(pid) if pid else 0
        self.cpu_before = tree_cpu_s(pid) if pid else 0.0
        self.cpu_s = 0.0

    async def watch(self, stop_event: asyncio.Event) -> None:
        """Sample until `stop_event` is set."""
        while self.pid and not stop_event.is_set():
            self.peak = max(self.peak, await asyncio.to_thread(tree_rss_bytes, self.pid))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop_event.wait(), 0.5)
        if self.pid:
            self.cpu_s = tree_cpu_s(self.pid) - self.cpu_before

    def cpu_line(self, views: int, wall_s: float) -> str:
        """CPU seconds per page view, and how many cores the server kept busy on average."""
        if not self.pid or not views:
            return "server CPU: unknown (give --pid with --url)"
        return (f"server CPU: {self.cpu_s:.1f} s for {views} page views = {self.cpu_s / views:.2f} CPU s per "
                f"view; {self.cpu_s / wall_s:.2f} cores busy on average")

    def memory_line(self) -> str:
        """The memory summary, or why there is none."""
        if not self.pid:
            return "server memory: unknown (give --pid with --url)"
        mb = 1024 * 1024
        return (f"server memory (RSS of the process tree): {self.before / mb:,.0f} MB warm before the "
                f"load, {self.peak / mb:,.0f} MB at its peak ({(self.peak - self.before) / mb:+,.0f} MB)")


def p95(values: list[float]) -> float:
    """The 95th percentile by nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def report(views: list[PageView], wall_s: float, title: str) -> dict[str, float]:
    """Per-page median, p95 and max of the finished views, page views per second, and every error;
    a timed-out view counts as an error, not as a time. Returns each page's p95."""
    print(f"\n{title}: {len(views)} page views in {wall_s:.1f} s = "
          f"{sum(v.ok for v in views) / wall_s:.2f} page views/s (ok ones)")
    print(f"{'page':<12}{'n':>4}{'median':>9}{'p95':>9}{'max':>9}{'errors':>8}")
    names = [page or "home" for page in TOUR]
    times = {name: [v.seconds for v in views if v.page == name and v.finished] for name in names}
    for name in names:
        mine = [v for v in views if v.page == name]
        if mine:
            stats = (f"{statistics.median(times[name]):8.2f}s{p95(times[name]):8.2f}s{max(times[name]):8.2f}s"
                     if times[name] else f"{'-':>9}{'-':>9}{'-':>9}")
            print(f"{name:<12}{len(mine):>4}{stats}{sum(not v.ok for v in mine):>8}")
    if any(times.values()):
        slowest = max((name for name in names if times[name]), key=lambda name: p95(times[name]))
        print(f"slowest page by p95: {slowest} {p95(times[slowest]):.2f} s")
    exceptions = [(v.page, e) for v in views for e in v.exceptions]
    alerts = [(v.page, e) for v in views for e in v.error_alerts]
    timeouts = [v.page for v in views if v.timed_out]
    print(f"errors: {len(exceptions)} exceptions, {len(alerts)} error alerts, {len(timeouts)} timeouts")
    for page, text in (exceptions + alerts)[:5]:
        print(f"  {page}: {text[:160]}")
    return {name: p95(times[name]) for name in names if times[name]}


def compare(before: dict[str, float], now: dict[str, float]) -> None:
    """Each page's p95 before and now, their ratio, and issue 24's targets: at most a third of
    before, and at most 2 s (on a quiet machine)."""
    print(f"\n{'page':<12}{'before p95':>12}{'now p95':>10}{'now/before':>12}  targets: <= 1/3, <= 2 s")
    for name, seconds in now.items():
        old = before.get(name, float("nan"))
        ratio = seconds / old if old else float("nan")
        verdict = ("ok" if ratio <= 1 / 3 else "over 1/3") + (", ok" if seconds <= 2 else ", over 2 s")
        print(f"{name:<12}{old:>11.2f}s{seconds:>9.2f}s{ratio:>12.2f}  {verdict}")
    worst_before, worst_now = max(before.values()), max(now.values())
    print(f"slowest page's p95: before {worst_before:.2f} s, now {worst_now:.2f} s "
          f"({worst_now / worst_before:.2f} of before)")


async def measure(server: Server, args: argparse.Namespace) -> dict[str, float]:
    """Cold start (when the server is fresh), warm-up, then the measured load; each page's p95."""
    name = server.cookie_name  # each simulated learner's browser sends a cookie of its own under this name
    if not args.url:
        first = await tour_first_page(server.url, args, new_browser_cookie(name))
        server.cold_start_s = first.seconds
        print(f"cold start: the first page (home) of a fresh server took {first.seconds:.2f} s "
              f"after the health check answered{'' if first.ok else ' (NOT ok)'}")
    if not args.no_warmup:
        await asyncio.gather(*(tour(url, 1, args.train_timeout, args.lang, new_browser_cookie(name))
                               for url in server.replicas))

    solo, trainer_cookie = None, new_browser_cookie(name)
    if args.train:
        solo = await train_run(server.url, args, trainer_cookie)
        print(f"training alone: {describe_run(solo)}")

    watch, stop_event = ServerWatch(server.pid), asyncio.Event()
    watcher = asyncio.create_task(watch.watch(stop_event))
    started = time.perf_counter()
    if args.train:
        done = asyncio.Event()

        async def trainer() -> PageView:
            try:
                return await train_run(server.url, args, trainer_cookie)
            finally:
                done.set()

        loaded, *tours = await asyncio.gather(trainer(), *(
            tour_until(server.url, done, args.rounds, args.timeout, args.lang, new_browser_cookie(name))
            for _ in range(args.learners)))
    else:
        visit = arrivals if args.new_sessions else tour
        tours = await asyncio.gather(*(
            visit(server.url, args.rounds, args.timeout, args.lang, new_browser_cookie(name))
            for _ in range(args.learners)))
    wall_s = time.perf_counter() - started
    stop_event.set()
    await watcher

    what = ("while one more learner trains" if args.train
            else "arriving together, every page by its address" if args.new_sessions else "arriving together")
    views = [v for tour_views in tours for v in tour_views]
    page_p95 = report(views, wall_s, f"{args.learners} learners {what}")
    print(watch.cpu_line(len(views), wall_s) + (" (the training run's included)" if args.train else ""))
    if args.train:
        print(f"training while {args.learners} learners tour: {describe_run(loaded)}")
        if solo.images_per_s and loaded.images_per_s:
            print(f"training keeps {100 * loaded.images_per_s / solo.images_per_s:.0f}% of its solo speed")
    print(watch.memory_line())
    return page_p95


async def tour_first_page(url: str, args: argparse.Namespace, cookie: str | None) -> PageView:
    """The home page as the first visitor of a fresh server gets it."""
    async with Browser(url, f"lang={args.lang}", cookie) as learner:
        return await learner.open("", args.train_timeout)


def describe_run(view: PageView) -> str:
    """A training request's outcome: its speed, or what went wrong."""
    if view.timed_out:
        return f"TIMED OUT after {view.seconds:.0f} s"
    if not view.ok:
        return f"FAILED: {(view.exceptions + view.error_alerts)[:1]}"
    speed = view.images_per_s
    shown = f"{speed:,.0f} images/s" if speed else "no speed shown"
    return f"{shown} (request to page redrawn {view.seconds:.1f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=5, help="learners arriving together (default 5)")
    parser.add_argument("--rounds", type=int, default=1, help="tours of every page per learner")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a page counts as timed out")
    parser.add_argument("--lang", default="en", choices=["en", "zh"])
    parser.add_argument("--url", help="a running server (http://127.0.0.1:PORT) instead of a new one")
    parser.add_argument("--pid", type=int, help="with --url: the server's process id, for its memory")
    parser.add_argument("--replicas", type=int, default=0,
                        help="start `scripts/serve.py` with this many servers behind nginx")
    parser.add_argument("--new-sessions", action="store_true",
                        help="open every page by its address (a new session each), not by touring in one")
    parser.add_argument("--no-warmup", action="store_true", help="measure without a warm-up tour first")
    parser.add_argument("--train", action="store_true", help="one more learner trains, alone then under load")
    parser.add_argument("--train-size", type=int, default=10_000, choices=TRAIN_SIZES,
                        help="training images in the run (one of the page's choices)")
    parser.add_argument("--train-epochs", type=int, default=1)
    parser.add_argument("--train-timeout", type=float, default=600, help="seconds a training run may take")
    parser.add_argument("--before", type=Path, help="first measure the app in this folder (an older "
                        "checkout) the same way, then this one, and compare")
    args = parser.parse_args()
    if args.url and urlsplit(args.url).hostname not in {"127.0.0.1", "localhost"}:
        parser.error("--url must be on this machine (127.0.0.1)")
    if args.before and args.url:
        parser.error("--before starts its own servers: leave out --url")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    page_p95 = {}
    for label, folder in ([("before", args.before)] if args.before else []) + [("now", ROOT)]:
        with served(args, folder) as server:
            how = (f"{args.replicas} streamlit processes behind nginx" if args.replicas
                   else "one streamlit process" if not args.url else "a running server")
            print(f"\n== {label}: {how} at {server.url}, the app in {folder}")
            page_p95[label] = asyncio.run(measure(server, args))
    if args.before:
        compare(page_p95["before"], page_p95["now"])
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end")


if __name__ == "__main__":
    main()
