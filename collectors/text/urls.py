"""Canonical links: the same article or page gives the same URL, whatever tracking it came with."""

from __future__ import annotations

import html
import re
from datetime import date
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


# A date written in an article's address: /2023/12/13/, /2020-09-01-slug, 20240301, /2023-0818/. The day must
# be there: an address with only /2023/12/ says the month, which is not the article's date.
_DATE_IN_URL = re.compile(r"(?<!\d)(20[0-3]\d)([/_-]?)(0[1-9]|1[0-2])\2([0-3]\d)(?!\d)|"
                          r"(?<!\d)(20[0-3]\d)-(0[1-9]|1[0-2])([0-3]\d)(?!\d)")


def date_in_url(url: object) -> date | None:
    """The publication date an article's link spells out, or None when it has none (or an impossible one,
    such as 2023-02-30). The first date wins: later digits are usually ids."""
    if not isinstance(url, str):
        return None
    for match in _DATE_IN_URL.finditer(unquote(url)):
        year, month, day = (match[1], match[3], match[4]) if match[1] else (match[5], match[6], match[7])
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None
