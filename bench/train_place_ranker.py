"""Train the learned place ranker (resolve/ranker.py) on the geoparsing corpora's tuning halves.

    .venv/bin/python bench/train_place_ranker.py [--folds 5] [--l2 0.01 0.1 1] [--write] [--heldout]

Each gold toponym of the tuning halves (even-indexed articles) of LGL, TR-News and GeoVirus is
looked up as the geoxml scorer does (gold spans, the article's other toponyms as context, outlet
homes learned from the part's own first reading); every candidate gets the resolver's signals as
features (:func:`dateline.resolve.ranker.features`) and the label "within 161 km of the gold point".
The model is a conditional logit: a softmax over one mention's candidates, L2-penalised, fitted
with L-BFGS on standardised features (deterministic: no random start).

First k-fold cross-validation by article on the tuning halves: each fold's toponyms are resolved
by the real ``PlaceResolver.resolve`` with the hand-fitted points and with the model trained on the
other folds. ``--write`` then fits on the whole tuning halves with the L2 that did best in CV and
writes ``src/dateline/data/geo_ranker.json``. ``--heldout`` prints the held-out halves (odd
articles) once, for the record; nothing is decided on them. The model is switched on
(``USE_LEARNED_RANKER`` in resolve/places.py) only when its CV beats the hand points by at least 2
toponyms (the threshold ``bench/fit_place_weights.py`` uses for a change); round 6: it did not.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from dateline.evaluate.geo import _PARTS, MISS_KM, GoldArticle, article_contexts, distance_km, read_geoxml
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.places import PlaceContext, PlaceResolver
from dateline.resolve.ranker import FEATURES, LearnedRanker, features
from dateline.resolve.source_homes import SourceHomes

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPORA = {"lgl": "lgl.xml", "trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}
OUT = ROOT / "src" / "dateline" / "data" / "geo_ranker.json"


@dataclass
class Mention:
    """One gold toponym: where it is, its context, and its candidates' features and labels."""

    corpus: str
    article: int  # index within the part
    phrase: str
    names: list[str]
    context: PlaceContext
    gold: tuple[float, float]
    x: np.ndarray  # candidates x features
    y: np.ndarray  # 1 within 161 km of the gold point


def load(part: str) -> dict[str, list[GoldArticle]]:
    modulus, remainder = _PARTS[part]
    return {name: [a for i, a in enumerate(read_geoxml(DATA / "geoparsing" / file)) if i % modulus == remainder]
            for name, file in CORPORA.items()}


def mentions(resolver: PlaceResolver, corpora: dict[str, list[GoldArticle]]) -> list[Mention]:
    """Every gold toponym with its candidates, contexts built as the geoxml scorer builds them."""
    out = []
    for corpus, articles in corpora.items():
        for i, (article, ctx) in enumerate(zip(articles, article_contexts(resolver, articles, homes=SourceHomes()))):
            names = [t.phrase for t in article.toponyms]
            for top in article.toponyms:
                cands = resolver.scored_candidates(top.phrase, context=ctx, nearby=names)
                x = np.array([features(p, pts, f) for p, pts, f in cands], dtype=float).reshape(-1, len(FEATURES))
                y = np.array([distance_km(top.latitude, top.longitude, p.latitude, p.longitude) <= 161
                              for p, _pts, _f in cands], dtype=float)
                out.append(Mention(corpus, i, top.phrase, names, ctx, (top.latitude, top.longitude), x, y))
    return out


def fit(train: list[Mention], *, l2: float, top: int = 0, prior: bool = True, margin: float = 0.0) -> LearnedRanker:
    """Conditional logit over the mentions that have a right and a wrong candidate (among the hand
    ranking's first ``top``). ``prior``: the penalty pulls the weights toward the hand ranking (the hand
    score alone, at its own fitted scale) rather than toward zero, so a strong L2 gives back the
    hand order and a weak one departs from it only where the data insist. ``margin`` > 0: a smoothed hinge
    between the best right and the best wrong candidate instead of the likelihood (closer to accuracy)."""
    groups = [m if not top else Mention(m.corpus, m.article, m.phrase, m.names, m.context, m.gold, m.x[:top], m.y[:top])
              for m in train]
    groups = [m for m in groups if 0 < m.y.sum() < len(m.y)]
    stacked = np.vstack([m.x for m in groups])
    mean, std = stacked.mean(axis=0), stacked.std(axis=0)
    std[std == 0] = 1.0
    xs = [(m.x - mean) / std for m in groups]
    ys = [m.y.astype(bool) for m in groups]
    ref = np.zeros(len(FEATURES))
    if prior:  # the hand score's own scale: a one-weight fit
        hand = [(x[:, :1], y) for x, y in zip(xs, ys)]
        ref[0] = minimize(lambda v: _nll(v, hand, 0.0, np.zeros(1)), np.zeros(1), jac=True, method="L-BFGS-B").x[0]
    loss = _nll if margin <= 0 else (lambda v, d, lam, r: _hinge(v, d, lam, r, margin=margin))
    w = minimize(lambda v: loss(v, list(zip(xs, ys)), l2, ref), ref.copy(), jac=True, method="L-BFGS-B",
                 options={"maxiter": 500}).x
    return LearnedRanker(tuple(float(c) for c in w / std), top=top)


