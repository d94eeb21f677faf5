"""What the outlet tells the resolver (round 7): the town its host is named after, its country-code
domain, and a strong vote for its home when a story reads that town in context."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.places import DEFAULT_WEIGHTS, PlaceContext, PlaceResolver
from dateline.geo.source_homes import SourceHomes, outlet_names, province_vote, vote_weight
from dateline.pipeline import ingest
from dateline.store import open_store


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.default())


@pytest.mark.parametrize(
    "source, names, expected",
    [
        ("theparisnews.com", ["Paris", "Dallas"], {"Paris"}),
        ("richmondandtwickenhamtimes.co.uk", ["Richmond", "Twickenham", "Rwanda"], {"Richmond", "Twickenham"}),
        ("onlineathens.com", ["Athens"], {"Athens"}),  # six letters or more: anywhere in the label
        ("thisisoxfordshire.co.uk", ["Oxford"], {"Oxford"}),  # after "thisis"
        ("cambridge-news.co.uk", ["CAMBRIDGE"], {"CAMBRIDGE"}),  # any case, hyphens dropped
        ("canterburytimes.co.uk", ["Bury", "Canterbury"], {"Canterbury"}),  # "Bury" does not open the label
        ("alextimes.com", ["Alexandria"], set()),  # an abbreviated town is not matched
        ("news-leader.com", ["Springfield"], set()),
        ("dailymail.co.uk", ["Ely"], set()),  # under 4 letters: never
        (None, ["Paris"], set()),
    ],
)
def test_outlet_names(source: str | None, names: list[str], expected: set[str]) -> None:
    assert outlet_names(source, names) == expected


def _read(resolver: PlaceResolver, names: list[str], source: str | None = None) -> tuple[str | None, str | None]:
    context = resolver.context([(n, None) for n in names], source=source)
    resolved = resolver.resolve(names[0], context=context, nearby=names)
    assert resolved is not None
    return resolved.place.country_code, resolved.place.admin1


@pytest.mark.parametrize(
    "names, source, expected, without",
    [
        # the outlet's town: no country evidence of its own, and a town before the country of its name
        (["Paris", "Dallas"], "theparisnews.com", ("US", "Texas"), "FR"),
        (["Jordan", "Robbinsdale"], "jordannews.com", ("US", "Minnesota"), "JO"),
        # the country-code domain: the outlet's country before the biggest namesake
        (["Richmond"], "richmondandtwickenhamtimes.co.uk", ("GB", "England"), "US"),
        (["Lancaster"], "localnews.co.uk", ("GB", "England"), "US"),
        (["Perth"], "localnews.co.uk", ("GB", "Scotland"), "AU"),
    ],
)
def test_the_outlet_places_its_stories(resolver: PlaceResolver, names: list[str], source: str,
                                       expected: tuple[str, str], without: str) -> None:
    assert _read(resolver, names, source) == expected
    assert _read(resolver, names)[0] == without  # the same story with no outlet known


@pytest.mark.parametrize(
    "names, source, expected",
    [
        (["China", "Taipei"], "chinapost.com.tw", "CN"),  # no town called China in Taiwan: the country
        (["Iraq", "Baghdad"], "iraqnews.com", "IQ"),  # "Iraq News" names no town
        (["Rwanda", "Kigali"], "localnews.co.uk", "RW"),  # a country the story names outweighs the domain
    ],
)
def test_named_countries_stay_countries(resolver: PlaceResolver, names: list[str], source: str, expected: str) -> None:
    assert _read(resolver, names, source)[0] == expected


def test_the_outlet_town_seeds_the_home(resolver: PlaceResolver) -> None:
    """A story naming the outlet's town among towns of one state votes twice for that state, so one
    such story gives the paper a home; a story naming only the town decides nothing."""
    read = resolver.context([(n, None) for n in ("Norfolk", "Madison County", "Pierce")], source="norfolkdailynews.com")
    alone = resolver.context([("Norfolk", None)], source="norfolkdailynews.com")
    assert read.outlet_home == ("US", "Nebraska") and vote_weight(read) == 2 and province_vote(read) == read.outlet_home
    assert alone.outlet_home is None and vote_weight(alone) == 1
    homes = SourceHomes()
    homes.add("norfolkdailynews.com", province_vote(read), weight=vote_weight(read))
    homes.add("norfolkdailynews.com", province_vote(alone), weight=vote_weight(alone))
    assert homes.home("norfolkdailynews.com") == ("US", "Nebraska")  # 2 of 3 documents' worth
    # the seeding story itself, left out, leaves no home for the other (1 document, no vote)
    assert homes.home("norfolkdailynews.com", leave_out=(province_vote(read),), leave_weight=2) is None
    lone = resolver.resolve("Norfolk", context=resolver.context([("Norfolk", None)], home=("US", "Nebraska"),
                                                                 source="norfolkdailynews.com"))
    assert lone is not None and lone.place.admin1 == "Nebraska"


def test_a_name_is_not_its_own_province_evidence(resolver: PlaceResolver) -> None:
    """"Clinton" next to New Haven: the document's province is Connecticut from New Haven, not
    Maryland from Clinton's own first reading."""
    context = resolver.context([("Clinton", None), ("New Haven", None)])
    assert context.without("clinton").admin1 == "Connecticut"
    assert context.without("unknown name") is context
    assert PlaceContext().without("clinton").admin1 is None
    resolved = resolver.resolve("Clinton", context=context, nearby=["Clinton", "New Haven"])
    assert resolved is not None and resolved.place.admin1 == "Connecticut"


