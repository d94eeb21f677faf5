"""A trigger phrase of one word is looked up by its surface form, as longer phrases are ("stormed", not
the lemma "storm", which a weather report shares)."""

from __future__ import annotations

from dateline.extract.triggers import find_triggers, load_lexicon


def test_a_one_word_phrase_is_a_trigger_by_its_surface_form(blank_nlp, tmp_path) -> None:
    lexicon_file = tmp_path / "triggers.yaml"
    lexicon_file.write_text("- phrases: [stormed]\n  type: Battles\n  sub: Armed clash\n  plover: FIGHT\n  weight: 5\n",
                            encoding="utf-8")
    lexicon = load_lexicon(lexicon_file)
    (sent,) = blank_nlp("Gunmen stormed a hotel on Tuesday.").sents
    assert [(t.head.text, t.entry.sub_event_type) for t in find_triggers(sent, lexicon)] == [("stormed", "Armed clash")]
    (sent,) = blank_nlp("A storm hit the coast on Tuesday.").sents
    assert find_triggers(sent, lexicon) == []

