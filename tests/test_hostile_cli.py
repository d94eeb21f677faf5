"""`dateline ingest` on careless input: stray bytes, odd file names, its own database, nothing to read."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.ingest.decode import decode_bytes

ARTICLE = "June 20, 2008\n\nGunmen killed \u201cthree\u201d policemen near a caf\u00e9 in Baquba \u2014 police said.\n"
STRAY = ARTICLE.encode("utf-8").replace(b" policemen", b" police\xffmen")  # one byte that is not UTF-8


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_one_bad_byte_keeps_a_utf8_file_utf8(caplog) -> None:
    with caplog.at_level(logging.WARNING):
        text = decode_bytes(STRAY, where="wire.txt")
    assert "\u201cthree\u201d" in text and "caf\u00e9" in text and "\u2014" in text and "\ufffd" in text
    (warning,) = [r.getMessage() for r in caplog.records if "wire.txt" in r.getMessage()]
    assert f"not valid UTF-8 at 1 place(s), first at byte {STRAY.index(255)}" in warning


def test_legacy_code_page_is_still_detected() -> None:
    assert decode_bytes(ARTICLE.encode("cp1252"), where="x") == ARTICLE


@pytest.mark.slow  # ingests with the full model (CLI)
def test_ingest_dot_beside_its_database(tmp_path: Path, monkeypatch) -> None:
    """A folder holding the articles and the database: the database's files are passed over,
    the one bad input is one escaped line, the rest is stored, exit 1."""
    monkeypatch.chdir(tmp_path)
    Path("wire.txt").write_bytes(STRAY)
    for name in ("dateline.db-wal", "dateline.db-shm", "dateline.db-journal", "other.sqlite-wal"):
        Path(name).write_bytes(b"Killed five in Basra.\n" * 3)
    Path("bad\nError: forged.txt").write_text("", encoding="utf-8")
    result = run("ingest", ".", "--db", "dateline.db", "--no-progress")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == ["Error: bad\\nError: forged.txt: empty file (nothing to read)"], result.stderr
    with sqlite3.connect("dateline.db") as conn:
        rows = conn.execute("select origin, text from documents").fetchall()
    assert [origin for origin, _ in rows] == ["wire.txt"]
    assert "\u201cthree\u201d" in rows[0][1] and "caf\u00e9" in rows[0][1]


@pytest.mark.slow  # the CLI loads the full model before reading its inputs
def test_an_empty_directory_fails_in_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    (empty / ".git").mkdir(parents=True)
    (empty / ".hidden.txt").write_text("Gunmen killed three.", encoding="utf-8")
    result = run("ingest", str(empty), "--db", str(tmp_path / "t.db"), "--no-progress")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {empty}: no files to read in this directory "
                      "(hidden files, databases and images are passed over)"]
