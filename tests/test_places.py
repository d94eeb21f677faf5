"""Place resolution in context, precision codes, relative places, the event's place, `dateline places`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.geo.colocation import TownIndex
from dateline.geo.distance import distance_km
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.places import PlaceContext, PlaceResolver, offset_point, parse_relation, precision_of
from dateline.ingest import document_from_text
from dateline.models import Place
from dateline.pipeline import document_toponyms
from dateline.resolve.names import core_name, normalise_name


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.default())


IRAQ = PlaceContext(country_code="IQ")


@pytest.mark.parametrize(
    "name, hint, context, feature, country, admin1, precision",
    [
        ("Maysan", "province", IRAQ, "ADM1", "IQ", "Maysan", (3, 4)),
        ("Amara", None, IRAQ, "PPL", "IQ", "Maysan", (1, 1)),
        ("Al-Amarah", None, None, "PPL", "IQ", "Maysan", (1, 1)),
        ("Basra", None, PlaceContext(country_code="IQ", admin1="Maysan"), "PPL", "IQ", "Basra", (1, 1)),
        ("Iran", None, IRAQ, "PCLI", "IR", None, (3, 6)),
        ("Sadr City", None, None, "PPLX", "IQ", "Baghdad", (1, 1)),
        ("Samarra", None, None, "PPL", "IQ", "Salah ad Din", (1, 1)),  # not Samara, Russia
        ("Dora", None, PlaceContext(country_code="IQ", admin1="Baghdad"), "PPLX", "IQ", "Baghdad", (1, 1)),
        ("Hawija", None, IRAQ, "PPL", "IQ", "Kirkuk", (1, 1)),  # the town, not its district
        ("Russian", None, None, "PCLI", "RU", None, (3, 6)),
        ("Kansas", None, None, "ADM1", "US", "Kansas", (3, 4)),  # not Kansas City
        ("Fla.", None, PlaceContext(country_code="US"), "ADM1", "US", "Florida", (3, 4)),  # names-only curated row
        ("Kan.", None, None, "ADM1", "US", "Kansas", (3, 4)),  # a dotted abbreviation names a state, not Kano
        ("B.C.", None, None, "ADM1", "CA", "British Columbia", (3, 4)),
        ("Sask.", None, None, "ADM1", "CA", "Saskatchewan", (3, 4)),
        ("N.Y", None, None, "ADM1", "US", "New York", (3, 4)),  # round 8: the full stop took the last dot
        ("W. Va", None, None, "ADM1", "US", "West Virginia", (3, 4)),
        ("NY", None, None, "ADM1", "US", "New York", (3, 4)),  # round 8: a postal code names the state, not NYC
        ("BC", None, None, "ADM1", "CA", "British Columbia", (3, 4)),
        ("U.S", None, None, "PCLI", "US", None, (3, 6)),
        ("EU", None, None, "PPLC", "BE", None, (1, 1)),  # the EU at Brussels, not Eu, Normandy
        ("Mexico City", None, PlaceContext(country_code="US"), "PPL", "MX", "Ciudad de Mexico", (1, 1)),  # not Mexico, MO
        ("Los Angeles", None, None, "PPL", "US", "California", (1, 1)),  # the state's own name, not "Golden"
        ("Virginia", None, None, "ADM1", "US", "Virginia", (3, 4)),  # not Virginia, Free State
        ("Black Sea", None, None, "SEA", "", None, (2, 2)),  # a sea is a region, ACLED 2
        ("Caucasus", None, None, "MTS", "", None, (2, 5)),
    ],
)
def test_resolution_in_context(resolver: PlaceResolver, name: str, hint: str | None, context: PlaceContext | None,
                               feature: str, country: str, admin1: str | None, precision: tuple[int, int]) -> None:
    resolved = resolver.resolve(name, hint=hint, context=context)
    assert resolved is not None
    place = resolved.place
    assert (place.feature_code, place.country_code, place.admin1) == (feature, country, admin1)
    assert (resolved.geo_precision, resolved.where_prec) == precision
    assert resolved.reason


def test_document_country_decides_between_namesakes(resolver: PlaceResolver) -> None:
    us = resolver.context([("Alexandria", None), ("Rapides Parish", None), ("Louisiana", None)])
    eg = resolver.context([("Alexandria", None), ("Cairo", None), ("Egypt", None)])
    assert (us.country_code, eg.country_code) == ("US", "EG")
    assert resolver.resolve("Alexandria", context=us).place.admin1 == "Louisiana"
    assert resolver.resolve("Alexandria", context=eg).place.country_code == "EG"


@pytest.mark.parametrize("state", ["California", "Oklahoma", "Nevada"])
def test_a_state_name_is_the_state_in_another_states_story(resolver: PlaceResolver, state: str) -> None:
    """A town called after a state ("California, Pennsylvania") gets no agreement points for lying in a
    state the document names: the name of a province of 200,000 people or more is that province."""
    names = [(state, None), ("Pittsburgh", None), ("Pennsylvania", None), ("Harrisburg", None)]
    resolved = resolver.resolve(state, context=resolver.context(names))
    assert resolved is not None
    assert (resolved.place.feature_code, resolved.place.admin1) == ("ADM1", state)


def test_a_us_state_named_like_a_country(resolver: PlaceResolver) -> None:
    us = resolver.context([("Georgia", None), ("Atlanta", None), ("Macon", None)])
    caucasus = resolver.context([("Georgia", None), ("Tbilisi", None), ("Russia", None)])
    assert us.country_code == "US"
    assert resolver.resolve("Georgia", context=us).place.feature_code == "ADM1"
    assert resolver.resolve("Georgia", context=caucasus).place.country_code == "GE"


def test_other_names_agree_on_a_province(resolver: PlaceResolver) -> None:
    """A town name of many states goes to the state where the document's other names can lie."""
    names = ["Paris", "Lamar County", "Clarksville", "Honey Grove"]
    context = resolver.context([(n, None) for n in names])
    place = resolver.resolve("Paris", context=context, nearby=names).place
    assert (place.country_code, place.admin1) == ("US", "Texas")
    alone = resolver.resolve("Paris", context=resolver.context([("Paris", None), ("Lyon", None)])).place
    assert alone.country_code == "FR"


