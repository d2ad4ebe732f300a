"""Reader-facing strings of coverage ("no data", partly covered, which sources are silent) and of the
France page, in English and French. Merged into app.i18n.STRINGS; kept apart so the coverage vocabulary
reads as one piece (and moves into the gettext catalogs with the rest, see issue #13)."""

EN = {
    "us.title": "United States: health data breaches reported to HHS",
    "x.download.nothing": "No row matches the selection: there is nothing to download.",
    "x.col.report_attack_type": "Type this report states",
    "x.incident.attack_type": "Attack type: **{type}**, as stated by {origin}.",
    "x.incident.attack_type_report": "the {source} report of {date}",
    "x.incident.attack_type_page": "[a public account of the attack]({url}) (curated label)",
    "about.repeated": ("{n} further filings are listed twice by HHS, word for word (the same organisation, date, "
                       "count and type of breach); each is counted once, and the repeat is kept in the data file "
                       "with `duplicate_of` naming the row it repeats."),
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
    "brief.where.fr_regions": "French reports by région:",
    "brief.col.fr_region": "Région",
    "brief.n.data_age": "How old the data are: newest report by source, {newest}.",
    "brief.n.newest_item": "{source} {date}",
    "brief.n.caveat.partial": "{source} covers only part of this week",
    "brief.caveat.partial": "{source}: covers only part of this week (a sampled window or a sparse month); its "
                            "count for the week is a fragment.",
    "fr.nav": "France",
    "fr.title": "Cyberattacks on health organisations in France",
    "fr.subtitle": "Publicly reported attacks on hospitals, clinics, care homes, labs and the vendors serving them, "
                   "from the curated list and the other sources, beside the official yearly figures. {as_of}",
    "fr.metric.attacks": "Attacks in the data",
    "fr.metric.curated": "Attacks in the curated list",
    "fr.metric.ransomware": "Ransomware",
    "fr.metric.care": "Care disrupted",
    "fr.year.header": "By year: attacks in the data, and incidents declared to CERT Santé",
    "fr.chart.attacks": "Attacks in the data (publicly reported)",
    "fr.chart.curated": "Attacks in the curated list",
    "fr.chart.others": "Other sources' reports not matched to the list (some repeat its attacks)",
    "fr.metric.others": "Other reports, not matched",
    "fr.partial_note": "* partly covered: some sources are silent that year (see the table).",
    "fr.chart.declared": "Incidents declared by health structures (ANS / CERT Santé, all origins)",
    "fr.not_published": "n/a",
    "fr.year.caption": ("Two different measures, never added. Above: attacks reported in the press or by official "
                        "statements that this observatory could establish (a floor). Below: every incident health "
                        "and médico-social structures declared on the national portal, malicious or not (a "
                        "breakdown, an error, an attack). A declaration is not an attack, and most attacks never make "
                        "the news."),
    "fr.table.year": "Year",
    "fr.table.attacks": "Attacks in the data",
    "fr.table.curated": "of which curated list",
    "fr.table.declared": "Incidents declared (ANS)",
    "fr.table.malicious": "Share malicious (ANS)",
    "fr.table.ransomware": "Ransomware cases (CERT Santé)",
    "fr.table.coverage": "Coverage of the data",
    "fr.table.source": "Official source",
    "fr.month.header": "By month and type of attack",
    "fr.region.header": "By région",
    "fr.map.colorbar": "Attacks",
    "fr.map.overseas": "Overseas régions",
    "fr.region.caption": ("A tile map: one square per région, placed roughly where it lies, all of the same size (no "
                          "boundary file is needed offline). {unknown} attacks name no région (national bodies, "
                          "vendors, or reports from sources that give no place)."),
    "fr.type.header": "By type of establishment (curated list)",
    "fr.type.x": "Attacks",
    "fr.type.chu_ch": "Public hospital (CHU, CH, GHT)",
    "fr.type.clinique": "Private clinic or hospital",
    "fr.type.ehpad_medico_social": "Care home (EHPAD) or médico-social",
    "fr.type.laboratoire": "Medical laboratory",
    "fr.type.imagerie": "Imaging centre",
    "fr.type.cabinet_centre_sante": "Practice, health centre, pharmacy",
    "fr.type.prestataire": "Software vendor or intermediary",
    "fr.type.assurance": "Insurer, mutuelle, Assurance Maladie",
    "fr.type.agence_publique": "Public health agency",
    "fr.type.autre": "Other",
    "fr.claim.header": "What the sources say about… “one cyberattack a week on French hospitals since 2021”",
    "fr.claim.said": ("**The claim.** In February 2021, after the attacks on Dax and Villefranche-sur-Saône, the "
                      "government said there had been {major_2020} major attacks on hospitals in 2020 and one a week "
                      "since the start of 2021 ([source]({url_claim}))."),
    "fr.claim.supports": ("**What supports it.** For ransomware on health establishments in 2021, the ministries' senior "
                          "defence and security official counted at least {hfds_2021} attacks ([source]({url_hfds})), "
                          "and CERT Santé {ans_2021} ransomware cases in the health sector ([source]({url_ans})): "
                          "about one a week over the year. CERT Santé counted {ans_2022} in 2022, {ans_2023} in 2023 "
                          "and {ans_2024} in 2024 ([source]({url_ans_2024})): fewer than one a week since."),
    "fr.claim.contradicts": ("**What does not.** No published table gives {major_2020} for 2020: the ANSSI handled "
                             "{anssi_2020} ransomware incidents in all sectors that year ([source]({url_anssi})). "
                             "The {declared_2021} incidents declared by health structures in 2021 ([source]"
                             "({url_declared})) are far more than one a week, but a declaration is not an attack: "
                             "{malicious_2023} % of declared incidents were malicious in 2023."),
    "fr.claim.dataset": ("**What this dataset can say.** It holds {curated_2021} attacks in 2021 that were publicly "
                         "reported and could be established (in the curated list); the other sources add {others_2021} "
                         "reports not matched to it, some of which repeat its attacks. A floor of what made the news, not a count of attacks. It can neither "
                         "confirm nor refute “one a week”; the official counts above can, for ransomware."),
    "fr.claim.verdict": ("**In short:** about right for ransomware attacks on health establishments in 2021 ({hfds_2021} to "
                         "{ans_2021} in the year, by the official counts), not since; the {major_2020} for 2020 has no published source."),
    "fr.claim.no_stats": "The official figures (data/official_statistics.csv) are not in this data folder.",
    "fr.list.header": "The attacks, with their sources",
    "fr.list.caption": "Every row of the curated list cites the pages it was compiled from; open the incident page "
                       "for every report of an attack.",
    "fr.col.date": "Date", "fr.col.organization": "Organisation", "fr.col.town": "Town", "fr.col.region": "Région",
    "fr.col.type": "Attack type", "fr.col.care": "Care disrupted", "fr.col.source": "Source",
    "x.method.coverage": "Coverage: who looked where, and when",
    "x.method.coverage_intro": ("Every count on this site says which sources stand behind it. `data/coverage.csv` holds, "
                                "for each source list, country and month, whether the source looked completely, partly "
                                "or not at all; a period no selected source looked at is shown as **no data**, never as "
                                "zero. How each status is decided is in data/README.md."),
    "x.method.cov.stream": "Source",
    "x.method.cov.scopes": "Countries (or worldwide)",
    "x.method.cov.first": "First month",
    "x.method.cov.last": "Last month",
    "x.method.cov.complete": "Complete months",
    "x.method.unusual": "Is this week unusual?",
    "x.method.unusual_intro": ("The brief flags a week with the **EARS C2** rule that public-health agencies use on "
                               "surveillance counts: the week is compared with the mean and spread of the {weeks} weeks "
                               "that end {guard} week before it (the gap keeps the start of a surge out of its own "
                               "baseline); it is unusual when it exceeds the mean by more than {k} standard deviations "
                               "(with a floor, so that one report after empty weeks is not an alarm). It is computed only "
                               "over sources that cover the week and every baseline week completely, past their posting "
                               "lag; otherwise there is no flag, and the brief says why."),
    "x.method.unusual.span": "Weeks tested",
    "x.method.unusual.weeks": "Weeks",
    "x.method.unusual.rate": "Weeks flagged",
    "x.method.unusual_caption": ("On these histories, with no outbreak known in advance, every flag counts as a false "
                                 "alarm: the share of weeks flagged is an upper bound of the false-alarm rate."),
}

