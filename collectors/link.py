"""Cross-source linking: reports of the same attack get one incident_id.

Rows stay source reports; `incident_id` groups them. Until a rule links a report
to others, it is its own incident, with an id derived from its record_id so that
it is stable across rebuilds.
"""

from __future__ import annotations

import hashlib

import pandas as pd


def own_incident_id(record_id: str) -> str:
    return "inc:" + hashlib.sha1(record_id.encode()).hexdigest()[:12]


def assign_incidents(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with incident_id set for every row (a new frame; the input is not modified)."""
    return frame.assign(incident_id=frame["record_id"].map(own_incident_id).astype("str"))
