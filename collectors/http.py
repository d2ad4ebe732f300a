"""One HTTP session policy for every live source, and `download()`, the one way a source fetches a file.

- an identifying User-Agent, and default (connect, read) timeouts;
- retries with exponential backoff on connection errors and 429/5xx answers, honouring Retry-After up to
  MAX_RETRY_AFTER seconds (a server asking for longer gets no retry: the source reports the 429/503);
- robots.txt, fetched once per host with the same session and obeyed (DisallowedByRobots: never requested);
- a minimum interval between two requests to the same host (or a longer robots.txt Crawl-delay);
- a size cap and a total read deadline on every body (collectors/responses.py);
- a host name that does not resolve fails at once, asked once per session (no retries, no rate-limit wait).

Robots.txt and the rate limit do not apply to loopback hosts (our test servers, local mirrors) unless
`polite_to_loopback=True`. Every wait (rate limit, Retry-After, backoff) goes through `clock`, which tests
replace by a fake one.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable, Mapping
from urllib import robotparser
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError, NameResolutionError, ResponseError
from urllib3.util.retry import Retry

from collectors.errors import FetchError
from collectors.responses import PolicyError, check_length, expect_content, read_capped

USER_AGENT = (
    "healthcare-cyberattack-observatory/0.1 "
    "(open-source research dataset; one request per list per day)"
)
# (connect, read) seconds: the HHS portal builds its CSV export on the fly and can take a while.
DEFAULT_TIMEOUT = (10, 120)
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


class Clock:
    """The time the fetch policy waits by: monotonic seconds, and sleeping. Tests swap the module's `clock`
    for a fake that records the waits instead of making them."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


clock = Clock()  # looked up at each wait, so `monkeypatch.setattr(http, "clock", fake)` reaches every session


# Words every "host does not resolve" error holds, so the CLI can tell a network that is down from other failures.
UNRESOLVABLE = "does not resolve"


class HostUnresolvable(PolicyError):
    """The host name does not resolve: no network, or a wrong name. Not retried and not waited for: the
    source fails at once (an update with no network used to take minutes of retries and rate-limit waits)."""


class DisallowedByRobots(PolicyError):
    """The host's robots.txt disallows the URL for our User-Agent; it was not requested."""


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

    # urllib3 waits with time.sleep; ours go through the clock (Retry-After, then exponential backoff).
    def sleep_for_retry(self, response) -> bool:
        retry_after = self.get_retry_after(response)
        if retry_after:
            clock.sleep(retry_after)
            return True
        return False

    def _sleep_backoff(self) -> None:
        backoff = self.get_backoff_time()
        if backoff > 0:
            clock.sleep(backoff)


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
            now = clock.monotonic()
            start = max(now, self._next_slot.get(netloc, now))
            self._next_slot[netloc] = start + interval
        if start > now:
            clock.sleep(start - now)

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


# --- downloading ---------------------------------------------------------------------------------

def download(session: requests.Session, url: str, source: str, *, method: str = "GET",
             kinds: Iterable[str] | None = None, headers: Mapping[str, str] | None = None,
             timeout=None, status_hints: Mapping[int, str] | None = None,
             **request_args) -> tuple[requests.Response, bytes]:
    """One request, its body read under the size cap and read deadline: (response, body).

    Every way it can fail is a FetchError naming `source`, the method and the URL: an answer that is not 2xx
    (`status_hints` adds what a status means for this source, e.g. a refused API key), a timeout, a
    connection error, a policy refusal, and, when `kinds` is given ("csv", "json", "xml"), a body that is
    not that kind of data (collectors/responses.py: a block page, a captcha, an empty body ...).
    `timeout` None keeps the session's default.
    """
    try:
        with session.request(method, url, headers=dict(headers or {}), timeout=timeout, stream=True,
                             **request_args) as response:
            status = response.status_code
            if not 200 <= status < 300:
                reason = f" {response.reason}" if response.reason else ""
                hint = (status_hints or {}).get(status) or _status_hint(response)
                raise FetchError(source, f"HTTP {status}{reason} from {method} {url}{f' ({hint})' if hint else ''}")
            body = read_capped(response, source)
    except FetchError:
        raise
    except requests.RequestException as exc:
        # After retries, urllib3 reports a read timeout as a ConnectionError ("Read timed out").
        timed_out = isinstance(exc, requests.Timeout) or "timed out" in str(exc).lower()
        what = f"timed out (timeout={timeout or DEFAULT_TIMEOUT})" if timed_out else "failed"
        raise FetchError(source, f"{method} {url} {what}: {exc}") from exc
    if kinds is not None:
        expect_content(response, body, source, kinds)
    return response, body


def _status_hint(response: requests.Response) -> str | None:
    if response.status_code == 429:
        wait = response.headers.get("Retry-After")
        return f"rate limited{f'; Retry-After {wait}' if wait else ''}; try again later"
    return None
