"""Fit the place ranking's points (resolve.places.Weights) on the geoparsing corpora's tuning halves.

    .venv/bin/python bench/fit_place_weights.py [--sweeps 3] [--min-gain 2]

Coordinate search: each weight in turn is scaled (x0, x0.5, x0.75, x1.25, x1.5, x2) and the
change is kept when it puts at least ``--min-gain`` more gold toponyms within 161 km on the
tuning halves (even-indexed articles) of LGL, TR-News and GeoVirus together, and UCDP's
within-5-km share does not drop. The held-out halves (odd articles, what bench/accuracy.py
reports) are printed at the end and never used for a decision. The fitted values are then
written by hand into ``Weights`` (resolve/places.py).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
from pathlib import Path

from dateline.evaluate.geo import _PARTS, MISS_KM, article_contexts, distance_km, read_geoxml, score_ucdp
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.places import DEFAULT_WEIGHTS, HAND_WEIGHTS, PlaceResolver, Weights
from dateline.resolve.source_homes import SourceHomes

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPORA = {"lgl": "lgl.xml", "trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}
SCALES = (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)


def load(part: str) -> dict[str, list]:
    """The articles of one part of each corpus."""
    modulus, remainder = _PARTS[part]
    return {name: [a for i, a in enumerate(read_geoxml(DATA / "geoparsing" / file)) if i % modulus == remainder]
            for name, file in CORPORA.items()}


def within(gaz: Gazetteer, weights: Weights, corpora: dict[str, list]) -> dict[str, tuple[int, int]]:
    """(toponyms within 161 km, toponyms) per corpus, resolved as the geoxml scorer does (with each
    outlet's home learned from the part's own first reading, round 5)."""
    resolver = PlaceResolver(gaz, weights=weights)
    out = {}
    for name, articles in corpora.items():
        right = total = 0
        for article, context in zip(articles, article_contexts(resolver, articles, homes=SourceHomes())):
            names = [t.phrase for t in article.toponyms]
            for top in article.toponyms:
                resolved = resolver.resolve(top.phrase, context=context, nearby=names)
                km = MISS_KM if resolved is None else distance_km(
                    top.latitude, top.longitude, resolved.place.latitude, resolved.place.longitude)
                right += km <= 161
                total += 1
        out[name] = (right, total)
    return out


def ucdp_within_5km(gaz: Gazetteer, weights: Weights) -> float:
    """UCDP GED Iraq's within-5-km share with these weights (a guard: Iraq must not get worse)."""
    report = score_ucdp(DATA / "ucdp-ged-iraq" / "conflict_data_irq.csv", weights=weights)
    return report.metrics["within_5km"]


def fit(gaz: Gazetteer, tune: dict[str, list], *, sweeps: int, min_gain: int,
        only: list[str] | None = None) -> Weights:
    """Coordinate search from the current weights; see the module docstring. ``only``: the fields
    to search (default all)."""
    best = DEFAULT_WEIGHTS
    best_score = sum(r for r, _t in within(gaz, best, tune).values())
    floor = ucdp_within_5km(gaz, best)
    log.info("start: %d within 161 km; UCDP within 5 km %.4f", best_score, floor)
    for sweep in range(sweeps):
        changed = False
        for field in dataclasses.fields(Weights):
            if only and field.name not in only:
                continue
            current = getattr(best, field.name)
            for scale in SCALES:
                value = round(current * scale, 3) if current else scale
                if value == current:
                    continue
                trial = dataclasses.replace(best, **{field.name: value})
                score = sum(r for r, _t in within(gaz, trial, tune).values())
                if score >= best_score + min_gain and ucdp_within_5km(gaz, trial) >= floor:
                    log.info("sweep %d: %s %s -> %s: %d -> %d", sweep, field.name, current, value, best_score, score)
                    best, best_score, changed = trial, score, True
                    current = value
        if not changed:
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sweeps", type=int, default=3)
    parser.add_argument("--min-gain", type=int, default=2, help="toponyms a change must gain to be kept")
    parser.add_argument("--only", nargs="*", help="search only these Weights fields (e.g. home)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    gaz = Gazetteer.default()
    tune, heldout = load("tune"), load("heldout")
    fitted = fit(gaz, tune, sweeps=args.sweeps, min_gain=args.min_gain, only=args.only)
    print("fitted:", fitted)
    for label, weights in (("hand (round 3)", HAND_WEIGHTS), ("start", DEFAULT_WEIGHTS), ("fitted", fitted)):
        for part, corpora in (("tune", tune), ("heldout", heldout)):
            scores = within(gaz, weights, corpora)
            print(label, part, {n: round(r / t, 4) for n, (r, t) in scores.items()})
        print(label, "ucdp within_5km", ucdp_within_5km(gaz, weights))


if __name__ == "__main__":
    main()
