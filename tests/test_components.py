"""dateline's spaCy components on a blank pipeline (the `blank_nlp` fixture): the rules that read words
alone, without the statistical model's tags, parse or entities, and the tiny shipped gazetteer."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline.annotate.quantities import find_quantities
from dateline.resolve.actors import ActorRegistry


def annotate(nlp: Language, text: str, *, published: str | None = None, day_first: bool = False) -> Doc:
    """The Doc as the pipeline annotates a document's body (published date and day-first reading set first)."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.day_first = day_first
    return nlp(doc)


# ------------------------------------------------------------------ dateline_paragraphs


@pytest.mark.parametrize("text", [
    "Maliki's Offensive\n\nPolice arrested five Sadrist officials in Amara on Monday, the ministry said.",
    "Weekly roundup\n\nGunmen killed three policemen in Baquba on Tuesday.\n\nA bomb wounded nine people in Mosul.",
])
def test_a_blank_line_ends_a_sentence(blank_nlp: Language, text: str) -> None:
    heading = text.split("\n\n")[0]
    sentences = [s.text for s in annotate(blank_nlp, text).sents]
    assert heading in sentences
    assert all("\n\n" not in s.strip() for s in sentences)
    with blank_nlp.select_pipes(disable=["dateline_paragraphs"]):  # punctuation alone joins the heading on
        assert heading not in [s.text for s in annotate(blank_nlp, text).sents]


# ------------------------------------------------------------------ dateline_timex


def test_time_expressions_read_the_documents_date_and_day_order(blank_nlp: Language) -> None:
    text = "Gunmen killed three policemen on 03/04/2008. On Monday a bomb wounded nine people."
    month_first = annotate(blank_nlp, text, published="2008-06-20")
    day_first = annotate(blank_nlp, text, published="2008-06-20", day_first=True)
    assert [(t.text, t.value) for t in month_first._.timexes] == [("03/04/2008", "2008-03-04"), ("Monday", "2008-06-16")]
    assert [(t.text, t.value) for t in day_first._.timexes] == [("03/04/2008", "2008-04-03"), ("Monday", "2008-06-16")]
    monday = month_first._.timexes[1]
    assert date.fromisoformat(monday.value).weekday() == 0 and text[monday.start : monday.end] == "Monday"


# ------------------------------------------------------------------ dateline_quantities


def test_counts_are_read_per_sentence_with_offsets_into_the_doc(blank_nlp: Language) -> None:
    text = "Gunmen killed three policemen in Baquba.\n\nA bomb wounded nine people in Mosul, police said."
    doc = annotate(blank_nlp, text, published="2008-06-20")
    assert [(q.kind, q.value) for q in doc._.quantities] == [("killed", 3), ("injured", 9)]
    assert all(text[q.start : q.end] == q.text for q in doc._.quantities)


def test_a_number_inside_a_date_is_not_a_count(blank_nlp: Language) -> None:
    text = "Five people were killed on 5 May 2008 and 12 wounded."
    assert any("2008" in q.text for q in find_quantities(text))  # the finder alone reads the year as a count
    doc = annotate(blank_nlp, text, published="2008-06-20")
    (when,) = doc._.timexes
    assert when.text == "5 May 2008"
    assert [(q.kind, q.value) for q in doc._.quantities][:1] == [("killed", 5)]
    assert all(q.end <= when.start or q.start >= when.end for q in doc._.quantities)


# ------------------------------------------------------------------ dateline_actors


def test_registry_aliases_are_found_longest_first(blank_nlp: Language) -> None:
    doc = annotate(blank_nlp, "Jaish al-Mahdi fighters clashed with the Iraqi Army in Amara.")
    found = [(a.text, a.actor_id) for a in doc._.actors]
    assert found[0] == ("Jaish al-Mahdi", "mahdi_army")  # not "Mahdi" inside it
    assert ("Iraqi Army", "iraq_military") in found
    spans = [(a.token_start, a.token_end) for a in doc._.actors]
    assert all(end <= start2 for (_, end), (start2, _) in zip(spans, spans[1:]))  # no overlaps, in order


@pytest.mark.parametrize("text, wider", [
    ("US-led forces raided a house in Ramadi.", "US-led forces"),
    ("The Saudi-led coalition struck Sanaa.", "Saudi-led coalition"),
])
def test_a_leader_before_a_force_is_read_into_its_name(blank_nlp: Language, text: str, wider: str) -> None:
    registry = ActorRegistry.load()
    (mention,) = annotate(blank_nlp, text)._.actors
    assert mention.text == wider
    assert mention.actor_id == registry.resolve(wider).actor_id


# ------------------------------------------------------------------ dateline_places


def test_a_dateline_the_gazetteer_knows_is_a_place(blank_nlp: Language, tiny_gazetteer) -> None:
    assert tiny_gazetteer.is_known("Baghdad") and not tiny_gazetteer.is_known("Qarnabtah")
    (mention,) = annotate(blank_nlp, "BAGHDAD — A bomb killed five people on Monday.")._.places
    assert (mention.text, mention.name, mention.known, mention.start) == ("BAGHDAD", "Baghdad", True, 0)
    assert annotate(blank_nlp, "QARNABTAH — A bomb killed five people on Monday.")._.places == []


def test_a_dateline_stands_at_the_start_of_a_line(blank_nlp: Language) -> None:
    assert annotate(blank_nlp, "Officials said the BAGHDAD — talks would resume.")._.places == []
