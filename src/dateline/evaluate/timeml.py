"""Time expressions scored against TimeML gold (TempEval-3 TBAQ-cleaned and similar).

Matching follows the TempEval-3 task definitions (UzZaman et al. 2013):

* extraction, strict: a system span counts when it has exactly the gold span's offsets;
* extraction, relaxed: when it overlaps a gold span (each gold and system span used once);
* type and value accuracy: the share of relaxed matches whose attribute equals the gold one;
* value F1 end to end: P = matches with the right value / system spans,
  R = the same / gold spans (TempEval-3 "attribute F1");
* value accuracy on gold spans: each gold span's text normalised on its own (same publication
  date, same preceding narrative), so extraction errors do not count — the normaliser alone.
  dateparser is measured the same way on the same spans (RELATIVE_BASE = the document creation
  time, PREFER_DATES_FROM = past), so both figures come from one run.

Only the TIMEX3 elements inside <TEXT> are scored; the document creation time (DCT) is the
publication date. ``split`` picks a deterministic part of the documents by name (see
``in_split``) so that rules tuned on "train" are reported on "test".
"""

from __future__ import annotations

import html
import logging
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Sequence

from ..annotate.timex import Timex, find_timexes, normalise_span
from ..errors import ConfigError
from .registry import ScoreReport, scorer

if TYPE_CHECKING:
    from ..pipeline import Engine

log = logging.getLogger(__name__)

