"""A local stand-in for the HHS OCR breach portal, for tests of collectors.sources.hhs_ocr.portal.

It behaves like the real JSF (Mojarra) + PrimeFaces page: a JSESSIONID cookie,
server-side ViewStates that post-backs must return, a multipart `ocrForm` whose
CSV export link has a per-deployment `j_idtNNN` id, and a TabView switched to its
Archive tab by an AJAX tabChange answered with a <partial-response>. `mode`
injects one misbehaviour of the real portal (see MODES).

    with FakePortal() as portal:
        exports = export_lists(make_session(), portal.url)

The organisations in the CSVs are invented.
"""

from __future__ import annotations

import csv
import email.parser
import email.policy
import html
import io
import random
import secrets
import threading
from dataclasses import dataclass
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

from tests.support.local_server import LoopbackServer, reply, reply_truncated

PATH = "/ocr/breach/breach_report_hip.jsf"
VIEWSTATE = "javax.faces.ViewState"

MODES = {
    "normal": "both lists export fine",
    "html_instead_of_csv": "every export post-back re-renders the page (200 text/html)",
    "multipart_rejected": "multipart post-backs re-render the page; urlencoded ones work",
    "tab_switch_ignored": "tabChange is answered, but the archive export repeats the first tab's rows",
    "no_export_link": "the page has no 'Export as CSV' control",
    "no_viewstate": "the form has no javax.faces.ViewState input",
    "part2_listing": "the exports are the 42 CFR Part 2 listing",
    "placeholder_headers": "export headers are javax.faces.component.UIPanel@hash placeholders",
    "server_error": "HTTP 500 on every request",
    "captcha": "GET answers a 'Request Rejected' page without the form",
    "truncated": "the CSV promises more bytes (Content-Length) than it sends, then the connection closes",
    "slow": "export post-backs answer only after `slow_seconds`",
    "old_mojarra": "the partial-response names the ViewState update plain 'javax.faces.ViewState'",
    "reload_for_archive_link": "the tabChange answer carries no export link; a reload shows the Archive tab",
    "octet_stream": "CSV sent as application/octet-stream with an attachment Content-Disposition",
}

HEADER = ('"Name of Covered Entity","State","Covered Entity Type","Individuals Affected",'
          '"Breach Submission Date","Type of Breach","Location of Breached Information",'
          '"Business Associate Present","Web Description"\n')
UNDER_ROWS = (
    '"Lakeshore Pediatric Partners","MI","Healthcare Provider","4210","01/14/2026","Hacking/IT Incident","Network Server","No",""\n'
    '"Copperline Dental Group","AZ","Healthcare Provider","812","01/09/2026","Hacking/IT Incident","Email","No",""\n'
    '"Bluewater Regional Health Plan","OR","Health Plan","23877","12/30/2025","Unauthorized Access/Disclosure","Paper/Films","Yes",""\n'
    '"Sunfield Orthopedic Clinic","TX","Healthcare Provider","1563","12/22/2025","Theft","Laptop","No",""\n'
    '"Meridian Claims Services LLC","GA","Business Associate","96402","12/18/2025","Hacking/IT Incident","Network Server","Yes",""\n'
    '"Pine Hollow Family Medicine","VT","Healthcare Provider","640","12/03/2025","Hacking/IT Incident","Email, Network Server","No",""\n'
)
ARCHIVE_ROWS = (
    '"Harborview Imaging Associates","ME","Healthcare Provider","3302","06/11/2023","Hacking/IT Incident","Network Server","No",'
    '"A ransomware attack encrypted imaging servers. The provider restored from backups and notified patients."\n'
    '"Redfern County Health Cooperative","KS","Health Plan","15120","02/27/2023","Unauthorized Access/Disclosure","Email","No",'
    '"An employee emailed member lists to a personal account. OCR provided technical assistance."\n'
    '"Tallgrass Behavioral Services","NE","Healthcare Provider","978","11/05/2022","Theft","Desktop Computer","No",'
    '"A desktop was stolen during a break-in. The entity adopted full-disk encryption."\n'
    '"Northgate Billing Solutions","OH","Business Associate","48211","08/19/2022","Hacking/IT Incident","Network Server","Yes",'
    '"An intruder used stolen VPN credentials. The business associate reset credentials and added MFA."\n'
    '"Silverbrook Eye Care","WA","Healthcare Provider","2047","04/02/2021","Hacking/IT Incident","Email","No",'
    '"Phishing gave access to two mailboxes. Staff were retrained."\n'
    '"Crescent Valley Pharmacy","NM","Healthcare Provider","512","09/23/2020","Loss","Paper/Films","No",'
    '"Prescription records were lost in transit. The pharmacy changed courier procedures."\n'
    '"Westmark Community Hospital","IN","Healthcare Provider","7730","01/30/2020","Improper Disposal","Paper/Films","No",'
    '"Records were discarded in an unlocked dumpster. The hospital retrained staff on disposal."\n'
)
PART2_HEADER = ('"Name of Part 2 Program","State","Individuals Affected","Breach Submission Date",'
                '"Type of Breach","Location of Breached Information","Business Associate Present","Web Description"\n')
