"""The canned queries Datasette offers at /observatory/<name> (.json, .csv), and the Atom feeds (.atom).

Counts leave out rows withdrawn by their source and repeats of another row (`is_counted = 0`), as every figure of
the dashboard does. An incident is placed on its earliest counted report (the `incidents` table), as the dashboard
places it. A period that no row falls in is *no data*, never 0: no query invents a zero row.

A feed is a canned query returning datasette-atom's columns (atom_id, atom_title, atom_updated, atom_link,
atom_content): one per language, since Datasette's titles are one language each. Entries are incidents, newest
first by the date of their first report, at most FEED_ENTRIES of them.
"""

from __future__ import annotations

FEED_ENTRIES = 50
# Entry ids: a URN of our own (an Atom id must be an IRI; the incident id alone is not one).
ENTRY_ID = "'urn:healthcare-cyber-observatory:incident:' || substr(i.incident_id, 5)"

NO_DATA = ("A year missing for a country means no data, not 0: no source we hold reported an incident there that "
           "year, which does not mean none happened (the coverage table says which source looked at which country "
           "and month).")

QUERIES: dict[str, dict[str, str]] = {
    "incidents_per_country_year": {
        "title": "Incidents per country and year",
        "description": "Distinct incidents (incident_id) per country and year, each placed in the year of its "
                       "earliest report, withdrawn and repeated reports left out; `reports` counts their reports, "
                       "`sources` names who reported them, `covering_sources` the sources whose coverage declares "
                       "that country (or the whole world) for at least one month of the year. " + NO_DATA
                       + " Optional parameter: country (ISO 3166-1 alpha-2, e.g. FR); empty for every country.",
        "sql": """
with placed as (
  select incident_id, country, substr(first_reported_date, 1, 4) as year from incidents
  where :country = '' or country = upper(:country)
),
counted as (
  select p.country, p.year, p.incident_id, r.source from placed p
  join reports r on r.incident_id = p.incident_id and r.is_counted = 1
),
years as (
  select country, year, count(distinct incident_id) as incidents, count(*) as reports from counted
  group by country, year
),
reporting as (
  select country, year, group_concat(source, ', ') as sources
  from (select distinct country, year, source from counted order by country, year, source) group by country, year
),
looked as (
  select country, year, group_concat(source, ', ') as sources
  from (select distinct y.country, y.year, l.source
        from years y join (select distinct scope, substr(month, 1, 4) as year, source from coverage) l
          on l.year = y.year and l.scope in (y.country, '*')
        order by y.country, y.year, l.source)
  group by country, year
)
select y.country, c.name_en as country_name, y.year, y.incidents, y.reports, s.sources,
       l.sources as covering_sources
from years y left join countries c on c.country = y.country
left join reporting s on s.country = y.country and s.year = y.year
left join looked l on l.country = y.country and l.year = y.year
order by y.country, y.year""",
    },
    "incidents_per_attack_type_year": {
        "title": "Incidents per attack type and year",
        "description": "Distinct incidents per attack type of the incident (the most specific type any of its "
                       "reports states) and year of its earliest report, worldwide or in one country (optional "
                       "parameter country). A missing year or type means no data, not 0.",
        "sql": """
select i.attack_type, a.label_en, substr(i.first_reported_date, 1, 4) as year,
       count(distinct i.incident_id) as incidents
from incidents i left join attack_types a on a.attack_type = i.attack_type
where :country = '' or i.country = upper(:country)
group by i.attack_type, year
order by year, incidents desc, i.attack_type""",
    },
    "latest_week_reports": {
        "title": "The latest week's reports",
        "description": "Every counted report dated in the 7 days ending on the newest report date of the dataset "
                       "(reports dated to the day only: month-precise rows, dated on the 1st, are left out). Newest "
                       "first. Sources post with delays of days to months, so a recent week keeps filling in.",
        "sql": """
with newest as (
  select max(reported_date) as day from reports
  where is_counted = 1 and coalesce(date_precision, 'day') = 'day'
)
select r.reported_date, r.organization, r.country, r.attack_type, r.incident_attack_type, r.status, r.source,
       r.source_url, r.individuals_affected, r.incident_id, r.record_id
from reports r, newest
where r.is_counted = 1 and coalesce(r.date_precision, 'day') = 'day'
  and r.reported_date > date(newest.day, '-7 days') and r.reported_date <= newest.day
order by r.reported_date desc, r.record_id""",
    },
    "incident_reports": {
        "title": "One incident's reports",
        "description": "Every report of one incident (parameter incident_id, e.g. inc:0123456789ab), oldest first, "
                       "with its source and the link where it can be checked; rows with is_counted = 0 were "
                       "withdrawn by their source or repeat another row (kept for traceability).",
        "sql": """
select r.reported_date, r.incident_date, r.source, r.status, r.organization, r.country, r.subdivision,
       r.attack_type, r.incident_attack_type, r.threat_actor, r.individuals_affected, r.is_placeholder_count,
       r.is_care_disrupted, r.source_url, r.is_counted, r.record_id
from reports r
where r.incident_id = :incident_id
order by r.reported_date, r.record_id""",
    },
    "largest_breaches": {
        "title": "Largest breaches by people affected",
        "description": "The 100 counted reports with the most people affected (placeholder counts of 500 or 501 "
                       "left out), optionally in one year (parameter year, e.g. 2024). Reports without a count are "
                       "not in the list: an unknown count is not a small one.",
        "sql": """
select r.reported_date, r.organization, r.country, r.subdivision, r.individuals_affected, r.attack_type,
       r.incident_attack_type, r.vendor, r.source, r.status, r.source_url, r.incident_id
from reports r
where r.is_counted = 1 and r.individuals_affected is not null and r.is_placeholder_count = 0
  and (:year = '' or substr(r.reported_date, 1, 4) = :year)
order by r.individuals_affected desc, r.record_id
limit 100""",
    },
}

