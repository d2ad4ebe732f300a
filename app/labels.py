"""Reader-facing names of codes the worldwide sources bring: countries, regions, sources, statuses.

Country names come from data/mappings/country_region.csv (English and French columns); everything else
from app.i18n. A code nobody names is shown as it is.
"""

from __future__ import annotations

from functools import cache

from app import i18n
from collectors.text import normalise


@cache
def _countries() -> dict[str, tuple[str, str]]:
    table = normalise.mapping("country_region")
    return {code: (en, fr or en) for code, en, fr in zip(table["country"], table["name"], table["name_fr"])}


def country_name(code: str, lang: str) -> str:
    names = _countries().get(code)
    if names is None:
        return code
    return names[1] if lang == "fr" else names[0]


def _label(prefix: str, code: str, lang: str) -> str:
    key = f"{prefix}.{code}"
    return i18n.t(key, lang) if key in i18n.STRINGS[lang] else code


def region_label(code: str, lang: str) -> str:
    return _label("x.region", code, lang)


def status_label(code: str, lang: str) -> str:
    return _label("x.status", code, lang)


def source_short(code: str, lang: str) -> str:
    """A short name for a filter or a table cell ('HHS OCR (US regulator)')."""
    key = f"x.source.{code}"
    if key in i18n.STRINGS[lang]:
        return i18n.t(key, lang)
    from collectors import registry

    module = registry.SOURCES.get(code)
    return module.INFO.get("title", code) if module is not None else code


def stream_label(key: str, lang: str) -> str:
    """A coverage stream (`source:list`, app/coverage.py) by name: the source, or the list when a source has
    several that cover differently (ransomware.live's claims and press index)."""
    named = f"x.stream.{key}"
    if named in i18n.STRINGS[lang]:
        return i18n.t(named, lang)
    return source_short(key.split(":", 1)[0], lang)


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~$"})


def plain(text: str) -> str:
    """Source text made safe for Streamlit's Markdown: every markup character escaped, so an attacker's
    victim name like `[click](https://…)` shows as typed instead of becoming a live link."""
    return str(text).translate(_MARKDOWN_SPECIAL)
