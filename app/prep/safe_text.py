"""Source text made safe to show: names of codes are in app.i18n.names."""

from __future__ import annotations

_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~$"})


def plain(text: str) -> str:
    """Source text made safe for Streamlit's Markdown: every markup character escaped, so an attacker's
    victim name like `[click](https://…)` shows as typed instead of becoming a live link."""
    return str(text).translate(_MARKDOWN_SPECIAL)
