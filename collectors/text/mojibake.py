"""Repairing encoding damage: UTF-8 text that was decoded as Windows-1252 or Latin-1, once or several times
(`Centro MÃ©dico`), undone only where the repair is certain. Seen in CISSM's export (collectors/sources/cissm.py)."""

from __future__ import annotations

import re

# Characters that show UTF-8 read as Windows-1252 or Latin-1: C1 controls, the lead bytes Ã Â Å Æ,
# `â€`, and the Windows-1252 symbols of bytes 0x80-0x9F that never occur in an organisation's name.
_MOJIBAKE = re.compile("[\u0080-\u009f\u00c2\u00c3\u00c5\u00c6\u0192\u201a\u201e\u2020\u2021\u02c6\u2030\u0160"
                       "\u2039\u0152\u017d\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]|\u00e2\u20ac")
# A capital letter straight after a small one inside a word ("ThailandÍs"): a decoding that cannot be right.
_MID_WORD_CAPITAL = re.compile(r"[a-zß-ÿ][À-Þ]")
# Sequences whose damage went through more than one wrong decoding, seen in the 2023-01 export:
# `’` saved as Mac Roman (D5), read as Latin-1 (Õ), saved as Mac Roman again (CD), read as Latin-1 (Í),
# then saved as UTF-8 and read as Latin-1 (Ã + U+008D). Always before the `s` of a possessive.
_KNOWN_SEQUENCES = ((re.compile("\u00c3\u008d(?=s\\b)"), "\u2019"),)


def _as_bytes(text: str) -> bytes | None:
    """The bytes a Windows-1252 (else Latin-1) decoding turned into `text`; None if it cannot be one."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            out.append(ord(char))  # bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D: Latin-1 keeps them as C1 controls
    return bytes(out)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252/Latin-1 (once or several times), only where certain.

    `Centro MÃ©dico` -> `Centro Médico`; `Hospital San JosÃ\\x83Â©` (two layers) -> `Hospital San José`.
    The repair is kept only if every layer decodes as strict UTF-8, the result has no damage left, and it
    looks like text (no capital letter in the middle of a word). Otherwise the text is returned unchanged:
    damage that lost bytes (a `'` or `?` in place of a character) cannot be undone with certainty. A lone
    C1 control (`\\x96`, Windows-1252's en dash read as Latin-1) becomes the Windows-1252 character.
    """
    if not _MOJIBAKE.search(text):
        return text
    fixed = text
    for pattern, replacement in _KNOWN_SEQUENCES:
        fixed = pattern.sub(replacement, fixed)
    for _ in range(4):  # the worst names in the export went through three wrong decodings
        if not _MOJIBAKE.search(fixed):
            break
        as_bytes = _as_bytes(fixed)
        if as_bytes is None:
            break
        try:
            decoded = as_bytes.decode("utf-8")
        except UnicodeDecodeError:
            break
        if len(_MOJIBAKE.findall(decoded)) >= len(_MOJIBAKE.findall(fixed)):
            break
        fixed = decoded
    # Lone C1 controls left (no lead byte near them): Windows-1252 characters read as Latin-1.
    if not re.search("[\u00c2\u00c3\u00c5\u00c6]", fixed):
        fixed = re.sub("[\u0080-\u009f]", lambda m: _c1_as_cp1252(m.group()), fixed)
    if _MOJIBAKE.search(fixed):
        return text  # damage left: not certain
    if _MID_WORD_CAPITAL.search(fixed) and not _MID_WORD_CAPITAL.search(_MOJIBAKE.sub("", text)):
        return text  # the repair made a word like `ThailandÍs`: a wrong guess
    return fixed


def _c1_as_cp1252(char: str) -> str:
    try:
        return bytes([ord(char)]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no character
        return char