PART2_ROWS = ('"Riverbend Recovery Center","KY","233","01/05/2026","Hacking/IT Incident","Email","No",""\n'
              '"New Dawn Treatment Services","ME","58","11/12/2025","Theft","Laptop","No",""\n')
PLACEHOLDER_HEADER = ",".join(f'"javax.faces.component.UIPanel@{h}"' for h in (
    "1a2b3c", "4d5e6f", "7a8b9c", "2c3d4e", "5f6a7b", "8c9d0e", "3e4f5a", "6b7c8d", "9d0e1f")) + "\n"


@dataclass
class Received:
    """One request the fake portal got."""
    method: str
    path: str
    headers: dict[str, str]
    encoding: str | None  # "multipart", "urlencoded" or None (no body)
    fields: dict[str, str]

    @property
    def is_ajax(self) -> bool:
        return self.headers.get("Faces-Request") == "partial/ajax"


class FakePortal:
    def __init__(self, mode: str = "normal", *, idt: int | None = None, slow_seconds: float = 2.0):
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {sorted(MODES)}")
        rng = random.Random()
        idt = idt or rng.randrange(300, 500)
        self.mode = mode
        self.slow_seconds = slow_seconds
        self.tabview_id = f"ocrForm:j_idt{rng.randrange(20, 60)}"
        self.under_tab_id = f"{self.tabview_id}:underInvTab"
        self.archive_tab_id = f"{self.tabview_id}:archiveTab"
        self.under_link_id = f"ocrForm:j_idt{idt}"
        self.archive_link_id = f"ocrForm:j_idt{idt + rng.randrange(3, 12)}"
        self.rows_select = f"{self.tabview_id}:reportResultTbl_rppDD"
        self.received: list[Received] = []
        self.viewstates: dict[str, dict[str, int]] = {}  # JSESSIONID -> {ViewState: active tab}
        self.session_tab: dict[str, int] = {}  # JSESSIONID -> tab last selected (reload_for_archive_link)
        self._lock = threading.Lock()
        self._server = LoopbackServer(self.serve, methods=("GET", "POST"))
        self._closing = self._server.closing

    # ---- what the fake exports; tests compare the client's bytes with these

    def csv_for(self, tab: int) -> bytes:
        rows = UNDER_ROWS if tab == 0 else ARCHIVE_ROWS
        if self.mode == "part2_listing":
            return (PART2_HEADER + PART2_ROWS).encode()
        if self.mode == "placeholder_headers":
            return (PLACEHOLDER_HEADER + rows).encode()
        return (HEADER + rows).encode()

    @property
    def under_csv(self) -> bytes:
        return self.csv_for(0)

    @property
    def archive_csv(self) -> bytes:
        return self.csv_for(1)

    def requests_where(self, method: str, *, ajax: bool | None = None) -> list[Received]:
        return [r for r in self.received if r.method == method and (ajax is None or r.is_ajax == ajax)]

    # ---- server lifecycle

    @property
    def url(self) -> str:
        return self._server.base + PATH

    def start(self) -> FakePortal:
        self._server.start()
        return self

    def close(self) -> None:
        self._server.close()

    def __enter__(self) -> FakePortal:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- request handling

    def serve(self, h: BaseHTTPRequestHandler, method: str) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        encoding, fields = _parse_form(h.headers.get("Content-Type", ""), body)
        with self._lock:
            self.received.append(Received(method, h.path, dict(h.headers.items()), encoding, fields))
        if urlsplit(h.path).path != PATH:
            return reply(h, 404, "text/html", b"<html><body>Not Found</body></html>")
        if self.mode == "server_error":
            return reply(h, 500, "text/html", b"<html><body><h1>HTTP Status 500 - Internal Server Error</h1></body></html>")
        if self.mode == "captcha":
            return reply(h, 200, "text/html", CAPTCHA_PAGE)
        session = SimpleCookie(h.headers.get("Cookie", "")).get("JSESSIONID")
        session = session.value if session is not None and session.value in self.viewstates else None
        if method == "GET":
            return self._get_page(h, session)
        views = self.viewstates.get(session, {})
        if fields.get(VIEWSTATE) not in views:
            return reply(h, 500, "text/html", b"<html><body>javax.faces.application.ViewExpiredException: "
                                              b"View /breach_report_hip.jsf could not be restored.</body></html>")
        if h.headers.get("Faces-Request") == "partial/ajax":
            return self._tab_change(h, session, fields)
        return self._export(h, session, fields, encoding)

    def _new_view(self, session: str, tab: int) -> str:
        viewstate = f"{random.randrange(-9 * 10**18, 9 * 10**18)}:{random.randrange(10**18)}"
        with self._lock:
            self.viewstates[session][viewstate] = tab
        return viewstate

    def _get_page(self, h, session: str | None) -> None:
        cookie = None
        if session is None:
            session = secrets.token_hex(16).upper()
            self.viewstates[session] = {}
            cookie = f"JSESSIONID={session}; Path=/ocr; HttpOnly"
        tab = self.session_tab.get(session, 0) if self.mode == "reload_for_archive_link" else 0
        reply(h, 200, "text/html;charset=UTF-8", self._page(tab, self._new_view(session, tab)), cookie=cookie)

    def _tab_change(self, h, session: str, fields: dict[str, str]) -> None:
        tabs = [self.under_tab_id, self.archive_tab_id]
        if (fields.get("javax.faces.partial.ajax") != "true" or fields.get("javax.faces.source") != self.tabview_id
                or fields.get("javax.faces.behavior.event") != "tabChange"
                or fields.get(f"{self.tabview_id}_newTab") not in tabs):
            xml = ("<?xml version='1.0' encoding='UTF-8'?>\n<partial-response id=\"j_id1\"><error>"
                   "<error-name>class javax.faces.FacesException</error-name>"
                   "<error-message><![CDATA[unexpected partial request]]></error-message></error></partial-response>")
            return reply(h, 200, "text/xml;charset=UTF-8", xml.encode())
        tab = tabs.index(fields[f"{self.tabview_id}_newTab"])
        self.session_tab[session] = tab
        viewstate = self._new_view(session, tab)
        with_link = self.mode != "reload_for_archive_link"
        vs_id = VIEWSTATE if self.mode == "old_mojarra" else f"j_id1:{VIEWSTATE}:0"
        xml = ("<?xml version='1.0' encoding='UTF-8'?>\n<partial-response id=\"j_id1\"><changes>"
               f'<update id="{self.tabview_id}"><![CDATA[{self._tabview(tab, with_link)}]]></update>'
               f'<update id="{vs_id}"><![CDATA[{viewstate}]]></update>'
               "</changes></partial-response>")
        reply(h, 200, "text/xml;charset=UTF-8", xml.encode())

    def _export(self, h, session: str, fields: dict[str, str], encoding: str | None) -> None:
        view_tab = self.viewstates[session][fields[VIEWSTATE]]
        # A browser posts the TabView's hidden activeIndex input, so the posted value wins.
        tab = int(fields.get(f"{self.tabview_id}_activeIndex", view_tab))
        link = next((i for i in (self.under_link_id, self.archive_link_id) if fields.get(i) == i), None)
        not_understood = (
            fields.get("ocrForm") != "ocrForm" or link is None
            or self.mode == "html_instead_of_csv"
            or (self.mode == "multipart_rejected" and encoding == "multipart")
            # the archive tab's link is not rendered (so not decoded) while the first tab is shown
            or (link == self.archive_link_id and tab != 1))
        if not_understood:  # JSF's answer: the same page again, HTTP 200
            return reply(h, 200, "text/html;charset=UTF-8", self._page(view_tab, fields[VIEWSTATE]))
        exported_tab = 0 if link == self.under_link_id or self.mode == "tab_switch_ignored" else 1
        content = self.csv_for(exported_tab)
        if self.mode == "slow" and self._closing.wait(self.slow_seconds):
            return
        content_type = "application/octet-stream" if self.mode == "octet_stream" else "text/csv"
        headers = {"Content-Disposition": 'attachment; filename="breach_report.csv"'}
        if self.mode == "truncated":
            return reply_truncated(h, content_type, content, missing=4096)
        reply(h, 200, content_type, content, extra=headers)

    # ---- HTML

    def _page(self, tab: int, viewstate: str) -> bytes:
        viewstate_input = ("" if self.mode == "no_viewstate" else
                           f'<input type="hidden" name="{VIEWSTATE}" id="j_id1:{VIEWSTATE}:0" '
                           f'value="{html.escape(viewstate)}" autocomplete="off" />')
        return f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<title>U.S. Department of Health &amp; Human Services - Office for Civil Rights</title>
