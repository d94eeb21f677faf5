"""Kind words and per-country admin words are data: one table of kind words, one file per country."""

from __future__ import annotations

import pytest

from dateline.errors import DatelineError
from dateline.geo.country_words import _read, admin1_scheme, country_files, district_phrases
from dateline.resolve.place_words import USES, hint_features, hints, word_rows, words


def test_every_use_has_its_words_and_every_hint_a_feature() -> None:
    assert all(words(use) for use in USES)
    given = {row.hint for row in word_rows().values()} - {None}
    assert given <= set(hint_features()) | {"province"}
    assert hints("hint_noun")["villages"] == "village" and hints("before_kind")["area"] is None
    assert words("province") == {"province", "provinces", "governorate", "governorates"}
    with pytest.raises(DatelineError, match="no such use"):
        words("provinces")


def test_iraqs_province_scheme_is_data() -> None:
    scheme = admin1_scheme("IQ")
    assert scheme["14"] == ("Maysan", ("Missan", "Maisan", "Meysan")) and len(scheme) == 19
    assert "IQ" in country_files() and admin1_scheme("ZZ") == {}


def test_a_new_country_is_a_data_change(tmp_path) -> None:
    (tmp_path / "YE.yaml").write_text("district_phrases: [district of]\nadmin1:\n  '15': {name: Hodeidah, aliases: [Hudaydah]}\n",
                                      encoding="utf-8")
    (tmp_path / "NG.yaml").write_text("district_phrases: [local government, local government area, lga]\n", encoding="utf-8")
    _read.cache_clear()
    phrases = district_phrases(tmp_path)
    assert phrases[0] == ("local", "government", "area") and ("district", "of") in phrases and ("lga",) in phrases
    assert admin1_scheme("YE", tmp_path) == {"15": ("Hodeidah", ("Hudaydah",))}


def test_a_bad_country_file_is_one_clear_error(tmp_path) -> None:
    (tmp_path / "UA.yaml").write_text("oblasts: [Kharkiv]\n", encoding="utf-8")
    _read.cache_clear()
    with pytest.raises(DatelineError, match="UA.yaml: expected keys among"):
        district_phrases(tmp_path)


def test_a_nigerian_district_phrase_asks_for_a_district(engine) -> None:
    from dateline.geo.place_tagger import _DISTRICT_PHRASES

    assert ("local", "government", "area") in _DISTRICT_PHRASES
    doc = engine.nlp("Gunmen attacked Damboa Local Government Area of Borno State on Sunday.")
    damboa = next(m for m in doc._.places if m.name == "Damboa")
    assert damboa.kind_hint == "district"



def test_extraction_reads_its_place_words_from_the_table() -> None:
    """The words extraction's rules and their examples need are rows of the table, and each set is read from it."""
    from dateline.extract import dating, placing, regions

    assert {"suburb", "road", "checkpoint", "market", "state"} <= placing._PLACE_NOUNS == words("scene_noun")
    assert {"district", "province", "capital"} <= placing._AREA_NOUNS == words("area_noun")
    assert placing._AREA_NOUNS <= placing._PLACE_NOUNS  # an area is a scene too ("a Baghdad suburb")
    assert placing._KIND_BEFORE_NAME.sub("", "55 km north of the regional hub of ") == "55 km north of "
    assert placing._KIND_BEFORE_NAME.sub("", "north of the village of ") == "north of "
    assert {"town", "lga", "sub-county", "council"} <= regions._KIND_NOUNS == words("phrase_kind")
    assert regions._DISTRICT_WORDS == {"local", "government"}  # Nigeria's "local government area"
    assert words("part") | {"quarter", "area"} == regions._PART_NOUNS == words("part_noun")
    # a date naming a landmark is a place word; one naming a unit ("the 1920 Revolution Brigades") is not
    assert {"bridge", "square", "street"} <= words("date_name") < dating.NAME_NOUNS
    assert not {"brigades", "army"} & set(word_rows())
    assert "party" not in words("date_name")  # a party's name word ("Baath Party") is no place, its date no name


def test_tagger_and_normaliser_read_their_words_from_the_table() -> None:
    """The place tagger's and the name normaliser's word sets are rows of the table, not sets in code."""
    from dateline.geo import place_tagger
    from dateline.resolve import names

    assert {"street", "road", "avenue"} <= place_tagger._STREET_WORDS == words("street")
    assert {"police", "party", "school"} <= place_tagger._NOT_UNKNOWN_WORDS == words("not_unknown")
    assert {"university", "port", "bank"} <= place_tagger._OF_PLACE_BODIES == words("of_place_body")
    assert {"shelling", "siege", "outskirts"} <= place_tagger._SCENE_NOUNS == words("scene_of")
    assert set(names._FEATURE_SUFFIXES) == words("feature_suffix") and names._LOCAL_FEATURES == words("local_feature")
    assert names._LOCAL_FEATURES <= words("feature_suffix")  # a local feature is a feature
    assert names.core_name("Salinas Valley") == "Salinas" and names.core_name("Baghdad Art Gallery") == "Baghdad"
