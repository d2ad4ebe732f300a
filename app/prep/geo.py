"""Which US subdivisions (ISO 3166-2:US) the state map can draw; their names are in app.i18n.names."""

from __future__ import annotations

from app.i18n.names import US_SUBDIVISIONS

_TERRITORIES = frozenset({"PR", "GU", "VI", "AS", "MP", "UM"})
# The 50 states and DC: plotly's `USA-states` location mode draws exactly these.
MAPPABLE_STATES = frozenset(code for code in US_SUBDIVISIONS if code not in _TERRITORIES)
MAPPABLE_SUBDIVISIONS = frozenset(f"US-{code}" for code in MAPPABLE_STATES)


def state_code(subdivision: str) -> str:
    """'US-CA' -> 'CA'."""
    return subdivision.removeprefix("US-")