def _nll(w: np.ndarray, data: list[tuple[np.ndarray, np.ndarray]], l2: float, ref: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean negative log-likelihood of the right candidates (softmax per mention), plus the penalty."""
    total, grad = l2 * (w - ref) @ (w - ref) / 2, l2 * (w - ref)
    n = len(data)
    for x, y in data:
        s = x @ w
        s -= s.max()
        e = np.exp(s)
        p_all = e / e.sum()
        p_pos = e * y / (e * y).sum()
        total += -np.log((e * y).sum() / e.sum()) / n
        grad = grad - (p_pos - p_all) @ x / n
    return total, grad


def _hinge(w: np.ndarray, data: list[tuple[np.ndarray, np.ndarray]], l2: float, ref: np.ndarray, *,
           margin: float, tau: float = 0.25) -> tuple[float, np.ndarray]:
    """Mean smoothed hinge (softplus at temperature ``tau``): the best right candidate should beat the best
    wrong one by ``margin``; plus the penalty."""
    total, grad = l2 * (w - ref) @ (w - ref) / 2, l2 * (w - ref)
    n = len(data)
    for x, y in data:
        s = x @ w
        pos = np.flatnonzero(y)[np.argmax(s[y])]
        neg = np.flatnonzero(~y)[np.argmax(s[~y])]
        z = (margin - (s[pos] - s[neg])) / tau
        total += tau * np.logaddexp(0.0, z) / n
        grad = grad + (x[neg] - x[pos]) / (1.0 + np.exp(-z)) / n
    return total, grad


def right(resolver: PlaceResolver, group: list[Mention]) -> int:
    """Toponyms within 161 km when resolved by the real ``resolve`` with this resolver."""
    count = 0
    for m in group:
        resolved = resolver.resolve(m.phrase, context=m.context, nearby=m.names)
        km = MISS_KM if resolved is None else distance_km(*m.gold, resolved.place.latitude, resolved.place.longitude)
        count += km <= 161
    return count


def by_corpus(resolver: PlaceResolver, group: list[Mention]) -> dict[str, tuple[int, int]]:
    return {c: (right(resolver, [m for m in group if m.corpus == c]), sum(m.corpus == c for m in group))
            for c in CORPORA}


Setting = tuple[float, int, bool, float]  # (L2, top, prior toward the hand ranking, hinge margin or 0)


def cross_validate(gaz: Gazetteer, data: list[Mention], *, folds: int,
                   settings: list[Setting]) -> dict[Setting | str, dict]:
    """Per corpus (right, total) summed over folds, for the hand points and each setting."""
    totals: dict[Setting | str, dict[str, list[int]]] = {k: {c: [0, 0] for c in CORPORA} for k in ["hand", *settings]}
    hand = PlaceResolver(gaz, ranker=False)
    for k in range(folds):
        test = [m for m in data if m.article % folds == k]
        train = [m for m in data if m.article % folds != k]
        runs: dict[Setting | str, PlaceResolver] = {"hand": hand}
        runs.update({st: PlaceResolver(gaz, ranker=fit(train, l2=st[0], top=st[1], prior=st[2], margin=st[3])) for st in settings})
        for key, resolver in runs.items():
            for corpus, (r, t) in by_corpus(resolver, test).items():
                totals[key][corpus][0] += r
                totals[key][corpus][1] += t
        log.info("fold %d: %s", k, {key: sum(v[0] for v in totals[key].values()) for key in totals})
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, nargs="*", default=[0.01, 0.1, 1.0])
    parser.add_argument("--top", type=int, nargs="*", default=[0, 3], help="re-rank the hand ranking's first N (0: all)")
    parser.add_argument("--no-prior", action="store_true", help="penalise toward zero, not toward the hand ranking")
    parser.add_argument("--margin", type=float, nargs="*", default=[0.0],
                        help="0: likelihood; > 0: smoothed hinge with this margin")
    parser.add_argument("--write", action="store_true", help="fit on the whole tuning halves and write the JSON")
    parser.add_argument("--heldout", action="store_true", help="also print the held-out halves (record only)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    gaz = Gazetteer.default()
    data = mentions(PlaceResolver(gaz, ranker=False), load("tune"))
    log.info("%d tuning toponyms, %d with a right and a wrong candidate", len(data),
             sum(0 < m.y.sum() < len(m.y) for m in data))
    settings = [(l2, top, not args.no_prior, m) for l2 in args.l2 for top in args.top for m in args.margin]
    totals = cross_validate(gaz, data, folds=args.folds, settings=settings)
    for key, per in totals.items():
        print(f"CV {key}:", {c: f"{r}/{t} = {r / t:.4f}" for c, (r, t) in per.items()},
              "all", sum(r for r, _t in per.values()))
    best = max(settings, key=lambda st: sum(r for r, _t in totals[st].values()))
    model = fit(data, l2=best[0], top=best[1], prior=best[2], margin=best[3])
    print("coefficients (l2, top, prior, margin = %s):" % (best,), {n: round(c, 3) for n, c in zip(FEATURES, model.coef)})
    if args.write:
        model.save(OUT, meta={"trained_on": "tuning halves (even articles) of LGL, TR-News, GeoVirus",
                              "l2": best[0], "prior": best[2], "margin": best[3],
                              "cv_right": sum(r for r, _t in totals[best].values()),
                              "cv_right_hand": sum(r for r, _t in totals["hand"].values()),
                              "script": "bench/train_place_ranker.py"})
        print("wrote", OUT)
    if args.heldout:
        held = mentions(PlaceResolver(gaz, ranker=False), load("heldout"))
        for label, resolver in (("hand", PlaceResolver(gaz, ranker=False)), ("learned", PlaceResolver(gaz, ranker=model))):
            print("held-out", label, {c: f"{r}/{t} = {r / t:.4f}" for c, (r, t) in by_corpus(resolver, held).items()})


if __name__ == "__main__":
    main()
