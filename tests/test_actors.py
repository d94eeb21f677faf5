"""Tests for the actor registry (dateline.resolve.actors and data/actors.yaml)."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
import yaml

from dateline import config
from dateline.errors import ResolveError
from dateline.models import Actor
from dateline.resolve.actors import ACTOR_TYPES, ActorMatch, ActorRegistry
from shared_data import SHARED


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


# ---------------------------------------------------------------- resolution

@pytest.mark.parametrize(
    "surface, date, country, actor_id, name",
    [
        ("Maliki", "2008-06-19", None, "government_iraq", "Government of Iraq (2006-2014)"),
        ("Prime Minister Maliki", "2008-06-19", None, "government_iraq", "Government of Iraq (2006-2014)"),
        ("Iraqi Prime Minister Nouri al-Maliki", "2008-06-19", None, "government_iraq", "Government of Iraq (2006-2014)"),
        ("Maliki\u2019s", "2008-06-19", None, "government_iraq", "Government of Iraq (2006-2014)"),
        ("al Maliki", "2010-03-07", None, "government_iraq", "Government of Iraq (2006-2014)"),
        ("Nouri Kamel al-Maliki", "2012", None, "government_iraq", "Government of Iraq (2006-2014)"),
        ("Maliki", None, None, "government_iraq", "Government of Iraq"),
        ("Maliki", "2005-01-01", None, "dawa_party", "Islamic Dawa Party"),
        ("Allawi", "2004-10-01", None, "government_iraq", "Government of Iraq (2004-2005)"),
        ("Ibrahim al-Ja\u2019afari", "2005-06-01", None, "government_iraq", "Government of Iraq (2005-2006)"),
        ("Abadi", "2015-01-01", None, "government_iraq", "Government of Iraq (2014-2018)"),
        ("Saddam", "2002-01-01", None, "government_iraq", "Government of Iraq (1979-2003)"),
        ("Muqtada al-Sadr", "2008-06-19", None, "sadrist_movement", "Sadrist Movement"),
        ("Moqtada Sadr", None, None, "sadrist_movement", "Sadrist Movement"),
        ("Gen. Petraeus", "2008-01-01", None, "us_military", "Military Forces of the United States (2001-2009)"),
        ("Lt. Gen. Ray Odierno", "2009-05-01", None, "us_military", "Military Forces of the United States (2009-2017)"),
        ("Zarqawi", "2005-06-01", None, "aqi", "Al Qaeda in Iraq"),
        ("Abu Bakr al-Baghdadi", "2015-01-01", "Iraq", "islamic_state", "Islamic State (Iraq)"),
        ("Abu Bakr al-Baghdadi", "2015-01-01", None, "islamic_state", "Islamic State"),
    ],
)
def test_persons_resolve_to_their_organisation_on_the_date(registry, surface, date, country, actor_id, name):
    match = registry.resolve(surface, date=date, country=country)
    assert match is not None
    assert (match.actor_id, match.name) == (actor_id, name)
    assert match.via is not None and match.surface == surface


def test_maliki_as_prime_minister_is_state_with_via(registry):
    match = registry.resolve("Maliki", date="2008-06-19")
    assert match.inter == 1 and match.type == "government"
    assert "Maliki" in match.via and "prime minister" in match.via


def test_person_without_a_role_on_the_date_stands_for_themself(registry):
    match = registry.resolve("Bremer", date="2006-10-01")
    assert match.actor_id == "paul_bremer" and match.type == "person" and match.via is None


@pytest.mark.parametrize(
    "surface, actor_id",
    [
        ("Mahdi Army", "mahdi_army"), ("Jaish al-Mahdi", "mahdi_army"), ("JAM", "mahdi_army"),
        ("the Mahdi Army", "mahdi_army"), ("Mahdi militiamen", "mahdi_army"), ("Mahdi commanders", "mahdi_army"),
        ("members of the Mahdi Army", "mahdi_army"), ("Jaysh al Mahdi", "mahdi_army"),
        ("Sadrists", "sadrist_movement"), ("Sadr movement", "sadrist_movement"), ("Sadr office", "sadrist_movement"),
        ("Sadr\u2019s movement", "sadrist_movement"), ("Sadr's movement", "sadrist_movement"),
        ("Muqtada al-Sadr\u2019s movement", "sadrist_movement"), ("Sadr followers", "sadrist_movement"),
        ("SIIC", "siic"), ("SCIRI", "siic"), ("Supreme Islamic Iraqi Council", "siic"),
        ("Badr Brigade", "badr_organization"), ("Badr Organization", "badr_organization"),
        ("AQI", "aqi"), ("Tanzim Qaidat al-Jihad fi Bilad al-Rafidayn", "aqi"), ("al Qaida in Iraq", "aqi"),
        ("Ansar al-Sunna", "ansar_al_islam"), ("Islamic Army in Iraq", "islamic_army_in_iraq"),
        ("1920 Revolution Brigades", "revolution_brigades_1920"), ("JRTN", "naqshbandi_army"),
        ("Sons of Iraq", "sons_of_iraq"), ("Sahwa", "sons_of_iraq"), ("Anbar Awakening", "sons_of_iraq"),
        ("Peshmerga", "peshmerga"), ("Peshmergas", "peshmerga"), ("KDP", "kdp"), ("PUK", "puk"), ("PKK", "pkk"),
        ("Asa\u2019ib Ahl al-Haq", "asaib_ahl_al_haq"), ("Kataib Hizbollah", "kataib_hezbollah"),
        ("Special Groups", "special_groups"), ("Iraqi Islamic Party", "iraqi_islamic_party"),
        ("Dawa Party", "dawa_party"), ("Iraqi Kurdistan Regional Government", "krg"),
        ("US troops", "us_military"), ("American soldiers", "us_military"), ("MNF-I", "us_military"),
        ("Marines", "us_military"), ("coalition forces", "us_military"), ("U.S. troops", "us_military"),
        ("British troops", "uk_military"), ("Quds Force", "irgc"), ("IRGC", "irgc"),
        ("Turkish troops", "turkey_military"), ("Iranian troops", "iran_military"),
        ("Iraqi army", "iraq_military"), ("Iraqi security forces", "iraq_military"), ("ISF", "iraq_military"),
        ("Interior ministry commandos", "iraq_police"), ("national police", "iraq_police"),
        ("Kurdish forces", "peshmerga"), ("Mujahideen Army", "jaish_al_mujahideen"),
        # the military's people by their service, not civilians
        ("U.S. service members", "us_military"), ("American service personnel", "us_military"),
        ("Ukrainian service staff", "generic:military"),
    ],
)
def test_aliases_resolve(registry, surface, actor_id):
    match = registry.resolve(surface)
    assert match is not None, surface
    assert match.actor_id == actor_id


@pytest.mark.parametrize(
    "surface, date, name",
    [
        ("police", "2008-06-19", "Police Forces of Iraq (2006-2014)"),
        ("police", "2004-10-01", "Police Forces of Iraq (2004-2005)"),
        ("policemen", "2019-01-01", "Police Forces of Iraq (2018-2020)"),
        ("Iraqi police", "2008-06-19", "Police Forces of Iraq (2006-2014)"),
        ("SIIC controlled police", "2006-06-01", "Police Forces of Iraq (2006-2014)"),
        ("three policemen", "2023-01-01", "Police Forces of Iraq (2022-)"),
        ("Basra police", "2008", "Police Forces of Iraq (2006-2014)"),
        ("army", "2008-06-19", "Military Forces of Iraq (2006-2014)"),
        ("the Iraqi army", "2004-10-01", "Military Forces of Iraq (2004-2005)"),
        ("Iraqi soldiers", "2005-06-01", "Military Forces of Iraq (2005-2006)"),
        ("security forces", "2015-01-01", "Military Forces of Iraq (2014-2018)"),
        ("the government", "2008-06-19", "Government of Iraq (2006-2014)"),
        ("police", None, "Police Forces of Iraq"),
        ("soldiers", None, "Military Forces of Iraq"),
        ("Revolutionary Guards", "2008-06-19", "Military Forces of Iran (2005-2013) Islamic Revolutionary Guard Corps"),
        ("SCIRI", "2005-01-01", "Supreme Council for Islamic Revolution in Iraq"),
        ("SCIRI", "2008-01-01", "Supreme Islamic Iraqi Council"),
        ("Ansar al-Islam", "2005-01-01", "Ansar al-Sunna"),
    ],
)
def test_names_follow_the_period(registry, surface, date, name):
    match = registry.resolve(surface, date=date, country="Iraq")
    assert match is not None and match.name == name


@pytest.mark.parametrize(
    "surface, date, actor_id, via_start",
    [
        ("al-Qaeda in Iraq", "2007-05-01", "isi", "Al Qaeda in Iraq"),
        ("AQI", "2014-08-01", "islamic_state", "Al Qaeda in Iraq"),
        ("Mahdi Army", "2015-01-01", "saraya_al_salam", "Mahdi Army"),
    ],
)
def test_renamed_groups_resolve_to_successor(registry, surface, date, actor_id, via_start):
    match = registry.resolve(surface, date=date)
    assert match.actor_id == actor_id and match.via.startswith(via_start)


def test_group_before_rename_keeps_its_name(registry):
    assert registry.resolve("AQI", date="2005-05-01").actor_id == "aqi"


@pytest.mark.parametrize(
    "surface, country, actor_id, name, inter",
    [
        ("gunmen", "Iraq", "generic:unidentified_armed_group", "Unidentified Armed Group (Iraq)", 3),
        ("unknown assailants", "Iraq", "generic:unidentified_armed_group", "Unidentified Armed Group (Iraq)", 3),
        ("Sunni insurgents", "Iraq", "generic:unidentified_armed_group", "Unidentified Armed Group (Iraq)", 3),
        ("Iranian-backed militias", "Iraq", "generic:unidentified_armed_group", "Unidentified Armed Group (Iraq)", 3),
        ("civilians", "Syria", "generic:civilians", "Civilians (Syria)", 7),
        ("civilians", "Iraq", "generic:civilians", "Civilians (Iraq)", 7),
        ("Syrian civilians", "Iraq", "generic:civilians", "Civilians (Syria)", 7),
        ("worshippers", "Iraq", "generic:civilians", "Civilians (Iraq)", 7),
        ("residents of Sadr City", "Iraq", "generic:civilians", "Civilians (Iraq)", 7),
        ("demonstrators", "Iraq", "generic:protesters", "Protesters (Iraq)", 6),
        ("rioters", "Iran", "generic:rioters", "Rioters (Iran)", 5),
        ("local tribes", "Iraq", "generic:tribal_militia", "Tribal Militia (Iraq)", 4),
        ("Polish troops", "Iraq", "generic:military", "Military Forces of Poland", 8),
        ("police", "Syria", "generic:police", "Police Forces of Syria", 1),
    ],
)
def test_generic_actors(registry, surface, country, actor_id, name, inter):
    match = registry.resolve(surface, date="2008-06-19", country=country)
    assert match is not None
    assert (match.actor_id, match.name, match.inter) == (actor_id, name, inter)


def test_revolutionary_guards_are_iranian_external_forces(registry):
    match = registry.resolve("Revolutionary Guards", date="2008-06-19", country="Iraq")
    assert match.actor_id == "irgc" and match.country == "Iran" and match.inter == 8


@pytest.mark.parametrize(
    "surface, country, inter, kind",
    [("Iraqi soldiers", "Iraq", 1, "state_forces"), ("Iraqi soldiers", "Syria", 8, "external_forces"),
     ("US troops", "Iraq", 8, "external_forces"), ("US troops", "United States", 1, "state_forces")],
)
def test_state_forces_abroad_are_external(registry, surface, country, inter, kind):
    match = registry.resolve(surface, date="2013-01-01", country=country)
    assert (match.inter, match.type) == (inter, kind)


@pytest.mark.parametrize(
    "surface",
    ["the weather", "Iranian weapons", "Sadr City", "Baghdad", "", "Iraqi", "US", "Islamic Resistance Army",
     "security forces loyal to Baghdad"],
)
def test_not_actor_names_give_none(registry, surface):
    assert registry.resolve(surface, date="2008-06-19") is None


def test_bad_date_raises(registry):
    with pytest.raises(ResolveError, match="ISO date"):
        registry.resolve("police", date="June 2008")


def test_resolve_is_cached_and_fast(registry):
    first = registry.resolve("Prime Minister Maliki", date="2008-06-19")
    assert registry.resolve("Prime Minister Maliki", date="2008-06-19") is first
    start = time.perf_counter()
    for i in range(2000):  # mostly cache misses: every call has a new date
        registry.resolve("Mahdi Army fighters", date=f"{2004 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}")
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------- registry API

def test_get_and_actors(registry):
    actor = registry.get("nouri_al_maliki")
    assert isinstance(actor, Actor) and actor.member_of == "government_iraq" and actor.type == "person"
    assert registry.get("generic:civilians").name == "Civilians"  # no default country
    ids = [a.id for a in registry.actors()]
    assert len(ids) == len(set(ids)) and "mahdi_army" in ids
    with pytest.raises(ResolveError, match="unknown actor id"):
        registry.get("no_such_actor")


def test_actor_match_fields():
    names = [f.name for f in dataclasses.fields(ActorMatch)]
    assert names == ["actor_id", "name", "inter", "type", "country", "surface", "via"]


def test_patterns_cover_aliases_variants_and_generic_nouns(registry):
    patterns = set(registry.patterns())
    for pair in [("mahdi army", "mahdi_army"), ("jaish al-mahdi", "mahdi_army"), ("jaish mahdi", "mahdi_army"),
                 ("maliki", "nouri_al_maliki"), ("gunmen", "generic:unidentified_armed_group"),
                 ("police", "generic:police"), ("civilians", "generic:civilians")]:
        assert pair in patterns
    assert all(surface == surface.lower() and surface.strip() for surface, _ in patterns)


def test_patterns_work_in_a_phrase_matcher_on_the_sample(registry, blank_nlp):
    """The actor component's phrase matcher (on a blank pipeline: registry aliases only, no NER) over the sample."""
    doc = blank_nlp.make_doc((SHARED / "samples" / "maysan-2008.txt").read_text(encoding="utf-8"))
    doc._.published = "2008-06-19"
    spans = blank_nlp(doc)._.actors
    assert spans
    for span in spans:  # every span the matcher finds is an actor the registry resolves
        assert registry.resolve(span.text, date="2008-06-19") is not None, span.text
    malikis = [registry.resolve(s.text, date="2008-06-19") for s in spans if s.text.lower() == "maliki"]
    assert malikis and all(m.actor_id == "government_iraq" for m in malikis)


