"""The brief as a document: HTML (self-contained, prints well), Markdown (for email) and PDF.

`document(brief, lang)` lays out the words, tables and charts once; `to_html`, `to_markdown` and `to_pdf`
only serialise it, so every format (and the dashboard page) says the same thing. The output depends only
on the Brief, the language and `generated_at`, which appears on one line and nowhere else: the same
dataset, week and language give the same bytes.

Charts are exported by kaleido (which drives the machine's Chromium): SVG data URIs in HTML, PNG in PDF.
"""

from __future__ import annotations

import atexit
import base64
import datetime as dt
import html
import re
import threading
import warnings
from dataclasses import dataclass, field

import plotly.graph_objects as go

from app import i18n
from app.i18n import N_
from brief import charts, narrative
from brief.compute import LARGEST_N, MAX_NOTABLE, Breakdown, Brief, Notable

FORMATS = ("html", "md", "pdf")
CHART_WIDTH = 760
# Notable incidents listed on the summary page at most (the annex lists all MAX_NOTABLE): the busiest week of
# 2024-2025 fits one A4 page with 10 (tests/test_brief_onepage.py), so this cap is a guard against overflow.
SUMMARY_NOTABLE = MAX_NOTABLE


@dataclass(frozen=True)
class Link:
    text: str
    url: str