def test_outlet_signals_are_weights() -> None:
    assert DEFAULT_WEIGHTS.domain_vote > 0 and DEFAULT_WEIGHTS.domain_country > 0 and DEFAULT_WEIGHTS.outlet_town > 0
    # below a country the text names (2 points and more)
    assert DEFAULT_WEIGHTS.domain_vote < 2


# -- the product: `dateline places` and `dateline ingest` read the outlet from the document's URL


def _jsonl(path, records: list[dict]) -> str:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


def _place_of(result_stdout: str, name: str) -> dict:
    rows = [json.loads(line) for line in result_stdout.splitlines() if line.strip()]
    (row,) = [r for r in rows if r["name"] == name]
    return row["place"]


@pytest.mark.parametrize(
    "url, text, name, with_url, without_url",
    [
        ("https://www.theparisnews.com/news/1", "A Paris man was arrested on Friday after a chase that began near Dallas.",
         "Paris", ("US", "Texas"), "FR"),
        ("https://www.richmondandtwickenhamtimes.co.uk/news/2", "A man was arrested in Richmond on Friday.",
         "Richmond", ("GB", "England"), "US"),
    ],
)
@pytest.mark.slow  # the places command loads the full model
def test_places_command_reads_the_outlet(tmp_path, url: str, text: str, name: str,
                                          with_url: tuple[str, str], without_url: str) -> None:
    record = {"id": "a1", "url": url, "published": "2009-03-06", "text": text}
    with_path = _jsonl(tmp_path / "with.jsonl", [record])
    without_path = _jsonl(tmp_path / "without.jsonl", [{k: v for k, v in record.items() if k != "url"}])
    result = CliRunner().invoke(main, ["places", "--format", "jsonl", with_path])
    assert result.exit_code == 0, result.output
    place = _place_of(result.stdout, name)
    assert (place["country_code"], place["admin1"]) == with_url
    result = CliRunner().invoke(main, ["places", "--format", "jsonl", without_path])
    assert result.exit_code == 0, result.output
    assert _place_of(result.stdout, name)["country_code"] == without_url


def test_ingest_seeds_the_home_from_the_outlet_town(engine, tmp_path) -> None:
    """One stored story reading "Norfolk" among Nebraska's places gives norfolkdailynews.com its
    home (a vote worth two documents, read back from the stored event at the outlet's town); the
    next run's story, which names only "Norfolk", is placed in Nebraska, not Virginia."""
    url = "https://norfolkdailynews.com/news/{}"
    seed = {"id": "n1", "url": url.format(1), "published": "2009-03-02",
            "text": "Police arrested two men in Norfolk on Monday. Deputies from Madison County and Pierce "
                    "helped with the arrests in Norfolk, Nebraska."}
    lone = {"id": "n2", "url": url.format(2), "published": "2009-03-09",
            "text": "Police arrested three men in Norfolk on Monday after a robbery."}
    with open_store(tmp_path / "homes.db") as store:
        ingest([_jsonl(tmp_path / "a.jsonl", [seed])], store=store, engine=engine)
        ingest([_jsonl(tmp_path / "b.jsonl", [lone])], store=store, engine=engine)
        events = [e for e in store.events() if e.document_id == "n2"]
    assert events and events[0].admin1 == "Nebraska"
