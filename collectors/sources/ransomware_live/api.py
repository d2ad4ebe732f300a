"""ransomware.live's API: the shapes of its answers (free v1 and v2, PRO victims, PRO press), how to read
one, what every row shares (ids, dates, countries), and fetching the lists."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
import requests

from collectors.errors import FetchError, SourceFormatError
from collectors.http import download
from collectors.raw import RawExport
from collectors.text import normalise

SOURCE = "ransomware_live"
SITE = "https://www.ransomware.live"
FREE_URL = "https://api.ransomware.live/v2/sectorvictims/Healthcare"
PRO_VICTIMS_URL = "https://api-pro.ransomware.live/victims/recent"
PRO_PRESS_URL = "https://api-pro.ransomware.live/press/all"
API_KEY_VARIABLE = "RANSOMWARE_LIVE_API_KEY"


@dataclass(frozen=True)
class Shape:
    name: str
    list_kind: str
    container: str | None  # the key holding the records (None: the document is the list)
    fields: tuple[str, ...]  # fields every record has
    description: str


SHAPES = (
    Shape("v1_victims", "victims", None, ("post_title", "group_name", "discovered"),
          "v1 /recentvictims: a JSON array of {post_title, group_name, discovered, country, activity ...}"),
    Shape("v2_victims", "victims", None, ("victim", "group", "discovered"),
          "free v2 /sectorvictims, /recentvictims: a JSON array of {victim, group, discovered, country, activity ...}"),
    Shape("pro_victims", "victims", "victims", ("victim", "group", "discovered"),
          "PRO /victims/recent: an object {victims: [{victim, group, discovered, country, activity, id ...}]}"),
    Shape("pro_press", "press", "results", ("date", "victim", "url"),
          "PRO /press/all: an object {results: [{date, victim, country, title, url, summary ...}]}"),
)
EXPECTED = "; or ".join(s.description for s in SHAPES)


def load(raw: bytes) -> object:
    """The export's JSON, or a clear error for an empty, HTML or truncated file."""
    text = raw.removeprefix(b"\xef\xbb\xbf").strip()
    if not text:
        raise SourceFormatError(SOURCE, f"the export is empty; expected {EXPECTED}")
    if text[:1] == b"<":
        raise SourceFormatError(SOURCE, f"expected JSON but got an HTML page (an error page or a captcha); "
                                        f"expected {EXPECTED}")
    try:
        return json.loads(text.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise SourceFormatError(SOURCE, f"the export is not UTF-8 JSON: {err}") from None
    except json.JSONDecodeError as err:
        raise SourceFormatError(SOURCE, f"the export is not valid JSON (truncated?): {err.msg} at character "
                                        f"{err.pos:,} of {len(text):,}") from None


def detect_shape(document: object) -> tuple[Shape, list[dict]]:
    """Which of the known API answers this is, and its records; an error saying what was expected otherwise."""
    for shape in SHAPES:
        if shape.container is None:
            records = document if isinstance(document, list) else None
        else:
            records = document.get(shape.container) if isinstance(document, dict) else None
        if not isinstance(records, list):
            continue
        if not records:
            raise SourceFormatError(SOURCE, f"the answer holds no records (an empty list"
                                            f"{f' under {shape.container!r}' if shape.container else ''})")
        if not all(isinstance(r, dict) for r in records):
            continue
        if all(all(f in r for f in shape.fields) for r in records):
            return shape, records
    if isinstance(document, list) and document and isinstance(document[0], dict):
        found = f"a JSON array of records with fields {sorted(document[0])[:12]}"
    elif isinstance(document, dict):
        found = f"a JSON object with keys {sorted(document)[:12]}"
    else:
        found = f"a JSON {type(document).__name__}"
    raise SourceFormatError(SOURCE, f"unexpected JSON shape: {found}; expected {EXPECTED}")


def day_of(value: object) -> pd.Timestamp | None:
    """The day of `2024-06-16 16:01:57.583327`, `2025-08-28` or `2025-03-09T09:59:07Z`; None when unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    day = pd.to_datetime(value.strip()[:10], format="%Y-%m-%d", errors="coerce")
    if pd.isna(day) or not (1990 <= day.year <= 2100):
        return None
    return day


def clean_text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def record_id_of(key: str) -> str:
    return f"{SOURCE}:{hashlib.sha1(key.encode()).hexdigest()[:12]}"


def blank_row() -> dict:
    return {
        "individuals_affected": pd.NA, "breach_location": None, "business_associate_involved": pd.NA,
        "subdivision": None, "attack_type_raw": None,
    }


def country_of(value: object) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    # ransomware.live writes "UK" for the United Kingdom (normalise.country_code only knows "GB").
    return normalise.country_code("GB" if text.upper() == "UK" else text)


def fetch(session: requests.Session, *, free_url: str = FREE_URL, pro_victims_url: str = PRO_VICTIMS_URL,
          pro_press_url: str = PRO_PRESS_URL, api_key: str | None = None,
          now: Callable[[], datetime] | None = None) -> list[RawExport]:
    """The free healthcare victims list; with an API PRO key (argument or RANSOMWARE_LIVE_API_KEY), also the
    PRO recent victims and press lists. One request per endpoint: the free API allows about one a minute
    per endpoint, and collectors.http spaces requests to api.ransomware.live a minute apart."""
    now = now or (lambda: datetime.now(UTC))
    api_key = api_key if api_key is not None else os.environ.get(API_KEY_VARIABLE, "").strip()
    plan: list[tuple[str, str, dict[str, str]]] = [(free_url, "victims", {})]
    if api_key:
        plan += [(pro_victims_url, "victims", {"X-API-KEY": api_key}), (pro_press_url, "press", {"X-API-KEY": api_key})]
    exports = []
    for url, kind, headers in plan:
        content = _get(session, url, headers)
        try:
            shape, _ = detect_shape(load(content))
        except SourceFormatError as err:
            raise FetchError(SOURCE, f"{url}: {err.message}") from None
        if shape.list_kind != kind:
            raise FetchError(SOURCE, f"{url}: expected a {kind} list but got {shape.description}")
        exports.append(RawExport(SOURCE, content, url, kind, now()))
    return exports


def _get(session: requests.Session, url: str, headers: dict[str, str]) -> bytes:
    refused = f"the API PRO key was refused: check {API_KEY_VARIABLE}"
    hints = {401: refused, 403: refused} if "X-API-KEY" in headers else None
    return download(session, url, SOURCE, kinds=("json",), headers={"Accept": "application/json", **headers},
                    status_hints=hints)[1]