@pytest.mark.parametrize(
    "names, expected",
    [
        (["Abara", "Diyala"], None),  # Ibarra, Ecuador, only through a respelling: the province stands
        (["Abara"], "EC"),  # no province of another country named: the respelling is all there is
        (["Kiev", "New York"], "UA"),  # a city of millions keeps its English name
        (["Baghdad", "Diyala"], "IQ"),
    ],
)
def test_a_respelling_abroad_yields_to_a_named_province(resolver: PlaceResolver, names: list[str],
                                                        expected: str | None) -> None:
    context = resolver.context([(n, None) for n in names])
    resolved = resolver.resolve(names[0], context=context)
    assert (resolved.place.country_code if resolved else None) == expected


@pytest.mark.parametrize(
    "names, expected",
    [
        (["Sokoto State", "Lund"], None),  # no Nigerian Lund: not the Swedish town, the state stands
        (["Sokoto State", "Dalby"], None),
        (["Kenya", "Wamba"], "KE"),  # the Kenyan town, not Wamba, Nigeria, ranked first on its own
        (["Nigeria", "Patani"], "NG"),  # not Pattani, Thailand
        (["Pakistan", "Shahpur"], "PK"),  # not Shahpur, India
        (["Lund"], "SE"),  # no country named: the namesake is all there is
        (["Texas", "Riga"], "LV"),  # a city of 100,000 or more keeps its name
        (["Chad", "Damasak"], "NG"),  # a town next to the document's country is a neighbour
        (["Poland", "Warsaw", "Krakow", "England", "Weybridge"], "GB"),  # another name reads England
    ],
)
def test_a_namesake_abroad_yields_to_the_documents_country(resolver: PlaceResolver, names: list[str],
                                                           expected: str | None) -> None:
    """Round 9: in a document that names its country (or a province of it), a small foreign town far
    from the document's places is a namesake: the name's reading in the document's country, else none."""
    context = resolver.context([(n, None) for n in names])
    resolved = resolver.resolve(names[-1], context=context, nearby=names)
    assert (resolved.place.country_code if resolved else None) == expected


