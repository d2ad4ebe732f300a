"""A reader of the dashboard without a browser: it speaks Streamlit's websocket protocol, as the frontend does.

What a browser does, read from Streamlit 1.67's server (web/server/starlette/starlette_websocket.py,
runtime/app_session.py) and its frontend bundle (static/static/js/index.*.js), and replayed here:

- before the websocket, `GET /_stcore/health` (which sets the `_streamlit_xsrf` cookie) and
  `GET /_stcore/host-config`; the page's own address (index.html) is fetched too, as a navigation does;
- `ws://HOST/_stcore/stream` with the subprotocols `streamlit, <xsrf cookie>` (the server repurposes the
  header: the second entry is the XSRF token, a third would be a session to resume), the cookie and an Origin;
- a `rerun_script` BackMsg (a ClientState): on load, the page's url path as `page_name` with an empty
  `page_script_hash`; after a widget change, the current page's hash and *every* mounted widget's state
  (the frontend registers each widget's value as it mounts); after a page switch, the target's hash, an
  empty query string and only the states of the widgets the entry script drew (the frontend keeps those,
  `clearPageElements`); always the query string the server last set (`page_info_changed`), the context
  (timezone, locale, url) and the hashes of the messages it has cached;
- the files of download buttons (`/media/...`), fetched as the buttons are drawn;
- the ForwardMsg cache: a message the server marks `cacheable` is kept by its hash, and later runs send
  only `ref_hash` for it; entries unused for `max_cached_message_age` runs are dropped.

No import of Locust here: bench/locustfile.py wraps this class, tests drive it directly.
"""

from __future__ import annotations

import collections
import http.cookies
import time
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import websocket  # websocket-client: blocking, so gevent's monkey-patching makes it cooperative
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED = ForwardMsg.ScriptFinishedStatus
XSRF_COOKIE = "_streamlit_xsrf"
MAIN, SIDEBAR = 0, 1  # the first entry of a delta's path: which root container it lands in
# Widgets whose value the frontend sends back on every rerun, and the WidgetState field it uses (1.67).
WIDGET_KINDS = ("multiselect", "selectbox", "radio", "date_input", "checkbox", "text_input", "text_area",
                "number_input", "slider", "button_group")


class ReaderError(Exception):
    """A run a reader would see as broken: the socket closed, a timeout, a failed script, an exception shown."""


@dataclass
class Rerun:
    """One script run as the reader saw it, from sending the BackMsg to `script_finished`."""

    action: str  # "open", "change", "switch"
    page: str  # url path of the page the run drew ('' for the default page)
    ms: float
    messages: int  # ForwardMsgs received
    deltas: int  # of them, deltas (elements and blocks)
    cache_hits: int  # deltas sent as a reference to a message the reader had cached
    status: str
    elements: dict[tuple[int, ...], Element] = field(repr=False)
    error: str | None = None
    message_types: dict[str, int] = field(default_factory=dict)  # ForwardMsgs received, by type

    @property
    def title(self) -> str | None:
        """The page's title: the first h1 in the main area."""
        for path in sorted(self.elements):
            element = self.elements[path]
            if path[0] == MAIN and element.WhichOneof("type") == "heading" and element.heading.tag == "h1":
                return element.heading.body
        return None

    def of_kind(self, kind: str) -> list[Element]:
        return [self.elements[p] for p in sorted(self.elements) if self.elements[p].WhichOneof("type") == kind]

    def texts(self) -> list[str]:
        """Every markdown body, heading, metric and alert, in page order: what a reader reads."""
        out = []
        for path in sorted(self.elements):
            element = self.elements[path]
            kind = element.WhichOneof("type")
            if kind == "markdown":
                out.append(element.markdown.body)
            elif kind == "heading":
                out.append(element.heading.body)
            elif kind == "metric":
                out.append(f"{element.metric.label}: {element.metric.body}")
            elif kind == "alert":
                out.append(element.alert.body)
        return out