Cell = str | Link | tuple[Link, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[bool, ...]  # right-aligned columns


@dataclass(frozen=True)
class Chart:
    name: str  # key of charts.figures()
    alt: str
    fallback: Table | None = None  # what Markdown shows instead


Block = str | Table | Chart | tuple[str, ...]  # paragraph, table, chart, bullet list


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """`sections`: the summary, the first printed page; `annex`: everything else, from the second page on."""
    lang: str
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    annex_heading: str
    annex: tuple[Section, ...]
    sources: str
    figures: dict[str, go.Figure] = field(compare=False, hash=False)
    meta_date: str = ""  # ISO date of the data, for the PDF's metadata

# What each kind of caveat (brief.compute) says about a source.
CAVEATS = {
    "absent": N_("{source}: no data for this week. Its newest data is from {as_of}; anything it would have reported since is missing."),
    "ends_mid_week": N_("{source}: data only up to {as_of}, inside this week; the rest of the week is missing."),
    "may_grow": N_("{source}: complete only through {complete}. Reports for this week may still be added, so its count is a lower bound."),
    "completeness_unknown": N_("{source}: it gives no date up to which it is complete; reports for this week may still be added."),
    "partial": N_("{source}: covers only part of this week (a sampled window or a sparse month); its count for the week is a fragment."),
}



def _t(key: str, lang: str, **values) -> str:
    return i18n.t(key, lang, **values)


def _n(value: int, lang: str) -> str:
    return i18n.format_int(value, lang)


def _avg(value: float, lang: str) -> str:
    return i18n.format_decimal(value, lang)


def _m49(name: str, lang: str) -> str:
    return i18n.region_label(name, lang) if name else _t("Unknown", lang)


def _place(country: str, subdivision: str, lang: str) -> str:
    if country == "US" and subdivision:
        return f"{i18n.subdivision_name(subdivision, lang)}, {i18n.country_name('US', lang)}"
    if country == "FR" and subdivision in _fr_regions(lang):  # French rows name their région
        return f"{_fr_regions(lang)[subdivision]}, {i18n.country_name('FR', lang)}"
    return i18n.country_name(country, lang)


def _fr_regions(lang: str) -> dict[str, str]:
    from app.charts.france import region_names

    return region_names(lang)


def _figures_table(brief: Brief, lang: str) -> Table:
    short, long_ = brief.short_average, brief.long_average
    year_ago = brief.year_ago
    not_in_data = _t("before the data begin", lang)
    rows = [
        (_t("This week ({range})", lang, range=narrative.week_range(brief.week, lang, long=False)),
         _n(brief.counts.reports, lang), _n(brief.counts.incidents, lang)),
        (_t("Weekly average, previous {n} weeks", lang, n=short.weeks), _avg(short.reports, lang), _avg(short.incidents, lang)),
        (_t("Weekly average, previous {n} weeks", lang, n=long_.weeks), _avg(long_.reports, lang), _avg(long_.incidents, lang)),
        (_t("Same week a year earlier ({week_name})", lang, week_name=narrative.week_name(brief.year_ago_week, lang)),
         _n(year_ago.reports, lang) if year_ago else not_in_data, _n(year_ago.incidents, lang) if year_ago else "–"),
    ]
    return Table((_t("Period", lang), _t("Reports", lang), _t("Incidents", lang)),
                 tuple(rows), (False, True, True))


def _week_table(brief: Brief, lang: str) -> Table:
    rows = [
        (_t("Individuals affected (largest count per incident, summed)", lang), _n(brief.individuals_affected, lang)),
        (_t("Reports without a count of individuals", lang), _n(brief.reports_without_count, lang)),
        (_t("Reports about healthcare providers (hospitals, clinics…)", lang), _n(brief.hospitals.reports, lang)),
        (_t("Reports saying patient care was disrupted", lang), _n(brief.care_disrupted.reports, lang)),
    ]
    if brief.withdrawn:
        rows.append((_t("Reports withdrawn by their source (not counted)", lang), _n(brief.withdrawn, lang)))
    return Table((_t("This week", lang), _t("Value", lang)), tuple(rows), (False, True))


def _history_fallback(brief: Brief, lang: str, weeks: int = 8) -> Table:
    rows = tuple((narrative.week_range(p.week, lang, long=False), _n(p.reports, lang), _n(p.incidents, lang))
                 for p in brief.history[-weeks:])
    return Table((_t("Period", lang), _t("Reports", lang), _t("Incidents", lang)),
                 rows, (False, True, True))


def _breakdown_table(lines: tuple[Breakdown, ...], first: str, label, lang: str, group_header: str | None = None,
                     group_label=None) -> Table:
    headers = ((group_header,) if group_header else ()) + (first, _t("Reports", lang),
                                                           _t("Incidents", lang))
    rows = tuple(((group_label(b.group),) if group_header else ()) + (label(b.key), _n(b.reports, lang),
                                                                       _n(b.incidents, lang)) for b in lines)
    return Table(headers, rows, ((False,) if group_header else ()) + (False, True, True))


def _sources_cell(n: Notable, lang: str) -> tuple[Link, ...]:
    return tuple(Link(narrative.source_name(s.source, lang), s.url) for s in n.sources)


def _notable_summary_table(notable: tuple[Notable, ...], lang: str) -> Table:
    """The notable incidents in brief, for the summary page: who, where, what, and the sources to check."""
    rows = tuple((n.organization, _place(n.country, n.subdivision, lang), i18n.attack_type_label(n.attack_type, lang),
                  _sources_cell(n, lang)) for n in notable)
    return Table((_t("Organisation", lang), i18n.pt("column", "Where", lang), _t("Attack type", lang),
                  _t("Sources", lang)), rows, (False, False, False, False))


def _notable_table(brief: Brief, lang: str) -> Table:
    rows = []
    for n in brief.notable:
        why = [_t(k, lang, n=LARGEST_N) for k, flag in ((N_("care disrupted"), n.is_care_disrupted),
                                                         (N_("healthcare provider"), n.is_hospital),
                                                         (N_("among the {n} largest"), n.is_largest)) if flag]
        count = "–" if n.individuals_affected is None else _n(n.individuals_affected, lang)
        rows.append((n.organization, _place(n.country, n.subdivision, lang), i18n.attack_type_label(n.attack_type, lang),
                     i18n.format_date(n.reported_date, lang), count, ", ".join(why), _sources_cell(n, lang)))
    headers = (_t("Organisation", lang), i18n.pt("column", "Where", lang), _t("Attack type", lang),
               _t("Reported", lang), _t("Individuals affected", lang), _t("Why notable", lang), _t("Sources", lang))
    return Table(headers, tuple(rows), (False, False, False, False, True, False, False))


def _changes_table(brief: Brief, lang: str) -> Table:
    new, revised = dict(brief.changes.new_by_source), dict(brief.changes.revised_by_source)
    rows = tuple((narrative.source_name(s, lang), _n(new.get(s, 0), lang), _n(revised.get(s, 0), lang))
                 for s in sorted(set(new) | set(revised)))
    return Table((_t("Source", lang), _t("New reports", lang), _t("Revised reports", lang)), rows,
                 (False, True, True))


def _caveat_lines(brief: Brief, lang: str) -> tuple[str, ...]:
    if not brief.caveats:
        return (_t("Every source is complete for this week.", lang),)
    return tuple(_t(CAVEATS[c.kind], lang, source=narrative.source_name(c.source, lang),
                    as_of=i18n.format_date(c.data_as_of, lang),
                    complete="–" if c.complete_through is None else i18n.format_date(c.complete_through, lang))
                 for c in brief.caveats)


def document(brief: Brief, lang: str) -> Document:
    """The brief laid out once, for every format: a one-page summary (the week against earlier weeks, the
    unusual-week flag, the notable incidents in brief, what the figures may miss), then the annex."""
    figs = charts.figures(brief, lang)
    empty: tuple[Block, ...] = (_t("No report in this week.", lang),)
    where: tuple[Block, ...]
    # --- the summary (the first printed page) ---
    notable: tuple[Block, ...] = (_t("No notable incident this week.", lang),)
    if brief.notable:
        first = brief.notable[:SUMMARY_NOTABLE]
        more = len(brief.notable) - len(first)
        notable = (_t("Incidents of the week where care was disrupted, at healthcare providers, or among the "
                      "{largest} largest by individuals affected: {shown} of {total} shown. Sources list every "
                      "report of the incident, to check it.", lang, largest=LARGEST_N,
                      shown=_n(len(brief.notable), lang), total=_n(brief.notable_total, lang)),
                   _notable_summary_table(first, lang))
        if more:
            notable += (i18n.nt("And {n} more in the annex.", "And {n} more in the annex.", more, lang,
                                n=_n(more, lang)),)
    caveat_lines = _caveat_lines(brief, lang)
    coverage = narrative.coverage(brief, lang)
    summary = (
        Section("summary", _t("In short", lang), narrative.narrative(brief, lang, with_coverage=False)),
        Section("notable", _t("Notable incidents", lang), notable),
        # With nothing missing, the sentence and the list would say the same: once is enough.
        Section("caveats", _t("What these figures may miss", lang),
                ((coverage,) if brief.caveats else ()) + (caveat_lines,)),
    )
    # --- the annex ---
    sections = [
        Section("figures", _t("Key figures", lang), (
            _figures_table(brief, lang), _week_table(brief, lang),
            Chart("history", figs["history"].layout.title.text, _history_fallback(brief, lang)),
            _t("Hatched bars: weeks a covering source is still filling in (posting lag). Grey bands: weeks no "
               "source covers (no data, not zero). The mark over this week is the upper limit of its expected "
               "range, where coverage allows one.", lang))),
    ]
    types = (Chart("attack_types", figs["attack_types"].layout.title.text),) if "attack_types" in figs else ()
    type_table = _breakdown_table(brief.by_attack_type, _t("Attack type", lang),
                                  lambda k: i18n.attack_type_label(k, lang), lang)
    # HHS names ransomware only once it closes a case: the caveat goes with every count of types it is in.
    hhs_caveat = (_t("HHS under-counts ransomware: OCR names it only in the closing summaries of closed (archived) "
                     "cases, so an open case shows as Hacking / IT incident unless another report of the same "
                     "attack (press, a leak-site claim) says ransomware, which the press index can say only from "
                     "2023. Recent ransomware counts are low by construction, and a rise from 2023 may partly be "
                     "the press index starting.", lang),) if "hhs_ocr" in brief.sources else ()
    sections.append(Section("types", _t("Types of attack", lang),
                            types + (type_table,) + hhs_caveat if types else empty))
    if brief.is_empty:
        where = empty
    elif brief.us_only:
        where = (_t("All reports of the week are from the United States: by state (where the filer is).", lang), _breakdown_table(
            brief.by_state, _t("State", lang),
            lambda k: i18n.subdivision_name(k, lang) if k else _t("State not given", lang), lang))
    else:
        where = (_t("By UN M49 region and sub-region of the country attacked.", lang), _breakdown_table(
            brief.by_region, _t("Sub-region", lang), lambda k: _m49(k, lang), lang,
            group_header=_t("Region", lang), group_label=lambda g: _m49(g, lang)))
    if brief.by_fr_region and not brief.is_empty:
        names = _fr_regions(lang)
        where = (*where, _t("French reports by région:", lang), _breakdown_table(
            brief.by_fr_region, _t("Région", lang),
            lambda k: names.get(k, _t("Unknown", lang)), lang))
    sections.append(Section("where", _t("Where", lang), where))
    sections.append(Section("status", _t("How sure the reports are", lang), (_breakdown_table(
        brief.by_status, _t("Status", lang), lambda k: i18n.status_label(k, lang), lang),)))
    if brief.notable:
        sections.append(Section("notable-details", _t("Notable incidents in detail", lang),
                                (_notable_table(brief, lang),)))
    c = brief.changes
    changes: list[Block] = [_t("Added to the data during the week: {new} ({earlier} about earlier weeks). Revised: "
                               "{revised}.", lang,
                  new=i18n.nt("{n} report", "{n} reports", c.new_reports, lang, n=_n(c.new_reports, lang)),
                  earlier=_n(c.new_about_earlier_weeks, lang), revised=_n(c.revised_reports, lang))]
    if c.new_by_source or c.revised_by_source:
        changes.append(_changes_table(brief, lang))
    changes.append(_t("By collection dates, not report dates: a report is new when the collectors first saw it "
                      "during the week, revised when its values changed during the week.", lang))
    sections.append(Section("changes", _t("New and revised in the data this week", lang), tuple(changes)))
    sections.append(Section("method", _t("How the figures are made", lang), (
        _t("A report is one source's account of one attack (a regulator filing, a press report or a criminal "
           "group's claim); reports of the same attack are linked into one incident. Weeks run Monday to Sunday "
           "(ISO 8601), by the date of the report. Reports a source has withdrawn are not counted.", lang), _t("Averages are over the weeks before this one that fall after the data "
                                            "begin, empty weeks counting as zero. The same week a year earlier has "
                                            "the same ISO week number (week 52 when the previous year has no week "
                                            "53).", lang),
        _t("Notable: incidents at healthcare providers, where a source says patient care was disrupted, or among "
           "the {n} largest by individuals affected.", lang, n=LARGEST_N))))
    as_of = i18n.format_date_long(brief.data_as_of, lang) if brief.data_as_of is not None else "–"
    subtitle = narrative.capitalize_first(_t(
        "{week_name}, {range}. Data as of {as_of}.", lang, week_name=narrative.week_name(brief.week, lang),
        range=narrative.week_range(brief.week, lang), as_of=as_of))
    sources = _t("Data: {sources}.", lang, sources=_t("; ", lang).join(
        i18n.source_label(s, lang) for s in brief.sources))
    return Document(lang, _t("Cyberattacks on healthcare: weekly brief", lang), subtitle, summary,
                    _t("Annex", lang), tuple(sections), sources, figs,
                    brief.data_as_of.date().isoformat() if brief.data_as_of is not None else "")


def generated_line(generated_at: dt.datetime, lang: str) -> str:
    stamp = generated_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
    return _t("Generated at {time} UTC by the healthcare cyberattack observatory.", lang, time=stamp)


# --- chart export (kaleido + Chromium) ---------------------------------------------------------

_KALEIDO_LOCK = threading.Lock()
_kaleido_started = False


def _ensure_kaleido() -> None:
    """One Chromium for every chart of the process (each fresh start costs seconds); stopped at exit."""
    global _kaleido_started
    if _kaleido_started:
        return
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    atexit.register(kaleido.stop_sync_server, silence_warnings=True)
    _kaleido_started = True


def chart_image(fig: go.Figure, fmt: str, template: str = "plotly") -> bytes:
    """The figure as SVG or PNG bytes, the same for the same figure (plotly's random element ids are fixed).
    Drawn with `template`, not the process's default (importing streamlit makes that Streamlit's)."""
    fig = go.Figure(fig)
    fig.update_layout(width=CHART_WIDTH, template=template)
    for k, trace in enumerate(fig.data):
        trace.uid = f"trace{k}"  # else plotly.js draws random ids into the SVG (patterns, clip paths)
    with _KALEIDO_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "kopts is ignored when using a server": we pass none
        try:
            _ensure_kaleido()
            data = fig.to_image(format=fmt, width=CHART_WIDTH, height=fig.layout.height, scale=2 if fmt == "png" else 1)
        except Exception as err:  # kaleido reports a missing browser in several ways
            raise RuntimeError(f"cannot export the brief's charts with kaleido (it needs Chromium, e.g. "
                               f"/usr/bin/chromium): {err}") from err
    if fmt == "svg":
        uid = re.search(rb'id="defs-([0-9a-f]+)"', data)
        if uid:
            data = data.replace(uid.group(1), b"brief")
    return data


def _data_uri(data: bytes, fmt: str) -> str:
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


# --- HTML --------------------------------------------------------------------------------------

CSS = """
:root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --accent: #D55E00; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); line-height: 1.45;
       max-width: 820px; margin: 2rem auto; padding: 0 1rem; font-size: 15px; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 1.2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
.subtitle { color: var(--muted); margin: 0 0 .8rem; }
h2, h3 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
.annex > h2 { font-size: 1.4rem; margin-top: 2.4rem; border-bottom: 3px solid var(--accent); }
section.summary p { font-size: 1.02rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: .8rem 0; }
figure img { width: 100%; height: auto; display: block; }
ul.caveats li { margin-bottom: .3rem; }
a { color: #0b5394; }
footer { margin-top: 2rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; }
@page { size: A4; margin: 16mm 14mm 18mm; }
section.notable table, section.notable-details table { font-size: .82rem; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  /* Page 1 is the whole summary, tight; the annex starts on a page of its own. */
  h1 { font-size: 15pt; }
  header { margin-bottom: 2mm; }
  .onepage { line-height: 1.3; }
  .onepage h2 { font-size: 11pt; margin: 3mm 0 1mm; }
  .onepage p, .onepage ul { margin: 1mm 0; }
  section.summary p { font-size: 9.5pt; }
  section.notable p, section.caveats { font-size: 8.5pt; }
  .onepage table { margin: 1mm 0; }
  .onepage th, .onepage td { padding: .4mm 1.2mm; }
  .onepage ul.caveats { padding-left: 5mm; }
  .onepage ul.caveats li { margin-bottom: .5mm; }
  /* One line a row where the names allow: a fixed share of the width for each column. */
  section.notable table { table-layout: fixed; }
  section.notable th:nth-child(1) { width: 33%; }
  section.notable th:nth-child(2) { width: 19%; }
  section.notable th:nth-child(3) { width: 29%; }
  .annex { break-before: page; }
  .annex > h2 { margin-top: 0; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
  /* On paper the link's address is shown too. */
  td.sources a::after { content: " " attr(href); display: block; font-size: 6.5pt; color: var(--muted);
                        word-break: break-all; }
  /* On page 1 the sources' names, one after the other; their addresses are in the annex. */
  section.notable td.sources a::after { content: none; }
  section.notable td.sources br { display: none; }
  section.notable td.sources a + br + a::before { content: ", "; }
  section.notable table, section.notable-details table { font-size: 8pt; }
  section.notable table { font-size: 7.5pt; }
}
""".strip()


def _html_cell(cell: Cell) -> str:
    if isinstance(cell, Link):
        return f'<a href="{html.escape(cell.url)}">{html.escape(cell.text)}</a>'
    if isinstance(cell, tuple):
        return "<br>".join(_html_cell(c) for c in cell)
    return html.escape(cell)


def _html_table(table: Table) -> list[str]:
    def cls(k: int, extra: str = "") -> str:
        names = " ".join(n for n in (("num" if table.numeric[k] else ""), extra) if n)
        return f' class="{names}"' if names else ""

    lines = ["<table>", "<thead><tr>" + "".join(f"<th{cls(k)}>{html.escape(h)}</th>"
                                                for k, h in enumerate(table.headers)) + "</tr></thead>", "<tbody>"]
    for row in table.rows:
        lines.append("<tr>" + "".join(
            f"<td{cls(k, 'sources' if isinstance(c, tuple) else '')}>{_html_cell(c)}</td>"
            for k, c in enumerate(row)) + "</tr>")
    return lines + ["</tbody>", "</table>"]


def to_html(doc: Document, generated_at: dt.datetime, chart_format: str = "svg") -> str:
    """A self-contained page: inline CSS, charts as data URIs, no script, nothing fetched from elsewhere."""
    lines = ["<!DOCTYPE html>", f'<html lang="{doc.lang}">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{html.escape(doc.title)} — {html.escape(doc.subtitle)}</title>",
             '<meta name="generator" content="healthcare cyberattack observatory">']
    if doc.meta_date:  # PDF metadata dates: the data's date, so a rebuild gives the same file
        lines += [f'<meta name="dcterms.created" content="{doc.meta_date}">',
                  f'<meta name="dcterms.modified" content="{doc.meta_date}">']
    lines += ["<style>", CSS, "</style>", "</head>", "<body>", "<header>",
              f"<h1>{html.escape(doc.title)}</h1>", f'<p class="subtitle">{html.escape(doc.subtitle)}</p>',
              "</header>"]
    def add(section: Section, level: int) -> None:
        lines.append(f'<section class="{section.key}">')
        lines.append(f"<h{level}>{html.escape(section.heading)}</h{level}>")
        for block in section.blocks:
            if isinstance(block, Table):
                lines.extend(_html_table(block))
            elif isinstance(block, Chart):
                uri = _data_uri(chart_image(doc.figures[block.name], chart_format), chart_format)
                lines.append(f'<figure><img src="{uri}" alt="{html.escape(block.alt)}"></figure>')
            elif isinstance(block, tuple):
                lines.append('<ul class="caveats">' + "".join(f"<li>{html.escape(b)}</li>" for b in block) + "</ul>")
            else:
                lines.append(f"<p>{html.escape(block)}</p>")
        lines.append("</section>")

    lines.append('<div class="onepage">')  # the summary: the first printed page
    for section in doc.sections:
        add(section, 2)
    lines += ["</div>", '<div class="annex">', f"<h2>{html.escape(doc.annex_heading)}</h2>"]
    for section in doc.annex:  # from the second printed page on
        add(section, 3)
    lines += ["</div>", "<footer>", f"<p>{html.escape(doc.sources)}</p>",
              f'<p class="generated">{html.escape(generated_line(generated_at, doc.lang))}</p>',
              "</footer>", "</body>", "</html>", ""]
    return "\n".join(lines)


# --- Markdown ----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_ST_SPECIAL = re.compile(r"([\\`*_\[\]<>|#$~:])")  # Streamlit's Markdown adds $math$, ~strike~ and :emoji:


def md_escape(text: str, streamlit: bool = False) -> str:
    """Text that Markdown shows as written (organisation names can hold * _ | < ...)."""
    return (_ST_SPECIAL if streamlit else _MD_SPECIAL).sub(r"\\\1", text)


def _md_cell(cell: Cell, streamlit: bool) -> str:
    if isinstance(cell, Link):
        return f"[{md_escape(cell.text, streamlit)}]({cell.url.replace(' ', '%20').replace(')', '%29')})"
    if isinstance(cell, tuple):
        return ", ".join(_md_cell(c, streamlit) for c in cell)
    return md_escape(cell, streamlit)


def md_table(table: Table, streamlit: bool = False) -> list[str]:
    """A pipe table (GitHub-flavoured Markdown); `streamlit`: escaped for st.markdown."""
    lines = ["| " + " | ".join(md_escape(h, streamlit) for h in table.headers) + " |",
             "|" + "|".join("---:" if num else ":---" for num in table.numeric) + "|"]
    lines += ["| " + " | ".join(_md_cell(c, streamlit) for c in row) + " |" for row in table.rows]
    return lines


def to_markdown(doc: Document, generated_at: dt.datetime) -> str:
    """Plain Markdown for email: headings, paragraphs, pipe tables, links; no HTML, no images."""
    lines = [f"# {md_escape(doc.title)}", "", f"*{md_escape(doc.subtitle)}*", ""]
    sections = [(s, "##") for s in doc.sections] + [(None, "##")] + [(s, "###") for s in doc.annex]
    for section, level in sections:
        if section is None:  # the summary above, the annex below
            lines += ["---", "", f"## {md_escape(doc.annex_heading)}", ""]
            continue
        lines += [f"{level} {md_escape(section.heading)}", ""]
        for block in section.blocks:
            if isinstance(block, Table):
                lines += md_table(block) + [""]
            elif isinstance(block, Chart):
                if block.fallback is not None:  # email: the chart's latest weeks as a table
                    lines += [f"*{md_escape(block.alt)}*", ""] + md_table(block.fallback) + [""]
            elif isinstance(block, tuple):
                lines += [f"- {md_escape(b)}" for b in block] + [""]
            else:
                lines += [md_escape(block), ""]
    lines += ["---", "", md_escape(doc.sources), "", md_escape(generated_line(generated_at, doc.lang)), ""]
    return "\n".join(lines)


# --- PDF ---------------------------------------------------------------------------------------

def to_pdf(doc: Document, generated_at: dt.datetime) -> bytes:
    """The HTML version printed by WeasyPrint (print CSS, A4), charts as PNG images."""
    from weasyprint import HTML

    return HTML(string=to_html(doc, generated_at, chart_format="png")).write_pdf()


def render(brief: Brief, lang: str, fmt: str, generated_at: dt.datetime | None = None) -> bytes:
    """The brief in `fmt` (html, md or pdf) as bytes (UTF-8 for text)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    generated_at = generated_at or dt.datetime.now(dt.UTC)
    doc = document(brief, lang)
    if fmt == "pdf":
        return to_pdf(doc, generated_at)
    return (to_html(doc, generated_at) if fmt == "html" else to_markdown(doc, generated_at)).encode("utf-8")


__all__ = ["FORMATS", "MAX_NOTABLE", "Chart", "Document", "Link", "Section", "Table", "document", "md_escape",
           "md_table", "render", "to_html", "to_markdown", "to_pdf"]
