"""A learner without a browser: one Streamlit session driven over the app's own websocket
protocol (`/_stcore/stream`), opening pages and pressing buttons, timed from request to the
script's end. Used by `bench/load.py` and its test.

What a browser does, reduced to what costs the server work: fetch `/` once (through a proxy this
sets the session-affinity cookie), open the websocket, and for each page send the `rerun_script`
BackMsg the frontend sends when a page link is clicked. The server answers with ForwardMsgs: the
page's elements as deltas, then `script_finished`. A run ended early for a rerun (`st.rerun()`)
is not the end; the run that follows it is. Never sends cached-message hashes, so the server sends
every element in full, as it does to a browser on its first visit.
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

SPEED = re.compile(r"([\d,]+) images/s")  # the train page's progress text, in English


@dataclass
class PageView:
    """What one request brought back: its time, what went wrong, and the progress texts shown."""

    page: str
    seconds: float = 0.0
    finished: bool = False  # a script_finished that was not an early end for a rerun
    timed_out: bool = False
    exceptions: list[str] = field(default_factory=list)  # exception elements (not warnings)
    error_alerts: list[str] = field(default_factory=list)  # st.error boxes
    progress_texts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Finished in time with no exception and no error box."""
        return self.finished and not (self.timed_out or self.exceptions or self.error_alerts)

    @property
    def images_per_s(self) -> float | None:
        """The last training speed a progress bar showed, in images per second."""
        for text in reversed(self.progress_texts):
            if found := SPEED.search(text):
                return float(found.group(1).replace(",", ""))
        return None


def session_cookie(base_url: str, timeout: float = 30) -> str:
    """The cookies `GET /` sets (a proxy's affinity cookie), as a Cookie header value."""
    with urllib.request.urlopen(f"{base_url}/", timeout=timeout) as reply:
        cookies = reply.headers.get_all("Set-Cookie") or []
    return "; ".join(cookie.split(";", 1)[0] for cookie in cookies)


class Learner:
    """One browser tab's session: `async with Learner(url) as learner: await learner.open("neuron")`."""

    def __init__(self, base_url: str, query_string: str = "lang=en") -> None:
        self.base_url = base_url.rstrip("/")
        self.query_string = query_string
        self.page_hashes: dict[str, str] = {}  # URL path -> page_script_hash, from the navigation message
        self.widget_ids: dict[str, str] = {}  # user key -> widget id, from the last page's deltas
        self.widget_values: dict[str, WidgetState] = {}  # values this learner has set on the page
        self.fragments: dict[str, float] = {}  # fragment id -> seconds between its auto-reruns (run_every)
        self.page = ""
        self._socket: ClientConnection | None = None

    async def __aenter__(self) -> Learner:
        cookie = await asyncio.to_thread(session_cookie, self.base_url)
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        # No keep-alive pings: a server whose event loop is starved would miss a pong and the
        # client would hang up, which is the client's artefact, not the server's failure.
        self._socket = await connect(
            f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream", subprotocols=["streamlit"],
            additional_headers={"Cookie": cookie} if cookie else None, max_size=None,
            ping_interval=None, open_timeout=60,
        )
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def open(self, page: str, timeout: float = 60) -> PageView:
        """Navigate to a page by its URL path ("" is the home page) and wait for its run's end."""
        self.page, self.widget_values, self.widget_ids = page, {}, {}
        return await self._rerun(page, [], timeout)

    def set_value(self, key: str, **value: object) -> None:
        """Set a widget on the current page by its key, e.g. `set_value("train.epochs",
        double_array_value={"data": [1]})`; sent with the next request, as the browser does."""
        state = WidgetState(id=self.widget_ids[key], **value)
        self.widget_values[key] = state

    async def press(self, key: str, timeout: float = 60) -> PageView:
        """Click the button with this key on the current page and wait for the runs it causes."""
        trigger = WidgetState(id=self.widget_ids[key], trigger_value=True)
        return await self._rerun(self.page, [trigger], timeout)

    async def rerun_fragment(self, fragment_id: str, timeout: float = 60) -> PageView:
        """Rerun one fragment of the current page as the browser's timer does for `st.fragment(run_every=...)`
        (its id from the page's `auto_rerun` message, in `fragments`), and wait for that run's end."""
        return await self._rerun(self.page, [], timeout, fragment_id)

    async def _rerun(self, page: str, extra: list[WidgetState], timeout: float,
                     fragment_id: str | None = None) -> PageView:
        """Send one rerun request (the page, or one fragment) and read ForwardMsgs until its run ends."""
        request = BackMsg()
        state = request.rerun_script
        state.query_string = self.query_string
        if fragment_id:
            state.fragment_id, state.is_auto_rerun = fragment_id, True
        if page in self.page_hashes:
            state.page_script_hash = self.page_hashes[page]
        else:
            state.page_name = page
        state.widget_states.widgets.extend([*self.widget_values.values(), *extra])
        view = PageView(page or "home")
        started = time.perf_counter()
        await self._socket.send(request.SerializeToString())
        try:
            async with asyncio.timeout(timeout):
                while not view.finished:
                    message = ForwardMsg()
                    message.ParseFromString(await self._socket.recv())
                    self._read(message, view)
        except TimeoutError:
            view.timed_out = True
        view.seconds = time.perf_counter() - started
        return view

    def _read(self, message: ForwardMsg, view: PageView) -> None:
        """Take from one ForwardMsg what a tour needs: pages, widget ids, problems, the end."""
        kind = message.WhichOneof("type")
        if kind == "navigation":
            pages = message.navigation.app_pages
            self.page_hashes = {page.url_pathname: page.page_script_hash for page in pages}
        elif kind == "auto_rerun":
            self.fragments[message.auto_rerun.fragment_id] = message.auto_rerun.interval
        elif kind == "page_not_found":
            view.error_alerts.append(f"page not found: {view.page}")
        elif kind == "script_finished":
            status = message.script_finished
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                view.exceptions.append("the script did not compile")
            view.finished = status != ForwardMsg.FINISHED_EARLY_FOR_RERUN
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._read_element(message.delta.new_element, view)

    def _read_element(self, element, view: PageView) -> None:
        """Record a widget's id, an exception, an error box or a progress text."""
        kind = element.WhichOneof("type")
        proto = getattr(element, kind) if kind else None
        if kind == "exception" and not proto.is_warning:
            view.exceptions.append(f"{proto.type}: {proto.message}")
        elif kind == "alert" and proto.format == Alert.ERROR:
            view.error_alerts.append(proto.body)
        elif kind == "progress":
            view.progress_texts.append(proto.text)
        elif proto is not None and "id" in proto.DESCRIPTOR.fields_by_name and proto.id.startswith("$$ID"):
            key = proto.id.split("-", 2)[-1]  # Streamlit's ids end with the user's key ("None": no key)
            if key != "None":
                self.widget_ids[key] = proto.id
