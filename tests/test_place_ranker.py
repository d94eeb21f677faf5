"""The learned place ranker (issue 7, round 6): features, the shipped model, re-ranking in the resolver."""

from __future__ import annotations

import json

import pytest

from dateline.errors import ResolveError
from dateline.models import Place
from dateline.resolve import places as places_module
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.places import PlaceContext, PlaceResolver
from dateline.resolve.ranker import FEATURES, LearnedRanker, features


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def _coef(**weights: float) -> tuple[float, ...]:
    return tuple(weights.get(name, 0.0) for name in FEATURES)


def _place(code: str, cls: str, population: int = 0) -> Place:
    return Place("X", 10.0, 20.0, feature_class=cls, feature_code=code, country_code="US", population=population)


@pytest.mark.parametrize("place, flag", [
    (_place("PCLI", "A", 300_000_000), "is_country"),
    (_place("ADM1", "A", 5_000_000), "is_admin1"),
    (_place("ADM2", "A"), "is_adm2"),
    (_place("PPL", "P", 20_000), "is_town"),
])
def test_features_mark_the_kind_of_place(place: Place, flag: str) -> None:
    row = dict(zip(FEATURES, features(place, 4.5, {"rank": 0.5, "doc_country": 1.0})))
    assert len(row) == len(FEATURES)
    assert row["hand"] == 4.5 and row["rank"] == 0.5
    kinds = {"is_country", "is_admin1", "is_adm2", "is_town"}
    assert {k for k in kinds if row[k]} == {flag}
    assert row["town_in_doc_country"] == (1.0 if flag == "is_town" else 0.0)
    assert row["no_pop"] == (0.0 if place.population else 1.0)


@pytest.mark.parametrize("near_km, expected", [(None, 0.0), (0.0, 1.0), (999.0, 0.25)])
def test_near_feature_falls_with_distance(near_km: float | None, expected: float) -> None:
    feats = {} if near_km is None else {"near_km": near_km}
    row = dict(zip(FEATURES, features(_place("PPL", "P"), 0.0, feats)))
    assert row["near_log"] == pytest.approx(expected, abs=1e-3)
    assert row["no_anchor"] == (1.0 if near_km is None else 0.0)


def test_shipped_model_loads_and_is_off_by_default(gazetteer: Gazetteer) -> None:
    model = LearnedRanker.default()
    assert model.names == FEATURES and len(model.coef) == len(FEATURES)
    assert places_module.USE_LEARNED_RANKER is False
    assert PlaceResolver(gazetteer).ranker is None
    assert PlaceResolver(gazetteer, ranker=model).ranker is model


@pytest.mark.parametrize("content", ["not json", json.dumps({"features": ["hand"], "coef": [1.0]}),
                                     json.dumps({"coef": [1.0]})])
def test_a_broken_model_file_is_a_resolve_error(tmp_path, content: str) -> None:
    path = tmp_path / "ranker.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResolveError, match="train_place_ranker"):
        LearnedRanker.load(path)


def test_save_and_load_round_trip(tmp_path) -> None:
    model = LearnedRanker(_coef(hand=1.0, log_pop=-2.0), top=3)
    model.save(tmp_path / "m.json", meta={"l2": 1.0})
    assert LearnedRanker.load(tmp_path / "m.json") == model


@pytest.mark.parametrize("name, context", [
    ("Paris", PlaceContext()),
    ("Springfield", PlaceContext(country_code="US", admin1="Illinois")),
    ("Basra", PlaceContext(country_code="IQ")),
    ("Georgia", PlaceContext(country_code="US")),
])
def test_hand_score_alone_keeps_the_hand_answer(gazetteer: Gazetteer, name: str, context: PlaceContext) -> None:
    hand = PlaceResolver(gazetteer, ranker=False).resolve(name, context=context)
    same = PlaceResolver(gazetteer, ranker=LearnedRanker(_coef(hand=1.0))).resolve(name, context=context)
    assert hand is not None and same is not None
    assert same.place == hand.place


def test_a_population_model_picks_the_biggest_candidate(gazetteer: Gazetteer) -> None:
    resolver = PlaceResolver(gazetteer, ranker=LearnedRanker(_coef(log_pop=1.0)))
    candidates = resolver.scored_candidates("Springfield", context=PlaceContext(country_code="US"))
    assert len(candidates) > 2
    biggest = max(p.population for p, _pts, _f in candidates)
    assert resolver.resolve("Springfield", context=PlaceContext(country_code="US")).place.population == biggest


def test_scored_candidates_record_the_signals(gazetteer: Gazetteer) -> None:
    context = PlaceContext(country_code="US", admin1="Illinois")
    candidates = PlaceResolver(gazetteer).scored_candidates("Springfield", context=context)
    points = [pts for _p, pts, _f in candidates]
    assert points == sorted(points, reverse=True)
    for place, _pts, feats in candidates:
        assert feats.get("doc_country", 0.0) == (1.0 if place.country_code == "US" else 0.0)
        assert feats.get("doc_province", 0.0) == (1.0 if place.admin1 == "Illinois" else 0.0)
    assert any(p.admin1 == "Illinois" for p, _pts, _f in candidates)
    assert all("rank" in f and "importance" in f for _p, _pts, f in candidates)


def test_top_limits_the_rerank_to_the_hand_head(gazetteer: Gazetteer) -> None:
    resolver = PlaceResolver(gazetteer, ranker=False)
    ranked = resolver._best("Springfield", hint=None, context=PlaceContext(country_code="US"), nearby=None)
    assert ranked is not None and len(ranked) > 3
    reordered = LearnedRanker(_coef(hand=-1.0), top=2).rerank(ranked)
    assert reordered[:2] == [ranked[1], ranked[0]] and reordered[2:] == ranked[2:]
