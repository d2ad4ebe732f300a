"""One HTTP session policy for every live source.

Every collector gets its session here so that timeouts, retries and the
User-Agent are the same everywhere, and so tests can point it at a local server.
"""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

USER_AGENT = (
    "healthcare-cyberattack-observatory/0.1 "
    "(open-source research dataset; one request per list per day)"
)
# (connect, read) seconds: the HHS portal builds its CSV export on the fly and can take a while.
DEFAULT_TIMEOUT = (10, 120)
# Exports larger than this are refused: the whole HHS archive is about 5 MB.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024


class _TimeoutAdapter(HTTPAdapter):
    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = DEFAULT_TIMEOUT
        return super().send(request, **kwargs)


def make_session(retries: int = 3, backoff: float = 2.0) -> requests.Session:
    """A requests.Session with our User-Agent, default timeouts and polite retries.

    Retries cover connection errors and 429/5xx answers, waiting `backoff * 2**n`
    seconds between tries and honouring a Retry-After header. POST is retried too:
    the portal's export post-backs do not change anything on the server.
    """
    retry = Retry(
        total=retries,
        backoff_factor=backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "POST", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    adapter = _TimeoutAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


def read_capped(response: requests.Response, source: str, limit: int = MAX_RESPONSE_BYTES) -> bytes:
    """Read a streamed response body, refusing one larger than `limit` bytes."""
    from collectors.errors import FetchError

    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=1 << 16):
        size += len(chunk)
        if size > limit:
            response.close()
            raise FetchError(source, f"response from {response.url} is larger than {limit:,} bytes; refused")
        chunks.append(chunk)
    return b"".join(chunks)
