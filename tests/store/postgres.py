"""A private PostgreSQL 15 server for the store's tests (and the bench): a temporary folder, a Unix socket, no
TCP.

PostgreSQL's tools refuse to run as root, so as root they run as the `postgres` user (runuser) in a folder
that user owns, made under /tmp (pytest's own temporary folders are closed to other users). Missing
binaries are an error that says what to install, never a skip: CI installs PostgreSQL
(scripts/ensure_postgres.sh).
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
# Durability off: a test server's data die with it, and fsync per commit would dominate the tests' time.
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"


class PostgresMissing(RuntimeError):
    """PostgreSQL 15's server binaries are not installed."""


class PostgresServer:
    """One running server; `url(database)` names a database in it, `create_database()` makes a fresh one.

    `durable`: PostgreSQL's own defaults (fsync on each commit), for the bench; the tests turn durability off.
    """

    def __init__(self, durable: bool = False):
        if not (BIN / "initdb").exists():
            raise PostgresMissing(f"PostgreSQL 15 is not installed ({BIN / 'initdb'} is missing): "
                                  "run `bash scripts/ensure_postgres.sh` (apt-get install postgresql)")
        self.folder = Path(tempfile.mkdtemp(prefix="nnx-pg-"))
        self.port = random.randint(20000, 60000)
        self._names = itertools.count()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.folder / "data"), "-A", "trust", "-U", "app", "--no-sync")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses='' {'' if durable else FAST}"
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-w",
                  "-o", options, "start")
        self.running = True

    def _run(self, tool: str, *args: str) -> None:
        command = [str(BIN / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"{tool} failed: {result.stdout}{result.stderr}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://app@/{database}?host={self.folder}&port={self.port}"

    def create_database(self) -> str:
        """A new empty database's URL."""
        import psycopg

        name = f"store_{next(self._names)}"
        with psycopg.connect(host=str(self.folder), port=self.port, user="app", dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name} TEMPLATE template0")
        return self.url(name)

    def stop(self) -> None:
        if self.running:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
            self.running = False

    def remove(self) -> None:
        """Stop the server and delete its folder."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
