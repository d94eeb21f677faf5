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


def test_extractions_sets_read_from_the_table_equal_the_sets_they_replace() -> None:
    from dateline.extract import dating, placing, regions

    assert placing._PLACE_NOUNS == {
        "suburb", "suburbs", "neighborhood", "neighbourhood", "district", "area", "outskirts", "province", "governorate",
        "city", "town", "village", "region", "street", "market", "checkpoint", "countryside", "headquarters", "camp",
        "base", "airport", "prison", "hospital", "mosque", "stadium", "university", "highway", "road", "bridge",
        "station", "square", "capital", "state", "county"}
    assert placing._AREA_NOUNS == {"suburb", "suburbs", "neighborhood", "neighbourhood", "district", "area", "outskirts",
                                   "province", "governorate", "city", "town", "village", "region", "countryside",
                                   "capital"}
    assert words("bearing_kind") == {"city", "town", "village", "hub"}
    assert regions._KIND_NOUNS == {
        "town", "towns", "city", "cities", "village", "villages", "district", "districts", "area", "areas", "locality",
        "region", "province", "state", "county", "settlement", "settlements", "community", "communities", "suburb",
        "neighborhood", "neighbourhood", "hub", "capital", "division", "territory", "council", "lga", "lgas",
        "sub-county", "governorate"}
    assert regions._DISTRICT_WORDS == {"local", "government"}
    assert regions._PART_NOUNS == {"district", "neighborhood", "neighbourhood", "suburb", "quarter", "area"}
    assert dating.NAME_NOUNS == {
        "bridge", "square", "street", "avenue", "road", "highway", "brigade", "brigades", "battalion", "regiment",
        "division", "movement", "front", "stadium", "district", "neighbourhood", "neighborhood", "hospital", "mosque",
        "university", "school", "camp", "base", "headquarters", "army", "corps", "party"}
