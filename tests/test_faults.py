"""Fault injection: every live source in the registry against a loopback server that misbehaves on purpose.

For each source in `registry.SOURCES` and each fault (slow answer, 500, 503, connection reset, truncated
body, wrong content type, captcha page, changed page, wrong data shape, empty body, empty result,
oversized body, 429 with Retry-After), `python -m collectors update` (in process: `cli.main`) runs that
source together with a healthy one, and we check that:

- the failing source gets a clear error naming it and the problem;
- the healthy source(s) still update;
- the failing source's rows on disk are exactly what they were (every field of every row, and its
  export records in data/sources.json);
- the exit code is non-zero.

How to reach a source: ADAPTERS says which module constants (or functions) to point at the fault
server, what kind of data the source expects and what a valid answer is. A source without an entry
gets the generic adapter: its module-level URL constants (and URL defaults of `fetch`) are rewritten,
and its snapshot files (SNAPSHOT_FILES, or SNAPSHOT_GLOBS below) give the valid answer. The test
checks that the server really was asked, so a source the adapter cannot reach fails loudly instead
of passing on a connection error.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import socket
import struct
import subprocess
import sys
import textwrap
import threading
import types
from collections.abc import Callable
from datetime import UTC, datetime
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from app import data
from collectors import __main__ as cli
from collectors import http, link, registry, responses, runner, schema
from collectors.errors import CollectorError
from collectors.http import make_session
from collectors.raw import RawExport
from collectors.runner import IngestResult
from collectors.sources import hhs_ocr
from collectors.store import Store
from tests.support.fake_clock import FakeClock
from tests.support.fake_hhs_portal import PATH as PORTAL_PATH
from tests.support.fake_hhs_portal import FakePortal
from tests.support.hhs_csv import export, row
from tests.support.local_server import reply as _reply
from tests.support.snapshots import SNAPSHOTS

REPO = Path(__file__).resolve().parent.parent
SLOW_SECONDS = 3.0  # how long a "slow" server sits on a request (bounded: it stops when the test ends)
READ_TIMEOUT = 0.5
SIZE_CAP = 200_000  # MAX_RESPONSE_BYTES during these tests

# fault -> words of which the error message must hold at least one (lower case)
FAULTS: dict[str, tuple[str, ...]] = {
    "slow": ("timed out", "timeout"),
    "http_500": ("500",),
    "http_503": ("503",),
    "reset": ("reset", "aborted", "connection"),
    "truncated": ("incompleteread", "connection broken", "truncated", "incomplete"),
    "wrong_content_type": ("content-type", "image/png", "not csv", "does not look like"),
    "captcha": ("captcha", "request rejected", "attention required", "cf-challenge", "html"),
    "changed_structure": ("layout", "not found", "unexpected", "column", "expected", "not an rss", "missing"),
    "wrong_shape": ("column", "expected", "header", "unexpected", "missing", "fields", "rss", "shape"),
    "empty_body": ("empty",),
    "empty_result": ("no rows", "no items", "empty", "nothing", "no incident", "no record"),
    "oversized": ("larger than",),
    "too_many_requests": ("429",),
}
# Faults during which a real source (HHS, against a healthy fake portal) also updates beside the failing one:
# those where one source's trouble could plausibly reach another (stalls, broken connections, throttling).
# The light control source runs beside every fault.
REAL_PARTNER_FAULTS = ("slow", "reset", "truncated", "oversized", "too_many_requests")
KIND_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json", "xml": "application/rss+xml"}
# Known weaknesses, reported to the lead, in code this suite does not own (strict: a fix makes them fail).
KNOWN_ISSUES: dict[tuple[str, str], str] = {}
# A body of the right kind whose structure no source expects.
CHANGED = {
    "csv": b"id,title,when\n1,Something else entirely,2024-01-01\n",
    "json": b'{"version": 3, "data": {"entries": [{"id": 1, "label": "something else"}]}}',
    "xml": b'<?xml version="1.0" encoding="UTF-8"?>\n<dataset><record id="1"><label>something else</label>'
           b"</record></dataset>\n",
}
CAPTCHA_PAGE = (b"<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>"
                b"<div class='cf-challenge'><h1>Please complete the security check (captcha)</h1></div>"
                b"</body></html>")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
# Snapshot files per source when the module has no SNAPSHOT_FILES of its own (test fixtures, never published).
SNAPSHOT_GLOBS = {
    "news_feeds": ("rss-feeds/*.xml",),
    "ransomware_live": ("ransomware-live/pro_victims_recent_*.json", "ransomware-live/*.json"),
}


# --- the fault server ------------------------------------------------------------------------------------

@dataclasses.dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class FaultServer:
    """Answers "data requests" with `fault`; proxies everything else to `upstream` (or 404s it).

    /robots.txt is always 404 (allowed); /control/... is the healthy control source's export.
    """

    def __init__(self, fault: str | None, kind: str, valid: bytes | None, *, upstream: str | None = None,
                 is_data_request: Callable[[str, str, dict], bool] = lambda method, path, headers: True,
                 control: bytes = b""):
        self.fault, self.kind, self.valid, self.upstream = fault, kind, valid, upstream
        self.is_data_request, self.control = is_data_request, control
        self.seen: list[Seen] = []
        self.closing = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server.handle(self, "GET")

            def do_POST(self):
                server.handle(self, "POST")

            def log_message(self, *args):
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def source_requests(self) -> list[Seen]:
        return [s for s in self.seen if s.path != "/robots.txt" and not s.path.startswith("/control/")]

    def __enter__(self) -> FaultServer:
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        headers = dict(h.headers.items())
        self.seen.append(Seen(method, h.path, headers))
        try:
            if h.path == "/robots.txt":
                return _reply(h, 404, "text/plain", b"no robots.txt here")
            if h.path.startswith("/control/"):
                return _reply(h, 200, "text/csv", self.control)
            if self.fault and self.is_data_request(method, h.path, headers):
                return self.misbehave(h)
            if self.upstream:
                return self.forward(h, method, body, headers)
            if self.valid is None:
                return _reply(h, 404, "text/plain", b"no valid answer configured")
            return _reply(h, 200, KIND_TYPES[self.kind], self.valid)
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True

    def forward(self, h, method: str, body: bytes, headers: dict) -> None:
        parts = urlsplit(self.upstream)
        conn = HTTPConnection(parts.hostname, parts.port, timeout=10)
        keep = {k: v for k, v in headers.items() if k.lower() not in ("host", "connection", "content-length")}
        conn.request(method, h.path, body=body or None, headers=keep)
        answer = conn.getresponse()
        content = answer.read()
        h.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server"):
                h.send_header(name, value)
        h.send_header("Content-Length", str(len(content)))
        h.end_headers()
        h.wfile.write(content)
        conn.close()

    def misbehave(self, h) -> None:
        fault, kind = self.fault, self.kind
        if fault == "slow":
            self.closing.wait(SLOW_SECONDS)
            h.close_connection = True
            return None
        if fault == "http_500":
            return _reply(h, 500, "text/html", b"<html><body><h1>500 Internal Server Error</h1></body></html>")
        if fault == "http_503":
            return _reply(h, 503, "text/html", b"<html><body><h1>503 Service Unavailable</h1></body></html>")
        if fault == "too_many_requests":
            return _reply(h, 429, "text/plain", b"Too Many Requests", extra={"Retry-After": "1"})
        if fault == "reset":
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            for stream in (h.rfile, h.wfile, h.connection):
                stream.close()  # the last reference closes the socket: with SO_LINGER 0, a TCP RST
            h.close_connection = True
            return None
        if fault == "truncated":
            content = (self.valid or CHANGED[kind] * 50)[: SIZE_CAP // 4]  # under the cap: cut, not refused
            h.send_response(200)
            h.send_header("Content-Type", KIND_TYPES[kind])
            h.send_header("Content-Length", str(len(content) + 4096))
            h.end_headers()
            h.wfile.write(content[: len(content) // 2])
            h.wfile.flush()
            h.close_connection = True
            return None
        if fault == "wrong_content_type":
            return _reply(h, 200, "image/png", PNG)
        if fault == "captcha":
            return _reply(h, 200, "text/html; charset=UTF-8", CAPTCHA_PAGE)
        if fault in ("changed_structure", "wrong_shape"):
            return _reply(h, 200, KIND_TYPES[kind], CHANGED[kind])
        if fault == "empty_body":
            return _reply(h, 200, KIND_TYPES[kind], b"")
        if fault == "empty_result":
            return _reply(h, 200, KIND_TYPES[kind], empty_like(self.valid, kind))
        if fault == "oversized":  # chunked, no Content-Length: refused while reading
            h.send_response(200)
            h.send_header("Content-Type", KIND_TYPES[kind])
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            line = (self.valid or CHANGED[kind]).splitlines(keepends=True)[0][:200] or b"x\n"
            chunk = line * (16384 // len(line) + 1)
            for _ in range(SIZE_CAP * 3 // len(chunk) + 1):  # bounded: three times the cap
                if self.closing.is_set():
                    return None
                h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            h.wfile.write(b"0\r\n\r\n")
            return None
        raise AssertionError(f"unknown fault {fault}")


def empty_like(valid: bytes, kind: str) -> bytes:
    """The same document with no records: a CSV header alone, empty JSON lists, a feed without items."""
    if kind == "csv":
        return valid.splitlines(keepends=True)[0]
    if kind == "json":
        document = json.loads(valid)
        if isinstance(document, list):
            return b"[]"
        return json.dumps({k: [] if isinstance(v, list) else v for k, v in document.items()}).encode()
    return re.sub(rb"<(item|entry)\b.*?</\1>\s*", b"", valid, flags=re.S)


# --- how to reach each source ----------------------------------------------------------------------------

@dataclasses.dataclass
class Adapter:
    kind: str
    # (monkeypatch, module, server) -> None: point the module at the server
    point: Callable
    # the valid answer to a data request (None: no snapshot, faults that need one are skipped)
    valid: Callable[[], bytes | None] = lambda: None
    # which requests carry the data (the others are proxied or answered with `valid`)
    is_data_request: Callable[[str, str, dict], bool] = lambda method, path, headers: True
    # faults injected by a FakePortal mode instead of the fault server (HHS)
    portal_modes: dict[str, str] = dataclasses.field(default_factory=dict)
    uses_portal: bool = False


def local(server: FaultServer, url: str) -> str:
    """`https://host/path?q` -> `http://127.0.0.1:port/host/path?q`."""
    parts = urlsplit(url)
    return f"{server.base}/{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")


def point_urls(monkeypatch, module, server: FaultServer) -> None:
    """Rewrite the module's URL constants, and URL defaults of its fetch(), to the fault server."""
    def is_url(value) -> bool:
        return isinstance(value, str) and value.startswith(("http://", "https://"))

    for name, value in list(vars(module).items()):
        if not name.isupper() or name == "INFO":
            continue
        if is_url(value):
            monkeypatch.setattr(module, name, local(server, value))
        elif isinstance(value, (tuple, list)) and value and all(is_url(v) for v in value):
            monkeypatch.setattr(module, name, type(value)(local(server, v) for v in value))
        elif isinstance(value, dict) and value and all(is_url(v) for v in value.values()):
            monkeypatch.setattr(module, name, {k: local(server, v) for k, v in value.items()})
    fetch = module.fetch
    if fetch.__defaults__:
        monkeypatch.setattr(fetch, "__defaults__",
                            tuple(local(server, d) if is_url(d) else d for d in fetch.__defaults__))
    if fetch.__kwdefaults__:
        monkeypatch.setattr(fetch, "__kwdefaults__",
                            {k: local(server, d) if is_url(d) else d for k, d in fetch.__kwdefaults__.items()})


