"""Is a short text (a victim name, a headline, a press summary) about a healthcare organisation?

Keyword rules in English and French, with the German, Spanish, Italian, Dutch and
Portuguese words that the press data uses most. Matching is on word boundaries,
ignores case and accents, and looks only for words that name a *kind of
organisation* (hospital, clinique, EHPAD, health insurer ...): words that describe
the stolen data ("health information", "données de santé", "medical records") or
the sector in general are masked first, because a school board or a payroll
firm that leaked medical records is not a healthcare organisation.

Scope (what counts as healthcare), decided once here:
- yes: care providers (hospitals, clinics, practices, dentists, labs, pharmacies,
  care homes, hospices, ambulances), health insurers and public payers (mutuelles,
  Assurance maladie), health authorities (ARS, NHS bodies, health ministries),
  pharmaceutical makers and distributors (a drug wholesaler is part of the supply
  of care: organisation type `pharmaceutical`), vendors named as health vendors
  (medical billing, "healthcare IT");
- no: veterinary practices, cosmetics and industrial "laboratoires", clinical-trial
  *software* firms, the hospitality trade, towns and streets named after a
  hospital (Hôpital-Camfrout, rue de l'Hôpital), childcare, lawn care ...

`healthcare_match()` says which rule fired, so a reviewer can see why.
"""

from __future__ import annotations

import re
import unicodedata

from collectors.text.healthcare_rules import RULES, TRAPS, VETERINARY, Rule, is_name

# ---- text folding -----------------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "\u00a0": " ", "–": "-", "‑": "-"})


