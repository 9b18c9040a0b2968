"""Does a run end with its learner's session? On a real server with one training worker
(TRAIN_RUN_LIMIT=1), learner A starts a 20-epoch run, sees it train, and closes the tab. After the
grace period learner B starts a one-epoch run on 1,000 images: it can only run (not wait) if A's
run has ended. Both learners speak Streamlit's websocket protocol (no browser).

    .venv/bin/python bench/session_end.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.worker_pool import GONE_GRACE_S  # noqa: E402
from scripts.app_server import app_process, wait_healthy  # noqa: E402
from scripts.streamlit_client import Learner, PageView  # noqa: E402


async def train(url: str, epochs: int, train_size: int, timeout: float) -> PageView:
    """A learner opens the train page, sets a recipe and presses Train; the view ends with the run,
    or at `timeout` (then the tab closes with the run still going)."""
    async with Learner(url, "lang=en") as learner:
        await learner.open("train", 120)
        learner.set_value("train.epochs", double_array_value={"data": [epochs]})
        learner.set_value("train.train_size", string_array_value={"data": [f"{train_size:,}"]})
        return await learner.press("train.start", timeout)


async def check(url: str) -> None:
    a = await train(url, epochs=20, train_size=60_000, timeout=150)
    print(f"A: {a.images_per_s or 0:,.0f} images/s shown, then the tab closed mid-run "
          f"(view timed out: {a.timed_out})")
    await asyncio.sleep(GONE_GRACE_S + 5)
    started = time.perf_counter()
    b = await train(url, epochs=1, train_size=1_000, timeout=180)
    ended = "ran and finished" if b.ok else "waited or failed"
    print(f"B, {GONE_GRACE_S + 5:.0f} s later: {ended} in {time.perf_counter() - started:.1f} s "
          f"({b.images_per_s or 0:,.0f} images/s): A's run {'ended' if b.ok else 'still held the worker'}")


def main() -> None:
    os.environ["TRAIN_RUN_LIMIT"] = "1"
    with app_process() as (url, server):
        wait_healthy(url, server)
        asyncio.run(check(url))


if __name__ == "__main__":
    main()
