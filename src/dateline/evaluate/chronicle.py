"""The chronicle an analyst sees, scored against hand-coded reports (chronicle-dev's ``gold.jsonl``).

A pure scorer over plain dict records: no NLP, no store. ``bench/chronicle.py`` runs the real
pipeline and hands the records over; this module only compares.

Per document, the records a user is shown by default (``kind`` "event", none of ``negated``,
``hypothetical``, ``future``, ``background`` set) are matched one-to-one to the gold EVENT lines of
that document. A (record, gold line) pair is *allowed* when

- the dates are compatible: the gold day lies within one day of the record's date range (a gold
  ``YYYY-MM`` or ``YYYY`` means that whole month or year);
- the types are compatible: the same ``event_type``, or both among the three kinds of political
  violence (Battles, Explosions/Remote violence, Violence against civilians), which reports of one
  attack often code differently;
- the places are compatible: within 50 km, or the same province, or the same country where the
  gold place is the country (or a phrase without coordinates).

Among allowed pairs the matching takes as many pairs as possible, then the best-agreeing ones
(:func:`pair_score`: fields right, closeness, and how much of the gold's evidence quote the record's
sentence contains), so a restatement loses to the sentence the coder quoted. Every shown record
then falls in one class:

- *true positive*: matched to a gold event line (background or not);
- *duplicate*: unmatched, and its best allowed gold line is an event already matched (a restatement);
- *aggregate shown as event*: unmatched, and its best allowed gold line is an aggregate;
- *false positive*: no allowed gold line at all.

Fields are judged on the matched pairs (:func:`field_results`); *strict precision* is the share of
shown records that are matched with every field right. Across documents, the records of one store
(each naming its documents through ``mentions``) are assigned to the gold incident ids they match,
giving records per real incident and the store's fatalities against the gold's.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..errors import ConfigError
from ..geo.distance import distance_km
from ..models import VIOLENT_TYPES
from ..query import parse_date_range
from ..resolve.names import normalise_name
from .common import in_split, ratio

__all__ = [
    "ChronicleScore",
    "DocumentScore",
    "FIELDS",
    "GoldLine",
    "PlaceNames",
    "RecordResult",
    "SPLITS",
    "actor_key",
    "field_results",
    "is_shown",
    "load_gold",
    "pair_allowed",
    "pair_score",
    "score",
    "split_of",
]

SPLITS = ("all", "a", "b")
# The fields judged on matched pairs; strict precision needs every one right.
FIELDS = ("actor1", "actor2", "event_type", "sub_event_type", "date", "place", "fatalities")
MATCH_KM = 50.0  # a pair is allowed within this distance
PLACE_RIGHT_KM = 25.0  # the place field is right within this distance
DATE_SLACK = timedelta(days=1)
_FLAGS = ("negated", "hypothetical", "future", "background")
# ACLED's period suffix of state forces: "Military Forces of Iraq (2004-2005)", "(2001-)"
_PERIOD = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)\s*$")
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------------------------------- gold


@dataclass(frozen=True, slots=True)
class GoldLine:
    """One line of ``gold.jsonl``: an event or an aggregate as a coder reads it in one document."""

    doc: str
    incident: str
    kind: str  # "event" or "aggregate"
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    location: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    background: bool
    evidence: str

    @property
    def is_event(self) -> bool:
        return self.kind == "event"

    @property
    def is_country_level(self) -> bool:
        """The gold place is a whole country (no province, the location is the country's name)."""
        return self.admin1 is None and _same_text(self.location, self.country)

    @property
    def is_province(self) -> bool:
        """The gold location is a province (its name is the province's)."""
        return self.admin1 is not None and _same_text(self.location, self.admin1)


_GOLD_KEYS = tuple(f.name for f in fields(GoldLine))


def load_gold(path: Path | str) -> list[GoldLine]:
    """The gold lines of a ``gold.jsonl`` file, in file order; a bad line is a ConfigError naming it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read chronicle gold: {exc.strerror}", where=str(path)) from exc
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"not a JSON object ({exc.msg})", where=where) from None
        if not isinstance(row, dict):
            raise ConfigError("not a JSON object", where=where)
        missing = [k for k in _GOLD_KEYS if k not in row]
        if missing:
            raise ConfigError(f"gold line lacks {', '.join(missing)}", where=where,
                              hint="see the schema in chronicle-dev/README.md")
        if row["kind"] not in ("event", "aggregate"):
            raise ConfigError(f"kind {row['kind']!r} is neither 'event' nor 'aggregate'", where=where)
        if _span(row["date"]) is None:
            raise ConfigError(f"date {row['date']!r} is not YYYY-MM-DD, YYYY-MM or YYYY", where=where)
        lines.append(GoldLine(**{k: row[k] for k in _GOLD_KEYS}))
    return lines


def split_of(doc: str) -> str:
    """The stable half ("a" or "b") of a document, by sha1 of its file name."""
    return "a" if in_split(Path(doc).name, "dev") else "b"


def _in(doc: str, split: str) -> bool:
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}", where="chronicle", hint="all, a or b")
    return split == "all" or split_of(doc) == split


# --------------------------------------------------------------------------------- place names


@dataclass(frozen=True)
class PlaceNames:
    """How country and province names are compared: each reduced to a key.

    ``plain()`` folds spelling ("Al Anbar" = "Anbar"); ``from_gazetteer`` asks the gazetteer, so
    "Palestine" meets "Palestinian Territory" and "Ninewa" meets "Ninawa".
    """

    country: Callable[[str], str]
    admin1: Callable[[str, str], str]  # (country key, province name) -> key

    @classmethod
    def plain(cls) -> "PlaceNames":
        return cls(country=_fold, admin1=lambda country, name: f"{country}:{_fold(name)}")

    @classmethod
    def from_gazetteer(cls, gazetteer: Any) -> "PlaceNames":
        """Keys by the gazetteer's own names: a country's ISO code, a province's canonical name."""
        countries: dict[str, str] = {}
        provinces: dict[tuple[str, str], str] = {}

        def country(name: str) -> str:
            if name not in countries:
                place = gazetteer.country(name)
                countries[name] = place.country_code if place is not None and place.country_code else _fold(name)
            return countries[name]

        def admin1(country_key: str, name: str) -> str:
            if (country_key, name) not in provinces:
                place = gazetteer.admin1_place(country_key, name) if len(country_key) == 2 else None
                canonical = place.admin1 if place is not None and place.admin1 else name
                provinces[country_key, name] = f"{country_key}:{_fold(canonical)}"
            return provinces[country_key, name]

        return cls(country=country, admin1=admin1)


def _fold(name: str) -> str:
    return normalise_name(name) or name.casefold().strip()


def _same_text(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and _fold(a) == _fold(b)


# ----------------------------------------------------------------------------------- one pair


def is_shown(record: Mapping[str, Any]) -> bool:
    """Whether a user is shown the record by default: an event, none of the flags set."""
    return record.get("kind", "event") == "event" and not any(record.get(flag) for flag in _FLAGS)


def _span(value: str | None) -> tuple[date, date] | None:
    if not value:
        return None
    try:
        start, end = parse_date_range(str(value)[:10])
    except ConfigError:
        return None
    return date.fromisoformat(start), date.fromisoformat(end)


def _record_span(record: Mapping[str, Any]) -> tuple[date, date] | None:
    first, last = _span(record.get("date_start")), _span(record.get("date_end") or record.get("date_start"))
    if first is None or last is None:
        return None
    return first[0], max(first[1], last[1])


def _distance(record: Mapping[str, Any], gold: GoldLine) -> float | None:
    lat, lon = record.get("latitude"), record.get("longitude")
    if lat is None or lon is None or gold.lat is None or gold.lon is None:
        return None
    return distance_km(float(lat), float(lon), gold.lat, gold.lon)


def _country_key(value: str | None, names: PlaceNames) -> str | None:
    return names.country(value) if value else None


def _same_country(record: Mapping[str, Any], gold: GoldLine, names: PlaceNames) -> bool:
    ours = _country_key(record.get("country"), names)
    return ours is not None and ours == _country_key(gold.country, names)


def _same_admin1(record: Mapping[str, Any], gold: GoldLine, names: PlaceNames) -> bool:
    if not record.get("admin1") or not gold.admin1 or not _same_country(record, gold, names):
        return False
    country = _country_key(gold.country, names) or ""
    return names.admin1(country, record["admin1"]) == names.admin1(country, gold.admin1)


def _named_in_phrase(record: Mapping[str, Any], gold: GoldLine) -> bool:
    """The record's country or place is one of the places a coordinate-less gold phrase lists
    ("Iran and Iraq", "Mosul, Baiji and Tuz")."""
    words = {_fold(w) for w in re.split(r",|\band\b|\bor\b", gold.location or "") if w.strip()}
    return any(record.get(k) and _fold(record[k]) in words for k in ("country", "admin1", "location"))


def pair_allowed(record: Mapping[str, Any], gold: GoldLine, *, names: PlaceNames | None = None) -> bool:
    """Whether a record may be matched to a gold line: compatible date, type and place."""
    names = names or PlaceNames.plain()
    ours, theirs = _record_span(record), _span(gold.date)
    if ours is None or theirs is None or ours[0] - DATE_SLACK > theirs[1] or theirs[0] > ours[1] + DATE_SLACK:
        return False
    kind = record.get("event_type")
    if kind != gold.event_type and not (kind in VIOLENT_TYPES and gold.event_type in VIOLENT_TYPES):
        return False
    km = _distance(record, gold)
    if km is not None and km <= MATCH_KM:
        return True
    if _same_admin1(record, gold, names):
        return True
    if gold.lat is None or gold.lon is None:
        return _same_country(record, gold, names) or _named_in_phrase(record, gold)
    return gold.is_country_level and _same_country(record, gold, names)


def actor_key(name: str | None) -> str | None:
    """An actor name compared without case or ACLED's period suffix; empty is None."""
    if name is None:
        return None
    key = " ".join(_PERIOD.sub("", name).casefold().split())
    return key or None


def _fatalities_right(value: Any, gold: GoldLine) -> bool:
    if value is None:
        return gold.fatalities is None
    if value == gold.fatalities:
        return True
    low, high = gold.fatalities_low, gold.fatalities_high
    return low is not None and high is not None and low <= value <= high


def _place_right(record: Mapping[str, Any], gold: GoldLine, names: PlaceNames) -> bool:
    km = _distance(record, gold)
    if km is not None and km <= PLACE_RIGHT_KM:
        return True
    if gold.is_province and _same_admin1(record, gold, names):
        return True
    return (gold.is_country_level or gold.lat is None) and _same_country(record, gold, names)


def field_results(record: Mapping[str, Any], gold: GoldLine, *, names: PlaceNames | None = None) -> dict[str, bool]:
    """Each judged field of a matched pair: right (True) or wrong (False)."""
    names = names or PlaceNames.plain()
    start = str(record.get("date_start") or "")
    return {
        "actor1": actor_key(record.get("actor1")) == actor_key(gold.actor1),
        "actor2": actor_key(record.get("actor2")) == actor_key(gold.actor2),
        "event_type": record.get("event_type") == gold.event_type,
        "sub_event_type": record.get("sub_event_type") == gold.sub_event_type,
        "date": start[: len(gold.date)] == gold.date,
        "place": _place_right(record, gold, names),
        "fatalities": _fatalities_right(record.get("fatalities"), gold),
    }


def _evidence_overlap(record: Mapping[str, Any], gold: GoldLine) -> float:
    """Share of the gold quote's words that the record's evidence contains (0-1)."""
    quote = set(_WORD.findall(gold.evidence.casefold()))
    ours = set(_WORD.findall(str(record.get("evidence_text") or "").casefold()))
    return len(quote & ours) / len(quote) if quote else 0.0


def pair_score(record: Mapping[str, Any], gold: GoldLine, *, names: PlaceNames | None = None) -> float:
    """How well an allowed pair agrees (0 to 8): fields right, closeness, the quoted sentence.

    Used to choose among allowed pairs, never to allow one.
    """
    names = names or PlaceNames.plain()
    right = field_results(record, gold, names=names)
    km = _distance(record, gold)
    closeness = max(0.0, 1.0 - km / MATCH_KM) if km is not None else 0.0
    return (sum(right.values()) * 0.5 + 0.5 * right["date"] + 0.5 * right["sub_event_type"]
            + 0.5 * closeness + 2.0 * _evidence_overlap(record, gold))


_MAX_PAIR_SCORE = 8.0


# ------------------------------------------------------------------------------------ matching


@dataclass(slots=True)
class _Pairs:
    """Every allowed (record, gold line) pair of one document with its score."""

    scores: dict[tuple[int, int], float]

    @classmethod
    def of(cls, records: Sequence[Mapping[str, Any]], lines: Sequence[GoldLine], names: PlaceNames) -> "_Pairs":
        return cls({(i, j): pair_score(r, g, names=names)
                    for i, r in enumerate(records) for j, g in enumerate(lines) if pair_allowed(r, g, names=names)})

    def best(self, i: int, columns: Iterable[int]) -> int | None:
        """The best allowed gold line for record i among the columns (ties: the earlier line)."""
        options = [(self.scores[i, j], -j) for j in columns if (i, j) in self.scores]
        return -max(options)[1] if options else None


def _assign(pairs: _Pairs, rows: Sequence[int], columns: Sequence[int]) -> dict[int, int]:
    """One-to-one: as many allowed pairs as possible, then the highest total score; row -> column."""
    allowed = [(i, j) for i in rows for j in columns if (i, j) in pairs.scores]
    if not allowed:
        return {}
    row_at = {i: n for n, i in enumerate(rows)}
    col_at = {j: n for n, j in enumerate(columns)}
    # each allowed pair outweighs any sum of scores, so the size of the matching comes first
    big = (min(len(rows), len(columns)) + 1) * _MAX_PAIR_SCORE
    weights = np.zeros((len(rows), len(columns)))
    for i, j in allowed:
        weights[row_at[i], col_at[j]] = big + pairs.scores[i, j]
    chosen = linear_sum_assignment(weights, maximize=True)
    return {rows[r]: columns[c] for r, c in zip(*chosen) if weights[r, c] > 0}


# ------------------------------------------------------------------------------------- results


@dataclass(slots=True)
class RecordResult:
    """What became of one shown record: its class, the gold incident it went to, wrong fields."""

    evidence: str
    verdict: str  # true_positive, duplicate, aggregate, false_positive
    incident: str | None = None
    wrong: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DocumentScore:
    """The counts of one document (names as in :class:`ChronicleScore` counts)."""

    doc: str
    counts: dict[str, int] = field(default_factory=dict)
    records: list[RecordResult] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)  # current gold events no shown record matched

    @property
    def errors(self) -> int:
        c = self.counts
        return c["false_positives"] + c["duplicates"] + c["aggregates_shown"] + c["gold_current"] - c["matched_current"]

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "split": split_of(self.doc), "errors": self.errors, "counts": self.counts,
                "records": [asdict(r) for r in self.records], "missed": self.missed}


