"""The vendor roll-up as it was written first (collectors/vendors.py before it was made fast at a million
reports): the plain reference the tests compare the fast one with. Never used by the dashboard."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

import pandas as pd

from collectors.vendors import (
    EVENT_GAP_DAYS,
    OWN_FILING_DAYS,
    PHYSICAL,
    UMBRELLA_NAMES,
    acronym,
    display_name,
    vendor_key,
)


def _event_id(key: str, family: str, first: pd.Timestamp) -> str:
    return "vnd:" + hashlib.sha1(f"{key}|{family}|{first:%Y-%m-%d}".encode()).hexdigest()[:12]


def rollup(frame: pd.DataFrame) -> pd.DataFrame:
    """For every report that belongs to a vendor event: record_id, vendor_event_id, vendor, role.

    Rules (precision first: when in doubt, two events rather than one):
    1. Reports that name the same vendor (`vendor_key`; an acronym in brackets such as AMCA stands for the
       one full name it was written with) and whose attack types are of one family (physical: theft,
       loss, disposal; else digital) form an event while each filing comes at most EVENT_GAP_DAYS after the
       previous one. Umbrella names (Blue Cross Blue Shield: 30-odd separate companies) are never grouped.
    2. The vendor's own filings (a business associate whose name has the vendor's key, attack type of the
       same family) within OWN_FILING_DAYS of the event join it, even when their summary names no one.
    3. A business associate that filed two reports or more on one day (one per client) with attack types of
       one family is an event of its own: open cases have no summary to name a vendor.
    An event needs two reports. `role` is `vendor` (the vendor's own filing) or `client`.
    """
    columns = ["record_id", "vendor_event_id", "vendor", "role"]
    if frame.empty or "vendor" not in frame.columns:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    rows = frame.loc[:, ["record_id", "organization", "organization_type", "attack_type", "reported_date", "vendor"]]
    rows = rows.assign(_family=rows["attack_type"].isin(PHYSICAL).map({True: "physical", False: "digital"}))
    named = rows.loc[rows["vendor"].notna()]
    aliases: dict[str, set[str]] = defaultdict(set)
    for name in named["vendor"].unique():
        short = acronym(name)
        if short:
            aliases[short].add(vendor_key(name))
    alias = {short: next(iter(keys)) for short, keys in aliases.items() if len(keys) == 1}

    def key_of(name: str) -> str:
        key = vendor_key(name)
        return alias.get(key, key)

    org_keys = rows["organization"].map(key_of)
    named = named.assign(_key=named["vendor"].map(key_of))
    named = named.loc[~named["_key"].isin(UMBRELLA_NAMES)]
    names_by_key: dict[str, Counter] = defaultdict(Counter)
    for key, name in zip(named["_key"], named["vendor"]):
        names_by_key[key][display_name(name)] += 1
    own_filings = rows.assign(_key=org_keys).loc[
        rows["vendor"].isna() & (rows["organization_type"] == "business_associate")]

    members: dict[str, list[tuple[str, str]]] = {}
    labels: dict[str, str] = {}
    taken: set[str] = set()
    for (key, family), group in named.groupby(["_key", "_family"], sort=True):
        group = group.sort_values(["reported_date", "record_id"])
        spans: list[list] = []
        for record, day in zip(group["record_id"], group["reported_date"]):
            if spans and (day - spans[-1][2]).days <= EVENT_GAP_DAYS:
                spans[-1][0].append(record)
                spans[-1][2] = day
            else:
                spans.append([[record], day, day])
        own = own_filings.loc[(own_filings["_key"] == key) & (own_filings["_family"] == family)]
        margin = pd.Timedelta(days=OWN_FILING_DAYS)
        for records, first, last in spans:
            near = own.loc[own["reported_date"].between(first - margin, last + margin)]
            everyone = records + [r for r in near["record_id"] if r not in taken]
            if len(everyone) < 2:
                continue
            event = _event_id(key, family, first)
            vendor_own = set(rows.loc[org_keys == key, "record_id"])
            members[event] = [(r, "vendor" if r in vendor_own else "client") for r in everyone]
            labels[event] = names_by_key[key].most_common(1)[0][0]
            taken.update(everyone)

    # Rule 3: one business associate, several filings on one day, none in an event yet.
    free = rows.assign(_key=org_keys).loc[
        ~rows["record_id"].isin(taken) & (rows["organization_type"] == "business_associate")]
    for (key, day, family), group in free.groupby(["_key", "reported_date", "_family"], sort=True):
        if len(group) < 2 or key in UMBRELLA_NAMES:
            continue
        event = _event_id(key, family, day)
        members[event] = [(r, "vendor") for r in group["record_id"]]
        labels[event] = display_name(group["organization"].iloc[0])

    out = [(record, event, labels[event], role) for event, pairs in members.items() for record, role in pairs]
    return pd.DataFrame(out, columns=columns).astype("str")


def events(frame: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """One row per vendor event: vendor, first and last filing, reports, reporting organisations, and the
    sum of individuals the reports give (clients may count the same people twice: an upper bound)."""
    columns = ["record_id", "reported_date", "organization", "individuals_affected"]
    joined = members.rename(columns={"vendor": "event_vendor"}).merge(frame.loc[:, columns], on="record_id",
                                                                      how="left")
    table = joined.groupby("vendor_event_id", sort=False).agg(
        vendor=("event_vendor", "first"),
        first_reported=("reported_date", "min"),
        last_reported=("reported_date", "max"),
        reports=("record_id", "size"),
        organizations=("organization", "nunique"),
        individuals_affected=("individuals_affected", "sum"),
    )
    return table.reset_index().sort_values(["reports", "first_reported"], ascending=[False, True],
                                           ignore_index=True)
