"""Live client for the US HHS OCR breach portal (the "wall of shame").

The portal is a JSF (Mojarra) + PrimeFaces application with no plain URL for its
CSV. We replay what a browser does: open the page, post the form back as if the
"Export as CSV" icon had been clicked, switch the grid to its Archive tab with a
PrimeFaces AJAX call, and export again.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import requests
from bs4 import BeautifulSoup

from collectors.errors import FetchError
from collectors.http import download
from collectors.raw import RawExport
from collectors.sources.hhs_ocr.export import PORTAL_URL, SOURCE

VIEWSTATE = "javax.faces.ViewState"
AJAX_HEADERS = {"Faces-Request": "partial/ajax", "X-Requested-With": "XMLHttpRequest",
                "Accept": "application/xml, text/xml, */*; q=0.01"}
Timeout = float | tuple[float, float] | None


@dataclass
class _Page:
    fields: dict[str, str]  # what a browser would post back: hidden inputs and selected options
    exports: list[dict[str, str]]  # post-back parameters of each "Export as CSV" link, in page order
    tabview: str  # client id of the TabView holding the two lists
    archive_tab: str
    archive_index: int


def export_lists(session: requests.Session, url: str = PORTAL_URL, *,
                 now: Callable[[], datetime] | None = None, timeout: Timeout = None) -> list[RawExport]:
    """Export the under-investigation and archive lists as CSV bytes, in that order.

    `timeout` is passed to every request; None keeps the session's default.
    """
    now = now or (lambda: datetime.now(UTC))
    page = _read_page(_send(session, "GET", url, timeout)[1], url)
    under = _export_csv(session, url, page.fields, page.exports[0], timeout)
    under_at = now()
    fields, export = _switch_to_archive(session, url, page, timeout)
    archive = _export_csv(session, url, fields, export, timeout)
    archive_at = now()
    if not _rows(under) and not _rows(archive):
        raise FetchError(SOURCE, f"both exports from {url} are empty (a header and no rows): the portal "
                                 "lists hundreds of open cases, so this is a failed export, not an empty list")
    if _rows(archive) == _rows(under):
        # A tab switch the server did not take is silent: the export just repeats the first tab.
        raise FetchError(SOURCE, f"the archive export from {url} has the same rows as the under-investigation "
                                 "list: the switch to the Archive tab was ignored")
    return [RawExport(SOURCE, under, url, "under_investigation", under_at),
            RawExport(SOURCE, archive, url, "archive", archive_at)]


def _send(session, method: str, url: str, timeout: Timeout, **kwargs) -> tuple[requests.Response, bytes]:
    """One request; every way it can fail is a FetchError naming the URL (collectors.http.download)."""
    return download(session, url, SOURCE, method=method, timeout=timeout, **kwargs)


def _read_page(html: bytes, url: str) -> _Page:
    soup = BeautifulSoup(html, "lxml")
    form = soup.find("form", id="ocrForm")
    if form is None:
        blocked = re.search(rb"request rejected|captcha", html, re.I)
        why = "a 'Request Rejected'/captcha page came instead" if blocked else "page layout changed?"
        raise FetchError(SOURCE, f"no form 'ocrForm' in the page at {url} ({why})")
    fields = {_attr(i, "name"): _attr(i, "value") for i in form.find_all("input", type="hidden") if i.get("name")}
    for select in form.find_all("select", attrs={"name": True}):
        chosen = select.find("option", selected=True) or select.find("option")
        if chosen is not None:
            fields[_attr(select, "name")] = _attr(chosen, "value") if chosen.get("value") is not None \
                else chosen.get_text()
    if not fields.get(VIEWSTATE):
        raise FetchError(SOURCE, f"no {VIEWSTATE} hidden input in the form at {url}: cannot post back")
    fields["ocrForm"] = "ocrForm"  # JSF only treats the post as this form's if its id comes back
    exports = _find_csv_exports(form)
    if not exports:
        raise FetchError(SOURCE, f"the 'Export as CSV' link was not found in the page at {url} (page layout changed?)")
    # The TabView's id (j_idtNN) changes between deployments; its hidden "<id>_activeIndex" input gives it away.
    active = next((name for name in fields if name.endswith("_activeIndex")), None)
    tabview = active.removesuffix("_activeIndex") if active else ""
    tabs = [_attr(a, "href")[1:] for a in form.find_all("a", href=re.compile(r"^#"))]
    archive_tab = next((tab for tab in tabs if "archive" in tab.lower()), None)
    if not tabview or not archive_tab:
        raise FetchError(SOURCE, f"the Archive tab was not found in the page at {url} (page layout changed?)")
    own_tabs = [tab for tab in tabs if tab.startswith(tabview + ":")]
    index = own_tabs.index(archive_tab) if archive_tab in own_tabs else 1
    return _Page(fields, exports, tabview, archive_tab, index)


def _attr(tag, name: str) -> str:
    """A tag's attribute as text ('' when absent; BeautifulSoup gives a list for multi-valued attributes)."""
    value = tag.get(name)
    return " ".join(value) if isinstance(value, list) else (value or "")


