"""Rules switched off by name (dateline.rules): each name the code asks about is listed, and
switching a rule off changes what it decides."""

from __future__ import annotations

import re
from pathlib import Path

from dateline.incidents import consolidate
from dateline.incidents.aggregates import AggregateCues
from dateline.ingest import document_from_text
from dateline.rules import RULES, enabled, switched_off

SRC = Path(__file__).resolve().parents[1] / "src" / "dateline"


def test_every_rule_the_code_asks_about_is_listed() -> None:
    asked = {m.group(1) for path in SRC.rglob("*.py") for m in re.finditer(r'enabled\("([^"]+)"\)', path.read_text())}
    families = {f"aggregates.{name}" for name in AggregateCues.load().families}
    assert asked, "no rule is asked about"
    assert asked <= set(RULES) | families, sorted(asked - set(RULES))
    assert set(RULES) <= asked, f"listed but never asked: {sorted(set(RULES) - asked)}"


def test_switched_off_holds_inside_the_block_only() -> None:
    assert enabled("extract.clauses")
    with switched_off(["extract.clauses", "flags.bare_verb"]):
        assert not enabled("extract.clauses") and not enabled("flags.bare_verb") and enabled("extract.parallel_places")
    assert enabled("extract.clauses") and enabled("flags.bare_verb")


def test_a_rule_switched_off_no_longer_decides(engine) -> None:
    text = "Fighting broke out on Monday, leaving some 30 people dead in Kandahar, Herat and Kunduz."

    def told():
        doc = document_from_text(text, id="t", published="2009-05-12")
        ((document, events),) = list(engine.extract([doc]))
        return consolidate(document, events)

    on = told()
    with switched_off(["extract.parallel_places"]):
        off = told()
    assert len(on.incidents) == 3 and len(off.incidents) < 3
    with switched_off(["aggregates.plural"]):
        assert len(told().aggregates) <= len(on.aggregates)
