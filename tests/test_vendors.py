"""Vendor roll-up: names read from OCR's summaries, events grouped with precision first, on hand-made
summaries and frames, then on the real HHS snapshots (the 2019 AMCA breach; the 2023 MOVEit filings)."""

from __future__ import annotations

import pandas as pd
import pytest

from collectors import runner, vendors
from collectors.schema import COLUMN_NAMES
from tests.support.frames import journalist as frames
from tests.support.snapshots import HHS_ARCHIVE_2023, HHS_ARCHIVE_2024, HHS_OPEN_2025, needs_snapshots

V = vendors.vendor_from_description


# --- names from summaries ------------------------------------------------------------------------------

@pytest.mark.parametrize(("summary", "vendor"), [
    (("The covered entity (CE), Mount Sinai Hospital, reported that its business associate (BA), Retrieval-Masters "
     "Creditors Bureau, Inc., doing business as American Medical Collection Agency (AMCA), was the victim of a "
     "cyber-attack."), ("Retrieval-Masters Creditors Bureau, Inc., doing business as American Medical Collection "
                      "Agency (AMCA)")),
    ("Nuance Communications, the business associate (BA), reported that it experienced a cyber-attack.",
     "Nuance Communications"),
    ("The business associate (BA), Gunster, Yoakley, & Stewart, reported that it experienced a cyber-attack.",
     "Gunster, Yoakley, & Stewart"),
    ("On May 15, 2019, a business associate (BA), American Medical Collection Agency, alerted the covered entity.",
     "American Medical Collection Agency"),
    (("Penobscot Community Health Center notified OCR that its business associate, American Medical Collection "
     "Agency (AMCA) discovered that an unauthorized individual accessed its web payment portal."),
     "American Medical Collection Agency (AMCA)"),
    (("The CE reported a breach involving its business associate (BA), Summit Reinsurance Services, Inc. The BA "
     "discovered ransomware on a server."), "Summit Reinsurance Services, Inc."),
    ("The business associate (BA), Commission on Economic Opportunity, reported that it was the victim.",
     "Commission on Economic Opportunity"),
])
def test_vendor_names_in_the_shapes_ocr_writes_them(summary, vendor):
    assert V(summary) == vendor


@pytest.mark.parametrize("summary", [
    ("The covered entity (CE), Sutter Health, reported that its business associate (BA) experienced a malware "
    "attack that affected the protected health information (PHI) of 845,441 individuals."),  # unnamed: MOVEit
    "Additionally, the business associate has provided assurances to the covered entity.",
    "On May 15, 2019, the covered entity learned that a laptop was stolen.",
    ("The CE obtained administrative-level credentials through a business associate (BA) of Baylor Scott & White "
    "Medical Center, the covered entity (CE)."),
    "",
    None,
])
def test_no_vendor_when_the_summary_names_none(summary):
    assert V(summary) is None


@pytest.mark.parametrize(("name", "display"), [
    ("Retrieval-Masters Creditors Bureau, Inc., doing business as American Medical Collection Agency (AMCA)",
     "American Medical Collection Agency"),
    ("Retrieval Masters Creditors Bureau d/b/a American Medical Collection Agency (AMCA)",
     "American Medical Collection Agency"),
    ("Retrieval-Masters Creditors Bureau, Inc. ’ American Medical Collection Agency (AMCA)",
     "American Medical Collection Agency"),
    ("Bizmatics, Inc.", "Bizmatics"),
    ("The Claro Group", "Claro Group"),
])
def test_display_names_drop_legal_form_and_dba_prefix(name, display):
    assert vendors.display_name(name) == display
    assert vendors.vendor_key(name) == vendors.vendor_key(display)


# --- grouping rules on a hand-made frame ---------------------------------------------------------------