<script type="text/javascript" src="/ocr/javax.faces.resource/jsf.js.jsf?ln=javax.faces"></script>
<script type="text/javascript" src="/ocr/javax.faces.resource/core.js.jsf?ln=primefaces"></script>
</head><body>
<h2>Breach Portal: Notice to the Secretary of HHS Breach of Unsecured Protected Health Information</h2>
<form id="ocrForm" name="ocrForm" method="post" action="{PATH}" enctype="multipart/form-data">
<input type="hidden" name="ocrForm" value="ocrForm" />
<a href="#" id="ocrForm:j_idt12" onclick="mojarra.jsfcljs(document.getElementById('ocrForm'),{{'ocrForm:j_idt12':'ocrForm:j_idt12'}},'');return false">Research Report</a>
{self._tabview(tab, with_link=True)}
{viewstate_input}
</form></body></html>""".encode()

    def _tabview(self, tab: int, with_link: bool) -> str:
        names = [("Cases Currently Under Investigation", self.under_tab_id, self.under_link_id),
                 ("Archive", self.archive_tab_id, self.archive_link_id)]
        nav = "".join(
            f'<li class="ui-state-default ui-corner-top{" ui-tabs-selected ui-state-active" if i == tab else ""}" '
            f'role="tab"><a href="#{tab_id}" tabindex="-1">{title}</a></li>'
            for i, (title, tab_id, _) in enumerate(names))
        title, tab_id, link_id = names[tab]
        export = ("" if self.mode == "no_export_link" or not with_link else
                  f'<a href="#" onclick="mojarra.jsfcljs(document.getElementById(\'ocrForm\'),'
                  f'{{\'{link_id}\':\'{link_id}\'}},\'\');return false">'
                  '<img src="/ocr/javax.faces.resource/images/csv.png" title="Export as CSV" alt="CSV" /></a>')
        table = list(csv.reader(io.StringIO(self.csv_for(tab).decode())))[1:4]
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row[:4]) + "</tr>" for row in table)
        return f"""<div id="{self.tabview_id}" class="ui-tabview ui-widget ui-widget-content ui-corner-all ui-tabs-top">
