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
}
