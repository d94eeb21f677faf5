"""Round 11: a one-place story of a source with no home is read in a province its other stories are about."""

from __future__ import annotations

import pytest

from dateline.evaluate.geo import GoldArticle, GoldToponym, article_contexts
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.places import PlaceResolver
from dateline.geo.source_homes import SourceHomes

MA = ("US", "Massachusetts")
NY = ("US", "New York")


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.default())


def _admin1(resolver: PlaceResolver, names: list[str], name: str, **context) -> str | None:
    ctx = resolver.context([(n, None) for n in names], source="salemwatch.com", **context)
    found = resolver.resolve(name, context=ctx, nearby=names)
    return found.place.admin1 if found else None


def test_one_place_story_in_a_province_of_the_other_stories(resolver: PlaceResolver) -> None:
    # "Salem" alone is Salem, Oregon; a paper whose other stories were about Massachusetts and New York
    assert _admin1(resolver, ["Salem"], "Salem", home_country="US") == "Oregon"
    assert _admin1(resolver, ["Salem"], "Salem", home_country="US", story_provinces=[MA, NY]) == "Massachusetts"


def test_other_names_or_a_home_say_more(resolver: PlaceResolver) -> None:
    # the story names another place: that, not the outlet's other stories, says where it is
    assert _admin1(resolver, ["Salem", "Keizer"], "Salem", story_provinces=[MA]) == "Oregon"
    # the source has a home: the home decides, the other stories' provinces are not used
    assert _admin1(resolver, ["Salem"], "Salem", home=("US", "Virginia"), story_provinces=[MA]) == "Virginia"


def test_provinces_of_the_other_stories() -> None:
    homes = SourceHomes()
    for vote in (MA, NY, None, ("GB", "England")):
        homes.add("salemwatch.com", vote)
        homes.add("salemwatch.co.uk", vote)
    assert homes.provinces("salemwatch.com", leave_out=(NY,)) == {MA, ("GB", "England")}
    assert homes.provinces("salemwatch.co.uk") == {("GB", "England")}  # a country-code domain says the country
    assert homes.provinces("nobody.com") == frozenset()


def _article(*names: str) -> GoldArticle:
    text = ", ".join(names)
    tops, at = [], 0
    for name in names:
        tops.append(GoldToponym(at, at + len(name), name, 0.0, 0.0))
        at += len(name) + 2
    return GoldArticle(text, tops, "salemwatch.com")


def test_the_scorer_passes_the_other_stories_provinces(resolver: PlaceResolver) -> None:
    # two stories of Massachusetts and New York towns do not agree on a home, but say where the paper writes
    articles = [_article("Lowell", "Worcester"), _article("Schenectady", "Troy"), _article("Salem")]
    contexts = article_contexts(resolver, articles, homes=SourceHomes())
    assert contexts[2].home is None and set(contexts[2].story_provinces) == {MA, NY}
    assert resolver.resolve("Salem", context=contexts[2], nearby=["Salem"]).place.admin1 == "Massachusetts"


def test_a_small_namesake_is_looked_up_in_those_provinces(resolver: PlaceResolver) -> None:
    # Clinton, Connecticut is not among the name's first candidates; it must still be weighed
    assert "Connecticut" not in {p.admin1 for p in resolver.candidates("Clinton")}
    ctx = resolver.context([("Clinton", None)], home_country="US", story_provinces=[("US", "Connecticut")])
    found = resolver.resolve("Clinton", context=ctx, nearby=["Clinton"])
    assert "Connecticut" in {p.admin1 for p in [found.place, *found.alternatives[:2]]}


def test_the_outlet_town_in_a_province_of_the_other_stories_is_home(resolver: PlaceResolver) -> None:
    # clintonchronicle.com is named after a Clinton; of its other stories' provinces, only Connecticut has one
    ctx = resolver.context([("Clinton", None)], source="clintonchronicle.com", home_country="US",
                           story_provinces=[("US", "Connecticut"), ("US", "Vermont")])
    assert ctx.home == ("US", "Connecticut")
    assert resolver.resolve("Clinton", context=ctx, nearby=["Clinton"]).place.admin1 == "Connecticut"
    # a Clinton in two of them: host and stories do not agree on one province, so no home
    two = resolver.context([("Clinton", None)], source="clintonchronicle.com", home_country="US",
                           story_provinces=[("US", "Connecticut"), ("US", "New Jersey")])
    assert two.home is None
    # a host not named after the story's town gives no home
    assert resolver.context([("Clinton", None)], source="thechronicle.com", home_country="US",
                            story_provinces=[("US", "Connecticut")]).home is None


def test_ingest_reads_a_one_place_story_where_the_outlets_other_stories_are(engine, tmp_path) -> None:
    """Extraction passes the source's other stories' provinces: after stories in Massachusetts and New
    York (no home: they do not agree), a story naming only "Salem" is read in Massachusetts."""
    import json

    from dateline.pipeline import ingest
    from dateline.store import open_store

    url = "https://northshorewatch.com/news/{}"
    texts = ["Police arrested two men in Lowell and Worcester on Monday.",
             "Police arrested a man in Albany, New York on Tuesday.",
             "Police arrested three men in Salem on Thursday after a robbery."]
    records = [{"id": f"w{i}", "url": url.format(i), "published": f"2009-03-0{i + 2}", "text": t}
               for i, t in enumerate(texts)]
    stored, last = tmp_path / "watch.jsonl", tmp_path / "watch-last.jsonl"
    stored.write_text("".join(json.dumps(r) + "\n" for r in records[:-1]), encoding="utf-8")
    last.write_text(json.dumps(records[-1]) + "\n", encoding="utf-8")
    with open_store(tmp_path / "watch.db") as store:
        ingest([str(stored)], store=store, engine=engine)  # the outlet's other stories, stored first:
        ingest([str(last)], store=store, engine=engine)  # a run reads the homes of what is stored before it
        events = [e for e in store.events() if e.document_id == "w2"]
    assert events and events[0].admin1 == "Massachusetts", [(e.location, e.admin1, e.place_reason) for e in events]
