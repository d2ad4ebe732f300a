"""data/incidents.csv -> data/observatory.db, the SQLite database Datasette serves (built with sqlite-utils).

Tables:
    reports        every row of data/incidents.csv (one report of one attack by one source), dates as YYYY-MM-DD,
                   booleans as 1/0, plus `is_counted` (0 for rows withdrawn by their source or repeating another)
    incidents      one row per incident that has a counted report: placed on its earliest report (as the
                   dashboard places it), with its titles and summaries in English and French for the feeds
    sources        each source: title, publisher, licence, URL, what it counts, data as of (its INFO)
    countries      ISO 3166-1 alpha-2 code, names in English and French (CLDR), UN M49 region
    attack_types   our attack types, named in English and French
    coverage       data/coverage.csv: which source looked at which country and month (silence is never zero)
    dataset        one row: data as of, the SHA-256 of the files it was built from (`is_stale()` reads it)

Built in a temporary file beside the target and moved over it (os.replace): a failed build leaves the old
database, and a reader never sees half a file. The CSV is never written here.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import sqlite_utils
from babel.dates import format_date

from api import labels
from collectors import registry, schema
from collectors.errors import CollectorError
from collectors.store import Store

# Bumped when the tables change, so `serve` rebuilds a database an older version of this code made.
API_FORMAT = "1"
COUNTRY_TABLE = Path("mappings") / "country_region.csv"
# Links the observatory never publishes: leak sites (Tor or I2P addresses, a group's post or claim page).
LEAK_SITE = re.compile(r"\.onion\b|\.i2p\b|post_url|claim_url", re.IGNORECASE)
STATUS_RANK = {status: rank for rank, status in enumerate(schema.STATUSES)}  # confirmed first
STATUS_LABELS = {"confirmed": {"en": "confirmed (regulator filing)", "fr": "confirmé (déclaration au régulateur)"},
                 "reported": {"en": "reported (press, research)", "fr": "signalé (presse, recherche)"},
                 "claimed": {"en": "claimed (leak site)", "fr": "revendiqué (site de fuite)"}}


@dataclass(frozen=True)
class Built:
    path: Path
    reports: int
    incidents: int
    data_as_of: str | None


def _sha256(path: Path) -> str:
    if not path.exists():
        return ""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def fingerprint(data_dir: Path) -> dict[str, str]:
    """What the database is built from: its files' hashes and the version of this code."""
    store = Store(data_dir)
    return {"incidents_sha256": _sha256(store.incidents_path), "sources_sha256": _sha256(store.sources_path),
            "coverage_sha256": _sha256(store.coverage_path), "api_format": API_FORMAT}


def is_stale(data_dir: Path, db_path: Path) -> bool:
    """True when the database is missing, unreadable, or built from other files or by other code."""
    if not db_path.exists():
        return True
    try:
        rows = list(sqlite_utils.Database(db_path).table("dataset").rows)
    except Exception:  # a damaged or foreign file: rebuild it
        return True
    wanted = fingerprint(data_dir)
    return len(rows) != 1 or any(rows[0].get(k) != v for k, v in wanted.items())