def widget_value(element: Element) -> Any:
    """The value the frontend gives a widget it mounts for the first time, or whenever the server sets one
    (`set_value`): the server's value, else the default. Display strings for the choice widgets, as the
    frontend sends them."""
    kind = element.WhichOneof("type")
    w = getattr(element, kind)
    if kind == "multiselect":
        return list(w.raw_values) if w.set_value else [w.options[i] for i in w.default]
    if kind in ("selectbox", "radio"):
        if w.set_value and w.HasField("raw_value"):
            return w.raw_value
        return w.options[w.default] if w.options and w.HasField("default") else None
    if kind == "button_group":
        return list(w.raw_values) if w.set_value else [w.options[i].content for i in w.default]
    if kind in ("date_input", "slider"):
        return list(w.value) if w.set_value else list(w.default)
    if kind in ("checkbox", "text_input", "text_area", "number_input"):
        if w.set_value:
            return w.value
        return w.default if (kind == "checkbox" or w.HasField("default")) else None
    raise ValueError(f"not a widget: {kind}")


def widget_state(element: Element, value: Any) -> WidgetState | None:
    """A WidgetState of the type the frontend uses for this kind of widget (None: nothing to send)."""
    kind = element.WhichOneof("type")
    w = getattr(element, kind)
    if value is None:
        return None
    state = WidgetState(id=w.id)
    if kind in ("multiselect", "button_group", "date_input"):
        state.string_array_value.data.extend(value)
    elif kind in ("selectbox", "radio", "text_input", "text_area"):
        state.string_value = value
    elif kind == "checkbox":
        state.bool_value = bool(value)
    elif kind == "number_input":
        if w.data_type == w.INT:
            state.int_value = int(value)
        else:
            state.double_value = float(value)
    elif kind == "slider":
        state.double_array_value.data.extend(value)
    return state


def _label(element: Element) -> str:
    kind = element.WhichOneof("type")
    return getattr(element, kind).label