FR = {
    "us.title": "États-Unis : violations de données de santé déclarées au HHS",
    "x.download.nothing": "Aucune ligne ne correspond à la sélection : rien à télécharger.",
    "x.col.report_attack_type": "Type selon ce signalement",
    "x.incident.attack_type": "Type d'attaque : **{type}**, selon {origin}.",
    "x.incident.attack_type_report": "le signalement {source} du {date}",
    "x.incident.attack_type_page": "[un récit public de l'attaque]({url}) (étiquette établie à la main)",
    "about.repeated": ("{n} autres déclarations figurent deux fois, à l'identique, dans la liste du HHS (même "
                       "organisation, date, nombre de personnes et type de violation) : chacune est comptée une fois, "
                       "et le doublon reste dans le fichier de données, `duplicate_of` désignant la ligne qu'il "
                       "répète."),
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
    "brief.where.fr_regions": "Signalements français par région :",
    "brief.col.fr_region": "Région",
    "brief.n.data_age": "Âge des données : signalement le plus récent par source, {newest}.",
    "brief.n.newest_item": "{source} {date}",
    "brief.n.caveat.partial": "{source} ne couvre qu'une partie de cette semaine",
    "brief.caveat.partial": "{source} : ne couvre qu'une partie de cette semaine (fenêtre d'échantillon ou mois "
                            "clairsemé) ; son nombre pour la semaine est un fragment.",
    "fr.nav": "France",
    "fr.title": "Cyberattaques contre les structures de santé en France",
    "fr.subtitle": "Attaques rapportées publiquement contre des hôpitaux, cliniques, EHPAD, laboratoires et leurs "
                   "prestataires, d'après la liste établie à la main et les autres sources, à côté des chiffres "
                   "officiels annuels. {as_of}",
    "fr.metric.attacks": "Attaques dans les données",
    "fr.metric.curated": "Attaques de la liste établie à la main",
    "fr.metric.ransomware": "Rançongiciels",
    "fr.metric.care": "Soins perturbés",
    "fr.year.header": "Par année : attaques dans les données, et incidents déclarés au CERT Santé",
    "fr.chart.attacks": "Attaques dans les données (rapportées publiquement)",
    "fr.chart.curated": "Attaques de la liste établie à la main",
    "fr.chart.others": "Signalements d'autres sources non rapprochés de la liste (certains la répètent)",
    "fr.metric.others": "Autres signalements, non rapprochés",
    "fr.partial_note": "* couverte en partie : certaines sources sont muettes cette année-là (voir le tableau).",
    "fr.chart.declared": "Incidents déclarés par les structures de santé (ANS / CERT Santé, toutes origines)",
    "fr.not_published": "n.d.",
    "fr.year.caption": ("Deux mesures différentes, jamais additionnées. En haut : les attaques rapportées par la presse "
                        "ou un communiqué officiel que cet observatoire a pu établir (un minimum). En bas : tous les "
                        "incidents que les structures sanitaires et médico-sociales ont déclarés sur le portail "
                        "national, malveillants ou non (une panne, une erreur, une attaque). Une déclaration n'est pas "
                        "une attaque, et la plupart des attaques ne font pas l'actualité."),
    "fr.table.year": "Année",
    "fr.table.attacks": "Attaques dans les données",
    "fr.table.curated": "dont liste établie à la main",
    "fr.table.declared": "Incidents déclarés (ANS)",
    "fr.table.malicious": "Part malveillante (ANS)",
    "fr.table.ransomware": "Cas de rançongiciel (CERT Santé)",
    "fr.table.coverage": "Couverture des données",
    "fr.table.source": "Source officielle",
    "fr.month.header": "Par mois et type d'attaque",
    "fr.region.header": "Par région",
    "fr.map.colorbar": "Attaques",
    "fr.map.overseas": "Régions d'outre-mer",
    "fr.region.caption": ("Une carte en tuiles : un carré par région, placé à peu près où elle se trouve, tous de même "
                          "taille (aucun fichier de frontières n'est nécessaire hors ligne). {unknown} attaques ne "
                          "nomment aucune région (organismes nationaux, prestataires, ou sources sans lieu)."),
    "fr.type.header": "Par type d'établissement (liste établie à la main)",
    "fr.type.x": "Attaques",
    "fr.type.chu_ch": "Hôpital public (CHU, CH, GHT)",
    "fr.type.clinique": "Clinique ou hôpital privé",
    "fr.type.ehpad_medico_social": "EHPAD ou médico-social",
    "fr.type.laboratoire": "Laboratoire de biologie",
    "fr.type.imagerie": "Centre d'imagerie",
    "fr.type.cabinet_centre_sante": "Cabinet, centre de santé, pharmacie",
    "fr.type.prestataire": "Éditeur ou prestataire",
    "fr.type.assurance": "Assureur, mutuelle, Assurance maladie",
    "fr.type.agence_publique": "Agence publique de santé",
    "fr.type.autre": "Autre",
    "fr.claim.header": "Ce que disent les sources sur… « une cyberattaque par semaine contre les hôpitaux "
                       "français depuis 2021 »",
    "fr.claim.said": ("**L'affirmation.** En février 2021, après les attaques de Dax et de Villefranche-sur-Saône, le "
                      "gouvernement a évoqué {major_2020} attaques majeures contre des hôpitaux en 2020 et une par "
                      "semaine depuis le début de 2021 ([source]({url_claim}))."),
    "fr.claim.supports": ("**Ce qui la confirme.** Pour les rançongiciels visant des établissements de santé en 2021, "
                          "le haut fonctionnaire de défense et de sécurité des ministères sociaux a compté au moins "
                          "{hfds_2021} attaques ([source]({url_hfds})), et le CERT Santé {ans_2021} cas de rançongiciel "
                          "dans le secteur ([source]({url_ans})) : environ une par semaine sur l'année. Le CERT Santé "
                          "en a compté {ans_2022} en 2022, {ans_2023} en 2023 et {ans_2024} en 2024 ([source]"
                          "({url_ans_2024})) : moins d'une par semaine depuis."),
    "fr.claim.contradicts": ("**Ce qui ne la confirme pas.** Aucun tableau publié ne donne {major_2020} pour 2020 : "
                             "l'ANSSI a traité {anssi_2020} incidents de rançongiciel tous secteurs confondus cette "
                             "année-là ([source]({url_anssi})). Les {declared_2021} incidents déclarés par les "
                             "structures de santé en 2021 ([source]({url_declared})) dépassent de loin un par semaine, "
                             "mais une déclaration n'est pas une attaque : {malicious_2023} % des incidents déclarés "
                             "étaient malveillants en 2023."),
    "fr.claim.dataset": ("**Ce que ces données peuvent dire.** Elles comptent {curated_2021} attaques en 2021 rapportées "
                         "publiquement et établies (liste établie à la main) ; les autres sources ajoutent {others_2021} "
                         "signalements non rapprochés, dont certains répètent ses attaques. Un minimum de ce qui a fait l'actualité, pas un décompte des attaques. Elles ne "
                         "peuvent ni confirmer ni infirmer « une par semaine » ; les décomptes officiels ci-dessus le "
                         "peuvent, pour les rançongiciels."),
    "fr.claim.verdict": ("**En bref :** à peu près juste pour les rançongiciels contre les établissements de santé en "
                         "2021 ({hfds_2021} à {ans_2021} dans l'année selon les décomptes officiels), pas depuis ; les {major_2020} de 2020 "
                         "n'ont pas de source publiée."),
    "fr.claim.no_stats": "Les chiffres officiels (data/official_statistics.csv) ne sont pas dans ce dossier de données.",
    "fr.list.header": "Les attaques et leurs sources",
    "fr.list.caption": "Chaque ligne de la liste cite les pages d'où elle vient ; la page incident donne tous les "
                       "signalements d'une attaque.",
    "fr.col.date": "Date", "fr.col.organization": "Organisation", "fr.col.town": "Commune", "fr.col.region": "Région",
    "fr.col.type": "Type d'attaque", "fr.col.care": "Soins perturbés", "fr.col.source": "Source",
    "x.method.coverage": "Couverture : qui a regardé où, et quand",
    "x.method.coverage_intro": ("Chaque nombre de ce site dit quelles sources le fondent. `data/coverage.csv` indique, "
                                "pour chaque liste de source, pays et mois, si la source a regardé entièrement, en partie "
                                "ou pas du tout ; une période qu'aucune source sélectionnée n'a regardée s'affiche **pas "
                                "de données**, jamais zéro. La règle de chaque statut est dans data/README.md."),
    "x.method.cov.stream": "Source",
    "x.method.cov.scopes": "Pays (ou monde)",
    "x.method.cov.first": "Premier mois",
    "x.method.cov.last": "Dernier mois",
    "x.method.cov.complete": "Mois complets",
    "x.method.unusual": "Cette semaine est-elle inhabituelle ?",
    "x.method.unusual_intro": ("La note signale une semaine selon la règle **EARS C2** qu'emploient les agences de santé "
                               "publique sur les données de surveillance : la semaine est comparée à la moyenne et à la "
                               "dispersion des {weeks} semaines qui s'achèvent {guard} semaine avant elle (l'écart évite "
                               "qu'une hausse entre dans sa propre référence) ; elle est inhabituelle si elle dépasse la "
                               "moyenne de plus de {k} écarts-types (avec un plancher, pour qu'un signalement après des "
                               "semaines vides ne déclenche pas d'alerte). Elle n'est calculée que sur les sources qui "
                               "couvrent entièrement la semaine et toutes les semaines de référence, délai de publication "
                               "passé ; sinon, pas d'alerte, et la note dit pourquoi."),
    "x.method.unusual.span": "Semaines testées",
    "x.method.unusual.weeks": "Semaines",
    "x.method.unusual.rate": "Semaines signalées",
    "x.method.unusual_caption": ("Sur ces historiques, sans épidémie connue à l'avance, chaque alerte compte comme fausse : "
                                 "la part des semaines signalées majore le taux de fausses alertes."),
}
