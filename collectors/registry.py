"""The one explicit list of sources. A source module has INFO, fetch(session) and parse(raw, ...)."""

from __future__ import annotations

from types import ModuleType

from collectors.sources import cissm, curated_fr, eurepoc, hhs_ocr, news_feeds, ransomware_live

SOURCES: dict[str, ModuleType] = {
    hhs_ocr.SOURCE: hhs_ocr,
    eurepoc.SOURCE: eurepoc,
    news_feeds.SOURCE: news_feeds,
    ransomware_live.SOURCE: ransomware_live,
    cissm.SOURCE: cissm,
    curated_fr.SOURCE: curated_fr,
}


def get(name: str) -> ModuleType:
    from collectors.errors import CollectorError

    try:
        return SOURCES[name]
    except KeyError:
        raise CollectorError(name, f"no such source; known sources: {', '.join(SOURCES)}") from None