def point_feeds(monkeypatch, module, server: FaultServer) -> None:
    """news_feeds reads its feed list from data/feeds.csv: the same feeds, at the fault server."""
    feeds = [dataclasses.replace(f, url=local(server, f.url)) for f in module.load_feeds()]
    monkeypatch.setattr(module, "load_feeds", lambda *args, **kwargs: feeds)


def snapshot_body(name: str) -> Callable[[], bytes | None]:
    def read() -> bytes | None:
        module = registry.SOURCES[name]
        patterns = tuple(getattr(module, "SNAPSHOT_FILES", ())) or SNAPSHOT_GLOBS.get(name, ())
        files = sorted(p for pattern in patterns for p in SNAPSHOTS.glob(pattern))
        return files[0].read_bytes() if files else None
    return read


def guess_kind(name: str) -> str:
    module = registry.SOURCES[name]
    patterns = tuple(getattr(module, "SNAPSHOT_FILES", ())) or SNAPSHOT_GLOBS.get(name, ())
    for pattern in patterns:
        for kind in ("csv", "json", "xml"):
            if pattern.endswith(f".{kind}"):
                return kind
    return "json"


def _hhs_point(monkeypatch, module, server) -> None:
    monkeypatch.setattr(module, "PORTAL_URL", server.base + PORTAL_PATH)


