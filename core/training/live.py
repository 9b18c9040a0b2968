"""Runs drained by the server, not by a page: one thread per run takes its worker's events.

A learner's run used to advance only while its training page was open and drawing: leave the page
or refresh it and the events waited. Here a `LiveRuns` registry (one per server process) holds the
run of each workspace and a follower thread that pumps it every `FOLLOW_EVERY_S`, so the session's
observers (the experiments bench, which writes each epoch's end to the store in one transaction)
hear every epoch whatever the pages do. Every tab of the workspace in this process finds the same
`TrainingSession` by the workspace's key and only draws it, holding `session.lock` while it reads.

The run stops once no session of its workspace has been connected for the pool's grace time (a
closed tab, as before): `viewers` are the sessions that showed the workspace, and `alive` asks the
caller whether any of them is still connected. Nothing here imports Streamlit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from core.training.session import RUNNING, TrainingSession
from core.worker_pool import GONE_GRACE_S, WorkerPool

FOLLOW_EVERY_S = 0.1


class LiveRuns:
    """The run each workspace trains in this process, each followed by its own thread."""

    def __init__(self):
        self._lock = threading.Lock()
        self._runs: dict[str, TrainingSession] = {}
        self._viewers: dict[str, set[str]] = {}

    def get(self, workspace_key: str) -> TrainingSession | None:
        """The workspace's run in this process (running, or ended since), if any."""
        with self._lock:
            return self._runs.get(workspace_key)

    def seen_by(self, workspace_key: str, session_id: str) -> None:
        """A browser session showed this workspace (its run lives while one of them does)."""
        with self._lock:
            self._viewers.setdefault(workspace_key, set()).add(session_id)

    def viewers(self, workspace_key: str) -> set[str]:
        """The sessions that showed the workspace."""
        with self._lock:
            return set(self._viewers.get(workspace_key, ()))

    def start(self, workspace_key: str, session: TrainingSession, pool: WorkerPool,
              alive: Callable[[set[str]], bool] | None = None, grace_s: float = GONE_GRACE_S) -> None:
        """Train `session` on in a worker of `pool` and follow it; `alive(viewers)` says whether a
        session of the workspace is still connected."""
        owner_alive = None if alive is None else (lambda: alive(self.viewers(workspace_key)))
        with self._lock:
            self._runs[workspace_key] = session
        with session.lock:
            session.launch(pool, owner_alive, grace_s)
        threading.Thread(target=self._follow, args=(session,), name="run-follower", daemon=True).start()

    def forget(self, workspace_key: str) -> None:
        """Drop the workspace's run from the registry (a learner who left for another workspace)."""
        with self._lock:
            self._runs.pop(workspace_key, None)

    @staticmethod
    def _follow(session: TrainingSession) -> None:
        while True:
            with session.lock:
                if session.status != RUNNING or session.worker is None:
                    return
                session.pump()  # the session's observers keep each epoch's end
            time.sleep(FOLLOW_EVERY_S)
