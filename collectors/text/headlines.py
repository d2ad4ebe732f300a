"""What a headline says: the organisation it names (organization_in_title) and the countries a text names
(countries_in_text). Precision first: a title that cannot be read that well gives no name, never a guess.
Written for press feeds (collectors/sources/news_feeds), in English and French."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from collectors.text import normalise

_WORD = re.compile(r"[^\W\d_][\w'’]*(?:\.[^\W\d_]\.?)*", re.UNICODE)
# Country names that are also first names or parts of US place names (Jordan Valley, Jersey Shore).
_AMBIGUOUS_PLACES = frozenset({"chad", "jordan", "jersey", "maurice", "man", "georgie"})
# Provinces and states whose names would otherwise be read as another country (New South *Wales*).
_EXTRA_PLACES = {
    "newsouthwales": "AU", "queensland": "AU", "tasmania": "AU", "ontario": "CA",
    "quebec": "CA", "britishcolumbia": "CA", "alberta": "CA", "manitoba": "CA", "saskatchewan": "CA",
    "novascotia": "CA", "newbrunswick": "CA", "hipaa": "US", "hhs": "US",  # HIPAA and HHS are US-only
}
# "Russia-linked hackers", "China-backed group": the country of the attacker, not of the victim.
_ATTACKER_SUFFIX = re.compile(r"\s*-\s*(linked|backed|sponsored|affiliated|nexus|aligned|based\s+hackers)", re.IGNORECASE)


@cache
def _place_names() -> dict[str, str]:
    """name_key of US state names -> US, plus a few provinces; countries come from normalise.country_code."""
    states = {normalise.name_key(n): "US" for n in normalise.mapping("us_states")["name"]}
    return {**states, **_EXTRA_PLACES}


def _place_code(words: list[str]) -> str | None:
    key = normalise.name_key(" ".join(words))
    if len(words) == 1 and (key in _AMBIGUOUS_PLACES or len(key) <= 2 and words[0] not in ("US", "UK", "U.S.", "U.K.")):
        return None  # "In", "At", "IT" are ISO codes; "us" is a pronoun
    return _place_names().get(key) or normalise.country_code(" ".join(words))


def countries_in_text(text: str, max_words: int = 5) -> list[str]:
    """ISO codes of the countries a text names (English or French names, US states -> US), in order.

    Longest names first ("New Jersey" before "Jersey", "États-Unis" as one name); a name must start
    with a capital letter; "Russia-linked" and the like (the attacker's country) are skipped.
    """
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    found, i = [], 0
    while i < len(words):
        for n in range(min(max_words, len(words) - i), 0, -1):
            chunk = words[i:i + n]
            if not chunk[0][0][:1].isupper():
                continue
            if any(not set(text[a[2]:b[1]]) <= {" ", "-"} for a, b in pairwise(chunk)):
                continue  # a name does not run across punctuation
            code = _place_code([w for w, _, _ in chunk])
            if code:
                if not _ATTACKER_SUFFIX.match(text, chunk[-1][2]):
                    found.append(code)
                i += n
                break
        else:
            i += 1
    return found


def _is_place(word: str) -> bool:
    return _place_code([word]) is not None or normalise.name_key(word) in _PLACE_ADJECTIVES


# Words of headlines that never belong to an organisation's name (compared in lower case).
_STOP = frozenset("""
a an the this that these those its their his her new update updated exclusive breaking opinion report reports
reported says said say confirms confirmed confirm discloses disclosed disclose notifies notified notify alerts
informs warns hit hits hitting struck suffers suffered hacked hack hacks hackers hacker hacking attack attacks
attacked attacker attackers cyberattack cyberattacks cyber cybersecurity security incident incidents data breach
breaches breached leak leaks leaked exposed exposes exposure stolen theft ransomware ransom malware phishing email
emails ddos outage outages disruption disrupts disrupted down offline impacts impacted impact affects affected
affecting after before amid over under on at in to for from with by as about into of and or but patients patient
members member individuals people employees staff million millions thousands records files victims victim
claims claimed claim gang group's lawsuit lawsuits suit class action settlement settles settle agrees pays pay
fined fine penalty investigation investigates investigating ocr hipaa hhs fbi cisa attorney general state
federal how why what who when where is are was were be been being has have had will would could may might not
forces force prompts causes leads shuts targets targeted cripples paralyzes paralyses delays cancels diverts
strikes sues sued names launches restores recovers reopens resumes faces takes reveals announces expands
warns blames limits closes continues working struggles hampers halts postpones investigated
no more than up out its it's ongoing week weeks month months year years day days today yesterday
cyberattaque cyberattaques attaque attaques piratage pirates pirate fuite fuites donnees rancongiciel
rancon victime victimes le la les un une des du de et ou en au aux par pour sur dans est sont
podcast video webinar analysis commentary editorial interview explainer feature watch live alert reminder
weekly roundup recap bits news sante exclusif alerte enquete breve info infos actu actualite cybersecurite
""".split())
# Words that are not distinctive in a name made only of them with places ("Rural Kansas Hospital").
_GENERIC_NAME_WORDS = frozenset("""
memorial regional community rural local general county municipal national public private specialty
surgery dermatology dental pediatric pediatrics orthopedic orthopedics imaging radiology oncology cancer
womens children childrens family senior behavioral mental physicians practice asc provider providers
north south east west northern southern eastern western central upper lower greater
center centre centers system systems group services service network partners associates care inc llc
ltd corp co company plan plans university city state
""".split())
_PLACE_ADJECTIVES = frozenset("""
american australian british canadian french german dutch belgian swiss italian spanish irish israeli indian
japanese korean chinese russian ukrainian polish swedish norwegian danish finnish austrian portuguese brazilian
mexican european asian african us uk californian texan floridian
""".split())
# Words that make a run of capitalised words an organisation of the healthcare kind.
_ANCHORS = frozenset("""
hospital hospitals health healthcare medical medicine clinic clinics physicians surgical surgery asc pharmacy
pharmacies dental dentistry dermatology orthopedics orthopaedics pediatrics radiology imaging oncology cardiology
urology ophthalmology fertility ivf laboratories labs laboratory hospice nursing rehabilitation dialysis
behavioral pharma pharmaceutical pharmaceuticals biotech insurer insurance blue cross shield nhs klinikum klinik
krankenhaus ziekenhuis ospedale hopital clinique
""".split())
_CONNECTORS = frozenset({"of", "and", "&", "the", "de", "du", "des", "la", "le", "for"})


def _key(word: str) -> str:
    """A word as the word lists above spell it: lower case, no accents or punctuation ("&" kept)."""
    return normalise.name_key(word) or word
_FRENCH_INSTITUTION = re.compile(
    r"(?<!\w)(?P<indef>(?i:un|une|des|deux|trois|plusieurs|d['’]un|d['’]une)\s+)?"
    r"(?P<kind>CHU|CHRU|CHR|CHI|GHT|AP-HP|[Cc]entre\s+hospitalier(?:\s+(?:universitaire|régional|intercommunal|"
    r"départemental))?|[Gg]roupe\s+hospitalier|[Hh]ôpital|[Hh]opital|[Pp]olyclinique|[Cc]linique|EHPAD|[Ee]hpad)"
    r"(?P<rest>(?:\s+(?:de\s+la|de\s+l['’]|d['’]|du|des|de)?\s*[A-ZÉÈÊÎÔ][\w'’-]*)*)")
# "IVF provider Genea notifies ...": a descriptor, then the name.
_DESCRIBED = re.compile(
    r"\b(?P<desc>(?:[\w-]+\s+){0,2}?(?:provider|hospital|clinic|insurer|practice|pharmacy|lab|laboratory|chain|"
    r"giant|firm|company|operator|network|system))\s+(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})"
    r"(?=\s+[a-z]|[,:;]|\s*$)")
HEALTH_DESCRIPTOR = re.compile(r"\b(ivf|fertility|health\s*care|health|medical|dental|hospital|clinic|pharmacy|"
                                r"surgical|surgery|insurer|cancer|dialysis|nursing)\b", re.IGNORECASE)
# "Genea notifies patients ...": a name opening the title, then a notice to patients.
_NOTIFIES = re.compile(r"^(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,5})\s+(?:notifies|notified|alerts|"
                       r"informs|is\s+notifying|begins\s+notifying)\s+(?:[\d,.]+\s+(?:million\s+)?)?(?:patients|members)")
_COLON_PREFIX = re.compile(r"^(?P<name>[^:—–|]{2,60}?)\s*(?::|\s[—–-]\s)\s*\S")


def organization_in_title(title: str) -> tuple[str, str | None] | None:
    """(organisation, descriptor) named in a headline, or None when it cannot be read reliably.

    Tried in order: a French institution (`CHU de Rennes`, `l'hôpital de Cannes`); a run of
    capitalised words holding a healthcare word (`Ross Memorial Hospital`, `Syracuse ASC`); a
    healthcare descriptor then a name (`IVF provider Genea`); a name that notifies patients; the
    text before a colon (`Genea: ...`, DataBreaches.net's style). A name made only of places and
    generic words (`Oklahoma Hospital`, `Rural Kansas Hospital`) is no name.
    """
    for match in _FRENCH_INSTITUTION.finditer(title):
        if match.group("indef") or not match.group("rest").strip():
            continue  # "un hôpital de Paris" is an unnamed hospital
        name = (match.group("kind") + match.group("rest")).strip()
        return name[:1].upper() + name[1:], None
    for run in _capitalised_runs(title):
        if any(_key(w) in _ANCHORS for w in run) and _is_distinctive(run):
            return " ".join(run), None
    for match in _DESCRIBED.finditer(title):
        run = match.group("name").split()
        if HEALTH_DESCRIPTOR.search(match.group("desc")) and _is_distinctive(run) and not _stopped(run):
            return " ".join(run), match.group("desc")
    for pattern in (_NOTIFIES, _COLON_PREFIX):
        found = pattern.match(title)
        if found:
            run = found.group("name").split()
            if len(run) <= 6 and run[0][:1].isupper() and not _stopped(run) and _is_distinctive(run):
                return " ".join(run), None
    return None


def _capitalised_runs(title: str) -> list[list[str]]:
    """Runs of capitalised words not broken by punctuation or headline words; connectors inside runs kept."""
    runs: list[list[str]] = []
    current: list[str] = []
    last_end = 0
    for m in re.finditer(r"[\w'’&.-]+", title):
        word, gap = m.group(0).rstrip("."), title[last_end:m.start()]
        last_end = m.end()
        lower = _key(word)
        broken = current and gap.strip() != ""
        if broken:
            runs.append(current)
            current = []
        if (word[:1].isupper() and lower not in _STOP) or (current and lower in _CONNECTORS):
            current.append(word)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    trimmed = []
    for run in runs:
        while run and _key(run[-1]) in _CONNECTORS:
            run = run[:-1]
        while run and _key(run[0]) in _CONNECTORS:
            run = run[1:]
        if run:
            trimmed.append(run)
    return trimmed


def _stopped(run: list[str]) -> bool:
    return any(_key(w) in _STOP for w in run)


def _is_distinctive(run: list[str]) -> bool:
    """At least one word that is not a place, a generic word or a healthcare word."""
    for word in run:
        lower = _key(word)
        if (lower and lower not in _GENERIC_NAME_WORDS and lower not in _ANCHORS and lower not in _CONNECTORS
                and lower not in _STOP and not _is_place(word)):
            return True
    return False
