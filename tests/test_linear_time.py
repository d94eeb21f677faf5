"""Extraction time grows with document length, not its square; a per-document size and time budget."""

from __future__ import annotations

import itertools
import time

import pytest

from dateline.budget import Budget
from dateline.errors import ConfigError, ExtractError
from dateline.ingest import document_from_text
from dateline.pipeline import Engine

_SENTENCES = (
    "A car bomb killed {n} people near a market in {town} on {day}, police said.",
    "Gunmen opened fire on a checkpoint outside {town}, wounding {n} soldiers, officials told reporters.",
    "The governor said security forces had arrested {n} suspects after the attack.",
    "Residents of {town} said they heard heavy gunfire for about two hours before troops arrived.",
    "A roadside bomb struck a convoy on the highway to {town} on {day}.",
    "No group immediately claimed responsibility for the blast, which also damaged {n} shops.",
)
_TOWNS = ("Amara", "Basra", "Kirkuk", "Mosul", "Baquba", "Ramadi", "Kut")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_NUMBERS = ("three", "five", "12", "seven", "nine", "15")


def paragraph(size: int) -> str:
    """One paragraph (no blank line) of about `size` characters of varied sentences."""
    parts: list[str] = []
    for i in itertools.count():
        sentence = _SENTENCES[i % len(_SENTENCES)].format(
            n=_NUMBERS[(i * 5) % len(_NUMBERS)], town=_TOWNS[(i * 3) % len(_TOWNS)], day=_DAYS[i % len(_DAYS)])
        if sum(map(len, parts)) + len(parts) + len(sentence) > size:
            return " ".join(parts)
        parts.append(sentence)
    raise AssertionError("unreachable")


def seconds(engine: Engine, text: str) -> float:
    document = document_from_text(text, id=f"p{len(text)}", published="2008-06-20")
    started = time.perf_counter()
    ((_, events),) = list(engine.extract([document]))
    assert isinstance(events, list) and events
    return time.perf_counter() - started


def test_extraction_is_linear_in_paragraph_length(engine) -> None:
    """80 KB in one paragraph takes about 8 times as long as 10 KB (it took 40 times: Doc.text was
    rebuilt per sentence and doc-wide lists were scanned per sentence)."""
    seconds(engine, paragraph(2_000))  # warm caches
    small = min(seconds(engine, paragraph(10_000)) for _ in range(2))
    large = seconds(engine, paragraph(80_000))
    assert large / small < 13, f"10 KB {small:.2f} s, 80 KB {large:.2f} s"


def test_a_document_over_the_size_budget_is_refused_alone(engine) -> None:
    small = Engine(engine.nlp, engine.extractor, Budget(max_chars=500))
    big = document_from_text(paragraph(2_000), id="big", origin="wire.jsonl")
    ok = document_from_text(paragraph(400), id="ok", origin="wire.jsonl")
    results = dict((d.id, r) for d, r in small.extract([big, ok]))
    assert isinstance(results["ok"], list) and results["ok"]
    assert isinstance(results["big"], ExtractError)
    assert str(results["big"]).startswith("wire.jsonl: big: document is 1,9")
    assert "over the 500 limit" in str(results["big"]) and "\n" not in str(results["big"])


def test_extraction_past_the_time_budget_gives_up_on_that_document(engine) -> None:
    hurried = Engine(engine.nlp, engine.extractor, Budget(seconds=1e-9))
    results = list(hurried.extract([document_from_text(paragraph(3_000), id="slow")]))
    ((document, error),) = results
    assert isinstance(error, ExtractError)
    assert "passed its 1e-09 s budget after 0 sentences" in str(error) and str(error).startswith("slow:")


def test_budget_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("DATELINE_MAX_CHARS", "0")
    monkeypatch.setenv("DATELINE_DOCUMENT_SECONDS", "2.5")
    assert Budget.from_env() == Budget(max_chars=None, seconds=2.5)
    assert Budget.from_env(max_chars=10) == Budget(max_chars=10, seconds=2.5)
    monkeypatch.setenv("DATELINE_MAX_CHARS", "lots")
    with pytest.raises(ConfigError, match="DATELINE_MAX_CHARS must be a number"):
        Budget.from_env()


@pytest.mark.parametrize(
    "text",
    ["0," * 2500, "killed " + ", ".join(["five people"] * 400), ", ".join(["five young Iraqi men"] * 300) + " x"],
)
def test_casualty_lists_are_read_in_bounded_time(text: str) -> None:
    """A run of commas and counts took minutes (every list length from every start, and two ways to
    read each group); the list is bounded and its groups atomic now."""
    from dateline.annotate.quantities import find_quantities

    started = time.perf_counter()
    find_quantities(text)
    assert time.perf_counter() - started < 5


