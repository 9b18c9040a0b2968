"""A server-wide cap on concurrent training runs, so the next run waits instead of slowing everyone.

On a CPU, two runs at once each go at half speed or worse (their thread pools fight over the
same cores), so the default lets one run at a time; `TRAIN_RUN_LIMIT` changes that.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

ENV_VAR = "TRAIN_RUN_LIMIT"


def configured_limit(default: int = 1) -> int:
    """How many runs may train at once: `$TRAIN_RUN_LIMIT` if it is a positive integer, else `default`."""
    try:
        return max(1, int(os.environ.get(ENV_VAR, default)))
    except ValueError:
        return default


class RunLimit:
    """At most `slots` holders at a time; others wait, polling so their page can still react."""

    def __init__(self, slots: int = 1):
        self.slots = slots
        self._semaphore = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self.running = 0

    def try_enter(self, timeout: float = 0.0) -> bool:
        """Take a slot, waiting up to `timeout` seconds; whether one was taken."""
        taken = self._semaphore.acquire(timeout=timeout) if timeout > 0 else self._semaphore.acquire(False)
        if taken:
            with self._lock:
                self.running += 1
        return taken

    def leave(self) -> None:
        """Give a slot back."""
        with self._lock:
            self.running -= 1
        self._semaphore.release()

    @contextmanager
    def slot(self, on_wait=None, poll_s: float = 0.5) -> Iterator[None]:
        """Hold a slot for the `with` block; while waiting, call `on_wait()` every `poll_s` seconds
        (a page shows its "waiting" message there, and may be interrupted there)."""
        while not self.try_enter(timeout=poll_s):
            if on_wait is not None:
                on_wait()
        try:
            yield
        finally:  # also when the page is interrupted mid-run, so a slot is never lost
            self.leave()
