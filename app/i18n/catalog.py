"""Translations as gettext catalogs: English is written in the code, French in locales/fr/LC_MESSAGES/messages.po.

Call sites pass the English text itself (`t("Reports", lang)`), so `pybabel extract` (see babel.cfg) finds every
message and translators work with their usual PO tools. Plural forms come from the catalog's Plural-Forms rule
(`nt`), and a context tells apart one English text with two French translations (`pt`). The catalog is read once
per process, never written: the language is an argument of every call, never state shared between sessions.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages import mofile, pofile

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "messages"


def N_(message: str) -> str:  # noqa: N802 -- the gettext convention for "marked for translation, not translated"
    """Marks `message` for extraction where it is stored, to be translated later with `t()`."""
    return message


def NP_(context: str, message: str) -> str:  # noqa: N802 -- as N_, for a message translated with pt(context, ...)
    """Marks `message` in `context` for extraction; translate it later with `pt(context, message, lang)`."""
    return message


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog of `lang`; English (the source language) is the messages themselves, with English plurals."""
    path = LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == "en" or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = pofile.read_po(handle, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    mofile.write_mo(compiled, catalog, use_fuzzy=False)  # a fuzzy translation is not a translation
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _fill(template: str, values: dict[str, object]) -> str:
    return template.format(**values) if values else template


def t(message: str, lang: str, **values: object) -> str:
    """`message` (English) in `lang`, with its {placeholders} filled in."""
    return _fill(translations(lang).gettext(message), values)


def pt(context: str, message: str, lang: str, **values: object) -> str:
    """`message` in `lang` as meant in `context`, where one English text has two French translations."""
    return _fill(translations(lang).pgettext(context, message), values)


def nt(singular: str, plural: str, quantity: int, lang: str, /, **values: object) -> str:
    """The singular or plural form as `lang`'s plural rule wants for `quantity` (French: 0 and 1 are singular)."""
    return _fill(translations(lang).ngettext(singular, plural, abs(int(quantity))), values)