@pytest.mark.parametrize("name, country", [("Jigawa State", "NG"), ("Turkana County", "KE"),
                                           ("Zabul Province", "AF")])
def test_a_province_named_with_its_word_is_country_evidence(resolver: PlaceResolver, name: str, country: str) -> None:
    """Round 9: "Turkana County" is the province's own name, not an alias (its evidence was halved),
    and counts as a province's name whatever its population says."""
    assert resolver.context([(name, None)]).countries[country] >= 2.0
    assert resolver.context([("Hamar", None), ("Turkana County", None)]).country_code == "KE"  # not Hamar, Norway


@pytest.mark.parametrize("name, hint", [("Kondoz", "province"), ("Kondoz Province", None), ("Zabol", "province")])
def test_a_province_asked_for_with_the_other_vowel(resolver: PlaceResolver, name: str, hint: str | None) -> None:
    """Round 9: a name asked as a province that finds none takes a province spelled with o/u, e/i
    swapped ("Zabol Province" was Zabol, Iran, a town, and turned the document Iranian)."""
    resolved = resolver.resolve(name, hint=hint)
    assert resolved is not None
    assert (resolved.place.feature_code, resolved.place.country_code) == ("ADM1", "AF")


def test_a_county_named_in_the_document(resolver: PlaceResolver) -> None:
    names = ["Paris", "Henry County", "Tennessee"]
    context = resolver.context([(n, None) for n in names])
    place = resolver.resolve("Paris", context=context, nearby=names).place
    assert (place.admin1, place.admin2) == ("Tennessee", "Henry County")


def test_nearby_places_pull_a_neighbourhood_home(resolver: PlaceResolver) -> None:
    alone = resolver.resolve("Bayaa").place
    beside_baghdad = resolver.resolve("Bayaa", context=resolver.context([("Bayaa", None), ("Baghdad", None)]),
                                      nearby=["Baghdad"]).place
    assert alone.country_code != "IQ" or alone.admin1 == "Baghdad"
    assert (beside_baghdad.country_code, beside_baghdad.admin1) == ("IQ", "Baghdad")


def test_alternatives_are_reported(resolver: PlaceResolver) -> None:
    resolved = resolver.resolve("Paris")
    assert resolved.place.country_code == "FR"
    assert resolved.alternatives and all(p.name for p in resolved.alternatives)


@pytest.mark.parametrize(
    "before, km, bearing, text",
    [
        ("a bomb exploded 30 km south of ", 30.0, 180, "30 km south of"),
        ("clashes 10 miles northwest of the ", pytest.approx(16.09), 315, "10 miles northwest of the"),
        ("fighting near ", None, None, "near"),
        ("an attack on the outskirts of ", None, None, "on the outskirts of"),
    ],
)
def test_relations_are_read(before: str, km: float | None, bearing: float | None, text: str) -> None:
    relation = parse_relation(before)
    assert relation is not None
    assert (relation.km, relation.bearing, relation.text) == (km, bearing, text)


@pytest.mark.parametrize("before", ["police in ", "the 30 soldiers of ", ""])
def test_no_relation(before: str) -> None:
    assert parse_relation(before) is None


def test_relative_point_moves_and_lowers_precision(resolver: PlaceResolver) -> None:
    relation = parse_relation("a car bomb 30 km south of ")
    resolved = resolver.resolve("Baghdad", context=IRAQ, relation=relation)
    anchor = resolver.resolve("Baghdad", context=IRAQ).place
    assert resolved.anchor == anchor
    assert distance_km(anchor.latitude, anchor.longitude, resolved.place.latitude, resolved.place.longitude) == pytest.approx(30, abs=0.5)
    assert resolved.place.latitude < anchor.latitude
    assert (resolved.geo_precision, resolved.where_prec) == (2, 3)
    near = resolver.resolve("Baghdad", context=IRAQ, relation=parse_relation("near "))
    assert (near.place.latitude, near.geo_precision, near.where_prec) == (anchor.latitude, 2, 2)


def test_offset_point_round_trip() -> None:
    lat, lon = offset_point(33.0, 44.0, km=100, bearing=90)
    assert distance_km(33.0, 44.0, lat, lon) == pytest.approx(100, rel=1e-3)
    assert lon > 44.0 and abs(lat - 33.0) < 0.1


