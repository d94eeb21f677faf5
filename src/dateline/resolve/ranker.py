"""A learned ordering of a place name's candidates (issue 7, round 6).

:class:`~dateline.resolve.places.PlaceResolver` scores each candidate with hand-fitted points and
records which signals fired (``_Scored.feats``). :class:`LearnedRanker` turns those signals, plus
the hand score itself and a few properties of the place, into a feature vector and scores it
linearly with coefficients fitted by a conditional logit (a softmax over one mention's candidates,
label: within 161 km of the gold point) on the geoparsing corpora's tuning halves only
(``bench/train_place_ranker.py``). The coefficients ship as ``data/geo_ranker.json``.

Scoring is a dot product over about twenty numbers per candidate, so a lookup stays well under
a millisecond.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from ..config import package_data
from ..errors import ResolveError

if TYPE_CHECKING:
    from ..models import Place

log = logging.getLogger(__name__)

__all__ = ["FEATURES", "LearnedRanker", "features"]

# The signals the resolver records (resolve/places.py), then derived ones; order = the JSON's.
_SIGNALS = ("rank", "importance", "kind_named", "country_name", "doc_country", "named_country", "doc_province",
            "near_50", "near_200", "home", "province_twin", "named_province", "named_province_hamlet",
            "named_county", "alias_only", "district_of_town", "county_of_province", "own_name")
FEATURES = ("hand",) + _SIGNALS + ("support", "near_log", "no_anchor", "is_country", "is_admin1", "is_adm2",
                                   "is_town", "log_pop", "no_pop", "town_in_doc_country", "country_named_here")
_DEFAULT_FILE = "geo_ranker.json"


def features(place: "Place", points: float, feats: Mapping[str, float]) -> list[float]:
    """The feature vector of one candidate: its hand-fitted points, the signals that fired, and
    what kind of place it is (the same order as :data:`FEATURES`)."""
    code = place.feature_code or ""
    is_town = place.feature_class == "P"
    near_km = feats.get("near_km")
    row = [points]
    row.extend(feats.get(name, 0.0) for name in _SIGNALS)
    row.extend((
        min(feats.get("support", 0.0), 3.0) / 3.0,
        0.0 if near_km is None else max(0.0, 1.0 - math.log10(1.0 + near_km) / 4.0),  # 1 at 0 km, 0.25 at 1,000
        1.0 if near_km is None else 0.0,
        1.0 if code.startswith("PCL") or code == "CONT" else 0.0,
        1.0 if code in ("ADM1", "ADMD") else 0.0,
        1.0 if code == "ADM2" else 0.0,
        1.0 if is_town else 0.0,
        math.log10(place.population + 1) / 7.0,
        1.0 if not place.population else 0.0,
        feats.get("doc_country", 0.0) * is_town,
        feats.get("named_country", 0.0) * is_town,
    ))
    return row


@dataclass(frozen=True, slots=True)
class LearnedRanker:
    """Linear scores over :func:`features`; the higher, the likelier the candidate is the place meant."""

    coef: tuple[float, ...]
    names: tuple[str, ...] = FEATURES
    top: int = 0  # re-rank only the hand ranking's first ``top`` candidates (0: all)

    def __post_init__(self) -> None:
        if tuple(self.names) != FEATURES or len(self.coef) != len(FEATURES):
            raise ResolveError("the ranker's features are not this version's", where="geo_ranker.json",
                               hint="retrain with bench/train_place_ranker.py")

    def score(self, place: "Place", points: float, feats: Mapping[str, float]) -> float:
        return sum(c * x for c, x in zip(self.coef, features(place, points, feats)))

    def rerank(self, scored: Sequence) -> list:
        """The resolver's scored candidates (``place``, ``points``, ``feats``), best first by this model;
        the hand order breaks ties (a stable sort)."""
        head = list(scored[:self.top] if self.top else scored)
        head.sort(key=lambda s: -self.score(s.place, s.points, s.feats))
        return head + list(scored[len(head):])

    @classmethod
    def load(cls, path: str | Path) -> "LearnedRanker":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls(tuple(float(c) for c in data["coef"]), tuple(data["features"]), int(data.get("top", 0)))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ResolveError(f"cannot read the place ranker: {err}", where=str(path),
                               hint="retrain with bench/train_place_ranker.py") from err

    @classmethod
    def default(cls) -> "LearnedRanker":
        """The shipped model (``data/geo_ranker.json``)."""
        return cls.load(package_data(_DEFAULT_FILE))

    def save(self, path: str | Path, *, meta: Mapping[str, object] | None = None) -> None:
        data = {"features": list(self.names), "coef": [round(c, 6) for c in self.coef], "top": self.top,
                **(meta or {})}
        Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
