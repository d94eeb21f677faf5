"""Event placement against UCDP GED Iraq: the place dateline gives the event its headlines report.

``dateline evaluate --kind ucdpevents --gold conflict_data_irq.csv [--split test]``

UCDP codes every event with a point, a province (``adm_1``) and a ``where_prec`` (1 exact place,
2 within 25 km, 3 district, 4 province, 5 part of the country, 6 the country, 7 international
waters). About half of the rows keep the headlines of the articles they were coded from
(``source_headline``, several joined by ";"). Each such row becomes one document of its headlines
(one paragraph each, dated by ``source_date``), runs through the real pipeline, and the incident's
place — the most precise place among its events, as for PITF — is compared with the coding:

- ``placed``: share of rows where an event got a place at all;
- ``within_25km``: rows coded ``where_prec`` 1-2, our point within 25 km of theirs;
- ``admin1_right``: rows coded 1-4 (UCDP names the province), our province is theirs;
- ``where_prec_exact`` / ``where_prec_within1``: our ``where_prec`` equals theirs (or is one step
  away), over all rows with a place;
- ``country_level_agree``: of the rows UCDP could only place at the country (6), the share where we
  also say no more than the country (a finer answer there is a guess the headline does not support).

Headlines are short and often name no town ("Iraq attack on Shiite hall kills 15"), so these
numbers measure what a headline alone allows; they are reported, not targets. The gazetteer ships
names derived from this file (``data/iraq_places_ucdp.tsv``), so a town UCDP names is known.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..errors import ConfigError
from ..geo.distance import distance_km
from .common import SPLITS, in_split, load_engine, ratio
from .registry import ScoreReport, scorer

if TYPE_CHECKING:
    from ..models import Event
    from ..pipeline import Engine

_NEEDED = {"id", "source_headline", "source_date", "where_prec", "adm_1", "latitude", "longitude"}


@dataclass(frozen=True, slots=True)
class UcdpHeadlineRow:
    """One coded UCDP event with the headlines it was coded from."""

    key: str
    headlines: tuple[str, ...]
    published: str | None
    where_prec: int
    admin1: str | None  # UCDP's province name without " province"
    latitude: float
    longitude: float


def read_headline_rows(gold: Path) -> Iterator[UcdpHeadlineRow]:
    """UCDP GED rows that keep at least one headline (the HXL tag row and empty headlines skipped)."""
    try:
        handle = open(gold, encoding="utf-8", newline="")
    except OSError as exc:
        raise ConfigError(f"cannot read UCDP file: {exc.strerror}", where=str(gold)) from exc
    with handle:
        reader = csv.DictReader(handle)
        if not _NEEDED <= set(reader.fieldnames or ()):
            raise ConfigError("not a UCDP GED CSV with headlines", where=str(gold),
                              hint="needs columns " + ", ".join(sorted(_NEEDED)))
        for row in reader:
            headlines = tuple(h.strip() for h in row["source_headline"].split(";") if len(h.strip()) > 3)
            if not headlines or not row["where_prec"].isdigit() or not row["latitude"]:
                continue
            admin1 = row["adm_1"].removesuffix(" province").strip() or None
            yield UcdpHeadlineRow(key=f"ucdp:{row['id']}", headlines=headlines,
                                  published=row["source_date"][:10] or None, where_prec=int(row["where_prec"]),
                                  admin1=admin1, latitude=float(row["latitude"]), longitude=float(row["longitude"]))


def incident_place(events: list["Event"]) -> "Event | None":
    """The event whose place is the most precise (UCDP's ``where_prec``, then ACLED's), or None."""
    placed = [e for e in events if e.latitude is not None and e.longitude is not None]
    return min(placed, key=lambda e: (e.where_prec or 7, e.geo_precision or 3)) if placed else None


def _sentence(headline: str) -> str:
    return headline if headline[-1] in ".!?" else headline + "."


@scorer("ucdpevents")
def score_ucdp_events(gold: Path, *, engine: "Engine | None" = None, split: str = "all",
                      show_misses: bool = False) -> ScoreReport:
    """Where dateline places the events of UCDP's headlines, against UCDP's coded point, province and precision.

    ``split``: the fixed dev/test halves by row id (:func:`in_split`); ``show_misses`` adds a note per
    row placed more than 25 km away or in another province.
    """
    from ..geo.gazetteer import Gazetteer
    from ..ingest.plaintext import document_from_text

    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}", where="ucdpevents", hint="all, dev or test")
    engine = load_engine(engine)
    gaz = engine.extractor.gazetteer or Gazetteer.default()
    rows = [r for r in read_headline_rows(gold) if in_split(r.key, split)]
    # each headline a sentence of its own paragraph: a full stop keeps the reader from taking the first
    # one for the document's title, which is not read for events
    documents = [document_from_text("\n\n".join(_sentence(h) for h in r.headlines), id=r.key,
                                    title=f"UCDP GED {r.key}", published=r.published) for r in rows]
    placed = near_rows = near = a1_rows = a1_right = prec_exact = prec_near = country_rows = country_agree = 0
    misses: list[str] = []
    for row, (_doc, result) in zip(rows, engine.extract(documents)):
        event = incident_place(result if isinstance(result, list) else [])
        gold_a1 = gaz.admin1_place("IQ", row.admin1) if row.admin1 and row.where_prec <= 4 else None
        near_rows += int(row.where_prec <= 2)
        a1_rows += int(gold_a1 is not None)
        country_rows += int(row.where_prec == 6)
        if event is None:
            continue
        placed += 1
        ours = event.where_prec or 7
        prec_exact += int(ours == row.where_prec)
        prec_near += int(abs(ours - row.where_prec) <= 1)
        country_agree += int(row.where_prec == 6 and ours >= 6)
        err = distance_km(row.latitude, row.longitude, event.latitude, event.longitude)
        near += int(row.where_prec <= 2 and err <= 25)
        a1_right += int(gold_a1 is not None and event.admin1 == gold_a1.admin1)
        if show_misses and ((row.where_prec <= 2 and err > 25) or (gold_a1 and event.admin1 != gold_a1.admin1)):
            misses.append(f"{row.key}: coded {row.admin1} prec {row.where_prec}; got {event.location!r} in "
                          f"{event.admin1} prec {ours}, {err:.0f} km ({event.place_reason}); "
                          f"{' | '.join(row.headlines)[:300]}")
    report = ScoreReport("ucdpevents", f"{gold} (split {split})")
    report.metrics.update(placed=ratio(placed, len(rows)), within_25km=ratio(near, near_rows),
                          admin1_right=ratio(a1_right, a1_rows), where_prec_exact=ratio(prec_exact, placed),
                          where_prec_within1=ratio(prec_near, placed),
                          country_level_agree=ratio(country_agree, country_rows))
    report.counts.update(rows=len(rows), placed=placed, rows_prec_1_2=near_rows, rows_with_province=a1_rows,
                         rows_country_only=country_rows)
    report.notes.append("headlines only (UCDP keeps no article text); a row without a placed event counts "
                        "against 'placed' and against within_25km / admin1_right; reported, no target")
    if show_misses:
        report.notes.extend(f"miss {m}" for m in misses)
    return report
