"""PITF Worldwide Atrocities: detection, deaths, injured and type, per description.

Each row's ``Description`` is one document, published on the row's start date. Matching:
a row is *detected* when dateline finds at least one counted event in it; its deaths and
injured are the sum over the incidents dateline forms from those events (so a total repeated
in a later sentence is not counted twice); its type is that of the deadliest event.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..ingest import document_from_text
from ..merge import document_counts
from ..models import Event
from .common import SPLITS, extract_all, in_split, load_engine, ratio
from .registry import ScoreReport, scorer

if TYPE_CHECKING:
    from ..pipeline import Engine

log = logging.getLogger(__name__)
HEADER_LINES = 3  # disclaimer, blank, column groups; the 4th line names the columns
# The leading columns are fixed (SOURCE.txt): start day/month/year, country, region, district,
# locality, then latitude and longitude as degrees, minutes, seconds, direction.
_DAY, _MONTH, _YEAR, _COUNTRY, _DISTRICT, _LOCALITY, _LAT, _LON = 3, 4, 5, 9, 11, 12, 13, 17


@dataclass(slots=True)
class PitfRow:
    key: str
    country: str
    text: str
    published: str | None
    deaths: int | None
    injured: int | None
    weapon: str
    latitude: float | None = None
    longitude: float | None = None
    district: str = ""
    locality: str = ""


def _int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def dms(degrees: str, minutes: str, seconds: str, direction: str) -> float | None:
    """Decimal degrees from PITF's degrees/minutes/seconds/direction cells; None when blank."""
    try:
        value = float(degrees) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    except ValueError:
        return None
    return -value if direction.strip().upper() in ("S", "W") else value


_TAG = re.compile(r"</?[A-Za-z][^<>]{0,40}>")


def _clean(text: str) -> str:
    # Some descriptions keep the markup of the page they were copied from ("<b>killed</b>").
    # ... and some a CSV escape's backslash in front of the text.
    text = _TAG.sub("", text.replace('\\"', '"')).strip().lstrip("\\")
    if text.startswith('"') and text.endswith('"') and text.count('"') % 2 == 0:
        text = text[1:-1]
    return " ".join(text.split())


def read_pitf(path: Path) -> list[PitfRow]:
    """Rows of a PITF file (tab-separated, 4 header lines; some rows carry stray tabs)."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    if len(lines) <= HEADER_LINES:
        raise ConfigError("not a PITF file: too few lines", where=str(path))
    header = [h.strip() for h in lines[HEADER_LINES].split("\t")]
    idx = {name: i for i, name in reversed(list(enumerate(header)))}
    if "Description" not in idx:
        raise ConfigError("not a PITF file: no Description column", where=str(path))
    rows = []
    for n, line in enumerate(lines[HEADER_LINES + 1 :], start=HEADER_LINES + 2):
        f = line.split("\t")
        if len(f) < len(header) - 2:
            continue  # a fragment of a row broken by a newline inside a field
        extra = len(f) - len(header)
        # Stray tabs sit inside the free-text part; the description is its longest field.
        desc_i = max(range(idx["Description"], idx["Description"] + max(extra, 0) + 1), key=lambda i: len(f[i]))
        day, month, year = f[_DAY].strip(), f[_MONTH].strip(), f[_YEAR].strip()
        published = f"{year}-{month.zfill(2)}-{day.zfill(2)}" if year.isdigit() and month.isdigit() and day.isdigit() and day != "99" else None
        rows.append(PitfRow(
            f"{path.name}:{n}", f[_COUNTRY].strip(), _clean(f[desc_i]), published,
            _cell_int(f, idx.get("Deaths Number")), _cell_int(f, idx.get("Injured Number")),
            f[idx["Weapons"]].strip() if "Weapons" in idx else "",
            dms(*f[_LAT : _LAT + 4]), dms(*f[_LON : _LON + 4]), f[_DISTRICT].strip(), f[_LOCALITY].strip(),
        ))
    return rows


def _cell_int(cells: list[str], index: int | None) -> int | None:
    return _int(cells[index]) if index is not None else None


def consistent_type(weapon: str, event: Event | None) -> bool:
    """Whether dateline's type agrees with PITF's weapon coding, as ACLED would code it."""
    if event is None:
        return False
    if weapon in ("Explosives", "Suicide Bombing"):
        return event.event_type == "Explosions/Remote violence"
    # ACLED codes deadly force by a state's forces against demonstrators as a protest event
    force_on_protesters = event.sub_event_type == "Excessive force against protesters"
    if weapon == "Heavy Weapons":  # shelling, air strikes, or a battle
        return event.event_type in ("Explosions/Remote violence", "Battles", "Violence against civilians") or force_on_protesters
    return event.event_type in ("Violence against civilians", "Battles") or force_on_protesters


def _score(rows: list[PitfRow], events: dict[str, list[Event]]) -> tuple[dict[str, float], dict[str, int]]:
    detected = deaths_ok = deaths_n = injured_ok = injured_n = type_ok = 0
    for row in rows:
        found = [e for e in events.get(row.key, []) if e.counted]
        detected += bool(found)
        deaths, injured = document_counts(found)
        if row.deaths is not None:
            deaths_n += 1
            deaths_ok += (deaths or 0) == row.deaths
        if row.injured is not None:
            injured_n += 1
            injured_ok += (injured or 0) == row.injured
        main = max(found, key=lambda e: (e.fatalities or 0, e.confidence), default=None)
        type_ok += consistent_type(row.weapon, main)
    metrics = {"detected": ratio(detected, len(rows)), "deaths_exact": ratio(deaths_ok, deaths_n),
               "injured_exact": ratio(injured_ok, injured_n), "type_consistent": ratio(type_ok, len(rows))}
    return metrics, {"rows": len(rows), "rows_with_deaths": deaths_n, "rows_with_injured": injured_n}


@scorer("pitf")
def score_pitf(gold: Path, *, engine: "Engine | None" = None, split: str = "all", limit: int | None = None) -> ScoreReport:
    """Score on a PITF file: Iraq rows and the other rows reported apart."""
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}", hint="all, dev or test")
    rows = [r for r in read_pitf(gold) if r.text and in_split(r.key, split)]
    rows = rows[:limit] if limit else rows
    engine = load_engine(engine)
    docs = [document_from_text(r.text, id=r.key, published=r.published) for r in rows]
    events = extract_all(engine, docs)
    report = ScoreReport("pitf", f"{gold} (split {split})")
    for name, subset in (("iraq", [r for r in rows if r.country == "IRQ"]), ("other", [r for r in rows if r.country != "IRQ"])):
        metrics, counts = _score(subset, events)
        report.metrics.update({f"{name}.{k}": v for k, v in metrics.items()})
        report.counts.update({f"{name}.{k}": v for k, v in counts.items()})
    report.notes.append("deaths/injured: rows whose PITF count is a number; the system count sums its incidents")
    return report