class Reader:
    """One browser tab on the dashboard: `open(page, query)`, then `change(label, value)`, `switch(page)`.

    Each returns the run as a `Rerun` (time, messages, elements) or raises ReaderError."""

    def __init__(self, base_url: str, *, locale: str = "en-US", timezone: str = "Europe/Paris",
                 timeout: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.locale, self.timezone, self.timeout = locale, timezone, timeout
        self.ws: websocket.WebSocket | None = None
        self.query_string = ""
        self.page_hash = ""  # the page the server last ran
        self.main_script_hash = ""
        self.pages: dict[str, str] = {}  # url path -> page_script_hash, from the `navigation` message
        self.default_page = ""  # url path of the page `st.navigation` marks default
        self.last: Rerun | None = None
        self.last_sent: BackMsg | None = None  # the last rerun_script sent (bench/validate_reader.py compares it)
        self._cache: dict[str, list] = {}  # hash -> [serialized ForwardMsg, run count when last used]
        self._run_count = 0
        self._kinds: collections.Counter = collections.Counter()
        self._max_age = 2
        self._main_ids: set[str] = set()  # widgets the entry script drew: they survive a page switch
        # The frontend's WidgetStateManager: a widget's value, by id, for the widgets mounted now. The
        # frontend keeps its own value across reruns; only a `set_value` from the server replaces it.
        self._values: dict[str, Any] = {}
        self._fetched: set[str] = set()  # download buttons' files already fetched in this tab

    # --- what a reader does ----------------------------------------------------------------------------
    def open(self, page: str = "", query: str = "") -> Rerun:
        """Load `/<page>?<query>` in a new tab: HTTP, websocket, first run."""
        self.close()
        self.query_string = query
        self._cache.clear()  # a new tab: the frontend's message cache and widget states live in its memory
        self._values.clear()
        self._fetched.clear()
        self._run_count = 0
        self._http(f"/{page}" + (f"?{query}" if query else ""))
        headers = self._http("/_stcore/health")
        self._http("/_stcore/host-config")
        xsrf = _cookie(headers, XSRF_COOKIE)
        self.ws = websocket.create_connection(
            self.base_url.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=["streamlit", xsrf or "PLACEHOLDER_AUTH_TOKEN"],
            cookie=f"{XSRF_COOKIE}={xsrf}" if xsrf else None,
            origin=self.base_url, timeout=self.timeout,
        )
        return self._rerun("open", page, page_name=page, widgets=[])

    def change(self, label: str | Sequence[str], value: Any) -> Rerun:
        """Set the widget labelled `label` (or any of several labels: one per language) to `value`, as a
        click does: every mounted widget's state goes with it. Choices are given by their displayed text."""
        element = self.widget(label)
        if widget_state(element, value) is None:
            raise ValueError(f"cannot set {label!r} to {value!r}")
        self._values[getattr(element, element.WhichOneof("type")).id] = value
        return self._rerun("change", self.page, page_hash=self.page_hash, widgets=self._widget_states())

    def switch(self, page: str) -> Rerun:
        """Follow the sidebar's link to `page` (its url path): the query string is dropped, the entry
        script's widgets keep their states."""
        target = self.pages.get(page) or (self.pages.get(self.default_page) if page == "" else None)
        if target is None:
            raise ValueError(f"no page {page!r} in the navigation: {sorted(self.pages)}")
        self.query_string = ""
        kept = [s for s in self._widget_states() if s.id in self._main_ids]
        self._values = {k: v for k, v in self._values.items() if k in self._main_ids}
        return self._rerun("switch", page, page_hash=target, widgets=kept)

    def close(self) -> None:
        if self.ws is not None:
            try:
                self.ws.close(timeout=0.2)  # a closing tab does not wait for the server's goodbye (3 s by default)
            except (OSError, websocket.WebSocketException):
                pass
            self.ws = None

    # --- what the reader sees ---------------------------------------------------------------------------
    @property
    def page(self) -> str:
        for path, page_hash in self.pages.items():
            if page_hash == self.page_hash:
                return path
        return ""

    def widgets(self) -> list[Element]:
        if self.last is None:
            return []
        return [e for p, e in sorted(self.last.elements.items()) if e.WhichOneof("type") in WIDGET_KINDS]

    def widget(self, label: str | Sequence[str]) -> Element:
        labels = {label} if isinstance(label, str) else set(label)
        for element in self.widgets():
            if _label(element) in labels:
                return element
        raise ReaderError(f"no widget labelled {sorted(labels)} on /{self.page}: "
                          f"{[_label(e) for e in self.widgets()]}")

    # --- the protocol ----------------------------------------------------------------------------------
    def value(self, label: str | Sequence[str]) -> Any:
        """The value the reader's tab holds for a widget (what it would send)."""
        element = self.widget(label)
        return self._values.get(getattr(element, element.WhichOneof("type")).id)

    def _widget_states(self) -> list[WidgetState]:
        states = (widget_state(e, self._values.get(getattr(e, e.WhichOneof("type")).id)) for e in self.widgets())
        return [s for s in states if s is not None]

    def _mount(self, shown: dict[tuple[int, ...], Element]) -> None:
        """After a run: a widget seen for the first time, or set by the server, takes the proto's value; the
        others keep the tab's; widgets no longer drawn are forgotten (the frontend's removeInactive)."""
        mounted = {}
        for element in shown.values():
            kind = element.WhichOneof("type")
            if kind not in WIDGET_KINDS:
                continue
            w = getattr(element, kind)
            mounted[w.id] = widget_value(element) if (w.set_value or w.id not in self._values) else self._values[w.id]
        self._values = mounted

    def _rerun(self, action: str, page: str, *, widgets: Iterable[WidgetState], page_hash: str = "",
               page_name: str = "") -> Rerun:
        if self.ws is None:
            raise ReaderError("not connected")
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.widget_states.widgets.extend(widgets)
        state.page_script_hash = page_hash
        state.page_name = page_name
        state.cached_message_hashes.extend(self._cache)
        info = state.context_info
        info.timezone, info.locale, info.color_scheme = self.timezone, self.locale, "light"
        info.timezone_offset = -60 if self.timezone == "Europe/Paris" else 0  # JS getTimezoneOffset (winter)
        info.url = f"{self.base_url}/{page}" + (f"?{self.query_string}" if self.query_string else "")
        self.last_sent = msg
        started = time.perf_counter()
        try:
            self.ws.send_binary(msg.SerializeToString())
            run = self._receive(action, started)
        except (websocket.WebSocketException, OSError) as exc:  # closed, reset, or timed out
            self.close()
            raise ReaderError(f"{action} /{page}: {type(exc).__name__}: {exc}") from exc
        self.last = run
        if run.error:
            raise ReaderError(f"{action} /{run.page}: {run.error}")
        return run

    def _receive(self, action: str, started: float) -> Rerun:
        elements: dict[tuple[int, ...], tuple[Element, str]] = {}
        messages = deltas = hits = 0
        self._kinds: collections.Counter = collections.Counter()
        deadline = started + self.timeout
        while True:
            self.ws.settimeout(max(0.1, deadline - time.perf_counter()))
            raw = self.ws.recv()
            if not raw:
                raise websocket.WebSocketConnectionClosedException("the server closed the socket")
            messages += 1
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            self._kinds[kind] += 1
            if kind == "ref_hash":
                msg, kind = self._cached(msg), "delta"
                hits += 1
            elif msg.metadata.cacheable and msg.hash:
                self._cache[msg.hash] = [raw, self._run_count]
            if kind == "new_session":  # every run starts with one
                elements.clear()
                self.main_script_hash = msg.new_session.main_script_hash
                self._max_age = msg.new_session.config.max_cached_message_age or self._max_age
                self.page_hash = msg.new_session.page_script_hash
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                self.default_page = next((p.url_pathname for p in msg.navigation.app_pages if p.is_default), "")
                self.page_hash = msg.navigation.page_script_hash or self.page_hash
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                return self._finish(action, started, messages, deltas, hits, elements, "page_not_found",
                                    f"page not found: {msg.page_not_found.page_name!r}")
            elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
                exc = msg.session_event.script_compilation_exception
                return self._finish(action, started, messages, deltas, hits, elements, "compile_error",
                                    f"{exc.type}: {exc.message}")
            elif kind == "delta":
                deltas += 1
                if msg.delta.WhichOneof("type") == "new_element":
                    elements[tuple(msg.metadata.delta_path)] = (msg.delta.new_element,
                                                                msg.metadata.active_script_hash)
            elif kind == "script_finished":
                status = FINISHED.Name(msg.script_finished)
                if msg.script_finished == FINISHED.FINISHED_EARLY_FOR_RERUN:
                    continue  # the app asked for another run (st.rerun): the reader waits for it
                if msg.script_finished != FINISHED.FINISHED_SUCCESSFULLY:
                    return self._finish(action, started, messages, deltas, hits, elements, status,
                                        f"script finished with {status}")
                self._age_cache()
                return self._finish(action, started, messages, deltas, hits, elements, status, None)

    def _finish(self, action, started, messages, deltas, hits, elements, status, error) -> Rerun:
        ms = (time.perf_counter() - started) * 1000
        self._main_ids = {getattr(e, e.WhichOneof("type")).id for e, script in elements.values()
                          if script == self.main_script_hash and e.WhichOneof("type") in WIDGET_KINDS}
        shown = {path: element for path, (element, _) in elements.items()}
        if status == "FINISHED_SUCCESSFULLY":
            self._mount(shown)
            self._fetch_downloads(shown)
        if error is None:
            error = _shown_error(shown)
        return Rerun(action, self.page, ms, messages, deltas, hits, status, shown, error, dict(self._kinds))

    def _fetch_downloads(self, shown: dict[tuple[int, ...], Element]) -> None:
        """The frontend fetches a download button's file (/media/...) as the button is drawn; once per
        address in a tab (the address names the content)."""
        for element in shown.values():
            if element.WhichOneof("type") == "download_button" and element.download_button.url:
                url = element.download_button.url
                if url not in self._fetched:
                    self._fetched.add(url)
                    self._http(url if url.startswith("/") else f"/{url}")

    def _cached(self, ref: ForwardMsg) -> ForwardMsg:
        entry = self._cache.get(ref.ref_hash)
        if entry is None:  # the frontend throws here too ("Cached ForwardMsg MISS")
            raise ReaderError(f"the server referred to a message the reader never had: {ref.ref_hash}")
        entry[1] = self._run_count
        msg = ForwardMsg()
        msg.ParseFromString(entry[0])
        msg.metadata.CopyFrom(ref.metadata)
        return msg

    def _age_cache(self) -> None:
        """After a finished run, as the frontend's ForwardMsgCache.incrementRunCount."""
        self._run_count += 1
        for key in [k for k, (_, used) in self._cache.items() if self._run_count - used > self._max_age]:
            del self._cache[key]

    def _http(self, path: str):
        with urllib.request.urlopen(self.base_url + path, timeout=self.timeout) as answer:
            answer.read()
            return answer.headers


def _cookie(headers, name: str) -> str | None:
    for header in headers.get_all("Set-Cookie") or ():
        jar = http.cookies.SimpleCookie()
        jar.load(header)
        if name in jar:
            return jar[name].value
    return None


def _shown_error(elements: dict[tuple[int, ...], Element]) -> str | None:
    """An exception box, or an error alert, anywhere on the page: the reader sees a broken page."""
    for path in sorted(elements):
        element = elements[path]
        kind = element.WhichOneof("type")
        if kind == "exception":
            return f"exception shown: {element.exception.type}: {element.exception.message}"
        if kind == "alert" and element.alert.format == element.alert.ERROR:
            return f"error shown: {element.alert.body[:200]}"
    return None
