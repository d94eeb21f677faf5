"""The gazetteer while it is being built: its rows, the index of their names and codes, and the
build's counts. The build (``gazetteer_build``) and its optional inputs (``gazetteer_extra``) both add
to one ``Builder``."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from unidecode import unidecode

from ..resolve.names import name_keys, strip_generic
from .distance import distance_km

__all__ = ["BuildRow", "BuildStats", "Builder", "ascii_name", "clean_adm2_name", "is_latin"]

# Leading/trailing words of GeoNames district names ("Qaḑā’ Sāmarrā’", "Amara District").
_ADM2_PREFIX_RE = re.compile(r"^(Qa[dḑ]h?[aā][’']?|Qada|Qeza-î|Nāḩiyat)\s+", re.IGNORECASE)
_ADM2_SUFFIX_RE = re.compile(r"\s+(District|district|Qada)$")
_MARKS_RE = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf`'’]")
_LATIN_RE = re.compile(r"^[\u0020-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2018\u2019]+$")


@dataclass
class BuildStats:
    """What a build produced and how long it took."""

    path: Path
    places: int = 0
    names: int = 0
    countries: int = 0
    admin1: int = 0
    ucdp_places: int = 0
    ucdp_merged: int = 0
    curated_places: int = 0
    curated_merged: int = 0
    extra_places: int = 0
    us_towns: int = 0
    airports: int = 0
    seconds: float = 0.0
    size_bytes: int = 0

@dataclass(slots=True)
class BuildRow:
    """A place while the gazetteer is being built."""

    name: str
    latitude: float | None
    longitude: float | None
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str = ""
    admin2_code: str = ""
    population: int = 0
    geonameid: int | None = None
    source: str = "geonames"
    admin2_name: str = ""  # for places whose district has no GeoNames code
    keys: set[str] = field(default_factory=set)
    main_keys: set[str] = field(default_factory=set)  # keys of the place's own name(s), not aliases

def ascii_name(name: str) -> str:
    """A plain ASCII form of a name, without ayn/hamza marks ("Al ‘Amārah" -> "Al Amarah")."""
    return " ".join(_MARKS_RE.sub("", unidecode(_MARKS_RE.sub("", name))).split())


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin script (other scripts make poor lookup keys)."""
    return bool(_LATIN_RE.match(name))

def clean_adm2_name(name: str) -> str:
    """District display name: ASCII, without 'Qada'/'District' ("Qaḑā’ Sāmarrā’" -> "Samarra")."""
    text = _ADM2_SUFFIX_RE.sub("", _ADM2_PREFIX_RE.sub("", name.strip()))
    return ascii_name(text) or ascii_name(name)

class Builder:
    """Collects places and their keys, merges later inputs into earlier places."""

    def __init__(self) -> None:
        self.rows: list[BuildRow] = []
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_geonameid: dict[int, int] = {}
        self.country_idx: dict[str, int] = {}  # alpha2 -> row index
        self.country_info: dict[str, tuple[str, str]] = {}  # alpha2 -> (alpha3, English name)
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.admin2_names: dict[tuple[str, str, str], str] = {}
        self.admin_idx: dict[tuple[str, ...], int] = {}  # (cc, a1) or (cc, a1, a2) -> row index
        self.admin1_keys: dict[tuple[str, str], str] = {}  # (cc, key) -> admin1 code
        self.admin2_keys: dict[tuple[str, str, str], str] = {}  # (cc, a1, key) -> admin2 code

    # -- adding and indexing

    def add(self, row: BuildRow, names: Sequence[str], *, main: int = 1) -> int:
        """Add a place indexed under names; the first ``main`` names are its own (the rest aliases)."""
        idx = len(self.rows)
        self.rows.append(row)
        if row.geonameid is not None:
            self.by_geonameid[row.geonameid] = idx
        self.add_names(idx, names, main=main)
        return idx

    def add_names(self, idx: int, names: Sequence[str], *, main: int = 0) -> None:
        row = self.rows[idx]
        for n, name in enumerate(names):
            if not name or not is_latin(name):
                continue
            for key in name_keys(name):
                if n < main:
                    row.main_keys.add(key)
                if key not in row.keys and (len(key) > 1 or name == row.name):
                    row.keys.add(key)
                    self.by_key[key].append(idx)

    def admin1_code(self, cc: str, name: str) -> str:
        """The admin1 code of a province name or code in a country ('' when unknown)."""
        if not name:
            return ""
        if (cc, name) in self.admin1_names:
            return name
        return self.admin1_keys.get((cc, strip_generic(name)[0]), "")

    def admin2_code(self, cc: str, a1: str, name: str) -> str:
        return self.admin2_keys.get((cc, a1, strip_generic(clean_adm2_name(name))[0]), "") if name else ""

    def find(self, keys: Iterable[str], *, cc: str, lat: float, lon: float, classes: str, radius: float) -> int | None:
        """Nearest existing place sharing a key, in the same country and feature classes, within radius km."""
        best: tuple[float, int] | None = None
        for key in keys:
            for idx in self.by_key.get(key, ()):
                row = self.rows[idx]
                if row.country_code != cc or row.feature_class not in classes or row.latitude is None:
                    continue
                dist = distance_km(lat, lon, row.latitude, row.longitude)  # type: ignore[arg-type]
                if dist <= radius and (best is None or dist < best[0]):
                    best = (dist, idx)
        return best[1] if best else None
