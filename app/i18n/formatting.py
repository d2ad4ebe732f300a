"""Numbers and dates as each language writes them (Babel, from the CLDR).

Plotly's locales inside Streamlit are English only, so every number or date a reader sees is formatted here and
handed to the charts as text.
"""

from __future__ import annotations

import copy
import datetime as dt
import math

import pandas as pd
from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from app.i18n.catalog import t

LANGUAGES = ("en", "fr")

# French groups thousands with a narrow no-break space and writes a decimal comma, and has its own month names.
# Immutable after import: the language is always an argument, never state shared between sessions.
LOCALES = {lang: Locale.parse(lang) for lang in LANGUAGES}
# Plotly's layout.separators: decimal mark then thousands separator.
PLOTLY_SEPARATORS = {lang: babel_numbers.get_decimal_symbol(loc) + babel_numbers.get_group_symbol(loc)
                     for lang, loc in LOCALES.items()}
_LOCALES = LOCALES


def _day(value: dt.date | pd.Timestamp) -> dt.date:
    return pd.Timestamp(value).date()


def _int_symbols(locale: Locale) -> tuple[str, str] | None:
    """(group symbol, minus sign) when the language groups integers by threes, as Python's `{:,}` does."""
    if locale.decimal_formats[None].grouping != (3, 3):
        return None
    return babel_numbers.get_group_symbol(locale), babel_numbers.get_minus_sign_symbol(locale)


# Tables format thousands of counts per selection: Python's grouping with the CLDR's symbols is Babel's result
# (tests/test_charts.py compares them) at a twentieth of the cost.
_INT_SYMBOLS = {lang: _int_symbols(loc) for lang, loc in LOCALES.items()}


def format_int(value: float, lang: str) -> str:
    """1234567 -> '1,234,567' (en) or '1 234 567' with narrow no-break spaces (fr)."""
    symbols = _INT_SYMBOLS.get(lang)
    if symbols is None:
        return babel_numbers.format_decimal(round(value), locale=_LOCALES[lang])
    group, minus = symbols
    return f"{int(round(value)):,}".replace(",", group).replace("-", minus)


def format_decimal(value: float, lang: str, digits: int = 1, signed: bool = False) -> str:
    """12345.67 -> '12,345.7' (en) or '12 345,7' (fr); `signed` adds '+' to positive values."""
    if math.isnan(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return babel_numbers.format_decimal(value, format=pattern, locale=_LOCALES[lang], decimal_quantization=True)


def format_percent(value: float, lang: str, digits: int = 0) -> str:
    """0.253 -> '25%' (en) or '25 %' (fr, no-break space)."""
    if math.isnan(value):
        return "–"
    # The language's own percent pattern (French puts a no-break space before %), with `digits` decimals.
    pattern = copy.copy(_LOCALES[lang].percent_formats[None])
    pattern.frac_prec = (digits, digits)
    return pattern.apply(value, _LOCALES[lang])


def format_date(value: dt.date | pd.Timestamp, lang: str) -> str:
    """'28 Nov 2026' (en) or '28 nov. 2026' (fr)."""
    return babel_dates.format_date(_day(value), "d MMM y", locale=_LOCALES[lang])


def format_date_long(value: dt.date | pd.Timestamp, lang: str) -> str:
    """'28 November 2026' (en) or '28 novembre 2026' (fr)."""
    return babel_dates.format_date(_day(value), "d MMMM y", locale=_LOCALES[lang])


def format_date_range(start: dt.date | pd.Timestamp, end: dt.date | pd.Timestamp, lang: str,
                      long: bool = False) -> str:
    """'22–28 Dec 2025', '29 Dec 2025 – 4 Jan 2026' (en); '22–28 déc. 2025' (fr); `long`: full month names."""
    first, last = _day(start), _day(end)
    month = "MMMM" if long else "MMM"
    locale = _LOCALES[lang]
    last_text = babel_dates.format_date(last, f"d {month} y", locale=locale)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last_text}"
    first_pattern = f"d {month}" if first.year == last.year else f"d {month} y"
    return f"{babel_dates.format_date(first, first_pattern, locale=locale)} – {last_text}"


def format_month(value: dt.date | pd.Timestamp, lang: str) -> str:
    """'Nov 2026' (en) or 'nov. 2026' (fr)."""
    return babel_dates.format_date(_day(value), "MMM y", locale=_LOCALES[lang])


def format_period(start: pd.Timestamp, granularity: str, lang: str) -> str:
    """How a reader names the period that begins on `start`."""
    if granularity == "year":
        return str(start.year)
    if granularity == "month":
        return format_month(start, lang)
    return t("Week of {date}", lang, date=format_date(start, lang))