def fold(text: str) -> str:
    """Accents removed (é -> e, ä -> a; CJK and other scripts kept), quotes and spaces unified, case kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def _joined(texts: tuple[str | None, ...]) -> str:
    # A blank line between texts, so that a phrase never runs from one text into the next.
    return "\n\n".join(fold(t) for t in texts if isinstance(t, str) and t.strip())


def _mask(text: str, patterns: list[re.Pattern]) -> str:
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _healthcare_rule(texts: tuple[str | None, ...]) -> tuple[Rule, str] | None:
    # Each text on its own, so that a name-ending rule ("Kettering Health") sees the end of the name.
    masked = [_mask(fold(t), TRAPS) for t in texts if isinstance(t, str) and t.strip()]
    for text in masked:
        name = is_name(text)
        for rule in RULES:
            if rule.names_only and not name:
                continue
            found = rule.pattern.search(text)
            if found:
                return rule, found.group(0).strip()
    return None


# A sentence ends at . ! ? followed by a capital, but not after the abbreviations names use.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bInc\.)(?<!\bSt\.)(?<!\bDr\.)(?<!\bLtd\.)(?<!\bCo\.)(?<!\bCorp\.)(?<!\bMt\.)(?<!\bNo\.)"
    r"(?<!\bJr\.)(?<!\bSr\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bvs\.)(?<!\bSte\.)(?<!\b[A-Z]\.)"
    r"\s+(?=[A-ZÀ-Ý«\"'])")
_PREAMBLE = re.compile(r"^\s*(voici\s+(le|un)\s+resume[^:]*:|summary\s*:|resume\s*:)\s*", re.IGNORECASE)


def lead_sentence(text: str | None) -> str:
    """The first sentence of a summary: press summaries say what the victim is there ("X, un centre
    hospitalier de ..."); later sentences often name other organisations (its clients, earlier victims)."""
    if not text:
        return ""
    body = text.strip()
    preamble = _PREAMBLE.match(fold(body))
    if preamble:  # "Voici le résumé de l'article :" (folding keeps the length of these words)
        body = body[preamble.end():]
    return _SENTENCE_END.split(body.strip(), maxsplit=1)[0]


def healthcare_match(*texts: str | None) -> str | None:
    """The rule that says the texts are about a healthcare organisation or service (e.g. `hôpital`), else None.

    Each text is read on its own (a name, a headline, a summary's lead sentence); give the organisation's
    own name first: the first text with a match decides, and so decides organization_type_from_text().
    """
    hit = _healthcare_rule(texts)
    return hit[0].name if hit else None


def is_healthcare(*texts: str | None) -> bool:
    """True when one of the texts names a healthcare organisation or service (see healthcare_match)."""
    return _healthcare_rule(texts) is not None


def organization_type_from_text(*texts: str | None) -> str:
    """Our organisation type for the first rule that matches (`unknown` when none does)."""
    hit = _healthcare_rule(texts)
    return hit[0].organization_type if hit else "unknown"


def is_veterinary(*texts: str | None) -> bool:
    """True for a veterinary practice (animal hospital, Tierklinik, clinique vétérinaire, spay/neuter ...)."""
    return bool(VETERINARY.search(_joined(texts)))


# ---- kind of attack ----------------------------------------------------------------------------

# A capitalised "Ransom" followed by a name is a place or a hospital (Ransom Memorial Hospital, Ransom County).
_RANSOM_NAMES = re.compile(r"\bRansom\s+(Memorial|County|Hospital|Regional|Township|Street|Road|Avenue|Ave|Hall|"
                           r"Everglades|Center|Centre)\b")
# A ransom said not to exist is no ransomware: "ni rançon", "sans demande de rançon", "aucune rançon n'a été
# demandée", "no ransom demand", "without a ransom", "not ransomware" (texts are folded: no accents).
_NEGATED_RANSOM = re.compile(
    r"\b(ni|sans|aucune?|pas\s+de|pas\s+d'une?|nulle)\s+(demandes?\s+de\s+)?rancons?\b|"
    r"\b(no\s+|without\s+(a\s+|any\s+)?|not\s+(a\s+)?|never\s+(a\s+)?)ransom(ware)?(\s+(demand|note|request)\w*)?\b",
    re.IGNORECASE)
_ATTACK_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("ransomware", re.compile(
        r"\bransomware\w*|\bransom\b|\branconn?ag\w*|\brancongiciel\w*|\brancons?\b|\blogiciels?\s+de\s+rancon\b|"
        r"\bcrypto-?locker\w*|\bchiffr(ement|e|es|ee|ees|er|ant)\s+(de\s+|des\s+|les\s+|ses\s+|leurs\s+|massif\s+des\s+)?"
        r"(fichiers|donnees|serveurs|systemes|postes|machines|disques)\b|\b(fichiers|donnees|serveurs|systemes|postes)"
        r"\s+(ont\s+ete\s+|ayant\s+ete\s+|avaient\s+ete\s+)?chiffre(s|es)?\b|\bencrypt(ed|ion|ing)\s+(of\s+)?(its\s+|their\s+"
        r"|the\s+|some\s+|all\s+)?(files|data|systems|servers|devices|network)\b|\b(files|data|systems|servers)\s+"
        r"(were\s+|was\s+|had\s+been\s+)?encrypted\b|\blosegeld\w*|\berpress(er|ungs)\w*|\bverschlusselt\w*|"
        r"\bverschlusselung\w*|\bsecuestro\s+de\s+datos\b|\briscatto\b|\brescate\b|\bresgate\b|\blockbit\w*|\balphv\b|"
        r"\bblack\s*cat\b|\bqilin\b|\brhysida\b|\bransomhub\b|\bryuk\b|\brevil\b|\bsodinokibi\b|\bblack\s*basta\b|"
        r"\bblacksuit\b|\bbianlian\b|\bcl0p\b|\bakira\s+(group|gang|ransomware)\b|\bdaixin\b|\bhive\s+(ransomware|"
        r"group|gang)\b|\bmedusa\s+(ransomware|group|gang)\b|\binc\s+ransom\b|\b8base\b|\bkarakurt\b",
        re.IGNORECASE)),
    ("ddos", re.compile(
        r"\bddos\w*|\bdos\s+attacks?\b|\bdenial[\s-]+of[\s-]+service\b|\bdenis?\s+de\s+service\b|"
        r"\bdistributed\s+denial\b|\buberlastungsangriff\w*|\bdenegacion\s+de\s+servicio\b|\bnegazione\s+del\s+servizio\b",
        re.IGNORECASE)),
    ("hacking", re.compile(
        r"\bcyber[\s-]*(attacks?|attaques?|attacco|attacchi|angriff\w*|ataques?|incidents?|vorfall\w*|"
        r"intrusions?|assaults?|criminals?|criminels?)\b|\bcyberattack\w*|\bcyberattaque\w*|\bcyberangriff\w*|"
        r"\bciberataque\w*|\b(attaques?|ataques?|attacco|incidents?)\s+(cybernetiques?|ciberneticos?|cibernetiques?)\b|"
        r"\bfailles?\s+de\s+securite\b|\battaques?\s+informatiques?\b|\battaques?\s+(de\s+|par\s+)?(pirates?|hackers?)\b|"
        r"\bpiratage\w*|\bpirat(e|es|ee|ees)\b|\bpirates?\s+informatiques?\b|\bhack(ed|ers?|ing|s)?\b|"
        r"\bintrusions?\b|\bdata\s+breach\w*|\bbreach(ed|es)?\b|\bfuites?\s+de\s+donnees\b|\bviolations?\s+de\s+"
        r"donnees\b|\bcompromission\w*|\bcompromis(e|es)?\b|\bcompromised\b|\bincidents?\s+de\s+(cyber)?securite\b|"
        r"\b(cyber\s*)?security\s+incident\w*|\bunauthori[sz]ed\s+access\b|\bacces\s+non\s+autoris\w*|\bphishing\b|"
        r"\bhameconnage\b|\bmalware\w*|\blogiciels?\s+malveillants?\b|\bexfiltr\w*|\bhackerangriff\w*|"
        r"\battacco\s+(informatico|hacker)\b|\bincidente\s+(informatico|de\s+ciberseguridad)\b|\bdatenleck\w*|"
        r"\bdatenschutzvorfall\w*|\bhackeo\w*|\bhackangrepp\w*|\bdataintrang\w*|\bcyberaanval\w*|\bdatalek\w*",
        re.IGNORECASE)),
)


