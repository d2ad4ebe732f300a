"""The one explicit list of sources, and the contract every source keeps (tests/test_source_contract.py checks it).

A source is a module (or a package) of collectors/sources/ with the attributes of `Source`. Its optional parts
are declared by every source, as None, False or () when it has none, so the runner reads them directly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

import pandas as pd
import requests

from collectors.raw import RawExport
from collectors.sources import cissm, curated_fr, eurepoc, hhs_ocr, news_feeds, ransomware_live


class Source(Protocol):
    """What a source module holds. `fetch` does only I/O (through collectors.http.download); `parse` is pure and
    returns the source's own columns, which the runner finishes (collectors.runner.parse_source).
    (Read-only members: a module's constants and functions fit them.)"""

    # its name: the `source` of its rows and the prefix of their record_id
    @property
    def SOURCE(self) -> str: ...

    # title, publisher, url, licence, status, counts and biases (en, fr)
    @property
    def INFO(self) -> dict[str, Any]: ...

    # the lists a raw export can be (`list_kind`); None: any name (news feeds)
    @property
    def LISTS(self) -> tuple[str, ...] | None: ...

    # False: no live download, `update` leaves it out and files come in through `ingest`
    @property
    def FETCH(self) -> bool: ...

    # False: fetch() reads a file of the repository (the network fault suite does not apply)
    @property
    def NETWORK(self) -> bool: ...

    # True: rows without an id of their own, merged by their content (collectors/dedupe.py)
    @property
    def MATCH_ON_CONTENT(self) -> bool: ...

    # globs under ../shared/snapshots that `python -m collectors build` merges
    @property
    def SNAPSHOT_FILES(self) -> tuple[str, ...]: ...

    # files of this repository that `build` merges (the curated French list)
    @property
    def REPOSITORY_FILES(self) -> tuple[str, ...]: ...

    # What one raw export shows of the source's coverage, any sector (collectors/coverage.py); None: measured
    # from the source's rows.
    @property
    def measure_coverage(self) -> Callable[[bytes], dict] | None: ...

    # Which rows the source no longer lists, given every export merged so far; None: a source never withdraws.
    @property
    def removed_reports(self) -> Callable[[pd.DataFrame, list[dict]], pd.Series] | None: ...

    def fetch(self, session: requests.Session) -> list[RawExport]: ...

    def parse(self, raw: bytes, *, list_kind: str | None = None, as_of: datetime | None = None) -> pd.DataFrame: ...


SOURCES: dict[str, Source] = {
    hhs_ocr.SOURCE: hhs_ocr,
    eurepoc.SOURCE: eurepoc,
    news_feeds.SOURCE: news_feeds,
    ransomware_live.SOURCE: ransomware_live,
    cissm.SOURCE: cissm,
    curated_fr.SOURCE: curated_fr,
}


def get(name: str) -> Source:
    from collectors.errors import CollectorError

    try:
        return SOURCES[name]
    except KeyError:
        raise CollectorError(name, f"no such source; known sources: {', '.join(SOURCES)}") from None
