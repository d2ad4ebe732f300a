"""The keyword rules of collectors/text/classify.py: what names a healthcare organisation (RULES, in order), the
phrases masked before they run (TRAPS: streets named after a hospital, stolen "health information", veterinary
care ...) and what names a veterinary practice. Written in accent-folded text (classify.fold); the scope they
implement is described in classify.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from collectors import schema


@dataclass(frozen=True)
class Rule:
    name: str  # what healthcare_match() returns
    organization_type: str  # schema.ORGANIZATION_TYPES
    pattern: re.Pattern
    names_only: bool = False  # only for a name ("Kettering Health"), not for running text


def _rule(name: str, organization_type: str, pattern: str, *, case_sensitive: bool = False,
          names_only: bool = False) -> Rule:
    assert organization_type in schema.ORGANIZATION_TYPES, organization_type
    return Rule(name, organization_type, re.compile(pattern, 0 if case_sensitive else re.IGNORECASE), names_only)


def is_name(text: str) -> bool:
    """A short text without a sentence in it: an organisation's name rather than a summary."""
    return len(text) <= 120 and len(text.split()) <= 14 and not re.search(r"[.!?]\s+[A-Z]", text)


_PROVIDER, _PLAN, _PHARMA, _PUBLIC = "healthcare_provider", "health_plan", "pharmaceutical", "public_health"

