"""The province and country outlines shipped with the app, and matching event provinces to them.

The files under static/outlines/ are Natural Earth data (public domain) cut down by
scripts/build_outlines.py; see static/outlines/SOURCE.txt.
"""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path

from ..query import place_key

log = logging.getLogger(__name__)

OUTLINES_DIR = Path(__file__).parent / "static" / "outlines"
PROVINCES_FILE = OUTLINES_DIR / "provinces.geojson"


@functools.lru_cache(maxsize=1)
def province_index() -> dict[str, str]:
    """Normalised province name (every known spelling) -> the outline's code, e.g. "maysan" -> "IQ-MA"."""
    try:
        data = json.loads(PROVINCES_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:  # a broken install draws no provinces rather than failing the map
        log.warning("province outlines unreadable (%s): provinces are not drawn", err)
        return {}
    index: dict[str, str] = {}
    for feature in data.get("features", []):
        props = feature.get("properties", {})
        for name in props.get("names", []) + [props.get("name")]:
            key = place_key(name) if name else None
            if key:
                index.setdefault(key, props["code"])
                for affix in ("province", "governorate"):  # "Maysan province" -> also "maysan"
                    index.setdefault(place_key(f"{name} {affix}") or key, props["code"])
    return index


def province_code(admin1: str | None) -> str | None:
    """The outline code of a province name as the pipeline writes it (None when no outline matches)."""
    if not admin1:
        return None
    key = place_key(admin1)
    index = province_index()
    if key in index:
        return index[key]
    for suffix in (" province", " governorate"):
        if key and key.endswith(suffix) and key[: -len(suffix)] in index:
            return index[key[: -len(suffix)]]
    return None
