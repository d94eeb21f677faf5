"""Exports: each format parsed back with a standard reader."""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path

import pytest

from dateline.errors import ExportError
from dateline.export import FORMATS, export_events, write_acled_csv, write_geojson, write_jsonl
from dateline.export.acled_csv import ACLED_COLUMNS, COLUMNS, disorder_type, interaction
from dateline.models import Document, Event
from dateline.store import open_store

TEXT = "Gunmen killed five civilians in Amarah. A bomb hit Basra, no casualties."


def sample_events() -> list[Event]:
    return [
        Event("e1", "doc-1", 0, 39, TEXT[0:39], "Violence against civilians", "Attack",
              actor1="Unidentified Armed Group", inter1=3, actor2="Civilians (Iraq)", inter2=7,
              assoc_actor_2="Teachers (Iraq)", date_start="2008-03-25", time_precision=1,
              date_reason="no date in sentence: publication date", country="Iraq", admin1="Maysan",
              location="Amarah", latitude=31.8356, longitude=47.1448, geo_precision=1, fatalities=5,
              source="Example News", spans={"fatalities": [14, 18]}),
        Event("e2", "doc-1", 40, 72, TEXT[40:72], "Explosions/Remote violence", "Remote explosive/landmine/IED",
              date_start="2008-03-26", date_end="2008-03-28", time_precision=2, country="Atlantis",
              location="Basra", background=True, place_reason="not in gazetteer"),
    ]


def test_acled_csv_parses_back() -> None:
    out = io.StringIO()
    assert write_acled_csv(sample_events(), out) == 2
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames) == COLUMNS
    assert COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    first, second = list(reader)
    assert first["event_id_cnty"].startswith("IRQ") and first["event_id_cnty"][3:].isdigit()
    assert first["incident_id"] == "e1"
    assert second["region"] == "" and first["region"] == "Middle East" and first["timestamp"].isdigit()
    assert (first["event_date"], first["year"], first["time_precision"]) == ("2008-03-25", "2008", "1")
    assert first["disorder_type"] == "Political violence"
    assert (first["inter1"], first["inter2"], first["interaction"]) == ("3", "7", "37")
    assert first["civilian_targeting"] == "Civilian targeting"
    assert first["iso"] == "368"
    assert first["assoc_actor_2"] == "Teachers (Iraq)"
    assert float(first["latitude"]) == pytest.approx(31.8356)
    assert first["notes"] == "On 2008-03-25: " + TEXT[0:39]  # a one-line summary from the evidence
    assert first["fatalities"] == "5"
    assert first["date_reason"] == "no date in sentence: publication date"
    assert (first["evidence_start"], first["evidence_end"], first["document_id"]) == ("0", "39", "doc-1")
    assert first["background"] == "0"
    assert second["fatalities"] == "0"  # none reported: 0, as in ACLED
    assert (second["iso"], second["latitude"], second["interaction"], second["civilian_targeting"]) == ("", "", "", "")
    assert (second["date_end"], second["background"], second["place_reason"]) == ("2008-03-28", "1", "not in gazetteer")


def test_acled_csv_quotes_commas_and_newlines() -> None:
    event = sample_events()[0]
    event.evidence_text = 'He said, "they fled"\nat dawn.'
    out = io.StringIO()
    write_acled_csv([event], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["notes"] == 'On 2008-03-25: He said, "they fled" at dawn.'


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
        ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Arrests", "Strategic developments"),
        ("Something else", None, ""),
    ],
)
def test_disorder_type(event_type: str, sub_event_type: str | None, expected: str) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"), [(1, 7, 17), (7, 1, 17), (2, None, 20), (None, None, None), (3, 3, 33)]
)
def test_interaction(inter1, inter2, expected) -> None:
    assert interaction(inter1, inter2) == expected


