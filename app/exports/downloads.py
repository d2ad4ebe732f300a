"""Downloads of exactly the rows a reader selected: Excel with an "About" sheet, or a zip of a CSV and a README.

Why a zip for CSV: a CSV has no place for metadata that every program ignores (a comment line breaks
spreadsheet imports and pandas alike), and a second, separate download gets lost. The zip keeps the data
and its README.txt (filters, view link, dataset date and version, sources and licences, citation,
column dictionary) together; the CSV inside is plain RFC 4180, UTF-8 with a byte-order mark so that Excel
reads accents right.

Spreadsheet formula injection: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
would run as a formula when the file is opened (an organisation named `=HYPERLINK(...)`). Such cells get a
leading `'` in both files; numbers, dates and booleans are written as what they are and never touched.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from app import i18n
from app.exports import citation
from app.exports import columns as columns_
from collectors import schema

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_NAME, README_NAME = "incidents.csv", "README.txt"
EXCEL_MAX_ROWS = 1_048_575  # one row is the header


def escape_text(value: object) -> object:
    """`'` before a text that a spreadsheet would read as a formula; anything that is not text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_columns(frame: pd.DataFrame) -> list[str]:
    """The schema's columns in order (any extra column the frame carries, e.g. vendor, after them)."""
    known = [c for c in schema.COLUMN_NAMES if c in frame.columns]
    return known + [c for c in frame.columns if c not in known and not c.startswith("_") and c != "attack_date"]


def _text_columns(frame: pd.DataFrame, columns: Sequence[str]) -> list[str]:
    return [c for c in columns if pd.api.types.is_string_dtype(frame[c]) or frame[c].dtype == object]