@dataclass
class ChronicleScore:
    """Counts summed over documents, the measures derived from them, and each document's detail."""

    split: str
    counts: dict[str, int] = field(default_factory=dict)
    documents: list[DocumentScore] = field(default_factory=list)
    has_kinds: bool = False  # the records said event or aggregate themselves
    has_store: bool = False

    @property
    def metrics(self) -> dict[str, float]:
        c = Counter(self.counts)  # a split without documents has no counts: every measure 0
        out = {
            "precision": ratio(c["true_positives"], c["shown"]),
            "recall": ratio(c["matched_current"], c["gold_current"]),
            "strict_precision": ratio(c["strict_right"], c["shown"]),
            "duplicate_share": ratio(c["duplicates"], c["shown"]),
            "aggregates_shown": c["aggregates_shown"],  # a count: the target is none
            "false_positive_share": ratio(c["false_positives"], c["shown"]),
            "fatalities_ratio": ratio(c["fatalities_shown"], c["fatalities_gold"]),
            "background_recall": ratio(c["background_matched"], c["gold_background"]),
        }
        for name in FIELDS:
            out[f"{name}_right"] = ratio(c[f"{name}_right"], c["true_positives"])
        out["actors_right"] = ratio(c["actors_right"], c["true_positives"])
        if self.has_kinds:
            out["aggregate_recall"] = ratio(c["aggregates_matched"], c["gold_aggregates"])
        if self.has_store:
            out["records_per_incident"] = ratio(c["store_matched_records"], c["store_incidents"])
            out["store_fatalities_ratio"] = ratio(c["store_fatalities"], c["store_fatalities_gold"])
        return out

    def worst(self, n: int = 5) -> list[DocumentScore]:
        """The documents with the most errors (false positives, duplicates, aggregates, misses)."""
        return sorted((d for d in self.documents if d.errors), key=lambda d: (-d.errors, d.doc))[:n]

    def to_dict(self) -> dict[str, Any]:
        return {"split": self.split, "metrics": self.metrics, "counts": self.counts,
                "documents": [d.to_dict() for d in self.documents]}


