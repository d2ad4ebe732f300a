"""A local HTTP server that serves news feeds, and misbehaves on purpose, for tests of fetchers.

Each path answers in one mode (see MODES); the bytes come from the caller:

    with FakeFeeds({"/ok.xml": ("normal", rss_bytes), "/down": ("server_error", b"")}) as server:
        server.url("/ok.xml")

It also serves any other body (EuRepoC's CSV, say) with the `content_type` given.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
        self._server: ThreadingHTTPServer | None = None

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def __enter__(self) -> FakeFeeds:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                fake.requests.append((self.path, dict(self.headers)))
                route = fake.routes.get(self.path)
                if route is None or route.mode == "not_found":
                    return self._answer(404, b"not found", "text/plain")
                if route.mode == "server_error":
                    return self._answer(500, b"<html><body>Internal Server Error</body></html>", "text/html")
                if route.mode == "html":
                    return self._answer(200, HTML_PAGE, "text/html; charset=UTF-8")
                if route.mode == "truncated_xml":
                    return self._answer(200, route.body[: len(route.body) // 2], route.content_type)
                if route.mode == "truncated_body":
                    self.send_response(200)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Content-Length", str(len(route.body) + 5000))
                    self.end_headers()
                    self.wfile.write(route.body[: len(route.body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return None
                return self._answer(200, route.body, route.content_type)

            def _answer(self, status: int, body: bytes, content_type: str):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
