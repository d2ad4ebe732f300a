"""Canonical links: the same article or page gives the same URL, whatever tracking it came with."""

from __future__ import annotations

import html
from urllib.parse import unquote, urlsplit, urlunsplit

# Query parameters that only say how a reader arrived (analytics, ads, newsletters), never what page it is.
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "matomo_", "hsa_", "oly_", "at_", "_hs", "mc_")
_TRACKING_NAMES = frozenset({"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
                             "mkt_tok", "xtor", "ncid", "cmpid", "sr_share", "ref_src", "spm", "_ga", "ocid"})


def canonical_url(url: object) -> str | None:
    """The link without tracking parameters (utm_*, pk_*, fbclid ...) or fragment, scheme and host in lower
    case; None for a missing or non-web link and for any .onion address (we never keep leak-site links).

    WordPress feeds write `&` inside links as `&#038;`; it may reach us still encoded.
    """
    if not isinstance(url, str) or not url.strip():
        return None
    text = html.unescape(html.unescape(url.strip())).replace(" ", "%20")
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unbalanced "[" in the host ("Invalid IPv6 URL"): not a usable link
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or ".onion" in parts.netloc.lower():
        return None
    kept = [pair for pair in parts.query.split("&") if pair and not _is_tracking(unquote(pair.split("=", 1)[0]))]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", "&".join(kept), ""))


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in _TRACKING_NAMES or name.startswith(_TRACKING_PREFIXES)


def url_key(url: str | None) -> str:
    """What two links of one page share: no scheme, no `www.`, no trailing slash ('http://www.x.fr/a/' and
    'https://x.fr/a' give 'x.fr/a'). For comparing links, never for storing one (the stored link stays as
    the source wrote it, and must keep working)."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")
