"""The `dateline` command: each command, its formats, and its error paths."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main

BIN = Path(sys.executable).parent / "dateline"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, sample_path) -> Path:
    db = tmp_path_factory.mktemp("cli") / "sample.db"
    result = CliRunner().invoke(main, ["ingest", str(sample_path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.slow  # ingests with the full model (CLI)
def test_ingest_twice_stores_once(sample_path, db_path) -> None:
    assert run("ingest", str(sample_path), "--db", str(db_path)).exit_code == 0
    second = run("ingest", str(sample_path), "--db", str(db_path))
    assert second.exit_code == 0
    assert "0 document(s) stored, 1 already stored" in second.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == 1


@pytest.mark.slow  # ingests with the full model (CLI)
def test_same_text_under_another_name_is_a_duplicate(sample_path, db_path, tmp_path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(sample_path.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8")
    assert run("ingest", str(sample_path), str(copy), "--db", str(db_path)).exit_code == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == 1


@pytest.mark.slow  # ingests with the full model (CLI)
def test_db_from_environment(sample_path, tmp_path) -> None:
    db = tmp_path / "env.db"
    assert run("ingest", str(sample_path), env={"DATELINE_DB": str(db)}).exit_code == 0
    assert db.exists()


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_events_formats(sample_db, fmt) -> None:
    result = run("events", "--db", str(sample_db), "--all", "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        assert len(json.loads(out)) >= 3
    elif fmt == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
        assert all(r["document_id"] and r["evidence_text"] for r in records)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and "event_type" in rows[0]
    else:
        assert "event_type" in out.splitlines()[0] and "Arrests" in out


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--province", "Maysan"], lambda rs: rs and all(r["admin1"] == "Maysan" for r in rs)),
        (["--type", "Arrests"], lambda rs: rs and all(r["sub_event_type"] == "Arrests" for r in rs)),
        (["--from", "2008-06-19", "--to", "2008-06-19"], lambda rs: rs and all(r["date_start"] == "2008-06-19" for r in rs)),
        (["--actor", "Police"], lambda rs: rs and all("Police" in ((r["actor1"] or "") + (r["actor2"] or "")) for r in rs)),
        (["--text", "deputy governor"], lambda rs: len(rs) == 1),
        (["--place", "Amara"], lambda rs: rs and all(r["location"] == "Amarah" for r in rs)),
    ],
)
def test_events_filters(sample_db, args, check) -> None:
    result = run("events", "--db", str(sample_db), "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert check([json.loads(line) for line in result.stdout.splitlines()])


def test_flagged_events_hidden_by_default(sample_db) -> None:
    default = run("events", "--db", str(sample_db), "--format", "jsonl").stdout.splitlines()
    everything = run("events", "--db", str(sample_db), "--format", "jsonl", "--all").stdout.splitlines()
    assert len(everything) > len(default)
    assert not any(json.loads(line)["background"] for line in default)


def test_timeline(sample_db) -> None:
    result = run("timeline", "--db", str(sample_db), "--by", "day", "--format", "json")
    rows = json.loads(result.stdout)
    assert {"2008-06-19", "2008-06-20"} <= {r["period"] for r in rows}


def test_onthisday(sample_db) -> None:
    result = run("onthisday", "06-19", "--db", str(sample_db), "--format", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(line)["date_start"] for line in result.stdout.splitlines()] == ["2008-06-19"]


def test_search(sample_db) -> None:
    result = run("search", "deputy governor", "--db", str(sample_db), "--format", "json")
    hits = json.loads(result.stdout)
    assert hits and any("deputy" in h["snippet"] for h in hits)


@pytest.mark.parametrize("fmt", ["acled-csv", "jsonl", "geojson"])
def test_export(sample_db, tmp_path, fmt) -> None:
    out = tmp_path / f"export.{fmt}"
    result = run("export", "--db", str(sample_db), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "geojson":
        data = json.loads(text)
        assert data["type"] == "FeatureCollection" and data["features"]
    elif fmt == "acled-csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and rows[0]["event_date"] and "sub_event_type" in rows[0]
    else:
        assert all(json.loads(line)["event_id"] for line in text.splitlines())


def test_show_and_documents(sample_db) -> None:
    record = json.loads(run("events", "--db", str(sample_db), "--format", "jsonl", "--type", "Arrests").stdout.splitlines()[0])
    shown = run("show", record["event_id"], "--db", str(sample_db))
    assert shown.exit_code == 0 and record["evidence_text"][:40] in " ".join(shown.stdout.split())
    assert "Associated Press" in shown.stdout
    docs = run("documents", "--db", str(sample_db), "--format", "json")
    assert json.loads(docs.stdout)[0]["title"].startswith("Operation Promise")


@pytest.mark.slow  # extracts with the full model (CLI)
def test_extract_jsonl_contract(tmp_path) -> None:
    path = tmp_path / "in.jsonl"
    record = {"id": "wire-42", "text": "Gunmen killed three policemen in Baquba on Monday.", "published": "2008-06-20"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = run("extract", "--format", "jsonl", str(path))
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["document_id"] == "wire-42"
    assert record["fatalities"] == 3 and record["date_start"] == "2008-06-16"
    assert record["evidence_start"] == 0 and record["evidence_text"].startswith("Gunmen")


@pytest.mark.slow  # extracts with the full model (CLI)
def test_document_without_date_gets_no_date(tmp_path) -> None:
    path = tmp_path / "nodate.txt"
    path.write_text("Gunmen killed three policemen in Baquba.\n", encoding="utf-8")
    (record,) = [json.loads(x) for x in run("extract", str(path)).stdout.splitlines()]
    assert record["date_start"] is None and "no publication date" in record["date_reason"]


# -- errors -------------------------------------------------------------------------------


@pytest.mark.slow  # ingests with the full model (CLI)
def test_bad_inputs_reported_and_good_ones_kept(tmp_path, db_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("June 20, 2008\n\nPolice arrested five men in Amara on Thursday.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin.txt").write_bytes("June 21, 2008\n\nGunmen killed two civilians in Basra, police said \u201cnothing\u201d.\n".encode("cp1252"))
    (folder / "nobody.html").write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        json.dumps({"id": "a", "text": "Police arrested two men in Kirkuk.", "published": "2008-06-01"}) + "\n{broken\n"
        + json.dumps({"id": "b", "text": "A bomb killed four people in Mosul.", "published": "2008-06-02"}) + "\n",
        encoding="utf-8",
    )
    result = run("ingest", str(folder), "--db", str(db_path))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 4, result.stderr  # binary, empty, html without body, one broken JSON line
    assert any("binary" in e for e in errors) and any("empty" in e for e in errors)
    assert any("wire.jsonl:2" in e for e in errors)
    with sqlite3.connect(db_path) as conn:
        ids = {r[0] for r in conn.execute("select id from documents")}
        texts = " ".join(r[0] for r in conn.execute("select text from documents"))
    assert {"a", "b"} <= ids and len(ids) == 4
    assert "\u201cnothing\u201d" in texts  # cp1252 read with the right encoding


@pytest.mark.slow  # a dateline process that loads the full model
def test_each_bad_input_is_reported_once(tmp_path, db_path) -> None:
    """A real process (logging configured as for a user): one line per bad input, not a log
    warning as well as the summary's error."""
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    (tmp_path / "good.txt").write_text("June 20, 2008\n\nPolice arrested five men in Amara.\n", encoding="utf-8")
    done = subprocess.run([str(BIN), "ingest", str(tmp_path / "junk.txt"), str(tmp_path / "good.txt"),
                           "--db", str(db_path), "--no-progress"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if "junk.txt" in line]
    assert len(lines) == 1 and lines[0].startswith("Error:"), done.stderr


@pytest.mark.slow  # the CLI loads the full model before reading its inputs
def test_huge_file_refused_with_one_line(tmp_path, db_path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fp:
        fp.truncate(50 * 1024 * 1024)
    result = run("ingest", str(big), "--db", str(db_path))
    assert result.exit_code == 1
    assert "50.0 MB" in result.stderr


@pytest.mark.slow  # the CLI loads the full model before reading its inputs
def test_url_that_does_not_answer(db_path) -> None:
    result = run("ingest", "http://127.0.0.1:9/article", "--db", str(db_path))
    assert result.exit_code == 1
    assert "127.0.0.1:9" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["events", "--from", "not-a-date"], ["onthisday", "13-45"], ["export"], ["events", "--format", "xml"], ["ingest"]],
)
def test_usage_errors_exit_2(args, db_path) -> None:
    result = run(*args, "--db", str(db_path)) if args[0] != "ingest" else run(*args)
    assert result.exit_code == 2, result.output


