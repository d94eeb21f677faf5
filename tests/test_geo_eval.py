"""The place scorers on small files written here in each corpus's format (no rows copied from the data)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.errors import ConfigError
from dateline.evaluate import evaluate, kinds
from dateline.evaluate.geo import MISS_KM, pitf_place_rows, read_geoxml
from dateline.evaluate.pitf import dms

LGL_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Gunmen attacked a checkpoint in Baghdad. Later a bomb went off in Basra.]]></text>
    <toponyms>
      <toponym><start>32</start><end>39</end><phrase>Baghdad</phrase>
        <gaztag geonameid="98182"><name>Baghdad</name><fcode>PPLC</fcode><lat>33.34058</lat><lon>44.40088</lon></gaztag>
      </toponym>
      <toponym><start>65</start><end>70</end><phrase>Basra</phrase>
        <gaztag geonameid="99532"><name>Basrah</name><fcode>PPLA</fcode><lat>30.50852</lat><lon>47.7804</lon></gaztag>
      </toponym>
      <toponym><start>0</start><end>3</end><phrase>Gun</phrase></toponym>
    </toponyms>
  </article>
  <article docid="2">
    <text><![CDATA[Protests in Paris and Lyon.]]></text>
    <toponyms>
      <toponym><start>12</start><end>17</end><phrase>Paris</phrase>
        <gaztag geonameid="2988507"><name>Paris</name><fcode>PPLC</fcode><lat>48.85341</lat><lon>2.3488</lon></gaztag>
      </toponym>
      <toponym><start>22</start><end>26</end><phrase>Lyon</phrase>
        <gaztag geonameid="2996944"><name>Lyon</name><fcode>PPLA</fcode><lat>45.74846</lat><lon>4.84671</lon></gaztag>
      </toponym>
      <toponym><start>0</start><end>8</end><phrase>Xqzzyvv</phrase>
        <gaztag geonameid="1"><name>Nowhere</name><fcode>PPL</fcode><lat>0</lat><lon>0</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""

GEOVIRUS_STYLE = """<articles>
    <article>
        <source>https://example.org/a</source>
        <text>Cholera cases rose in Mosul and in Kirkuk.</text>
        <locations>
            <location><name>Mosul</name><start>22</start><end>27</end><lat>36.335</lat><lon>43.119</lon><page>x</page></location>
            <location><name>Kirkuk</name><start>35</start><end>41</end><lat>35.468</lat><lon>44.392</lon><page>y</page></location>
        </locations>
    </article>
</articles>
"""


@pytest.fixture
def lgl_file(tmp_path: Path) -> Path:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_STYLE, encoding="utf-8")
    return path


def test_kinds_registered() -> None:
    assert {"geoxml", "ucdp", "pitfplace", "eventloc"} <= set(kinds())


def test_read_geoxml_skips_toponyms_without_a_point(lgl_file: Path) -> None:
    articles = list(read_geoxml(lgl_file))
    assert [len(a.toponyms) for a in articles] == [2, 3]
    first = articles[0].toponyms[0]
    assert articles[0].text[first.start:first.end] == first.phrase == "Baghdad"
    assert first.geonameid == 98182


def test_geoxml_scores(engine, lgl_file: Path) -> None:
    report = evaluate("geoxml", lgl_file, engine=engine)
    assert report.counts == {"articles": 2, "toponyms": 5, "unresolved": 1}
    assert report.metrics["acc_161km"] == pytest.approx(4 / 5, abs=1e-4)
    assert report.metrics["mean_km"] > MISS_KM / 5 - 200  # the unknown name counts as a miss


@pytest.mark.parametrize("part, articles", [("all", 2), ("tune", 1), ("heldout", 1), ("tune-a", 1), ("tune-b", 0)])
def test_geoxml_parts(engine, lgl_file: Path, part: str, articles: int) -> None:
    assert evaluate("geoxml", lgl_file, engine=engine, part=part).counts["articles"] == articles


@pytest.mark.parametrize("fold, articles", [(None, 2), ("a", 1), ("b", 1)])
def test_geoxml_folds(engine, lgl_file: Path, fold: str | None, articles: int) -> None:
    """Round 10: a fold is every other article of the part (homes still learned on the whole part)."""
    assert evaluate("geoxml", lgl_file, engine=engine, fold=fold).counts["articles"] == articles
    with pytest.raises(ConfigError):
        evaluate("geoxml", lgl_file, engine=engine, fold="c")


def test_geoxml_bad_part(engine, lgl_file: Path) -> None:
    with pytest.raises(ConfigError):
        evaluate("geoxml", lgl_file, engine=engine, part="test")


def test_exact_geonameid_counts_unresolved_toponyms(engine, lgl_file: Path) -> None:
    """The unknown name has a gold id too: it is not an exact match, so at most 4 of 5 are."""
    report = evaluate("geoxml", lgl_file, engine=engine)
    assert report.metrics["exact_geonameid"] <= 4 / 5


COUNTRIES_STYLE = """<articles>
    <article>
        <text>Floods in Brazil; aid from Peru.</text>
        <locations>
            <location><name>Brazil</name><start>10</start><end>16</end><lat>-5.0</lat><lon>-45.0</lon></location>
            <location><name>Peru</name><start>27</start><end>31</end><lat>-5.0</lat><lon>-45.0</lon></location>
        </locations>
    </article>