def _fatalities(record: Mapping[str, Any]) -> int:
    value = record.get("fatalities")
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _score_document(doc: str, records: Sequence[Mapping[str, Any]], lines: Sequence[GoldLine],
                    names: PlaceNames) -> DocumentScore:
    pairs = _Pairs.of(records, lines, names)
    shown = [i for i, r in enumerate(records) if is_shown(r)]
    events = [j for j, g in enumerate(lines) if g.is_event]
    current = [j for j in events if not lines[j].background]
    matched = _assign(pairs, shown, events)
    counts = dict.fromkeys(("shown", "true_positives", "duplicates", "aggregates_shown", "false_positives",
                            "strict_right", "actors_right", *(f"{n}_right" for n in FIELDS)), 0)
    result = DocumentScore(doc, counts)
    for i in shown:
        record, evidence = records[i], " ".join(str(records[i].get("evidence_text") or "").split())[:160]
        counts["shown"] += 1
        if i in matched:
            gold = lines[matched[i]]
            right = field_results(record, gold, names=names)
            counts["true_positives"] += 1
            for name, ok in right.items():
                counts[f"{name}_right"] += ok
            counts["actors_right"] += right["actor1"] and right["actor2"]
            counts["strict_right"] += all(right.values())
            result.records.append(RecordResult(evidence, "true_positive", gold.incident,
                                               [n for n, ok in right.items() if not ok]))
            continue
        best = pairs.best(i, range(len(lines)))
        verdict = ("false_positive" if best is None else "duplicate" if lines[best].is_event else "aggregate")
        counts[{"false_positive": "false_positives", "duplicate": "duplicates",
                "aggregate": "aggregates_shown"}[verdict]] += 1
        result.records.append(RecordResult(evidence, verdict, None if best is None else lines[best].incident))
    hit = set(matched.values())
    counts["gold_events"] = len(events)
    counts["gold_current"] = len(current)
    counts["matched_current"] = sum(j in hit for j in current)
    result.missed = [lines[j].incident for j in current if j not in hit]
    counts["fatalities_shown"] = sum(_fatalities(records[i]) for i in shown)
    counts["fatalities_gold"] = sum(lines[j].fatalities or 0 for j in current)
    counts.update(_flag_counts(records, lines, pairs))
    return result