def safe_frame(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The rows to export, text cells escaped; other columns keep their dtype. With `lang`, as a reader reads
    them (app/exports/columns.py: titles and labels in that language, codes in their own columns)."""
    if lang is not None:
        frame = columns_.reader_frame(frame.loc[:, export_columns(frame)], lang)
    columns = export_columns(frame) if lang is None else list(frame.columns)
    out = frame.loc[:, columns].reset_index(drop=True)
    for column in _text_columns(out, columns):
        values = out[column]
        risky = values.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
        if risky.any():
            out[column] = values.where(~risky, "'" + values)
    return out


def csv_bytes(frame: pd.DataFrame, lang: str | None = None) -> bytes:
    """The rows as CSV: dates as YYYY-MM-DD, booleans as True/False, empty cells for missing values; with
    `lang`, column names and coded values in that language (the codes in their own columns)."""
    out = safe_frame(frame, lang)
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def about_lines(provenance: citation.Provenance, rows: int, lang: str,
                source_names: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    """(label, value) lines for the About sheet and the README, in `lang` (the citation in both languages)."""
    def t(key: str, **values: object) -> str:
        return i18n.t(key, lang, **values)

    lines: list[tuple[str, str]] = [
        (t("What this is"), t("Reports of cyberattacks and data breaches affecting healthcare organisations, one "
                               "row per report from one source, from the Healthcare cyberattack observatory.")),
        (t("Rows"), i18n.format_int(rows, lang)),
        (t("Data as of"), provenance.as_of.date().isoformat() if provenance.as_of is not None else "–"),
        (t("Dataset version"), citation.version(provenance.sha256)),
        (t("Downloaded on"), provenance.accessed.isoformat()),
        (t("View (reproduces these rows)"), provenance.view_url),
    ]
    lines += [(t("Filter: {what}", what=what), value) for what, value in provenance.filters] or [
        (t("Filters"), t("none: every report"))]
    for code in provenance.sources:
        info = i18n.source_description(code, lang)
        lines.append((t("Source {source}", source=code),
                      f"{info.title}. {info.publisher}. {info.url}".strip()))
        lines.append((t("Licence of {source}", source=code), info.licence))
    lines += [
        (t("How to count"), t("Each row is a report, not an attack: reports of one attack by several sources "
                                  "share an incident_id, and one breach at a vendor can be reported by many of its "
                                  "clients. Reports the source has withdrawn are not included. "
                                  "individuals_affected of 500 or 501 is often a placeholder "
                                  "(is_placeholder_count).")),
        (t("Formula safety"), t("A text cell starting with =, +, -, @, a tab or a carriage return has been given "
                                  "a leading apostrophe (') so that a spreadsheet does not run it as a formula; "
                                  "remove it to get the source's exact text. Numbers, dates and true/false values "
                                  "are unchanged.")),
        (t("How to cite"), citation.citations(provenance, source_names)),
    ]
    return lines


def readme_text(provenance: citation.Provenance, rows: int, lang: str,
                source_names: Mapping[str, Sequence[str]]) -> str:
    sections = [f"{label}\n    " + value.replace("\n", "\n    ")
                for label, value in about_lines(provenance, rows, lang, source_names)]
    dictionary = [i18n.t("Columns", lang),
                  "    " + i18n.t("Columns are named in the language of this file; a column named in lower_case "
                                  "holds the codes (the same in every language) that the column before it names.",
                                  lang)]
    dictionary += [f"    {column.name} ({column.dtype}): {column.meaning}" for column in schema.COLUMNS]
    return "\n\n".join(sections + ["\n".join(dictionary)]) + "\n"


def zip_bytes(frame: pd.DataFrame, provenance: citation.Provenance, lang: str,
              source_names: Mapping[str, Sequence[str]]) -> bytes:
    """A zip of incidents.csv (the rows) and README.txt (what they are and how to cite them)."""
    buffer = io.BytesIO()
    stamp = provenance.accessed.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in ((CSV_NAME, csv_bytes(frame, lang)),
                              (README_NAME, readme_text(provenance, len(frame), lang, source_names).encode())):
            info = zipfile.ZipInfo(name, date_time=stamp)  # a fixed date: the same rows give the same zip
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


def _excel_value(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, np.bool_):
        return bool(value)  # openpyxl would write a numpy bool as the number 1
    if isinstance(value, np.integer):
        return int(value)
    return escape_text(value)


def xlsx_bytes(frame: pd.DataFrame, provenance: citation.Provenance, lang: str,
               source_names: Mapping[str, Sequence[str]]) -> bytes:
    """An Excel workbook: sheet "Data" (the rows; numbers as numbers, dates as dates, text escaped) and
    sheet "About" (the same facts as the zip's README)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    if len(frame) > EXCEL_MAX_ROWS:
        raise ValueError(f"{len(frame):,} rows do not fit in one Excel sheet; download the CSV instead")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    frame = columns_.reader_frame(frame.loc[:, export_columns(frame)], lang)
    columns = list(frame.columns)
    sheet.freeze_panes = "A2"
    widths = {i18n.t(columns_.TITLES[c], lang): w
              for c, w in {"organization": 45, "source_url": 40, "record_id": 22, "incident_id": 18}.items()}
    for index, column in enumerate(columns):
        letter = _column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(column, 16)
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    dates = [pd.api.types.is_datetime64_any_dtype(frame[c]) for c in columns]
    data = frame.loc[:, columns]
    for row in data.itertuples(index=False, name=None):
        values = []
        for value, is_date in zip(row, dates):
            cell = WriteOnlyCell(sheet, value=_excel_value(value))
            if is_date and cell.value is not None:
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            values.append(cell)
        sheet.append(values)
    if len(columns):
        sheet.auto_filter.ref = f"A1:{_column_letter(len(columns) - 1)}{len(frame) + 1}"

    about = book.create_sheet("About")
    about.column_dimensions["A"].width = 34
    about.column_dimensions["B"].width = 110
    wrap = Alignment(wrap_text=True, vertical="top")
    for label, value in about_lines(provenance, len(frame), lang, source_names):
        label_cell = WriteOnlyCell(about, value=escape_text(label))
        label_cell.font = bold
        label_cell.alignment = wrap
        value_cell = WriteOnlyCell(about, value=escape_text(value))
        value_cell.data_type = "s"
        value_cell.alignment = wrap
        about.append([label_cell, value_cell])
    about.append([])
    heading = WriteOnlyCell(about, value=i18n.t("Columns", lang))
    heading.font = bold
    about.append([heading])
    for spec in schema.COLUMNS:
        name_cell = WriteOnlyCell(about, value=spec.name)
        meaning = WriteOnlyCell(about, value=escape_text(f"({spec.dtype}) {spec.meaning}"))
        meaning.alignment = wrap
        about.append([name_cell, meaning])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def file_stem(accessed: dt.date, what: str = "incidents") -> str:
    return f"healthcare-cyberattacks_{what}_{accessed.isoformat()}"