def test_jsonl_round_trips() -> None:
    events = sample_events()
    out = io.StringIO()
    assert write_jsonl(events, out) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert records == [e.to_record() for e in events]
    assert [Event.from_record(r) for r in records] == events


def test_geojson_structure(caplog: pytest.LogCaptureFixture) -> None:
    out = io.StringIO()
    with caplog.at_level(logging.INFO, logger="dateline.export.geojson"):
        assert write_geojson(sample_events(), out) == 1
    assert "1 of 2 events left out" in caplog.text
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["type"] == "Feature" and feature["id"] == "e1"
    assert feature["geometry"] == {"type": "Point", "coordinates": [47.1448, 31.8356]}  # lon, lat
    assert "latitude" not in feature["properties"] and "longitude" not in feature["properties"]
    assert feature["properties"]["evidence_text"] == TEXT[0:39]
    assert feature["properties"]["spans"] == {"fatalities": [14, 18]}


@pytest.mark.parametrize("coords", [(None, 47.0), (95.0, 47.0), (31.0, float("nan"))])
def test_geojson_skips_unusable_coordinates(coords) -> None:
    event = sample_events()[0]
    event.latitude, event.longitude = coords
    out = io.StringIO()
    assert write_geojson([event], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_events_dispatch(fmt: str) -> None:
    out = io.StringIO()
    written = export_events(iter(sample_events()), fmt, out)
    assert written == (1 if fmt == "geojson" else 2)
    assert out.getvalue()


def test_export_events_unknown_format() -> None:
    with pytest.raises(ExportError, match="unknown export format 'xml'") as caught:
        export_events([], "xml", io.StringIO())
    assert "acled-csv" in caught.value.hint


def test_export_write_failure_is_export_error(tmp_path: Path) -> None:
    class Full(io.StringIO):
        name = "full.csv"

        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left") as caught:
        export_events(sample_events(), "jsonl", Full())
    assert caught.value.where == "full.csv"


def test_export_from_store(tmp_path: Path) -> None:
    doc = Document(id="doc-1", text=TEXT)
    with open_store(tmp_path / "x.db") as store:
        store.add_document(doc, sample_events())
        out = io.StringIO()
        assert export_events(store.events(), "acled-csv", out) == 1  # the background event is not counted
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["event_id_cnty"].startswith("IRQ")


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("Amarah", "Amarah"), ("a=b", "a=b"), ("", ""), (None, None), (-33.5, -33.5), (-4, -4),
])
def test_safe_cell_follows_the_owasp_csv_rule(value, expected) -> None:
    from dateline.export import safe_cell

    assert safe_cell(value) == expected


def hostile_store(tmp_path: Path) -> Path:
    text = "=cmd|' /C calc'!A0 killed five civilians in Amarah."
    doc = Document(id="doc-1", text=text)
    event = Event("e1", "doc-1", 0, len(text), text, "Violence against civilians", "Attack", actor1="@Group",
                  actor2="+Civilians", location="-Amarah", latitude=-31.5, longitude=47.1, fatalities=5,
                  date_start="2008-03-25")
    db = tmp_path / "x.db"
    with open_store(db) as store:
        store.add_document(doc, [event])
    return db


@pytest.mark.parametrize("args,text_column", [
    (["export", "--format", "acled-csv"], None),  # notes open with the date there
    (["events", "--format", "csv"], "evidence_text"),
    (["incidents", "--format", "csv"], "evidence_text"),
])
def test_every_csv_of_the_cli_is_formula_safe(tmp_path: Path, args: list[str], text_column: str | None) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    result = CliRunner().invoke(main, [*args, "--db", str(hostile_store(tmp_path))])
    assert result.exit_code == 0, result.output
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert row["actor1"] == "'@Group" and row["actor2"] == "'+Civilians" and row["location"] == "'-Amarah"
    assert row["latitude"] == "-31.5" and row["fatalities"] == "5"
    if text_column:
        assert row[text_column].startswith("'=cmd")
