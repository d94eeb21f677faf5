"""Incidents: mentions of one report consolidated, reports of one real event joined, in any order."""

import itertools

from dateline.geo.distance import distance_km
from dateline.incidents import aggregate_reason, combine, consolidate
from dateline.merge import cluster
from dateline.merge import combine as combine_reports
from dateline.models import Event, Figure
from dateline.rules import switched_off


def mention(doc: str, *, start: int = 0, date: str = "2008-06-19", lat: float = 31.84, lon: float = 47.14,
            etype: str = "Battles", killed: int | None = None, actor: str | None = "mahdi_army",
            text: str = "x", location: str = "Amarah", source: str | None = None, **kw) -> Event:
    spans = kw.pop("spans", {})
    if killed is not None and "fatalities" not in spans:
        spans = {**spans, "fatalities": [start, start + 2]}
    fields = dict(
        event_id=f"{doc}-{start}", document_id=doc, evidence_start=start, evidence_end=start + len(text), evidence_text=text,
        event_type=etype, sub_event_type=kw.pop("sub", "Armed clash"), date_start=date, date_end=date, time_precision=1,
        date_reason="sentence: 'Thursday'", latitude=lat, longitude=lon, geo_precision=1, admin1="Maysan", country="Iraq",
        location=location, place_reason=f"'{location}' in sentence", fatalities=killed, actor1_id=actor,
        source=source or f"outlet-{doc}", spans=spans,
    )
    return Event(**{**fields, **kw})


def reports(*groups: list[Event]):
    return [i for g in groups for i in consolidate(g[0].document_id, g).incidents]


def joined(*groups: list[Event]):
    return [combine_reports(members, reasons) for members, reasons in cluster(reports(*groups))]


def test_two_reports_of_one_clash_become_one_incident_with_outlets_disagreeing() -> None:
    found = joined([mention("a", killed=12, source="AP")], [mention("b", killed=15, lat=31.85, source="Reuters")])
    assert len(found) == 1
    incident = found[0]
    assert incident.record.fatalities == 12  # conflicting tolls: the conservative one is best
    assert (incident.record.fatalities_low, incident.record.fatalities_high) == (12, 15)
    assert incident.disagreements == ["fatalities: AP 12, Reuters 15"]
    assert incident.sources == ["AP", "Reuters"]
    assert incident.merge_reasons and "km apart" in incident.merge_reasons[0]
    assert sorted(incident.mention_ids) == ["a-0", "b-0"]


def test_far_apart_places_stay_apart() -> None:
    assert len(joined([mention("a")], [mention("b", lat=33.3, lon=44.4, location="Baghdad")])) == 2


def test_different_days_stay_apart() -> None:
    assert len(joined([mention("a")], [mention("b", date="2008-06-25")])) == 2


def test_different_named_actors_stay_apart() -> None:
    assert len(joined([mention("a")], [mention("b", actor="aqi_other")])) == 2


def test_violent_types_may_differ_between_reports() -> None:
    assert len(joined([mention("a", killed=3)], [mention("b", etype="Explosions/Remote violence", killed=3)])) == 1


def test_flagged_mentions_are_not_merged() -> None:
    assert len(joined([mention("a")], [mention("b", background=True)])) == 2


def test_two_towns_same_day_same_province_stay_apart_even_with_a_province_level_report() -> None:
    town_a = [mention("a", killed=5, location="Amarah")]
    town_b = [mention("b", killed=5, lat=32.3, lon=46.7, location="Ali al-Gharbi")]
    vague = [mention("c", killed=5, lat=31.9, lon=47.0, location="Maysan", geo_precision=3,
                     place_reason="no place in sentence: the document's main province (Maysan)")]
    for order in itertools.permutations([town_a, town_b, vague]):
        found = joined(*order)
        assert len(found) == 2, order
        towns = sorted(i.record.location for i in found)
        assert towns == ["Ali al-Gharbi", "Amarah"]


def test_the_result_does_not_depend_on_the_order_of_reports() -> None:
    groups = [[mention("a", killed=4)], [mention("b", killed=4, lat=31.85)], [mention("c", killed=4, lat=31.86)],
              [mention("d", killed=9, lat=33.3, lon=44.4, location="Baghdad")]]
    seen = set()
    for order in itertools.permutations(groups):
        found = joined(*order)
        seen.add(tuple(sorted((i.incident_id, tuple(sorted(i.mention_ids))) for i in found)))
    assert len(seen) == 1
    (result,) = seen
    assert sorted(len(m) for _, m in result) == [1, 3]


