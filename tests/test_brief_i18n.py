"""app.i18n's Babel-backed formatting and language choice, as the brief and the dashboard use them."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from app import i18n

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(("url", "browser", "lang"), [
    ("fr", None, "fr"), ("FR", "en-US", "fr"), ("en", "fr-FR", "en"),  # the URL first
    (None, "fr-FR", "fr"), ("", "fr_CA", "fr"), ("de", "fr", "fr"),  # then the browser
    (None, "de-DE", "en"), (None, None, "en"), (None, "", "en"),  # else English
])
def test_choose_language(url, browser, lang):
    assert i18n.choose_language(url, browser) == lang


def test_numbers_the_way_each_language_writes_them():
    assert i18n.format_int(2_689_826, "en") == "2,689,826"
    assert i18n.format_int(2_689_826, "fr") == f"2{NNBSP}689{NNBSP}826"
    assert i18n.format_decimal(11.5577, "fr") == "11,6"
    assert i18n.format_decimal(1.25, "en") == "1.2"  # half to even, like Python's round
    assert i18n.format_decimal(0.0, "en", signed=True) == "+0.0"
    assert i18n.format_percent(0.253, "en") == "25%"
    assert i18n.format_percent(0.2534, "fr", digits=1) == f"25,3{NBSP}%"
    assert i18n.PLOTLY_SEPARATORS == {"en": ".,", "fr": f",{NNBSP}"}


def test_dates_with_each_language_s_month_names():
    assert i18n.format_date_long(dt.date(2025, 12, 22), "fr") == "22 décembre 2025"
    assert i18n.format_date_long(dt.date(2025, 8, 3), "en") == "3 August 2025"
    assert i18n.format_date_range(dt.date(2025, 12, 22), dt.date(2025, 12, 28), "fr", long=True) == "22–28 décembre 2025"
    assert i18n.format_date_range(dt.date(2025, 7, 28), dt.date(2025, 8, 3), "fr") == "28 juil. – 3 août 2025"
    assert i18n.format_date_range(dt.date(2020, 12, 28), dt.date(2021, 1, 3), "en") == "28 Dec 2020 – 3 Jan 2021"
    assert i18n.format_month(dt.date(2025, 2, 1), "fr") == "févr. 2025"


def test_plural_rules_and_country_names():
    assert i18n.nt("{n} report", "{n} reports", 0, "fr", n="0") == "0 signalement"  # French: 0 is singular
    assert i18n.nt("{n} report", "{n} reports", 0, "en", n="0") == "0 reports"
    assert i18n.nt("{n} report", "{n} reports", 1, "en", n="1") == "1 report"
    assert i18n.country_name("DE", "fr") == "Allemagne" and i18n.country_name("US", "en") == "United States"
    assert i18n.country_name("XX", "en") == "XX"



def test_formatting_holds_no_language_state_between_threads():
    """Two users formatting at once each get their own language (nothing is stored at module level)."""
    results: dict[str, set[str]] = {"en": set(), "fr": set()}

    def work(lang: str) -> None:
        for _ in range(300):
            results[lang].add(i18n.format_int(1234, lang) + i18n.format_date(dt.date(2025, 2, 1), lang))

    threads = [threading.Thread(target=work, args=(lang,)) for lang in ("en", "fr", "en", "fr")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {"en": {"1,2341 Feb 2025"}, "fr": {f"1{NNBSP}2341 févr. 2025"}}