ADAPTERS: dict[str, Adapter] = {
    "hhs_ocr": Adapter(
        kind="csv", point=_hhs_point, uses_portal=True,
        # The export post-backs carry the CSV; the page GET and the AJAX tab change go to the fake portal.
        is_data_request=lambda method, path, headers: method == "POST" and "Faces-Request" not in headers,
        portal_modes={"slow": "slow", "http_500": "server_error", "captcha": "captcha",
                      "truncated": "truncated", "changed_structure": "no_export_link"},
    ),
    "eurepoc": Adapter(kind="csv", point=point_urls, valid=snapshot_body("eurepoc")),
    "news_feeds": Adapter(kind="xml", point=point_feeds, valid=snapshot_body("news_feeds")),
}


def adapter_for(name: str) -> Adapter:
    return ADAPTERS.get(name) or Adapter(kind=guess_kind(name), point=point_urls, valid=snapshot_body(name))


# --- the healthy control source and the seeded rows --------------------------------------------------------

CONTROL_ROWS = [row(name=f"Control Clinic {c}", state="VT", description="x", date=f"01/0{i + 2}/2024")
                for i, c in enumerate("ABC")]


def control_module(server: FaultServer) -> types.ModuleType:
    """A minimal healthy source: one GET of an HHS-shaped CSV, parsed by the HHS parser, relabelled."""
    module = types.ModuleType("control")
    module.SOURCE = "control"
    module.INFO = {"name": "control", "title": "healthy control source", "url": f"{server.base}/control/x.csv"}

    def fetch(session):
        with session.get(module.INFO["url"], stream=True) as response:
            response.raise_for_status()
            body = responses.read_capped(response, "control")
        return [RawExport("control", body, module.INFO["url"], "archive", datetime.now(UTC))]

    def parse(raw, *, list_kind=None, as_of=None):
        rows = hhs_ocr.parse(raw, list_kind="archive", as_of=as_of)  # its own rows: the runner finishes them
        return rows.assign(record_id=rows["record_id"].str.replace("hhs_ocr:", "control:", regex=False))

    module.fetch, module.parse = fetch, parse
    # The optional parts of the Source contract (collectors/registry.py), none of them used.
    module.LISTS, module.FETCH, module.NETWORK, module.MATCH_ON_CONTENT = ("archive",), True, True, False
    module.SNAPSHOT_FILES, module.REPOSITORY_FILES, module.measure_coverage, module.removed_reports = (), (), None, None
    return module


