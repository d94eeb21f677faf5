"""A document's language: detected, stored, and a non-English document kept with a notice instead of
silently giving no events (library, pipeline, CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.ingest import detect_language
from dateline.ingest.language import english_only_notice
from dateline.models import Document
from dateline.pipeline import extract_sources, ingest
from dateline.store import open_store

ARABIC = "قتل خمسة أشخاص على الأقل في انفجار سيارة مفخخة في سوق شعبي ببغداد يوم الاثنين، بحسب الشرطة."
FRENCH = "Des hommes armés ont tué cinq personnes lundi à Bamako, selon la police malienne."
ENGLISH = "Gunmen killed five people in Bamako on Monday, police said."


@pytest.mark.parametrize(("text", "code"), [
    (ARABIC, "ar"),
    (FRENCH, "fr"),
    ("Hombres armados mataron a cinco personas el lunes en Culiacán, informó la policía.", "es"),
    ("Боевики убили пять человек в понедельник в Донецке, сообщила полиция.", "ru"),
])
def test_non_english_text_is_recognised(text: str, code: str) -> None:
    guess = detect_language(text)
    assert (guess.code, guess.english) == (code, False)
    assert guess.probability > 0.5


@pytest.mark.parametrize("text", [
    ENGLISH,
    # English news from Nigeria shares words with Nigerian Pidgin; it must stay English
    "On 21 October 2020, police shot dead three protesters in Oyigbo, Rivers State, witnesses said.",
    "BOMB EXPLODES NEAR EMBASSY IN SAN SALVADOR, KILLING TWO GUARDS",
])
def test_english_text_is_english(text: str) -> None:
    guess = detect_language(text)
    assert (guess.code, guess.english) == ("en", True)


def test_too_short_to_tell_is_read_as_english() -> None:
    guess = detect_language("Maliki, 2008")
    assert (guess.code, guess.english) == (None, True)


def test_the_notice_names_the_language_in_one_line() -> None:
    notice = english_only_notice(detect_language(FRENCH))
    assert notice.startswith("the text is in French (fr, ") and "English only" in notice and "\n" not in notice


def test_a_non_english_document_is_stored_with_its_notice_and_no_events(engine, tmp_path: Path) -> None:
    paths = []
    for name, text in (("ar.txt", ARABIC), ("en.txt", ENGLISH)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text + "\n", encoding="utf-8")
    with open_store(tmp_path / "t.db") as store:
        report = ingest([str(p) for p in paths], store=store, engine=engine)
        assert (report.documents, report.failures) == (2, [])
        (notice,) = [str(n) for n in report.notices]
        assert notice.startswith(f"{paths[0]}: the text is in Arabic (ar, ") and notice.endswith("none were extracted")
        stored = {store.get_document(d.id).language: store.get_document(d.id) for d in store.documents()}
        assert set(stored) == {"ar", "en"}
        assert "Arabic" in stored["ar"].notice and stored["en"].notice is None
        assert {e.document_id for e in store.events()} == {stored["en"].id}


def test_extract_keeps_the_order_and_a_language_already_set(engine) -> None:
    docs = [Document(id="fr", text=FRENCH), Document(id="en", text=ENGLISH),
            Document(id="told", text=FRENCH, language="en")]  # the reader said English: trusted
    out = list(engine.extract(docs))
    assert [d.id for d, _ in out] == ["fr", "en", "told"]
    events = {d.id: e for d, e in out}
    assert events["fr"] == [] and [e.sub_event_type for e in events["en"]] == ["Attack"]
    assert (out[0][0].language, out[2][0].language, out[2][0].notice) == ("fr", "en", None)


@pytest.mark.slow  # ingests with the full model (CLI)
def test_cli_says_why_a_document_gave_no_events(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0, result.output
    assert f"Note: {path}: the text is in French" in result.stderr and "1 with a notice" in result.stderr
    extracted = CliRunner().invoke(main, ["extract", str(path)])
    assert extracted.exit_code == 0 and extracted.stdout == ""
    assert "events are extracted from English only" in extracted.stderr


def test_extract_sources_reports_the_notice(engine, tmp_path: Path) -> None:
    path = tmp_path / "ar.txt"
    path.write_text(ARABIC, encoding="utf-8")
    from dateline.pipeline import IngestReport

    report = IngestReport()
    ((document, events),) = list(extract_sources([str(path)], engine=engine, report=report))
    assert events == [] and document.language == "ar" and len(report.notices) == 1
