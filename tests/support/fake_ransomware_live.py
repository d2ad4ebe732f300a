"""A local stand-in for the ransomware.live APIs (free v2 and PRO), on 127.0.0.1, that can misbehave on purpose.

Paths mirror the real ones: /v2/sectorvictims/Healthcare (free), /victims/recent and /press/all (PRO,
header X-API-KEY). The records are invented but have the real shapes, including the fields we must never
keep (leak-site links, screenshots, descriptions, infostealer counts).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler

from tests.support.local_server import LoopbackServer, reply, reply_truncated

FREE_PATH = "/v2/sectorvictims/Healthcare"
PRO_VICTIMS_PATH = "/victims/recent"
PRO_PRESS_PATH = "/press/all"
API_KEY = "test-key-0123456789"

# Free v2 shape: a JSON array.
V2_VICTIMS = [
    {"victim": "Lakeside Community Hospital", "group": "qilin", "activity": "Healthcare", "country": "US",
     "attackdate": "2025-06-30 00:00:00.000000", "discovered": "2025-07-02 10:11:12.131415",
     "domain": "lakesidehospital.example", "description": "[AI generated] A community hospital in Ohio ...",
     "claim_url": "http://qilinexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/site/view?uuid=1",
     "url": "http://qilinexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/site/view?uuid=1",
     "screenshot": "https://images.ransomware.live/victims/0123.png", "press": None,
     "infostealer": {"employees": 3, "users": 10}, "duplicates": [], "extrainfos": []},
    {"victim": "Clinique du Parc", "group": "lockbit3", "activity": "Healthcare", "country": "FR",
     "attackdate": "", "discovered": "2025-07-01 08:00:00.000000", "domain": "cliniqueduparc.example",
     "description": "Clinique privée ...", "claim_url": "http://lockbitexamplexxxxxxxxxxxxxxxxxx.onion/post/abc",
     "screenshot": "", "infostealer": ""},
    {"victim": "Acme Widgets", "group": "akira", "activity": "Manufacturing", "country": "DE",
     "attackdate": "2025-06-01", "discovered": "2025-07-01 09:00:00", "claim_url": "", "screenshot": ""},
]

# PRO /victims/recent: an object around the list.
PRO_VICTIMS = {"count": 2, "order": "discovered", "victims": [
    {"victim": "Northside Dental Group", "group": "play", "activity": "Healthcare", "country": "CA",
     "attackdate": "2025-07-05 00:00:00.000000", "discovered": "2025-07-06 12:00:00.000000",
     "website": "northsidedental.example", "description": "United States",
     "post_url": "http://playexamplexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/topic.php?id=x", "duplicates": [],
     "extrainfos": [], "screenshot": "https://images.ransomware.live/victims/x.png", "infostealer": "",
     "press": None, "id": "Tm9ydGhzaWRlIERlbnRhbCBHcm91cEBwbGF5",
     "permalink": "https://www.ransomware.live/id/Tm9ydGhzaWRlIERlbnRhbCBHcm91cEBwbGF5", "modifications": []},
    {"victim": "Harbour Logistics", "group": "play", "activity": "Transportation/Logistics", "country": "NL",
     "attackdate": "2025-07-05", "discovered": "2025-07-06 11:00:00", "id": "SGFyYm91ciBMb2dpc3RpY3NAcGxheQ==",
     "permalink": "https://www.ransomware.live/id/SGFyYm91ciBMb2dpc3RpY3NAcGxheQ=="},
]}

# PRO /press/all: an object with `results`.
PRO_PRESS = {"filters": {"year": None, "month": None, "country": None}, "count": 2, "results": [
    {"date": "2025-07-03", "added": "2025-07-04", "victim": "Centre hospitalier de Valbonne", "domain": "ch.example",
     "country": "FR", "title": "Cyberattaque au centre hospitalier : les opérations déprogrammées",
     "url": "https://news.example.fr/ch-valbonne-cyberattaque?utm_source=rss&utm_medium=feed&id=42",
     "summary": "Le centre hospitalier de Valbonne a été victime d'une cyberattaque par rançongiciel. "
                "Les opérations non urgentes ont été déprogrammées.",
     "infostealer": "", "ransomware": None},
    {"date": "2025-07-02", "added": "2025-07-02", "victim": "Harbour Logistics", "domain": "harbour.example",
     "country": "NL", "title": "Logistics firm hit", "url": "https://news.example.nl/harbour",
     "summary": "Harbour Logistics, une entreprise de transport, a été victime d'une cyberattaque.",
     "infostealer": {"employees": 1}, "ransomware": {"group": "play",
                                                    "permalink": "https://www.ransomware.live/id/SGFyYm91cg=="}},
]}

MODES = ("normal", "too_many_requests", "rate_limited_once", "server_error", "html", "truncated", "wrong_shape",
         "empty_list", "wrong_content_type")


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class FakeRansomwareLive:
    def __init__(self, mode: str = "normal", *, key: str = API_KEY):
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        self.mode, self.key = mode, key
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._server = LoopbackServer(lambda h, method: self.serve(h))

    @property
    def base(self) -> str:
        return self._server.base

    @property
    def urls(self) -> dict[str, str]:
        """Keyword arguments of ransomware_live.fetch() that point it here."""
        return {"free_url": self.base + FREE_PATH, "pro_victims_url": self.base + PRO_VICTIMS_PATH,
                "pro_press_url": self.base + PRO_PRESS_PATH}

    def body_for(self, path: str) -> bytes:
        document = {FREE_PATH: V2_VICTIMS, PRO_VICTIMS_PATH: PRO_VICTIMS, PRO_PRESS_PATH: PRO_PRESS}[path]
        return json.dumps(document, ensure_ascii=False).encode()

    def __enter__(self) -> FakeRansomwareLive:
        self._server.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.close()

    def serve(self, h: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.seen.append(Seen(h.path, dict(h.headers.items())))
            asked_before = sum(1 for s in self.seen if s.path == h.path) > 1
        if h.path not in (FREE_PATH, PRO_VICTIMS_PATH, PRO_PRESS_PATH):
            return reply(h, 404, "application/json", b'{"error": "not found"}')
        if h.path != FREE_PATH and h.headers.get("X-API-KEY") != self.key:
            return reply(h, 401, "application/json", b'{"error": "invalid or missing API key"}')
        mode = self.mode
        if mode == "too_many_requests" or (mode == "rate_limited_once" and not asked_before):
            return reply(h, 429, "application/json", b'{"error": "rate limit: 1 request per minute"}',
                         extra={"Retry-After": "1"})
        if mode == "server_error":
            return reply(h, 500, "text/html", b"<html><body><h1>500 Internal Server Error</h1></body></html>")
        if mode == "html":
            return reply(h, 200, "text/html; charset=utf-8",
                         b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                         b"<body><div class='cf-challenge'>Checking your browser (captcha)</div></body></html>")
        if mode == "wrong_content_type":
            return reply(h, 200, "image/png", b"\x89PNG\r\n\x1a\n")
        if mode == "wrong_shape":
            return reply(h, 200, "application/json", b'{"count": 60, "sectors": [{"sector": "Healthcare", "count": 9}]}')
        if mode == "empty_list":
            return reply(h, 200, "application/json", b"[]")
        body = self.body_for(h.path)
        if mode == "truncated":  # announces more than it sends, then hangs up
            return reply_truncated(h, "application/json", body, missing=4096)
        return reply(h, 200, "application/json; charset=utf-8", body)

