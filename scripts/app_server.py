"""Start the app on a free local port as `make run` does (`scripts.start_app`: `streamlit run
app.py` after preloading), and Chromium's launch settings; shared by the browser tests, the
benchmarks and the README screenshot script."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps dialling Google's hosts, which this offline
# machine refuses; --no-sandbox because the tests run as root.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, server: subprocess.Popen, timeout: float = 90,
                 path: str = "/_stcore/health") -> None:
    """Block until `GET /_stcore/health` (or another health path) answers ok."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}{path}", timeout=2) as reply:
                if reply.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url}{path} did not answer ok in time")


def app_command(port: int, address: str | None = None) -> list[str]:
    """The command line `make run` uses (the launcher `scripts.start_app`, the settings of
    `.streamlit/config.toml`) on this port, headless, bound to `address` when one is given:
    nothing else that changes what is served, so what a test or a benchmark measures is what
    learners get."""
    command = [sys.executable, "-m", "scripts.start_app", "--server.port", str(port),
               "--server.headless", "true"]
    return command + (["--server.address", address] if address else [])


def start_app(port: int, address: str | None = None, log: IO | None = None,
              env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.Popen:
    """The app served as `make run` serves it, on this port (not yet healthy), its output into
    `log`, with extra environment variables; `cwd` is another checkout of the app to serve."""
    return subprocess.Popen(app_command(port, address), cwd=cwd, stdout=log or subprocess.DEVNULL,
                            stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})


def stop(process: subprocess.Popen, timeout: float = 15) -> None:
    """Ask a process to end, and kill it if it has not within `timeout` seconds."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def app_process(cwd: Path = ROOT) -> Iterator[tuple[str, subprocess.Popen]]:
    """The app (this checkout, or the one in `cwd`) served on a free port for the duration of
    the block: its base URL and process."""
    port = free_port()
    server = start_app(port, cwd=cwd)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, server)
        yield url, server
    finally:
        stop(server)


@contextlib.contextmanager
def running_app() -> Iterator[str]:
    """The app served on a free port for the duration of the block; yields its base URL."""
    with app_process() as (url, _server):
        yield url