<ul class="ui-tabview-nav ui-helper-reset ui-widget-header ui-corner-all" role="tablist">{nav}</ul>
<div class="ui-tabview-panels"><div id="{tab_id}" class="ui-tabview-panel" role="tabpanel" aria-label="{title}">
{export}
<div class="ui-paginator"><select name="{self.rows_select}" class="ui-paginator-rpp-options">
<option value="25">25</option><option value="50">50</option><option value="100" selected="selected">100</option></select></div>
<table role="grid"><tbody class="ui-datatable-data">{rows}</tbody></table>
</div></div>
<input type="hidden" id="{self.tabview_id}_activeIndex" name="{self.tabview_id}_activeIndex" value="{tab}" autocomplete="off" />
</div>"""


CAPTCHA_PAGE = (b"<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. "
                b"Please consult with your administrator.<br><br>Your support ID is: 1234567890123456789"
                b"<br><br><a href='javascript:history.back();'>[Go Back]</a></body></html>")


def _parse_form(content_type: str, body: bytes) -> tuple[str | None, dict[str, str]]:
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        return "multipart", {part.get_param("name", header="content-disposition"): part.get_content()
                             for part in message.iter_parts()}
    if content_type.startswith("application/x-www-form-urlencoded"):
        return "urlencoded", dict(parse_qsl(body.decode(), keep_blank_values=True))
    return None, {}
