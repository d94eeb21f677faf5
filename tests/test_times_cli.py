"""`dateline times`: time expressions with spans, types and values, as JSON lines or a table."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.annotate.times import iter_times
from dateline.cli import main

_TEXT = "Gunmen struck on Friday. Two days later police arrested five men in 2006."


@pytest.fixture
def jsonl_file(tmp_path: Path) -> Path:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "doc-1", "text": _TEXT, "published": "2008-06-20"}) + "\n", encoding="utf-8")
    return path


def test_library_records_carry_spans_into_the_text(jsonl_file: Path) -> None:
    records = list(iter_times([str(jsonl_file)]))
    assert [r.value for r in records] == ["2008-06-20", "2008-06-22", "2006"]
    assert all(_TEXT[r.start : r.end] == r.text and r.document_id == "doc-1" for r in records)


@pytest.mark.parametrize(
    ("published", "friday"),
    [(None, "2008-06-20"), ("2008-07-01", "2008-06-27")],
)
def test_cli_jsonl(jsonl_file: Path, published: str | None, friday: str) -> None:
    args = ["times", "--format", "jsonl", str(jsonl_file)] + (["--published", published] if published else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["document_id"] == "doc-1"
    assert (rows[0]["text"], rows[0]["type"], rows[0]["value"]) == ("Friday", "DATE", friday)
    assert {"start", "end", "precision", "date_start", "date_end"} <= set(rows[0])


def test_cli_table(jsonl_file: Path) -> None:
    result = CliRunner().invoke(main, ["times", str(jsonl_file)])
    assert result.exit_code == 0 and "doc-1\t17-23\tDATE\t2008-06-20\tFriday" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--published", "June"], "YYYY-MM-DD"), ([], "Error:")],
)
def test_cli_errors_exit_1(tmp_path: Path, jsonl_file: Path, args: list[str], message: str) -> None:
    sources = [str(jsonl_file)] if args else [str(tmp_path / "missing.txt")]
    result = CliRunner().invoke(main, ["times", *args, *sources])
    assert result.exit_code == 1
    assert message in result.output
