"""Reading an answer's body safely, and checking that it is data.

A size cap (refused up front from Content-Length, and while reading) and a total read deadline, so a
trickling or endless body cannot hold a run; and a check that the body is the kind of data a source
expects, not what servers send instead (a block page, a captcha, an empty body, another Content-Type).
collectors/http.py applies the cap to every request of a session and uses both in `download()`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator

import requests
from urllib3.exceptions import DecodeError, ProtocolError, ReadTimeoutError
from urllib3.exceptions import SSLError as Urllib3SSLError

from collectors.errors import FetchError

# Exports larger than this are refused: the whole HHS archive is about 5 MB.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# A body still arriving after this many seconds is abandoned (a trickling server defeats read timeouts).
MAX_READ_SECONDS = 300.0


class PolicyError(FetchError, requests.RequestException):
    """A request our fetch policy refuses (collectors/http.py). Also a requests exception, so that code which
    turns `requests.RequestException` into its own FetchError reports it like any failed request."""


class ResponseTooLarge(PolicyError):
    """The answer is larger than the size cap (by Content-Length, or while reading)."""


class ReadTooSlow(PolicyError):
    """The body did not arrive within the read deadline."""


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
