"""When two names are one organisation: the name rules of the cross-source linker (collectors/link.py).

Equal once case, accents and punctuation are ignored, or one name begins the other (ten letters or more), or
one name's distinctive words (two or more, not only words that say what kind of practice it is or where) all
appear in the other's; each of the names a name holds counts ("X dba Y", "X (ABC)"); a public body never
matches an organisation named after its place; names that carry numbers must carry the same.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from collectors.text import normalise

NOT_WORD = re.compile(r"[^a-z0-9]+")


# Words that say what an organisation does, not which one it is: two names that share only these
# ("The Plastic Surgery Center" in New Jersey, "Hand & Plastic Surgery Centre" in Michigan) may be strangers.
_DESCRIPTIVE_WORDS = frozenset(
    "plastic surgery surgical surgeons surgeon dermatology orthopedic orthopedics orthopaedic pediatric "
    "pediatrics dental dentistry family women womens children childrens eye vision heart cardiology mental "
    "behavioral behavioural cancer oncology kidney dialysis physicians physician practice partners community "
    "memorial general specialty specialists primary urgent rehabilitation therapy home senior association "
    "regional national american network foundation institute sports medicine imaging radiology".split())

# Another name inside a name: "X dba Y", "X d/b/a Y", "University of Michigan/Michigan Medicine",
# a press item naming several victims ("River Region Cardiology, Delta County Memorial Hospital District").
_ALIAS_SPLIT = re.compile(r"\s+(?:dba|d/b/a|aka|a/k/a|t/a)\s+|\s*/\s*|,\s*|\s+et\s+", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _name_variants(name: str) -> list[str]:
    """The name, the name without what it says in parentheses ("Phoenician Medical Center (PMC)"), and each
    of the names it holds (see _ALIAS_SPLIT)."""
    bare = _PARENTHESES.sub("", name).strip()
    parts = [part.strip() for part in _ALIAS_SPLIT.split(bare) if part.strip()]
    # "The Methodist Hospitals, Inc." begins with "Methodist Hospitals" once its article is gone.
    return list(dict.fromkeys([name, bare, *parts, *(_LEADING_THE.sub("", part) for part in parts)]))


# A public body and an organisation named after its place are strangers ("Anne Arundel County Department of
# Health" and "Anne Arundel Dermatology").
_PUBLIC_BODY = frozenset({"department", "dept", "ministry", "government", "township"})


def names_match(a: str, b: str) -> bool:
    return any(_one_name_matches(x, y) for x in _name_variants(a) for y in _name_variants(b))


def _is_public_body(name: str) -> bool:
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return bool(_PUBLIC_BODY & set(NOT_WORD.split(ascii_only)))


_NUMBER = re.compile(r"\d+")


def _one_name_matches(a: str, b: str) -> bool:
    if _is_public_body(a) != _is_public_body(b):
        return False
    # "ASL Roma 1" and "ASL Roma 2" are two health authorities: names that carry numbers must carry the same.
    numbers_a, numbers_b = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return False
    key_a, key_b = normalise.name_key(a), normalise.name_key(b)
    short_key, long_key = sorted((key_a, key_b), key=len)
    # "Centre Hospitalier de Dax" and "Centre hospitalier de Dax-Côte d'Argent": one name starts the other.
    if short_key == long_key or (len(short_key) >= 10 and long_key.startswith(short_key)):
        return True
    # "Lurie Children's" and "Ann & Robert H. Lurie Children's Hospital": two or more telling words shared.
    shorter, longer = sorted((_singular(normalise.distinctive_words(a)), _singular(normalise.distinctive_words(b))),
                             key=len)
    return len(shorter) >= 2 and shorter <= longer and not shorter <= _not_identifying()


# Words of a place: "University Health Systems of Eastern Carolina" and "Food Bank of Central & Eastern North
# Carolina" share only these.
_PLACE_WORDS = frozenset("north south east west northern southern eastern western central northeast northwest "
                         "southeast southwest upper lower greater metro new valley county".split())


@functools.cache
def _not_identifying() -> frozenset[str]:
    """Words that cannot make two names one organisation on their own: what kind of practice, or where."""
    states = {word for name in normalise.mapping("us_states")["name"] for word in normalise.distinctive_words(name)}
    return frozenset(_singular(set(_DESCRIPTIVE_WORDS) | _PLACE_WORDS | states))


def _singular(words: set[str]) -> set[str]:
    """'Columbia Surgical Specialists' and 'Columbia Surgical Specialist' share their words."""
    return {w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in words}


# Words of a town name that say nothing on their own ("Villefranche-sur-Saône": "villefranche" is the one).
_TOWN_FILLER = frozenset("sur sous les lez saint sainte st ste la le de des du en".split())


def town_word(town: object) -> str | None:
    """The word of a town name that can be looked for in an organisation's name (None when it has none)."""
    if not isinstance(town, str) or not town.strip():
        return None
    ascii_only = unicodedata.normalize("NFKD", town).encode("ascii", "ignore").decode().lower()
    words = [w for w in NOT_WORD.split(ascii_only) if len(w) >= 3 and w not in _TOWN_FILLER]
    return words[0] if words else None


def story_key(name: str) -> str:
    """One key for the ways one article list writes a name: "Long Island Plastic Surgical Group (LIPSG)" and
    "Long Island Plastic Surgical Group"; "Columbia Surgical Specialists" and "Columbia Surgical Specialist"."""
    ascii_only = unicodedata.normalize("NFKD", _PARENTHESES.sub("", name)).encode("ascii", "ignore").decode().lower()
    return "".join(sorted(_singular(set(NOT_WORD.split(ascii_only)) - {""}), key=ascii_only.find))
