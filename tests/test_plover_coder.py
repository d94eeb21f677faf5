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
        # light verbs take the type of the act they name
        ("The envoy undertook a mediation between the two factions.", "CONSULT"),
        ("The army launched an offensive against the rebel stronghold.", "FIGHT"),
        # what is acted on decides between CAMEO categories
        ("The government expelled two Iranian diplomats.", "SANCTION"),
        ("The government expelled hundreds of migrant workers.", "COERCE"),
        ("The council lifted the restrictions on foreign journalists.", "CONCEDE"),
        ("The charity handed over ten tons of food to the villagers.", "AID"),
        ("The United Nations sent a team to investigate the massacre.", "INVESTIGATE"),
        # torture stays one-sided violence even when soldiers commit it
        ("Soldiers tortured dozens of detainees at the army base.", "ASSAULT"),
        # nouns and phrases beyond the verbs
        ("The authorities cracked down on independent newspapers.", "COERCE"),
        ("The opposition ruled out any talks with the junta.", "REJECT"),
        ("Neighbouring states imposed sanctions on the regime.", "SANCTION"),
    ],
)
def test_sentence_types(engine, text, ptype) -> None:
    doc = engine.nlp(text)
    coding = code_sentence(next(doc.sents))
    assert coding is not None and coding.plover_type == ptype, (coding.plover_type if coding else None, coding.trigger.text if coding else None)


@pytest.mark.parametrize(("code", "ptype"), [("042", "CONSULT"), ("051", "SUPPORT"), ("190", "FIGHT"), ("0874", "RETREAT"), ("010", None)])
def test_cameo_crosswalk(code, ptype) -> None:
    assert cameo_to_plover(code) == ptype
