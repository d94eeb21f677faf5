"""Which sub-event type a record gets, the trigger's or the type classifier's, and the events the classifier
reports in sentences that no trigger word marks.

The trigger decides which sentences hold events; the classifier (extract/type_model.py) decides the
sub-type when it is confident (its probability at least the model's ``decide`` threshold), otherwise the
trigger keeps it. In a sentence with no trigger word, the classifier may report an event when it is also
confident that the sentence reports one at all (``event``) and the sentence has an event verb
(data/event_types/event_verbs.yaml). Every
record says which decided in ``type_source`` ("trigger" or "model") and why in ``type_reason``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import yaml
from spacy.tokens import Span, Token

from ..errors import ExtractError
from ..models import VIOLENT_TYPES, Event
from ..rules import enabled
from .triggers import Trigger, TriggerEntry
from .type_model import MODEL_DIR, TypeModel, TypePrediction
from .typing import armed_target, weapon_decides

__all__ = ["MODEL", "TRIGGER", "EventVerbs", "choose_type", "event_verb", "load_event_verbs", "mark_proposed", "propose"]

TRIGGER = "trigger"
MODEL = "model"


@dataclass(frozen=True, slots=True)
class EventVerbs:
    """What makes a verb tell something that happened (see event_verbs.yaml); all lower case."""

    tags: frozenset[str]
    deps: frozenset[str]
    modals: frozenset[str]
    not_events: frozenset[str]


def load_event_verbs(path: Path | None = None) -> EventVerbs:
    path = path or MODEL_DIR / "event_verbs.yaml"
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return EventVerbs(*(frozenset(str(w).lower() for w in raw.get(key) or ()) for key in ("tags", "deps", "modals", "not_events")))
    except (OSError, yaml.YAMLError, AttributeError) as err:
        raise ExtractError(f"cannot read the event verbs: {err}", where=str(path)) from err


@lru_cache(maxsize=1)
def default_event_verbs() -> EventVerbs:
    return load_event_verbs()


def choose_type(event: Event, sent: Span, model: TypeModel | None, *, triggers: Sequence[Trigger] = ()) -> None:
    """Keep the trigger's sub-type, or take the classifier's when it is confident; say which and why.

    ACLED's weapon rule holds over the classifier too: an attack on civilians with a bomb, shell or missile
    named in the sentence ("bombings killed 13 people") is coded by the weapon (extract/typing.py)."""
    trigger = f"the trigger '{event.trigger}'"
    event.type_source, event.type_reason = TRIGGER, trigger
    if model is None or not enabled("typing.type_model"):
        return
    found = model.predict(sent.text)
    if found.sub_event_type == event.sub_event_type:
        event.type_reason = f"{trigger}; the model agrees ({found.probability:.2f})"
    elif not found.is_event or found.probability < model.decide:
        event.type_reason = f"{trigger}; the model's {found.sub_event_type} ({found.probability:.2f}) is below {model.decide:.2f}"
    elif _dead_make_violence(event, model.sub_types[found.sub_event_type].event_type):
        event.type_reason = (f"{trigger}; the dead it counts make it violence, over the model's {found.sub_event_type} "
                             f"({found.probability:.2f}) (ACLED)")
    else:
        was = event.sub_event_type
        _set_type(event, model, found)
        event.type_source = MODEL
        event.type_reason = f"the model ({found.probability:.2f}) over {trigger} ({was})"
        weapon = weapon_decides(event, triggers=list(triggers))
        if weapon is not None:
            event.type_source = TRIGGER
            event.type_reason = (f"the weapon '{weapon.head.text}' decides (ACLED), over the model's "
                                 f"{found.sub_event_type} ({found.probability:.2f})")
        elif armed_target(event):
            event.type_source = TRIGGER
            event.type_reason = (f"the target is armed: a battle (ACLED), over the model's "
                                 f"{found.sub_event_type} ({found.probability:.2f})")


def _dead_make_violence(event: Event, model_type: str) -> bool:
    """A violent trigger whose clause counts dead ("killed dozens of militants and destroyed a cache of
    weapons") stays violence, not a strategic development: ACLED codes an event in which people were
    killed by its violent type (force against protesters stays the classifier's to call)."""
    return (event.event_type in VIOLENT_TYPES and model_type == "Strategic developments" and enabled("typing.the_dead_make_violence")
            and (event.fatalities is not None or event.fatalities_low is not None))


def propose(sent: Span, model: TypeModel, verbs: EventVerbs | None = None) -> tuple[Trigger, TypePrediction] | None:
    """A stand-in trigger for the event the classifier reads in a sentence no trigger word marks, when it
    is confident of the sub-type and that there is an event, and the sentence has an event verb."""
    verb = event_verb(sent, verbs or default_event_verbs())
    if verb is None or not enabled("typing.type_model"):
        return None
    found = model.predict(sent.text)
    if not found.is_event or found.probability < model.decide or found.event_probability < model.event:
        return None
    sub = model.sub_types[found.sub_event_type]
    entry = TriggerEntry(sub.event_type, sub.sub_event_type, sub.plover_type, sub.plover_mode, weight=0)
    return Trigger(verb.i, verb.i + 1, entry, verb, True), found


def mark_proposed(event: Event, found: TypePrediction) -> None:
    event.type_source = MODEL
    event.type_reason = (f"the model ({found.probability:.2f}, an event {found.event_probability:.2f}); "
                         f"no trigger word, event verb '{event.trigger}'")


def event_verb(sent: Span, verbs: EventVerbs) -> Token | None:
    """The main-clause verb of a sentence that tells something that happened, if one (nearest the root)."""
    found = [t for t in sent if _is_event_verb(t, verbs)]
    return min(found, key=_depth) if found else None


def _is_event_verb(token: Token, verbs: EventVerbs) -> bool:
    if token.pos_ != "VERB" or token.tag_.lower() not in verbs.tags or token.dep_.lower() not in verbs.deps:
        return False
    if token.lemma_.lower() in verbs.not_events:
        return False
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children) or any(c.dep_ == "aux" and c.lower_ in verbs.modals for c in children):
        return False
    # a bare participle ("the town, captured in 2015, ...") tells no event of its own; "were arrested" does
    return token.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in children)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _set_type(event: Event, model: TypeModel, found: TypePrediction) -> None:
    sub = model.sub_types[found.sub_event_type]
    event.event_type, event.sub_event_type = sub.event_type, sub.sub_event_type
    event.plover_type, event.plover_mode = sub.plover_type, sub.plover_mode
