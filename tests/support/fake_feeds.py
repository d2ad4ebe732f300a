"""A local HTTP server that serves news feeds, and misbehaves on purpose, for tests of fetchers.

Each path answers in one mode (see MODES); the bytes come from the caller:

    with FakeFeeds({"/ok.xml": ("normal", rss_bytes), "/down": ("server_error", b"")}) as server:
        server.url("/ok.xml")

It also serves any other body (EuRepoC's CSV, say) with the `content_type` given.
"""

from __future__ import annotations

from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler

from tests.support.local_server import LoopbackServer, reply, reply_truncated

MODES = {
    "normal": "200 with the body and its Content-Type",
    "server_error": "500 with a short HTML error page",
    "html": "200 text/html: a page instead of the feed (a block page)",
    "truncated_body": "Content-Length promises more bytes than are sent, then the connection closes",
    "truncated_xml": "200 with only the first half of the body (a complete HTTP answer of a cut-off document)",
    "not_found": "404",
}

HTML_PAGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
             b"<body>Checking your browser before accessing the site.</body></html>")


@dataclass
class Route:
    mode: str
    body: bytes
    content_type: str = "application/rss+xml; charset=UTF-8"


class FakeFeeds:
    def __init__(self, routes: dict[str, tuple]):
        self.routes = {path: Route(*spec) for path, spec in routes.items()}
        for route in self.routes.values():
            if route.mode not in MODES:
                raise ValueError(f"unknown mode {route.mode!r}; one of {sorted(MODES)}")
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path, headers) of every request
        # HTTP/1.0, as this fake always spoke: the connection closes after every answer.
        self._server = LoopbackServer(self._serve, protocol="HTTP/1.0")

    def url(self, path: str) -> str:
        return self._server.base + path

    def __enter__(self) -> FakeFeeds:
        self._server.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.close()

    def _serve(self, h: BaseHTTPRequestHandler, method: str) -> None:
        self.requests.append((h.path, dict(h.headers)))
        route = self.routes.get(h.path)
        if route is None or route.mode == "not_found":
            return reply(h, 404, "text/plain", b"not found")
        if route.mode == "server_error":
            return reply(h, 500, "text/html", b"<html><body>Internal Server Error</body></html>")
        if route.mode == "html":
            return reply(h, 200, "text/html; charset=UTF-8", HTML_PAGE)
        if route.mode == "truncated_xml":
            return reply(h, 200, route.content_type, route.body[: len(route.body) // 2])
        if route.mode == "truncated_body":
            return reply_truncated(h, route.content_type, route.body, missing=5000)
        return reply(h, 200, route.content_type, route.body)