def _flag_counts(records: Sequence[Mapping[str, Any]], lines: Sequence[GoldLine], pairs: _Pairs) -> dict[str, int]:
    """Background recall (shown or background-flagged records against every gold event) and
    aggregate recall (aggregate records against gold aggregates)."""
    told = [i for i, r in enumerate(records)
            if r.get("kind", "event") == "event" and not any(r.get(f) for f in ("negated", "hypothetical", "future"))]
    events = [j for j, g in enumerate(lines) if g.is_event]
    background = {j for j in events if lines[j].background}
    aggregates = [j for j, g in enumerate(lines) if not g.is_event]
    told_matched = _assign(pairs, told, events)
    flagged = {i: j for i, j in told_matched.items() if records[i].get("background")}
    summary = _assign(pairs, [i for i, r in enumerate(records) if r.get("kind") == "aggregate"], aggregates)
    return {
        "gold_background": len(background),
        "background_matched": sum(j in background for j in told_matched.values()),
        "background_flagged_matched": len(flagged),
        "background_flagged_right": sum(j in background for j in flagged.values()),
        "gold_aggregates": len(aggregates),
        "aggregates_matched": len(summary),
    }


# ------------------------------------------------------------------------------- across reports


def _store_counts(gold: Sequence[GoldLine], records: Sequence[Mapping[str, Any]], names: PlaceNames,
                  split: str) -> dict[str, int]:
    """Records per real incident and fatalities, for one store holding every document."""
    by_doc: dict[str, list[GoldLine]] = {}
    for line in gold:
        by_doc.setdefault(line.doc, []).append(line)
    per_incident: dict[str, int] = {}
    shown = matched = fatalities = 0
    for record in records:
        docs = sorted({str(m.get("document_id")) for m in record.get("mentions") or ()
                       if m.get("document_id") and _in(str(m["document_id"]), split)})
        if not docs or not is_shown(record):
            continue
        shown += 1
        fatalities += _fatalities(record)
        options = [(pair_score(record, g, names=names), -n, g.incident)
                   for n, g in enumerate(line for d in docs for line in by_doc.get(d, ()))
                   if pair_allowed(record, g, names=names)]
        if options:
            matched += 1
            incident = max(options)[2]
            per_incident[incident] = per_incident.get(incident, 0) + 1
    gold_deaths: dict[str, int] = {}
    for line in gold:
        if line.is_event and not line.background:
            gold_deaths[line.incident] = max(gold_deaths.get(line.incident, 0), line.fatalities or 0)
    return {"store_records": shown, "store_matched_records": matched, "store_incidents": len(per_incident),
            "store_incidents_split": sum(n > 1 for n in per_incident.values()),
            "store_fatalities": fatalities, "store_fatalities_gold": sum(gold_deaths.values())}


