"""brief.compute on the hand-made frame of brief_frames.py: every expected number below was counted by hand
from brief_frames.ROWS (see the table in its docstring)."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest

from brief.compute import (
    ABSENT,
    COMPLETENESS_UNKNOWN,
    ENDS_MID_WEEK,
    MAY_GROW,
    Average,
    Breakdown,
    Counts,
    IsoWeek,
    available_weeks,
    caveats_for,
    compute_brief,
    default_week,
)
from collectors import SourceCoverage
from tests.support.frames import brief as frames

W = IsoWeek
T = pd.Timestamp


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return frames.incidents()


@pytest.fixture(scope="module")
def w53(frame):
    return compute_brief(frame, frames.COVERAGE, "2020-W53")


# --- ISO weeks ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "week"), [
    ("2019-12-29", W(2019, 52)),  # Sunday: the end of its week
    ("2019-12-30", W(2020, 1)),  # Monday, still 2019 in the calendar: ISO year 2020
    ("2020-12-28", W(2020, 53)),  # a year with 53 ISO weeks
    ("2021-01-03", W(2020, 53)),  # Sunday 3 January 2021 ends 2020's week 53
    ("2021-01-04", W(2021, 1)),
])
def test_the_iso_week_of_a_day(day, week):
    assert W.containing(T(day)) == week


def test_iso_week_bounds_parse_and_shift():
    week = W.parse("2020-W53")
    assert (week.start, week.end) == (T("2020-12-28"), T("2021-01-03"))
    assert str(week) == "2020-W53" and W.parse("2021w1") == W(2021, 1)
    assert week.shift(1) == W(2021, 1) and W(2021, 1).shift(-1) == week and week.shift(-52) == W(2020, 1)
    with pytest.raises(ValueError, match="2021 has no ISO week 53"):
        W.parse("2021-W53")
    with pytest.raises(ValueError, match="not an ISO week"):
        W.parse("2021-13")


@pytest.mark.parametrize(("week", "earlier"), [
    (W(2020, 53), W(2019, 52)),  # 2019 has no week 53: its last week
    (W(2026, 53), W(2025, 52)),
    (W(2021, 1), W(2020, 1)),
    (W(2015, 53), W(2014, 52)),
])
def test_the_same_week_a_year_earlier(week, earlier):
    assert week.year_earlier() == earlier


def _coverage(as_of: str) -> list[SourceCoverage]:
    return [SourceCoverage("hhs_ocr", T(as_of), None, 1)]


@pytest.mark.parametrize(("as_of", "week"), [
    ("2021-01-10", W(2021, 1)),  # a Sunday: the week ending that day is complete
    ("2021-01-09", W(2020, 53)),  # a Saturday: the week before
    ("2021-01-04", W(2020, 53)),  # a Monday: the week before
    ("2021-01-03", W(2020, 53)),  # a Sunday ending week 53
])
def test_default_week_is_the_last_one_ending_on_or_before_the_newest_data(frame, as_of, week):
    assert default_week(frame, _coverage(as_of)) == week


def test_default_week_of_the_committed_coverage(frame):
    assert default_week(frame, frames.COVERAGE) == W(2021, 1)  # HHS as of Sunday 10 January
    assert compute_brief(frame, frames.COVERAGE).week == W(2021, 1)


def test_default_week_without_coverage_uses_the_newest_report(frame):
    assert default_week(frame, []) == W(2020, 53)  # newest report Mon 4 Jan -> the Sunday before
    assert default_week(frame.iloc[0:0], []) is None
    with pytest.raises(ValueError, match="empty"):
        compute_brief(frame.iloc[0:0], [])


def test_available_weeks_run_from_the_default_week_back_to_the_first_report(frame):
    weeks = available_weeks(frame, frames.COVERAGE)
    assert weeks[0] == W(2021, 1) and weeks[-1] == W(2019, 52) and len(weeks) == 55


# --- the headline counts -------------------------------------------------------------------------

def test_week_53_counts(w53):
    assert w53.week == W(2020, 53)
    # r07 r08 r09 r10; r11 is withdrawn; r07 and r08 are one incident.
    assert w53.counts == Counts(reports=4, incidents=3)
    assert w53.withdrawn == 1
    assert w53.first_week == W(2019, 52)
    assert w53.data_as_of == T("2021-01-10")


def test_week_53_against_the_trailing_averages(w53):
    # W49: r04 r13 r14; W50: none; W51: r05; W52: r06 -> 5 reports over 4 weeks.
    assert w53.short_average == Average(reports=1.25, incidents=1.25, weeks=4)
    # The 52 weeks before are 2020-W01 .. 2020-W52: r03 r04 r05 r06 r13 r14.
    assert w53.long_average.weeks == 52
    assert w53.long_average.reports == pytest.approx(6 / 52)


def test_week_53_against_a_year_earlier(w53):
    assert w53.year_ago_week == W(2019, 52)
    assert w53.year_ago == Counts(2, 2)  # r01 (Monday) and r02 (Sunday)


def test_week_53_people_hospitals_and_care(w53):
    assert w53.individuals_affected == 250_000 + 501  # inc:b counts once, with its largest count
    assert w53.reports_without_count == 2  # r08 r09
    assert w53.hospitals == Counts(2, 1)  # r07 r08, one incident
    assert w53.care_disrupted == Counts(1, 1)  # r09


def test_week_53_breakdowns(w53):
    assert w53.by_region == (Breakdown("Northern America", 3, 2, "Americas"), Breakdown("Western Europe", 1, 1, "Europe"))
    assert not w53.us_only
    assert w53.by_state == (Breakdown("US-CA", 1, 1), Breakdown("US-NY", 1, 1), Breakdown("", 1, 1))  # r08: no state
    # Ties in the schema's order: unauthorized_disclosure before ddos.
    assert [(b.key, b.reports, b.incidents) for b in w53.by_attack_type] == [
        ("ransomware", 2, 1), ("unauthorized_disclosure", 1, 1), ("ddos", 1, 1)]
    assert [(b.key, b.reports) for b in w53.by_status] == [("confirmed", 2), ("reported", 1), ("claimed", 1)]


def test_week_53_notable_incidents(w53):
    assert w53.notable_total == 3
    care, hospital, placeholder = w53.notable
    assert care.incident_id == frames.incident_of("r09") and care.is_care_disrupted and not care.is_largest
    assert care.individuals_affected is None and care.country == "DE" and care.statuses == ("reported",)
    assert hospital.incident_id == frames.incident_of("r07")
    assert (hospital.is_hospital, hospital.is_largest, hospital.individuals_affected) == (True, True, 250_000)
    assert hospital.organization == "Organisation r07"  # the report with the count speaks for the incident
    assert hospital.statuses == ("confirmed", "claimed")
    assert [(s.source, s.url) for s in hospital.sources] == [
        ("hhs_ocr", frames.HHS_URL), ("ransomware_live", frames.url_of("r08", "ransomware_live"))]
    assert placeholder.individuals_affected == 501 and placeholder.is_placeholder_count and placeholder.is_largest
    assert not placeholder.is_hospital


def test_week_53_new_and_revised(w53):
    changes = w53.changes
    assert changes.new_reports == 5  # r07 r08 r09 r10, and r13 (reported in W49, first seen in W53)
    assert changes.new_about_earlier_weeks == 1
    assert changes.revised_reports == 1  # r14
    assert changes.new_by_source == (("hhs_ocr", 3), ("news_feeds", 1), ("ransomware_live", 1))
    assert changes.revised_by_source == (("hhs_ocr", 1),)


def test_week_53_coverage_caveats(w53):
    assert [(c.source, c.kind) for c in w53.caveats] == [
        ("eurepoc", ABSENT),  # newest data 30 June 2020
        ("hhs_ocr", MAY_GROW),  # complete through 31 Dec, the week ends 3 Jan
        ("news_feeds", ENDS_MID_WEEK),  # as of Saturday 2 Jan
        ("ransomware_live", COMPLETENESS_UNKNOWN),
    ]
    assert w53.is_lower_bound


def test_a_source_complete_past_the_week_has_no_caveat():
    coverage = [SourceCoverage("hhs_ocr", T("2021-03-01"), T("2021-01-03"), 2)]
    assert caveats_for(W(2020, 53), coverage) == ()
    assert [c.kind for c in caveats_for(W(2021, 1), coverage)] == [MAY_GROW]


def test_history_is_the_52_weeks_before_then_the_week(w53):
    assert len(w53.history) == 53
    assert w53.history[-1].week == W(2020, 53) and w53.history[0].week == W(2020, 1)
    assert [(p.week, p.reports) for p in w53.history[-5:]] == [
        (W(2020, 49), 3), (W(2020, 50), 0), (W(2020, 51), 1), (W(2020, 52), 1), (W(2020, 53), 4)]
    assert sum(p.reports for p in w53.history[:-1]) == 6


# --- boundaries ----------------------------------------------------------------------------------

def test_a_week_with_no_incident(frame):
    brief = compute_brief(frame, frames.COVERAGE, "2020-W50")
    assert brief.is_empty and brief.counts == Counts(0, 0)
    assert brief.by_attack_type == () and brief.by_region == () and brief.notable == ()
    assert [b.reports for b in brief.by_status] == [0, 0, 0]
    assert brief.short_average == Average(0.75, 0.75, 4)  # W46-W48 empty, W49 three
    assert brief.individuals_affected == 0


def test_the_first_iso_week_of_2020_starts_in_december_2019(frame):
    brief = compute_brief(frame, frames.COVERAGE, "2020-W01")
    assert brief.counts == Counts(1, 1)  # r03 (Mon 30 Dec 2019); r02 (Sun 29 Dec) is in 2019-W52
    assert brief.short_average == Average(2.0, 2.0, 1)  # only 2019-W52 is inside the data
    assert brief.year_ago is None  # 2019-W01 is before the data begin
    assert brief.us_only and brief.by_state == (Breakdown("US-TX", 1, 1),)


def test_the_week_after_week_53(frame):
    brief = compute_brief(frame, frames.COVERAGE, W(2021, 1))
    assert brief.counts == Counts(1, 1)  # r12
    assert brief.short_average.reports == pytest.approx((4 + 1 + 1 + 0) / 4)  # W53 W52 W51 W50
    assert brief.year_ago_week == W(2020, 1) and brief.year_ago == Counts(1, 1)
    assert brief.changes.new_reports == 1


def test_the_first_week_of_the_data_has_no_average(frame):
    brief = compute_brief(frame, frames.COVERAGE, "2019-W52")
    assert brief.counts == Counts(2, 2)
    assert brief.short_average.weeks == 0 and math.isnan(brief.short_average.reports)


def test_withdrawn_reports_are_never_counted(frame):
    everything_kept = frame.assign(is_removed_by_source=False)
    assert compute_brief(everything_kept, frames.COVERAGE, "2020-W53").counts == Counts(5, 4)


def test_the_brief_is_frozen_and_the_frame_untouched(frame, w53):
    before = frame.copy(deep=True)
    compute_brief(frame, frames.COVERAGE, "2020-W53")
    pd.testing.assert_frame_equal(frame, before)
    with pytest.raises(dataclasses.FrozenInstanceError):
        w53.counts = Counts(0, 0)


@pytest.mark.slow  # a fresh interpreter
def test_compute_never_imports_streamlit():
    import subprocess
    import sys

    code = "import sys, brief.compute, brief.narrative, brief.render, brief.charts; print('streamlit' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() \
        == "False"
