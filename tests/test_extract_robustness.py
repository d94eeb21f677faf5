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
