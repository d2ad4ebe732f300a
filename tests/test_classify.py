"""collectors.classify: healthcare organisations, kinds of attack and disrupted care, in English and French.

Checked two ways: on real press items of ransomware.live that we labelled by hand (both ways: healthcare
organisations and traps), and on short sentences for each rule and each known false-positive trap.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from collectors import classifier_quality
from collectors.sources import ransomware_live
from collectors.text import classify
from collectors.text.classify import (
    attack_type_from_text,
    care_disrupted,
    healthcare_match,
    is_healthcare,
    is_veterinary,
    lead_sentence,
    organization_type_from_text,
)
from tests.support.snapshots import SNAPSHOTS

PRESS = SNAPSHOTS / "ransomware-live" / "pro_press_all_2025-08-28_anggipradana.json"
needs_press = pytest.mark.skipif(
    not PRESS.exists(), reason=f"the ransomware.live press snapshot is not in {PRESS.parent} (it lives in ../shared, "
                               "beside a CI checkout; set OBSERVATORY_SNAPSHOTS to point elsewhere)")

# --- real press items, labelled by hand ------------------------------------------------------------------
# ransomware.live's /press/all (2,627 items, 2021-06 to 2025-08), labelled by reading the victim, the headline
# and the summary. How the set was drawn: 50 items at random among those the classifier called healthcare
# and 50 among the others (seeded, from an earlier version of the rules), plus 25 French healthcare items and
# 40 traps picked by hand (names with "hospital" or "health" in them that are not healthcare organisations,
# veterinary care, clinical-trial firms, round-up headlines copied onto unrelated victims ...).
# Scope: care providers, health insurers and payers, health authorities, pharmaceutical and medical-supply
# makers and distributors, and vendors whose business is health (billing, health IT, staffing); not
# veterinary care, not professional societies, not the general suppliers (IT, debt collection) of hospitals.
# Each item by its article URL, or by the victim's name where several items share one URL.
LABELLED = [  # (url, or victim where the url is shared; is healthcare; why)
    ('https://www.ladepeche.fr/2025/08/07/le-centre-hospitalier-du-gers-cible-par-une-cyberattaque-une-enquete-est-en-cours-12865493.php', True, 'French: centre hospitalier'),
    ('https://www.lesfrontaliers.lu/societe/post-cetait-bien-une-cyberattaque/', False, 'random sample of classifier negatives'),
    ('https://www.just-drinks.com/news/novabev-group-hit-by-cyberattack/', False, 'random sample of classifier negatives'),
    ('https://emisoraatlantico.com.co/nacionales/ataque-cibernetico-afecta-canales-de-atencion-de-nueva-eps-activan-plan-de-contingencia-para-garantizar-servicios/', True, 'EPS (Colombian health insurer)'),
    ('https://www.ndr.de/nachrichten/mecklenburg-vorpommern/hackerangriff-auf-it-systeme-an-ameos-kliniken,ameoskliniken-100.html', True, 'random sample of classifier positives'),
    ('https://www.pembrokeobserver.com/news/pembroke-regional-hospital-experiencing-service-delays-some-cancellations-after-cybersecurity-incident', True, 'random sample of classifier positives'),
    ('https://biz.chosun.com/en/en-retail/2025/06/10/HVTHA23LVNBJDHN37R5PODRJCI/', False, 'random sample of classifier negatives'),
    ('https://www.gazetaderiopreto.com.br/cidades/noticia/2025/06/ataque-cibernetico-tira-telefone-do-samu-do-ar-em-rio-preto.html', False, 'trap: city government (its SAMU phone)'),
    ('https://www.primerahora.com/noticias/gobierno-politica/notas/justicia-sufre-ataque-cibernetico/', False, 'random sample of classifier negatives'),
    ('https://www.wp.de/lokales/hagen/article409022341/hacker-angriff-autohaus-juergens-ist-in-teilen-gelaehmt.html', False, 'random sample of classifier negatives'),
    ('https://eu.greenbaypressgazette.com/story/money/2025/05/20/cellcom-ceo-says-outage-caused-by-cyber-attack/83745408007/', False, 'random sample of classifier negatives'),
    ('McKeown Farm & Lawn', False, 'trap: farm & lawn care'),
    ('https://www.dailymail.co.uk/news/article-14669117/Harrods-hit-cyber-attack-department-store.html', False, 'random sample of classifier negatives'),
    ('https://news.sktelecom.com/211423', False, 'random sample of classifier negatives'),
    ('https://www.midilibre.fr/2025/04/18/lhopital-de-pezenas-a-ete-victime-ce-jeudi-16-avril-dune-cyber-attaque-qui-a-ete-contenue-par-les-informaticiens-de-lhopital-de-beziers-12645517.php', True, 'French: CH de Pézenas'),
    ('https://searchlightnm.org/western-new-mexico-university-cyberattack-russian-hackers-qilin-social-security-payroll/', False, 'random sample of classifier negatives'),
    ('https://www.sec.gov/Archives/edgar/data/927066/000119312525079593/d948299d8k.htm', True, 'random negative, really healthcare: dialysis provider (DaVita): no keyword in name or lead'),
    ('https://www.newindianexpress.com/amp/story/cities/bengaluru/2025/May/01/bwssb-foils-cyber-attack-on-water-connection-portal', False, 'random sample of classifier negatives'),
    ('https://www.zataz.com/apres-la-cyberattaque-lhopital-stell-sorganise-et-resiste/', True, 'French: CH'),
    ('https://emops.twse.com.tw/server-java/t05sr01_1_e?&isNew=Y&seq_no=3&spoke_time=180014&spoke_date=20250325&co_id=2505', False, 'random sample of classifier negatives'),
    ('https://emops.twse.com.tw/server-java/t05sr01_1_e?&isNew=Y&seq_no=1&spoke_time=161226&spoke_date=20250325&co_id=1736', False, 'trap: Johnson Health Tech: fitness equipment'),
    ('LaTouche Pediatrics', True, 'random sample of classifier positives'),
    ('https://www.clubic.com/actualite-558117-les-laboratoires-francais-cerballiance-ont-ete-victimes-d-une-cyberattaque-voici-les-donnees-qui-ont-fuite.html', True, 'French: laboratoires de biologie (lead: their patients)'),
    ('https://databreaches.net/2025/03/13/fms-yap-health-services-disrupted-by-ransomware-attack/', True, 'random sample of classifier positives'),
    ('https://www.jpost.com/breaking-news/article-845035', True, 'random sample of classifier positives'),
    ('https://www.maine.gov/agviewer/content/ag/985235c7-cb95-4be2-8792-a1252b4f8318/bb068583-f49d-4be6-9b67-b95f3bd3eba3.html', True, 'random negative, really healthcare: physician staffing (locums)'),
    ('https://www.crikey.com.au/2025/03/07/australian-clinical-trials-cyberattack-anzctr/', False, 'trap: clinical trials registry'),
    ('https://www.country94.ca/2025/03/14/ganong-in-st-stephen-hit-by-ransomware-cyber-attack/', False, 'random sample of classifier negatives'),
    ('https://www.baindebretagne.fr/actualites/perturbations-mairie-cyberattaque/', False, 'random sample of classifier negatives'),
    ('https://therecord.media/palau-health-ministry-ransomware-recover', True, 'random sample of classifier positives'),
    ('https://www.kma-online.de/aktuelles/klinik-news/detail/cyberangriff-auf-lup-kliniken-in-hagenow-und-ludwigslust-53384', True, 'random sample of classifier positives'),
    ('https://www.notredame.edu.au/news-items/statement-from-the-university-of-notre-dame-australia', False, 'random sample of classifier negatives'),
    ('https://www.lemagit.fr/actualites/366618566/Lediteur-de-solutions-metiers-AAA-DATA-victime-dune-cyberattaque', False, 'trap: French software firm'),
    ('https://www.prnewswire.com/news-releases/simonmed-imaging-provides-notice-of-security-incident-302414648.html', True, 'random sample of classifier positives'),
    ('https://www.nybce.org/news/articles/cyber/', True, 'random sample of classifier positives'),
    ('https://www.ledauphine.com/sante/2025/01/20/isere-tentative-d-intrusion-informatique-au-chu-de-grenoble', True, 'French: CHU'),
    ('https://www.maine.gov/agviewer/content/ag/985235c7-cb95-4be2-8792-a1252b4f8318/dce291ae-3215-418f-9d5f-fd5018617929.html', True, "random negative, really healthcare: children's behavioural health provider"),
    ('https://www.wfdd.org/story/no-timeline-service-restoration-after-winston-salem-cyber-attack', False, 'random sample of classifier negatives'),
    ('https://www.wtkr.com/news/in-the-community/newport-news/christopher-newport-university-hit-with-sophisticated-cyberattack', False, 'random sample of classifier negatives'),
    ('https://www.maine.gov/agviewer/content/ag/985235c7-cb95-4be2-8792-a1252b4f8318/590aeb4d-6b66-497b-a439-f5b603c21b65.html', False, 'trap: Hospitality (finance)'),
    ('https://ago.vermont.gov/sites/ago/files/documents/2025-02-27%20Archie%20Cochrane%20Motors%20Data%20Breach%20Notice%20to%20Consumers.pdf', False, 'random sample of classifier negatives'),
    ('https://www.bluewin.ch/fr/infos/faits-divers/le-groupe-vidymed-touch-par-une-cyberattaque-2478037.html', True, 'random sample of classifier positives'),
    ('https://www.br.de/nachrichten/bayern/hackerangriff-auf-klinikum-ingolstadt-lka-ermittelt,UWY2GmK', True, 'Klinikum'),
    ('https://www.ksbw.com/article/watsonville-hospital-faces-prolonged-computer-outage/63098463', True, 'random sample of classifier positives'),
    ('https://www.liverpoolecho.co.uk/news/liverpool-news/major-incident-declared-merseyside-hospital-30450814', True, 'random sample of classifier positives'),
    ('Southeast Series of Lockton Companies', False, 'trap: insurance broker; copied summary about a surgery centre'),
    ('https://www.wndu.com/2024/12/08/south-bend-dentist-office-notifies-patients-data-breach/', True, 'random sample of classifier positives'),
    ('https://www.kdrv.com/news/top-stories/cyber-attack-halts-some-local-animal-hospital-operations/article_dc86938e-a0a2-11ef-ba9c-83336a646acb.html', False, 'trap: veterinary hospital'),
    ('https://retailtrends.nl/news/74256/ahold-delhaize-in-vs-doelwit-van-cyberaanval', False, 'trap: supermarket group; its pharmacies affected'),
    ('https://www.9and10news.com/2024/11/06/msp-and-fbi-investigate-malware-attack-in-wexford-county/', False, 'random sample of classifier negatives'),
    ('https://www.svt.se/nyheter/lokalt/orebro/cyberattack-mot-kumla-kommun-gatt-i-stabslage', False, 'random sample of classifier negatives'),
    ('https://www.lesinfosdupaysgallo.com/2024/10/20/morbihan-pharmacie-la-cerp-bretagne-atlantique-victime-dune-cyberattaque/', True, 'French: pharmaceutical wholesaler (répartiteur): in scope'),
    ('https://databreaches.net/2024/12/15/did-kitsap-mental-health-services-suffer-a-breach-of-patient-data/', True, 'random sample of classifier positives'),
    ('https://www.moneyvox.fr/assurance-vie/actualites/100191/la-mif-victime-une-cyberattaque', True, 'French: mutuelle (health insurer)'),
    ('https://www.01net.com/actualites/nouveau-hack-en-france-les-donnees-de-lenseigne-guy-demarle-ont-ete-volees.html', False, 'random sample of classifier negatives'),
    ('https://www.ouest-france.fr/societe/cyberattaque/info-ouest-france-dans-le-grand-ouest-des-etablissements-de-sante-victimes-dune-cyberattaque-e870f94c-8319-11ef-91d9-7f562215fe95', True, 'French: établissements de santé (lead)'),
    ('https://www.cdc-biodiversite.fr/actualite/cdc-biodiversite-message-dinformation/', False, 'trap: CDC Biodiversité (not the CDC)'),
    ('https://www.livemint.com/companies/news/star-health-insurance-under-cyberattack-says-operations-unaffected-even-after-data-leak-11728489332453.html', True, 'random sample of classifier positives'),
    ('https://www.maine.gov/agviewer/content/ag/985235c7-cb95-4be2-8792-a1252b4f8318/1a3e04ef-d52d-498b-b624-2d04049a677a.html', False, 'trap: college of pharmacy (a school)'),
    ('ATSG Inc.', False, 'trap: IT firm that lost health data'),
    ('https://www.surinenglish.com/spain/cortefiel-womensecret-springfield-data-theft-warning-20241012070807-nt.html', False, 'random sample of classifier negatives'),
    ('https://cybernews.com/security/television-station-detroit-pbs-hacked/', False, 'trap: TV station; group "known for hospitals"'),
    ('https://cryptoid.com.br/saude-2/ataque-cibernetico-ao-real-hospital-portugues-de-recife-um-alerta-para-o-setor-de-saude/', True, 'random sample of classifier positives'),
    ('https://www.koafe.info/index.php/2024/08/27/zeop-victime-dune-attaque-informatique/', False, 'random sample of classifier negatives'),
    ('https://securityleaders.com.br/prefeitura-de-taubate-sp-confirma-incidente-cibernetico-com-data-leak/', False, 'random sample of classifier negatives'),
    ('https://www.researchprofessionalnews.com/rr-news-uk-universities-2024-9-ucu-hit-by-cyberattack/', False, 'random sample of classifier negatives'),
    ('https://agportal-s3bucket.s3.amazonaws.com/databreach/BreachA31983.pdf', False, 'trap: Hospitality'),
    ('Baker Center for Children and Families', True, "random negative, really healthcare: children's mental health provider"),
    ('https://edition.cnn.com/2024/07/31/politics/cyberattack-oneblood-blood-donation/index.html', True, 'blood supplier to hospitals'),
    ('https://lavoce.hr/attualita/croazia-attacco-hacker-allaeroporto-di-spalato-sistema-informatico-in-tilt', False, 'random sample of classifier negatives'),
    ('https://www.virginislandsdailynews.com/news/schneider-hospital-investigating-ransomware-cyberattack/article_9cd7d2a6-490f-11ef-88bc-a73c05343d71.html', True, 'random sample of classifier positives'),
    ('https://www.philstar.com/headlines/2024/07/16/2370584/dmw-suffers-cyber-attack-online-ofw-services-put-hold', False, 'random sample of classifier negatives'),
    ('https://www.hipaajournal.com/vitruvian-health-erlanger-health-business-associate-breach/', False, 'trap: debt collector; lead names hospitals'),
    ('https://www.thebraziltimes.com/story/3046256.html', False, 'trap: county; its health department closed'),
    ('Dove Healthcare', True, 'random sample of classifier positives'),
    ('https://www.alpsalpine.com/cms.media/security_en_20240716_38f26f87ad.pdf', False, 'random sample of classifier negatives'),
    ('https://www.clickorlando.com/news/florida/2024/07/04/florida-department-of-health-deals-with-potential-cyber-attack/', True, 'random sample of classifier positives'),
    ('https://www.casanareonline.co/ataque-cibernetico-a-la-e-s-e-salud-yopal-obligaria-a-suspender-el-servicio/', True, 'E.S.E. (Colombian public hospital)'),
    ('https://www.dotmed.com/news/story/63579', False, 'random positive: a radiology professional society, not a care provider'),
    ('https://www.excelsiorortho.com/notice-of-data-incident/', True, 'random sample of classifier positives'),
    ('https://www.jdsupra.com/legalnews/fairfield-memorial-hospital-sends-data-5811601/', True, 'random sample of classifier positives'),
    ('https://www.usdermatologypartners.com/notice-of-data-incident/', True, 'random sample of classifier positives'),
    ('https://www.merkur.de/lokales/region-miesbach/hausham-ort74880/hackerangriff-auf-krankenhaus-agatharied-krisenstab-eingerichtet-93135734.html', True, 'Krankenhaus'),
    ('https://www.calcalistech.com/ctechnews/article/sjyk8iab0', True, 'pharmaceutical maker'),
    ('https://www.bleepingcomputer.com/news/security/rite-aid-confirms-data-breach-after-june-ransomware-attack/', True, 'pharmacy chain'),
    ('https://www.rainews.it/tgr/lombardia/articoli/2024/06/attacco-hacker-allasst-rhodense-sistemi-informatici-in-tilt-5fa93ac7-6ef1-4d95-b27f-0ab87db8a8ec.html', True, 'ASST (Italian health authority)'),
    ('https://www.hsj.co.uk/quality-and-performance/exclusive-cyber-attack-strikes-multiple-hospitals/7037260.article', True, 'pathology lab; lead names the two London hospitals'),
    ('https://databreaches.net/2024/06/10/special-health-resources-technical-difficulties-are-due-to-a-ransomware-attack/', True, 'random sample of classifier positives'),
    ('https://www.9news.com.au/national/guardian-childcare-victoria-suffers-cyber-attack-affecting-thousands-of-families/cdf9d285-4ece-413c-8f43-8413f6ff1825', False, 'trap: childcare'),
    ('https://www.nzherald.co.nz/nz/smith-caugheys-set-to-close-department-store-falls-victim-to-cyber-attack-on-day-of-proposal-to-close-for-good/G25KF73IOFCX5C7CV32RS3LEPE/', False, 'random sample of classifier negatives'),
    ('https://www.dawn.com/news/1835677/islamabad-safe-citys-online-system-shut-down-after-hacking-attempt', False, 'random sample of classifier negatives'),
    ('https://agportal-s3bucket.s3.amazonaws.com/databreach/BreachA30312.pdf', True, 'random sample of classifier positives'),
    ('https://www.ad.nl/west-betuwe/dierenartspraktijk-ranzijn-slachtoffer-van-cyberaanval-gegevens-van-dieren-en-baasjes-gestolen~a6bc2e82/', False, 'trap: veterinary clinics'),
    ('https://www.smh.com.au/technology/police-investigate-large-scale-healthcare-data-breach-20240516-p5je66.html', True, 'random sample of classifier positives'),
    ('https://www.kfdi.com/2024/05/22/northwest-kansas-hospital-hit-by-cyberattack/', True, 'random sample of classifier positives'),
    ('https://www.lindependant.fr/2024/05/07/pyrenees-orientales-de-nombreux-sites-dimagerie-medicale-victimes-dune-cyberattaque-11936827.php', True, 'French: radiologie (lead)'),
    ('https://www.umu.se/nyheter/umea-universitet-utsatt-for-omfattande-cyberattack_11935138/', False, 'random sample of classifier negatives'),
    ('https://www.881903.com/news/local/2529350/仁安醫院網絡遭黑客攻擊-稱未發現病人資料洩漏', True, 'Hong Kong hospital (Chinese name)'),
    ('https://www.giornaledibrescia.it/cronaca/attacco-hacker-a-synlab-chiusi-tutti-gli-ambulatori-in-italia-e-servizi-informatici-ko-nb8oqg3e', True, 'random sample of classifier positives'),
    ('https://www.varmatin.com/sante/l-hopital-de-cannes-est-il-victime-d-une-cyber-attaque-915838', True, 'French: hôpital'),
    ('https://www.maine.gov/agviewer/content/ag/985235c7-cb95-4be2-8792-a1252b4f8318/c58bf5d1-f08b-4c50-8859-4fe253db8af9.html', False, 'random sample of classifier negatives'),
    ('https://www.govtech.com/education/higher-ed/ransomware-attack-hits-new-mexico-highlands-university', False, 'random sample of classifier negatives'),
    ('https://www.wibw.com/2024/04/02/riley-county-emergency-responders-using-backup-radios-due-cybersecurity-incident/', False, 'random sample of classifier negatives'),
    ('https://www.latribuna.hn/2024/04/16/el-ihtt-es-victima-de-ataque-cibernetico-revela-comisionado/', False, 'random sample of classifier negatives'),
    ('https://original.newsbreak.com/@golden-gate-media-1351221/3344715616259-another-california-city-targeted-by-ransomware-hackers-cyber-criminals-disable-city-services', False, 'trap: city; ambulances not affected'),
    ('https://techcrunch.com/2024/02/21/change-healthcare-cyberattack/', True, 'Change Healthcare (health IT/claims)'),
    ('https://www.jdsupra.com/legalnews/south-texas-oncology-and-hematology-3906457/', True, 'random sample of classifier positives'),
    ('https://www.twincities.com/2024/02/15/cyber-attack-shuts-down-access-to-off-site-radiology-services-for-some-allina-sites-other-healthcare-groups/', True, 'random sample of classifier positives'),
    ('https://www.20min.ch/fr/story/geneve-clinique-privee-victime-dune-cyberattaque-103042473', True, 'French: clinique (Switzerland)'),
    ('https://www.francetvinfo.fr/internet/securite-sur-internet/cyberattaques/nord-l-hopital-d-armentieres-victime-d-une-cyberattaque-les-urgences-fermees-pour-la-journee_6359368.html', True, 'French: CH d’Armentières'),
    ('https://www.jdsupra.com/legalnews/rebound-orthopedics-neurosurgery-9351896/', True, 'random sample of classifier positives'),
    ('https://actu.fr/normandie/saint-lo_50502/cyberattaques-contre-les-entreprises-il-y-a-des-boites-qui-coulent_60916297.html', False, 'trap: French firm'),
    ('https://www.abcbourse.com/marches/dms-group-interception-d-une-cyberattaque_620363', True, 'French: medical imaging equipment maker (lead)'),
    ('https://m.communication.malakoffhumanis.com/nl/jsp/m.jsp?c=yzzNCcF4uE4y1iG%2B7U9wBg%3D%3D', True, 'French: tiers payant of complémentaires santé'),
    ('https://www.saechsische.de/kamenz/kunath-cyber-angriff-troyaner-virus-bretnig-grossroehrsdorf-it-sicherheit-polizei-5965794-plus.html', False, 'trap: clothing maker for care homes'),
    ('https://www.lesoleil.com/actualites/justice-et-faits-divers/2024/01/25/des-pirates-sen-prennent-aux-services-ambulanciers-JTIY6MSQNVDFJKCF2YOWJ5QDUE/', True, 'French: ambulance dispatch centre, "services de communication en santé" (Québec)'),
    ('https://www.newburyportnews.com/news/local_news/anna-jaques-systems-compromised-after-cyber-issue/article_a5a6d88e-a58e-11ee-bc90-cf662aa3badb.html', True, 'random sample of classifier positives'),
    ('https://www.lafranceagricole.fr/cooperative/article/871984/le-piratage-de-la-cooperative-even-est-le-signe-d-une-menace-grandissante', False, 'trap: French agricultural coop'),
    ('https://www.ausl.mo.it/attacco-hacker-aziende-sanitarie-modena', True, 'AUSL'),
    ('https://www.wishtv.com/news/health-spotlight/hendricks-regional-health-website-down-due-to-cyberattack/', False, 'trap: IT contractor of a hospital'),
    ('https://www.siaap.fr/presse-publications/publications/detail/actualites/cyberattaque-dampleur-au-siaap/', False, 'trap: sanitation syndicate (assainissement)'),
    ('https://www.mass.gov/doc/assigned-data-breach-number-2024-257-international-shoppes-llc/download', False, 'random sample of classifier negatives'),
    ('https://yle.fi/a/74-20060880', False, 'random sample of classifier negatives'),
    ('https://www.insurancetimes.co.uk/news/sabre-insurance-hit-by-cyber-attack/1446186.article', False, 'random sample of classifier negatives'),
    ('https://www.scmagazine.com/news/planet-home-lending-notifies-customers-of-lockbit-ransomware-incident', False, 'random sample of classifier negatives'),
    ('https://www.lequotidien.com/actualites/justice-et-faits-divers/2023/12/13/cyberattaque-a-la-clinique-irm-saguenay-lac-saint-jean-MHWWUQSZTVBLTHWDBZ6XUWTCHE/', True, 'French: clinique IRM (Québec)'),
    ('https://www.jdsupra.com/legalnews/fresno-surgical-hospital-targeted-in-1446348/', True, 'random sample of classifier positives'),
    ('https://cogdellhospital.com/network-incident-preventing-the-use-of-systems-and-phones/', True, 'hospital'),
    ('https://madison.com/news/local/crime-courts/sauk-prairie-healthcare-cyber-attack/article_4eb43770-7e50-11ee-a746-cb0db9c00d60.html', True, 'random sample of classifier positives'),
    ('https://www.databreaches.net/exclusive-advarra-hacked-threat-actors-threatening-to-leak-data/', False, 'trap: clinical research software'),
    ('https://www.francebleu.fr/infos/faits-divers-justice/manche-l-ehpad-de-marigny-le-lozon-victime-d-une-cyberattaque-des-donnees-des-residents-devoilees-5237559', True, 'French: EHPAD'),
    ('https://www.itatiaia.com.br/editorias/valedoaco/2023/10/31/ataque-cibernetico-prefeitura-de-fabriciano-afirma-que-nao-houve-vazamentos-de-dados', False, 'random sample of classifier negatives'),
    ('https://www.databreaches.net/primary-health-wellness-center-llcs-public-notice-of-ransomware-incident/', True, 'random sample of classifier positives'),
    ('https://nypost.com/2023/10/22/cyber-attacks-hit-ny-state-casino-operation-two-hudson-valley-hospitals/', False, 'trap: casino operator; hospital headline'),
    ('https://www.bleepingcomputer.com/news/security/xfinity-discloses-data-breach-after-recent-citrix-server-hack/', False, 'random sample of classifier negatives'),
    ('https://www.francebleu.fr/infos/faits-divers-justice/les-hopitaux-de-vittel-et-neufchateau-victimes-d-une-cyberattaque-8825941', True, 'French: CH'),
    ('https://www.faz.net/aktuell/rhein-main/frankfurt/hackerangriff-auf-uniklinik-in-frankfurt-vom-internet-getrennt-19229859.html', True, 'random sample of classifier positives'),
    ('https://www.numerama.com/cyberguerre/1495294-un-groupe-hospitalier-touche-par-une-cyberattaque-a-strasbourg-le-reseau-informatique-mis-a-larret.html', True, 'French: groupe hospitalier'),
    ('Santa Clarita Community College District', False, 'trap: college district; hospital headline and PHI'),
    ('Dakota Eye Institute ', True, 'random sample of classifier positives'),
    ('https://unimedia.info/ro/news/21cfdf0f81811853/spitalul-sf-treime-din-capitala-sub-atac-cibernetic-ceban-cer-directorului-institutiei-sa-verifice-daca-datele-personale-ale-pacientilor-sunt-in-siguranta.html', True, 'French: hôpital (Moldova)'),
    ('https://www.wlox.com/2023/08/20/potential-cyberattack-throughout-singing-river-health-system/', True, 'random sample of classifier positives'),
    ('https://www.ilrestodelcarlino.it/reggio-emilia/cronaca/reggio-emilia-attacco-hacker-ai-computer-della-bonifica-a28c2d6d', False, 'random sample of classifier negatives'),
    ('https://www.cmjornal.pt/sociedade/detalhe/20230806-2258-ciberataque-forca-suspensao-de-atividade-clinica-no-servico-de-saude-da-madeira', True, 'random sample of classifier positives'),
    ('https://www.the74million.org/article/renton-school-district-victim-of-ransomware-attack/', False, 'trap: school district; medical data'),
    ('https://twitter.com/cyber_etc/status/1693940581632774240', False, 'random sample of classifier negatives'),
    ('https://www.sudinfo.be/id687336/article/2023-07-14/la-province-de-namur-victime-dun-hacker-cinq-de-nos-serveurs-ont-ete-touches-une', False, 'trap: province; a later sentence names a hospital'),
    ('https://databreaches.net/2024/06/28/blackcat-may-be-gone-but-recovery-from-its-attacks-is-not-over/', True, 'random sample of classifier positives'),
    ('https://www.letelegramme.fr/finistere/saint-renan-29290/a-saint-renan-le-centre-hospitalier-le-jeune-v-ictime-dune-cyberattaque-6386540.php', True, 'French: CH'),
    ('https://www.marketscreener.com/quote/stock/VIRBAC-5234/news/Virbac-Cyber-attack-on-several-sites-44201440/', False, 'trap: veterinary medicines'),
    ('https://www.letelegramme.fr/ille-et-vilaine/rennes-35000/le-chu-de-rennes-vise-par-une-cyberattaque-6377794.php', True, 'French: CHU'),
    ('https://timesofindia.indiatimes.com/city/delhi/aiims-under-cyber-attack-hosp-says-no-services-hit/articleshow/100806999.cms', True, 'random sample of classifier positives'),
    ('https://www.tgh.org/cybersecurity-notice', True, 'random sample of classifier positives'),
    ('https://www.govinfosecurity.com/firm-says-medicare-info-obtained-from-doj-breached-in-attack-a-24814', False, 'trap: consultancy; Medicare data'),
    ('https://www.sudinfo.be/id669473/article/2023-05-26/les-sites-de-namur-et-dauvelais-du-chr-victimes-dune-cyberattaque-seuls-les-cas', True, 'French: CHR (Belgium)'),
    ('https://actu.fr/pays-de-la-loire/saint-brevin-les-pins_44154/saint-brevin-les-pins-la-mairie-victime-dune-cyberattaque_59647378.html', False, 'random sample of classifier negatives'),
    ('https://www.databreaches.net/proliance-surgeons-notifying-437392-patients-after-ransomware-attack-earlier-this-year/', True, 'random sample of classifier positives'),
    ('https://www.kpvi.com/news/national_news/western-nebraska-bank-locks-down-servers-because-of-suspected-cyberattack/article_bfdf2bab-4571-54e8-93fb-fcda68673b54.html', False, 'random sample of classifier negatives'),
    ('https://www.wlky.com/article/norton-healthcare-cyber-hack-security-louisville/43898151', True, 'random sample of classifier positives'),
    ('https://www.rete8.it/cronaca/laquila/disagi-alla-asl-1-avezzano-sulmona-laquila-per-il-blocco-dei-server/', True, 'ASL 1 Avezzano (lead)'),
    ('https://eu.dnj.com/story/news/2023/05/02/murfreesboro-medical-center-victim-of-cyber-criminal-attack-closes-for-2-days/70176954007/', True, 'random sample of classifier positives'),
    ('https://www.groupegambetta.fr', False, 'trap: French car dealer group'),
    ('https://www.techtarget.com/searchsecurity/news/366538296/Iowa-hospital-discloses-breach-following-Royal-ransomware-leak', True, 'random sample of classifier positives'),
    ('https://france3-regions.francetvinfo.fr/auvergne-rhone-alpes/ain/bourg-bresse/une-cyberattaque-vise-le-principal-centre-hospitalier-de-l-ain-continuite-des-soins-assuree-2753274.html', True, 'French: CH'),
    ('https://tek.sapo.pt/noticias/computadores/artigos/camara-municipal-de-oliveira-do-hospital-foi-alvo-de-ataque-informatico', False, 'trap: Oliveira do Hospital (a Portuguese town)'),
    ('https://www.hipaajournal.com/benefytt-emsa-lindsay-municipal-hospital-affected-by-cyberattacks/', False, 'trap: law firm; hospital headline'),
    ('https://www.13newsnow.com/article/money/consumer/data-breach-may-impact-many-virginia-hospitals-and-doctors-offices/291-ffbe89e8-dd54-43de-af1c-ca3260d6138f', False, 'trap: debt collector for hospitals'),
    ('https://apps.web.maine.gov/online/aeviewer/ME/40/e8f06ee5-f914-4071-8aae-8b083927b3d6.shtml', True, 'random sample of classifier positives'),
    ('https://www.republicain-lorrain.fr/faits-divers-justice/2024/02/10/farebersviller-l-ehpad-victime-d-une-cyberattaque-avec-demande-de-rancon', True, 'French: EHPAD'),
    ('https://www.srf.ch/news/schweiz/grosser-cyberangriff-kinder-betroffen-daten-des-basler-erziehungsdepartements-gehackt', False, 'random sample of classifier negatives'),
    ('https://cybernews.com/news/northeast-orthopedics-suffers-data-breach/', True, 'random sample of classifier positives'),
    ('https://www.sandiegouniontribune.com/news/education/story/2023-05-19/student-medical-data-compromised-san-diego-unified-cybersecurity-breach', False, 'trap: school district; medical data'),
    ('https://www.tradewindsnews.com/regulation/tokyo-mou-reveals-cyber-attack-compromised-data/2-1-1448110', False, 'random sample of classifier negatives'),
    ('https://databreaches.net/2025/01/08/hhs-office-for-civil-rights-settles-9th-ransomware-investigation-with-virtual-private-network-solutions/', False, 'trap: VPN vendor fined by HHS'),
]

KNOWN_ERRORS = {  # the classifier disagrees with the hand label on these (see the note above)
    'https://www.gazetaderiopreto.com.br/cidades/noticia/2025/06/ataque-cibernetico-tira-telefone-do-samu-do-ar-em-rio-preto.html',
    'https://www.sec.gov/Archives/edgar/data/927066/000119312525079593/d948299d8k.htm',
    'https://www.maine.gov/agviewer/content/ag/985235c7-cb95-4be2-8792-a1252b4f8318/bb068583-f49d-4be6-9b67-b95f3bd3eba3.html',
    'https://www.maine.gov/agviewer/content/ag/985235c7-cb95-4be2-8792-a1252b4f8318/dce291ae-3215-418f-9d5f-fd5018617929.html',
    'Baker Center for Children and Families',
    'https://www.wishtv.com/news/health-spotlight/hendricks-regional-health-website-down-due-to-cyberattack/',
    'https://www.13newsnow.com/article/money/consumer/data-breach-may-impact-many-virginia-hospitals-and-doctors-offices/291-ffbe89e8-dd54-43de-af1c-ca3260d6138f',
}


def _press_items() -> list[dict]:
    return json.loads(PRESS.read_bytes())["results"]


def _find(items: list[dict], key: str) -> int:
    found = [i for i, x in enumerate(items) if x["url"] == key] or [i for i, x in enumerate(items) if x["victim"] == key]
    assert found, f"labelled item {key!r} is not in the snapshot"
    assert len({items[i]["victim"] for i in found}) == 1, key
    return found[0]


def test_the_labelled_set_is_big_and_balanced_enough():
    assert len(LABELLED) >= 40 and len({key for key, _, _ in LABELLED}) == len(LABELLED)
    assert sum(label for _, label, _ in LABELLED) >= 15
    assert sum(1 for _, label, why in LABELLED if label and why.startswith("French")) >= 15
    assert sum(1 for _, label, why in LABELLED if not label and why.startswith("trap")) >= 15
    assert KNOWN_ERRORS <= {key for key, _, _ in LABELLED}


@pytest.mark.slow  # classifies every hand-labelled sample
@needs_press
def test_verdicts_on_the_hand_labelled_press_items():
    items = _press_items()
    verdicts = ransomware_live.press_healthcare(items)
    wrong = [(key, label, why) for key, label, why in LABELLED
             if (verdicts[_find(items, key)] == label) == (key in KNOWN_ERRORS)]
    assert not wrong


@pytest.mark.slow  # classifies every hand-labelled sample
@needs_press
def test_precision_and_recall_on_the_hand_labelled_press_items():
    items = _press_items()
    verdicts = ransomware_live.press_healthcare(items)
    pairs = [(verdicts[_find(items, key)], label) for key, label, _ in LABELLED]
    tp = sum(v and label for v, label in pairs)
    fp = sum(v and not label for v, label in pairs)
    fn = sum(label and not v for v, label in pairs)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # Measured: 174 items, tp 86, fp 3, fn 4: precision 0.966, recall 0.956 (data/README.md).
    assert (tp, fp, fn) == (86, 3, 4)
    assert precision >= 0.95 and recall >= 0.95
    # On the random part alone (48 of the 50 random positives are still tagged so: one article is listed twice,
    # one item is also in the French list): 47 are healthcare. 4 of the 50 random negatives are healthcare too.
    random_pos = [(v, label) for (v, label), (_, _, why) in zip(pairs, LABELLED) if why.startswith("random positive")
                  or why == "random sample of classifier positives"]
    assert (len(random_pos), sum(label for _, label in random_pos)) == (48, 47)


# --- short sentences: one per rule -----------------------------------------------------------------------

@pytest.mark.parametrize("text, rule", [
    # English
    ("St. Mary's Hospital", "hospital"),
    ("Ransom Memorial Hospital", "hospital"),
    ("Cleveland Clinic", "clinic"),
    ("Tri-City Medical Center", "medical center"),
    ("Kettering Health", "Health (name)"),
    ("Yale New Haven Health System", "health system"),
    ("Change Healthcare", "healthcare"),
    ("Alder Hey Children's NHS Foundation Trust", "NHS"),
    ("Golden Age Home Health", "health system"),
    ("Sunrise Care Home", "nursing home"),
    ("Hospice of Huntington", "nursing home"),
    ("Aspen Dental", "physicians"),
    ("Central New York Cardiology", "physicians"),
    ("Cottrill's Specialty Pharmacy", "pharmacy"),
    ("Accu Reference Medical Lab", "laboratory"),
    ("Star Health Insurance", "Health insurance (name)"),
    ("Blue Cross of Idaho", "health plan"),
    ("Zydus Pharmaceuticals", "pharmaceutical"),
    ("a drug distributor based in Ohio", "pharmaceutical"),
    ("Florida Department of Health", "public health"),
    # Written from the misses of the first random sample of 2026-12 (tests/fixtures/press_health_sample.csv).
    ("Yung Shin Pharm. Ind. Co. Ltd", "pharmaceutical"),
    ("le fabricant de paracétamol Granules India", "pharmaceutical"),
    ("Community Counseling of Bristol County", "EHPAD"),
    ("qui gère des comptes de dépenses de santé pour les employeurs", "health plan"),
    ("un centre de diagnostic privé à Naples", "laboratory"),
    ("une violation exposant les informations de dizaines de milliers de patients", "its patients"),
    ("un fournisseur de services de laboratoire", "laboratory"),
    ("Le centre thoracique de Münnerstadt", "physicians"),
    ("plusieurs de ses clients dans le domaine de la santé", "health clients"),
    ("Asl Roma 3", "ASL (any case)"),
    ("la prise en charge des patients n'a pas été affectée", "its patients"),
    ("ConsensioHealth", "Health (compound name)"),
    # French
    ("L'hôpital Simone Veil de Cannes", "hôpital"),
    ("les Hôpitaux de Saint-Maurice", "hôpital"),
    ("Centre hospitalier de Dax", "centre hospitalier"),
    ("Le groupe hospitalier Saint-Vincent", "centre hospitalier"),
    ("CHU de Rennes", "CHU/CHR"),
    ("le CHR de Metz-Thionville", "CHU/CHR"),
    ("CH de Saint-Renan", "CH de"),
    ("le GHT Alpes-Dauphiné", "GHT"),
    ("l'AP-HP", "AP-HP"),
    ("Clinique du Parc", "clinic"),
    ("Centre médical Mayanei Hayeshua", "centre médical"),
    ("un établissement de santé de Philadelphie", "santé"),
    ("le centre de santé municipal", "santé"),
    ("l'ARS Occitanie", "ARS"),
    ("l'Agence régionale de santé", "public health"),
    ("L'EHPAD Les Hortensias", "EHPAD"),
    ("une maison de retraite", "EHPAD"),
    ("la maternité des Lilas", "maternité"),
    ("un cabinet de radiologie", "physicians"),
    ("un centre d'imagerie médicale", "imaging/cancer centre"),
    ("la pharmacie du Centre", "pharmacy"),
    ("un laboratoire d'analyses médicales", "laboratory"),
    ("un laboratoire de biologie médicale", "laboratory"),
    ("la Mutuelle d'Ivry", "health plan"),
    ("la CPAM du Rhône", "health plan"),
    ("l'Assurance maladie", "health plan"),
    ("un grossiste-répartiteur pharmaceutique", "pharmaceutical"),
    ("le ministère de la Santé", "public health"),
    # German, Italian, Spanish, Dutch, Chinese
    ("Klinikum Ingolstadt", "Krankenhaus/Klinik"),
    ("Universitätsklinikum Frankfurt", "Krankenhaus/Klinik"),
    ("Krankenhaus Agatharied", "Krankenhaus/Klinik"),
    ("Ospedale San Raffaele", "ospedale/ASL"),
    ("ASL Napoli 3 Sud", "ASL"),
    ("AUSL Modena", "ASL"),
    ("Hospitales Universitarios de Madrid", "hospital"),
    ("Clínica Alemana", "clinic"),
    ("Ziekenhuis Amstelland", "ziekenhuis"),
    ("仁安醫院", "病院"),
])
def test_each_rule(text, rule):
    assert healthcare_match(text) == rule
    assert is_healthcare(text)


@pytest.mark.parametrize("text", [
    "Huntington Hospitality Financial Corp",  # hospitality is not a hospital
    "La Société de radiologie de l'Amérique du Nord (RSNA)",  # a learned society, not a practice
    "the American Society of Clinical Oncology",
    "The Labour Party",
    "Advarra, a provider of clinical trial software",
    "un éditeur de logiciels pour les essais cliniques",
    "Laboratoires Garnier, fabricant de cosmétiques",  # a laboratoire without a medical word
    "la mairie d'Hôpital-Camfrout",  # a Breton town
    "un commerce de la rue de l'Hôpital",
    "Hospital Road Garage",
    "Câmara Municipal de Oliveira do Hospital",  # a Portuguese town
    "Southern Oregon Veterinary Specialty Center animal hospital",
    "une clinique vétérinaire",
    "Tierklinik Hofheim",
    "les informations de santé protégées de 2 324 employés du district scolaire",
    "des données de santé et des numéros d'assurance maladie ont été volés",
    "protected health information of its employees",
    "Medicare information of 342,000 people",
    "Guardian Childcare",
    "McKeown Farm & Lawn Care",
    "a skin care brand",
    "un congé maternité",
    "HCL Technologies",
    "Albany College of Pharmacy and Health Sciences",
    "Health and Safety Executive",
    "a health food store",
    "le groupe Qilin, connu pour ses attaques contre des hôpitaux",
    "CDC Biodiversité",
    "Johnson Health Tech. Co., Ltd.",  # fitness equipment
    "le Département de la Santé et des Services sociaux des États-Unis (HHS) a conclu un accord",
    "Santa Clarita Community College District",
    "a casino operator",
])
def test_each_trap(text):
    assert healthcare_match(text) is None, healthcare_match(text)


def test_a_pharmaceutical_distributor_is_in_scope_as_pharmaceutical():
    # Decided in collectors/classify.py: drug wholesalers supply care; their organisation type says what they are.
    text = "La Coopérative d'Exploitation et de Répartition Pharmaceutique (CERP) Bretagne-Atlantique"
    assert is_healthcare(text) and organization_type_from_text(text) == "pharmaceutical"


@pytest.mark.parametrize("text, organization_type", [
    ("Star Health Insurance", "health_plan"),
    ("Mutuelle d'Ivry", "health_plan"),
    ("Kuwaiti Health Ministry", "public_health"),
    ("Ministère de la Santé de Palau", "public_health"),
    ("Octapharma Plasma", "pharmaceutical"),
    ("Kettering Health", "healthcare_provider"),
    ("Ontario Medical Supply", "unknown"),
    ("Acme Widgets", "unknown"),
])
def test_organization_types(text, organization_type):
    assert organization_type_from_text(text) == organization_type


def test_the_name_comes_first_for_the_organization_type():
    assert organization_type_from_text("Kettering Health", "une mutuelle l'assure") == "healthcare_provider"


def test_matching_ignores_case_and_accents_and_respects_word_boundaries():
    assert healthcare_match("HOPITAL DE NYMBURK") == healthcare_match("hôpital de Nymburk") == "hôpital"
    assert healthcare_match("Clinique") == "clinic"
    assert not is_healthcare("Hospitalet Logistics")  # not a word boundary after "hospital"
    assert not is_healthcare(None, "", "   ")


def test_is_veterinary():
    assert is_veterinary("tiergesundheitszentrum-koenigslutter.de")
    assert is_veterinary("lowcostspayneuterindiana.org")
    assert is_veterinary("Clinique vétérinaire des Alpes")
    assert not is_veterinary("Vetter Pharma", "Veterans Affairs Medical Center")


def test_lead_sentence():
    assert lead_sentence("Le CHU de Rennes a été attaqué. Un autre hôpital aussi.") == "Le CHU de Rennes a été attaqué."
    assert lead_sentence("St. Mary's Hospital in Mt. Vernon was hit. Next.") == "St. Mary's Hospital in Mt. Vernon was hit."
    assert lead_sentence("Voici le résumé de l'article :\n\nLa police enquête. Suite.") == "La police enquête."
    assert lead_sentence(None) == ""


# --- kind of attack ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, attack_type", [
    ("Hospital hit by ransomware", "ransomware"),
    ("Le CHU victime d'un rançongiciel", "ransomware"),
    ("Les pirates réclament une rançon", "ransomware"),
    ("hackers demanded a ransom", "ransomware"),
    ("les fichiers ont été chiffrés", "ransomware"),
    ("the attackers encrypted its servers", "ransomware"),
    ("LockBit claims the attack", "ransomware"),
    ("une attaque par déni de service (DDoS)", "ddos"),
    ("a denial-of-service attack took the website down", "ddos"),
    ("une cyberattaque vise l'hôpital", "hacking"),
    ("Cyberangriff auf Klinikum", "hacking"),
    ("Ataque cibernético afecta la clínica", "hacking"),
    ("data breach exposes patient records", "hacking"),
    ("fuite de données chez un laboratoire", "hacking"),
    ("piratage du site de la clinique", "hacking"),
    ("intrusion dans le système informatique", "hacking"),
    ("Ransom Memorial Hospital reports an IT outage", "unknown"),  # a name, not a ransom
    ("Ransom County Health Department closes early", "unknown"),
    ("Panne informatique à l'hôpital", "unknown"),
    (None, "unknown"),
])
def test_attack_type_from_text(text, attack_type):
    assert attack_type_from_text(text) == attack_type


def test_ransomware_wins_over_hacking_and_ddos():
    assert attack_type_from_text("Cyberattaque", "DDoS puis rançongiciel") == "ransomware"
    assert attack_type_from_text("Cyberattaque par DDoS") == "ddos"


# --- disrupted care ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Les opérations non urgentes ont été déprogrammées.",
    "L'hôpital fonctionne en mode dégradé.",
    "Les urgences ont été fermées pour la journée.",
    "entraînant l'annulation d'interventions et de rendez-vous",
    "les patients sont redirigés vers d'autres hôpitaux",
    "la déviation des ambulances vers d'autres hôpitaux",
    "le personnel est revenu au papier et au crayon",
    "l'adoption de processus manuels pour maintenir les services",
    "Ambulances were diverted to other hospitals.",
    "Elective surgeries were postponed.",
    "appointments have been cancelled",
    "staff switched to downtime procedures",
    "Notaufnahme vorübergehend abgemeldet",
    "interventi chirurgici rinviati",
])
def test_care_disrupted(text):
    assert care_disrupted(text) is True


@pytest.mark.parametrize("text", [
    "La prise en charge des patients n'est pas affectée.",
    "Les soins n'ont pas été perturbés.",
    "continuité des soins assurée",
    "Patient care was not affected.",
    "There was no impact on patient care.",
    "les services cliniques n'ont pas été interrompus",
])
def test_care_not_disrupted(text):
    assert care_disrupted(text) is False


@pytest.mark.parametrize("text", [
    "Une cyberattaque a touché le centre hospitalier.",
    "The company's IT operations were disrupted.",  # business operations, not care
    "L'attaque a perturbé certaines de ses opérations informatiques.",
    None,
])
def test_care_disruption_unknown(text):
    assert care_disrupted(text) is None


def test_every_rule_has_a_valid_organization_type():
    from collectors import schema
    assert all(rule.organization_type in schema.ORGANIZATION_TYPES for rule in classify.RULES)


@pytest.mark.parametrize(("text", "expected"), [
    ("Cyberattaque à l'hôpital : ni rançon ni vol de données", "hacking"),
    ("Les pirates n'ont formulé aucune demande de rançon après la cyberattaque", "hacking"),
    ("No ransom demand was made after the cyberattack", "hacking"),
    ("The hospital was hit by ransomware; a ransom was demanded", "ransomware"),
    ("Le hacker a exigé une rançon", "ransomware"),
])
def test_a_ransom_said_not_to_exist_is_not_ransomware(text, expected):
    assert classify.attack_type_from_text(text) == expected


# --- random samples labelled by hand in December 2026 (collectors/classifier_quality.py) ---------------------

def test_the_random_samples_are_labelled_whole():
    labels = classifier_quality.load_labels()
    assert set(labels["sample"]) == set(classifier_quality.SAMPLES)
    assert labels["item"].is_unique and labels["item"].str.fullmatch(r"[0-9a-f]{12}").all()
    assert set(labels["is_healthcare"]) <= {"yes", "no", "unsure"} and labels["reason"].str.len().gt(0).all()
    assert (labels["sample"] == "3").sum() >= 300


@pytest.mark.slow  # classifies every hand-labelled sample
@needs_press
def test_precision_and_recall_on_the_held_out_random_sample():
    """Sample 3 was drawn and labelled after the last rule change: the honest figures (data/README.md)."""
    items = _press_items()
    verdicts = ransomware_live.press_healthcare(items)
    held_out = classifier_quality.evaluate(items, verdicts, "3")
    assert held_out.healthcare >= 50
    assert held_out.precision >= 0.97
    assert held_out.recall >= 0.80
    # The rules written from samples 1 and 2 find what they were written for, and lose nothing there.
    for sample in ("1", "2"):
        quality = classifier_quality.evaluate(items, verdicts, sample)
        assert quality.precision >= 0.97 and quality.recall >= 0.85


def test_a_labelled_item_missing_from_the_export_is_an_error():
    labels = pd.DataFrame({"sample": ["3"], "item": ["0123456789ab"], "is_healthcare": ["yes"], "reason": ["x"]})
    with pytest.raises(ValueError, match="not in the export"):
        classifier_quality.evaluate([{"url": "https://a.org/x", "victim": "A"}], [True], "3", labels)