# Feeds: (name, parameter, what it filters, English title, French title).
FEEDS = (
    ("country", "country", "i.country = upper(:country)",
     "New incidents in a country", "Nouveaux incidents dans un pays"),
    ("attack_type", "attack_type", "i.attack_type = lower(:attack_type)",
     "New incidents of one attack type", "Nouveaux incidents d'un type d'attaque"),
    ("source", "source", None,
     "New incidents reported by one source", "Nouveaux incidents signalés par une source"),
)
FEED_HELP = {
    "country": ("ISO 3166-1 alpha-2 code, e.g. FR", "code ISO 3166-1 alpha-2, par exemple FR"),
    "attack_type": ("e.g. ransomware, hacking, ddos", "par exemple ransomware, hacking, ddos"),
    "source": ("e.g. hhs_ocr, curated_fr", "par exemple hhs_ocr, curated_fr"),
}


def _feed_sql(kind: str, where: str | None, lang: str) -> str:
    if kind == "source":
        # Dated and linked by this source's own first report of the incident, not another source's.
        return f"""
with firsts as (
  select incident_id, min(reported_date) as reported_date from reports
  where is_counted = 1 and source = :source group by incident_id
)
select {ENTRY_ID} || ':' || :source as atom_id, i.title_{lang} as atom_title,
       f.reported_date || 'T00:00:00Z' as atom_updated,
       (select r.source_url from reports r where r.incident_id = f.incident_id and r.source = :source
          and r.is_counted = 1 order by r.reported_date, r.record_id limit 1) as atom_link,
       i.summary_{lang} as atom_content, i.incident_id, i.country, i.attack_type, f.reported_date
from firsts f join incidents i on i.incident_id = f.incident_id
order by f.reported_date desc, i.incident_id desc
limit {FEED_ENTRIES}"""
    return f"""
select {ENTRY_ID} as atom_id, i.title_{lang} as atom_title, i.first_reported_date || 'T00:00:00Z' as atom_updated,
       i.source_url as atom_link, i.summary_{lang} as atom_content, i.incident_id, i.country, i.attack_type,
       i.first_reported_date as reported_date
from incidents i
where {where}
order by i.first_reported_date desc, i.incident_id desc
limit {FEED_ENTRIES}"""


def feed_name(kind: str, lang: str) -> str:
    return f"feed_{kind}_{lang}"


def feeds() -> dict[str, dict[str, str]]:
    out = {}
    for kind, param, where, title_en, title_fr in FEEDS:
        help_en, help_fr = FEED_HELP[param]
        out[feed_name(kind, "en")] = {
            "title": f"{title_en} (healthcare cyberattack observatory)",
            "description": f"Atom feed (add .atom to the address): the {FEED_ENTRIES} newest incidents, by the "
                           f"date of their first report, with titles in English. Parameter {param} ({help_en}). "
                           f"French: {feed_name(kind, 'fr')}.",
            "sql": _feed_sql(kind, where, "en"),
        }
        out[feed_name(kind, "fr")] = {
            "title": f"{title_fr} (observatoire des cyberattaques contre la santé)",
            "description": f"Flux Atom (ajoutez .atom à l'adresse) : les {FEED_ENTRIES} incidents les plus récents, "
                           f"par date de premier signalement, titres en français. Paramètre {param} ({help_fr}). "
                           f"English: {feed_name(kind, 'en')}.",
            "sql": _feed_sql(kind, where, "fr"),
        }
    return out


def canned_queries() -> dict[str, dict[str, str]]:
    return {**{name: {**q, "sql": q["sql"].strip()} for name, q in QUERIES.items()},
            **{name: {**q, "sql": q["sql"].strip()} for name, q in feeds().items()}}
