"""Where the shared sample and reference data live: $DATELINE_SHARED, else ../shared beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED") or REPO.parent / "shared")
SAMPLE = SHARED / "samples" / "maysan-2008.txt"
