"""Final event type: the trigger's type refined by weapon and by who was hit (ACLED rules)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..models import VIOLENT_TYPES, Event
from ..resolve.place_words import words
from ..rules import enabled
from .triggers import Trigger

_ARMED = {1, 2, 3, 4, 8}
_SECURITY_VICTIMS = {"soldier", "soldiers", "troops", "policeman", "policemen", "police", "officer", "officers", "guard",
                     "guards", "militant", "militants", "fighter", "fighters", "insurgent", "insurgents", "recruit",
                     "recruits", "peshmerga", "gunman", "gunmen"}


# Aircraft: a bomb or missile they deliver makes an air strike, not a roadside bomb or shelling
# ("attacked with an F-16-launched bomb", "warplanes fired missiles at ...").
_AIRCRAFT = {"warplane", "warplanes", "jet", "jets", "fighter-bomber", "fighter-bombers", "fighter jet", "aircraft",
             "helicopter", "helicopters", "gunship", "gunships", "drone", "drones", "f-16", "f-16s", "f-15", "f-15s",
             "f-35", "f-35s", "apache", "apaches", "su-24", "su-25", "su-34", "mig-23", "mig-29", "b-52", "b-52s",
             "plane", "planes", "airplane", "airplanes", "bomber", "bombers", "uav", "uavs"}
# two words that name aircraft ("an Israeli air force fired a missile", "war planes", "unmanned aerial vehicles")
_AIRCRAFT_PAIRS = {("air", "force"), ("air", "forces"), ("war", "planes"), ("war", "plane"), ("aerial", "vehicle"),
                   ("aerial", "vehicles")}
_EXPLOSIVES = {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack"}


def _verb_of(trigger: Token) -> Token:
    """The verb a trigger tells its act with: itself, or the verb a noun trigger hangs from."""
    return trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head


def air_delivered(event: Event, sent: Span, trigger: Token) -> str | None:
    """ACLED: violence aircraft do is an air or drone strike. Aircraft that are the act's agent ("IDF drones
    assassinated the Hamas military chief", "killed by a drone") make it one whatever the sides would make it
    (``typing.aircraft_agent``); aircraft named anywhere in the sentence make a bomb, shell or missile one,
    whoever typed it first, the trigger or the classifier (``typing.air_delivered``). Sets the type and
    returns the aircraft's word."""
    if event.sub_event_type == "Air/drone strike":
        return None
    if event.event_type in VIOLENT_TYPES and enabled("typing.aircraft_agent"):
        verb = _verb_of(trigger)
        agents = [c for c in verb.children if c.dep_ == "nsubj"]
        agents += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        # "suicide bombers have killed 20": a bomber doing the violence is a person as often as a plane
        agent = next((a.text for a in agents if a.lower_ in _AIRCRAFT and a.lower_ not in ("bomber", "bombers")), None)
        if agent is not None:
            event.event_type, event.sub_event_type, event.plover_mode = "Explosions/Remote violence", "Air/drone strike", "aerial"
            return agent
    if event.event_type != "Explosions/Remote violence" or event.sub_event_type not in _EXPLOSIVES or not enabled("typing.air_delivered"):
        return None
    craft = next((t.text for t in sent if t.lower_ in _AIRCRAFT), None) or next(
        (f"{t.text} {t.nbor().text}" for t in sent[:-1] if (t.lower_, t.nbor().lower_) in _AIRCRAFT_PAIRS), None)
    if craft is not None:
        event.sub_event_type, event.plover_mode = "Air/drone strike", "aerial"
    return craft


# Projectiles fired from afar: one that went off or hit is shelling, a rocket or missile attack
_PROJECTILES = frozenset({"rocket", "rockets", "mortar", "mortars", "shell", "shells", "missile", "missiles", "grad", "grads",
                          "katyusha", "katyushas", "projectile", "projectiles"})


def projectile_agent(event: Event, trigger: Token) -> str | None:
    """ "One of those rockets exploded in a home", "mortar shells hit the market": a projectile that went
    off is shelling or a missile attack (ACLED), not a planted bomb. Sets the sub-type and returns the word."""
    if event.sub_event_type != "Remote explosive/landmine/IED" or not enabled("typing.projectile_agent"):
        return None
    for subject in (c for c in _verb_of(trigger).children if c.dep_ in ("nsubj", "nsubjpass")):
        # "one of those rockets": the noun counted
        named = [subject, *(p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                            if p.dep_ == "pobj")]
        found = next((t for t in named if t.lower_ in _PROJECTILES), None)
        if found is not None:
            event.sub_event_type, event.plover_mode = "Shelling/artillery/missile attack", "artillery"
            return found.text
    return None


# Verbs telling that a device went off ("a bomb which detonated", "the device exploded as police arrived")
_WENT_OFF = frozenset({"detonate", "explode", "blow"})
# what a device that went off did ("planted an explosive device that destroyed a vehicle")
_DID_HARM = frozenset({"destroy", "kill", "wound", "injure", "damage", "hit", "rip", "tear", "wreck"})
_RELATIVE_SUBJECTS = frozenset({"that", "which", "who"})


