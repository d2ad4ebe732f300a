"""A short plain-language account of the week, in English or French, worded only from a Brief's numbers.

Every sentence is a template of app.i18n filled with numbers, dates, labels and organisation names taken
from the Brief: nothing is inferred that compute.py did not count (no "because", no trend beyond
"more than" / "fewer than" an average it computed).
"""

from __future__ import annotations

from babel.lists import format_list

from app import i18n
from app.i18n import N_, names
from brief.compute import Brief, IsoWeek

# Is the week unusual, or why the question cannot be answered (brief.compute's flag_reason).
FLAG_REASONS = {
    "usual": N_("Not an unusual week: {n} from {sources}, within the expected range (up to {upper}; baseline mean {expected})."),
    "unusual": N_("An unusual week: {n} from {sources}, above the expected range (up to {upper}; baseline mean {expected})."),
    "no_coverage": N_("No unusual-week flag: no source covers this week completely."),
    "filling": N_("No unusual-week flag: the sources that cover this week are still filling it in."),
    "short_baseline": N_("No unusual-week flag: no source covers the eight baseline weeks completely."),
}
# Each kind of caveat as a phrase of the brief's coverage sentence.
CAVEAT_PHRASES = {
    "absent": N_("{source} has no data for this week"),
    "ends_mid_week": N_("the data of {source} stop on {as_of}"),
    "may_grow": N_("{source} may still add reports for this week"),
    "completeness_unknown": N_("{source} gives no date up to which it is complete"),
    "partial": N_("{source} covers only part of this week"),
}


def week_name(week: IsoWeek, lang: str) -> str:
    """'week 52 of 2025' / 'semaine 52 de 2025'."""
    return i18n.t("week {week} of {year}", lang, week=week.week, year=week.year)


def week_range(week: IsoWeek, lang: str, long: bool = True) -> str:
    """'22–28 December 2025' / '22–28 décembre 2025'."""
    return i18n.format_date_range(week.start, week.end, lang, long=long)


def source_name(code: str, lang: str) -> str:
    """Short reader-facing name of a source ('HHS OCR breach portal (US)') or of a coverage stream
    (`source:list`, app/prep/coverage.py); the code when unknown."""
    if ":" in code:
        if code in names.STREAMS:
            return i18n.stream_label(code, lang)
        code = code.split(":", 1)[0]
    return i18n.source_abbreviation(code, lang)


def join(items: list[str], lang: str) -> str:
    """'a, b and c' / 'a, b et c' (CLDR list patterns)."""
    return format_list(items, locale=lang) if items else ""


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _versus(value: int, average: float, lang: str) -> str:
    if value > average:
        return i18n.t("more than", lang)
    if value < average:
        return i18n.t("fewer than", lang)
    return i18n.t("as many as", lang)


def _lead(brief: Brief, lang: str) -> str:
    week = {"week_name": week_name(brief.week, lang), "range": week_range(brief.week, lang)}
    if brief.is_empty:
        sentences = [i18n.t("In {week_name} ({range}), the observatory recorded no report of a cyberattack or data "
                            "breach at a healthcare organisation.", lang, **week)]
    else:
        sentences = [i18n.t("In {week_name} ({range}), the observatory recorded {reports}, concerning {incidents}.", lang, **week,
                            reports=i18n.nt("{n} report of a cyberattack or data breach at a healthcare "
                                                  "organisation", "{n} reports of cyberattacks or data breaches at healthcare "
                                                  "organisations", brief.counts.reports, lang,
                                                  n=i18n.format_int(brief.counts.reports, lang)),
                            incidents=i18n.nt("{n} distinct incident", "{n} distinct incidents", brief.counts.incidents, lang,
                                                    n=i18n.format_int(brief.counts.incidents, lang)))]
    short, long_ = brief.short_average, brief.long_average
    if short.weeks:
        week_n = brief.counts.reports if short.week_reports is None else short.week_reports
        if short.streams:  # like for like: the same sources on both sides, named
            sentences.append(i18n.t("Compared like for like (only {sources}, which cover this week and the weeks "
                                    "compared completely): {n} this week.", lang, sources=_streams(short.streams, lang),
                                    n=i18n.format_int(week_n, lang)))
        values = {"vs_short": _versus(week_n, short.reports, lang), "short_n": short.weeks,
                  "short_average": i18n.format_decimal(short.reports, lang)}
        if long_.weeks > short.weeks and long_.streams == short.streams:
            sentences.append(i18n.t("That is {vs_short} the weekly average of the previous {short_n} weeks "
                                    "({short_average}) and {vs_long} that of the previous {long_n} weeks "
                                    "({long_average}).", lang, **values, long_n=long_.weeks,
                                    vs_long=_versus(week_n, long_.reports, lang),
                                    long_average=i18n.format_decimal(long_.reports, lang)))
        else:
            sentences.append(i18n.t("That is {vs_short} the weekly average of the previous {short_n} weeks "
                                    "({short_average}).", lang, **values))
    elif short.week_reports is not None:  # a coverage table, and no source covers the weeks compared
        sentences.append(i18n.t("Provisional: no source covers this week and the previous weeks completely and "
                                "past its posting lag, so no comparison is made (no more, no fewer).", lang))
    if brief.year_ago is not None:
        n = brief.year_ago.reports
        key = N_("A year earlier, {week_name} had {count}.") if brief.year_ago_compared is None else N_("A year earlier, {week_name} had {count} "
                                                                         "from the same sources ({now} this week).")
        sentences.append(i18n.t(key, lang, week_name=week_name(brief.year_ago_week, lang),
                                n=i18n.format_int(n, lang), now=i18n.format_int(brief.year_ago_compared or 0, lang),
                                count=i18n.nt("{n} report", "{n} reports", n, lang, n=i18n.format_int(n, lang))))
    return " ".join(s for s in sentences if s)


