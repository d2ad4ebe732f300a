"""The French catalog (locales/fr/LC_MESSAGES/messages.po) against the messages in the code.

Every message the code marks (app.i18n's t, pt, nt, N_, NP_; keywords in babel.cfg) must be in the catalog,
translated, not fuzzy, with the same {placeholders}; the catalog holds nothing the code no longer uses; the
plural forms follow each language's rule.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from babel.messages import pofile
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from app import i18n

REPO = Path(__file__).resolve().parents[1]
CATALOG = REPO / "locales" / "fr" / "LC_MESSAGES" / "messages.po"


def _code_messages() -> dict[tuple[str | None, str | tuple[str, ...]], str]:
    """(context, msgid) -> where, for every message `pybabel extract -F babel.cfg` would find."""
    with (REPO / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
            REPO, method_map, options_map, keywords={}, directory_filter=lambda d: "tests" not in d):
        msgid = message if isinstance(message, str) else tuple(message)
        found[(context, msgid)] = f"{filename}:{lineno}"
    return found


@pytest.fixture(scope="module")
def catalog():
    with CATALOG.open("rb") as handle:
        return pofile.read_po(handle, locale="fr")


@pytest.fixture(scope="module")
def code_messages():
    return _code_messages()


def _key(message) -> tuple[str | None, str | tuple[str, ...]]:
    return message.context, message.id if isinstance(message.id, str) else tuple(message.id)


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_code_marks_hundreds_of_messages(code_messages):
    assert len(code_messages) > 500  # the extraction itself works (a broken babel.cfg would find none)
    assert (None, "Reports") in code_messages and ("column", "Where") in code_messages
    assert (None, ("{n} report", "{n} reports")) in code_messages


def test_every_message_of_the_code_is_in_the_catalog(catalog, code_messages):
    in_catalog = {_key(m) for m in catalog if m.id}
    missing = {k: where for k, where in code_messages.items() if k not in in_catalog}
    assert not missing, f"not in the catalog (run the update in CONTRIBUTING.md): {missing}"


def test_the_catalog_holds_no_message_the_code_dropped(catalog, code_messages):
    stale = [_key(m) for m in catalog if m.id and _key(m) not in code_messages]
    assert not stale, f"in the catalog, no longer in the code: {stale}"


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_literal_message_call_is_in_the_catalog(catalog):
    """A cross-check that does not trust Babel's extractor: every t/pt/nt/N_/NP_ call with literal text, found by
    walking the syntax trees (Babel misses a marker nested inside another call's arguments)."""
    have = {_key(m) for m in catalog if m.id}
    missing = []
    for path in [*(REPO / "app").rglob("*.py"), *(REPO / "brief").rglob("*.py"), REPO / "dashboard.py"]:
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            texts = [_literal(a) for a in node.args[:2]]
            if name in ("t", "_t", "N_") and texts and texts[0] is not None:
                key = (None, texts[0])
            elif name in ("pt", "NP_") and len(texts) == 2 and None not in texts:
                key = (texts[0], texts[1])
            elif name == "nt" and len(texts) == 2 and None not in texts:
                key = (None, (texts[0], texts[1]))
            else:
                continue
            if key not in have:
                missing.append(f"{path.relative_to(REPO)}:{node.lineno} {key}")
    assert not missing, missing


def test_every_message_is_translated_and_none_is_fuzzy(catalog):
    untranslated = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple)
                                                              else (m.string,))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated and not fuzzy, (untranslated, fuzzy)


def test_translations_keep_the_placeholders(catalog):
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_fields(i) for i in ids))
        for text in strings:
            # French may leave out a value English spells ("en comptait {n}" needs no noun, and the code passes n
            # beside count for that): never a placeholder the code does not fill.
            assert _fields(text) <= wanted | {"n"}, (message.id, text)


def test_plural_forms_follow_each_language():
    one_two = {lang: [i18n.nt("{n} report", "{n} reports", n, lang, n=n) for n in (0, 1, 2)] for lang in ("en", "fr")}
    assert one_two["en"] == ["0 reports", "1 report", "2 reports"]
    assert one_two["fr"] == ["0 signalement", "1 signalement", "2 signalements"]  # French: 0 and 1 singular
    world = [i18n.nt("{n} incident", "{n} incidents", n, "fr", n=n) for n in (1, 5)]
    assert world == ["1 incident", "5 incidents"]


def test_no_message_writes_a_plural_by_hand(catalog):
    """'(s)' and '1 countries' were how plurals were faked before the catalog: ngettext says it properly."""
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert "(s)" not in text, (message.id, text)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for text in ids:
            assert "(s)" not in text, message.id


def test_a_context_separates_two_french_words_for_one_english_one():
    assert i18n.t("Where", "fr") == "Où"  # a section title
    assert i18n.pt("column", "Where", "fr") == "Lieu"  # a table column
    assert i18n.t("Where", "en") == i18n.pt("column", "Where", "en") == "Where"


def test_missing_translation_falls_back_to_english():
    assert i18n.t("A message no catalog has, {x}", "fr", x=1) == "A message no catalog has, 1"
