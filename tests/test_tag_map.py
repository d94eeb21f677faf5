"""The model's attribute ruler split into a per-tag table and the rest gives the very same tokens."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.annotate.pipeline import DEFAULT_MODEL, load_model
from dateline.annotate.tag_map import split_attribute_ruler

TEXTS = (
    "A car bomb killed 12 people near a market in Amara on Monday, police said.",
    "I  saw\n\nhim .  \t The U.S. Army's men can't go 'em! She'd've said: \"Who's there?\" — nobody.",
    "Gunmen opened fire on a checkpoint outside Kirkuk, wounding five soldiers; they were taken to hospital "
    "where doctors said two of them were in critical condition, officials told reporters on Tuesday.",
)


def _tokens(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_split_ruler_gives_the_same_tokens_as_the_models_ruler() -> None:
    original, split = load_model(DEFAULT_MODEL), load_model(DEFAULT_MODEL)
    assert split_attribute_ruler(split)
    assert split.pipe_names.index("dateline_tag_map") == split.pipe_names.index("attribute_ruler") - 1
    assert len(split.get_pipe("attribute_ruler").patterns) < len(original.get_pipe("attribute_ruler").patterns)
    for text in TEXTS:
        assert _tokens(split(text)) == _tokens(original(text))


def test_a_ruler_whose_later_rules_read_pos_is_kept_whole() -> None:
    nlp = load_model(DEFAULT_MODEL)
    nlp.get_pipe("attribute_ruler").add([[{"POS": "PROPN"}]], {"MORPH": "Foreign=Yes"})
    assert not split_attribute_ruler(nlp)
    assert "dateline_tag_map" not in nlp.pipe_names
