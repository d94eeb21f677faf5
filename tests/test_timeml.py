"""The TimeML scorer on small TimeML documents written here (no corpus rows copied)."""

from pathlib import Path

import pytest

from dateline.errors import ConfigError
from dateline.evaluate import evaluate
from dateline.evaluate.timeml import in_split, read_timeml

_DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2008-06-20" functionInDocument="CREATION_TIME">2008-06-20</TIMEX3></DCT>
<TEXT>
Police raided a house <TIMEX3 tid="t1" type="DATE" value="2008-06-19">yesterday</TIMEX3> &amp; arrested two men.
The siege lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>, officials said {extra}.
</TEXT>
</TimeML>
"""


def _write(tmp_path: Path, name: str, extra: str = "") -> Path:
    path = tmp_path / f"{name}.tml"
    path.write_text(_DOC.format(name=name, extra=extra), encoding="utf-8")
    return path


def test_reader_gives_offsets_into_the_plain_text(tmp_path: Path) -> None:
    doc = read_timeml(_write(tmp_path, "a"))
    assert doc.dct == "2008-06-20"
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["yesterday", "three days"]
    assert "&amp;" not in doc.text and " & " in doc.text


@pytest.mark.parametrize(
    ("extra", "strict", "value_f1"),
    [
        ("", 1.0, 1.0),  # everything found, everything right
        ("on Friday", 0.8, 0.8),  # one system expression more than gold: precision 2/3
    ],
)
def test_scores(tmp_path: Path, extra: str, strict: float, value_f1: float) -> None:
    _write(tmp_path, "a", extra)
    report = evaluate("timeml", tmp_path)
    assert report.metrics["strict_f1"] == pytest.approx(strict, abs=0.01)
    assert report.metrics["value_f1"] == pytest.approx(value_f1, abs=0.01)
    assert report.metrics["value_accuracy_gold_spans"] == 1.0
    assert "dateparser_value_accuracy_gold_spans" in report.metrics


def test_split_is_deterministic_and_disjoint() -> None:
    names = [f"doc{i}" for i in range(60)]
    test = {n for n in names if in_split(n, "test")}
    train = {n for n in names if in_split(n, "train")}
    assert test and train and not test & train and test | train == set(names)
    assert test == {n for n in names if in_split(n, "test")}


@pytest.mark.parametrize("options", [{"split": "nope"}])
def test_bad_split_is_a_config_error(tmp_path: Path, options: dict) -> None:
    _write(tmp_path, "a")
    with pytest.raises(ConfigError):
        evaluate("timeml", tmp_path, **options)


def test_folder_without_timeml_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no .tml"):
        evaluate("timeml", tmp_path)


@pytest.mark.parametrize(
    ("system", "gold", "compatible"),
    [
        ("1989-W43", "1989-WXX", True),  # the week gold left vague
        ("1968", "1968-XX", True),
        ("1998-10-26", "1998-10-XX", True),
        ("1990-W43", "1989-WXX", False),
        ("1998-W43", "1998-10-XX", False),  # a week is not a refinement of a month's days
        ("P1W", "1989-WXX", False),
        ("1989-10-30", "1989-10-30", True),
    ],
)
def test_compatible_values(system: str, gold: str, compatible: bool) -> None:
    from dateline.evaluate.timeml import _compatible

    assert _compatible(system, gold) is compatible


@pytest.mark.parametrize(
    ("spans", "strict", "relaxed", "overlap_all"),
    [
        ([("yesterday", "yesterday", "DATE", "2008-06-19")], 0.6667, 0.6667, 0.5),  # "three days" missed
        ([("house", "yesterday", "DATE", "2008-06-19"), ("Police", "Police", "DATE", "2008")], 0.0, 0.5, 0.5),  # overlap; one false
        ([("yesterday", "yesterday", "DATE", "2008-06-18")], 0.6667, 0.6667, 0.0),  # found, wrong value
    ],
)
def test_score_system_spans_for_another_tagger(tmp_path: Path, spans: list, strict: float, relaxed: float, overlap_all: float) -> None:
    """Any tagger's spans are scored by the same functions; a gold span takes the value of the span over it."""
    from dateline.annotate.timex import Timex
    from dateline.evaluate.timeml import score_system_spans

    doc = read_timeml(_write(tmp_path, "a"))
    system = []
    for first, last, type_, value in spans:
        a, b = doc.text.index(first), doc.text.index(last) + len(last)
        system.append(Timex(a, b, doc.text[a:b], type_, value))
    scores = score_system_spans([doc], [system])
    assert scores["strict_f1"] == pytest.approx(strict, abs=0.001)
    assert scores["relaxed_f1"] == pytest.approx(relaxed, abs=0.001)
    assert scores["value_accuracy_gold_spans_overlap"] == overlap_all


def _bench_module():
    import importlib.util
    import sys

    bench = Path(__file__).resolve().parents[1] / "bench"
    spec = importlib.util.spec_from_file_location("compare_heideltime", bench / "compare_heideltime.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("compare_heideltime", module)  # dataclasses look their module up
    sys.path.insert(0, str(bench))  # it imports bench_paths beside it, whatever ran before this test
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(bench))
    return module


@pytest.mark.parametrize(
    ("text", "timeml", "expected", "lost"),
    [
        # HeidelTime keeps the text and wraps its tags around it
        ("He left on Friday.", '<TimeML>\nHe left on <TIMEX3 tid="t1" type="DATE" value="2008-06-20">Friday</TIMEX3>.\n</TimeML>',
         [("Friday", "2008-06-20")], 0),
        # extra or missing whitespace on either side is walked over
        ("\n\nA  & B met\ntoday.", '<TimeML>\nA &amp; B met <TIMEX3 tid="t1" type="DATE" value="2008-06-20">today</TIMEX3>.</TimeML>',
         [("today", "2008-06-20")], 0),
        # a tag whose text is not the document's is lost, not guessed
        ("He left on Friday.", '<TimeML>He left on <TIMEX3 tid="t1" type="DATE" value="X">Fridays</TIMEX3>.</TimeML>', [], 1),
    ],
)
def test_heideltime_output_is_aligned_to_the_text(text: str, timeml: str, expected: list, lost: int) -> None:
    spans, n = _bench_module().align(text, timeml)
    assert [(s.text, s.value) for s in spans] == expected and n == lost
    assert all(text[s.start : s.end] == s.text for s in spans)