@pytest.mark.parametrize("code, expected", [("PCLI", (3, 6)), ("ADM1", (3, 4)), ("ADM2", (2, 3)), ("PPL", (1, 1))])
def test_precision_codes(resolver: PlaceResolver, code: str, expected: tuple[int, int]) -> None:
    from dateline.models import Place

    assert precision_of(Place("x", 0.0, 0.0, feature_class="A" if code != "PPL" else "P", feature_code=code)) == expected


# ------------------------------------------------------------------ toponyms of a document and the sample

TEXT = ("On June 19, 2008 the army entered Maysan province. Police arrested the deputy governor in Amara, "
        "30 km south of Kut. Like the offensives in Basra and Sadr City, it was aimed at the Sadrists, "
        "many of whom fled to Iran.")


@pytest.fixture(scope="module")
def toponyms(engine):
    return document_toponyms(document_from_text(TEXT, id="doc-1"), engine=engine)


def test_toponym_spans_point_into_the_text(toponyms) -> None:
    assert toponyms
    for top in toponyms:
        assert TEXT[top.start:top.end] == top.text
        assert top.document_id == "doc-1"


@pytest.mark.parametrize(
    "text, place_name, feature, admin1, precision",
    [
        ("Maysan province", "Maysan", "ADM1", "Maysan", 3),
        ("Amara", "Amarah", "PPL", "Maysan", 1),
        ("Basra", "Basra", "PPL", "Basra", 1),
        ("Sadr City", "Sadr City", "PPLX", "Baghdad", 1),
        ("Iran", "Iran", "PCLI", None, 3),
    ],
)
def test_sample_like_places(toponyms, text: str, place_name: str, feature: str, admin1: str | None,
                            precision: int) -> None:
    top = next(t for t in toponyms if t.text == text)
    assert (top.place.name, top.place.feature_code, top.place.admin1, top.geo_precision) == (place_name, feature, admin1, precision)


def test_relative_toponym(toponyms) -> None:
    kut = next(t for t in toponyms if t.text == "Kut")
    assert kut.relation == "30 km south of"
    assert kut.anchor is not None and kut.anchor.name == "Kut"
    assert kut.geo_precision == 2