def test_a_long_paragraph_is_read_in_pieces_cut_at_sentence_ends() -> None:
    """A section over MAX_CHUNK_CHARS was cut every 100,000 characters, mid-word; its pieces end at a
    sentence's end now, each a later piece going on with the paragraph."""
    from dateline.annotate.pipeline import LONG_PIECE_CHARS, MAX_CHUNK_CHARS, pieces

    text = paragraph(3 * MAX_CHUNK_CHARS)
    document = document_from_text(text, id="long")
    cut = list(pieces(document, document.body_sections()))
    assert len(cut) >= 3 * MAX_CHUNK_CHARS // LONG_PIECE_CHARS
    assert "".join(t for _, t, _ in cut) == document.text[document.body_sections()[0].start:]
    assert all(len(t) <= LONG_PIECE_CHARS for _, t, _ in cut)
    assert all(t.endswith(". ") for _, t, _ in cut[:-1]), [t[-20:] for _, t, _ in cut if not t.endswith(". ")]
    assert [c for _, _, c in cut] == [False] + [True] * (len(cut) - 1)
    short = document_from_text(paragraph(MAX_CHUNK_CHARS // 2), id="short")
    assert [c for _, _, c in pieces(short, short.body_sections())] == [False]


def test_a_paragraph_cut_into_pieces_keeps_its_narrative(engine, monkeypatch) -> None:
    """The date told early in a paragraph dates its later events when the paragraph is read in pieces
    (pieces made small here; a paragraph must pass 100,000 characters to be cut otherwise)."""
    import dateline.annotate.pipeline as annotate

    text = ("Police gave no details.\n\nOn March 3, 2008, gunmen attacked a police station in Baquba. "
            "Officials said the attackers fled in two cars toward the river after the fighting ended. "
            "Witnesses said the shooting went on for a long time and that many shops were closed. "
            "Residents said the streets stayed empty until the evening prayers had ended. "
            "Later a roadside bomb killed five soldiers near the station.")
    document = document_from_text(text, id="cut", published="2008-03-20")
    ((_, whole),) = list(engine.extract([document]))
    monkeypatch.setattr(annotate, "MAX_CHUNK_CHARS", 200)
    monkeypatch.setattr(annotate, "LONG_PIECE_CHARS", 150)
    cut = document_from_text(text, id="cut", published="2008-03-20")
    assert len(list(annotate.pieces(cut, cut.body_sections()))) >= 3
    ((_, pieced),) = list(engine.extract([cut]))
    bomb = [e for e in pieced if "roadside bomb" in e.evidence_text]
    assert [e.date_start for e in bomb] == ["2008-03-03"]
    assert [(e.evidence_start, e.date_start) for e in pieced] == [(e.evidence_start, e.date_start) for e in whole]


def test_reading_a_long_document_counts_against_its_time_budget(engine) -> None:
    """The clock of a long document starts when its reading does and is checked between its pieces:
    it used to start after the whole text was through the model."""
    hurried = Engine(engine.nlp, engine.extractor, Budget(seconds=0.5))
    ((_, error),) = list(hurried.extract([document_from_text(paragraph(300_000), id="huge", origin="dump.txt")]))
    assert isinstance(error, ExtractError), error
    message = str(error)
    assert message.startswith("dump.txt: huge: reading ") and "\n" not in message, message
    read = int(message.split(" of ")[0].split()[-1].replace(",", ""))
    assert 0 < read <= 100_000, message  # refused after a batch or two of pieces, not the whole text


def test_a_long_document_is_refused_once_its_reading_shows_it_would_pass_the_budget() -> None:
    from dateline.budget import Deadline

    started_ten_seconds_ago = Deadline(ends=time.monotonic() + 10, seconds=20, name="dump.txt: huge")
    started_ten_seconds_ago.check_reading(10, 100)  # a tenth read: too little to judge
    with pytest.raises(ExtractError, match=r"reading would take about [0-9,]+ s \(30 of 100 characters took 10 s\), "
                                           r"over its 20 s budget"):
        started_ten_seconds_ago.check_reading(30, 100)
    Deadline(ends=time.monotonic() + 10, seconds=20).check_reading(80, 100)  # on time for the whole
    with pytest.raises(ExtractError, match="reading passed its 1 s budget after 5 of 100 characters"):
        Deadline(ends=time.monotonic() - 1, seconds=1).check_reading(5, 100)
