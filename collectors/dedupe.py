"""Merge a new export of one source into the rows we already hold, without duplicates.

The same filing appears in many exports (both HHS lists, exports taken on several
days) and its name may change between them ("Walgreen Co." / "Walgreen Company",
a mangled accent, an added "(“Westwood”)"). Matching is one-to-one and in two
passes, precise first:

1. same organisation name key (case, accents, spaces, punctuation ignored), same
   state and same submission date; where several filings share that key, the
   individuals count decides;
2. what is left: same state, same date and same individuals count, one filing on
   each side, and the two names share a distinctive word.

Two rows of one export are never merged with each other: the portal lists them as
separate filings. A matched filing keeps its record_id and first_seen_at; its
values come from the newer export (fields the newer export leaves empty keep
the older value; an organisation name damaged by a lossy decoding never replaces
a clean one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from collectors import schema
from collectors.text import normalise

# Fields whose change counts as an update (provenance columns change every time; the incident's attack type is
# derived from the linked reports when the store writes, never a source's own value).
_CONTENT_FIELDS = [c for c in schema.COLUMN_NAMES
                   if c not in ("record_id", "incident_id", "source_snapshot", "first_seen_at", "collected_at",
                                 "source_list", "is_removed_by_source", "incident_attack_type",
                                 "incident_attack_type_from")]


@dataclass(frozen=True)
class MergeSummary:
    added: int
    updated: int
    unchanged: int

    def __str__(self) -> str:
        return f"{self.added:,} added, {self.updated:,} updated, {self.unchanged:,} unchanged"


def match(existing: pd.DataFrame, incoming: pd.DataFrame, match_content: bool = True) -> dict[int, int]:
    """Pairs {incoming index: existing index} of rows that are the same report.

    `match_content=False` keeps only pass 0, for sources whose ids are stable (two articles about
    one attack on one day are two reports, not one).
    """
    pairs: dict[int, int] = {}
    # Pass 0: sources with their own stable ids (an API's id, an article URL) give the same record_id.
    old_by_id = {rid: i for i, rid in existing["record_id"].items()}
    for new_i, rid in incoming["record_id"].items():
        if rid in old_by_id:
            pairs[new_i] = old_by_id.pop(rid)
    if not match_content:
        return pairs
    old = _keyed(existing.drop(index=list(pairs.values())))
    new = _keyed(incoming.drop(index=list(pairs)))
    # Pass 1: name key + state + date, the count breaking ties within a key.
    old_by_k1 = old.groupby("k1").groups
    for key, new_group in new.groupby("k1", sort=False):
        if key in old_by_k1:
            _pair_group(new_group, old.loc[old_by_k1[key]], pairs)
    # Pass 2: state + date + count, with a shared distinctive word in the names.
    taken = set(pairs.values())
    old_left = old[~old.index.isin(taken)]
    new_left = new[~new.index.isin(pairs.keys())]
    old_by_k2 = old_left.groupby("k2").groups
    for key, new_group in new_left.groupby("k2", sort=False):
        candidates = old_by_k2.get(key)
        if len(new_group) != 1 or candidates is None or len(candidates) != 1:
            continue
        new_i, old_i = new_group.index[0], candidates[0]
        if normalise.distinctive_words(incoming.at[new_i, "organization"]) & normalise.distinctive_words(
                existing.at[old_i, "organization"]):
            pairs[new_i] = old_i
    return pairs


def _keyed(frame: pd.DataFrame) -> pd.DataFrame:
    subdivision = frame["subdivision"].fillna("")
    date = frame["reported_date"].dt.strftime("%Y-%m-%d")
    count = frame["individuals_affected"].astype("string").fillna("")
    keyed = pd.DataFrame({
        "k1": frame["organization"].map(normalise.name_key) + "|" + subdivision + "|" + date,
        "k2": subdivision + "|" + date + "|" + count,
        "count": count,
    }, index=frame.index)
    return keyed


def _pair_group(new_group: pd.DataFrame, old_group: pd.DataFrame, pairs: dict[int, int]) -> None:
    if len(new_group) == 1 and len(old_group) == 1:
        pairs[new_group.index[0]] = old_group.index[0]  # the count may have been revised
        return
    old_left = list(old_group.index)
    unmatched_new = []
    for new_i, count in new_group["count"].items():
        same_count = [i for i in old_left if old_group.at[i, "count"] == count]
        if same_count:
            pairs[new_i] = same_count[0]
            old_left.remove(same_count[0])
        else:
            unmatched_new.append(new_i)
    if len(unmatched_new) == 1 and len(old_left) == 1:
        pairs[unmatched_new[0]] = old_left[0]


def merge(existing: pd.DataFrame, incoming: pd.DataFrame,
          match_content: bool = True) -> tuple[pd.DataFrame, MergeSummary]:
    """Rows of `existing` (one source) updated with one new export of that source."""
    existing = existing.reset_index(drop=True)
    incoming = incoming.reset_index(drop=True)
    pairs = match(existing, incoming, match_content)

    old_idx = list(pairs.values())
    old = existing.loc[old_idx].reset_index(drop=True)
    new = incoming.loc[list(pairs)].reset_index(drop=True)
    combined = _combine(old, new)
    changed = ~_same_content(old, combined)

    merged = existing.copy()
    merged.loc[old_idx] = combined.set_axis(old_idx).to_numpy()
    added = incoming.drop(index=list(pairs))
    added = added.assign(record_id=_unique_ids(added["record_id"], set(merged["record_id"])))
    merged = pd.concat([merged, added], ignore_index=True) if len(merged) else added
    summary = MergeSummary(added=len(added), updated=int(changed.sum()), unchanged=int((~changed).sum()))
    return schema.coerce(merged), summary


def compare(before: pd.DataFrame, after: pd.DataFrame) -> MergeSummary:
    """What changed between two versions of a source's rows, by record_id."""
    old = before.set_index("record_id")
    new = after.set_index("record_id")
    kept = new.index.intersection(old.index)
    same = _same_content(old.loc[kept], new.loc[kept], fields=[*_CONTENT_FIELDS, "is_removed_by_source"])
    return MergeSummary(added=len(new.index.difference(old.index)), updated=int((~same).sum()),
                        unchanged=int(same.sum()))


