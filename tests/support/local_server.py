"""One small loopback HTTP server for the fakes of the sources (fake_feeds, fake_hhs_portal, fake_ransomware_live).

A fake says how it answers a request (`handle(handler, method)`); this module starts a threaded server on
127.0.0.1 and a free port, stops it, and writes the usual answers:

    with LoopbackServer(lambda h, method: reply(h, 200, "text/plain", b"hello")) as server:
        requests.get(server.base + "/anything")
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handle = Callable[[BaseHTTPRequestHandler, str], None]


class LoopbackServer:
    """A ThreadingHTTPServer on 127.0.0.1 that hands every request (GET, and the `methods` asked for) to `handle`.

    `closing` is set when the server stops, so a fake that sits on a request (a slow answer) can give up at once.
    A client that hangs up mid-answer (a timeout test) is not an error of the server.
    """

    def __init__(self, handle: Handle, *, methods: tuple[str, ...] = ("GET",), protocol: str = "HTTP/1.1"):
        self.handle = handle
        self.closing = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = protocol

            def log_message(self, *args) -> None:  # keep pytest output quiet
                pass

        def answer(method: str):
            def do(h: BaseHTTPRequestHandler) -> None:
                try:
                    server.handle(h, method)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up
                    h.close_connection = True
            return do

        for method in methods:
            setattr(Handler, f"do_{method}", answer(method))
        self._handler = Handler

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base(self) -> str:
        """http://127.0.0.1:<port>, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LoopbackServer:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def close(self) -> None:
        self.closing.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()


def reply(h: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes, *,
          cookie: str | None = None, extra: dict[str, str] | None = None) -> None:
    """A complete answer: status, Content-Type, Content-Length, an optional Set-Cookie and extra headers."""
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(body)))
    if cookie:
        h.send_header("Set-Cookie", cookie)
    for name, value in (extra or {}).items():
        h.send_header(name, value)
    h.end_headers()
    h.wfile.write(body)


def reply_truncated(h: BaseHTTPRequestHandler, content_type: str, body: bytes, *, missing: int) -> None:
    """A 200 whose Content-Length promises `missing` bytes more than the whole body, of which only the first
    half is sent before the connection closes (a download cut off mid-way)."""
    h.send_response(200)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(body) + missing))
    h.end_headers()
    h.wfile.write(body[: len(body) // 2])
    h.wfile.flush()
    h.close_connection = True