def attack_type_from_text(*texts: str | None) -> str:
    """`ransomware`, `ddos` or `hacking` when the texts say so (in that order of precedence), else `unknown`."""
    text = _NEGATED_RANSOM.sub(" ", _RANSOM_NAMES.sub(" ", _joined(texts)))
    for attack_type, pattern in _ATTACK_RULES:
        if pattern.search(text):
            return attack_type
    return "unknown"


# ---- disruption of care ------------------------------------------------------------------------

# Up to `n` characters within one clause that do not turn the sentence around ("mais", "sans", "pas", "not").
def _near(n: int) -> str:
    return rf"(?:(?!\b(?:mais|sans|pas|aucune?|but|not|without|no)\b)[^.,;:!?]){{0,{n}}}?"


_CARE_WORDS = (r"(soins|prise\s+en\s+charge|rendez-vous|consultations?|examens?|interventions?|"
               r"chirurgies?|urgences|services\s+(de\s+sante|de\s+soins|de\s+diagnostic|de\s+radiologie|ambulanciers|"
               r"d'urgence|hospitaliers)|service\s+de\s+radiologie|l'hopital|les\s+hopitaux|la\s+clinique|"
               r"prescriptions|ordonnances|admissions?|activites?\s+(hospitalieres|de\s+soins|medicales|cliniques))")
