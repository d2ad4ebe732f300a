"""The press classifier scored on hand-labelled random samples (tests/fixtures/press_health_samples.csv).

Each row names an item of ransomware.live's press export by `item`, the first 12 hex digits of the SHA-1 of
"<url>|<victim>" (no text of the export is copied), with the hand label (`yes`, `no`, `unsure`) and the
labeller's reason. See scripts/classifier_quality.py for what each sample is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from collectors.link_quality import share

LABELS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "press_health_samples.csv"
SAMPLES = {
    "1": "the rules were written from its misses",
    "2": "labelled blind; a few rules were written from its errors",
    "3": "held out: drawn and labelled after the last rule change",
}


@dataclass(frozen=True)
class ClassifierQuality:
    labelled: int
    healthcare: int
    unsure: int
    true_positives: int
    false_positives: int
    missed: int
    wrong: list[tuple[str, bool]]  # (victim, hand label) of every item the classifier gets wrong

    @property
    def precision(self) -> float:
        return share(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        return share(self.true_positives, self.true_positives + self.missed)


def load_labels(path: Path = LABELS) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def item_key(item: dict) -> str:
    return hashlib.sha1(f"{item.get('url') or ''}|{item.get('victim') or ''}".encode()).hexdigest()[:12]


def item_index(items: list[dict]) -> dict[str, int]:
    """item key -> position in the export; the first of an item listed twice."""
    index: dict[str, int] = {}
    for i, item in enumerate(items):
        index.setdefault(item_key(item), i)
    return index


def evaluate(items: list[dict], verdicts: list[bool], sample: str, labels: pd.DataFrame | None = None
             ) -> ClassifierQuality:
    labels = load_labels() if labels is None else labels
    rows = labels[labels["sample"] == sample]
    index = item_index(items)
    missing = [key for key in rows["item"] if key not in index]
    if missing:
        raise ValueError(f"{len(missing)} labelled item(s) are not in the export, e.g. {missing[:2]}")
    scored = rows[rows["is_healthcare"] != "unsure"]
    said = [verdicts[index[key]] for key in scored["item"]]
    victims = [str(items[index[key]].get("victim")) for key in scored["item"]]
    truth = (scored["is_healthcare"] == "yes").tolist()
    return ClassifierQuality(
        labelled=len(rows), healthcare=sum(truth), unsure=len(rows) - len(scored),
        true_positives=sum(s and t for s, t in zip(said, truth)),
        false_positives=sum(s and not t for s, t in zip(said, truth)),
        missed=sum(t and not s for s, t in zip(said, truth)),
        wrong=[(v, t) for v, s, t in zip(victims, said, truth) if s != t],
    )