@pytest.mark.slow  # the places command loads the full model
def test_places_command_jsonl(tmp_path) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"id": "a1", "text": "Gunmen killed two police officers in Fallujah on Monday."}) + "\n",
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["places", "--format", "jsonl", str(source)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    fallujah = next(r for r in records if r["text"] == "Fallujah")
    assert fallujah["document_id"] == "a1"
    assert (fallujah["place"]["admin1"], fallujah["place"]["country_code"], fallujah["geo_precision"]) == ("Anbar", "IQ", 1)
    assert isinstance(fallujah["alternatives"], list) and fallujah["place_reason"]


@pytest.mark.slow  # the places command loads the full model before reading its inputs
def test_places_command_bad_input(tmp_path) -> None:
    result = CliRunner().invoke(main, ["places", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1


# ------------------------------------------------------------------ the event's place


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Three bombings in Hilla, in southern Iraq, killed at least 13 people.", "Hilla"),
        ("Militants killed 21 leaders from the towns of Rawah and Ana in Anbar Province.", "Rawah"),
        ("A Basra official said gunmen killed two policemen in Amara on Monday.", "Amara"),
        ("Gunmen who fled to Syria killed four soldiers in Mosul.", "Mosul"),
    ],
)
def test_event_place_is_the_triggers_location(engine, sentence: str, expected: str) -> None:
    ((_document, events),) = list(engine.extract([document_from_text(sentence, published="2013-05-01")]))
    assert events, sentence
    assert sentence[events[0].spans["place"][0]:events[0].spans["place"][1]].startswith(expected)


@pytest.mark.parametrize(
    "name, context, country, admin1, within_km_of",
    [
        ("Boston Harbor", PlaceContext(country_code="US"), "US", "Massachusetts", (42.36, -71.06)),
        ("Port of Los Angeles", None, "US", "California", (34.05, -118.24)),
        ("Chattahoochee River", PlaceContext(country_code="US"), "US", None, None),
    ],
)
def test_unknown_feature_resolves_to_the_place_it_is_named_after(
        resolver: PlaceResolver, name: str, context: PlaceContext | None, country: str, admin1: str | None,
        within_km_of: tuple[float, float] | None) -> None:
    """An unknown "X River" / "Port of X" is read as a point near X: precision "near", and the reason says so."""
    assert resolver.gazetteer.lookup(name) == []  # else the test says nothing about the fallback
    resolved = resolver.resolve(name, context=context)
    assert resolved is not None
    assert resolved.place.country_code == country
    if admin1:
        assert resolved.place.admin1 == admin1
    if within_km_of:
        assert distance_km(*within_km_of, resolved.place.latitude, resolved.place.longitude) < 50
    assert resolved.geo_precision == 2
    assert "not in the gazetteer" in resolved.reason


@pytest.mark.parametrize("name, context", [("Islington Bay", PlaceContext(country_code="NZ")),
                                           ("Penn Park", PlaceContext(country_code="US"))])
def test_implausible_core_is_no_answer(resolver: PlaceResolver, name: str, context: PlaceContext) -> None:
    """A local feature is not by a namesake abroad (Islington, London, in a New Zealand story), and a core
    matched only through an alias ("Penn" -> Pennsylvania) does not stand for the feature."""
    assert resolver.gazetteer.lookup(core_name(name) or "")  # the core is known: the rule is what refuses it
    assert resolver.resolve(name, context=context) is None


@pytest.mark.parametrize(
    "name, context, feature, country",
    [
        ("White House", PlaceContext(country_code="US"), "BLDG", "US"),  # not Casablanca (alias "White House")
        ("Champs-Elysees", None, "ST", "FR"),
        ("Kremlin", None, "PAL", "RU"),
        ("Zaire", None, "PCLI", "CD"),  # the country's old name, before the Angolan province
    ],
)
def test_landmarks_and_old_country_names(resolver: PlaceResolver, name: str, context: PlaceContext | None,
                                         feature: str, country: str) -> None:
    resolved = resolver.resolve(name, context=context)
    assert resolved is not None
    assert (resolved.place.feature_code, resolved.place.country_code) == (feature, country)


def test_a_country_the_document_names_wins_over_its_main_country(resolver: PlaceResolver) -> None:
    """A US-centred story that also names Egypt: its "Cairo" is the Egyptian capital, not Cairo, Ohio."""
    names = [("US", None), ("American", None), ("Washington", None), ("Egypt", None), ("Cairo", None)]
    context = resolver.context(names)
    assert context.country_code == "US" and "EG" in context.named_countries
    resolved = resolver.resolve("Cairo", context=context, nearby=[n for n, _h in names])
    assert resolved is not None and resolved.place.country_code == "EG"


def test_weights_drive_the_ranking() -> None:
    """The ranking's points come from Weights: a huge weight for the document's country decides alone."""
    from dataclasses import replace

    from dateline.geo.weights import DEFAULT_WEIGHTS, HAND_WEIGHTS

    gazetteer = Gazetteer.default()
    us = PlaceContext(country_code="US")
    assert PlaceResolver(gazetteer, weights=HAND_WEIGHTS).resolve("Paris").place.country_code == "FR"
    heavy = PlaceResolver(gazetteer, weights=replace(DEFAULT_WEIGHTS, doc_country=50.0))
    assert heavy.resolve("Paris", context=us).place.country_code == "US"


@pytest.mark.parametrize(
    "names, name, admin1",
    [
        (["Athens", "Marietta", "Parkersburg"], "Athens", "Ohio"),  # alone: Athens and Marietta of Georgia
        (["Athens", "Marietta", "Parkersburg"], "Marietta", "Ohio"),
        (["Hillsboro", "Concord", "Henniker"], "Concord", "New Hampshire"),  # alone: Concord, California
        # "DeKalb County" is the same name with its generic word: no support for DeKalb, Illinois
        (["DeKalb County", "DeKalb", "Stone Mountain", "Atlanta"], "DeKalb", "Georgia"),
    ],
)
def test_names_that_can_lie_together_do(resolver: PlaceResolver, names: list[str], name: str, admin1: str) -> None:
    """Round 8: a town gains for each other name of the document that has any reading within 50 km
    (not only its best reading), so a cluster of small towns finds itself."""
    context = resolver.context([(n, None) for n in names])
    resolved = resolver.resolve(name, context=context, nearby=names)
    assert resolved is not None and (resolved.place.country_code, resolved.place.admin1) == ("US", admin1)


@pytest.mark.parametrize("left_out", ["Moscow", "Kiev", "Texas", "Mexico"])
def test_a_city_of_millions_lends_no_namesake_hamlets(resolver: PlaceResolver, left_out: str) -> None:
    """A name whose first reading is a country, a province or a city of a million gives no co-location
    support through its namesake hamlets (Moscow, Idaho beside Pullman, Washington)."""
    context = resolver.context([(left_out, None), ("Pullman", None)])
    assert context.towns.keys() == {normalise_name("Pullman")}


@pytest.mark.parametrize("names, admin1", [(["Boston", "New York", "Canada", "Toronto"], "Massachusetts"),
                                           (["Boston", "Massachusetts", "New York"], "Massachusetts")])
def test_a_dwarfed_town_gains_little_from_its_named_state(resolver: PlaceResolver, names: list[str],
                                                         admin1: str) -> None:
    """Round 8: a town with a namesake city of 20 times its people (and 100,000 or more) gains half
    the points for lying in a province the document names: "Boston" in a story naming New York state
    is still Boston, Massachusetts, not Boston, New York."""
    context = resolver.context([(n, None) for n in names])
    resolved = resolver.resolve("Boston", context=context, nearby=names)
    assert resolved is not None and resolved.place.admin1 == admin1


@pytest.mark.parametrize(
    "names, name, admin1",
    [
        (["Custer County", "Dawson County", "Nebraska", "Kearney", "Hitchcock", "Dakota", "Platte", "Douglas", "Otoe",
          "Cass"], "Platte", "Nebraska"),  # not Platte, South Dakota
        (["Kenton County", "Boone County", "Kentucky", "Covington", "Campbell", "Grant", "Pendleton", "Harrison", "Scott"],
         "Scott", "Kentucky"),
    ],
)
def test_a_story_listing_counties_names_more_of_them_bare(resolver: PlaceResolver, names: list[str], name: str,
                                                         admin1: str) -> None:
    """Round 8: when two or more of the document's names read as counties of its province, a bare
    name that is a county of that province gains again."""
    context = resolver.context([(n, None) for n in names])
    resolved = resolver.resolve(name, context=context, nearby=names)
    assert resolved is not None
    assert (resolved.place.feature_code, resolved.place.admin1) == ("ADM2", admin1)


@pytest.mark.parametrize(
    "names, home, admin1",
    [
        (["Manhattan"], "Kansas", "Kansas"),  # the story names no other place: the home decides
        (["Portland"], "Connecticut", "Connecticut"),
        (["Manhattan", "Brooklyn"], "Kansas", "New York"),  # another place speaks: the home is a weak prior again
        (["Malta"], "Illinois", "Illinois"),  # its country vote counts twice too: the town before the country
        (["Lebanon"], "Indiana", "Indiana"),
        (["Malta", "Valletta"], "Illinois", None),  # the island country, named with its capital
    ],
)
def test_the_home_decides_a_story_naming_one_place(resolver: PlaceResolver, names: list[str], home: str,
                                                   admin1: str | None) -> None:
    """Round 8: the source's home, and its vote for the document's country, count twice in a document
    that names no other place."""
    context = resolver.context([(n, None) for n in names], home=("US", home))
    resolved = resolver.resolve(names[0], context=context, nearby=names)
    assert resolved is not None and resolved.place.admin1 == admin1


def _town(name: str, lat: float, lon: float, *, code: str = "PPL", population: int = 1000) -> Place:
    return Place(name, lat, lon, feature_class="P" if code.startswith("PPL") else "A", feature_code=code,
                 country_code="ZZ", population=population)


@pytest.mark.parametrize(
    "other, km, expected",
    [
        ([_town("Ostwick", 40.2, -90.0)], 50.0, 1),  # 22 km away
        ([_town("Ostwick", 41.0, -90.0)], 50.0, 0),  # 111 km away
        ([_town("Ostwick", 41.0, -90.0)], 150.0, 1),
        ([_town("Ostwick", 0.0, 0.0), _town("Ostwick", 40.1, -90.1)], 50.0, 1),  # any reading counts
        ([_town("Varnby County", 40.1, -90.0, code="ADM2")], 50.0, 0),  # the same name with its generic word
        ([_town("Ostwick", 40.1, -90.0, population=2_000_000)], 50.0, 0),  # read first as a city of millions
    ],
)
def test_town_index_counts_other_names_nearby(other: list[Place], km: float, expected: int) -> None:
    index = TownIndex()
    index.add(normalise_name(other[0].name), other)
    assert index.neighbours(_town("Varnby", 40.0, -90.0), normalise_name("Varnby"), km=km) == expected


@pytest.mark.parametrize(
    "names, admin1, feature",
    [
        (["DeKalb", "DeKalb County", "Decatur", "Atlanta"], "Georgia", "ADM2"),  # the county read in Georgia
        (["DeKalb", "DeKalb County", "Sycamore", "Illinois"], "Illinois", "PPL"),  # read in Illinois: the town
    ],
)
def test_a_named_county_supports_only_its_own_states_towns(resolver: PlaceResolver, names: list[str], admin1: str,
                                                           feature: str) -> None:
    """Round 8: "in a county the document names" counts only when the document reads that county in
    the candidate's province."""
    context = resolver.context([(n, None) for n in names])
    resolved = resolver.resolve(names[0], context=context, nearby=names)
    assert resolved is not None and (resolved.place.admin1, resolved.place.feature_code) == (admin1, feature)


# One document place context (geo.build_document_geo) for extraction and `dateline places`: a story
# whose only clue to its country is the people it names ("Libyan") reads its towns in that country
# in both, where `dateline places` once read "Bayda" as Bida, Nigeria and "Tisa" as a Romanian village.
_PEOPLE_ONLY = ("Gunmen stormed a Libyan television station near Bayda on Sunday, killing two guards. "
                "Armed men attacked an army post in Tisa on Monday, killing three soldiers.")


def test_places_and_extraction_read_a_document_alike(engine) -> None:
    document = document_from_text(_PEOPLE_ONLY, id="people-only")
    toponyms = {top.text: top for top in document_toponyms(document, engine=engine)}
    ((_doc, events),) = list(engine.extract([document_from_text(_PEOPLE_ONLY, id="people-only")]))
    assert toponyms["Bayda"].place is not None and toponyms["Bayda"].place.country == "Libya"
    assert events and {e.country for e in events} == {"Libya"}
    for event in events:  # a place an event took from a name is what `dateline places` says of that name
        assert event.location in (toponyms["Bayda"].place.name, "Libya")
    # no reading of "Tisa" fits a Libyan story: neither places it there (its event falls back to the country)
    assert toponyms["Tisa"].place is None and toponyms["Tisa"].reason == "no reading fits the document's places"


@pytest.mark.slow  # both commands load the full model
def test_the_places_and_extract_commands_agree(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(_PEOPLE_ONLY + "\n", encoding="utf-8")
    runner = CliRunner()
    places = runner.invoke(main, ["places", "--format", "jsonl", str(path)])
    extracted = runner.invoke(main, ["extract", "--format", "jsonl", str(path)])
    assert places.exit_code == 0 and extracted.exit_code == 0, places.output + extracted.output
    read = {r["text"]: r["place"] for r in map(json.loads, places.output.splitlines())}
    incidents = [json.loads(line) for line in extracted.output.splitlines()]
    assert read["Bayda"]["country"] == "Libya" and read["Tisa"] is None
    assert {i["country"] for i in incidents} == {"Libya"}
    assert read["Bayda"]["name"] in {i["location"] for i in incidents}


def test_a_name_read_as_the_place_it_is_named_after_stays_in_the_documents_country(resolver: PlaceResolver) -> None:
    # "Lower Shabelle" is not in the gazetteer; "Shabelle" is a zone of Ethiopia, not the Somali region
    explained = resolver.explain("Lower Shabelle", context=PlaceContext(country_code="SO"))
    assert explained.result is None and explained.looked_up == "Shabelle"
    assert [name for name, _ in explained.drops] == ["out_of_reach"]
