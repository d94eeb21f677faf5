"""Read-only access to the gazetteer SQLite file: name lookups ranked for conflict reporting.

Ranking of the candidates for a surface name (first difference decides):

1. the preferred country (``country_code=``) and province (``admin1=``), when given;
2. the feature a generic word asked for ("Maysan *province*", "Kut *city*");
3. the full name's key before the key without a generic word;
4. importance: country; then cities of 100,000+ and cities of 20,000+ that share their name
   with the province they lie in ("Baghdad", "Basra", "Amara": news mean the city); then
   provinces (and the curated world regions, seas and ranges), populated places, districts,
   other features, and places without population (neighbourhoods, villages). A big city
   abroad ranks with the towns when a province called by its very name has 20 times its
   people ("Virginia": the US state, not Virginia, Free State); a province of fewer than
   100,000 people ranks with the towns ("St. Thomas": the Ontario town, not the Jamaican parish);
5. the place's own name before an alternate name, among countries, big cities and provinces
   ("Hilla": Hillah before Ha'il, alias "Hayla"; "Ninawa": the province, not Karbala's old name),
   then the importance order within that group;
6. the same spelling as asked before a folded one ("Samarra": the Iraqi city, not Samara, Russia);
7. population, largest first.
"""

from __future__ import annotations

import fcntl
import logging
import math
import re
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

from ..config import gazetteer_path
from ..errors import ResolveError
from ..models import Place
from ..resolve.demonyms import country_name
from ..resolve.names import normalise_name, strip_generic

log = logging.getLogger(__name__)

__all__ = ["Gazetteer"]

_BUILD_HINT = "run `dateline gazetteer build`"
_CAPITAL_POPULATION = 20000  # a same-named city this big is what "Baghdad"/"Basra" mean, not the province
_SMALL_PROVINCE = 100_000  # a province with fewer people ranks like a town
_PROVINCE_OVER_CITY = 20  # a province this many times more populous than a namesake city elsewhere comes first
_COLUMNS = ("id, geonameid, name, latitude, longitude, feature_class, feature_code, country_code, "
            "admin1_code, admin1, admin2, population, source, tier")
_LOOKUP_SQL = (f"SELECT n.key, n.main, {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} "
               "FROM names n JOIN places p ON p.id = n.place_rowid WHERE n.key IN (?, ?)")
_Row = tuple  # (id, geonameid, name, lat, lon, fclass, fcode, cc, a1code, admin1, admin2, pop, source, tier)


@lru_cache(maxsize=65536)
def _spelling(name: str) -> str:
    """A name's letters without case, accents or marks ("Sāmarrā’" -> "samarra")."""
    return "".join(ch for ch in unidecode(name).lower() if ch.isalnum())


# spellings that transliterations of Pashto, Dari and Arabic swap, folded before the vowels:
# "Jawzjan" = Jowzjan, "Qunduz" = Kunduz, "Paktiya" = Paktia, "Djibouti" = Jibuti
_LOOSE_SPELLINGS = (("ou", "u"), ("aw", "ow"), ("q", "k"), ("iya", "ia"), ("dj", "j"))


def _loose_key(key: str) -> str:
    """A lookup key with the spellings above and o -> u, e -> i folded, doubled letters collapsed
    ("zabol" = "zabul")."""
    for written, folded in _LOOSE_SPELLINGS:
        key = key.replace(written, folded)
    return re.sub(r"(.)\1+", r"\1", key.replace("o", "u").replace("e", "i"))


