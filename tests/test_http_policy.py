"""The fetching policy of collectors/http.py against a loopback server: Retry-After honoured (and capped),
per-host rate limit, robots.txt, timeouts, size cap (Content-Length and while reading), read deadline,
User-Agent, and the content checks every source can use (expect_content)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from collectors import http, responses
from collectors.errors import FetchError
from collectors.http import DisallowedByRobots, make_session
from collectors.responses import ReadTooSlow, ResponseTooLarge, expect_content, read_capped
from tests.support.fake_clock import FakeClock

Reply = tuple[int, dict[str, str], bytes]


@dataclass
class Hit:
    at: float  # time.monotonic() when the request arrived
    method: str
    path: str
    headers: dict[str, str]


class LocalServer:
    """A loopback HTTP server: `routes` maps a path to a reply, or to a function of (handler, n-th hit)."""

    def __init__(self, routes: dict[str, Reply | Callable] | None = None):
        self.routes = routes or {}
        self.hits: list[Hit] = []
        self.closing = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server.handle(self, "GET")

            def do_HEAD(self):
                server.handle(self, "HEAD")

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False

    def handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        path = h.path.split("?")[0]
        with self._lock:
            self.hits.append(Hit(time.monotonic(), method, h.path, dict(h.headers.items())))
            n = sum(1 for hit in self.hits if hit.path.split("?")[0] == path)
        route = self.routes.get(path, (404, {"Content-Type": "text/plain"}, b"not found"))
        try:
            if callable(route):
                route = route(h, n)
                if route is None:  # the function answered itself
                    return
            status, headers, body = route
            h.send_response(status)
            headers = {"Content-Length": str(len(body)), **headers}
            for name, value in headers.items():
                h.send_header(name, value)
            h.end_headers()
            if method != "HEAD":
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self._server.server_address[1]}{path}"

    def __enter__(self) -> LocalServer:
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.closing.set()
        self._server.shutdown()
        self._server.server_close()


CSV = (200, {"Content-Type": "text/csv"}, b"a,b\n1,2\n")


@pytest.fixture(autouse=True)
def clock(monkeypatch) -> FakeClock:
    """Rate limits, Retry-After and backoff wait on a fake clock: the waits are recorded, never made."""
    fake = FakeClock()
    monkeypatch.setattr(http, "clock", fake)
    return fake


def fast(**kwargs) -> http.PoliteSession:
    """No backoff, short timeouts; loopback is polite only when a test says so."""
    return make_session(**{"retries": 1, "backoff": 0, "timeout": (2, 2), **kwargs})


def polite(**kwargs) -> http.PoliteSession:
    """The full policy applied to our loopback server, as it would be to a remote host."""
    return fast(**{"polite_to_loopback": True, "min_interval": 0, **kwargs})


# --- retries and Retry-After ---------------------------------------------------------------------------

@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured(status, clock):
    def flaky(h, n):
        return (status, {"Retry-After": "1"}, b"busy") if n == 1 else CSV

    with LocalServer({"/data.csv": flaky}) as server:
        response = fast().get(server.url("/data.csv"))
    assert response.status_code == 200 and response.content == CSV[2]
    assert len([hit for hit in server.hits if hit.path == "/data.csv"]) == 2
    assert clock.waits == [1.0], "the retry waits the 1 s the 429/503 asked for, and nothing else"


def test_retry_after_as_an_http_date_is_honoured(clock):
    def flaky(h, n):
        return (503, {"Retry-After": formatdate(time.time() + 2, usegmt=True)}, b"") if n == 1 else CSV

    with LocalServer({"/data.csv": flaky}) as server:
        assert fast().get(server.url("/data.csv")).status_code == 200
    assert len(server.hits) == 2
    assert len(clock.waits) == 1 and 0.9 <= clock.waits[0] <= 2.0  # an HTTP date has a one-second resolution


def test_a_retry_after_longer_than_the_cap_is_not_waited_for(clock):
    always_busy = (429, {"Retry-After": "3600"}, b"come back in an hour")
    with LocalServer({"/data.csv": always_busy}) as server:
        response = fast(retries=3, max_retry_after=1).get(server.url("/data.csv"))
    assert response.status_code == 429  # handed back at once, for the source to report
    assert len(server.hits) == 1 and clock.waits == []


def test_the_default_cap_is_finite_and_applies_to_every_session():
    assert 0 < http.MAX_RETRY_AFTER <= 300
    assert make_session().adapters["https://"].max_retries.max_retry_after == http.MAX_RETRY_AFTER


def test_retries_without_retry_after_back_off_and_then_give_up(clock):
    with LocalServer({"/data.csv": (500, {}, b"oops")}) as server:
        response = fast(retries=3, backoff=2.0).get(server.url("/data.csv"))
    assert response.status_code == 500 and len(server.hits) == 4  # one try, three retries
    # urllib3's backoff: nothing after the first failure, then backoff * 2**(n - 1).
    assert clock.waits == [4.0, 8.0]


# --- rate limit ---------------------------------------------------------------------------------------

def test_requests_to_one_host_keep_the_minimum_interval(clock):
    with LocalServer({"/a": CSV, "/b": CSV}) as server:
        session = polite(min_interval=0.3, respect_robots=False)
        for path in ("/a", "/b", "/a"):
            session.get(server.url(path))
    assert server.paths() == ["/a", "/b", "/a"]
    assert clock.waits == pytest.approx([0.3, 0.3])  # the clock stands still between requests: full intervals


def test_per_host_interval_overrides_the_default_and_hosts_are_independent(clock):
    with LocalServer({"/a": CSV}) as server:
        session = polite(min_interval=0, host_intervals={"localhost": 0.4}, respect_robots=False)
        session.get(server.url("/a"))  # 127.0.0.1: no interval
        session.get(server.url("/a"))
        session.get(server.url("/a", host="localhost"))
        session.get(server.url("/a", host="localhost"))  # waits about 0.4 s
    assert clock.waits == pytest.approx([0.4])


def test_loopback_is_not_throttled_unless_asked(clock):
    with LocalServer({"/a": CSV}) as server:
        session = fast(min_interval=5)  # a remote host would wait 5 s between these
        for _ in range(3):
            session.get(server.url("/a"))
    assert clock.waits == [] and len(server.paths()) == 3
    assert "/robots.txt" not in server.paths()


def test_known_hosts_have_their_documented_interval():
    assert make_session().interval_for("api.ransomware.live") == 60.0
    assert make_session().interval_for("ocrportal.hhs.gov") == http.DEFAULT_MIN_INTERVAL


# --- robots.txt ---------------------------------------------------------------------------------------

ROBOTS = (b"User-agent: *\nDisallow: /private/\n\n"
          b"User-agent: healthcare-cyberattack-observatory\nDisallow: /not-for-us/\nDisallow: /private/\n")


def test_a_disallowed_url_is_refused_without_being_requested():
    with LocalServer({"/robots.txt": (200, {"Content-Type": "text/plain"}, ROBOTS), "/private/x.csv": CSV,
                      "/not-for-us/y.csv": CSV, "/open.csv": CSV}) as server:
        session = polite()
        session.source = "some_source"
        assert session.get(server.url("/open.csv")).status_code == 200
        for path in ("/private/x.csv", "/not-for-us/y.csv"):
            with pytest.raises(DisallowedByRobots) as caught:
                session.get(server.url(path))
            error = caught.value
            assert isinstance(error, FetchError) and isinstance(error, requests.RequestException)
            assert error.source == "some_source" and server.url(path) in error.message
            assert "robots.txt" in error.message
    assert server.paths() == ["/robots.txt", "/open.csv"]  # robots.txt once, the refused URLs never


def test_robots_txt_is_fetched_with_the_same_session_and_cached_per_host():
    with LocalServer({"/robots.txt": (200, {}, b"User-agent: *\nAllow: /\n"), "/a": CSV}) as server:
        session = polite()
        for _ in range(3):
            session.get(server.url("/a"))
        session.get(server.url("/a", host="localhost"))  # another host: its own robots.txt
    assert server.paths() == ["/robots.txt", "/a", "/a", "/a", "/robots.txt", "/a"]
    assert all(hit.headers["User-Agent"] == http.USER_AGENT for hit in server.hits)


@pytest.mark.parametrize("robots", [(404, {}, b"nope"), (500, {}, b"oops"), (410, {}, b"")])
def test_a_missing_or_broken_robots_txt_allows_everything(robots):
    with LocalServer({"/robots.txt": robots, "/a": CSV}) as server:
        assert polite().get(server.url("/a")).status_code == 200


@pytest.mark.parametrize("status", [401, 403])
def test_a_protected_robots_txt_disallows_everything(status):
    with LocalServer({"/robots.txt": (status, {}, b""), "/a": CSV}) as server:
        with pytest.raises(DisallowedByRobots):
            polite().get(server.url("/a"))
    assert server.paths() == ["/robots.txt"]


def test_an_unreachable_robots_txt_allows():
    session = polite(retries=0, timeout=(0.5, 0.5))
    with LocalServer() as server:
        url = server.url("/")
    parser = session.robots_for("http", url.split("/")[2])  # the server is closed now
    assert parser.can_fetch(http.USER_AGENT, url + "anything")


def test_a_redirect_to_a_disallowed_url_is_refused():
    routes = {"/robots.txt": (200, {}, ROBOTS), "/go": (302, {"Location": "/private/x.csv"}, b""),
              "/private/x.csv": CSV}
    with LocalServer(routes) as server:
        with pytest.raises(DisallowedByRobots):
            polite().get(server.url("/go"))
    assert "/private/x.csv" not in server.paths()


def test_crawl_delay_lengthens_the_interval(clock):
    with LocalServer({"/robots.txt": (200, {}, b"User-agent: *\nCrawl-delay: 1\n"), "/a": CSV}) as server:
        session = polite(min_interval=0.1)
        session.get(server.url("/a"))
        session.get(server.url("/a"))
    assert [hit.path for hit in server.hits].count("/a") == 2
    # robots.txt, /a the minimum interval after it, then /a again a Crawl-delay later (robotparser reads whole
    # seconds).
    assert clock.waits == pytest.approx([0.1, 1.0])


# --- timeouts, size cap, read deadline ------------------------------------------------------------------

def test_the_session_default_timeout_applies():
    def slow(h, n):
        server.closing.wait(3)
        return CSV

    with LocalServer({"/slow": slow}) as server:
        with pytest.raises(requests.ConnectionError, match=r"Read timed out. \(read timeout=0.3\)"):
            fast(retries=0, timeout=(1, 0.3)).get(server.url("/slow"))


def test_an_announced_oversized_body_is_refused_before_reading():
    def huge(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/csv")
        h.send_header("Content-Length", str(10**12))
        h.end_headers()
        h.wfile.write(b"a,b\n")
        h.wfile.flush()
        server.closing.wait(5)  # never sends the rest

    with LocalServer({"/huge": huge}) as server:
        # Refused by its announced length: the message names Content-Length, which only check_length() reads
        # before any byte of the body (a refusal while reading would say "while reading").
        with pytest.raises(ResponseTooLarge, match="announces 1,000,000,000,000 bytes"):
            fast().get(server.url("/huge"))
        with pytest.raises(ResponseTooLarge, match="Content-Length"):  # streamed, read by a source
            read_capped(fast().get(server.url("/huge"), stream=True), "some_source")


def test_an_oversized_chunked_body_is_refused_while_reading(monkeypatch):
    def endless(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/csv")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        chunk = b"x" * 8192
        for _ in range(200):  # 1.6 MB, bounded
            if server.closing.is_set():
                return
            h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        h.wfile.write(b"0\r\n\r\n")

    monkeypatch.setattr(responses, "MAX_RESPONSE_BYTES", 100_000)
    with LocalServer({"/endless": endless}) as server:
        with pytest.raises(ResponseTooLarge, match="larger than 100,000 bytes") as caught:
            fast().get(server.url("/endless"))  # not streamed: the session reads with the cap
        assert caught.value.source == "http"
        with pytest.raises(ResponseTooLarge) as caught:
            read_capped(fast().get(server.url("/endless"), stream=True), "some_source")
        assert caught.value.source == "some_source"


def test_a_trickling_body_is_abandoned_at_the_read_deadline(monkeypatch):
    def trickle(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/csv")
        h.send_header("Content-Length", "1000")
        h.end_headers()
        for _ in range(100):  # one byte every 50 ms: each read is quick, the whole would take 50 s
            if server.closing.wait(0.05):
                return
            h.wfile.write(b"x")
            h.wfile.flush()

    monkeypatch.setattr(responses, "MAX_READ_SECONDS", 0.5)
    with LocalServer({"/trickle": trickle}) as server:
        with pytest.raises(ReadTooSlow, match="still arriving after 0.5 s"):
            fast().get(server.url("/trickle"))


def test_a_truncated_body_is_an_error_not_a_short_file():
    def truncated(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/csv")
        h.send_header("Content-Length", "5000")
        h.end_headers()
        h.wfile.write(b"a,b\n" * 100)
        h.close_connection = True

    with LocalServer({"/t": truncated}) as server:
        with pytest.raises(requests.RequestException):
            read_capped(fast().get(server.url("/t"), stream=True), "some_source")
        with pytest.raises(requests.RequestException):
            fast().get(server.url("/t"))


def test_gzip_bodies_are_decoded_and_counted_decoded(monkeypatch):
    import gzip

    body = b"a,b\n" + b"1,2\n" * 50_000  # 200 kB of CSV, a few hundred bytes gzipped
    monkeypatch.setattr(responses, "MAX_RESPONSE_BYTES", 100_000)
    route = (200, {"Content-Type": "text/csv", "Content-Encoding": "gzip"}, gzip.compress(body))
    with LocalServer({"/z": route}) as server:
        with pytest.raises(ResponseTooLarge):  # a "zip bomb" is measured by what it expands to
            fast().get(server.url("/z"))
        monkeypatch.setattr(responses, "MAX_RESPONSE_BYTES", 1_000_000)
        assert fast().get(server.url("/z")).content == body


def test_head_requests_are_not_refused_for_their_length():
    with LocalServer({"/big": (200, {"Content-Length": str(10**12)}, b"")}) as server:
        assert fast().head(server.url("/big")).status_code == 200


# --- content checks -------------------------------------------------------------------------------------

def response_with(content_type: str | None, url: str = "https://example.org/data") -> requests.Response:
    response = requests.Response()
    response.url = url
    response.status_code = 200
    if content_type is not None:
        response.headers["Content-Type"] = content_type
    return response


@pytest.mark.parametrize(("content_type", "body", "kinds"), [
    ("text/csv", b"a,b\n1,2\n", ("csv",)),
    ("text/csv; charset=utf-8", b"\xef\xbb\xbf\"a\",\"b\"\n", ("csv",)),
    ("application/octet-stream", b"a,b\n", ("csv",)),
    (None, b"a,b\n", ("csv",)),
    ("application/json", b'  {"victims": []}', ("json",)),
    ("application/vnd.api+json", b"[1, 2]", ("json",)),
    ("application/rss+xml", b'<?xml version="1.0"?><rss><channel><item><description><![CDATA[<html><body>'
                            b'story</body></html>]]></description></item></channel></rss>', ("xml",)),
    ("text/xml", b"<!-- feed --><feed xmlns='http://www.w3.org/2005/Atom'></feed>", ("xml", "json")),
])
def test_expect_content_accepts_data(content_type, body, kinds):
    expect_content(response_with(content_type), body, "some_source", kinds)


@pytest.mark.parametrize(("content_type", "body", "kinds", "says"), [
    ("text/html", b"<html><head><title>Request Rejected</title></head><body>The requested URL was rejected",
     ("csv",), "block or captcha page ('request rejected')"),
    ("text/html; charset=UTF-8", b"<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title>",
     ("json",), "'attention required'"),
    (None, b"<!doctype html><html><body><div class='cf-challenge'>...</div></body></html>", ("csv",),
     "'cf-challenge'"),
    ("text/plain", b"\n\n<html><body><form id='captcha'>Are you human?</form></body></html>", ("xml",), "captcha"),
    ("application/xml", b'<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                        b'"x"><html xmlns="http://www.w3.org/1999/xhtml"><body>Error</body></html>', ("xml",),
     "an HTML page"),
    ("application/octet-stream", b"<html><body>Login</body></html>", ("csv",), "an HTML page"),
    ("text/csv", b"", ("csv",), "empty body"),
    ("text/csv", b"  \n\n ", ("csv",), "empty body"),
    ("image/png", b"\x89PNG\r\n\x1a\n", ("csv",), "Content-Type 'image/png'"),
    ("application/json", b'{"a": 1}', ("csv",), "Content-Type 'application/json'"),
    ("application/octet-stream", b"\x89PNG not json", ("json",), "does not look like JSON"),
    (None, b'{"a": 1}', ("csv",), "does not look like CSV"),
])
def test_expect_content_refuses_what_is_not_data(content_type, body, kinds, says):
    with pytest.raises(FetchError) as caught:
        expect_content(response_with(content_type), body, "some_source", kinds)
    assert caught.value.source == "some_source"
    assert says in caught.value.message and "https://example.org/data" in caught.value.message


def test_expect_content_rejects_unknown_kinds():
    with pytest.raises(ValueError):
        expect_content(response_with("text/csv"), b"a", "s", ("pdf",))


def test_make_session_keeps_its_old_interface():
    session = make_session(retries=1, backoff=0)
    assert isinstance(session, requests.Session)
    assert session.headers["User-Agent"] == http.USER_AGENT
    assert session.adapters["http://"].default_timeout == http.DEFAULT_TIMEOUT


# --- a network that is down ---------------------------------------------------------------------------

def test_a_host_that_does_not_resolve_fails_at_once_and_is_asked_once(monkeypatch, clock):
    import socket

    asked, sent = [], []

    def no_dns(host, port, **kwargs):
        asked.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", lambda *a, **k: sent.append(a) or None)
    session = make_session(retries=3, min_interval=60)  # a remote host: robots.txt and a 60 s interval apply
    session.resolve = no_dns
    for _ in range(2):
        with pytest.raises(http.HostUnresolvable, match="data.example.org does not resolve") as raised:
            session.get("https://data.example.org/export.csv")
        assert isinstance(raised.value, FetchError) and isinstance(raised.value, requests.RequestException)
    assert asked == ["data.example.org"]  # once per session
    assert sent == [] and clock.waits == []  # no request (not even robots.txt), no retry, no rate-limit wait


def test_the_update_command_says_once_that_the_network_looks_down(tmp_path, monkeypatch, capsys):
    import socket

    from collectors import __main__ as cli

    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    monkeypatch.setattr(http.socket, "getaddrinfo", no_dns)
    (tmp_path / "data").mkdir()
    assert cli.main(["--data-dir", str(tmp_path / "data"), "update", "--source", "hhs_ocr", "--source", "eurepoc"]) == 1
    err = capsys.readouterr().err
    assert "ocrportal.hhs.gov does not resolve" in err
    assert err.count("The network looks down") == 1
