"""One HTTP session policy for every live source.

Every collector gets its session here so that the same rules hold everywhere, and
so tests can point it at a local server:

- an identifying User-Agent, and default (connect, read) timeouts;
- retries with exponential backoff on connection errors and 429/5xx answers, honouring
  Retry-After up to MAX_RETRY_AFTER seconds (a server asking for longer gets no retry:
  the source reports the 429/503 instead of stalling the run);
- robots.txt: fetched once per host with the same session and obeyed; a disallowed URL
  is never requested (DisallowedByRobots, a FetchError and a requests exception);
- a minimum interval between two requests to the same host (and a robots.txt
  Crawl-delay, when longer);
- a size cap (refused up front from Content-Length, and while reading) and a total
  read deadline, so a trickling or endless body cannot hold a run.
- a host name that does not resolve fails at once and is asked once per session (no retries,
  no rate-limit wait): with no network an update ends in seconds, not minutes.

Robots.txt and the rate limit do not apply to loopback hosts (our own test servers and
local mirrors) unless `polite_to_loopback=True`.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from urllib import robotparser
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    DecodeError,
    MaxRetryError,
    NameResolutionError,
    ProtocolError,
    ReadTimeoutError,
    ResponseError,
)
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.util.retry import Retry

from collectors.errors import FetchError

USER_AGENT = (
    "healthcare-cyberattack-observatory/0.1 "
    "(open-source research dataset; one request per list per day)"
)
# (connect, read) seconds: the HHS portal builds its CSV export on the fly and can take a while.
DEFAULT_TIMEOUT = (10, 120)
# Exports larger than this are refused: the whole HHS archive is about 5 MB.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# A body still arriving after this many seconds is abandoned (a trickling server defeats read timeouts).
MAX_READ_SECONDS = 300.0
# The longest Retry-After we wait for; a server asking for more gets no retry.
MAX_RETRY_AFTER = 120.0
# Minimum seconds between two requests to the same host; HOST_MIN_INTERVAL overrides it per host.
DEFAULT_MIN_INTERVAL = 1.0
HOST_MIN_INTERVAL: dict[str, float] = {
    # ransomware.live documents 1 request per minute per endpoint for its free API.
    "api.ransomware.live": 60.0,
}
# The longest robots.txt Crawl-delay we obey; a longer one is treated as this.
MAX_CRAWL_DELAY = 60.0
ROBOTS_TIMEOUT = (10, 30)
MAX_ROBOTS_BYTES = 512 * 1024
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
STATUS_FORCELIST = (429, 500, 502, 503, 504)


class PolicyError(FetchError, requests.RequestException):
    """A request our policy refuses. Also a requests exception, so that sources which turn
    `requests.RequestException` into their own FetchError report it like any failed request."""


# Words every "host does not resolve" error holds, so the CLI can tell a network that is down from other failures.
UNRESOLVABLE = "does not resolve"


class HostUnresolvable(PolicyError):
    """The host name does not resolve: no network, or a wrong name. Not retried and not waited for: the
    source fails at once (an update with no network used to take minutes of retries and rate-limit waits)."""


class DisallowedByRobots(PolicyError):
    """The host's robots.txt disallows the URL for our User-Agent; it was not requested."""


class ResponseTooLarge(PolicyError):
    """The answer is larger than the size cap (by Content-Length, or while reading)."""


class ReadTooSlow(PolicyError):
    """The body did not arrive within the read deadline."""


