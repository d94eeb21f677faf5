"""The chronicle scorer (evaluate/chronicle.py) on small hand-made records and gold lines.

Places, actors and texts are invented (a country "Ruritania" with towns on a made-up grid); one
degree of latitude is about 111 km, so 0.2 degrees north is about 22 km away.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from dateline.errors import ConfigError
from dateline.evaluate.chronicle import (
    GoldLine,
    PlaceNames,
    actor_key,
    field_results,
    load_gold,
    pair_allowed,
    score,
    split_of,
)

DOC = "post-one.txt"
TOWN = (10.0, 20.0)  # "Northport", in province "Upland"


def gold(incident: str = "g1", **kw) -> GoldLine:
    base = dict(doc=DOC, incident=incident, kind="event", date="2001-05-20", date_precision=1, event_type="Battles",
                sub_event_type="Armed clash", actor1="Rebels of the Hills", actor2="Military Forces of Ruritania",
                location="Northport", admin1="Upland", country="Ruritania", lat=TOWN[0], lon=TOWN[1], fatalities=3,
                fatalities_low=3, fatalities_high=3, background=False, evidence="rebels attacked the army post at Northport")
    base.update(kw)
    return GoldLine(**base)


def rec(**kw) -> dict:
    base = dict(event_type="Battles", sub_event_type="Armed clash", actor1="Rebels of the Hills",
                actor2="Military Forces of Ruritania (1990-2005)", date_start="2001-05-20", date_end="2001-05-20",
                country="Ruritania", admin1="Upland", location="Northport", latitude=TOWN[0], longitude=TOWN[1],
                fatalities=3, negated=False, hypothetical=False, future=False, background=False,
                evidence_text="Yesterday rebels attacked the army post at Northport, killing three soldiers.")
    base.update(kw)
    return base


# ------------------------------------------------------------------------ one-to-one matching


def test_a_restatement_is_a_duplicate_not_a_second_true_positive() -> None:
    lede = rec(evidence_text="Three soldiers died at Northport.")
    detail = rec()
    result = score([gold()], {DOC: [lede, detail]})
    c, m = result.counts, result.metrics
    assert (c["shown"], c["true_positives"], c["duplicates"], c["false_positives"]) == (2, 1, 1, 0)
    assert m["precision"] == 0.5 and m["recall"] == 1.0 and m["duplicate_share"] == 0.5
    # the record from the sentence the coder quoted is the one matched
    verdicts = {r.evidence[:5]: r.verdict for r in result.documents[0].records}
    assert verdicts == {"Three": "duplicate", "Yeste": "true_positive"}


def test_matching_takes_as_many_pairs_as_possible_before_the_best_scores() -> None:
    # record A agrees best with g1 but may also go to g2 (a day later); record B may only go to g1:
    # a greedy choice by score would leave B unmatched
    lines = [gold("g1"), gold("g2", date="2001-05-21", evidence="a second raid on the same post")]
    a = rec(date_start="2001-05-20", date_end="2001-05-21")
    b = rec(date_start="2001-05-19", date_end="2001-05-19", evidence_text="Rebels raided Northport.")
    result = score(lines, {DOC: [a, b]})
    assert result.counts["true_positives"] == 2 and result.counts["duplicates"] == 0
    assert result.metrics["recall"] == 1.0


def test_a_summary_shown_as_an_event_is_counted_as_an_aggregate() -> None:
    total = gold("agg-1", kind="aggregate", date="2001-05", date_precision=3, location="Ruritania", admin1=None,
                 lat=12.0, lon=21.0, fatalities=40, fatalities_low=None, fatalities_high=None,
                 evidence="forty people were killed in fighting across the country this month")
    statistic = rec(latitude=None, longitude=None, admin1=None, location="Ruritania", fatalities=40,
                    evidence_text="Forty people were killed in fighting across the country this month.")
    result = score([gold(), total], {DOC: [rec(), statistic]})
    c = result.counts
    assert (c["true_positives"], c["aggregates_shown"], c["duplicates"], c["false_positives"]) == (1, 1, 0, 0)
    assert result.documents[0].records[1].incident == "agg-1"
    # the aggregate's 40 are never gold deaths; the record's 40 are shown deaths
    assert (c["fatalities_shown"], c["fatalities_gold"]) == (43, 3)
    assert result.metrics["fatalities_ratio"] == pytest.approx(43 / 3, abs=1e-4)


def test_a_record_with_no_allowed_gold_line_is_a_false_positive() -> None:
    far = rec(latitude=TOWN[0] + 0.7, admin1="Lowland", location="Southbay")  # about 78 km, another province
    result = score([gold()], {DOC: [far]})
    assert (result.counts["false_positives"], result.counts["true_positives"]) == (1, 0)
    assert result.documents[0].missed == ["g1"]
    assert result.metrics["recall"] == 0.0


def test_flagged_records_are_not_shown_and_background_recall_sees_them() -> None:
    old = gold("old", date="1995-03", date_precision=3, background=True, evidence="the 1995 siege of Northport")
    flagged = rec(date_start="1995-03-01", date_end="1995-03-31", background=True, evidence_text="the 1995 siege")
    denied = rec(negated=True)
    result = score([gold(), old], {DOC: [rec(), flagged, denied]})
    c, m = result.counts, result.metrics
    assert c["shown"] == 1 and c["true_positives"] == 1
    assert c["gold_current"] == 1  # recall is over current events only
    assert m["background_recall"] == 1.0
    assert (c["background_flagged_matched"], c["background_flagged_right"]) == (1, 1)


def test_a_shown_background_event_is_a_true_positive_but_not_recall() -> None:
    old = gold("old", date="1995-03", date_precision=3, background=True)
    result = score([old], {DOC: [rec(date_start="1995-03-10", date_end="1995-03-10")]})
    assert result.counts["true_positives"] == 1 and result.metrics["precision"] == 1.0
    assert result.counts["gold_current"] == 0 and result.metrics["background_recall"] == 1.0


def test_aggregate_recall_is_reported_only_when_records_say_their_kind() -> None:
    total = gold("agg-1", kind="aggregate", date="2001-05", date_precision=3)
    said = score([total], {DOC: [rec(kind="aggregate")]})
    assert said.metrics["aggregate_recall"] == 1.0 and said.counts["shown"] == 0
    assert "aggregate_recall" not in score([total], {DOC: [rec()]}).metrics


def test_documents_without_gold_lines_count_their_records() -> None:
    result = score([gold()], {DOC: [rec()], "other.txt": [rec(), rec()]})
    assert result.counts["documents"] == 2 and result.counts["false_positives"] == 2
    assert result.worst(1)[0].doc == "other.txt"


# ---------------------------------------------------------------------------- the pair test


@pytest.mark.parametrize(("record", "allowed"), [
    (rec(date_start="2001-05-21", date_end="2001-05-21"), True),  # a day off
    (rec(date_start="2001-05-22", date_end="2001-05-22"), False),  # two days off
    (rec(date_start="2001-05-10", date_end="2001-05-19"), True),  # a range ending the day before
    (rec(date_start=None, date_end=None), False),
    (rec(event_type="Explosions/Remote violence"), True),  # both political violence
    (rec(event_type="Protests"), False),
    (rec(latitude=TOWN[0] + 0.4, admin1="Lowland"), True),  # about 44 km
    (rec(latitude=TOWN[0] + 0.5, admin1="Lowland"), False),  # about 56 km, another province
    (rec(latitude=TOWN[0] + 2.0, location="Hilltop"), True),  # far, but the same province
    (rec(latitude=None, longitude=None, admin1=None), False),  # the country only, the gold is a town
])
def test_pair_test(record: dict, allowed: bool) -> None:
    assert pair_allowed(record, gold()) is allowed


def test_a_month_date_allows_any_day_of_that_month() -> None:
    month = gold(date="2001-05", date_precision=3)
    assert pair_allowed(rec(date_start="2001-05-31", date_end="2001-05-31"), month)
    assert pair_allowed(rec(date_start="2001-06-01", date_end="2001-06-01"), month)  # the slack day
    assert not pair_allowed(rec(date_start="2001-06-02", date_end="2001-06-02"), month)
    year = gold(date="2001", date_precision=3)
    assert pair_allowed(rec(date_start="2001-11-30", date_end="2001-11-30"), year)


def test_country_level_gold_allows_any_place_in_that_country() -> None:
    country = gold(location="Ruritania", admin1=None, lat=12.0, lon=21.0)
    assert pair_allowed(rec(), country)
    assert not pair_allowed(rec(country="Borduria"), country)


def test_a_gold_phrase_without_coordinates_allows_its_countries() -> None:
    phrase = gold(kind="aggregate", location="Ruritania and Borduria", admin1=None, country=None, lat=None, lon=None)
    assert pair_allowed(rec(country="Borduria", admin1=None, latitude=None, longitude=None), phrase)
    assert not pair_allowed(rec(country="Syldavia", admin1=None, latitude=None, longitude=None), phrase)


# ------------------------------------------------------------------------------- the fields


def test_actor_names_compare_without_case_or_period_suffix() -> None:
    assert actor_key("Military Forces of Ruritania (1990-2005)") == actor_key("military forces of ruritania")
    assert actor_key("Police of Ruritania (2003-)") == "police of ruritania"
    assert actor_key("  ") is None and actor_key(None) is None


def test_every_field_right() -> None:
    assert all(field_results(rec(), gold()).values())


@pytest.mark.parametrize(("record", "line", "wrong"), [
    (rec(actor1="Civilians (Ruritania)"), gold(), {"actor1"}),
    (rec(actor2=None), gold(actor2=None), set()),  # None == None is right
    (rec(actor2=None), gold(), {"actor2"}),
    (rec(sub_event_type="Attack", event_type="Violence against civilians"), gold(), {"event_type", "sub_event_type"}),
    (rec(date_start="2001-05-21", date_end="2001-05-21"), gold(), {"date"}),  # allowed, but not exact
    (rec(date_start="2001-05-14"), gold(date="2001-05", date_precision=3), set()),  # exact at the month
    (rec(date_start="2001-05"), gold(), {"date"}),  # coarser than the gold's day
    (rec(latitude=TOWN[0] + 0.2), gold(), set()),  # about 22 km
    (rec(latitude=TOWN[0] + 0.3, admin1="Lowland"), gold(), {"place"}),  # about 33 km
    (rec(latitude=TOWN[0] + 1.0, location="Hilltop"), gold(location="Upland"), set()),  # the province, as coded
    (rec(latitude=TOWN[0] + 1.0, location="Hilltop"), gold(), {"place"}),  # the gold names the town
    (rec(admin1=None, latitude=None, longitude=None), gold(location="Ruritania", admin1=None, lat=12.0, lon=21.0), set()),
    (rec(fatalities=4), gold(fatalities=3, fatalities_low=3, fatalities_high=5), set()),  # within low-high
    (rec(fatalities=4), gold(fatalities=3, fatalities_low=3, fatalities_high=None), {"fatalities"}),  # "at least 3"
    (rec(fatalities=None), gold(fatalities=None, fatalities_low=None, fatalities_high=None), set()),
    (rec(fatalities=None), gold(), {"fatalities"}),
    (rec(fatalities=0), gold(fatalities=None, fatalities_low=None, fatalities_high=None), {"fatalities"}),
])
def test_field_rules(record: dict, line: GoldLine, wrong: set[str]) -> None:
    assert {name for name, ok in field_results(record, line).items() if not ok} == wrong


def test_strict_precision_needs_every_field_right_and_counts_over_shown() -> None:
    lines = [gold("g1"), gold("g2", location="Eastvale", lat=TOWN[0], lon=TOWN[1] + 1.0, evidence="Eastvale clash")]
    right = rec()
    wrong_toll = rec(location="Eastvale", longitude=TOWN[1] + 1.0, fatalities=30, evidence_text="Eastvale clash")
    noise = rec(event_type="Protests", sub_event_type="Peaceful protest")
    result = score(lines, {DOC: [right, wrong_toll, noise]})
    m = result.metrics
    assert result.counts["true_positives"] == 2
    assert m["strict_precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["fatalities_right"] == 0.5 and m["place_right"] == 1.0 and m["actors_right"] == 1.0


def test_place_names_by_gazetteer_meet_across_spellings() -> None:
    from dateline.geo.gazetteer import Gazetteer

    names = PlaceNames.from_gazetteer(Gazetteer.default())
    assert names.country("Palestine") == names.country("Palestinian Territory") == "PS"
    assert names.admin1("IQ", "Ninewa") == names.admin1("IQ", "Nineveh")
    assert names.admin1("IQ", "Ninewa") != names.admin1("IQ", "Basra")
    plain = PlaceNames.plain()
    assert plain.admin1("x", "Al Upland") == plain.admin1("x", "Upland")


# --------------------------------------------------------------------------- across reports


def test_records_per_incident_and_store_fatalities() -> None:
    other = "post-two.txt"
    lines = [gold("g1"), gold("g1", doc=other, fatalities=5, fatalities_low=5, fatalities_high=5),
             gold("g2", date="2001-05-25", location="Eastvale", lat=TOWN[0], lon=TOWN[1] + 1.0, fatalities=2)]
    one = rec(mentions=[{"document_id": DOC}])
    again = rec(fatalities=5, mentions=[{"document_id": other}])
    eastvale = rec(date_start="2001-05-25", date_end="2001-05-25", location="Eastvale", longitude=TOWN[1] + 1.0,
                   fatalities=2, mentions=[{"document_id": DOC}])
    apart = score(lines, {}, [one, again, eastvale])
    assert apart.metrics["records_per_incident"] == 1.5  # g1 told twice
    assert apart.counts["store_incidents_split"] == 1
    # gold deaths: g1 counted once at its highest toll (5), g2 2
    assert apart.metrics["store_fatalities_ratio"] == pytest.approx(10 / 7, abs=1e-4)
    merged = rec(fatalities=5, mentions=[{"document_id": DOC}, {"document_id": other}])
    together = score(lines, {}, [merged, eastvale])
    assert together.metrics["records_per_incident"] == 1.0
    assert together.metrics["store_fatalities_ratio"] == 1.0


def test_no_store_records_no_store_measures() -> None:
    assert "records_per_incident" not in score([gold()], {DOC: [rec()]}).metrics


# ------------------------------------------------------------------------------ split, gold


def test_split_is_stable_and_halves_partition_the_documents() -> None:
    names = [f"blog_{n:03d}.txt" for n in range(40)]
    halves = {n: split_of(n) for n in names}
    assert set(halves.values()) == {"a", "b"}
    for name in names:  # the rule, written out: an even sha1 prefix is half "a"
        expected = "a" if int(hashlib.sha1(name.encode()).hexdigest()[:8], 16) % 2 == 0 else "b"
        assert halves[name] == expected == split_of(f"/some/folder/{name}")
    lines = [gold(f"g{n}", doc=n) for n in names[:10]]
    shown = {n: [rec()] for n in names[:12]}
    parts = [score(lines, shown, split=s).counts for s in ("a", "b")]
    whole = score(lines, shown).counts
    for key in ("documents", "shown", "true_positives", "false_positives", "gold_current"):
        assert parts[0][key] + parts[1][key] == whole[key]
    with pytest.raises(ConfigError, match="unknown split"):
        score(lines, shown, split="c")


def test_load_gold_reads_lines_and_names_a_bad_one(tmp_path: Path) -> None:
    from dataclasses import asdict

    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(asdict(gold())) + "\n\n" + json.dumps(asdict(gold("g2", kind="aggregate"))) + "\n")
    assert [g.incident for g in load_gold(path)] == ["g1", "g2"]
    broken = dict(asdict(gold()))
    del broken["evidence"]
    path.write_text(json.dumps(asdict(gold())) + "\n" + json.dumps(broken) + "\n")
    with pytest.raises(ConfigError, match=r"gold\.jsonl:2.*lacks evidence"):
        load_gold(path)
    path.write_text("{not json\n")
    with pytest.raises(ConfigError, match=r"gold\.jsonl:1"):
        load_gold(path)
    with pytest.raises(ConfigError, match="cannot read"):
        load_gold(tmp_path / "absent.jsonl")


# ------------------------------------------------------------------- the bench's seams, for real


def test_bench_names_records_by_file_in_both_parts(engine, tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        import chronicle
    finally:
        sys.path.pop(0)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "post-a.txt").write_text("Gunmen killed four police officers in Baghdad on Monday, officials said.\n",
                                     encoding="utf-8")
    collected = chronicle.collect(docs, engine=engine)
    assert list(collected.by_doc) == ["post-a.txt"]
    assert collected.by_doc["post-a.txt"] and all(r["kind"] == "event" for r in collected.by_doc["post-a.txt"])
    assert collected.store and {m["document_id"] for r in collected.store for m in r["mentions"]} == {"post-a.txt"}