_CANCELLED = r"(annule|reporte|decale|suspendu|reprogramme|deprogramme|deplace|interrompu|retarde)"
_DISRUPTED = re.compile(
    # French
    r"\bdeprogramm\w*|\bmode\s+degrade\b|\bfonctionnement\s+degrade\b|\bplan\s+blanc\b|\bdelestage\w*|"
    r"\b(interventions?|operations?|consultations?|rendez-vous|rdv|examens?|chirurgies?|procedures?|visites?|"
    r"soins|prises?\s+en\s+charge)\b" + _near(60) + r"\b(ont|a|sont|est|peuvent|pourraient|doivent|ayant|avaient)"
    r"\s+(du\s+|pu\s+)?(ete\s+|etre\s+)?" + _CANCELLED + r"\w*|"
    r"\b(annul|report|decal|suspen|reprogramm)\w*\s+(de\s+|des\s+|d'|les\s+|leurs\s+|ses\s+|certaine?s\s+|"
    r"plusieurs\s+)+(\w+\s+){0,2}?(interventions|operations|consultations|rendez-vous|soins|examens|chirurgies|"
    r"procedures|activites\s+de\s+soins|prises\s+en\s+charge)\b|\bannulations?\s+de\s+services\b|"
    r"(?<!pas\s)(?<!pas\sete\s)(?<!not\s)(?<!never\s)\b(perturb|paralys|interromp|bloqu|empech|suspend)\w*" + _near(40) + r"\b" + _CARE_WORDS + r"|"
    r"\baffectant\s+(les\s+|la\s+|le\s+)?" + _CARE_WORDS + r"|"
    r"\b" + _CARE_WORDS + r"\s+(sont|ont\s+ete|etaient|restent)\s+(fortement\s+|tres\s+)?(perturbe|paralyse|"
    r"interrompu|bloque)\w*|"
    r"\b(patients?|ambulances?|urgences|samu|trafic\s+des\s+ambulances)\b" + _near(30) + r"\b(transfer|redirig|"
    r"reorient|detourn|devi|evacu|delest)\w*|\b(transfer|redirig|reorient|detourn|devi)\w*\s+(\w+\s+){0,3}?"
    r"(patients|ambulances)\b|\bne\s+(peut|peuvent|pouvait|pouvaient)\s+(plus|pas)\s+(recevoir|accueillir)\b|"
    r"\btransferts?\s+(de\s+|des\s+)patients\b|\burgences\s+(ont\s+ete\s+|sont\s+)?(fermees|saturees|regulees|"
    r"delestees|fermee)\b|\bfermeture\s+(des|de\s+ses)\s+urgences\b|\bque\s+pour\s+les\s+(cas\s+d')?urgences?\b|"
    r"\bretour\s+au\s+(papier|stylo)\b|\bpapier\s+et\s+(au\s+)?(crayon|stylo)\b|\b(processus|dossiers?(\s+patients?)?|"
    r"formulaires?|systeme|fonctionnement)\s+papier\b|\b(fonctionner|travailler|fonctionne|travaille|fonctionnent|"
    r"travaillent)\w*\s+(au|sur|avec\s+du|en\s+mode)\s+(papier|manuel)\b|\ben\s+mode\s+manuel\b|"
    r"\b(procedures?|processus|methodes?)\s+(manuel(le)?s?|degrade(e)?s?)\b|\b(ecrire|realise|effectue|traite|"
    r"saisi|gere)\w*\s+manuellement\b|"
    # English
    r"\b(ambulances?|patients?|emergency\s+(room\s+|department\s+)?patients?)\s+(were\s+|was\s+|are\s+|being\s+|"
    r"had\s+to\s+be\s+)?(diverted|redirected|rerouted|transferred|turned\s+away)\b|\bdivert(ed|ing)?\s+"
    r"(\w+\s+){0,2}(ambulances|patients)\b|\bambulance\s+diversion\b|\bon\s+diversion\b|\bdiversion\s+status\b|"
    r"\b(appointments?|surger(y|ies)|procedures|visits|treatments?|chemotherapy|radiation\s+therapy|"
    r"consultations)\b" + _near(40) + r"\b(were|was|had\s+to\s+be|have\s+been|being|are|been)\s+(cancell?ed|"
    r"postponed|rescheduled|delayed|suspended|disrupted|halted)\b|\boperations\s+(were|had\s+to\s+be|have\s+been)\s+"
    r"(cancell?ed|postponed|rescheduled)\b|\b(cancell?ed|postponed|rescheduled|"
    r"cancell?ing|postponing)\s+(\w+\s+){0,2}(appointments|surger(y|ies)|operations|procedures)\b|"
    r"\bdowntime\s+procedures?\b|\bpaper\s+(records|charts|charting|based\s+processes)\b|\bpen\s+and\s+paper\b|"
    r"\bmanual\s+(processes|procedures|workarounds|systems)\b|\bpatient\s+care\s+(was\s+|has\s+been\s+)?"
    r"(disrupted|affected|impacted|delayed)\b|\bdisrupt(ed|ion|ions)?\s+(to\s+|of\s+)?(patient\s+care|care|"
    r"clinical\s+services)\b|\b(emergency\s+(room|department)s?|ers?|a&e)\s+(was\s+|were\s+)?(closed|shut)\b|"
    r"\bonly\s+(for\s+)?(emergenc|urgent)\w*|"
    # German, Italian, Spanish
    r"\bnotaufnahme\w*\s+(\w+\s+)?(abgemeldet|geschlossen)\b|\b(operationen|behandlungen|termine)\s+(\w+\s+)?"
    r"(verschoben|abgesagt)\b|\binterventi\s+(\w+\s+)?(rinviati|sospesi|annullati)\b|\bpronto\s+soccorso\s+(\w+\s+)?"
    r"(chiuso|bloccato)\b|\b(citas|cirugias|operaciones)\s+(\w+\s+)?(canceladas|suspendidas|aplazadas)\b",
    re.IGNORECASE)