# ---------------------------------------------------------------- shipped data

def _shipped() -> dict:
    return yaml.safe_load(config.package_data("actors.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", _shipped()["actors"], ids=lambda e: e["id"])
def test_every_shipped_actor_has_valid_type_and_inter(entry):
    assert entry["type"] in ACTOR_TYPES
    if entry["type"] != "person":  # a person's inter comes from their organisation
        assert isinstance(entry["inter"], int) and 1 <= entry["inter"] <= 8


def test_every_loaded_actor_has_valid_inter(registry):
    for actor in registry.actors():
        assert 1 <= actor.inter <= 8 and actor.type in ACTOR_TYPES, actor.id


def test_shipped_registry_loads_fast(tmp_path):
    copy = tmp_path / "actors.yaml"  # a fresh path, so the load is not served from the cache
    copy.write_text(config.package_data("actors.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    start = time.perf_counter()
    ActorRegistry.load(copy)
    assert time.perf_counter() - start < 0.5


# ---------------------------------------------------------------- validation

_BASE = """\
default_country: Iraq
actors:
  - id: mahdi_army
    name: Mahdi Army
    type: political_militia
    inter: 3
    country: Iraq
    aliases: [JAM]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_loads(tmp_path):
    registry = ActorRegistry.load(_write(tmp_path, _BASE))
    assert registry.resolve("jam").actor_id == "mahdi_army"


@pytest.mark.parametrize(
    "extra, message, line",
    [
        ("  - id: x\n    name: X\n    type: militia\n    inter: 3\n", "unknown type 'militia'", 9),
        ("  - id: x\n    name: X\n    type: rebel_group\n    inter: 9\n", "inter must be an ACLED code 1-8", 9),
        ("  - id: x\n    name: X\n    type: rebel_group\n    inter: 0\n", "inter must be an ACLED code 1-8", 9),
        ("  - id: x\n    name: X\n    type: rebel_group\n    inter: 2\n    valid_from: 2008-13-01\n", "bad date", 9),
        ("  - id: x\n    name: X\n    type: rebel_group\n    inter: 2\n    valid_from: 2009-01-01\n"
         "    valid_to: 2008-01-01\n", "not after", 9),
        ("  - id: p\n    name: P\n    type: person\n    member_of:\n      - {id: nobody, role: boss, from: 2004-01-01}\n",
         "member_of unknown actor 'nobody'", 9),
        ("  - id: p\n    name: P\n    type: person\n    member_of:\n      - {id: mahdi_army, role: boss, from: June}\n",
         "bad date", 13),
        ("  - id: mahdi_army\n    name: Other\n    type: rebel_group\n    inter: 2\n", "duplicate actor id 'mahdi_army'", 9),
        ("  - id: x\n    name: X\n    type: rebel_group\n    inter: 2\n    aliases: [jam]\n", "alias 'jam'", 9),
        ("  - id: x\n    name: X\n    type: rebel_group\n    inter: 2\n    colour: red\n", "unknown field(s) colour", 9),
        ("  - id: x\n    name: X\n    type: rebel_group\n    inter: 2\n    successor: nowhere\n    valid_to: 2008-01-01\n",
         "successor 'nowhere'", 9),
        ("  - id: x\n    name: X\n    type: state_forces\n    inter: 1\n    country: Iraq\n    periods: nowhere\n",
         "unknown period set 'nowhere'", 9),
        ("  - id: x\n    name: X\n    type: rebel_group\n    inter: 2\n    periods:\n"
         "      - {from: 2004-01-01, to: 2006-01-01, name: A}\n      - {from: 2005-01-01, to: null, name: B}\n",
         "overlap", 9),
        ("  - id: Bad Id\n    name: X\n    type: rebel_group\n    inter: 2\n", "not a slug", 9),
    ],
)
def test_validation_errors_name_the_line(tmp_path, extra, message, line):
    path = _write(tmp_path, _BASE + extra)
    with pytest.raises(ResolveError) as info:
        ActorRegistry.load(path)
    assert message in str(info.value)
    assert info.value.where == f"{path}:{line}"


def test_broken_yaml_reports_line(tmp_path):
    path = _write(tmp_path, _BASE + "  - id: x\n    name: [unclosed\n    type: rebel_group\n")
    with pytest.raises(ResolveError, match="not valid YAML") as info:
        ActorRegistry.load(path)
    assert info.value.where.startswith(f"{path}:")
    assert int(info.value.where.rsplit(":", 1)[1]) >= 10


def test_missing_file_raises(tmp_path):
    with pytest.raises(ResolveError, match="not found"):
        ActorRegistry.load(tmp_path / "nope.yaml")


def test_generic_needs_country_slot(tmp_path):
    text = _BASE.replace("actors:", "generics:\n  - id: civ\n    name: Civilians\n    type: civilians\n"
                                    "    inter: 7\n    nouns: [civilians]\nactors:")
    with pytest.raises(ResolveError, match="country"):
        ActorRegistry.load(_write(tmp_path, text))


@pytest.mark.parametrize(("surface", "name"), [
    ("Russian forces", "Military Forces of Russia"),
    ("Ukrainian troops", "Military Forces of Ukraine"),
    ("Nigerian army", "Military Forces of Nigeria"),
    ("Saudi-led coalition", "Military Forces of Saudi Arabia"),
    ("Saudi-led forces", "Military Forces of Saudi Arabia"),
])
def test_forces_take_the_country_their_own_words_name(surface, name) -> None:
    match = ActorRegistry.load().resolve(surface, date="2015-06-10", country="Yemen")
    assert match is not None and match.name == name


def test_forces_without_a_people_name_no_army() -> None:
    assert ActorRegistry.load().resolve("rebel forces", date="2015-06-10", country="Yemen") is None


def test_a_named_groups_members_are_the_group(engine) -> None:
    """ "Boko Haram insurgents", "Mahdi Army fighters": one actor mention, the group's, not a generic one."""
    for text, actor_id in (("Boko Haram insurgents killed at least 30 people.", "boko_haram"),
                           ("Mahdi Army fighters clashed with police in Basra.", "mahdi_army")):
        doc = engine.nlp(text)
        first = doc._.actors[0]
        assert (first.actor_id, first.token_end) == (actor_id, 3), [(a.text, a.actor_id) for a in doc._.actors]


@pytest.mark.parametrize(("surface", "name"), [
    ("NATO troops", "NATO: North Atlantic Treaty Organization"),
    ("ISAF", "NATO: North Atlantic Treaty Organization"),
    ("AMISOM", "AMISOM: African Union Mission in Somalia"),
    ("UN peacekeepers", "UN: United Nations"),
    ("Donetsk separatists", "DPR: Donetsk People's Republic"),
    ("M23 rebels", "M23: March 23 Movement"),
])
def test_international_forces_and_other_wars_groups_have_acled_names(surface, name) -> None:
    from dateline.resolve.actors import ActorRegistry

    match = ActorRegistry.load().resolve(surface, date="2015-06-01")
    assert match is not None and match.name == name


@pytest.mark.parametrize(
    "surface, date, country, actor_id",
    [
        ("al-Qaeda", "2005-06-01", "Iraq", "aqi"),  # the branch, in its country, once founded
        ("al-Qaeda militants", "2011-03-01", "Yemen", "aqap"),
        ("al-Qaida", "2005-06-01", "Pakistan", "al_qaeda"),  # elsewhere, the parent
        ("al-Qaeda", "2003-09-01", "Iraq", "al_qaeda"),  # before the branch was founded
        ("al-Qaeda in Iraq", "2005-11-09", "Jordan", "aqi"),  # a branch named in full is that branch anywhere
    ],
)
def test_a_parents_name_names_its_branch_in_the_branchs_country(registry, surface, date, country, actor_id):
    match = registry.resolve(surface, date=date, country=country)
    assert match is not None and match.actor_id == actor_id, match


def test_a_branch_must_name_a_known_parent_and_its_country(tmp_path):
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors:\n  - id: cell\n    name: Cell\n    type: rebel_group\n    inter: 2\n    branch_of: nobody\n"
                   "    country: Iraq\n")
    with pytest.raises(ResolveError, match="branch_of"):
        ActorRegistry.load(bad)


@pytest.mark.parametrize(
    "surface, date, country, name",
    [
        ("Tamil Tigers", "2006-08-01", "Sri Lanka", "LTTE: Liberation Tigers of Tamil Eelam"),
        ("FARC rebels", "2005-12-28", "Colombia", "FARC: Revolutionary Armed Forces of Colombia"),
        ("the Movement for the Emancipation of the Niger Delta", "2006-06-08", "Nigeria",
         "MEND: Movement for the Emancipation of the Niger Delta"),
        ("Abu Sayyaf militants", "2001-05-27", "Philippines", "Abu Sayyaf"),
    ],
)
def test_the_armed_groups_of_other_wars_have_acled_names(registry, surface, date, country, name):
    match = registry.resolve(surface, date=date, country=country)
    assert match is not None and match.name == name, match


@pytest.mark.parametrize("surface", ["the front", "tigers", "the movement", "the brigade"])
def test_common_words_name_no_armed_group(registry, surface):
    match = registry.resolve(surface, country="Colombia")
    assert match is None or match.actor_id is None or match.actor_id.startswith("generic:"), match


@pytest.mark.parametrize("surface, name", [
    ("Polish oil worker", "Civilians (Poland)"),
    ("South Korean workers", "Civilians (South Korea)"),
    ("foreign oil workers", "Civilians (International)"),
    ("foreigners", "Civilians (International)"),
    ("international aid workers", "Civilians (International)"),
    ("aid workers", "Civilians (Nigeria)"),
    ("Iraqi noncombatants", "Civilians (Iraq)"),
    ("northern refugees", "Civilians (Nigeria)"),
])
def test_civilians_are_named_by_their_nationality(registry, surface, name):
    assert registry.resolve(surface, country="Nigeria").name == name


def test_foreign_words_make_no_force_international(registry):
    # only civilians can be of no one country in ACLED's names: "foreign troops" stay a state's
    assert "International" not in registry.resolve("foreign troops", country="Nigeria").name


@pytest.mark.parametrize("surface, actor_id", [
    ("rebel troops", "generic:unidentified_armed_group"),  # the rebels' fighters, not a state's troops
    ("insurgent soldiers", "generic:unidentified_armed_group"),
    ("government troops", "generic:military"),
    ("army soldiers", "generic:military"),
])
def test_a_state_force_noun_after_an_armed_groups_word_names_that_group(registry, surface, actor_id):
    assert registry.resolve(surface).actor_id == actor_id


def test_a_name_ending_in_its_members_noun_is_matched_in_the_plural_too(registry):
    patterns = dict(registry.patterns())
    assert patterns.get("kokang rebels") == "mndaa"  # the alias is "Kokang rebel"
    assert ("kokang rebel", "mndaa") in registry.patterns()
    assert "hezbollahs" not in patterns  # a proper name has no plural
