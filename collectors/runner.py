"""The runner: parse raw exports, merge them into the dataset, validate, write, report what changed.

Sources never write; the runner does, one source at a time, so a failing source
leaves its rows (and everybody else's) exactly as they were on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import requests

from collectors import coverage, dedupe, link, parsing, registry
from collectors.errors import CollectorError, FetchError
from collectors.http import make_session
from collectors.raw import RawExport, freeze
from collectors.store import Store

Progress = Callable[[str], None]


@dataclass(frozen=True)
class IngestResult:
    source: str
    rows: int  # rows of this source after the merge
    added: int
    updated: int
    unchanged: int
    skipped_exports: int  # exports already in data/sources.json

    def __str__(self) -> str:
        text = (f"{self.source}: {self.rows:,} rows, {self.added:,} added, {self.updated:,} updated, "
                f"{self.unchanged:,} unchanged")
        if self.skipped_exports:
            text += f" ({self.skipped_exports} export(s) already ingested, skipped)"
        return text


def ingest(store: Store, source: str, exports: list[RawExport], *, as_of: datetime | None = None,
           fresh: bool = False, progress: Progress = print) -> IngestResult:
    """Merge raw exports of one source into the dataset (all or nothing for that source)."""
    module = registry.get(source)
    with store.locked():
        incidents = store.read_incidents()
        sources = store.read_sources()
        before = incidents[incidents["source"] == source]  # what the summary compares against
        if fresh:
            incidents = incidents[incidents["source"] != source]
            sources["exports"] = [e for e in sources["exports"] if e["source"] != source]
        known = {e["sha256"] for e in sources["exports"]}
        todo = [e for e in exports if e.sha256 not in known]

        parsed = []
        for export in todo:
            progress(f"{source}: parsing {export.origin} ...")
            try:
                rows = parse_source(module, export.content, list_kind=export.list_kind, as_of=as_of or export.fetched_at)
            except CollectorError as err:
                raise type(err)(source, f"{export.origin}: {err.message}") from None
            record = _export_record(export, rows, as_of)
            record["coverage"] = _measure(module, export, rows)
            progress(f"{source}:   {len(rows):,} rows, list {record['list_kind']}, as of {record['as_of']}")
            parsed.append((record, rows))

        mine = incidents[incidents["source"] == source]
        # Oldest export first, so that "newest values win" holds whatever order the files came in.
        for record, rows in sorted(parsed, key=lambda pair: pair[0]["as_of"]):
            if len(rows):  # a feed with nothing about healthcare today is a success with no rows
                mine, _ = dedupe.merge(mine, rows, match_content=module.MATCH_ON_CONTENT)
            sources["exports"].append(record)

        if parsed and module.removed_reports is not None:
            mine_exports = [e for e in sources["exports"] if e["source"] == source]
            mine = mine.assign(is_removed_by_source=module.removed_reports(mine, mine_exports))
        if parsed:
            others = incidents[incidents["source"] != source]
            sources["exports"].sort(key=lambda e: (e["source"], e["as_of"], e["sha256"]))
            store.write(link.assign_incidents(pd.concat([others, mine], ignore_index=True)), sources)
        change = dedupe.compare(before, mine)
        return IngestResult(source, len(mine), change.added, change.updated, change.unchanged,
                            len(exports) - len(todo))


def parse_source(module: registry.Source, raw: bytes, *, list_kind: str | None = None,
                 as_of: datetime | None = None) -> pd.DataFrame:
    """One raw export of a source as rows of the dataset: the source's own parse() (pure, its own columns),
    then parsing.finish() (defaults, regions, links, the schema), once. `ingest`, and so `collectors build`,
    parse through here, and so do the tests."""
    return parsing.finish(module.parse(raw, list_kind=list_kind, as_of=as_of), module.SOURCE)


def _export_record(export: RawExport, rows: pd.DataFrame, as_of: datetime | None) -> dict:
    """What data/sources.json remembers of one export (its as-of date decides the merge order)."""
    if len(rows):
        list_kind, day = rows["source_list"].iloc[0], rows["collected_at"].iloc[0]
    else:
        list_kind, day = export.list_kind, as_of or export.fetched_at or datetime.now(UTC)
    return {
        "source": export.source,
        "snapshot_id": export.snapshot_id,
        "sha256": export.sha256,
        "list_kind": list_kind,
        "as_of": f"{pd.Timestamp(day):%Y-%m-%d}",
        "rows": len(rows),
        "origin": export.origin,
    }


def _measure(module: registry.Source, export: RawExport, rows: pd.DataFrame) -> dict:
    """What the export shows of the source's coverage (collectors/coverage.py), from every record it holds
    where the source can say (all sectors), else from its health rows."""
    if module.measure_coverage is not None:
        try:
            return module.measure_coverage(export.content)
        except CollectorError as err:
            raise type(err)(export.source, f"{export.origin}: {err.message}") from None
    return coverage.measure_rows(rows)


def update(store: Store, raw_dir: Path, names: list[str] | None = None, *, session_factory=None,
           progress: Progress = print) -> dict[str, IngestResult | CollectorError]:
    """Fetch each live source, freeze its raw exports, ingest them. One failure never stops the others."""
    session_factory = session_factory or make_session  # looked up per call, so tests can swap make_session
    results: dict[str, IngestResult | CollectorError] = {}
    # Sources with no live download (CISSM: files given on request) are updated by `ingest` only.
    for name in names or [n for n, m in registry.SOURCES.items() if m.FETCH]:
        started = datetime.now(UTC)
        try:
            module = registry.get(name)
            progress(f"{name}: fetching {module.INFO['url']} ...")
            with session_factory() as session:
                session.source = name  # policy refusals (robots.txt, size cap) name the source
                exports = module.fetch(session)
            for export in exports:
                freeze(export, raw_dir)
            results[name] = ingest(store, name, exports, progress=progress)
            _record_run(store, name, started, None)
        except Exception as exc:  # noqa: BLE001 -- a network error or a bug in one source must not stop the others
            results[name] = err = _as_collector_error(name, exc)
            _record_run(store, name, started, err.message)
    return results


def change_summary(results: dict[str, IngestResult | CollectorError]) -> str:
    """What the sources that succeeded changed, in one line ("12 added, 3 revised"); "" when nothing changed.

    The weekly run (deploy/weekly.sh) uses it as its commit message, and commits nothing when it is empty."""
    done = [r for r in results.values() if isinstance(r, IngestResult)]
    added, revised = sum(r.added for r in done), sum(r.updated for r in done)
    return f"{added} added, {revised} revised" if added or revised else ""


def _as_collector_error(name: str, exc: Exception) -> CollectorError:
    if isinstance(exc, CollectorError):
        return exc
    if isinstance(exc, requests.RequestException):  # a source that did not wrap a network error itself
        return FetchError(name, f"{type(exc).__name__}: {exc}")
    return CollectorError(name, f"unexpected {type(exc).__name__}: {exc} (a bug in this collector)")


def _record_run(store: Store, source: str, at: datetime, error: str | None) -> None:
    """Remember the last success or failure of a live update, for `status` and the dashboard."""
    with store.locked():
        sources = store.read_sources()
        run = sources.setdefault("runs", {}).setdefault(source, {})
        if error is None:
            run["last_success"] = at.isoformat(timespec="seconds")
        else:
            run["last_error"] = {"at": at.isoformat(timespec="seconds"), "message": error}
        store.write_sources(sources)