class PoliteRetry(Retry):
    """urllib3's Retry, honouring Retry-After only up to `max_retry_after` seconds.

    A longer Retry-After ends the retries at once: the caller gets the 429/503 answer and
    reports it, rather than a hostile or overloaded server holding the run for hours.
    """

    def __init__(self, *args, max_retry_after: float = MAX_RETRY_AFTER, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_retry_after = max_retry_after

    def new(self, **kw) -> PoliteRetry:
        new = super().new(**kw)
        new.max_retry_after = self.max_retry_after
        return new

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        if isinstance(error, NameResolutionError):  # a name that does not resolve now will not in 14 s either
            raise MaxRetryError(_pool, url, error)
        if response is not None and self.respect_retry_after_header:
            asked = self.get_retry_after(response)
            if asked is not None and asked > self.max_retry_after:
                raise MaxRetryError(_pool, url, ResponseError(
                    f"Retry-After {asked:.0f} s is longer than the {self.max_retry_after:.0f} s we wait"))
        return super().increment(method, url, response, error, _pool, _stacktrace)


class _TimeoutAdapter(HTTPAdapter):
    def __init__(self, *args, timeout=DEFAULT_TIMEOUT, **kwargs):
        self.default_timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.default_timeout
        return super().send(request, **kwargs)


class PoliteSession(requests.Session):
    """A requests.Session that applies robots.txt, a per-host rate limit and the size cap to every request.

    `source` names the collector using the session in policy errors (the runner sets it).
    """

    def __init__(self, *, min_interval: float = DEFAULT_MIN_INTERVAL, host_intervals: dict[str, float] | None = None,
                 respect_robots: bool = True, polite_to_loopback: bool = False,
                 max_response_bytes: int | None = None, max_read_seconds: float | None = None):
        super().__init__()
        self.source = "http"
        self.min_interval = min_interval
        self.host_intervals = dict(HOST_MIN_INTERVAL if host_intervals is None else host_intervals)
        self.respect_robots = respect_robots
        self.polite_to_loopback = polite_to_loopback
        self.max_response_bytes = max_response_bytes
        self.max_read_seconds = max_read_seconds
        self.sleep = time.sleep  # tests may replace it to observe waits
        self.resolve = socket.getaddrinfo  # tests may replace it to play a network that is down
        self._resolved: dict[str, str | None] = {}  # host -> None (resolves) or why it does not
        self._robots: dict[str, robotparser.RobotFileParser] = {}
        self._next_slot: dict[str, float] = {}  # host -> monotonic time of its next allowed request
        self._lock = threading.Lock()

    # --- policy ----------------------------------------------------------------------------
    def _is_exempt(self, host: str) -> bool:
        return not self.polite_to_loopback and host in LOOPBACK_HOSTS

    def interval_for(self, netloc: str) -> float:
        """Seconds between two requests to `netloc`: its configured interval, or a longer Crawl-delay."""
        interval = self.host_intervals.get(urlsplit(f"//{netloc}").hostname or netloc, self.min_interval)
        robots = self._robots.get(netloc)
        delay = robots.crawl_delay(USER_AGENT) if robots is not None else None
        if delay:
            interval = max(interval, min(float(delay), MAX_CRAWL_DELAY))
        return interval

    def _wait_turn(self, netloc: str) -> None:
        """Block until `netloc` may be asked again, and book the slot after this request."""
        interval = self.interval_for(netloc)
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_slot.get(netloc, now))
            self._next_slot[netloc] = start + interval
        if start > now:
            self.sleep(start - now)

    def robots_for(self, scheme: str, netloc: str) -> robotparser.RobotFileParser:
        """The host's robots.txt, fetched once per session with this session (cached per host)."""
        with self._lock:
            cached = self._robots.get(netloc)
        if cached is not None:
            return cached
        url = f"{scheme}://{netloc}/robots.txt"
        parser = robotparser.RobotFileParser(url)
        try:
            with self.get(url, timeout=ROBOTS_TIMEOUT, stream=True) as response:
                status = response.status_code
                text = read_capped(response, self.source, MAX_ROBOTS_BYTES).decode("utf-8", errors="replace")
        except (requests.RequestException, FetchError):
            status, text = None, ""
        if status is not None and 200 <= status < 300:
            parser.parse(text.splitlines())
        elif status in (401, 403):
            # Python's robotparser convention: a protected robots.txt means "keep out".
            parser.disallow_all = True  # type: ignore[attr-defined]
        else:
            # 404 and other 4xx: no rules. 5xx or unreachable: RFC 9309 would assume "disallow all"; we
            # follow the common crawler convention (allowed): the data request then fails or not on its own.
            parser.allow_all = True  # type: ignore[attr-defined]
        parser.modified()  # can_fetch() answers False until the parser counts as "read"
        with self._lock:
            self._robots[netloc] = parser
        return parser

    def check_resolves(self, host: str, port: int | None) -> None:
        """Raise HostUnresolvable when `host` does not resolve; asked once per host and session."""
        if host not in self._resolved:
            try:
                self.resolve(host, port or 443, type=socket.SOCK_STREAM)
                self._resolved[host] = None
            except (socket.gaierror, UnicodeError) as err:
                self._resolved[host] = getattr(err, "strerror", None) or str(err)
        why = self._resolved[host]
        if why is not None:
            raise HostUnresolvable(self.source, f"{host} {UNRESOLVABLE} ({why}): the network is down or the "
                                                "name is wrong; not retried")

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        if not self._is_exempt(parts.hostname or ""):
            self.check_resolves(parts.hostname or "", parts.port)
            if self.respect_robots and parts.path != "/robots.txt":
                robots = self.robots_for(parts.scheme, parts.netloc)
                if not robots.can_fetch(USER_AGENT, request.url):
                    raise DisallowedByRobots(self.source, f"{request.url} is disallowed for our User-Agent by "
                                                          f"{parts.scheme}://{parts.netloc}/robots.txt; not requested")
            self._wait_turn(parts.netloc)
        stream = kwargs.pop("stream", False)
        response = super().send(request, stream=True, **kwargs)
        if request.method != "HEAD":
            check_length(response, self.source, self.max_response_bytes)
            if not stream:
                # What requests does for stream=False, with the size cap and the read deadline.
                response._content = read_capped(response, self.source, self.max_response_bytes,
                                                self.max_read_seconds)
                response._content_consumed = True
        return response