def test_restatements_in_one_report_are_one_incident_and_every_mention_is_kept() -> None:
    lede = mention("a", start=0, killed=7, text="A bomb killed 7 people in Amarah on Thursday.")
    detail = mention("a", start=100, killed=7, text="The bomb, hidden in a cart, killed 7 in the market.")
    other = mention("a", start=200, killed=2, lat=33.3, lon=44.4, location="Baghdad", text="In Baghdad, 2 were killed.")
    told = consolidate("a", [other, detail, lede])
    assert len(told.incidents) == 2
    first = told.incidents[0]
    assert first.mention_ids == ["a-0", "a-100"]
    assert first.record.fatalities == 7  # restated, never added
    assert {m.incident_id for m in (lede, detail)} == {first.incident_id}
    assert sum(len(i.mention_ids) for i in told.incidents) == 3


def test_a_report_restating_one_event_many_times_compares_each_mention_once_per_reading(monkeypatch) -> None:
    from dateline.incidents import report

    texts = ["A bomb killed 7 people in Amarah on Thursday.", "The bomb, hidden in a cart, killed 7 in the market."]
    told = [mention("a", start=100 * i, killed=7, text=texts[i % 2]) for i in range(300)]
    compared = []
    real = report.same_in_report
    monkeypatch.setattr(report, "same_in_report", lambda a, b: compared.append(b) or real(a, b))
    (incident,) = consolidate("a", told).incidents
    assert len(incident.mention_ids) == 300  # every restatement kept, in one incident
    assert len(compared) < 2 * len(told)  # against the two readings, not against every member told before


def test_another_attack_with_its_own_toll_stays_apart_in_one_report() -> None:
    lede = mention("a", start=0, killed=7, text="A bomb killed 7 people on Thursday.")
    more = mention("a", start=100, killed=3, text="In another attack, gunmen killed 3 people.")
    assert len(consolidate("a", [lede, more]).incidents) == 2


def test_alternative_tolls_are_bounds_not_sums() -> None:
    figures = [Figure(11, "m1", "d", source="AP"), Figure(15, "m2", "d", source="AP", reported_by="the defence ministry")]
    toll = combine(figures)
    assert (toll.low, toll.best, toll.high) == (11, 11, 15)


def test_a_toll_phrase_that_says_it_rose_is_an_update() -> None:
    from dateline.incidents.tolls import figures_of

    text = "The toll from a bombing at a market in Baghdad on Thursday rose to 15, medical sources said."
    start = text.index("toll")
    event = mention("c", killed=15, text=text, spans={"fatalities": [start, text.index("15") + 2]})
    assert figures_of(event)[0].updated


def test_an_updated_toll_replaces_the_earlier_one_as_best() -> None:
    toll = combine([Figure(11, "m1", "d"), Figure(15, "m2", "d", updated=True)])
    assert (toll.low, toll.best, toll.high) == (11, 15, 15)


def test_at_least_gives_a_low_bound_only() -> None:
    toll = combine([Figure(7, "m1", "d", bound="low")])
    assert (toll.low, toll.best, toll.high) == (7, 7, None)


def test_a_lower_bound_below_a_count_agrees_with_it_and_never_becomes_best() -> None:
    toll = combine([Figure(23, "m1", "d"), Figure(4, "m2", "d", bound="low")])  # "at least four of the soldiers were beheaded"
    assert (toll.low, toll.best, toll.high) == (4, 23, 23)
    toll = combine([Figure(9, "m1", "d", bound="low"), Figure(6, "m2", "d")])  # "at least nine" against "six": still the lowest
    assert toll.best == 6