class Gazetteer:
    """A built gazetteer file, opened read-only; safe to share between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ResolveError("gazetteer file not found", where=str(self.path), hint=_BUILD_HINT)
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._con.execute("PRAGMA query_only=ON")
            self.meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
            # one name per country across the gazetteer, the demonyms and the actors (ACLED's where they differ)
            rows = self._con.execute("SELECT code, alpha3, name, place_rowid FROM countries").fetchall()
            self._countries = {cc: (a3, country_name(cc, name), rowid) for cc, a3, name, rowid in rows}
            self._renamed = {name: country_name(cc) for cc, _a3, name, _r in rows if country_name(cc) not in (None, name)}
        except sqlite3.DatabaseError as exc:
            raise ResolveError(f"gazetteer file is not readable: {exc}", where=str(self.path),
                               hint=f"delete it and {_BUILD_HINT}") from exc
        self._lock = threading.Lock()
        self._alpha3 = {a3: cc for cc, (a3, _n, _r) in self._countries.items() if a3}
        # per-instance caches of the normalised-key queries
        self._candidates = lru_cache(maxsize=50000)(self._candidates_uncached)
        self._known = lru_cache(maxsize=100000)(self._known_uncached)
        self._admin1_codes = lru_cache(maxsize=4096)(self._admin1_codes_uncached)
        self._loose_admin1: dict[str, frozenset[str]] | None = None  # built on first use
        self._points: dict[str, tuple[tuple[float, float, str | None], ...]] = {}  # country code -> its towns

    @classmethod
    def default(cls) -> "Gazetteer":
        """The gazetteer at config.gazetteer_path(), built first if missing (one builder at a time)."""
        path = gazetteer_path()
        if not path.exists():
            from .gazetteer_build import build_gazetteer

            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path.with_name(path.name + ".lock"), "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building it right now
                try:
                    if not path.exists():
                        log.info("building the gazetteer at %s (once, about half a minute)", path)
                        build_gazetteer(path)
                finally:
                    fcntl.flock(lock, fcntl.LOCK_UN)
        return cls(path)

    def close(self) -> None:
        """Close the database connection."""
        self._con.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ queries

    def _query(self, sql: str, params: tuple) -> list[tuple]:
        with self._lock:  # one connection shared by threads
            return self._con.execute(sql, params).fetchall()

    def _candidates_uncached(self, key: str, key2: str) -> tuple[tuple[int, _Row], ...]:
        """(match, main, row) for every place under key (match 0) or key2 (match 1); main: the place's own name."""
        best: dict[int, tuple[int, int, _Row]] = {}
        for found_key, main, *row in self._query(_LOOKUP_SQL, (key, key2)):
            item = (0 if found_key == key else 1, -main, tuple(row))
            if row[0] not in best or item[:2] < best[row[0]][:2]:
                best[row[0]] = item
        return tuple(best.values())

    def _known_uncached(self, key: str, key2: str) -> bool:
        return bool(self._query("SELECT 1 FROM names WHERE key IN (?, ?) LIMIT 1", (key, key2)))

    def _admin1_codes_uncached(self, admin1: str, country_code: str | None) -> frozenset[tuple[str, str]]:
        """(country, admin1 code) pairs that a province name or code may mean."""
        codes = {(cc, code) for cc, code in self._query(
            "SELECT country_code, admin1_code FROM admin1 WHERE admin1_code = ? OR name = ?", (admin1, admin1))}
        key, key2 = normalise_name(admin1), strip_generic(admin1)[0]
        for _match, _main, row in self._candidates(key, key2):
            if row[6] == "ADM1":
                codes.add((row[7], row[8]))
        if country_code:
            codes = {c for c in codes if c[0] == country_code}
        return frozenset(codes)

    def _rank(self, candidates: tuple[tuple[int, int, _Row], ...], *, hint: str | None,
              country_code: str | None, admin1: str | None, spelling: str = "", key: str = "") -> list[_Row]:
        wanted_a1 = self._admin1_codes(admin1, country_code) if admin1 else frozenset()
        provinces = {(row[7], row[8]) for _m, _n, row in candidates if row[6] == "ADM1"}
        # the most populous province called by its own name: a big city abroad far smaller than it
        # yields ("Virginia": the US state, not Virginia, Free State; "Ontario": not Ontario, CA)
        own_province = max((row[11] for _m, n, row in candidates
                            if row[6] == "ADM1" and n == -1 and normalise_name(row[2]) == key), default=0)

        # a sea or gulf called by the very name: a province named after it is the lesser reading ("Red Sea":
        # the sea before Sudan's Red Sea state)
        water = any(row[5] == "H" and row[12] == "curated" and normalise_name(row[2]) == key for _m, _n, row in candidates)

        def order(item: tuple[int, int, _Row]) -> tuple:
            match, main, row = item
            tier = row[13]
            if row[5] == "P" and row[11] >= _CAPITAL_POPULATION and (row[7], row[8]) in provinces:
                tier = 1
            elif tier == 1 and own_province > _PROVINCE_OVER_CITY * row[11]:
                tier = 3
            elif row[6] == "ADM1" and (row[11] < _SMALL_PROVINCE or (water and row[11] < 1_000_000)):
                tier = 3  # a parish of 35,000 ("Saint Thomas", Jamaica) ranks with the towns, not the provinces
            hinted = hint is None or (row[5] == hint if len(hint) == 1 else row[6] == hint)
            return (country_code is not None and row[7] != country_code,
                    bool(admin1) and (row[7], row[8]) not in wanted_a1,
                    not hinted, match, 0 if tier <= 2 else tier, main, tier,
                    _spelling(row[2]) != spelling, -row[11], row[0])

        return [item[2] for item in sorted(candidates, key=order)]

    def _place(self, row: _Row) -> Place:
        _id, gid, name, lat, lon, fclass, fcode, cc, _a1code, admin1, admin2, pop, source, _tier = row
        country = self._countries.get(cc)
        name = self._renamed.get(name, name) if fcode and fcode.startswith("PCL") else name  # the country itself
        return Place(name=name, latitude=lat, longitude=lon, geonameid=gid, feature_class=fclass,
                     feature_code=fcode, country_code=cc, country=country[1] if country else None,
                     admin1=admin1, admin2=admin2, population=pop, source=source)

    # ------------------------------------------------------------ public API

    def lookup(self, name: str, *, country_code: str | None = None, admin1: str | None = None,
               limit: int = 10) -> list[Place]:
        """Candidate places for a surface name, best first (empty when the name is unknown).

        ``country_code`` (ISO alpha-2) and ``admin1`` (province name or code) are
        preferences from the document's context, not filters.
        """
        key = normalise_name(name)
        key2, hint = strip_generic(name)
        if not key:
            return []
        candidates = self._candidates(key, key2)
        if not candidates:
            return []
        cc = country_code.upper() if country_code else None
        ranked = self._rank(candidates, hint=hint, country_code=cc, admin1=admin1, spelling=_spelling(name), key=key)
        return [self._place(row) for row in ranked[:limit]]

    def loose_provinces(self, name: str) -> list[Place]:
        """Provinces whose name differs from ``name`` (its generic word left out) only in the vowels
        o/u and e/i or the spellings of ``_LOOSE_SPELLINGS``, which transliterations of Pashto, Dari and
        Arabic swap ("Zabol Province" = Zabul, "Kondoz" = Kunduz, "Jawzjan" = Jowzjan); empty when the
        very spelling names a province.
        For names asked as provinces that found none."""
        key = strip_generic(name)[0]
        if not key:
            return []
        if self._loose_admin1 is None:
            index: dict[str, set[str]] = {}
            for (known,) in self._query("SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place_rowid "
                                        "WHERE p.feature_code = 'ADM1'", ()):
                index.setdefault(_loose_key(known), set()).add(known)
            self._loose_admin1 = {k: frozenset(v) for k, v in index.items()}
        keys = self._loose_admin1.get(_loose_key(key), frozenset())
        if key in keys:
            return []
        rows = [row for k in sorted(keys) for _m, _n, row in self._candidates(k, k) if row[6] == "ADM1"]
        rows.sort(key=lambda row: (-row[11], row[0]))
        return [self._place(row) for row in dict((row[0], row) for row in rows).values()]

    def is_known(self, name: str) -> bool:
        """Whether any place is indexed under the name (cheap; many common words name a village somewhere)."""
        key = normalise_name(name)
        return bool(key) and self._known(key, strip_generic(name)[0])

    def get(self, geonameid: int) -> Place:
        """The place with this GeoNames id; ResolveError if the gazetteer has none."""
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE geonameid = ? ORDER BY tier LIMIT 1", (geonameid,))
        if not rows:
            raise ResolveError(f"no place with GeoNames id {geonameid}", where=str(self.path),
                               hint="ids of dateline's own places (UCDP, curated) are empty; look them up by name")
        return self._place(rows[0])

    def country(self, name_or_code: str) -> Place | None:
        """The country for an ISO alpha-2/alpha-3 code or a country name; None means "not a country name"."""
        text = name_or_code.strip()
        cc = text.upper() if len(text) == 2 and text.isalpha() else self._alpha3.get(text.upper())
        if cc and cc in self._countries and self._countries[cc][2] is not None:
            rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (self._countries[cc][2],))
            return self._place(rows[0]) if rows else None
        for place in self.lookup(text, limit=3):
            if place.is_country:
                return place
        return None

    def admin1_place(self, country_code: str, admin1: str) -> Place | None:
        """The province (ADM1) of a country by code ("14") or name ("Maysan"); None when the country has no such province."""
        cc = country_code.upper()
        for code_cc, code in sorted(self._admin1_codes(admin1, cc)):
            rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE id = "
                               "(SELECT place_rowid FROM admin1 WHERE country_code = ? AND admin1_code = ?)",
                               (code_cc, code))
            if rows:
                return self._place(rows[0])
        return None

    def populated_points(self, country_code: str) -> tuple[tuple[float, float, str | None], ...]:
        """(latitude, longitude, admin1) of every populated place of a country (for reverse lookups);
        read once per country and kept, as every reverse lookup of that country asks again."""
        code = country_code.upper()
        points = self._points.get(code)
        if points is None:
            points = self._points[code] = tuple(tuple(r) for r in self._query(
                "SELECT latitude, longitude, admin1 FROM places WHERE country_code = ? AND feature_class = 'P'",
                (code,)))
        return points

    def nearest_admin1(self, country_code: str, latitude: float, longitude: float) -> str | None:
        """The province of the country's populated place nearest to a point (None: no such place),
        as a coder reading a map would give it ("145 km north of Baghdad" is in Salah ad-Din)."""
        towns = [t for t in self.populated_points(country_code) if t[2]]
        if not towns:
            return None
        scale = math.cos(math.radians(latitude))
        return min(towns, key=lambda t: (t[0] - latitude) ** 2 + ((t[1] - longitude) * scale) ** 2)[2]

    def all_populated_points(self) -> list[tuple[float, float, str | None, str | None]]:
        """(latitude, longitude, country code, admin1) of every populated place in the world (for reverse lookups)."""
        return [tuple(r) for r in self._query(
            "SELECT latitude, longitude, country_code, admin1 FROM places WHERE feature_class = 'P'", ())]

    def country_name(self, country_code: str) -> str | None:
        """English name of a country code ("IQ" -> "Iraq"); None for an unknown code."""
        info = self._countries.get(country_code.upper())
        return info[1] if info else None