# ------------------------------------------------------------------------------------ the score


def score(gold: Sequence[GoldLine], shown_by_doc: Mapping[str, Sequence[Mapping[str, Any]]],
          store_records: Sequence[Mapping[str, Any]] | None = None, *, split: str = "all",
          names: PlaceNames | None = None) -> ChronicleScore:
    """Score each document's records (``shown_by_doc``: file name -> records) against the gold.

    The records are all a document yields (flagged ones and aggregates too); the scorer picks
    those shown by default (:func:`is_shown`) and uses the others for background and aggregate recall.

    ``store_records``: what one store holding every document shows, each record naming its
    documents (by file name) in ``mentions``. ``split``: "all", or the half "a" or "b"
    (:func:`split_of`). ``names``: how place names compare (default :meth:`PlaceNames.plain`).
    """
    names = names or PlaceNames.plain()
    gold = [g for g in gold if _in(g.doc, split)]
    by_doc: dict[str, list[GoldLine]] = {}
    for line in gold:
        by_doc.setdefault(line.doc, []).append(line)
    docs = sorted({d for d in shown_by_doc if _in(d, split)} | set(by_doc))
    result = ChronicleScore(split, has_kinds=any("kind" in r for rs in shown_by_doc.values() for r in rs),
                            has_store=store_records is not None)
    totals: dict[str, int] = {}
    for doc in docs:
        scored = _score_document(doc, list(shown_by_doc.get(doc, ())), by_doc.get(doc, []), names)
        result.documents.append(scored)
        for key, value in scored.counts.items():
            totals[key] = totals.get(key, 0) + value
    totals["documents"] = len(docs)
    if store_records is not None:
        totals.update(_store_counts(gold, store_records, names, split))
    result.counts = totals
    return result