def _find_csv_exports(html) -> list[dict[str, str]]:
    """Post-back parameters of each CSV link: {'ocrForm:j_idtNNN': 'ocrForm:j_idtNNN'}.

    The j_idt number changes with every deployment, so we read it from the link's
    onclick, `mojarra.jsfcljs(form, {'ocrForm:j_idt389':'ocrForm:j_idt389'}, '')`.
    """
    exports = []
    for img in html.find_all("img"):
        is_csv_icon = ("csv" in img.get("title", "").lower() or img.get("alt", "").lower() == "csv"
                       or img.get("src", "").lower().endswith("csv.png"))
        link = img.find_parent("a") if is_csv_icon else None
        if link is None:
            continue
        params = re.search(r"jsfcljs\([^{]*\{([^}]*)\}", link.get("onclick", ""))
        pairs = dict(re.findall(r"'([^']+)'\s*:\s*'([^']*)'", params.group(1))) if params else {}
        if not pairs and link.get("id"):
            pairs = {link["id"]: link["id"]}
        if pairs and pairs not in exports:
            exports.append(pairs)
    return exports


def _export_csv(session, url: str, fields: dict, export: dict, timeout: Timeout) -> bytes:
    fields = {**fields, **export}
    # The form is declared multipart/form-data; a post-back the server cannot decode is
    # not an error there: it answers 200 with the page re-rendered. So fall back to urlencoded.
    response, body = _send(session, "POST", url, timeout, files=[(k, (None, v)) for k, v in fields.items()])
    if _is_html(response, body):
        response, body = _send(session, "POST", url, timeout, data=fields)
    _check_csv(response, body, url)
    return body


def _is_html(response: requests.Response, body: bytes) -> bool:
    content_type = response.headers.get("Content-Type", "").lower()
    return "html" in content_type or body.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")


def _check_csv(response: requests.Response, body: bytes, url: str) -> None:
    if _is_html(response, body):
        raise FetchError(SOURCE, f"the CSV export post-back to {url} returned an HTML page instead of CSV "
                                 "(tried multipart and urlencoded)")
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    attachment = "attachment" in response.headers.get("Content-Disposition", "").lower()
    if content_type not in ("text/csv", "application/csv") and not (
            content_type == "application/octet-stream" and attachment):
        raise FetchError(SOURCE, f"the export from {url} has Content-Type {content_type!r}, not CSV")
    lines = body.decode("utf-8-sig", errors="replace").splitlines()
    if not lines or not lines[0].strip():
        raise FetchError(SOURCE, f"the CSV export from {url} is empty")
    header = next(csv.reader(lines[:1]))
    if len(header) < 8:
        raise FetchError(SOURCE, f"the first line of the export from {url} is not the breach CSV header "
                                 f"(fewer than 8 fields): {lines[0][:200]!r}")
    # breach_report_part2.jsf lists 42 CFR Part 2 programs; same layout, different data set.
    if header[0].strip().lower() == "name of part 2 program":
        raise FetchError(SOURCE, f"the export from {url} is the 42 CFR Part 2 listing ('Name of Part 2 Program'), "
                                 "not the HIPAA breach report")


def _switch_to_archive(session, url: str, page: _Page, timeout: Timeout) -> tuple[dict, dict]:
    """Select the Archive tab server-side; return the fields and CSV link to export it with."""
    active_index = {f"{page.tabview}_activeIndex": str(page.archive_index)}
    body = _send(session, "POST", url, timeout, headers=AJAX_HEADERS, data={
        **page.fields, **active_index,
        "javax.faces.partial.ajax": "true", "javax.faces.source": page.tabview,
        "javax.faces.partial.execute": page.tabview, "javax.faces.partial.render": page.tabview,
        "javax.faces.behavior.event": "tabChange", "javax.faces.partial.event": "tabChange",
        f"{page.tabview}_newTab": page.archive_tab,
    })[1]
    viewstate, html = _read_partial_response(body, url)
    exports = _find_csv_exports(BeautifulSoup(html, "lxml"))
    if exports:
        export = next((e for e in exports if e != page.exports[0]), exports[0])
        return {**page.fields, VIEWSTATE: viewstate, **active_index}, export
    # Some deployments do not send the tab's content back; the session remembers the tab, so reload.
    reloaded = _read_page(_send(session, "GET", url, timeout)[1], url)
    export = next((e for e in reloaded.exports if e != page.exports[0]), reloaded.exports[0])
    return {**reloaded.fields, **active_index}, export


def _read_partial_response(body: bytes, url: str) -> tuple[str, str]:
    """New ViewState and updated HTML from a JSF <partial-response>."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise FetchError(SOURCE, f"the Archive tab change at {url} did not answer with "
                                 f"JSF partial-response XML: {exc}") from exc
    error = root.find(".//error")
    if root.tag != "partial-response" or error is not None:
        detail = f"{error.findtext('error-name')}: {error.findtext('error-message')}" if error is not None else root.tag
        raise FetchError(SOURCE, f"the Archive tab change at {url} was refused ({detail})")
    updates = {u.get("id", ""): u.text or "" for u in root.iter("update")}
    # Mojarra 2.2+ names it "j_id1:javax.faces.ViewState:0", older ones just "javax.faces.ViewState".
    viewstate = next((text.strip() for uid, text in updates.items() if VIEWSTATE in uid), "")
    if not viewstate:
        raise FetchError(SOURCE, f"the Archive tab change at {url} returned no new {VIEWSTATE}")
    return viewstate, "".join(text for uid, text in updates.items() if VIEWSTATE not in uid)


def _rows(content: bytes) -> set[tuple[str, ...]]:
    return {tuple(row) for row in list(csv.reader(io.StringIO(content.decode("utf-8-sig", errors="replace"))))[1:]}
