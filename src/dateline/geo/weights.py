"""The place ranker's table of features, vetoes and drops, read from ``data/place_weights.yaml``.

Each row has a name, a weight, a kind, a one-line reason and where the value came from (see the
file's header). :class:`Weights` holds the points the ranker adds; :func:`weight_rows` the whole
table (cached: read once per process); :func:`markdown_table` the table docs/places.md shows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from ..config import package_data
from ..errors import DatelineError

__all__ = ["DEFAULT_WEIGHTS", "HAND_WEIGHTS", "KINDS", "SEARCHED_WEIGHTS", "WEIGHTS_FILE", "WeightRow", "Weights",
           "drop_rows", "markdown_table", "read_rows", "weight_rows"]

WEIGHTS_FILE = "place_weights.yaml"
KINDS = ("feature", "veto", "prior", "vote", "drop")


@dataclass(frozen=True, slots=True)
class Weights:
    """The points of each ranking part (rows of ``data/place_weights.yaml`` other than drops).

    ``DEFAULT_WEIGHTS`` holds the file's values; ``dataclasses.replace(DEFAULT_WEIGHTS, ...)`` gives
    another set (``bench/fit_place_weights.py`` searches them)."""

    rank: float
    importance: float
    kind_named: float
    country_name: float
    doc_country: float
    named_country: float
    domain_country: float
    doc_province: float
    near_50: float
    near_200: float
    outlet_town: float
    story_province: float
    home: float
    home_alone: float
    province_twin: float
    named_province: float
    named_province_hamlet: float
    support_each: float
    support_cap: float
    named_county: float
    colocated_each: float
    colocated_cap: float
    alias_only: float
    alias_abroad: float
    district_of_town: float
    county_of_province: float
    county_listed: float
    home_country: float
    domain_vote: float
    imp_country: float
    imp_province: float
    imp_province_decade: float
    imp_town_decade: float
    imp_event_place: float
    imp_hamlet: float
    imp_district: float
    imp_region: float
    imp_other: float


@dataclass(frozen=True, slots=True)
class WeightRow:
    """One row of the table."""

    name: str
    kind: str
    reason: str
    source: str
    weight: float | None = None  # None for a drop
    searched: float | None = None  # the coordinate search's value, not adopted
    hand: float | None = None  # the first hand-set points' value, when it differs


@functools.lru_cache(maxsize=1)
def weight_rows() -> tuple[WeightRow, ...]:
    """The rows of ``data/place_weights.yaml`` (read once per process)."""
    return read_rows(package_data(WEIGHTS_FILE))


def read_rows(path: Path) -> tuple[WeightRow, ...]:
    """The rows of a weights file, checked: known kinds, one row per name, a weight for every kind but
    drops, and exactly the fields of :class:`Weights`; a bad file raises one clear DatelineError."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise DatelineError(f"cannot read {path}: {err}") from err
    rows: list[WeightRow] = []
    for i, item in enumerate(raw.get("rows") or []):
        where = f"{path.name} row {i + 1}"
        if not isinstance(item, dict) or not {"name", "kind", "reason", "source"} <= item.keys():
            raise DatelineError(f"{where}: needs name, kind, reason and source")
        unknown = item.keys() - {"name", "kind", "reason", "source", "weight", "searched", "hand"}
        if unknown:
            raise DatelineError(f"{where} ({item['name']}): unknown keys {sorted(unknown)}")
        if item["kind"] not in KINDS:
            raise DatelineError(f"{where} ({item['name']}): kind must be one of {', '.join(KINDS)}")
        if (item["kind"] == "drop") != (item.get("weight") is None):
            raise DatelineError(f"{where} ({item['name']}): a weight for every kind but drop, none for a drop")
        rows.append(WeightRow(str(item["name"]), item["kind"], str(item["reason"]), str(item["source"]),
                              _number(item.get("weight")), _number(item.get("searched")), _number(item.get("hand"))))
    names = [r.name for r in rows if r.kind != "drop"]
    expected = [f.name for f in fields(Weights)]
    if len(set(r.name for r in rows)) != len(rows) or sorted(names) != sorted(expected):
        missing, extra = set(expected) - set(names), set(names) - set(expected)
        raise DatelineError(f"{path.name}: its weights must be the ranker's, once each "
                            f"(missing {sorted(missing)}, unknown {sorted(extra)})")
    return tuple(rows)


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _weights(column: str) -> Weights:
    """Weights from the file: its ``weight`` column, or ``searched``/``hand`` where a row has one."""
    values = {}
    for row in weight_rows():
        if row.weight is None:
            continue
        other = getattr(row, column) if column != "weight" else None
        values[row.name] = other if other is not None else row.weight
    return Weights(**values)


def drop_rows() -> dict[str, WeightRow]:
    """The drops by name: rules that remove a reading outright."""
    return {r.name: r for r in weight_rows() if r.kind == "drop"}


def markdown_table() -> str:
    """The table as Markdown (docs/places.md holds it between markers)."""
    lines = ["| name | kind | weight | reason | from |", "| --- | --- | --- | --- | --- |"]
    for row in weight_rows():
        weight = "drop" if row.weight is None else f"{row.weight:g}"
        origin = row.source
        if row.searched is not None:
            origin += f" (searched: {row.searched:g}, not adopted)"
        if row.hand is not None:
            origin += f" (first hand-set points: {row.hand:g})"
        cells = [f"`{row.name}`", row.kind, weight, row.reason, origin]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


DEFAULT_WEIGHTS = _weights("weight")
# the first hand-set points, the later signals off (bench/fit_place_weights.py --start hand)
HAND_WEIGHTS = _weights("hand")
# the coordinate search's choice, for comparison
SEARCHED_WEIGHTS = _weights("searched")
