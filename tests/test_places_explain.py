"""`dateline places --explain` and demonyms as place mentions, through the CLI on a real document."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli.main import main
from dateline.ingest.plaintext import document_from_text

pytestmark = pytest.mark.slow  # the CLI loads the full model

STORY = ("Gunmen killed two police officers in Amara, the capital of Maysan province, on Monday, Iraqi officials "
         "said. A Saudi-led coalition statement blamed Kurdish fighters. Separately, a roadside bomb in Dora "
         "wounded three.\n")


def test_explain_prints_each_candidates_parts_and_the_events_place(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["places", "--explain", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    amara = lines.index(next(line for line in lines if "'Amara' [place]" in line))
    assert "-> Amarah (PPL, Maysan, Iraq)" in lines[amara]
    best = lines[amara + 1]  # the first candidate: its parts, then its reason (the largest part)
    assert best.strip().startswith("1. Amarah") and "doc_country +1.500" in best and "doc_province +1.000" in best
    assert lines[amara + 2].strip() == "reason: in the document's country (IQ)"
    assert any("district_of_town -2.000" in line for line in lines)  # a veto, shown with its sign
    assert any(line.strip().startswith("drop foreign_namesake: Dora (United States)") for line in lines)
    events = lines[lines.index("-- events") + 1:]
    assert any("at Amarah (Maysan, Iraq)" in line for line in events)
    assert any("placed by the mention 37-42 'Amara'" in line for line in events)


def test_demonyms_are_place_mentions_of_their_own_kind(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["places", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    records = {r["text"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert {t: records[t]["kind"] for t in ("Iraqi", "Saudi", "Kurdish", "Amara")} == {
        "Iraqi": "demonym", "Saudi": "demonym", "Kurdish": "demonym", "Amara": "place"}
    assert records["Iraqi"]["place"]["country_code"] == "IQ" and records["Iraqi"]["where_prec"] == 6
    assert records["Saudi"]["place"]["country_code"] == "SA"
    assert (records["Kurdish"]["place"]["name"], records["Kurdish"]["place"]["country_code"]) == ("Kurdistan Region", "IQ")
    starts = [r["start"] for r in map(json.loads, result.stdout.splitlines())]
    assert starts == sorted(starts)


def test_a_demonym_never_places_an_event(engine) -> None:
    from dateline.pipeline import iter_toponyms

    text = "Iraqi soldiers killed two gunmen in Hawija on Tuesday. French aircraft struck a convoy, Syrian media said."
    ((_doc, toponyms),) = list(iter_toponyms([document_from_text(text, id="d")], engine=engine, demonyms=True))
    demonyms = {(t.start, t.end) for t in toponyms if t.kind == "demonym"}
    assert {t.text for t in toponyms if t.kind == "demonym"} == {"Iraqi", "French", "Syrian"}
    ((_doc, events),) = list(engine.extract([document_from_text(text, id="d")]))
    hawija = next(t for t in toponyms if t.text == "Hawija")
    assert events and events[0].location == hawija.place.name and events[0].spans["place"] == [hawija.start, hawija.end]
    assert all(tuple(e.spans.get("place", ())) not in demonyms for e in events)
    assert all(e.location not in ("France", "Syria") for e in events)