SPLITS = ("all", "train", "test")
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|[<&]")
_WEEK_PAD = re.compile(r"-W(\d)(?!\d)")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class GoldTimex:
    """One TIMEX3 of a TimeML document: offsets into the document's plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str


class SpanLike(Protocol):
    """What the scorer reads of a system time expression (our Timex, or another tagger's)."""

    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class TimeMLDocument:
    """The plain text inside <TEXT>, its creation date and its gold time expressions."""

    name: str
    text: str
    dct: str
    timexes: list[GoldTimex] = field(default_factory=list)


def in_split(name: str, split: str) -> bool:
    """Deterministic split by document name: CRC32 of the name mod 3 == 0 is "test" (about a third)."""
    if split == "all":
        return True
    is_test = zlib.crc32(name.encode("utf-8")) % 3 == 0
    return is_test if split == "test" else not is_test


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one .tml file: the text of <TEXT> with gold TIMEX3 offsets, and the DCT value."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    if dct is None:
        raise ConfigError("no <DCT> creation time", where=str(path), hint="is this a TimeML document?")
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body is None:
        raise ConfigError("no <TEXT> element", where=str(path), hint="is this a TimeML document?")
    out: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for token in _TOKEN.findall(body.group(1)):
        if token.startswith("<") and len(token) > 1:
            if token.startswith("<TIMEX3"):
                open_timex = (length, dict(_ATTR.findall(token)))
            elif token.startswith("</TIMEX3") and open_timex is not None:
                start, attrs = open_timex
                text = "".join(out)[start:]
                timexes.append(GoldTimex(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
                open_timex = None
            continue
        piece = html.unescape(token) if token.startswith("&") else token
        out.append(piece)
        length += len(piece)
    return TimeMLDocument(path.stem, "".join(out), dct.group(1), timexes)


def iter_gold(gold: Path, *, split: str = "all") -> list[TimeMLDocument]:
    """The TimeML documents of a file or folder (recursively), in name order, in the split."""
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}", hint="one of: " + ", ".join(SPLITS))
    paths = [gold] if gold.is_file() else sorted(gold.rglob("*.tml"), key=lambda p: p.name)
    if not paths:
        raise ConfigError("no .tml files", where=str(gold), hint="point --gold at a TimeML folder")
    return [read_timeml(p) for p in paths if in_split(p.stem, split)]


@dataclass
class _Tally:
    """Counts summed over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    gold_spans: dict[str, int] = field(default_factory=dict)  # "all"/"DATE" → count
    ours_ok: dict[str, int] = field(default_factory=dict)
    dateparser_ok: dict[str, int] = field(default_factory=dict)
    compatible_ok: dict[str, int] = field(default_factory=dict)  # right, or a sharper value than vague gold
    misses: list[str] = field(default_factory=list)


@scorer("timeml")
def score_timeml(gold: Path, *, engine: "Engine | None" = None, split: str = "all", show_errors: int = 0) -> ScoreReport:
    """Score time expressions: extraction, type and value, and dateparser beside us on gold spans."""
    documents = iter_gold(gold, split=split)
    baseline = _DateparserBaseline()
    tally = _Tally()
    for doc in documents:
        system = find_timexes(doc.text, doc.dct[:10])
        _score_extraction(doc, system, tally)
        _score_gold_spans(doc, system, tally, baseline)
    report = ScoreReport(kind="timeml", gold=f"{gold} (split={split})")
    report.metrics = {
        **_extraction_metrics(tally),
        "value_accuracy_gold_spans": _ratio(tally.ours_ok.get("all", 0), tally.gold_spans.get("all", 0)),
        "value_accuracy_gold_date_spans": _ratio(tally.ours_ok.get("DATE", 0), tally.gold_spans.get("DATE", 0)),
        # diagnostic, not TempEval-3: a value that refines an underspecified gold value ("1989-W43"
        # for gold "1989-WXX", "1968" for "1968-XX") also counts
        "value_accuracy_gold_spans_compatible": _ratio(tally.compatible_ok.get("all", 0), tally.gold_spans.get("all", 0)),
        "value_accuracy_gold_date_spans_compatible": _ratio(tally.compatible_ok.get("DATE", 0), tally.gold_spans.get("DATE", 0)),
        "dateparser_value_accuracy_gold_spans": _ratio(tally.dateparser_ok.get("all", 0), tally.gold_spans.get("all", 0)),
        "dateparser_value_accuracy_gold_date_spans": _ratio(tally.dateparser_ok.get("DATE", 0), tally.gold_spans.get("DATE", 0)),
    }
    report.counts = {"documents": len(documents), "gold": tally.gold, "system": tally.system, "relaxed_matches": tally.relaxed,
                     "gold_date_spans": tally.gold_spans.get("DATE", 0)}
    report.notes = tally.misses[:show_errors]
    return report


def score_system_spans(documents: Sequence[TimeMLDocument], systems: Sequence[Sequence[SpanLike]]) -> dict[str, float]:
    """Score any tagger's output (one list of spans per document) the way ``score_timeml`` does.

    Extraction, type, value accuracy on matches and value F1 are the same functions as above.
    "value accuracy on gold spans" cannot re-read a span with another tagger, so here each gold
    span takes the value of the first system span that overlaps it, and a gold span with none
    counts as wrong (``value_accuracy_gold_spans_overlap``; ``…_date_spans_overlap`` for DATE).
    """
    tally = _Tally()
    for doc, system in zip(documents, systems, strict=True):
        _score_extraction(doc, system, tally)
        for g in doc.timexes:
            hit = next((s for s in system if s.start < g.end and g.start < s.end), None)
            right = hit is not None and _same_value(hit.value, g.value)
            for key in ("all", g.type) if g.type == "DATE" else ("all",):
                tally.gold_spans[key] = tally.gold_spans.get(key, 0) + 1
                tally.ours_ok[key] = tally.ours_ok.get(key, 0) + right
    return {
        **_extraction_metrics(tally),
        "value_accuracy_gold_spans_overlap": _ratio(tally.ours_ok.get("all", 0), tally.gold_spans.get("all", 0)),
        "value_accuracy_gold_date_spans_overlap": _ratio(tally.ours_ok.get("DATE", 0), tally.gold_spans.get("DATE", 0)),
        "gold": tally.gold,
        "system": tally.system,
    }


def _extraction_metrics(tally: _Tally) -> dict[str, float]:
    """Strict and relaxed F1, type accuracy, value accuracy on matches and value F1 of a tally."""
    p, r = _ratio(tally.relaxed, tally.system), _ratio(tally.relaxed, tally.gold)
    sp, sr = _ratio(tally.strict, tally.system), _ratio(tally.strict, tally.gold)
    vp, vr = _ratio(tally.value_ok, tally.system), _ratio(tally.value_ok, tally.gold)
    return {
        "strict_f1": _f1(sp, sr),
        "relaxed_f1": _f1(p, r),
        "relaxed_precision": p,
        "relaxed_recall": r,
        "type_accuracy": _ratio(tally.type_ok, tally.relaxed),
        "value_accuracy_matched": _ratio(tally.value_ok, tally.relaxed),
        "value_f1": _f1(vp, vr),
    }


def _score_extraction(doc: TimeMLDocument, system: Sequence[SpanLike], tally: _Tally) -> None:
    tally.gold += len(doc.timexes)
    tally.system += len(system)
    used: set[int] = set()
    for g in doc.timexes:
        match = next((i for i, s in enumerate(system) if i not in used and s.start < g.end and g.start < s.end), None)
        if match is None:
            continue
        used.add(match)
        s = system[match]
        tally.relaxed += 1
        tally.strict += (s.start, s.end) == (g.start, g.end)
        tally.type_ok += s.type == g.type
        tally.value_ok += _same_value(s.value, g.value)


def _score_gold_spans(doc: TimeMLDocument, system: list[Timex], tally: _Tally, baseline: "_DateparserBaseline") -> None:
    anchor: Timex | None = None
    for g in doc.timexes:
        ours = normalise_span(doc.text, doc.dct[:10], start=g.start, end=g.end, anchor=anchor)
        theirs = baseline.value(g.text, doc.dct)
        for key in ("all", g.type) if g.type == "DATE" else ("all",):
            tally.gold_spans[key] = tally.gold_spans.get(key, 0) + 1
            tally.ours_ok[key] = tally.ours_ok.get(key, 0) + _same_value(ours.value if ours else "", g.value)
            tally.compatible_ok[key] = tally.compatible_ok.get(key, 0) + _compatible(ours.value if ours else "", g.value)
            tally.dateparser_ok[key] = tally.dateparser_ok.get(key, 0) + _same_value(theirs, g.value)
        if not _same_value(ours.value if ours else "", g.value):
            tally.misses.append(f"{doc.name} dct={doc.dct[:10]} {g.type} {g.text!r}: gold {g.value} ours {ours.value if ours else None}")
        if ours is not None and ours.is_calendar and ours.mod != "START" and ours.type in ("DATE", "TIME"):
            anchor = ours


def _same_value(system: str, gold: str) -> bool:
    """Equal TIMEX3 values; "1998-W7" and "1998-W07" are the same week (the corpus writes both)."""
    return _WEEK_PAD.sub(r"-W0\1", system.upper()) == _WEEK_PAD.sub(r"-W0\1", gold.upper())


_VAGUE_TAIL = re.compile(r"(?:-W?X+)+$")


def _compatible(system: str, gold: str) -> bool:
    """Equal, or gold leaves its tail unspecified and the system value agrees on the rest."""
    if _same_value(system, gold):
        return True
    known = _VAGUE_TAIL.sub("", gold.upper())
    if known == gold.upper() or "X" in known or not known:
        return False
    value = system.upper()
    return value == known or (value.startswith(known) and value[len(known)] == "-")


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


class _DateparserBaseline:
    """dateparser's value for a span, shaped as TIMEX3 at the granularity it reports."""

    def __init__(self) -> None:
        from dateparser.date import DateDataParser

        self._parsers: dict[str, Any] = {}
        self._cls = DateDataParser

    def value(self, text: str, dct: str) -> str:
        parser = self._parsers.get(dct)
        if parser is None:
            base = datetime.fromisoformat(dct[:19]) if len(dct) >= 10 else datetime(int(dct[:4]), 1, 1)
            parser = self._cls(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
            self._parsers = {dct: parser}  # documents come one at a time: keep one parser
        try:
            data = parser.get_date_data(text)
        except (ValueError, OverflowError, TypeError) as err:  # dateparser raises these on odd input
            log.debug("dateparser failed on %r: %s", text, err)
            return ""
        d = data.date_obj
        if d is None:
            return ""
        period = data.period or "day"
        if period == "year":
            return f"{d.year:04d}"
        if period == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if period == "week":
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}"
        if period == "time":
            return d.strftime("%Y-%m-%dT%H:%M")
        return d.date().isoformat()