</articles>
"""


def test_area_metric_counts_a_country_whose_gold_point_lies_inside_it(engine, tmp_path: Path) -> None:
    """Gold points chosen here, hundreds of km from the country points: strictly both are misses;
    by area "Brazil" is right (the point lies in Brazil) and "Peru" is not."""
    path = tmp_path / "countries.xml"
    path.write_text(COUNTRIES_STYLE, encoding="utf-8")
    report = evaluate("geoxml", path, engine=engine)
    assert report.metrics["acc_161km"] == 0.0
    assert report.metrics["acc_161km_area"] == 0.5


def test_geovirus_format_and_detection(engine, tmp_path: Path) -> None:
    path = tmp_path / "GeoVirus.xml"
    path.write_text(GEOVIRUS_STYLE, encoding="utf-8")
    report = evaluate("geoxml", path, engine=engine, detect_every=1)
    assert report.metrics["acc_161km"] == 1.0
    assert report.metrics["detect_recall"] == 1.0
    assert "exact_geonameid" not in report.metrics


def test_not_xml_is_a_config_error(engine, tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(ConfigError):
        evaluate("geoxml", path, engine=engine)


UCDP_HEADER = "id,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude\n"


def test_ucdp_scores(engine, tmp_path: Path) -> None:
    path = tmp_path / "ucdp.csv"
    path.write_text(UCDP_HEADER + ",,,#adm1,,#geo+lat,#geo+lon\n"
                    "1,1,Al ‘Amārah town,Maysān province,,31.8356,47.1448\n"
                    "2,1,Baghdād city,Baghdād province,,33.3406,44.4009\n"
                    "3,1,Al Fallūjah town,Al Anbār province,,32.0,40.0\n"   # coded far away: a miss at 5 km
                    "4,4,Maysān province,Maysān province,,31.9,47.0\n", encoding="utf-8")
    report = evaluate("ucdp", path, engine=engine)
    assert report.counts["rows"] == 3
    assert report.metrics["within_5km"] == pytest.approx(2 / 3, abs=1e-4)
    assert report.metrics["admin1_right"] == 1.0


def test_ucdp_wrong_columns(engine, tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        evaluate("ucdp", path, engine=engine)


@pytest.mark.parametrize("cells, expected", [(("33", "21", "0", "N"), 33.35), (("44", "30", "0", "W"), -44.5),
                                             (("", "", "", ""), None)])
def test_dms(cells: tuple[str, str, str, str], expected: float | None) -> None:
    assert dms(*cells) == (pytest.approx(expected) if expected is not None else None)


def _pitf_row(country: str, locality: str, lat: tuple[str, ...], lon: tuple[str, ...], description: str) -> str:
    cells = ["Incident", "", "x", "14", "05", "2013", "99", "99", "9999", country, "", "", locality, *lat, *lon]
    cells += [""] * (64 - len(cells)) + [description, "", ""]
    return "\t".join(cells)


def test_pitf_place_scores(engine, tmp_path: Path) -> None:
    header = ["Event Type"] + [f"c{i}" for i in range(1, 64)] + ["Description", "Link", "Coder"]
    lines = ["disclaimer", "\t\t", "groups", "\t".join(header),
             _pitf_row("IRQ", "Amara", ("31", "50", "8", "N"), ("47", "8", "41", "E"),
                       "Gunmen killed three policemen in Amara on Tuesday."),
             _pitf_row("IRQ", "multiple locations", ("33", "0", "0", "N"), ("44", "0", "0", "E"),
                       "Bombs killed 20 people across Iraq."),
             _pitf_row("SYR", "Aleppo", ("36", "12", "0", "N"), ("37", "9", "0", "E"), "Shelling killed 5 in Aleppo.")]
    path = tmp_path / "pitf.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = pitf_place_rows(path)
    assert [(r.locality, r.published) for r in rows] == [("Amara", "2013-05-14")]
    report = evaluate("pitfplace", path, engine=engine)
    assert report.counts["rows"] == 1
    assert report.metrics["within_25km"] == 1.0 and report.metrics["admin1_right"] == 1.0


def _record(words: list[str], verb: int, locations: list[int], source: str = "RELABEL") -> dict:
    tokens, pos = [], 0
    for i, word in enumerate(words):
        tokens.append({"text": word, "start": pos, "end": pos + len(word), "id": i})
        pos += len(word) + 1
    spans = [{"token_start": verb, "token_end": verb, "label": "VERB"}]
    spans += [{"token_start": t, "token_end": t, "label": "LOCATION"} for t in locations]
    return {"text": " ".join(words), "tokens": tokens, "spans": spans, "source": source, "answer": "accept"}


def test_eventloc_scores(engine, tmp_path: Path) -> None:
    records = [
        _record("A Basra official said gunmen killed two policemen in Amara on Monday .".split(), 5, [9]),
        _record("Gunmen who fled to Syria killed four soldiers in Mosul .".split(), 5, [9]),
        _record("Protesters marched peacefully on Monday .".split(), 1, []),
        _record("Soldiers killed two men in Tikrit .".split(), 1, [5], source="AP"),  # other source: left out
    ]
    path = tmp_path / "labeled_text.jsonl.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("labeled_text.jsonl", json.dumps(records))
    report = evaluate("eventloc", path, engine=engine)
    assert report.counts["records"] == 3 and report.counts["with_location"] == 2
    assert report.metrics["accuracy"] == 1.0
    assert report.metrics["baseline_first_place"] == 0.0  # the first place named is the wrong one in both


def test_evaluate_command(lgl_file: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "--kind", "geoxml", "--gold", str(lgl_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["toponyms"] == 5


def _paper_article(docid: int, text: str, toponyms: list[tuple[str, float, float]], domain: str) -> str:
    tops = []
    for phrase, lat, lon in toponyms:
        start = text.index(phrase)
        tops.append(f"<toponym><start>{start}</start><end>{start + len(phrase)}</end><phrase>{phrase}</phrase>"
                    f"<gaztag><lat>{lat}</lat><lon>{lon}</lon></gaztag></toponym>")
    return (f'<article docid="{docid}"><domain>{domain}</domain><text><![CDATA[{text}]]></text>'
            f"<toponyms>{''.join(tops)}</toponyms></article>")


# Points written here by hand (approximate town centres), not corpus rows.
_WORCESTER, _BOSTON, _SPRINGFIELD_MA = (42.26, -71.80), (42.36, -71.06), (42.10, -72.59)


@pytest.mark.parametrize("homes, right", [(True, 7), (False, 6)])
def test_geoxml_learns_each_outlets_home(engine, tmp_path: Path, homes: bool, right: int) -> None:
    """Three stories of one paper centre on Massachusetts (dateline's own reading); its fourth names
    only "Springfield", which the paper's home then decides. Without homes it is another Springfield."""
    paper = "masspaper.example"
    articles = [_paper_article(i, f"A fire in {town}, Massachusetts, on Monday.",
                               [(town, *point), ("Massachusetts", 42.36, -71.8)], paper)
                for i, (town, point) in enumerate([("Worcester", _WORCESTER), ("Boston", _BOSTON),
                                                   ("Worcester", _WORCESTER)])]
    articles.append(_paper_article(9, "A fire in Springfield on Monday.", [("Springfield", *_SPRINGFIELD_MA)], paper))
    path = tmp_path / "papers.xml"
    path.write_text("<articles>" + "".join(articles) + "</articles>", encoding="utf-8")
    assert [a.source for a in read_geoxml(path)] == [paper] * 4
    report = evaluate("geoxml", path, engine=engine, source_homes=homes)
    assert report.metrics["acc_161km"] == pytest.approx(right / 7, abs=1e-3)
    assert ("articles_with_home" in report.counts) is homes


OUTLET_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <domain>{domain}</domain>
    <text><![CDATA[A fire in Paris destroyed a store; crews came from Dallas.]]></text>
    <toponyms>
      <toponym><start>10</start><end>15</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><fcode>PPLA2</fcode><lat>33.66094</lat><lon>-95.55551</lon></gaztag>
      </toponym>
      <toponym><start>51</start><end>57</end><phrase>Dallas</phrase>
        <gaztag geonameid="4684888"><name>Dallas</name><fcode>PPLA2</fcode><lat>32.78306</lat><lon>-96.80667</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.mark.parametrize("domain, right", [("theparisnews.com", 2), ("dallasherald.com", 1)])
def test_geoxml_reads_the_outlet(engine, tmp_path: Path, domain: str, right: int) -> None:
    """The scorer passes each article's <domain> to the resolver: a paper named after Paris reads
    its "Paris" as the Texas town near Dallas; another reads it as the French capital."""
    path = tmp_path / "outlet.xml"
    path.write_text(OUTLET_STYLE.format(domain=domain), encoding="utf-8")
    report = evaluate("geoxml", path, engine=engine)
    assert round(report.metrics["acc_161km"] * 2) == right
