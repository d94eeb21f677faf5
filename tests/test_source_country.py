"""Round 10: a source's home country, learned when its documents agree on a country but not a province."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.places import PlaceResolver
from dateline.geo.source_homes import SourceHomes


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.default())


def _homes(source: str, votes: list[tuple[str, str] | None]) -> SourceHomes:
    homes = SourceHomes()
    for vote in votes:
        homes.add(source, vote)
    return homes


def test_a_regional_paper_has_a_country_but_no_province() -> None:
    """Stories spread over three states: no home province, but the country they all lie in."""
    homes = _homes("valleyherald.com", [("US", "Ohio"), ("US", "Indiana"), ("US", "Kentucky"), ("US", "Ohio"),
                                        ("US", "Indiana")])
    assert homes.home("valleyherald.com") is None
    assert homes.country("valleyherald.com") == "US"


@pytest.mark.parametrize(
    "source, votes, leave_out, expected",
    [
        ("x.com", [("US", "Ohio"), ("US", "Iowa")], (("US", "Ohio"),), None),  # one other document is too few
        ("x.com", [("US", "Ohio"), ("GB", "England"), None, ("CA", "Ontario")], (), None),  # no majority
        ("x.co.uk", [("US", "Ohio"), ("US", "Iowa"), ("US", "Texas")], (), None),  # its domain says otherwise
        ("x.com", [("US", "Ohio"), ("US", "Iowa"), ("GB", "England")], (("GB", "England"),), "US"),
        ("x.com", [("US", "Ohio"), ("US", "Iowa"), ("US", "Utah")], (("US", "Utah"),), "US"),
    ],
)
def test_home_country_needs_agreeing_documents(source: str, votes: list, leave_out: tuple,
                                               expected: str | None) -> None:
    assert _homes(source, votes).country(source, leave_out=leave_out) == expected


@pytest.mark.parametrize(
    "names, without, with_country",
    [
        (["Stratford", "Windsor"], "Ontario", "Connecticut"),
        (["Exeter", "Salisbury"], "England", "New Hampshire"),
    ],
)
def test_the_source_country_votes_for_the_documents_country(resolver: PlaceResolver, names: list[str],
                                                            without: str, with_country: str) -> None:
    """Towns named after English ones, in a paper whose other stories all lie in the United States."""
    alone = resolver.context([(n, None) for n in names])
    assert resolver.resolve(names[0], context=alone, nearby=names).place.admin1 == without
    context = resolver.context([(n, None) for n in names], home_country="US")
    assert context.country_code == "US"
    assert resolver.resolve(names[0], context=context, nearby=names).place.admin1 == with_country


def test_ingest_gives_a_regional_papers_stories_its_country(engine, tmp_path) -> None:
    """Ingest wires the source's country in: after stories in three states, one naming only two towns
    that England and Ontario also have is read in the United States."""
    import json

    from dateline.pipeline import ingest
    from dateline.store import open_store

    url = "https://valleyherald.com/news/{}"
    texts = ["Police arrested two men in Columbus, Ohio on Monday.",
             "Police arrested a man in Indianapolis, Indiana on Tuesday.",
             "Police arrested three men in Louisville, Kentucky on Wednesday.",
             "Police arrested two men in Stratford on Thursday after a robbery in Windsor."]
    records = [{"id": f"h{i}", "url": url.format(i), "published": "2009-03-0" + str(i + 2), "text": t}
               for i, t in enumerate(texts)]
    stored, last = tmp_path / "herald.jsonl", tmp_path / "herald-last.jsonl"
    stored.write_text("".join(json.dumps(r) + "\n" for r in records[:-1]), encoding="utf-8")
    last.write_text(json.dumps(records[-1]) + "\n", encoding="utf-8")
    with open_store(tmp_path / "herald.db") as store:
        ingest([str(stored)], store=store, engine=engine)  # the outlet's other stories, stored first:
        ingest([str(last)], store=store, engine=engine)  # a run reads the homes of what is stored before it
        events = [e for e in store.events() if e.document_id == "h3"]
    assert events and events[0].country == "United States", [(e.location, e.admin1, e.place_reason) for e in events]