def _streams(keys, lang: str) -> str:
    return join([source_name(k, lang) for k in keys], lang)


def _flag(brief: Brief, lang: str) -> str:
    """Is the week unusual (brief/unusual.py), or why the question cannot be answered."""
    if brief.flag is None:
        return i18n.t(FLAG_REASONS[brief.flag_reason], lang) if brief.short_average.week_reports is not None else ""
    f = brief.flag
    key = FLAG_REASONS["unusual"] if f.is_unusual else FLAG_REASONS["usual"]
    return i18n.t(key, lang, n=i18n.format_int(f.count, lang), sources=_streams(brief.flag_streams, lang),
                  upper=i18n.format_decimal(f.upper, lang), expected=i18n.format_decimal(f.expected, lang))


def data_age(brief: Brief, lang: str) -> str:
    """'Data as of …; newest report: HHS 31 Dec 2025, ransomware.live 28 Aug 2025, …' (the brief's first line)."""
    if not brief.newest_by_source:
        return ""
    newest = [i18n.t("{source} {date}", lang, source=source_name(s, lang), date=i18n.format_date(d, lang))
              for s, d in brief.newest_by_source]
    return i18n.t("How old the data are: newest report by source, {newest}.", lang, newest=join(newest, lang))


def _composition(brief: Brief, lang: str) -> str:
    sentences = []
    if brief.by_attack_type:
        top = brief.by_attack_type[0].reports
        labels = [i18n.attack_type_label(b.key, lang) for b in brief.by_attack_type if b.reports == top]
        key = N_("Most common attack type: {labels} ({n} of {total}).") if len(labels) == 1 else N_("Most common attack types: {labels} ({n} each, of {total}).")
        sentences.append(i18n.t(key, lang, labels=join(labels, lang), n=i18n.format_int(top, lang),
                                total=i18n.format_int(brief.counts.reports, lang)))
    sentences.append(i18n.t("Reports about healthcare providers such as hospitals: {hospitals}. Reports saying "
                            "patient care was disrupted: {care}.", lang, hospitals=i18n.format_int(brief.hospitals.reports, lang),
                            care=i18n.format_int(brief.care_disrupted.reports, lang)))
    largest = [item for item in brief.notable if item.is_largest and item.individuals_affected is not None]
    if largest:
        biggest = max(largest, key=lambda item: item.individuals_affected or 0)
        people = biggest.individuals_affected or 0
        sentences.append(i18n.nt("The largest count reported was {count} person ({organization}).", "The largest count reported was {count} people ({organization}).", people, lang, count=i18n.format_int(people, lang),
                                       organization=biggest.organization))
    return " ".join(sentences)


def _changes(brief: Brief, lang: str) -> str:
    c = brief.changes
    return i18n.t("Added to the data during the week: {new}; revised: {revised}.", lang,
                  new=i18n.nt("{n} report", "{n} reports", c.new_reports, lang, n=i18n.format_int(c.new_reports, lang)),
                  revised=i18n.format_int(c.revised_reports, lang))


def caveat_phrases(brief: Brief, lang: str) -> list[str]:
    return [i18n.t(CAVEAT_PHRASES[c.kind], lang, source=source_name(c.source, lang),
                   as_of=i18n.format_date(c.data_as_of, lang)) for c in brief.caveats]


def coverage(brief: Brief, lang: str) -> str:
    """One sentence on what the counts may miss (silent or incomplete sources), or that nothing is missing."""
    if not brief.caveats:
        return i18n.t("Every source is complete for this week.", lang)
    return i18n.t("These counts are lower bounds: {details}.", lang, details=join(caveat_phrases(brief, lang), lang))


def narrative(brief: Brief, lang: str, with_coverage: bool = True) -> tuple[str, ...]:
    """The brief's summary: a few short paragraphs of plain text (no markup): how old the data are (with a
    coverage table), the lead (the week's counts against earlier weeks), the unusual-week flag on its own,
    the week's composition, what was added, and last (unless `with_coverage` is false) `coverage`."""
    # With coverage (like-for-like mode), the first line says how old each source's newest report is.
    age = data_age(brief, lang) if brief.short_average.week_reports is not None else ""
    flag = _flag(brief, lang)
    paragraphs = ([age] if age else []) + [_lead(brief, lang)] + ([flag] if flag else [])
    if not brief.is_empty:
        paragraphs.append(_composition(brief, lang))
    paragraphs.append(_changes(brief, lang))
    if with_coverage:
        paragraphs.append(coverage(brief, lang))
    return tuple(paragraphs)
