"""Per-country words of administrative units, read from ``data/countries/<ISO code>.yaml``.

Adding a country's words (Yemen's, Ukraine's) is a data change: a file named for its ISO alpha-2
code with the keys below. Keys:

- ``district_phrases``: words written after a district's name ("Local Government Area" in Nigeria,
  "sub-county" in Kenya); a name followed by one asks for a district.
- ``admin1``: the province scheme the gazetteer uses for the country, GeoNames admin1 code -> the
  one English name and other spellings (Iraq's: ``data/countries/IQ.yaml``).
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from ..config import package_data
from ..errors import DatelineError

__all__ = ["COUNTRIES_DIR", "admin1_scheme", "country_files", "district_phrases"]

COUNTRIES_DIR = "countries"
_KEYS = {"district_phrases", "admin1"}


def country_files(root: Path | None = None) -> dict[str, Path]:
    """ISO code -> its file, in code order."""
    folder = root or package_data(COUNTRIES_DIR)
    return {p.stem.upper(): p for p in sorted(folder.glob("*.yaml"))}


@functools.lru_cache(maxsize=4)
def _read(root: Path | None = None) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for code, path in country_files(root).items():
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as err:
            raise DatelineError(f"cannot read {path}: {err}") from err
        if not isinstance(raw, dict) or not set(raw) <= _KEYS:
            raise DatelineError(f"{path.name}: expected keys among {', '.join(sorted(_KEYS))}")
        out[code] = raw
    return out


def district_phrases(root: Path | None = None) -> tuple[tuple[str, ...], ...]:
    """Every country's district phrases as word tuples, the longest first (a phrase is matched before
    one that begins it: "local government area" before "local government")."""
    phrases = [tuple(str(phrase).lower().split()) for raw in _read(root).values()
               for phrase in raw.get("district_phrases") or ()]
    return tuple(sorted(phrases, key=len, reverse=True))


@functools.lru_cache(maxsize=512)
def admin1_scheme(code: str, root: Path | None = None) -> dict[str, tuple[str, tuple[str, ...]]]:
    """A country's province scheme: GeoNames admin1 code -> (English name, other spellings); {} if none."""
    scheme = _read(root).get(code.upper(), {}).get("admin1") or {}
    try:
        return {str(k).zfill(2): (str(v["name"]), tuple(str(a) for a in v.get("aliases") or ()))
                for k, v in scheme.items()}
    except (TypeError, KeyError) as err:
        raise DatelineError(f"{code}.yaml: admin1 rows need a name (and may have aliases): {err}") from err