def test_not_a_database(tmp_path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes", encoding="utf-8")
    result = run("events", "--db", str(bogus))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error:") and str(bogus) in result.stderr
    assert bogus.read_text(encoding="utf-8") == "these are my notes"


def test_every_command_has_an_example() -> None:
    def walk(group, prefix=""):
        for name, cmd in group.commands.items():
            if hasattr(cmd, "commands"):
                yield from walk(cmd, prefix + name + " ")
            else:
                yield prefix + name, cmd
    for name, cmd in walk(main):
        assert "Example:" in (cmd.help or ""), name


# -- interrupted batch --------------------------------------------------------------------


@pytest.mark.slow  # kill -9 of a dateline process, then a rerun
def test_kill_9_then_rerun_stores_every_document_once(tmp_path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    n = 120
    for i in range(n):
        body = " ".join(f"On June {1 + i % 28}, 2008 gunmen killed {i % 9 + 2} policemen in Baquba, and police arrested {i} "
                        "suspects in Kirkuk." for _ in range(12))
        (folder / f"doc{i:03d}.txt").write_text(f"Report {i}\n\n{body}\n", encoding="utf-8")
    db = tmp_path / "batch.db"
    cmd = [str(BIN), "ingest", str(folder), "--db", str(db), "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 5:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be interrupted; make it larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        partial = conn.execute("select count(*) from documents").fetchone()[0]
    assert 0 < partial < n
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(*), count(distinct id) from documents").fetchone() == (n, n)
        orphans = conn.execute("select count(*) from events where document_id not in (select id from documents)").fetchone()[0]
    assert orphans == 0


def test_timeline_leaves_out_events_coarser_than_the_period(sample_db) -> None:
    by_month = json.loads(run("timeline", "--db", str(sample_db), "--by", "month", "--all", "--format", "json").stdout)
    by_year = json.loads(run("timeline", "--db", str(sample_db), "--by", "year", "--all", "--format", "json").stdout)
    assert "2006-01" not in {r["period"] for r in by_month}  # the 2006 fighting is dated to the year only
    assert "2006" in {r["period"] for r in by_year}
    # the table says what it leaves out, on stderr
    table = run("timeline", "--db", str(sample_db), "--by", "month", "--all")
    assert "1 event(s) dated more coarsely than a month are not shown" in table.stderr
    assert "not shown" not in run("timeline", "--db", str(sample_db), "--by", "year", "--all").stderr


@pytest.mark.parametrize(("flag", "country"), [("--source-homes", "United States"), ("--no-source-homes", "Egypt")])
@pytest.mark.slow  # ingests with the full model (CLI)
def test_ingest_uses_the_outlets_home_for_an_unplaced_town(tmp_path, flag: str, country: str) -> None:
    """Two stored stories of a Louisiana paper name their state; its next one, about "Alexandria",
    does not (the homes are read from what is stored before a run)."""
    lines = [
        {"id": "a1", "url": "http://www.thetowntalk.com/1", "published": "2009-03-20",
         "text": "Gunmen shot dead a man in Pineville, Louisiana, on Friday, police in Rapides Parish said."},
        {"id": "a2", "url": "http://www.thetowntalk.com/2", "published": "2009-03-21",
         "text": "A woman was killed in a shooting in Leesville, Louisiana, on Saturday."},
        {"id": "a3", "url": "http://www.thetowntalk.com/3", "published": "2009-03-22",
         "text": "Two men were shot dead in Alexandria on Sunday, police said."},
    ]
    db = tmp_path / "homes.db"
    for name, part in (("stored.jsonl", lines[:2]), ("next.jsonl", lines[2:])):
        source = tmp_path / name
        source.write_text("\n".join(json.dumps(line) for line in part), encoding="utf-8")
        assert run("ingest", str(source), "--db", str(db), flag).exit_code == 0
    result = run("events", "--db", str(db), "--format", "jsonl")
    (event,) = [json.loads(line) for line in result.output.splitlines() if json.loads(line)["document_id"] == "a3"]
    assert (event["location"], event["country"]) == ("Alexandria", country)
