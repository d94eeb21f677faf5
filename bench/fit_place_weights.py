"""Fit the place ranking's points (data/place_weights.yaml) on the geoparsing corpora's tuning halves.

    .venv/bin/python bench/fit_place_weights.py [--sweeps 3] [--min-gain 2]
    .venv/bin/python bench/fit_place_weights.py --start hand --fit-part tune-a --score-parts tune-b tune-a

    .venv/bin/python bench/fit_place_weights.py --start hand+ --cv 4 [--folds 0 1]

The second form is the over-fitting check of round 7: fit from round 3's hand points on one half
of the tuning half (articles 0 mod 4) and score on the other (2 mod 4), never on held-out; the
third fits on three quarters of the tuning half and scores the fourth, for each quarter.

Coordinate search: each weight in turn is scaled (x0, x0.5, x0.75, x1.25, x1.5, x2) and the
change is kept when it puts at least ``--min-gain`` more gold toponyms within 161 km on the
tuning halves (even-indexed articles) of LGL, TR-News and GeoVirus together, and UCDP's
within-5-km share does not drop. The held-out halves (odd articles, what bench/accuracy.py
reports) are printed at the end and never used for a decision. A fitted value that is adopted is
written into src/dateline/data/place_weights.yaml, with its ``source`` saying on what it was fitted.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging

from dateline.evaluate.geo import _PARTS, MISS_KM, article_contexts, distance_km, read_geoxml, score_ucdp
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.places import PlaceResolver
from dateline.geo.source_homes import SourceHomes
from dateline.geo.weights import DEFAULT_WEIGHTS, HAND_WEIGHTS, SEARCHED_WEIGHTS, Weights

log = logging.getLogger(__name__)

from bench_paths import DATA

CORPORA = {"lgl": "lgl.xml", "trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}
SCALES = (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)
# Signals added after round 3, whose hand value was "off": hand+ keeps them at today's values.
_LATER_SIGNALS = ("named_country", "home", "home_alone", "home_country", "domain_vote", "domain_country", "outlet_town",
                  "colocated_each", "colocated_cap", "county_listed")
STARTS = {"default": DEFAULT_WEIGHTS, "hand": HAND_WEIGHTS, "searched": SEARCHED_WEIGHTS,
          "hand+": dataclasses.replace(HAND_WEIGHTS, **{f: getattr(DEFAULT_WEIGHTS, f) for f in _LATER_SIGNALS})}


def load(part: str) -> dict[str, list]:
    """The articles of one part of each corpus."""
    modulus, remainder = _PARTS[part]
    return {name: [a for i, a in enumerate(read_geoxml(DATA / "geoparsing" / file)) if i % modulus == remainder]
            for name, file in CORPORA.items()}


def load_fold(k: int, fold: int, *, inside: bool) -> dict[str, list]:
    """The tuning half's articles of fold ``fold`` of ``k`` (tuning article t = index / 2, fold t mod k),
    or (``inside`` False) those of the other folds."""
    return {name: [a for i, a in enumerate(read_geoxml(DATA / "geoparsing" / file))
                   if i % 2 == 0 and ((i // 2) % k == fold) == inside]
            for name, file in CORPORA.items()}


def cross_validate(gaz: Gazetteer, start: Weights, *, k: int, folds: list[int], sweeps: int, min_gain: int) -> None:
    """Fit on k-1 folds of the tuning half, score the left-out fold with the start and the fitted
    weights: whether the coordinate search gains outside the articles it was fitted on."""
    for fold in folds:
        fitted = fit(gaz, load_fold(k, fold, inside=False), sweeps=sweeps, min_gain=min_gain, start=start)
        changed = {f.name: getattr(fitted, f.name) for f in dataclasses.fields(Weights)
                   if getattr(fitted, f.name) != getattr(start, f.name)}
        test = load_fold(k, fold, inside=True)
        for label, weights in (("start", start), ("fitted", fitted)):
            scores = within(gaz, weights, test)
            print(f"fold {fold}/{k}", label, {n: r for n, (r, _t) in scores.items()},
                  "all", sum(r for r, _t in scores.values()), "of", sum(t for _r, t in scores.values()), flush=True)
        print(f"fold {fold}/{k} changed:", changed, flush=True)


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
        only: list[str] | None = None, start: Weights = DEFAULT_WEIGHTS) -> Weights:
    """Coordinate search from ``start`` (the current weights); see the module docstring. ``only``:
    the fields to search (default all)."""
    best = start
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
    parser.add_argument("--start", choices=tuple(STARTS), default="default",
                        help="start from today's Weights, round 3's hand points (later signals off), or the "
                             "hand points with today's values for the signals added since (hand+)")
    parser.add_argument("--fit-part", default="tune", choices=("tune", "tune-a", "tune-b"))
    parser.add_argument("--score-parts", nargs="*", default=["tune", "heldout"])
    parser.add_argument("--cv", type=int, default=0, help="k-fold cross-validation inside the tuning half")
    parser.add_argument("--folds", type=int, nargs="*", help="with --cv: only these folds (to run in parallel)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    gaz = Gazetteer.default()
    if args.cv:
        cross_validate(gaz, STARTS[args.start], k=args.cv, folds=args.folds or list(range(args.cv)),
                       sweeps=args.sweeps, min_gain=args.min_gain)
        return
    parts = {part: load(part) for part in {args.fit_part, *args.score_parts}}
    start = STARTS[args.start]
    fitted = fit(gaz, parts[args.fit_part], sweeps=args.sweeps, min_gain=args.min_gain, only=args.only, start=start)
    print("fitted:", fitted)
    for label, weights in (*STARTS.items(), ("fitted", fitted)):
        for part in args.score_parts:
            corpora = parts[part]
            scores = within(gaz, weights, corpora)
            print(label, part, {n: f"{r}/{t} {r / t:.4f}" for n, (r, t) in scores.items()},
                  "all", sum(r for r, _t in scores.values()))
        print(label, "ucdp within_5km", ucdp_within_5km(gaz, weights))


if __name__ == "__main__":
    main()
