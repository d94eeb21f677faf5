"""Property-based fuzzing of every reader and the whole pipeline (issue 16): a small run with a
fixed seed, so the suite is repeatable; bench/fuzz.py runs the same checks longer and at random.

The properties are in tests/fuzz_cases.py: no unexpected exception (only one-line DatelineErrors),
no case past its time budget, no good record lost beside a bad one, only clean text handed on.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz_cases import CHECKS, FuzzCheck

# Examples per check: enough to meet each kind of hostile part a few times, few enough that the
# whole file stays well under a minute on a loaded two-core machine (the pipeline's are slow).
EXAMPLES = {"plaintext": 150, "html": 60, "feed": 60, "jsonl": 120, "walker": 25, "pipeline": 6}
_SETTINGS = dict(derandomize=True, database=None, deadline=None, print_blob=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])


@pytest.mark.parametrize("fuzz", [c for c in CHECKS if not c.needs_engine], ids=lambda c: c.name)
@pytest.mark.slow  # hundreds of generated inputs per reader
def test_reader_properties_hold_on_generated_input(fuzz: FuzzCheck) -> None:
    @settings(max_examples=EXAMPLES[fuzz.name], **_SETTINGS)
    @given(fuzz.strategy)
    def run(case) -> None:
        fuzz.check(case)

    run()


def test_pipeline_properties_hold_on_generated_input(engine) -> None:
    (fuzz,) = [c for c in CHECKS if c.needs_engine]

    @settings(max_examples=EXAMPLES[fuzz.name], **_SETTINGS)
    @given(fuzz.strategy)
    def run(case) -> None:
        fuzz.check(case, engine)

    run()


# --- what the fuzzing found, each pinned -----------------------------------------------------------

def test_a_record_of_control_characters_alone_is_refused_and_the_next_is_read(tmp_path) -> None:
    """Found by fuzzing: {"text": "\\u0000"} passed the blank check before cleaning and became a
    Document with empty text and an empty id."""
    from dateline.errors import IngestError
    from dateline.ingest import iter_documents

    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "\\u0000\\u001b", "id": "\\u0000"}\n{"id": "next", "text": "Shelling hit Basra."}\n')
    items = list(iter_documents([str(path)]))
    assert isinstance(items[0], IngestError) and str(items[0]).startswith(f"{path}:1: no text left")
    assert [d.id for d in items[1:]] == ["next"]


def test_an_id_of_control_characters_alone_falls_back_to_the_url() -> None:
    from dateline.ingest import document_from_text

    document = document_from_text("Shelling hit Basra.", id="\x00\u200b", url="https://news.example/a")
    assert document.id == "https://news.example/a"


def test_a_file_or_feed_entry_with_nothing_but_invisible_characters_is_one_error(tmp_path) -> None:
    """Found by fuzzing: a file of a UTF-16 byte order mark alone, or a text of U+202E, became an empty Document."""
    from dateline.errors import IngestError
    from dateline.ingest import iter_documents

    (tmp_path / "bom.txt").write_bytes(b"\xfe\xff")
    (tmp_path / "mark.txt").write_text("\u202e\u200b\n", encoding="utf-8")
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        "<item><title>&#x200B;</title><description>&#x202E;</description><link>https://f.example/1</link></item>"
        "<item><title>Basra</title><description>Shelling hit Basra.</description><link>https://f.example/2</link></item>"
        "</channel></rss>", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Shelling hit Basra on Monday.", encoding="utf-8")
    items = list(iter_documents([str(tmp_path)]))
    documents = [i for i in items if not isinstance(i, IngestError)]
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert sorted(d.text for d in documents) == ["Shelling hit Basra on Monday.", "Shelling hit Basra."]
    assert len(errors) == 3 and sum("no text left" in e for e in errors) == 2, errors
    assert any("feed.xml:entry 1: feed entry has no title, summary or content" in e for e in errors)