def went_off(event: Event, trigger: Token) -> str | None:
    """ACLED: a device found or seized that went off all the same ("discovered a car bomb which detonated
    prior to its destination") is an explosion, not disrupted weapons use. Sets the sub-type and returns
    the verb's word."""
    if event.sub_event_type != "Disrupted weapons use" or not enabled("typing.found_device_went_off"):
        return None
    # the trigger itself ("... a device which detonated", the classifier having read the finding) or a
    # clause on what was found ("found a bomb, which exploded")
    found = [t for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    if enabled("typing.device_did_harm"):
        # "planted an explosive device that destroyed a vehicle": the device is the subject of what it did
        for clause in (c for t in (trigger, *found) for c in t.children if c.dep_ in ("relcl", "acl")):
            if (clause.lemma_.lower() in _DID_HARM and not any(c.dep_ == "neg" for c in clause.children)
                    and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_SUBJECTS for c in clause.children)):
                _an_explosion(event)
                return clause.text
    for verb in (trigger, *found):
        if (verb.pos_ == "VERB" and verb.lemma_.lower() in _WENT_OFF and verb.dep_ in ("relcl", "acl", "conj")
                and not any(c.dep_ == "neg" for c in verb.children)
                and (verb.lemma_.lower() != "blow" or any(c.lower_ == "up" for c in verb.children))):
            _an_explosion(event)
            if event.actor2 is None and event.actor1 is not None:
                # the force that found the device did not plant it: it is the side the blast hit
                event.actor2, event.actor2_id, event.inter2 = event.actor1, event.actor1_id, event.inter1
                event.actor1, event.actor1_id, event.inter1 = None, None, None
                if "actor1" in event.spans:
                    event.spans["actor2"] = event.spans.pop("actor1")
            return verb.text
    return None


def _an_explosion(event: Event) -> None:
    event.event_type, event.sub_event_type = "Explosions/Remote violence", "Remote explosive/landmine/IED"
    event.plover_type, event.plover_mode = "ASSAULT", "explosives"


def weapon_decides(event: Event, *, triggers: list[Trigger]) -> Trigger | None:
    """ACLED: an attack on civilians by a bomb, shell or missile named in the same sentence is an explosion
    or remote violence; the event takes the weapon's sub-type. The weapon's trigger when it decided."""
    if event.event_type != "Violence against civilians" or event.sub_event_type != "Attack" or not enabled("typing.weapon_decides"):
        return None
    weapon = max((t for t in triggers if t.entry.event_type == "Explosions/Remote violence"), key=lambda t: t.entry.weight, default=None)
    return _typed_by(event, weapon)


def fight_decides(event: Event, *, triggers: list[Trigger]) -> Trigger | None:
    """ACLED: the dead of a battle are the battle's ("clashes in Aden killed 40", "the fighting left 12
    dead"): a killing whose subject is a noun of fighting takes that noun's type. The noun when it decided."""
    if event.event_type != "Violence against civilians" or event.sub_event_type != "Attack" or not enabled("typing.fight_decides"):
        return None
    fight = next((t for t in triggers if t.entry.event_type == "Battles" and t.head.dep_ in ("nsubj", "csubj")
                  and t.head.head.pos_ == "VERB"), None)
    return _typed_by(event, fight)


def _typed_by(event: Event, trigger: Trigger | None) -> Trigger | None:
    """The event takes the trigger's type, sub-type and PLOVER reading (when there is one); the trigger."""
    if trigger is not None:
        event.event_type, event.sub_event_type = trigger.entry.event_type, trigger.entry.sub_event_type
        event.plover_type, event.plover_mode = trigger.entry.plover_type, trigger.entry.plover_mode
    return trigger


def armed_target(event: Event) -> bool:
    """ACLED: violence against an armed actor named as the target (state forces, an armed group) is a
    battle, not violence against civilians. Sets the type; whether it did."""
    if (event.event_type != "Violence against civilians" or event.sub_event_type != "Attack"
            or event.inter2 not in _ARMED or not enabled("typing.armed_victims_battle")):
        return False
    event.event_type, event.sub_event_type = "Battles", "Armed clash"
    event.plover_type, event.plover_mode = "FIGHT", "small-arms"
    return True


def protesters_riot(event: Event, trigger: Trigger) -> bool:
    """ACLED: demonstrators who clash with police or others riot ("protesters clashed with police"); a
    battle is fought between armed sides, and force against protesters is the police's act, not their
    clash. Sets the type; whether it did."""
    fought = event.event_type == "Battles" or trigger.entry.event_type == "Battles"
    if not fought or event.actor1_id != "generic:protesters" or not enabled("typing.protesters_clash_riot"):
        return False
    event.event_type, event.sub_event_type = "Riots", "Violent demonstration"
    event.plover_type, event.plover_mode = "PROTEST", "riot"
    return True


