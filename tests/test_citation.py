"""Citations: pinned to the data's date and version and to the view's link, in English and in French."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from app.exports import citation

PROV = citation.Provenance(as_of=pd.Timestamp("2025-12-31"), sha256="a1b2c3d4e5f60718293a4b5c6d7e8f90" * 2,
                           view_url="https://obs.example/explorer?country=FR&attack=ransomware&lang=fr",
                           accessed=dt.date(2026, 3, 5), sources=("hhs_ocr",))


def test_version_is_the_first_12_hex_digits_of_the_sha256():
    assert citation.version(PROV.sha256) == "sha256:a1b2c3d4e5f6"
    assert citation.version("") == "sha256:unknown"


def test_citation_in_english_and_french():
    english = citation.citation(PROV, "en", ["HHS OCR breach portal"])
    assert english == ("Healthcare cyberattack observatory (2026). Cyberattacks and data breaches affecting healthcare "
                       "organisations [dataset], data as of 31 Dec 2025, version sha256:a1b2c3d4e5f6. View: "
                       "https://obs.example/explorer?country=FR&attack=ransomware&lang=fr (accessed 5 Mar 2026). "
                       "Underlying sources: HHS OCR breach portal.")
    french = citation.citation(PROV, "fr", ["Portail HHS OCR"])
    assert "données au 31 déc. 2025" in french and "consultée le 5 mars 2026" in french
    assert "version sha256:a1b2c3d4e5f6" in french and PROV.view_url in french
    both = citation.citations(PROV, {"en": ["HHS OCR"], "fr": ["HHS OCR"]})
    assert both.startswith("[EN] Healthcare") and "\n\n[FR] Observatoire" in both


def test_view_url_from_the_browser_address_and_the_parameters():
    params = {"country": ["FR"], "attack": ["ransomware", "hacking"], "q": "hôpital", "lang": ["fr"]}
    url = citation.view_url("http://localhost:8501/explorer", "explorer", params)
    assert url == "http://localhost:8501/explorer?country=FR&attack=ransomware&attack=hacking&q=h%C3%B4pital&lang=fr"
    # The default page's address has no path: the page is named so the link survives a change of default.
    assert citation.view_url("http://localhost:8501/", "overview", {}) == "http://localhost:8501/overview"
    # Without a browser (tests, scripts): a path from the app's root.
    assert citation.view_url(None, "incident", {"incident": ["inc:0123456789ab"]}) == (
        "/incident?incident=inc:0123456789ab")
