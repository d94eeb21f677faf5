"""Sentences whose parse has unusual shapes must not hang or crash the extractor."""

import pytest

from dateline.ingest import document_from_text


@pytest.mark.parametrize(
    "text",
    [
        "Killings in Baghdad.",  # a clause with no verb at all
        "Bomb blast. Five dead.",
        "Attack!",
        "Police, gunmen, bombs: chaos in Mosul; 3 killed, 10 wounded, dozens arrested.",
        "— 12 killed — 30 wounded —",
    ],
)
def test_verbless_sentences_finish(engine, text: str) -> None:
    doc = document_from_text(text, id="t", published="2014-05-01")
    ((document, events),) = list(engine.extract([doc]))
    assert isinstance(events, list)
    for e in events:
        assert text[e.evidence_start : e.evidence_end] == e.evidence_text


@pytest.mark.parametrize(
    "text",
    [
        "Maliki's Offensive\n\nPolice arrested five Sadrist officials in Amara on Monday, the ministry said.",
        "Weekly roundup\n\nGunmen killed three policemen in Baquba on Tuesday.\n\nA bomb wounded nine people in Mosul.",
    ],
)
def test_a_blank_line_ends_a_sentence(engine, text: str) -> None:
    """A heading above a paragraph is its own sentence: no sentence and no event evidence runs
    across a blank line (the small parser joined them)."""
    doc = engine.nlp(text)
    assert all("\n\n" not in s.text.strip() for s in doc.sents)
    ((_document, events),) = list(engine.extract([document_from_text(text, id="t", published="2008-06-20")]))
    assert events
    for e in events:
        assert "\n\n" not in e.evidence_text.strip()
