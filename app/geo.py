"""Names of US subdivisions (ISO 3166-2:US) and which ones the state map can draw."""

from __future__ import annotations

# The 50 states and DC: plotly's `USA-states` location mode draws exactly these.
_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
_TERRITORIES = {
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands", "UM": "U.S. Minor Outlying Islands",
}
# Only the names French writes differently.
_FRENCH = {
    "CA": "Californie", "DC": "District de Columbia", "FL": "Floride", "GA": "Géorgie", "HI": "Hawaï",
    "LA": "Louisiane", "NM": "Nouveau-Mexique", "NC": "Caroline du Nord", "ND": "Dakota du Nord",
    "PA": "Pennsylvanie", "SC": "Caroline du Sud", "SD": "Dakota du Sud", "VA": "Virginie",
    "WV": "Virginie-Occidentale", "PR": "Porto Rico", "VI": "Îles Vierges des États-Unis",
    "AS": "Samoa américaines", "MP": "Îles Mariannes du Nord", "UM": "Îles mineures éloignées des États-Unis",
}

MAPPABLE_STATES = frozenset(_STATES)
MAPPABLE_SUBDIVISIONS = frozenset(f"US-{code}" for code in _STATES)


def state_code(subdivision: str) -> str:
    """'US-CA' -> 'CA'."""
    return subdivision.removeprefix("US-")


def subdivision_name(subdivision: str, lang: str) -> str:
    """Reader-facing name of an ISO 3166-2 code such as 'US-CA'; the code itself when unknown."""
    code = state_code(subdivision)
    if lang == "fr" and code in _FRENCH:
        return _FRENCH[code]
    return _STATES.get(code) or _TERRITORIES.get(code) or subdivision