# Phrases masked before the rules run: they contain a healthcare word but do not say that the
# organisation is one. Applied to the accent-folded text, case-insensitively.
TRAPS = [re.compile(p, re.IGNORECASE) for p in (
    # Streets and places named after a hospital, and the Breton town Hôpital-Camfrout.
    r"\b(rue|avenue|av\.|boulevard|bd|place|quai|chemin|impasse|allee|route|cours|faubourg|pont|carrefour)"
    r"\s+(de\s+l'|de\s+la\s+|du\s+|des\s+|de\s+)?(h[oô]pital|hopitaux|hospice|clinique|maternite|ch\b)",
    r"\bhopital-camfrout\b",
    r"\b(hospital|clinic)\s+(road|rd|street|st|lane|ln|drive|dr|avenue|ave|way|hill|square|sq)\b\.?",
    r"\b\w+(strasse|str\.|gasse|weg|platz)\b",  # German street names (Krankenhausstraße, Spitalgasse)
    # Veterinary care is not human healthcare.
    r"\b(animal|pet|veterinary|vet|equine|small\s+animal)\s+(hospitals?|clinics?|health|care|medical\s+cent(er|re))",
    r"\b(h[oô]pital|hopitaux|cliniques?|centre\s+hospitalier|cabinet)\s+veterinaires?\b",
    r"\b(clinica|ospedale|hospital)\s+veterinari[ao]\b", r"\b\w*tier(klinik|arzt|gesundheit)\w*",
    r"\b(medicaments?|produits?|sante)\s+veterinaires?\b", r"\banimal\s+health\b",
    r"\bveterinar\w*\b(\s+(hospitals?|clinics?|practices?|services?))?",
    # "Clinique" as an adjective (clinical): trials, studies, data, research, software.
    r"\b(essais?|etudes?|recherches?|donnees|informations?|dossiers?|pratiques?|psychologie|cas|"
    r"logiciels?|applications?|outils?|systemes?|developpement|evaluations?|validations?|operations?|"
    r"trials?|resultats?|activites?|sites?|phases?)\s+cliniques?\b",
    r"\bclinical\s+(trials?|research|studies|study|data|software|development|operations)\b",
    # Words for stolen data, not for an organisation.
    r"\b(protected\s+|personal\s+|sensitive\s+|private\s+|patients?'?\s+)?(health|medical|healthcare)\s+"
    r"(information|info|data|records?|details|history|histories|files?|conditions?|claims?\s+information|"
    r"insurance\s+(information|numbers?|details|data|policy\s+numbers?|ids?|card))\b",
    r"\b(donnees|informations?|dossiers?|documents?|renseignements?|releves?|fichiers?|numeros?|cartes?)\s+"
    r"((personnel(le)?s?|sensibles?|confidentiel(le)?s?|de\s+patients?|des\s+patients?)\s+)?"
    r"(et\s+)?(de\s+sante|medicau?x|medicales?|d'assurance\s+maladie|de\s+securite\s+sociale|"
    r"d'assurance\s+sante|de\s+mutuelle)\b",
    r"\b(gesundheitsdaten|patientendaten|datos\s+(medicos|de\s+salud)|dati\s+(sanitari|medici))\b",
    r"\bhealth\s+and\s+safety\b", r"\bhealth\s*&\s*safety\b", r"\bsante\s+et\s+(la\s+)?securite\b",
    # Not care: childcare, customer care, lawn care, skin care; maternity leave; wellness products.
    r"\b(child|customer|lawn|skin|hair|car|pet|auto|client|day)\s*-?care\b", r"\bsoins?\s+(de\s+beaute|esthetiques?|"
    r"capillaires?|du\s+visage|du\s+corps)\b", r"\b(conges?|leave)\s+(de\s+)?maternit[ey]\b",
    r"\bmaternity\s+leave\b", r"\bhealth\s+(food|foods|drinks?|supplements?|club|clubs|and\s+beauty|&\s+beauty)\b",
    # Payers' and regulators' words used for the stolen data: "numéros d'assurance maladie", "Medicare information".
    r"\b(numeros?|informations?|donnees|details|cartes?|polices?|identifiants?)\s+((de\s+police|d'identification|"
    r"de\s+membres?|des\s+membres)\s+)?(d'|de\s+l')?(assurance\s+(maladie|sante)|medicare|medicaid|mutuelle)\b",
    r"\b(et|ou|and|or)\s+(d'assurance\s+(maladie|sante)|medicare|medicaid)\b",
    # The US regulator, named in many summaries of breaches it fined.
    r"\b(departement|department|ministere|secretariat)\s+(americain\s+)?(de\s+la\s+sante|of\s+health)\s+(et|and)\s+"
    r"(des\s+)?(services\s+sociaux|human\s+services)\b",
    r"\b(medicare|medicaid|health\s+plan|health\s+insurance)\s+(information|info|numbers?|ids?|cards?|details|data|"
    r"beneficiary\s+identifiers?)\b",
    # Context rather than the victim: "a group known for attacking hospitals".
    r"\b(connue?s?|specialise\w*|known|notorious)\s+(pour|for)\s+[^.\n]{0,60}?(hopitaux|hospitals|sante|"
    r"healthcare|health\s*care|cliniques|clinics)\b",
    # Schools teaching a health profession are schools.
    r"\b(college|school|faculty|universit\w+|faculte|ecole|institut|academy)\s+(of|de|d'|des|du)\s+"
    r"((\w+|&)\s+){0,3}?(pharmacy|pharmacie|health\s+sciences|medicine|medecine|nursing|dentistry|"
    r"soins\s+infirmiers)\b(\s+(and|&|et)\s+(\w+\s*){1,3})?",
    # Names that hold a healthcare word but are not healthcare organisations.
    r"\bhospitality\b", r"\bHCL\s+Tech\w*\b", r"\bmedical\s+(leave|certificate)\b", r"\boliveira\s+do\s+hospital\b",
    r"\bhealth\s+tech\s+co\b",  # Johnson Health Tech makes fitness equipment
    # A learned society of a specialty is not a practice ("la Société de radiologie de l'Amérique du Nord").
    r"\b(societe|society|association|academie|academy|college|federation)\s+((americaine|europeenne|francaise|"
    r"nationale|internationale|royale|american|european|national|international|royal)\s+)?(de\s+(la\s+)?|d'|of\s+|"
    r"for\s+)(\w+\s+)?\w*(log(y|ie)|ologists?)\b|\b\w*log(ical|ic)\s+(society|association|college|academy)\b",
)]

