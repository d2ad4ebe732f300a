"""Downloads: exactly the rows selected, their metadata alongside, and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from app import i18n
from app.exports import citation, downloads
from tests.support.frames import journalist as frames

HOSTILE_NAMES = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=tab", "\r=cr", "Normal – name", "3M"]


@pytest.fixture
def rows() -> pd.DataFrame:
    frame = frames.incidents()
    hostile = frame.iloc[: len(HOSTILE_NAMES)].copy()
    hostile["organization"] = pd.array(HOSTILE_NAMES, dtype="str")
    return pd.concat([hostile, frame.iloc[len(HOSTILE_NAMES):]], ignore_index=True)


@pytest.fixture
def provenance() -> citation.Provenance:
    return citation.Provenance(as_of=frames.AS_OF, sha256="0123456789abcdef" * 4,
                               view_url="https://obs.example/explorer?country=FR&lang=en",
                               accessed=dt.date(2024, 7, 2), sources=("hhs_ocr", "ransomware_live"),
                               filters=(("Country", "France (FR)"),))


NAMES = {"en": ["HHS OCR", "ransomware.live"], "fr": ["HHS OCR", "ransomware.live"]}


@pytest.mark.parametrize(("value", "safe"), [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Hôpital", "Hôpital"), ("", ""), (12, 12), (-5, -5), (1.5, 1.5), (True, True), (None, None),
])
def test_escape_text_touches_only_risky_text(value, safe):
    assert downloads.escape_text(value) == safe


def test_csv_has_every_row_escaped_text_and_plain_numbers(rows):
    text = downloads.csv_bytes(rows).decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(table) == len(rows)
    assert [r["organization"] for r in table[: len(HOSTILE_NAMES)]] == [
        "'=1+2", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1:A2)", "'\t=tab", "'\r=cr", "Normal – name", "3M"]
    assert [r["organization"] for r in table if r["record_id"] == "hhs_ocr:h001"] == ["'" + frames.HOSTILE]
    lakeside = next(r for r in table if r["record_id"] == "hhs_ocr:us02")
    assert lakeside["individuals_affected"] == "12000" and lakeside["reported_date"] == "2023-11-30"
    assert lakeside["business_associate_involved"] == "False"


def test_zip_holds_the_csv_and_a_readme_with_filters_sources_licences_date_and_citation(rows, provenance):
    archive = zipfile.ZipFile(io.BytesIO(downloads.zip_bytes(rows, provenance, "en", NAMES)))
    assert sorted(archive.namelist()) == ["README.txt", "incidents.csv"]
    assert archive.read("incidents.csv") == downloads.csv_bytes(rows, "en")  # named for an English reader
    readme = archive.read("README.txt").decode()
    for fact in ("Country", "France (FR)", "https://obs.example/explorer?country=FR&lang=en", "2024-06-30",
                 "sha256:0123456789ab", "public domain", "US HHS OCR breach portal", "ransomware.live",
                 "[EN] Healthcare cyberattack observatory", "[FR] Observatoire des cyberattaques",
                 "individuals_affected (Int64)", "apostrophe"):
        assert fact in readme, fact
    assert f"{len(rows)}" in readme


def test_the_same_rows_give_the_same_zip(rows, provenance):
    assert downloads.zip_bytes(rows, provenance, "en", NAMES) == downloads.zip_bytes(rows, provenance, "en", NAMES)


def test_excel_data_sheet_holds_exactly_the_rows_typed_and_escaped(rows, provenance):
    book = load_workbook(io.BytesIO(downloads.xlsx_bytes(rows, provenance, "fr", NAMES)))
    assert book.sheetnames == ["Data", "About"]
    sheet = book["Data"]
    values = list(sheet.iter_rows(values_only=True))
    header, body = values[0], values[1:]
    assert len(body) == len(rows)
    column = {name: i for i, name in enumerate(header)}
    # French titles; a coded column's French labels, then its codes under the dictionary's name.
    assert header[:2] == ("Identifiant du signalement", "Identifiant de l'incident")
    assert header[column["Type d'attaque"] + 1] == "attack_type" and header[column["Pays"] + 1] == "country"
    assert [r[column["Organisation"]] for r in body[: len(HOSTILE_NAMES)]] == [
        "'" + n if n[0] in "=+-@\t\r" else n for n in HOSTILE_NAMES]
    # No cell of the workbook is a formula.
    assert all(cell.data_type != "f" for line in sheet.iter_rows() for cell in line)
    lakeside = next(r for r in body if r[column["Identifiant du signalement"]] == "hhs_ocr:us02")
    assert lakeside[column["Personnes concernées"]] == 12000  # a number, not text
    assert lakeside[column["Date du signalement"]] == dt.datetime(2023, 11, 30)  # a date
    assert lakeside[column["Prestataire impliqué"]] is False
    assert lakeside[column["Date de l'attaque"]] is None
    assert lakeside[column["Pays"]] == "États-Unis" and lakeside[column["country"]] == "US"
    assert lakeside[column["Degré de certitude"]] == "Confirmé (déclaration au régulateur)"
    assert lakeside[column["status"]] == "confirmed"


def test_excel_about_sheet_states_filters_sources_licences_date_version_and_citation(rows, provenance):
    book = load_workbook(io.BytesIO(downloads.xlsx_bytes(rows, provenance, "fr", NAMES)))
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row and row[0]}
    assert about["Filtre : Country"] == "France (FR)"
    assert about["Données au"] == "2024-06-30"
    assert about["Version des données"] == "sha256:0123456789ab"
    assert about["Vue (reproduit ces lignes)"] == provenance.view_url
    assert "domaine public" in about["Licence de hhs_ocr"]  # the About sheet in the reader's language
    assert "ransomware.live" in about["Source ransomware_live"]
    assert "[EN] Healthcare cyberattack observatory" in about["Comment citer"]
    assert "[FR] Observatoire des cyberattaques contre la santé" in about["Comment citer"]
    assert about["record_id"].startswith("(str)")


def test_a_selection_too_big_for_excel_is_refused_with_a_clear_message(monkeypatch, rows, provenance):
    monkeypatch.setattr(downloads, "EXCEL_MAX_ROWS", 3)
    with pytest.raises(ValueError, match="CSV"):
        downloads.xlsx_bytes(rows, provenance, "en", NAMES)


@pytest.mark.parametrize(("lang", "country", "attack"), [("en", "Country", "Attack type"), ("fr", "Pays", "Type d'attaque")])
def test_the_csv_names_columns_and_values_in_the_readers_language_and_keeps_the_codes(rows, lang, country, attack):
    table = pd.read_csv(io.BytesIO(downloads.csv_bytes(rows, lang)), encoding="utf-8-sig", dtype=str)
    assert len(table) == len(rows)
    assert list(table.columns).index("country") == list(table.columns).index(country) + 1  # the codes beside
    assert list(table.columns).index("attack_type") == list(table.columns).index(attack) + 1
    assert set(table["country"]) == set(rows["country"])  # codes unchanged, for machines
    assert (table[country] == [i18n.country_name(c, lang) for c in table["country"]]).all()
    assert (table[attack] == [i18n.attack_type_label(a, lang) for a in table["attack_type"]]).all()
    # The raw export (no language) stays the dictionary's columns.
    raw = pd.read_csv(io.BytesIO(downloads.csv_bytes(rows)), encoding="utf-8-sig", dtype=str)
    assert list(raw.columns) == downloads.export_columns(rows)
