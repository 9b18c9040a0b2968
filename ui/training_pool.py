"""The server's pool of training worker processes, and how a run learns that its learner has gone.

Session end: Streamlit's runtime keeps a session "active" while its browser tab is connected; a
closed tab (or a lost connection) makes it inactive at once, and it expires for good after
`server.disconnectedSessionTTL` (2 minutes). A run started from a session is watched by the pool
(`RunHandle.end_with`): once the session has been inactive for `core.worker_pool.GONE_GRACE_S` the
run stops, its last state is kept, and a learner who comes back in time finds it paused, ready to
resume. A session's state that is dropped also drops the run's handle, which stops the run too.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core.training.job import warm_up_worker
from core.training.run_limit import configured_limit
from core.worker_pool import WorkerPool


@st.cache_resource(show_spinner=False)
def training_pool() -> WorkerPool:
    """One pool per server, `TRAIN_RUN_LIMIT` workers, each with MNIST loaded before its first run."""
    return WorkerPool(size=configured_limit(), warm_up=warm_up_worker)


def session_alive() -> Callable[[], bool] | None:
    """Whether this script's session is still connected, as a check any thread may call later."""
    context = get_script_run_ctx()
    if context is None or not Runtime.exists():
        return None
    runtime, session_id = Runtime.instance(), context.session_id
    return lambda: runtime.is_active_session(session_id)