def _combine(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Row by row: the newer export's values, gaps filled from the older one."""
    newer = new["collected_at"] >= old["collected_at"]
    result = new.combine_first(old).where(newer, old.combine_first(new))
    # A name damaged by a lossy decoding never wins over a clean one, whichever export is newer.
    other_name = old["organization"].where(newer, new["organization"])
    take_other = result["organization"].str.contains(_DAMAGED) & ~other_name.str.contains(_DAMAGED)
    result["organization"] = result["organization"].mask(take_other, other_name)
    result["record_id"] = old["record_id"]
    result["first_seen_at"] = old["first_seen_at"].where(old["first_seen_at"] <= new["first_seen_at"],
                                                         new["first_seen_at"])
    return schema.coerce(result[list(schema.COLUMN_NAMES)])


# Traces of a lossy decoding: the replacement character, or "?" glued to "??" or to a stray non-ASCII byte.
_DAMAGED = re.compile(r"\ufffd|\?\?|\?[^\x00-\x7f]|[^\x00-\x7f]\?")



def _same_content(a: pd.DataFrame, b: pd.DataFrame, fields: list[str] = _CONTENT_FIELDS) -> pd.Series:
    same = pd.Series(True, index=a.index)
    for column in fields:
        x, y = a[column], b[column]
        same &= (x == y).fillna(False).astype(bool) | (x.isna() & y.isna())
    return same


def _unique_ids(ids: pd.Series, taken: set[str]) -> pd.Series:
    """Keep each new id unless an existing row already has it (a different filing with the same key)."""
    result = []
    for rid in ids:
        candidate, n = rid, 1
        while candidate in taken:
            n += 1
            candidate = f"{rid}~{n}"
        taken.add(candidate)
        result.append(candidate)
    return pd.Series(result, index=ids.index, dtype="str")
