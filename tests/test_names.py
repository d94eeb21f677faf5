"""The place-name normaliser: spelling variants meet, distinct places stay apart."""

from __future__ import annotations

import pytest

from dateline.resolve.names import name_keys, normalise_name, strip_generic, town_of_demonym


@pytest.mark.parametrize(
    "variants",
    [
        ("Amarah", "Amara", "Al-Amara", "Al-Amarah", "Al Amarah", "Al ‘Amārah", "al-amarah"),
        ("Missan", "Maysan", "Maisan", "Maysān"),
        ("Falluja", "Fallujah", "Al Fallūjah", "Al-Fallujah", "Fallouja"),
        ("Tal Afar", "Tall Afar", "Tall ‘Afar", "Tal-Afar", "Talafar"),
        ("Basra", "Basrah", "Al Başrah", "Al-Basrah"),
        ("Nasiriya", "Nasiriyah", "An Nāşirīyah", "Nassiriya"),
        ("Kut", "Al-Kut", "Al Kūt"),
        ("Diwaniya", "Diwaniyah", "Ad Dīwānīyah"),
        ("Baquba", "Baqubah", "Ba‘qūbah", "Baqouba"),
        ("Hilla", "Hillah", "Al Ḩillah"),
        ("Sulaymaniyah", "Sulaimaniya", "As Sulaymānīyah"),
        ("Salah ad Din", "Salah al-Din", "Şalāḩ ad Dīn"),
        ("Dubai", "Dubayy"),
        ("Iraq", "Irak"),
        ("St. Petersburg", "Saint Petersburg", "St Petersburg"),  # a leading St./Mt./Ft. is spelled out
        ("Mt. Pleasant", "Mount Pleasant"),
        ("Ft. Worth", "Fort Worth"),
        ("Platte Co.", "Platte County", "PLATTE CO."),
    ],
)
def test_variants_share_one_key(variants: tuple[str, ...]) -> None:
    keys = {normalise_name(v) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    "a, b",
    [
        ("Basra", "Baghdad"),
        ("Kut", "Kirkuk"),
        ("Iran", "Iraq"),
        ("Najaf", "Nasiriyah"),
        ("Amarah", "Ramadi"),
        ("Mosul", "Sulaymaniyah"),
        ("Tikrit", "Tal Afar"),
        ("Arak", "Iraq"),
        ("Syria", "Sadr"),
        ("Karbala", "Kirkuk"),
        ("St", "Saint"),  # a lone abbreviation is not spelled out
        ("Mt Lebanon", "Lebanon"),
    ],
)
def test_distinct_places_stay_distinct(a: str, b: str) -> None:
    assert normalise_name(a) != normalise_name(b)


@pytest.mark.parametrize(
    "name, key, hint",
    [
        ("Maysan province", "misan", "ADM1"),
        ("Anbar Governorate", "anbar", "ADM1"),
        ("Amarah city", "amara", "P"),
        ("Fallujah district", "faluja", "ADM2"),
        ("Baghdad town", "baghdad", "P"),
        ("Sakrana village", "sakrana", "P"),
        ("Qaḑā’ Sāmarrā’", "samara", "ADM2"),
        ("Basra", "basra", None),
        ("City", "city", None),
    ],
)
def test_strip_generic_word(name: str, key: str, hint: str | None) -> None:
    assert strip_generic(name) == (key, hint)


def test_name_keys_hold_both_keys() -> None:
    assert name_keys("Maysan Province") == {"misanprovince", "misan"}


@pytest.mark.parametrize("name", ["", "   ", "’-’", "..."])
def test_names_without_letters_have_empty_key(name: str) -> None:
    assert normalise_name(name) == ""


@pytest.mark.parametrize(
    "name, keys",
    [
        ("Kansas City", {"kansascity"}),  # a city word inside a name stays: "Kansas" is the state
        ("Sadr City", {"sadrcity"}),
        ("Anbar Governorate", {"anbargovernorate", "anbar"}),
        ("Qada Samarra", {"kadasamara", "samara"}),
    ],
)
def test_name_keys_keep_city_words(name: str, keys: set[str]) -> None:
    assert name_keys(name) == keys


@pytest.mark.parametrize("a, b", [("Samarra", "Samara"), ("Ramadi", "Ar Ramādī"), ("Kadhimiya", "Kazimiyah")])
def test_transliteration_folds_meet(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(
    "name, core",
    [
        ("Chattahoochee River", "Chattahoochee"),
        ("Port of Los Angeles", "Los Angeles"),
        ("Boston Harbor", "Boston"),
        ("East Cambridgeshire", "Cambridgeshire"),
        ("North London", "London"),
        ("Lake Harriet", "Harriet"),
        ("Salinas Valley", "Salinas"),
        ("Vancouver Art Gallery", "Vancouver"),
        ("St. Peter's Square", None),  # named after a person, not a place
        ("Baghdad", None),  # no feature word
        ("Lake", None),  # nothing left
        ("University Hospital", None),  # only feature words
        ("north london", None),  # nothing capitalised left
    ],
)
def test_core_name(name: str, core: str | None) -> None:
    from dateline.resolve.names import core_name

    assert core_name(name) == core


@pytest.mark.parametrize(
    "name, names, town",
    [
        ("New Londoners", ["Winfield", "New London"], "New London"),
        ("Bostonians", ["Boston"], "Boston"),
        ("Atlantans", ["Atlanta", "Macon"], "Atlanta"),
        ("Brooklynites", ["Brooklyn"], "Brooklyn"),
        ("Packers", ["Green Bay"], None),  # a team, not a town's people
        ("Bostonians", ["Salem"], None),  # only a town the document names
        ("Romantics", ["Rome"], None),  # not a demonym ending
    ],
)
def test_town_of_demonym(name: str, names: list[str], town: str | None) -> None:
    """Round 10: the people of a town the document names."""
    assert town_of_demonym(name, names) == town
