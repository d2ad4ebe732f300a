"""How good the links between reports are, measured on a hand-checked reference set.

tests/fixtures/link_reference.csv holds pairs of real reports (by record_id) that a person checked: `yes`, the
two describe the same attack; `no`, they do not, although they look alike (a similar name in another state, the
same organisation's earlier breach, a filing made before the attack); `unsure` pairs are not scored. The pairs
were drawn from the dataset, half from what the linker linked and half from look-alikes it left apart, so
the set measures both what it misses and what it wrongly joins.

    python scripts/link_quality.py            # precision, recall and every pair the linker gets wrong
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

REFERENCE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "link_reference.csv"
VERDICTS = ("yes", "no", "unsure")


def share(part: int, whole: int) -> float:
    """part / whole, and 1.0 for nothing out of nothing (no link made cannot be a wrong link)."""
    return part / whole if whole else 1.0


@dataclass(frozen=True)
class LinkQuality:
    true_links: int  # same attack, linked
    false_links: int  # different attacks, linked
    missed: int  # same attack, left apart
    true_apart: int  # different attacks, left apart
    unsure: int
    wrong: pd.DataFrame  # the scored pairs the linker got wrong, with the reason the checker wrote down

    @property
    def precision(self) -> float:
        return share(self.true_links, self.true_links + self.false_links)

    @property
    def recall(self) -> float:
        return share(self.true_links, self.true_links + self.missed)


def load_reference(path: Path = REFERENCE) -> pd.DataFrame:
    reference = pd.read_csv(path, dtype=str, keep_default_na=False)
    unknown = sorted(set(reference["same_attack"]) - set(VERDICTS))
    if unknown:
        raise ValueError(f"{path.name}: same_attack must be one of {VERDICTS}, found {unknown}")
    return reference


def evaluate(frame: pd.DataFrame, reference: pd.DataFrame) -> LinkQuality:
    """Score the incident_id of `frame` (the dataset) against the reference pairs. Every record_id of the
    reference must be in the frame: a pair that cannot be scored is an error, not a silent skip."""
    incident_of = frame.set_index("record_id")["incident_id"]
    absent = sorted((set(reference["a_id"]) | set(reference["b_id"])) - set(incident_of.index))
    if absent:
        raise ValueError(f"{len(absent)} reference record(s) are not in the dataset, e.g. {absent[:3]}")
    linked = incident_of.loc[reference["a_id"]].to_numpy() == incident_of.loc[reference["b_id"]].to_numpy()
    same = reference["same_attack"].eq("yes").to_numpy()
    scored = reference["same_attack"].ne("unsure").to_numpy()
    wrong = reference[scored & (linked != same)].assign(linker=lambda t: ["linked" if s == "no" else "apart"
                                                                          for s in t["same_attack"]])
    if "organization" in frame.columns:  # the names, for whoever reads the list
        name_of = frame.set_index("record_id")["organization"]
        wrong = wrong.assign(a_organization=name_of.loc[wrong["a_id"]].to_numpy(),
                             b_organization=name_of.loc[wrong["b_id"]].to_numpy())
    return LinkQuality(
        true_links=int((scored & same & linked).sum()),
        false_links=int((scored & ~same & linked).sum()),
        missed=int((scored & same & ~linked).sum()),
        true_apart=int((scored & ~same & ~linked).sum()),
        unsure=int((~scored).sum()),
        wrong=wrong.reset_index(drop=True),
    )