def make_session(retries: int = 3, backoff: float = 2.0, *, timeout=DEFAULT_TIMEOUT,
                 min_interval: float = DEFAULT_MIN_INTERVAL, host_intervals: dict[str, float] | None = None,
                 respect_robots: bool = True, polite_to_loopback: bool = False,
                 max_retry_after: float = MAX_RETRY_AFTER, max_response_bytes: int | None = None,
                 max_read_seconds: float | None = None) -> PoliteSession:
    """A session with our User-Agent, default timeouts, polite retries, robots.txt and a per-host rate limit.

    Retries cover connection errors and 429/5xx answers, waiting `backoff * 2**n` seconds between
    tries, or the Retry-After the server sends (at most `max_retry_after` seconds; longer, and the
    answer is returned without retrying). POST is retried too: the portal's export post-backs do not
    change anything on the server.
    """
    retry = PoliteRetry(
        total=retries,
        backoff_factor=backoff,
        status_forcelist=STATUS_FORCELIST,
        allowed_methods=frozenset({"GET", "POST", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
        max_retry_after=max_retry_after,
    )
    session = PoliteSession(min_interval=min_interval, host_intervals=host_intervals, respect_robots=respect_robots,
                            polite_to_loopback=polite_to_loopback, max_response_bytes=max_response_bytes,
                            max_read_seconds=max_read_seconds)
    adapter = _TimeoutAdapter(max_retries=retry, timeout=timeout)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


# --- reading bodies ------------------------------------------------------------------------------

def check_length(response: requests.Response, source: str, limit: int | None = None) -> None:
    """Refuse an answer whose Content-Length announces more than `limit` bytes, before reading it."""
    limit = limit or MAX_RESPONSE_BYTES
    announced = response.headers.get("Content-Length", "")
    if announced.strip().isdigit() and int(announced) > limit:
        response.close()
        raise ResponseTooLarge(source, f"response from {response.url} announces {int(announced):,} bytes "
                                       f"(Content-Length), more than the {limit:,} we accept; refused")


def read_capped(response: requests.Response, source: str, limit: int | None = None,
                deadline_seconds: float | None = None) -> bytes:
    """Read a streamed response body, refusing one larger than `limit` bytes or slower than the deadline.

    Defaults (MAX_RESPONSE_BYTES, MAX_READ_SECONDS) are read when called, so tests can lower them.
    """
    limit = limit or MAX_RESPONSE_BYTES
    deadline_seconds = deadline_seconds or MAX_READ_SECONDS
    check_length(response, source, limit)
    chunks, size = [], 0
    started = time.monotonic()
    for chunk in _body_chunks(response):
        size += len(chunk)
        if size > limit:
            response.close()
            raise ResponseTooLarge(source, f"response from {response.url} is larger than {limit:,} bytes; refused")
        if time.monotonic() - started > deadline_seconds:
            response.close()
            raise ReadTooSlow(source, f"response from {response.url} was still arriving after "
                                      f"{deadline_seconds:g} s ({size:,} bytes so far); abandoned")
        chunks.append(chunk)
    return b"".join(chunks)


def _body_chunks(response: requests.Response, size: int = 1 << 16) -> Iterator[bytes]:
    """The body as it arrives (read1: a trickling server yields small chunks instead of blocking a big read)."""
    raw = response.raw
    if not hasattr(raw, "read1"):  # not urllib3 (a test double): requests' own iterator
        yield from response.iter_content(chunk_size=size)
        return
    try:
        while True:
            chunk = raw.read1(size, decode_content=True)
            if not chunk:
                return
            yield chunk
    # The same translations requests makes in Response.iter_content.
    except ProtocolError as exc:
        raise requests.exceptions.ChunkedEncodingError(exc) from exc
    except DecodeError as exc:
        raise requests.exceptions.ContentDecodingError(exc) from exc
    except ReadTimeoutError as exc:
        raise requests.exceptions.ConnectionError(exc) from exc
    except Urllib3SSLError as exc:
        raise requests.exceptions.SSLError(exc) from exc


# --- content checks ------------------------------------------------------------------------------

# Pages that come instead of data when a site blocks us: WAF rejections, captchas, Cloudflare challenges.
BLOCK_MARKERS = ("request rejected", "captcha", "cf-challenge", "cf-chl", "attention required",
                 "just a moment...", "access denied", "are you a robot", "unusual traffic")
CONTENT_TYPES = {
    "csv": ("text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "text/comma-separated-values"),
    "json": ("application/json", "text/json", "text/plain", "application/javascript"),
    "xml": ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml"),
}


def expect_content(response: requests.Response, body: bytes, source: str,
                   kinds: Iterable[str] = ("csv",)) -> None:
    """Raise a FetchError unless `body` looks like data of one of `kinds` ("csv", "json", "xml").

    Catches what servers send instead of data: an HTML page (a block page, a captcha, a login or
    error page, a re-rendered form), an empty body, or a Content-Type of another kind altogether.
    A generic type (application/octet-stream, or none) is judged by the bytes alone.
    """
    kinds = tuple(kinds)
    unknown = set(kinds) - set(CONTENT_TYPES)
    if unknown or not kinds:
        raise ValueError(f"unknown content kinds {sorted(unknown)}; use {sorted(CONTENT_TYPES)}")
    url = response.url or "the response"
    want = " or ".join(k.upper() for k in kinds)
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    head = body[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    text = head.decode("utf-8", errors="replace").lower()
    if not head:
        raise FetchError(source, f"{url} answered with an empty body where {want} was expected")
    if _looks_like_html(text, content_type):
        marker = next((m for m in BLOCK_MARKERS if m in body[:65536].decode("utf-8", errors="replace").lower()), None)
        why = f"a block or captcha page ({marker!r})" if marker else "an HTML page"
        raise FetchError(source, f"{url} answered with {why} where {want} was expected")
    if content_type and content_type != "application/octet-stream" and not any(
            _type_fits(content_type, kind) for kind in kinds):
        raise FetchError(source, f"{url} answered with Content-Type {content_type!r} where {want} was expected")
    if not any(_bytes_fit(head, kind) for kind in kinds):
        raise FetchError(source, f"{url} answered with something that does not look like {want}: {head[:80]!r}")


def _looks_like_html(text: str, content_type: str) -> bool:
    """HTML by its Content-Type, or by its first element (after any XML declaration, comments, doctype)."""
    if "html" in content_type:
        return True
    rest = _PROLOG.sub("", text, count=1)
    root = re.match(r"<([a-z][\w:.-]*)", rest)
    return rest.startswith("<!doctype html") or (root is not None and root.group(1) in ("html", "head", "body"))


# Leading XML declarations, processing instructions, comments and a non-HTML doctype.
_PROLOG = re.compile(r"^(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype(?!\s+html)[^>]*>))+\s*", re.S)


def _type_fits(content_type: str, kind: str) -> bool:
    return content_type in CONTENT_TYPES[kind] or content_type.endswith(f"+{kind}")


def _bytes_fit(head: bytes, kind: str) -> bool:
    if kind == "json":
        return head[:1] in (b"{", b"[")
    if kind == "xml":
        return head[:1] == b"<"
    return head[:1] not in (b"<", b"{", b"[")  # csv: any text that is not markup or JSON