RULES: tuple[Rule, ...] = (
    # Ordered: the first rule that matches gives the organisation type, so the specific types
    # (health authorities, insurers, drug makers) come before the generic provider words.
    # -- health authorities
    _rule("public health", _PUBLIC,
          r"\b(ministry|minister|ministere|ministerio|ministero|bundesministerium|secretaria|secretaria\s+estadual|"
          r"department|dept\.?|secretary|secretariat)\s+(of\s+|de\s+(la\s+)?|della\s+|fur\s+|da\s+)?"
          r"(public\s+)?(health|sante|salud|salute|gesundheit|saude)\b|\bhealth\s+(ministry|ministry's|agency|authority|"
          r"authorities|department|dept|secretariat|district|board)\b|\bcenters?\s+for\s+disease\s+control\b|"
          r"\bagences?\s+(regionales?\s+)?de\s+sante\b|\bsante\s+publique\b|\bpublic\s+health\b|\bgesundheitsamt\w*|"
          r"\bsecretaria\s+de\s+salud\b|\binstituto\s+de\s+salud\s+publica\b"),
    _rule("ARS", _PUBLIC, r"\bl'ARS\b|\bARS\s+(de|d'|du|des|Auvergne|Bourgogne|Bretagne|Centre|Corse|Grand|"
          r"Guadeloupe|Guyane|Hauts|Ile|La\s+Reunion|Martinique|Mayotte|Normandie|Nouvelle|Occitanie|Pays|Provence|"
          r"PACA|Paca|Sud)\b", case_sensitive=True),
    # -- insurers and payers
    _rule("health plan", _PLAN,
          r"\bhealth\s+(plans?|insurers?|insurance\s+(company|companies|provider|fund|plan|corporation|corp)s?|"
          r"fund|funds|maintenance\s+organi[sz]ation)|\bhmos?\b|\bmedicaid\b|\bblue\s+cross\b|"
          r"\bblue\s+shield\b|\bassurances?\s+maladie\b|\bcpam\b|\bcaisses?\s+(primaires?\s+)?d'assurance\s+maladie\b|"
          r"\bmutuelles?\b|\bcomplementaires?\s+sante\b|\bassur(eur|eurs|ance|ances)\s+sante\b|\bkrankenkassen?\b|"
          r"\bkrankenversicherung\w*|\b(AOK|BKK|IKK|DAK)\b|\bassicurazion\w*\s+sanitari\w*|\bobras?\s+sociales?\b|"
          r"\bziekenfonds\b|\bzorgverzekeraar\w*|\bunimed\b|\bentidad(es)?\s+promotoras?\s+de\s+salud\b|\bnueva\s+eps\b|"
          r"\btiers\s+payant\b|\bhealth\s+spending\s+accounts?\b|\bcomptes?\s+(de\s+)?depenses\s+(de\s+)?sante\b"),
    # -- medicines and medical supplies
    _rule("pharmaceutical", _PHARMA,
          r"\w*pharma(?!c(y|ie|ies|ist|ists|ien|iens|ienne|iennes)\b)\w*|\bdrug\s+(makers?|manufacturers?|"
          r"wholesalers?|distributors?|company|companies)\b|\b\w+pharm\b|\bmedicaments?\b|\bmedicines\s+(manufacturer|maker|"
          r"company)\b|\bgrossistes?-repartiteurs?\b|\brepartiteurs?\s+pharmaceutiques?\b|\bfarmaceutic\w*|"
          r"\barzneimittel\w*|\bbiotech\w*|\bbiopharm\w*|\blaboratoires?\s+(\w+\s+)?pharmaceutiques?\b|"
          # "Yung Shin Pharm. Ind.": the abbreviation; "le fabricant de paracétamol Granules India".
          r"\bpharm\.|\b(fabricants?|producteurs?)\s+(\w+\s+)?(de\s+|d')(medicaments|paracetamol|vaccins?|"
          r"generiques|principes\s+actifs|insuline)\b|\b(vaccine|paracetamol|generic\s+drugs?|insulin)\s+"
          r"(makers?|manufacturers?|producers?)\b"),
    _rule("medical supplies", "unknown",
          r"\bmedical\s+(supply|supplies|equipment|devices?|technology|technologies|products)\b|\bmedtech\b|"
          r"\b(dispositifs|materiels?|equipements?|fournitures|technologies?|produits)\s+medicau?x\b|"
          r"\btechnologie\s+medicale\b|\bmedizin(technik|produkte)\w*"),
    # -- hospitals
    _rule("hospital", _PROVIDER, r"\bhospitals?\b|\bhospitales\b|\bhospital(vereinigung|verbund|gesellschaft)\w*"),
    _rule("hôpital", _PROVIDER, r"\bhopita(l|ux)\b"),
    _rule("centre hospitalier", _PROVIDER,
          r"\b(centres?|groupes?|groupements?|etablissements?|poles?|complexes?|secteur|site|reseau)\s+"
          r"hospitali(er|ere|ers|eres)\b|\bhospitalo-universitaire|\bclinique-hospitali"),
    _rule("CHU/CHR", _PROVIDER, r"\b(CHU|CHRU|CHR|CHI|CHS|CHD|CHG|CHIC)\s+(de|d'|du|des)\b|\b(CHU|CHRU)\b",
          case_sensitive=True),
    _rule("CH de", _PROVIDER, r"\bCH\s+(de|d'|du|des)\s*[A-Z]", case_sensitive=True),
    _rule("GHT", _PROVIDER, r"\bGHT\b", case_sensitive=True),
    _rule("AP-HP", _PROVIDER, r"\bAP-?HP\b|\bassistance\s+publique\b|\bhospices\s+civils\b"),
    _rule("Krankenhaus/Klinik", _PROVIDER,
          r"\b\w*(krankenhaus|krankenhauser|klinik|kliniken|klinikum|spital|spitaler)\b|"
          r"\b\w*arzte?(zentrum|praxis|haus)\w*|\b(zahn|haus|fach|kinder)arzt\w*|\b\w*praxis\s+fur\b"),
    _rule("ospedale/ASL", _PROVIDER, r"\bospedal[ei]\b|\bpoliclinico\b|\bazienda\s+(ospedaliera|sanitaria|"
          r"socio-sanitaria|unita\s+sanitaria)|\baziende\s+(ospedaliere|sanitarie)|\bsanita\b"),
    _rule("ASL", _PROVIDER, r"\b(ASL|ASST|AUSL|ULSS|ASP|ATS|ASUR|ASUGI|ASFO|IRCCS)\s+(di|della|del|dell'|[A-Z0-9])|"
          r"\((ASL|ASST|AUSL|ULSS|ASP)\s*\d*\)|\bE\.S\.E\.", case_sensitive=True),
    _rule("ASL (any case)", _PROVIDER, r"\basl\s+[a-z]+\s*\d+\b"),  # "Asl Roma 3", "ASL Napoli 1"
    _rule("ziekenhuis", _PROVIDER, r"\bziekenhui(s|zen)\b|\bsjukhus\w*|\bsygehus\w*|\bsairaala\w*|\blaegehus\w*|"
          r"\blegesenter\w*|\bvardcentral\w*|\bhuisarts\w*"),
    _rule("病院", _PROVIDER, r"病院|医院|醫院|診所|クリニック|医療法人|醫療|医療センター"),
    # -- clinics, practices, care
    _rule("clinic", _PROVIDER, r"\bclinics?\b|\bcliniques?\b|\bclinicas?\b|\bpolyclini\w+|\bpoliclini\w+"),
    _rule("medical center", _PROVIDER,
          r"\bmedical\s+(cent(er|re)s?|group|practice|partners|associates|clinic|office|campus|college|"
          r"university|school|specialists|arts|plaza|pavilion|foundation|institute|society|services|"
          r"imaging|care|transport|staffing|billing|transcription|holdings|management|systems?|cooperative)\b|"
          r"\bmedicine\s+(associates|group|clinic|practice|specialists)\b|\bsports\s+medicine\b"),
    _rule("centre médical", _PROVIDER,
          r"\b(centres?|cabinets?|groupes?|maisons?|poles?|centros?|organismes?|etablissements?|groupements?|"
          r"societes?|instituts?|services?|reseaux?|complexes?|cooperatives?|pratiques?|entreprises?|"
          r"fournisseurs?|prestataires?)\s+(medical|medicale|medicales|medicaux|medico-\w+|paramedicau?x|medico)\b|"
          r"\b(centro|ambulatorio|studio|gruppo)\s+medico\b|\bsoins\s+medicaux\b|\b(transcription|facturation)\s+"
          r"medicale\b"),
    # An organisation that speaks of its own patients treats them (summaries: "les données de ses patients"),
    # and one whose breach reaches thousands of patients holds their records.
    _rule("its patients", _PROVIDER,
          r"\b(ses|leurs|its|their|our|nos)\s+patients\b|\bprise\s+en\s+charge\s+des\s+patients\b|"
          r"\b(milliers|centaines|millions|dizaines\s+de\s+milliers|centaines\s+de\s+milliers)\s+de\s+patients\b|"
          r"\b(thousands|hundreds|millions|tens\s+of\s+thousands|hundreds\s+of\s+thousands)\s+of\s+patients\b|\bpatients\s+(et|and)\s+(d'|des\s+|de\s+ses\s+|its\s+)?"
          r"(employes|employees|staff|personnel|salaries|collaborateurs)\b|\b(employes|employees|staff|salaries)\s+"
          r"(et|and)\s+(des\s+|de\s+)?patients\b"),
    _rule("health system", _PROVIDER,
          r"\bhealth\s*(system|systems|network|services|service|center|centre|centers|centres|clinic|partners|"
          r"group|alliance|trust|council|cooperative|collaborative|campus|institute|corporation|corp|inc|llc|ltd|"
          r"resources|management)\b|"
          r"\b(community|behavioral|behavioural|mental|women's|womens|children's|family|rural|home|tribal|indian|"
          r"county|city|regional|university|student|employee|occupational|oral|eye|sexual|integrated|primary|"
          r"veterans)\s+health\b|\behealth\b|\btelehealth\b|\btelemedecine\b|"
          r"\btelemedicine\b"),
    _rule("Health (compound name)", _PROVIDER, r"\b\w+Health(care)?\b|\bHealth[A-Z]\w*", case_sensitive=True),
    _rule("healthcare", _PROVIDER, r"\bhealth\s*-?care\b"),
    _rule("NHS", _PROVIDER, r"\bNHS\b|\bhealth\s+service\s+executive\b"),
    _rule("santé", _PROVIDER,
          r"\b(centres?|maisons?|poles?|etablissements?|structures?|organismes?|organisations?|groupes?|reseaux?|"
          r"professionnels?|prestataires?|fournisseurs?|entreprises?|societes?|acteurs?|services?|systemes?|"
          r"cooperatives?|institutions?|instituts?|groupements?|operateurs?|plateformes?|associations?|"
          r"agences?|consortiums?|federations?)\s+(publics?\s+|prives?\s+)?(\w+\s+){0,2}?(de\s+(la\s+)?|en\s+)"
          r"(sante|soins)\b|\bsoins\s+de\s+sante\b|"
          r"\b(centro|servicio|instituto|red|sistema|hospital)\s+(\w+\s+)?de\s+salud\b|\bsalud\b|\bsaude\b|"
          r"\bgesundheits(zentrum|zentren|verbund|netz|konzern|dienst)\w*\b"),
    _rule("EHPAD", _PROVIDER, r"\behpads?\b|\bmaisons?\s+de\s+retraite\b|\bpflege(heim|dienst|zentrum|einrichtung)\w*|"
          r"\baltenheim\w*|\bseniorenheim\w*|\bresidences?\s+(pour\s+)?(seniors|personnes\s+agees)\s+medicalis\w*|"
          r"\bsoins\s+pour\s+personnes\s+agees\b|"
          # Counselling as care: "Community Counseling of Bristol County".
          r"\b(community|mental\s+health|behavioral|behavioural|family|addiction|substance\s+abuse)\s+"
          r"counsel+ing\b|\bcounsel+ing\s+(cent(er|re)s?|services)\b"),
    _rule("nursing home", _PROVIDER,
          r"\bnursing\s+(homes?|facility|facilities|cent(er|re)s?|care|services|agency|and\s+rehab\w*)\b|"
          r"\bskilled\s+nursing\b|\bcare\s+homes?\b|\bassisted\s+living\b|\b(aged|elder|elderly|senior|home|"
          r"residential|memory|respite|palliative|hospice)\s+care\b|\bhome\s+health\b|\bhospices?\b|"
          r"\brehabilitation\s+(cent(er|re)|hospital|clinic)s?\b|\brehab\s+cent(er|re)s?\b|\bsoins\s+(a\s+domicile|"
          r"infirmiers|palliatifs|de\s+suite|de\s+longue\s+duree|auditifs|dentaires|vasculaires|ophtalmologiques)\b|"
          r"\binfirmi(er|ere|ers|eres)s?\s+(a\s+domicile|liberau?x)\b|\b(centres?|chaine\s+de\s+centres?)\s+de\s+"
          r"(rehabilitation|readaptation|desintoxication|reeducation)\b|\baddiction\s+(treatment|cent(er|re)s?)\b"),
    _rule("maternité", _PROVIDER, r"\bmaternites?\b|\bmaternity\s+(hospital|unit|ward|cent(er|re))\b"),
    _rule("care", _PROVIDER,
          r"\b(urgent|primary|eye|dental|vision|critical|intensive|long-term|managed|behavioral|behavioural|"
          r"medical|patient|continuing|ambulatory|emergency|cancer|kidney|renal|dialysis|wound|pediatric|"
          r"paediatric|women's|maternity|vascular|hearing|foot|spine|pain)\s+care\b|\bcare\s+(provider|providers|"
          r"centers?|centres?|facility|facilities|network|group)\b"),
    _rule("physicians", _PROVIDER,
          r"\b(physicians?|\w*surgeons?|doctors?|dentists?|dentistry|dental|\w*surgery|\w*surgical\s+(associates|"
          r"group|hospital|specialists|cent(er|re)s?)|surgicent(er|re)s?|ob/?gyn|chiropractic|chiropractors?|"
          r"physical\s+therapy|physiotherapy|ambulances?|ambulanc\w+|paramedics?|emergency\s+medical\s+services?|"
          r"blood\s+(bank|cent(er|re)|services)s?|dialysis|dialyse|fertility\s+(cent(er|re)|clinic)s?|"
          r"infectious\s+disease|retina\w*|eye\s+(cent(er|re)|institute|associates)s?|urgent\s+care|"
          r"(cancer|oncology)\s+(cent(er|re)|institute|hospital|treatment|group)s?)\b|"
          r"\b(cardio|onco|dermato|radio|uro|neuro|ophthalmo|ophtalmo|gyneco|gynaeco|nephro|gastroentero|"
          r"pulmono|otolaryngo|otorhinolaryngo|rhumato|rheumato|endocrino|hemato|haemato|allergo|immuno|audio|"
          r"patho)log(y|ie|ia|ists?|ues?|ical|ique|ico|ics?|en)\b|\bthora(cique|cic|x\w*zentrum)\b|\b(pediatri|paediatri|pediatri|psychiatri|"
          r"orthopa?edi|orthopedi|podiatr|optometr|orthodont|obstetri)\w*|\ballergy\s+(and|&)\b|"
          r"\b(chirurgiens?-dentistes?|medecins?\s+generalistes?|kinesitherapeutes?|cabinets?\s+dentaires?)\b"),
    _rule("imaging/cancer centre", _PROVIDER,
          r"\b(cabinets?|centres?|chirurgiens?)\s+(dentaires?|de\s+radiologie|d'imagerie|de\s+kinesitherapie|"
          r"d'ophtalmologie|de\s+dialyse|d'orthodontie|de\s+cardiologie|de\s+cancerologie|de\s+lutte\s+contre\s+le\s+"
          r"cancer|de\s+reeducation|de\s+readaptation|de\s+medecins?)\b|\bimagerie\s+medicale\b|\bcancerologie\b|"
          r"\b(traitement|centres?|instituts?|lutte)\s+(\w+\s+){0,2}(du\s+|contre\s+le\s+)?cancer\b|"
          r"\bclinica\s+dental\b|\bapotheken?\b|\b(\w+med|medical|diagnostic|mri|radiology|breast|open\s+mri)\s+"
          r"imaging\b|\bimaging\s+(cent(er|re)s?|associates|group)\b"),
    _rule("pharmacy", _PROVIDER, r"\bpharmac(y|ies|ie|ist|ists)\b|\bdrugstores?\b|\bfarmacias?\b|\bfarmacie\b|"
          r"\bpharmacien\w*\b|\bofficines?\s+de\s+pharmacie\b"),
    _rule("laboratory", _PROVIDER,
          r"\b(medical|clinical|diagnostic|diagnostics|pathology|dental|reference|toxicology|"
          r"blood|biology|biologie|health)\s+(labs?|laborator(y|ies))\b|\blaboratoires?\s+(de\s+biologie|d'analyses?|"
          r"d'anatomo|d'anatomie|medica(l|ux))|\blabos?\s+d'analyses?\b|\bbiologie\s+(medicale|clinique)\b|"
          r"\blaboratorios?\s+(clinicos?|de\s+analisis)\b|\blaboratori\s+(di\s+)?analisi\b|\blabor(arzt|praxis|"
          r"medizin)\w*|\bdiagnostic\s+(imaging|cent(er|re)s?|services)\b|\blaboratoires?\b[^.\n]{0,150}?\b"
          r"(patients?|analyses|prelevements|examens)\b|\b(societe|reseau|groupe)\s+de\s+laboratoires?\b|"
          r"\blaboratory\s+services\b|\bservices\s+de\s+laboratoire\b|"
          r"\bcentres?\s+de\s+diagnostic\b|\bcentr[oi]\s+(di\s+)?diagnos\w*|\bdiagnostic\s+(cent(er|re)s?|clinics?)\b"),
    # A vendor whose clients are health organisations ("plusieurs de ses clients dans le domaine de la santé").
    _rule("health clients", "business_associate",
          r"\b(ses|leurs|its|their)\s+(\w+\s+){0,3}?clients\s+(\w+\s+){0,2}?(dans\s+le\s+(domaine|secteur)\s+de\s+la\s+"
          r"sante|du\s+secteur\s+de\s+la\s+sante|in\s+(the\s+)?(healthcare|health\s+care)(\s+sector)?)\b|"
          r"\b(healthcare|health\s+care)\s+clients\b"),
    # Names only, and last: "Kettering Health", "Westlake Medical, Inc." (in running text, "health," is no evidence).
    _rule("Health insurance (name)", _PLAN, r"\bhealth\s+insurance\s*(,|\(|$)", names_only=True),
    _rule("Health (name)", _PROVIDER, r"\bhealth(\s+\w+)?\s*(,|\(|$)", names_only=True),
    _rule("Medical (name)", _PROVIDER, r"\bmedical(\s+\w+)?\s*(,|\(|$|\b(inc|llc|ltd|pc|pa|pllc|corp|s\.?a|gmbh)\b)",
          names_only=True),
)

VETERINARY = re.compile(
    r"veterinar\w*|\b\w*tier(arzt|klinik|gesundheit|praxis)\w*|\banimal\s+(hospital|clinic|health|care)|"
    r"\bpet\s+(hospital|clinic|care)|\bspay\w*|\w*neuter\w*|\bvets?\b|\bequine\s+(hospital|clinic)|"
    r"clinique\s+veterinaire|hopital\s+veterinaire", re.IGNORECASE)