def test_filings_naming_one_vendor_and_its_own_filing_are_one_event():
    members = vendors.rollup(frames.incidents())
    assert set(members["record_id"]) == {"hhs_ocr:v001", "hhs_ocr:v002", "hhs_ocr:v003", "hhs_ocr:v004"}
    assert members["vendor_event_id"].nunique() == 1 and set(members["vendor"]) == {"Acme Billing"}
    # v003 names only "ABC": the acronym written beside the full name in v002 stands for it.
    assert dict(zip(members["record_id"], members["role"]))["hhs_ocr:v004"] == "vendor"
    event = vendors.events(frames.incidents(), members).iloc[0]
    assert (event["reports"], event["organizations"], event["individuals_affected"]) == (4, 4, 5_000 + 501 + 7_000)


def _hhs(record, organization, day, vendor=None, attack="hacking", org_type="healthcare_provider"):
    row = dict.fromkeys(COLUMN_NAMES)
    row.update(record_id=record, organization=organization, organization_type=org_type, attack_type=attack,
               reported_date=pd.Timestamp(day), vendor=vendor)
    return row


def test_precision_rules_split_what_may_be_two_breaches():
    frame = pd.DataFrame([
        _hhs("a1", "Lab A", "2020-01-01", "Acme"), _hhs("a2", "Lab B", "2020-02-15", "Acme"),
        _hhs("a3", "Lab C", "2020-07-01", "Acme"),  # 137 days after a2: another event
        _hhs("a4", "Lab D", "2020-07-05", "Acme", attack="theft"),  # a stolen laptop is never the same event
        _hhs("a5", "Lab E", "2020-07-10", "Acme"),
        _hhs("b1", "Plan A", "2020-03-01", "Blue Cross Blue Shield"),  # an umbrella name groups nothing
        _hhs("b2", "Plan B", "2020-03-02", "BlueCross BlueShield"),
        # A big insurer named as someone's vendor: its own frequent filings (as a health plan) never join.
        _hhs("h1", "Employer Plan", "2020-05-01", "Humana"), _hhs("h2", "Humana Inc", "2020-05-03", None,
                                                                  org_type="health_plan"),
        # A business associate filing for several clients on one day, no summary: one event.
        _hhs("s1", "Bulk Mailer LLC", "2021-01-04", org_type="business_associate"),
        _hhs("s2", "Bulk Mailer LLC", "2021-01-04", org_type="business_associate"),
    ])
    members = vendors.rollup(frame)
    groups = sorted(sorted(g) for g in members.groupby("vendor_event_id")["record_id"].apply(list))
    assert groups == [["a1", "a2"], ["a3", "a5"], ["s1", "s2"]]


def test_a_frame_without_the_vendor_column_has_no_events():
    frame = frames.incidents().drop(columns="vendor", errors="ignore")
    assert vendors.rollup(frame).empty


def test_weeks_of_unnamed_business_associate_filings_are_leads_not_events():
    rows = [_hhs(f"c{i}", f"Org {i}", "2020-09-14", attack="ransomware") | {"business_associate_involved": True}
            for i in range(12)]
    frame = pd.DataFrame(rows)
    members = vendors.rollup(frame)
    assert members.empty
    leads = vendors.possible_clusters(frame, members)
    assert leads.to_dict("records") == [{"week_start": pd.Timestamp("2020-09-14"), "attack_type": "ransomware",
                                         "reports": 12}]


# --- the real snapshots --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hhs_rows() -> pd.DataFrame:
    from collectors.sources import hhs_ocr

    parts = [runner.parse_source(hhs_ocr, path.read_bytes()) for path in (HHS_ARCHIVE_2023, HHS_ARCHIVE_2024, HHS_OPEN_2025)]
    # The newest export of each filing wins, as the merge does (ids are stable across exports).
    return pd.concat(parts).drop_duplicates("record_id", keep="last").reset_index(drop=True)


@pytest.mark.slow  # the real HHS snapshots, rolled up by vendor
@needs_snapshots
def test_the_2019_amca_breach_reads_as_one_event_of_many_labs(hhs_rows):
    members = vendors.rollup(hhs_rows)
    events = vendors.events(hhs_rows, members)
    amca = events.loc[events["vendor"] == "American Medical Collection Agency"]
    assert len(amca) == 1
    event = amca.iloc[0]
    assert event["reports"] >= 15 and event["organizations"] >= 15
    assert (event["first_reported"], event["last_reported"]) == (pd.Timestamp("2019-07-11"),
                                                                 pd.Timestamp("2019-10-07"))
    reporters = set(hhs_rows.loc[hhs_rows["record_id"].isin(
        members.loc[members["vendor_event_id"] == event["vendor_event_id"], "record_id"]), "organization"])
    assert {"Natera, Inc.", "CareCentrix, Inc.", "Sunrise Medical Laboratories, Inc."} <= reporters


