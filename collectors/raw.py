"""Raw exports: the bytes a source gave us, with where and when they came from.

The runner freezes every raw export on disk (data/raw/<source>/) with a JSON
sidecar before parsing it, so any row can be traced back to the exact bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from collectors.files import write_atomic


@dataclass(frozen=True)
class RawExport:
    source: str
    content: bytes = field(repr=False)
    origin: str  # URL fetched, or the file name a user ingested
    list_kind: str | None = None  # which list of the source (HHS: under_investigation / archive)
    fetched_at: datetime | None = None  # UTC; None for a file saved by hand

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def snapshot_id(self) -> str:
        """Short id written on every row that comes from this export."""
        return self.sha256[:12]


def freeze(export: RawExport, raw_dir: Path) -> Path:
    """Save the export's bytes and a provenance sidecar under raw_dir/<source>/; return the data path."""
    folder = raw_dir / export.source
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (export.fetched_at or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    stem = f"{stamp}-{export.list_kind or 'export'}-{export.snapshot_id}"
    data_path = folder / f"{stem}.raw"
    meta = {
        "source": export.source,
        "origin": export.origin,
        "list_kind": export.list_kind,
        "fetched_at": export.fetched_at.isoformat() if export.fetched_at else None,
        "sha256": export.sha256,
        "bytes": len(export.content),
    }
    write_atomic(data_path, export.content)
    write_atomic(folder / f"{stem}.json", json.dumps(meta, indent=2).encode())
    return data_path




def as_dict(export: RawExport) -> dict:
    meta = asdict(export)
    meta.pop("content")
    return meta