_NOT_DISRUPTED = re.compile(
    r"\b(sans|aucun|aucune|pas\s+d'|pas\s+de)\s+(impact|consequence|incidence|effet|perturbation)s?\s+(\w+\s+){0,3}"
    r"(sur\s+)?(les\s+|la\s+)?(soins|prise\s+en\s+charge|patients|activite\s+de\s+soins)\b|"
    r"\b(soins|prise\s+en\s+charge\s+des\s+patients|services\s+(cliniques|de\s+soins|medicaux)|activites?\s+de\s+soins)"
    r"\s+(n'ont\s+pas|n'a\s+pas|ne\s+sont\s+pas|n'est\s+pas)\s+(ete\s+)?(impacte|perturbe|affecte|interrompu)\w*|\bcontinuite\s+des\s+soins\s+(a\s+ete\s+|est\s+)?(assuree|maintenue)\b|"
    r"\b(prise\s+en\s+charge\s+des\s+patients|soins)\s+(reste|restent|est|sont|a\s+ete|ont\s+ete)\s+(assure|maintenu|"
    r"garanti)\w*|\bqualite\s+des\s+soins\s+n'a\s+pas\s+ete\s+(affecte|impacte)\w*|"
    r"\b(no|without)\s+(impact|effect|disruption)\s+(on|to)\s+(patient\s+care|care|clinical\s+operations|patients)\b|"
    r"\bpatient\s+care\s+(was|has)\s+(not|n't)\s+been\s+(affected|impacted|disrupted)\b|\bpatient\s+care\s+(was|is)\s+"
    r"(not|never)\s+(affected|impacted|disrupted)\b|\bdid\s+not\s+(affect|impact|disrupt)\s+patient\s+care\b",
    re.IGNORECASE)


def care_disrupted(*texts: str | None) -> bool | None:
    """True when the texts say patient care was disrupted; False when they say it was not; None when silent."""
    text = _joined(texts)
    if _DISRUPTED.search(text):
        return True
    if _NOT_DISRUPTED.search(text):
        return False
    return None