@pytest.mark.slow  # the real HHS snapshots, rolled up by vendor
@needs_snapshots
def test_moveit_filings_of_2023_are_not_grouped_since_ocr_names_no_vendor(hhs_rows):
    # OCR's summaries of these MOVEit-related filings say only "its business associate (BA) experienced a
    # cyber-attack": there is no name to group on, so each stays its own report (a known limit).
    moveit = hhs_rows.loc[hhs_rows["organization"].isin(
        ["Sutter Health", "Blue Cross Blue Shield of Arizona", "Performance Health Technology"])
        & (hhs_rows["reported_date"].dt.year == 2023)]
    assert len(moveit) == 3 and moveit["vendor"].isna().all()
    members = vendors.rollup(hhs_rows)
    assert not moveit["record_id"].isin(members["record_id"]).any()


@pytest.mark.slow  # the real HHS snapshots, rolled up by vendor
@needs_snapshots
def test_every_event_of_several_reporters_shares_one_vendor_name(hhs_rows):
    members = vendors.rollup(hhs_rows)
    named = members.merge(hhs_rows[["record_id", "vendor", "organization"]], on="record_id",
                          suffixes=("_event", ""))
    for _, group in named.groupby("vendor_event_id"):
        keys = {vendors.vendor_key(v) for v in group["vendor"].dropna()}
        keys |= {vendors.vendor_key(o) for o in group.loc[group["role"] == "vendor", "organization"]}
        aliases = {vendors.acronym(v) for v in group["vendor"].dropna()} - {None}
        assert len(keys - aliases) == 1, group


# --- the fast roll-up against the plain one (tests/support/plain_vendors.py) ----------------------------

@pytest.fixture(scope="module")
def counted_frames():
    """The committed dataset as the dashboard counts it, and 10k synthetic reports drawn from it (bench/)."""
    from bench import synthetic
    from collectors import incident_types, load_incidents

    committed = incident_types.for_counting(load_incidents())
    return {"committed": committed, "synthetic": incident_types.for_counting(synthetic.synthetic_incidents(10_000))}


@pytest.mark.slow  # the plain roll-up takes seconds on 10k reports
@pytest.mark.parametrize("name", ["committed", "synthetic"])
def test_the_fast_rollup_gives_the_plain_members_and_events(counted_frames, name):
    from tests.support import plain_vendors

    frame = counted_frames[name]
    members = vendors.rollup(frame)
    assert len(members) > 50
    pd.testing.assert_frame_equal(members, plain_vendors.rollup(frame))
    pd.testing.assert_frame_equal(vendors.events(frame, members), plain_vendors.events(frame, members))
    # A frame in many chunks, with an index of gaps (as the dashboard's once withdrawn reports are cut out).
    pieces = pd.concat([frame.iloc[i:i + 97] for i in range(0, len(frame), 100)])
    pd.testing.assert_frame_equal(vendors.rollup(pieces), plain_vendors.rollup(pieces))


def test_vendor_keys_on_bytes_are_vendor_key():
    from collectors import load_incidents

    frame = load_incidents()
    names = sorted(set(frame["organization"].dropna()) | set(frame["vendor"].dropna())) + [
        "The X Inc.", " ,the\tY", "A (B) C", "Foo dba Bar", "Foo d/b/a Bar", "Foo D.B.A. Bar", "Foo ’ Bar", "Co",
        "x\x1cy", "Ünïcode LLC", "", "Acme, Inc", "Acme Co.", "ACME CORPORATION", "Théâtre", "theory health", "3M"]
    assert vendors.vendor_keys(names) == [vendors.vendor_key(n) for n in names]
