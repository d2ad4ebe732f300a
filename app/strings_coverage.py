"""Reader-facing strings of coverage ("no data", partly covered, which sources are silent) and of the
France page, in English and French. Merged into app.i18n.STRINGS; kept apart so the coverage vocabulary
reads as one piece (and moves into the gettext catalogs with the rest, see issue #13)."""

EN = {
    "x.source.cissm": "CISSM Cyber Events Database",
    "x.source.curated_fr": "Curated list of French attacks",
    "x.stream.ransomware_live:press": "ransomware.live press index",
    "x.stream.ransomware_live:victims": "ransomware.live leak-site claims",
    "cov.no_data": "no data",
    "cov.no_data_long": "No data: no selected source covers this period",
    "cov.complete": "covered",
    "cov.partial": "partly covered",
    "cov.none": "no data",
    "cov.sources": "Sources: {sources}",
    "cov.partly": "partly: {sources}",
    "cov.silent": "silent: {sources}",
    "cov.filling": "may still grow",
    "cov.legend_partial": "Partly covered (hover: which sources are silent)",
    "cov.legend_filling": "Hatched: may still grow (posting lag, window ends)",
    "cov.caption": ("Grey bands marked \u201cno data\u201d: no selected source looked at that period, so its "
                    "count is unknown, not zero. Open circles: some selected sources cover the period only "
                    "partly or not at all (the hover names them). Hatched bars: a covering source is still "
                    "filling in that period."),
    "cov.month_precision": "{n} reports dated only to the month are left out of weekly bars (they are in "
                           "monthly and yearly ones).",
    "cov.table.header": "The figures",
    "cov.table.period": "Period",
    "cov.table.total": "Total",
    "cov.table.coverage": "Coverage",
    "cov.table.download": "Download these figures (CSV)",
    "cov.table.caption": "\u201cno data\u201d: no selected source covers the period; its count is unknown, not 0.",
    "brief.n.like_for_like": "Compared like for like (only {sources}, which cover this week and the weeks "
                             "compared completely): {n} this week.",
    "brief.n.provisional": "Provisional: no source covers this week and the previous weeks completely and past "
                           "its posting lag, so no comparison is made (no more, no fewer).",
    "brief.n.year_ago_like": "A year earlier, {week_name} had {count} from the same sources ({now} this week).",
    "brief.n.flag.usual": "Not an unusual week: {n} from {sources}, within the expected range (up to {upper}; "
                          "baseline mean {expected}).",
    "brief.n.flag.unusual": "An unusual week: {n} from {sources}, above the expected range (up to {upper}; "
                            "baseline mean {expected}).",
    "brief.n.flag.no_coverage": "No unusual-week flag: no source covers this week completely.",
    "brief.n.flag.filling": "No unusual-week flag: the sources that cover this week are still filling it in.",
    "brief.n.flag.short_baseline": "No unusual-week flag: no source covers the eight baseline weeks completely.",
    "brief.metric.no_compare": "Average: provisional",
    "brief.metric.like_help": "Like for like: only {sources}, complete on both sides.",
    "brief.chart.history.upper": "Upper limit of the expected range (EARS C2)",
    "brief.n.data_age": "Data as of {as_of}. Newest report by source: {newest}.",
    "brief.n.newest_item": "{source} {date}",
    "brief.n.caveat.partial": "{source} covers only part of this week",
    "brief.caveat.partial": "{source}: covers only part of this week (a sampled window or a sparse month); its "
                            "count for the week is a fragment.",
}

FR = {
    "x.source.cissm": "Base CISSM des cyberévénements",
    "x.source.curated_fr": "Liste d'attaques en France (établie à la main)",
    "x.stream.ransomware_live:press": "index de presse de ransomware.live",
    "x.stream.ransomware_live:victims": "revendications ransomware.live",
    "cov.no_data": "pas de données",
    "cov.no_data_long": "Pas de données : aucune source sélectionnée ne couvre cette période",
    "cov.complete": "couverte",
    "cov.partial": "couverte en partie",
    "cov.none": "pas de données",
    "cov.sources": "Sources : {sources}",
    "cov.partly": "en partie : {sources}",
    "cov.silent": "muettes : {sources}",
    "cov.filling": "peut encore augmenter",
    "cov.legend_partial": "Couverte en partie (survol : sources muettes)",
    "cov.legend_filling": "Hachures : peut encore augmenter (délai de publication, fin de fenêtre)",
    "cov.caption": ("Bandes grises « pas de données » : aucune source sélectionnée n'a regardé cette période ; "
                    "son nombre est inconnu, pas nul. Cercles vides : certaines sources sélectionnées ne couvrent "
                    "la période qu'en partie ou pas du tout (le survol les nomme). Barres hachurées : une source "
                    "qui couvre la période la complète encore."),
    "cov.month_precision": "{n} signalements datés seulement au mois ne figurent pas dans les barres "
                           "hebdomadaires (ils sont dans les mensuelles et annuelles).",
    "cov.table.header": "Les chiffres",
    "cov.table.period": "Période",
    "cov.table.total": "Total",
    "cov.table.coverage": "Couverture",
    "cov.table.download": "Télécharger ces chiffres (CSV)",
    "cov.table.caption": "« pas de données » : aucune source sélectionnée ne couvre la période ; son nombre est "
                         "inconnu, pas 0.",
    "brief.n.like_for_like": "À périmètre constant (seulement {sources}, qui couvrent entièrement cette semaine "
                             "et les semaines comparées) : {n} cette semaine.",
    "brief.n.provisional": "Provisoire : aucune source ne couvre entièrement cette semaine et les précédentes, "
                           "délai de publication passé ; aucune comparaison n'est faite (ni plus, ni moins).",
    "brief.n.year_ago_like": "Un an plus tôt, la {week_name} en comptait {n} des mêmes sources ({now} cette "
                             "semaine).",
    "brief.n.flag.usual": "Semaine ordinaire : {n} de {sources}, dans la fourchette attendue (jusqu'à {upper} ; "
                          "moyenne de référence {expected}).",
    "brief.n.flag.unusual": "Semaine inhabituelle : {n} de {sources}, au-dessus de la fourchette attendue "
                            "(jusqu'à {upper} ; moyenne de référence {expected}).",
    "brief.n.flag.no_coverage": "Pas d'alerte de semaine inhabituelle : aucune source ne couvre entièrement cette "
                                "semaine.",
    "brief.n.flag.filling": "Pas d'alerte de semaine inhabituelle : les sources qui couvrent cette semaine la "
                            "complètent encore.",
    "brief.n.flag.short_baseline": "Pas d'alerte de semaine inhabituelle : aucune source ne couvre entièrement les "
                                   "huit semaines de référence.",
    "brief.metric.no_compare": "Moyenne : provisoire",
    "brief.metric.like_help": "À périmètre constant : seulement {sources}, complètes des deux côtés.",
    "brief.chart.history.upper": "Limite haute de la fourchette attendue (EARS C2)",
    "brief.n.data_age": "Données au {as_of}. Signalement le plus récent par source : {newest}.",
    "brief.n.newest_item": "{source} {date}",
    "brief.n.caveat.partial": "{source} ne couvre qu'une partie de cette semaine",
    "brief.caveat.partial": "{source} : ne couvre qu'une partie de cette semaine (fenêtre d'échantillon ou mois "
                            "clairsemé) ; son nombre pour la semaine est un fragment.",
}