def test_two_sides_dead_counted_apart_add_up_and_a_total_stands_when_larger() -> None:
    soldiers = [Figure(5, "m1", "d", side="state"), Figure(4, "m2", "d", side="state")]
    gunmen = [Figure(2, "m3", "d", side="armed"), Figure(1, "m4", "d", side="armed", bound="share")]
    toll = combine([*soldiers, *gunmen])
    assert (toll.low, toll.best, toll.high) == (6, 6, 7)  # each side's best added (a share counts only alone); low and high add their bounds
    assert combine([*soldiers, *gunmen, Figure(25, "m5", "d")]).best == 25  # "25 were killed" in all
    with switched_off(["incidents.side_tolls"]):
        assert combine([*soldiers, *gunmen]).best == 2  # who reads no sides has alternatives


def test_whose_dead_a_figure_counts_comes_from_its_words() -> None:
    from dateline.incidents.tolls import figures_of, toll_side

    def counted(text: str, words: str) -> Event:
        start = text.index(words)
        return mention("s", start=0, killed=2, text=text, spans={"fatalities": [start, start + len(words)]})

    assert toll_side(counted("Militants killed five soldiers on Tuesday.", "five soldiers")) == "state"
    assert toll_side(counted("Two gunmen were also killed.", "Two gunmen")) == "armed"
    assert toll_side(counted("Two police officers were killed.", "Two police officers")) == "state"
    assert toll_side(counted("Six soldiers and 19 militants were killed.", "Six soldiers and 19 militants")) is None
    assert toll_side(counted("Seven people were killed.", "Seven people")) is None
    raider = counted("One of the raiders was killed at the gate.", "One of the raiders")
    assert [(f.side, f.bound) for f in figures_of(raider)] == [("armed", "share")]


def test_one_side_is_never_both_sides_of_an_incident() -> None:
    # the army has most votes for actor1; for actor2 the lede's army ties the militants and comes first
    lede = mention("a", start=0, actor1="militants", actor2="army", text="Militants attacked an army post.")
    back = mention("a", start=100, actor1="army", actor2="militants", text="Soldiers fought back against the militants.")
    alone = mention("a", start=200, actor1="army", actor2=None, text="Soldiers fought for hours.")
    (incident,) = consolidate("a", [lede, back, alone]).incidents
    assert (incident.record.actor1, incident.record.actor2) == ("army", "militants")


def test_totals_over_a_period_or_area_are_aggregates_not_incidents() -> None:
    period = mention("a", start=0, killed=8300, text="Some 8,300 people were killed in Iraq this year, officials said.",
                     spans={"fatalities": [5, 10]})
    wave = mention("a", start=100, killed=17, text="A wave of bombings across the country killed 17 people.",
                   spans={"fatalities": [140, 142]})
    single = mention("a", start=200, killed=4, text="A roadside bomb killed 4 soldiers near Amarah on Thursday.",
                     spans={"fatalities": [223, 224]})
    assert aggregate_reason(period).startswith("period")
    assert aggregate_reason(wave) is not None
    assert aggregate_reason(single) is None
    told = consolidate("a", [period, wave, single])
    assert [a.fatalities for a in told.aggregates] == [8300, 17]
    assert [i.record.fatalities for i in told.incidents] == [4]


def test_field_provenance_names_the_mention_that_gave_it() -> None:
    lede = mention("a", start=0, killed=7, location="Maysan", lat=31.9, lon=47.0, geo_precision=3,
                   place_reason="no place in sentence: the document's main province (Maysan)")
    detail = mention("a", start=100, killed=7, location="Amarah")
    (incident,) = consolidate("a", [lede, detail]).incidents
    assert incident.record.location == "Amarah"
    assert incident.field_sources["place"] == "a-100"
    assert incident.field_sources["evidence"] == "a-0"


def test_distance() -> None:
    assert 120 < distance_km(31.84, 47.14, 30.5, 47.8) < 170


import pytest  # noqa: E402

from dateline.incidents import AggregateCues  # noqa: E402


@pytest.mark.parametrize("text, family", [
    ("Armed clashes erupted in several towns on Friday, leaving 14 dead.", "plural"),
    ("Fighting in Kandahar, Helmand and Uruzgan killed 40 militants, the ministry said.", "plural"),
    ("At least 900 civilians have been killed in the province, the mission said.", "cumulative"),
    ("Nearly 2,000 soldiers have died since the start of the offensive.", "period"),
    ("Officials said 120 people were killed across the country last month.", "area"),
    ("Several candidates were assassinated these last two weeks, officials said.", "period"),
    ("In March alone, some 300 people were killed in the province.", "period"),
])
def test_totals_are_recognised_by_their_clause(text, family) -> None:
    assert AggregateCues.load().first(text)[0] == family