def seeded_rows(source: str) -> pd.DataFrame:
    """Two rows of `source` already on disk before the update (far from anything else: no linking)."""
    rows = []
    for i in range(2):
        record = {name: None for name in schema.COLUMN_NAMES}
        record_id = f"{source}:5eed{i:08x}"
        record.update(
            record_id=record_id, incident_id=link.own_incident_id(record_id), source=source,
            organization=f"Seeded organisation {i} of {source}", organization_type="healthcare_provider",
            country="NZ", region="Oceania", subregion="Australia and New Zealand", attack_type="ransomware",
            reported_date=pd.Timestamp(f"2019-0{i + 1}-15"), individuals_affected=1000 + i,
            is_placeholder_count=False, is_removed_by_source=False, status="reported", source_list="seed",
            source_url="https://example.org/seed", source_snapshot="5eed5eed5eed",
            first_seen_at=pd.Timestamp("2019-03-01"), collected_at=pd.Timestamp("2019-03-01"),
        )
        rows.append(record)
    frame = pd.DataFrame(rows)
    for name, dtype in schema.DTYPES.items():
        if dtype == "bool":
            frame[name] = frame[name].fillna(False)
    return schema.coerce(frame)


def seed(store: Store, source: str) -> None:
    exports = [{"source": source, "snapshot_id": "5eed5eed5eed", "sha256": "5eed" * 16, "list_kind": "seed",
                "as_of": "2019-03-01", "rows": 2, "origin": "seeded by test_faults"}]
    with store.locked():
        store.write(seeded_rows(source), {"exports": exports, "runs": {}})


