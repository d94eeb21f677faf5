"""PLOVER coding of single sentences written for each rule, and the CAMEO crosswalk."""

import pytest

from dateline.evaluate.plover import cameo_to_plover
from dateline.extract.plover import code_sentence


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("Rebels attacked a police station in Mosul.", "ASSAULT"),
        ("Government troops clashed with rebels near the border.", "FIGHT"),
        ("Thousands of students protested in the capital.", "PROTEST"),
        ("Police arrested the opposition leader.", "COERCE"),
        ("The two governments agreed to resume trade.", "AGREE"),
        ("Syria said it will not accept any more refugees.", "REJECT"),
        ("The rebels said they will release the hostages.", "AGREE"),
        ("Farmers said they would blockade the capital.", "THREATEN"),
        ("The minister said Libya must hand over the suspects.", "DEMAND"),
        ("Obama wants Putin to release the prisoners.", "DEMAND"),
        ("British aircraft killed four fighters in Basra.", "FIGHT"),
        ("The foreign minister criticized the decision.", "DISAPPROVE"),
        ("According to officials, the president met his counterpart.", "CONSULT"),
    ],
)
def test_sentence_types(engine, text, ptype) -> None:
    doc = engine.nlp(text)
    coding = code_sentence(next(doc.sents))
    assert coding is not None and coding.plover_type == ptype, (coding.plover_type if coding else None, coding.trigger.text if coding else None)


@pytest.mark.parametrize(("code", "ptype"), [("042", "CONSULT"), ("051", "SUPPORT"), ("190", "FIGHT"), ("0874", "RETREAT"), ("010", None)])
def test_cameo_crosswalk(code, ptype) -> None:
    assert cameo_to_plover(code) == ptype