@pytest.mark.parametrize("text", [
    "Six people have been killed in a suicide attack on a market in Quetta.",
    "A roadside bomb killed four soldiers in Kandahar, Afghanistan, on Monday.",
    "Gunmen shot dead a judge and his driver in Mosul.",
    "Earlier this month, a roadside bomb killed four soldiers in neighbouring Baghlan province.",
    "Since Monday, an air strike on a market has killed 12 people, officials said.",
    "Five soldiers have been killed in the north after their convoy came under fire from rebels.",
    "Four guards have been killed in an eastern town after insurgents stormed its bank.",
])
def test_single_attacks_are_not_totals(text) -> None:
    assert AggregateCues.load().first(text) is None


def test_a_cue_family_can_be_switched_off() -> None:
    text = "At least 900 civilians have been killed in the province."
    assert AggregateCues.load(frozenset({"cumulative"})).first(text) is None


def test_a_sentence_giving_another_toll_is_no_second_incident_in_the_scorers_counts() -> None:
    from dateline.merge import document_counts

    first = mention("a", start=0, killed=11, text="Gunmen killed 11 people in Damboa on Friday.")
    other = mention("a", start=100, killed=13, text="Another report puts the death total at 13.",
                    spans={"fatalities": [110, 140], "toll_of": [0, len(first.evidence_text)]})
    assert document_counts([first, other])[0] == 11  # the lowest of two reports' figures, never 24


def test_a_bomb_a_mention_tells_was_a_suicide_bombers_is_one_suicide_bombing() -> None:
    from dateline.incidents import build_incident

    kw = dict(etype="Explosions/Remote violence", killed=6)
    lede = mention("a", start=0, sub="Suicide bomb", **kw)
    later = [mention("a", start=100 * i, sub="Remote explosive/landmine/IED", **kw) for i in (1, 2)]
    assert build_incident([*later, lede]).record.sub_event_type == "Suicide bomb"
    with switched_off(["incidents.escalation"]):
        assert build_incident([*later, lede]).record.sub_event_type == "Remote explosive/landmine/IED"


def test_two_reports_of_the_same_two_unnamed_sides_that_day_are_one_event() -> None:
    sides = dict(etype="Protests", sub="Protest with intervention", actor="generic:protesters", actor1="Protesters (Iraq)",
                 actor2="Police Forces of Iraq", actor2_id="generic:police", text="Riot police attacked the protesters.")
    country_level = mention("blog-a", location="Iraq", admin1=None, lat=33.0, lon=44.0, geo_precision=3,
                            place_reason="no place in sentence: the document's main country (Iraq)", **sides)
    in_town = mention("blog-b", location="Amarah", **sides)
    assert len(joined([country_level], [in_town])) == 1
    with switched_off(["merge.same_sides"]):
        assert len(joined([country_level], [in_town])) == 2


@pytest.mark.parametrize("text, back", [
    ("Police said the first blast came from a car that exploded at a checkpoint.", True),
    ("Officials told reporters the bombing targeted a police convoy.", True),
    ("The attack began when a car bomb exploded at the gate.", True),
    ("He said the second blast killed five more people.", False),  # another blast, not the one told
    ("Witnesses said gunmen attacked the town at dawn.", False),
])
def test_the_violence_told_is_named_back_after_its_teller_too(text, back) -> None:
    from dateline.incidents.report import refers_back

    assert refers_back(mention("d", text=text)) is back


@pytest.mark.parametrize("text, words, definite", [
    ("The residents also say the militants seized weapons.", "militants", True),  # the teller's "also"
    ("Police said the other militants fled.", "militants", False),  # another group
    ("Later, more militants arrived in trucks.", "militants", False),
])
def test_a_definite_attacker_is_one_told_whatever_the_teller_says_before_it(text, words, definite) -> None:
    from dateline.incidents.compat import definite_actor

    start = text.index(words)
    event = mention("d", text=text, actor="generic:unidentified_armed_group", spans={"actor1": [start, start + len(words)]})
    assert definite_actor(event) is definite
