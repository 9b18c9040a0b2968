"""Serve a class: N app processes (`scripts/start_app.py`) behind nginx, one per core by default.

Streamlit runs every session's scripts in one Python process, so one server uses about one core
whatever the machine has (the interpreter lock). This starts N of them on 127.0.0.1 ports
P+1..P+N and nginx on P in front, with websockets passed through, sticky sessions (a cookie) and
`/healthz` answering from the processes' own `/_stcore/health`. nginx runs in the foreground from
a config written into a temporary run folder (its pid, logs and the servers' logs are there too);
Ctrl-C stops everything.

    .venv/bin/python -m scripts.serve --port 8501 --replicas 2    # `make serve`
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from scripts.app_server import start_app, stop, wait_healthy

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
INSTALL_HINT = "nginx is missing: install Debian's package as root (apt-get install -y nginx)"


def nginx_binary() -> str:
    """Where nginx is (Debian puts it in /usr/sbin, which a normal user's PATH may lack)."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        raise SystemExit(INSTALL_HINT)
    return found


def nginx_config(run_dir: Path, host: str, port: int, replica_ports: list[int]) -> str:
    """The template with the run folder, the listening address and the servers filled in."""
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in replica_ports)
    text = TEMPLATE.read_text()
    for name, value in {"run_dir": str(run_dir), "host": host, "port": str(port), "servers": servers}.items():
        text = text.replace("{{" + name + "}}", value)
    if re.search(r"\{\{\w+\}\}", text):
        raise ValueError(f"unfilled field in {TEMPLATE}")
    return text


def check_free(ports: list[int]) -> None:
    """Stop with a clear message when a port is taken."""
    for port in ports:
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do: TIME_WAIT is free
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                raise SystemExit(f"port {port} is in use; choose another with --port") from None


def serve(host: str, port: int, replicas: int) -> None:
    """Start the servers and nginx, and keep them until Ctrl-C or until one of them ends."""
    replica_ports = [port + i for i in range(1, replicas + 1)]
    check_free([port, *replica_ports])
    nginx = nginx_binary()
    run_dir = Path(tempfile.mkdtemp(prefix="nn-explainer-serve-"))
    run_dir.chmod(0o755)  # nginx's workers run as an unprivileged user when started as root
    # One cookie secret for all: a browser's XSRF cookie from one process is valid at another
    # (and, given in the environment, at another machine's processes too).
    secret = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32)
    processes: list[subprocess.Popen] = []
    logs = []
    stopped_by_hand = False
    try:
        for replica_port in replica_ports:
            log = open(run_dir / f"streamlit-{replica_port}.log", "w")  # noqa: SIM115 (closed below)
            logs.append(log)
            processes.append(start_app(replica_port, address="127.0.0.1", log=log,
                                       env={"STREAMLIT_SERVER_COOKIE_SECRET": secret}))
        for replica_port, process in zip(replica_ports, processes, strict=True):
            try:
                wait_healthy(f"http://127.0.0.1:{replica_port}", process, timeout=180)
            except RuntimeError as err:
                log_path = run_dir / f"streamlit-{replica_port}.log"
                raise SystemExit(f"streamlit on port {replica_port}: {err} (its log: {log_path})") from None
        config = run_dir / "nginx.conf"
        config.write_text(nginx_config(run_dir, host, port, replica_ports))
        subprocess.run([nginx, "-t", "-q", "-c", str(config), "-p", str(run_dir)], check=True)
        front = subprocess.Popen([nginx, "-c", str(config), "-p", str(run_dir)])
        processes.insert(0, front)
        wait_healthy(f"http://127.0.0.1:{port}", front, timeout=30, path="/healthz")
        shown = "localhost" if host in {"0.0.0.0", "127.0.0.1"} else host
        print(f"Serving {replicas} streamlit processes behind nginx at http://{shown}:{port} "
              f"(health: /healthz; logs in {run_dir}). Ctrl-C stops.", flush=True)
        while all(process.poll() is None for process in processes):
            time.sleep(1)
        ended = next(p for p in processes if p.poll() is not None)
        raise SystemExit(f"{Path(ended.args[0]).name} ended with code {ended.returncode}; "
                         f"stopping everything (logs in {run_dir})")
    except KeyboardInterrupt:
        stopped_by_hand = True
        print("stopping")
    finally:
        for process in processes:  # all at once: each Streamlit may take seconds to end its workers
            if process.poll() is None:
                process.terminate()
        for process in processes:
            stop(process)
        for log in logs:
            log.close()
        if stopped_by_hand:  # nothing went wrong, so the logs can go
            shutil.rmtree(run_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="0.0.0.0", help="where nginx listens (default: every interface)")
    parser.add_argument("--port", type=int, default=8501, help="nginx's port; the servers use the next N")
    parser.add_argument("--replicas", type=int, default=0, help="streamlit processes (default: one per core)")
    args = parser.parse_args()
    replicas = args.replicas or len(os.sched_getaffinity(0))
    # Ctrl-C and a plain `kill` both clean up (SIGINT too: a shell's background job ignores it)
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, signal.default_int_handler)
    serve(args.host, args.port, replicas)


if __name__ == "__main__":
    main()