def rows_of(store: Store, source: str) -> list[list[str]]:
    """The exact text of every field of `source`'s rows in data/incidents.csv, in file order."""
    table = list(csv.reader(io.StringIO(store.incidents_path.read_text(encoding="utf-8"))))
    at = table[0].index("source")
    return [r for r in table[1:] if r[at] == source]


def exports_of(store: Store, source: str) -> list[dict]:
    return [e for e in store.read_sources()["exports"] if e["source"] == source]


# --- the matrix ---------------------------------------------------------------------------------------------

@pytest.fixture
def fast_sessions(monkeypatch) -> FakeClock:
    """Every session of this test: one retry, no backoff, short read timeout, the full policy on loopback, and
    a fake clock (Retry-After and rate-limit waits are recorded, not made)."""
    def factory():
        return make_session(retries=1, backoff=0, timeout=(2, READ_TIMEOUT), polite_to_loopback=True,
                            min_interval=0)

    clock = FakeClock()
    monkeypatch.setattr(runner, "make_session", factory)
    monkeypatch.setattr(responses, "MAX_RESPONSE_BYTES", SIZE_CAP)
    monkeypatch.setattr(http, "clock", clock)
    return clock


# Sources that fetch over HTTP (the curated list reads a committed file; CISSM has no download).
NETWORK_SOURCES = [n for n, m in registry.SOURCES.items()
                   if getattr(m, "NETWORK", True) and getattr(m, "FETCH", True)]


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("source", NETWORK_SOURCES)
def test_a_fault_fails_only_its_source(source, fault, tmp_path, monkeypatch, fast_sessions, capsys):
    if (source, fault) in KNOWN_ISSUES:
        pytest.xfail(KNOWN_ISSUES[source, fault])
    adapter = adapter_for(source)
    valid = adapter.valid()
    if fault in ("empty_result",) and valid is None and not adapter.uses_portal:
        pytest.skip(f"no snapshot of {source} to derive an empty result from (see tests/support/snapshots.py)")
    module = registry.SOURCES[source]
    store = Store(tmp_path / "data")
    seed(store, source)
    before_rows, before_exports = rows_of(store, source), exports_of(store, source)
    assert len(before_rows) == 2

    with FakePortal("normal") as healthy_portal, \
            FakePortal(adapter.portal_modes.get(fault, "normal"), slow_seconds=SLOW_SECONDS) as portal:
        if adapter.uses_portal:  # the HHS portal: a FakePortal mode, or the fault server in front of a normal one
            valid = valid or portal.under_csv
        server = FaultServer(None if fault in adapter.portal_modes else fault, adapter.kind, valid,
                             upstream=portal.url if adapter.uses_portal else None,
                             is_data_request=adapter.is_data_request, control=export(*CONTROL_ROWS))
        with server:
            adapter.point(monkeypatch, module, server)
            if fault in adapter.portal_modes:
                monkeypatch.setattr(module, "PORTAL_URL", portal.url)
            monkeypatch.setitem(registry.SOURCES, "control", control_module(server))
            names = [source, "control"]
            if source != "hhs_ocr" and fault in REAL_PARTNER_FAULTS:  # a real source updates beside the failing one
                monkeypatch.setattr(hhs_ocr, "PORTAL_URL", healthy_portal.url)
                names.append("hhs_ocr")
            seen = {}
            real_update = runner.update
            monkeypatch.setattr(runner, "update", lambda *a, **k: seen.setdefault("results", real_update(*a, **k)))
            argv = ["--data-dir", str(store.data_dir), "update"] + [x for n in names for x in ("--source", n)]
            code = cli.main(argv)
        asked = server.source_requests() or portal.received
    err = capsys.readouterr().err
    results = seen["results"]

    # The source really was asked (so the error is the fault's, not an unreachable real host's).
    assert asked, f"{source} never reached the fault server: is its adapter pointing at the right constants?"
    # A clear error naming the source and the problem.
    error = results[source]
    assert isinstance(error, CollectorError), f"{source} did not fail on {fault}: {error}"
    assert error.source == source
    message = error.message.lower()
    assert any(word in message for word in FAULTS[fault]), f"{source}/{fault}: unclear error: {error.message}"
    assert "a bug in this collector" not in message, f"{source}/{fault}: an unexpected exception: {error.message}"
    assert f"FAILED [{source}]" in err
    # The others still update.
    for other in names[1:]:
        assert isinstance(results[other], IngestResult), f"{other} failed beside {source}: {results[other]}"
        assert results[other].added > 0
    # The failing source's rows and export records are exactly as they were; the failure is recorded.
    assert rows_of(store, source) == before_rows
    assert exports_of(store, source) == before_exports
    runs = store.read_sources()["runs"]
    assert runs[source]["last_error"]["message"] == error.message and "last_success" not in runs[source]
    assert "last_success" in runs["control"]
    # A non-zero exit code, and no stall: the policy waited (Retry-After, backoff) a few seconds at most.
    assert code == 1
    assert sum(fast_sessions.waits) < 20, f"{source}/{fault} waited {fast_sessions.waits}"
    if fault == "too_many_requests":
        assert 1.0 in fast_sessions.waits, f"{source}: the 429's Retry-After of 1 s was not honoured"


