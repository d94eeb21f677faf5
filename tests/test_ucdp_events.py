"""Event placement against UCDP GED headlines (issue 7): the real pipeline on each row's headlines."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import ConfigError
from dateline.evaluate import evaluate
from dateline.evaluate.ucdp_events import read_headline_rows

HEADER = "id,source_headline,source_date,where_prec,where_coordinates,adm_1,latitude,longitude\n"
TAGS = ",,,,,#adm1,#geo+lat,#geo+lon\n"


@pytest.fixture
def ucdp_file(tmp_path: Path) -> Path:
    path = tmp_path / "ucdp.csv"
    path.write_text(
        HEADER + TAGS
        # a town named: right point, right province, same precision
        + "1,Car bomb kills 12 in Iraq's Kirkuk;Kirkuk blast kills 12,2013-05-02,1,Kirkūk town,Kirkūk province,35.4681,44.3922\n"
        # only the country named: placed at the country, wrong province, precision 6 vs 1
        + "2,Suicide bombers kill 28 in Iraq,2013-05-03,1,Baghdād city,Baghdād province,33.3406,44.4009\n"
        # no event in the headline: not placed, still counted
        + "3,Parliament debates the budget,2013-05-04,4,Diyālá province,Diyālá province,33.9,45.0\n"
        # no headline: not a row
        + "4,,2013-05-05,1,Baghdād city,Baghdād province,33.3406,44.4009\n",
        encoding="utf-8")
    return path


def test_reads_rows_with_headlines(ucdp_file: Path) -> None:
    rows = list(read_headline_rows(ucdp_file))
    assert [r.key for r in rows] == ["ucdp:1", "ucdp:2", "ucdp:3"]
    assert rows[0].headlines == ("Car bomb kills 12 in Iraq's Kirkuk", "Kirkuk blast kills 12")
    assert rows[0].admin1 == "Kirkūk" and rows[0].published == "2013-05-02"


def test_scores_event_placement(engine, ucdp_file: Path) -> None:
    report = evaluate("ucdpevents", ucdp_file, engine=engine, show_misses=True)
    assert report.counts == {"rows": 3, "placed": 2, "rows_prec_1_2": 2, "rows_with_province": 3,
                             "rows_country_only": 0}
    assert report.metrics["placed"] == pytest.approx(2 / 3, abs=1e-4)
    assert report.metrics["within_25km"] == 0.5  # Kirkuk yes, "Iraq" no
    assert report.metrics["admin1_right"] == pytest.approx(1 / 3, abs=1e-4)
    assert report.metrics["where_prec_exact"] == 0.5
    assert any(n.startswith("miss ucdp:2") for n in report.notes)


def test_split_keeps_a_fixed_half(engine, ucdp_file: Path) -> None:
    dev = evaluate("ucdpevents", ucdp_file, engine=engine, split="dev").counts["rows"]
    test = evaluate("ucdpevents", ucdp_file, engine=engine, split="test").counts["rows"]
    assert dev + test == 3


@pytest.mark.parametrize("content", ["a,b\n1,2\n", "id,where_prec\n1,1\n"])
def test_not_a_ucdp_file(engine, tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        evaluate("ucdpevents", path, engine=engine)


@pytest.mark.slow  # evaluates with the full model (CLI)
def test_evaluate_command_takes_a_split(ucdp_file: Path) -> None:
    import json

    from click.testing import CliRunner

    from dateline.cli import main

    runner = CliRunner()
    halves = []
    for split in ("dev", "test"):
        result = runner.invoke(main, ["evaluate", "--kind", "ucdpevents", "--gold", str(ucdp_file),
                                      "--split", split, "--format", "json"])
        assert result.exit_code == 0, result.output
        halves.append(json.loads(result.stdout)["counts"]["rows"])
    assert sum(halves) == 3


def test_a_split_for_a_scorer_without_halves_is_one_clear_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    gold = tmp_path / "tst4"
    gold.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--kind", "muc4", "--gold", str(gold), "--split", "dev"])
    assert result.exit_code != 0
    assert "takes no option split" in result.output
