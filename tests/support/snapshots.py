"""Where the real source snapshots live (../shared/snapshots), and a skip marker for when they don't.

CI has them; a user's clone usually does not, so tests that read them skip with a clear reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(os.environ.get("OBSERVATORY_SNAPSHOTS", REPO.parent / "shared" / "snapshots"))
HHS_DIR = SNAPSHOTS / "hhs-ocr-breach-portal"
HHS_ARCHIVE_2023 = HHS_DIR / "archive_2023-02-23_tatkhachatryan.csv"
HHS_ARCHIVE_2024 = HHS_DIR / "archive_2024-06-28_kaycaitt_macroman.csv"
HHS_OPEN_2024 = HHS_DIR / "under_investigation_2024-12-03_cjtorgerson_resaved.csv"  # re-saved by pandas
HHS_OPEN_2025 = HHS_DIR / "under_investigation_2025-12-31_wendy160.csv"
HHS_FILES = (HHS_ARCHIVE_2023, HHS_ARCHIVE_2024, HHS_OPEN_2024, HHS_OPEN_2025)

needs_snapshots = pytest.mark.skipif(
    not all(p.exists() for p in HHS_FILES),
    reason=f"real source snapshots not found in {SNAPSHOTS} (they live in ../shared, beside a CI checkout; "
           "set OBSERVATORY_SNAPSHOTS to point elsewhere)",
)