def test_every_registered_source_has_a_way_in():
    """A new source gets the generic adapter; this says which ones rely on it (they may need an entry)."""
    for name in NETWORK_SOURCES:
        module = registry.SOURCES[name]
        adapter = adapter_for(name)
        assert adapter.kind in KIND_TYPES
        assert callable(getattr(module, "fetch", None)) and callable(getattr(module, "parse", None)), name


def test_python_m_collectors_update_exits_non_zero_when_a_source_fails(tmp_path):
    """The real command in a child process: a 500 from the portal -> exit 1; a healthy portal -> exit 0."""
    def run(portal_url: str) -> subprocess.CompletedProcess:
        hook = tmp_path / "hook"
        hook.mkdir(exist_ok=True)
        (hook / "sitecustomize.py").write_text(textwrap.dedent(f"""
            import functools
            from collectors import http, runner
            from collectors.sources import hhs_ocr
            hhs_ocr.PORTAL_URL = {portal_url!r}
            runner.make_session = functools.partial(http.make_session, retries=0, backoff=0)
        """))
        # No bytecode cache: a second hook of the same size written in the same second would be read from
        # the first one's stale .pyc (and point at the closed portal).
        env = {"PYTHONPATH": f"{hook}:{REPO}", "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
        return subprocess.run([sys.executable, "-m", "collectors", "--data-dir", str(tmp_path / "data"), "update",
                               "--source", "hhs_ocr"], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)

    with FakePortal("server_error") as broken:
        failed = run(broken.url)
    assert failed.returncode == 1 and "FAILED [hhs_ocr]" in failed.stderr and "HTTP 500" in failed.stderr
    with FakePortal("normal") as healthy:
        done = run(healthy.url)
    assert done.returncode == 0, done.stderr
    assert "added" in done.stdout


# --- source health: what a failure and old data look like afterwards -------------------------------------

def test_health_states():
    from collectors import health
    from collectors.coverage import SourceCoverage

    today = pd.Timestamp("2026-03-10")
    fresh = SourceCoverage("hhs_ocr", pd.Timestamp("2026-03-07"), None, 2)
    old = SourceCoverage("eurepoc", pd.Timestamp("2023-10-01"), None, 1)
    runs = {"hhs_ocr": {"last_success": "2026-03-07T06:00:00+00:00",
                        "last_error": {"at": "2026-03-09T06:00:00+00:00", "message": "HTTP 503 from ..."}}}
    checks = {h.source: h for h in health.assess([fresh, old], rows={"hhs_ocr": 5}, runs=runs,
                                                 sources=["hhs_ocr", "eurepoc", "news_feeds"], today=today)}
    assert (checks["hhs_ocr"].age_days, checks["hhs_ocr"].is_stale, checks["hhs_ocr"].is_failing) == (3, False, True)
    assert checks["hhs_ocr"].state == "last update failed"
    assert checks["eurepoc"].is_stale and checks["eurepoc"].state == "stale" and checks["eurepoc"].rows == 0
    assert checks["news_feeds"].state == "no data" and checks["news_feeds"].data_as_of is None
    assert [h.source for h in health.stale_sources([fresh, old], today=today)] == ["eurepoc"]
    # A later success clears the failure.
    runs["hhs_ocr"]["last_success"] = "2026-03-10T06:00:00+00:00"
    assert not health.assess([fresh], runs=runs, today=today)[0].is_failing


def test_a_source_module_can_declare_its_refresh_interval(monkeypatch):
    from collectors import health

    assert health.refresh_days("hhs_ocr") == 7
    monkeypatch.setattr(hhs_ocr, "REFRESH_DAYS", 1, raising=False)
    assert health.refresh_days("hhs_ocr") == 1
    assert health.refresh_days("not_registered") == health.DEFAULT_REFRESH_DAYS


def test_status_shows_health_after_a_failed_update(tmp_path, monkeypatch, capsys, fast_sessions):
    store = Store(tmp_path / "data")
    runner.ingest(store, "hhs_ocr", [RawExport("hhs_ocr", export(row(description="x")), "old.csv")],
                  progress=lambda _: None)
    with FakePortal("server_error") as portal:
        monkeypatch.setattr(hhs_ocr, "PORTAL_URL", portal.url)
        assert cli.main(["--data-dir", str(store.data_dir), "update", "--source", "hhs_ocr"]) == 1
    capsys.readouterr()
    assert cli.main(["--data-dir", str(store.data_dir), "status"]) == 0
    out = capsys.readouterr().out
    assert "data as of         2024-03-04" in out and "last live success  never" in out  # the lines kept
    assert "health             stale, last update failed  (STALE: data " in out
    assert "expected every 7 days)" in out
    assert "failing since" in out and "HTTP 500" in out
    for name in registry.SOURCES:  # every registered source is listed, with or without data
        assert out.count(f"{name}  (") == 1


def test_the_committed_snapshot_data_is_reported_stale():
    """The committed dataset comes from months-old snapshots: `status` says so rather than looking healthy."""
    if not (REPO / "data" / "incidents.csv").exists():
        pytest.skip("data/incidents.csv is not built")
    from collectors import health

    checks = {h.source: h for h in health.source_health(Store(REPO / "data"))}
    assert checks["hhs_ocr"].is_stale and checks["hhs_ocr"].age_days > 7


@pytest.mark.parametrize(("page", "lang", "words"), [
    ("overview", "en", ("US Department of Health and Human Services", "days ago", "every 7 days")),
    ("about", "fr", ("Ministère américain de la Santé", "il y a", "tous les 7 jours")),
])
def test_the_dashboard_flags_a_stale_source(tmp_path, monkeypatch, page, lang, words):
    from streamlit.testing.v1 import AppTest

    from tests.support.frames import dashboard as dashboard_frames

    data_dir = dashboard_frames.write_data_dir(tmp_path / "data")  # HHS data as of 2024-03-10: stale today
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_dir))
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=30)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(f"app/views/{page}.py").run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    stale = [w for w in warnings if all(word in w for word in words)]
    assert len(stale) == 1, warnings
    days = (pd.Timestamp.now(tz="UTC").tz_localize(None).normalize() - dashboard_frames.AS_OF).days
    assert f"{days:,}".replace(",", "\u202f" if lang == "fr" else ",") in stale[0]