def mob_violence(event: Event) -> bool:
    """ACLED: rioters or a mob (not demonstrators) who attack people or property commit mob violence, not an
    armed group's attack ("several attacks against Sunni mosques by angry rioters"). Sets the type; whether it did."""
    if event.event_type not in VIOLENT_TYPES or event.actor1_id != "generic:rioters" or not enabled("typing.mob_violence"):
        return False
    event.event_type, event.sub_event_type = "Riots", "Mob violence"
    event.plover_type, event.plover_mode = "PROTEST", "riot"
    return True


def force_on_protesters(event: Event) -> bool:
    """ACLED: a state's forces attacking demonstrators ("the police launched an attack on protesters") is a
    protest met with force, the protesters its first actor: excessive force where people died, else an
    intervention. Sets the type and sides; whether it did."""
    if (event.event_type not in ("Violence against civilians", "Battles", "Riots") or event.actor2_id != "generic:protesters"
            or event.inter1 != 1 or not enabled("typing.force_on_protesters")):
        return False
    event.event_type = "Protests"
    event.sub_event_type, event.plover_type, event.plover_mode = "Protest with intervention", "PROTEST", "demonstrate"
    lethal_force(event)
    event.actor1, event.actor2 = event.actor2, event.actor1
    event.actor1_id, event.actor2_id = event.actor2_id, event.actor1_id
    event.inter1, event.inter2 = event.inter2, event.inter1
    event.actor1_reason, event.actor2_reason = event.actor2_reason, event.actor1_reason
    spans = event.spans
    first, second = spans.pop("actor1", None), spans.pop("actor2", None)
    if second is not None:
        spans["actor1"] = second
    if first is not None:
        spans["actor2"] = first
    return True


def lethal_force(event: Event) -> bool:
    """ACLED: an intervention in a protest that killed someone is excessive force against protesters.
    Read again on the incident, whose toll may come from a later sentence ("a second person was killed
    during the raid"). Sets the sub-type; whether it did."""
    lethal = bool(event.fatalities) or bool(event.fatalities_low)
    if event.sub_event_type != "Protest with intervention" or not lethal:
        return False
    # PLOVER's reading as data/event_types/sub_types.yaml gives it
    event.sub_event_type, event.plover_type, event.plover_mode = "Excessive force against protesters", "ASSAULT", "firearms"
    return True


# Firearms used on a crowd: "opened fire", "live ammunition", "shot" (not rubber or plastic bullets)
_FIREARMS = re.compile(r"\b(?:opened fire|open fire|opening fire|fired (?:on|at|into)|live (?:ammunition|rounds|fire|bullets)|"
                       r"(?<!rubber )(?<!plastic )bullets|gunfire|gunshots|shot (?:dead|and killed|at)|shooting at)\b", re.I)


def firearms_on_protesters(event: Event, sent: Span) -> str | None:
    """ACLED: a protest the state's forces met with firearms ("police opened fire to disperse demonstrators",
    "the army used live ammunition") is excessive force against protesters, dead or not. Sets the sub-type
    and returns the words."""
    if (event.event_type != "Protests" or event.sub_event_type != "Protest with intervention"
            or not enabled("typing.firearms_on_protesters")):
        return None
    found = _FIREARMS.search(sent.text)
    if found is None:
        return None
    event.sub_event_type, event.plover_type, event.plover_mode = "Excessive force against protesters", "ASSAULT", "firearms"
    return found.group(0)


def _at_armed_site(sent: Span) -> bool:
    """The violence is aimed at a post of armed forces ("about 40 rebels attacked a checkpoint", "an attack on
    the base"): the object of a verb or of "on"/"at" is one (data/place_words.yaml, armed_site)."""
    if not enabled("typing.armed_site"):
        return False
    sites = words("armed_site")
    return any(t.lemma_.lower() in sites and (t.dep_ == "dobj" or (t.dep_ == "pobj" and t.head.lower_ in ("on", "at")))
               for t in sent)


def refine_type(event: Event, *, triggers: list[Trigger], sent: Span) -> None:
    """Apply ACLED's distinctions the lexicon alone cannot make."""
    if event.event_type != "Violence against civilians" or event.sub_event_type != "Attack":
        return
    # The weapon decides: a killing by a bomb in the same sentence is an explosion.
    if weapon_decides(event, triggers=triggers) is not None:
        return
    if fight_decides(event, triggers=triggers) is not None:
        return
    # An attack whose target is an armed actor (or armed victims) is a battle, not violence against civilians.
    if event.inter2 is None and any(t.entry.subject_is_finder for t in triggers):
        return  # "police found nine bodies": the police are the finders, not the victims
    if not enabled("typing.armed_victims_battle"):
        return
    victims = {t.lower_ for t in sent}
    if (event.inter2 in _ARMED) or (event.inter2 is None and victims & _SECURITY_VICTIMS and event.inter1 != 7) or (
            event.actor2_id in (None, "generic:civilians") and "actor2" not in event.spans and _at_armed_site(sent)):
        event.event_type, event.sub_event_type = "Battles", "Armed clash"
        event.plover_type, event.plover_mode = "FIGHT", "small-arms"