def build(data_dir: Path, db_path: Path) -> Built:
    """Write `db_path` from the dataset in `data_dir`, atomically."""
    store = Store(data_dir)
    frame = store.read_incidents()
    if frame.empty:
        raise CollectorError("api", f"{store.incidents_path} is missing or empty: nothing to publish")
    coverage = store.coverage()
    as_of = max((c.data_as_of for c in coverage), default=None)
    reports = _reports(frame)
    _refuse_leak_site_links(reports)
    incidents = _incidents(reports)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        db = sqlite_utils.Database(tmp)
        _lookup_tables(db, data_dir, frame, coverage)
        db.table("reports").insert_all(reports.to_dict("records"), pk="record_id", columns=_sqlite_types(reports),
                                 foreign_keys=[("source", "sources", "source"), ("country", "countries", "country"),
                                               ("attack_type", "attack_types", "attack_type"),
                                               ("incident_attack_type", "attack_types", "attack_type")])
        for columns in (["incident_id"], ["country", "reported_date"], ["source", "reported_date"],
                        ["reported_date"], ["incident_attack_type"]):
            db.table("reports").create_index(columns)
        db.table("reports").enable_fts(["organization", "threat_actor", "vendor"], create_triggers=False)
        db.table("incidents").insert_all(incidents.to_dict("records"), pk="incident_id",
                                   columns=_sqlite_types(incidents),
                                   foreign_keys=[("country", "countries", "country"),
                                                 ("attack_type", "attack_types", "attack_type")])
        for columns in (["country", "first_reported_date"], ["attack_type", "first_reported_date"],
                        ["first_reported_date"]):
            db.table("incidents").create_index(columns)
        db.table("coverage").insert_all(store.read_coverage_table().astype(object).to_dict("records"))
        db.table("coverage").create_index(["scope", "month"])
        db.table("dataset").insert({"data_as_of": _day(as_of), "reports": len(reports), "incidents": len(incidents),
                              "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                              **fingerprint(data_dir)})
        db.conn.commit()
        db.close()
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return Built(db_path, len(reports), len(incidents), _day(as_of))


def _day(value) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _reports(frame: pd.DataFrame) -> pd.DataFrame:
    """The dataset's rows as SQLite stores them: text dates, 1/0 booleans, None for empty cells."""
    removed, repeated = schema.uncounted(frame)
    out = pd.DataFrame(index=frame.index)
    for col in schema.COLUMNS:
        values = frame[col.name]
        if col.dtype.startswith("datetime"):
            values = values.dt.strftime("%Y-%m-%d")
        elif col.dtype in ("bool", "boolean"):
            values = values.astype("Int64")
        out[col.name] = values.astype(object).where(values.notna(), None)
    out["is_counted"] = (~(removed | repeated)).astype(int)
    return out.reset_index(drop=True)


def _refuse_leak_site_links(reports: pd.DataFrame) -> None:
    for column in reports.columns:
        values = reports[column].dropna().astype(str)
        hits = values[values.str.contains(LEAK_SITE)]
        if not hits.empty:
            raise CollectorError("api", f"{len(hits)} value(s) of {column} look like leak-site links "
                                        f"(e.g. {hits.iloc[0][:60]!r}): the database is not written")


def _sqlite_types(frame: pd.DataFrame) -> dict[str, type]:
    types: dict[str, type] = {}
    for name in frame.columns:
        dtype = schema.DTYPES.get(name, "")
        types[name] = int if dtype in ("Int64", "bool", "boolean") or name in (
            "is_counted", "reports", "sources_count", "individuals_affected") else str
    return types


def _incidents(reports: pd.DataFrame) -> pd.DataFrame:
    counted = reports[reports["is_counted"] == 1].sort_values(["reported_date", "record_id"], kind="stable")
    grouped = counted.groupby("incident_id", sort=True)
    first = grouped.first()
    table = pd.DataFrame({
        "organization": first["organization"],
        "country": first["country"],
        "attack_type": first["incident_attack_type"].fillna(first["attack_type"]),
        "first_reported_date": first["reported_date"],
        "date_precision": first["date_precision"].fillna("day"),
        "last_reported_date": grouped["reported_date"].max(),
        "status": grouped["status"].agg(lambda s: min(s, key=STATUS_RANK.__getitem__)),
        "reports": grouped.size(),
        "sources_count": grouped["source"].nunique(),
        "sources": grouped["source"].agg(lambda s: ", ".join(sorted(set(s)))),
        "individuals_affected": grouped["individuals_affected"].max(),
        "source_url": first["source_url"],
    })
    table = table.reset_index()
    for lang in labels.LANGUAGES:
        table[f"title_{lang}"] = [_title(row, lang) for row in table.itertuples()]
        table[f"summary_{lang}"] = [_summary(row, lang) for row in table.itertuples()]
    return table.astype(object).where(table.notna(), None)


def _title(row, lang: str) -> str:
    colon = " : " if lang == "fr" else ": "
    return (f"{labels.attack_type_label(row.attack_type, lang)}{colon}{row.organization} "
            f"({labels.country_name(row.country, lang)})")


def _summary(row, lang: str) -> str:
    day = pd.Timestamp(row.first_reported_date).date()
    when = format_date(day, "MMMM y" if row.date_precision == "month" else "long", locale=lang)
    status = STATUS_LABELS[row.status][lang]
    if lang == "fr":
        reports = f"{row.reports} signalement{'s' if row.reports > 1 else ''}"
        return (f"Premier signalement : {when}. {reports}, source{'s' if row.sources_count > 1 else ''} : "
                f"{row.sources} ; statut le plus sûr : {status}. Incident {row.incident_id}.")
    reports = f"{row.reports} report{'s' if row.reports > 1 else ''}"
    return (f"First reported: {when}. {reports}, source{'s' if row.sources_count > 1 else ''}: {row.sources}; "
            f"most certain status: {status}. Incident {row.incident_id}.")


def _lookup_tables(db: sqlite_utils.Database, data_dir: Path, frame: pd.DataFrame, coverage) -> None:
    regions = pd.read_csv(data_dir / COUNTRY_TABLE, dtype=str, keep_default_na=False) \
        if (data_dir / COUNTRY_TABLE).exists() else pd.DataFrame(columns=["country", "region", "subregion"])
    regions = regions.set_index("country")
    codes = sorted(set(regions.index) | set(frame["country"].dropna()))
    db.table("countries").insert_all(
        [{"country": code, "name_en": labels.country_name(code, "en"), "name_fr": labels.country_name(code, "fr"),
          "region": regions["region"].get(code) or None, "subregion": regions["subregion"].get(code) or None}
         for code in codes], pk="country")
    db.table("attack_types").insert_all(
        [{"attack_type": code, "label_en": names["en"], "label_fr": names["fr"]}
         for code, names in labels.ATTACK_TYPES.items()], pk="attack_type")
    as_of = {c.source: c for c in coverage}
    rows = []
    for name in sorted(set(registry.SOURCES) | set(frame["source"])):
        info = registry.SOURCES[name].INFO if name in registry.SOURCES else {}
        cov = as_of.get(name)
        counts = info.get("counts")
        rows.append({"source": name, "title": info.get("title", name), "publisher": info.get("publisher"),
                     "url": info.get("url"), "licence": info.get("licence"), "status": info.get("status"),
                     "counts_en": counts, "counts_fr": labels.translate(counts, "fr") if counts else None,
                     "data_as_of": _day(cov.data_as_of) if cov else None,
                     "complete_through": _day(cov.complete_through) if cov else None,
                     "reports": int((frame["source"] == name).sum())})
    db.table("sources").insert_all(rows, pk="source", columns={"reports": int})


def data_as_of(db_path: Path) -> str | None:
    """The as-of date a built database holds."""
    rows = list(sqlite_utils.Database(db_path).table("dataset").rows)
    return rows[0]["data_as_of"] if rows else None
