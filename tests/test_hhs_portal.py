"""The HHS OCR portal client against a local fake of the portal (tests/support/fake_hhs_portal.py)."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest
import requests

from collectors import runner
from collectors.errors import FetchError
from collectors.http import make_session
from collectors.sources import hhs_ocr
from collectors.sources.hhs_ocr.portal import PORTAL_URL, export_lists
from tests.support.fake_hhs_portal import FakePortal

NOW = datetime(2026, 3, 2, 6, 30, tzinfo=UTC)
VIEWSTATE = "javax.faces.ViewState"


def fetch(portal: FakePortal, **kwargs):
    return export_lists(make_session(retries=1, backoff=0), portal.url, now=lambda: NOW, **kwargs)


def fail(mode: str, **kwargs) -> tuple[FetchError, FakePortal]:
    with FakePortal(mode) as portal:
        with pytest.raises(FetchError) as caught:
            fetch(portal, **kwargs)
    assert caught.value.source == "hhs_ocr"
    return caught.value, portal


def export_posts(portal: FakePortal):
    return portal.requests_where("POST", ajax=False)


# ---- success

def test_exports_both_lists_with_provenance():
    with FakePortal() as portal:
        under, archive = fetch(portal)
    assert (under.list_kind, archive.list_kind) == ("under_investigation", "archive")
    assert under.content == portal.under_csv and archive.content == portal.archive_csv
    for export in (under, archive):
        assert (export.source, export.origin, export.fetched_at) == ("hhs_ocr", portal.url, NOW)


def test_default_clock_is_utc_and_default_url_is_the_portal():
    with FakePortal() as portal:
        exports = export_lists(make_session(retries=1, backoff=0), portal.url)
    assert all(e.fetched_at.tzinfo == UTC for e in exports)
    assert PORTAL_URL == "https://ocrportal.hhs.gov/ocr/breach/breach_report_hip.jsf"


@pytest.mark.parametrize("idt", [384, 389, 400])
def test_postbacks_carry_discovered_ids_cookie_and_viewstates(idt):
    with FakePortal(idt=idt) as portal:
        fetch(portal)
    get, tab_change = portal.requests_where("GET")[0], portal.requests_where("POST", ajax=True)[0]
    under_post, archive_post = export_posts(portal)
    page_viewstate = next(iter(portal.viewstates.values()))
    first_vs, new_vs = list(page_viewstate)  # views in creation order: page, then tab change
    tabview = portal.tabview_id

    assert "Cookie" not in get.headers
    assert portal.under_link_id == f"ocrForm:j_idt{idt}"
    assert under_post.encoding == "multipart"
    assert under_post.fields[portal.under_link_id] == portal.under_link_id
    assert under_post.fields[VIEWSTATE] == first_vs
    assert under_post.fields["ocrForm"] == "ocrForm"
    assert under_post.fields[portal.rows_select] == "100"  # the selected option, not the first
    assert under_post.fields[f"{tabview}_activeIndex"] == "0"
    assert "ocrForm:j_idt12" not in under_post.fields  # a jsfcljs link without the CSV icon is ignored
    assert "JSESSIONID=" in under_post.headers["Cookie"]

    assert tab_change.encoding == "urlencoded"
    assert tab_change.headers["Faces-Request"] == "partial/ajax"
    assert tab_change.headers["X-Requested-With"] == "XMLHttpRequest"
    assert {k: tab_change.fields[k] for k in (
        "javax.faces.partial.ajax", "javax.faces.source", "javax.faces.partial.execute",
        "javax.faces.partial.render", "javax.faces.behavior.event", "javax.faces.partial.event",
        f"{tabview}_activeIndex", f"{tabview}_newTab", VIEWSTATE)} == {
        "javax.faces.partial.ajax": "true", "javax.faces.source": tabview, "javax.faces.partial.execute": tabview,
        "javax.faces.partial.render": tabview, "javax.faces.behavior.event": "tabChange",
        "javax.faces.partial.event": "tabChange", f"{tabview}_activeIndex": "1",
        f"{tabview}_newTab": portal.archive_tab_id, VIEWSTATE: first_vs}

    assert archive_post.fields[portal.archive_link_id] == portal.archive_link_id
    assert portal.under_link_id not in archive_post.fields
    assert archive_post.fields[VIEWSTATE] == new_vs != first_vs
    assert archive_post.fields[f"{tabview}_activeIndex"] == "1"


def test_multipart_rejected_falls_back_to_urlencoded():
    with FakePortal("multipart_rejected") as portal:
        under, archive = fetch(portal)
    assert under.content == portal.under_csv and archive.content == portal.archive_csv
    assert [r.encoding for r in export_posts(portal)] == ["multipart", "urlencoded"] * 2


def test_placeholder_headers_are_returned_untouched():
    with FakePortal("placeholder_headers") as portal:
        under, archive = fetch(portal)
    assert under.content.startswith(b'"javax.faces.component.UIPanel@1a2b3c"')
    assert under.content == portal.under_csv and archive.content == portal.archive_csv


def test_placeholder_header_exports_parse_by_position():
    with FakePortal("placeholder_headers") as portal:
        exports = fetch(portal)
    for export in exports:
        rows = runner.parse_source(hhs_ocr, export.content, list_kind=export.list_kind, as_of=export.fetched_at)
        assert len(rows) == export.content.count(b"\n") - 1  # one line a row in the fake's exports
        assert set(rows["source_list"]) == {export.list_kind}


def test_old_mojarra_viewstate_update_id():
    with FakePortal("old_mojarra") as portal:
        _, archive = fetch(portal)
    assert archive.content == portal.archive_csv


def test_archive_link_found_by_reloading_when_tab_change_sends_no_link():
    with FakePortal("reload_for_archive_link") as portal:
        _, archive = fetch(portal)
    assert archive.content == portal.archive_csv
    assert len(portal.requests_where("GET")) == 2
    assert export_posts(portal)[-1].fields[portal.archive_link_id] == portal.archive_link_id


def test_octet_stream_attachment_is_accepted():
    with FakePortal("octet_stream") as portal:
        under, _ = fetch(portal)
    assert under.content == portal.under_csv


def test_timeout_is_passed_to_every_request():
    timeouts = []

    class SpySession(requests.Session):
        def request(self, method, url, **kwargs):
            timeouts.append(kwargs.get("timeout"))
            return super().request(method, url, **kwargs)

    with FakePortal("reload_for_archive_link") as portal:  # the mode with the most requests: 5
        export_lists(SpySession(), portal.url, timeout=(3, 7))
    assert timeouts == [(3, 7)] * 5


# ---- failures

def test_html_instead_of_csv():
    error, portal = fail("html_instead_of_csv")
    assert "HTML page instead of CSV" in error.message and portal.url in error.message
    assert [r.encoding for r in export_posts(portal)] == ["multipart", "urlencoded"]


def test_ignored_tab_switch_is_detected():
    error, _ = fail("tab_switch_ignored")
    assert "same rows as the under-investigation list" in error.message


def test_missing_export_link():
    error, portal = fail("no_export_link")
    assert "'Export as CSV' link was not found" in error.message and "page layout changed" in error.message
    assert portal.requests_where("POST") == []


def test_missing_viewstate():
    error, portal = fail("no_viewstate")
    assert "javax.faces.ViewState" in error.message and portal.url in error.message
    assert portal.requests_where("POST") == []


def test_part2_listing_is_refused():
    error, _ = fail("part2_listing")
    assert "Part 2" in error.message


def test_server_error():
    error, portal = fail("server_error")
    assert "HTTP 500" in error.message and portal.url in error.message
    assert len(portal.received) == 2  # one try and one retry, then the error


def test_captcha_page():
    error, _ = fail("captcha")
    assert "no form 'ocrForm'" in error.message and "Request Rejected" in error.message


def test_truncated_body():
    error, portal = fail("truncated")
    assert portal.url in error.message and "failed" in error.message
    assert isinstance(error.__cause__, requests.RequestException)


def test_slow_export_times_out():
    error, portal = fail("slow", timeout=(1, 0.2))
    assert "timed out" in error.message and portal.url in error.message
    assert isinstance(error.__cause__, requests.RequestException)


def test_connection_refused():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/ocr/breach/breach_report_hip.jsf"
    with pytest.raises(FetchError) as caught:
        export_lists(make_session(retries=0, backoff=0), url)
    assert url in caught.value.message and isinstance(caught.value.__cause__, requests.ConnectionError)
