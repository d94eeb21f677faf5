"""Claims of responsibility: "al-Shabab has claimed responsibility", "a group called X is claiming
responsibility for the attack". ACLED codes a claimed attack to the group that claimed it; the claim is
read from the clause (the claim verb, its object "responsibility", its subject) and names the attacker
of the violence it follows, when that violence has no attacker or only an unnamed one ("gunmen")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..annotate.components import ActorMention
from ..models import VIOLENT_TYPES, Event
from ..resolve.actors import NON_STATE_ARMED, ActorMatch
from ..rules import enabled
from .triggers import default_lexicon

__all__ = ["ATTRIBUTING_VERBS", "CLAIM_VERBS", "Claim", "attributions", "claimed", "claims", "claims_an_act_apart",
           "mark_told_before", "name_claimant", "open_to_claim"]

# verb + object that together claim an act: "claimed responsibility", "took credit", "admitted
# responsibility". A row set: remove one and its claims are no longer read.
CLAIM_VERBS = frozenset({"claim", "take", "accept", "admit", "assume", "bear"})
_CLAIM_OBJECTS = frozenset({"responsibility", "credit"})
# "attributed the attack to X", "blamed the bombing on X", "the attack was blamed on X": the act (a noun
# the trigger lexicon reads as violence) and the preposition that names who did it
ATTRIBUTING_VERBS = {"attribute": "to", "blame": "on"}
# "X is suspected (believed, thought) to be behind the attack": the subject of the passive did it
_SUSPECTING_VERBS = frozenset({"suspect", "believe", "think"})
# "accused the LNA of the shelling", "blamed a Saudi-led coalition for conducting the airstrike": the
# object did the act named after the preposition
ACCUSING_VERBS = {"accuse": "of", "blame": "for"}
# "identified the bomber as a member of al-Shabab": the people an act's doer is identified as did it
_IDENTIFYING_VERBS = frozenset({"identify"})
_DOERS = frozenset({"bomber", "attacker", "gunman", "assailant", "kidnapper", "shooter", "killer", "perpetrator",
                    "abductor", "hijacker", "sniper"})
# "placed the blame on Kurdish rebels", "pinned the blame on X": the blame is the act's stand-in
_BLAME_VERBS = frozenset({"place", "put", "lay", "pin"})
# "No group has claimed responsibility", "none claimed": no one claimed
_NO_ONE = frozenset({"no", "none", "nobody", "neither"})
_WH = frozenset({"which", "who", "that"})
# the parts of the claimant's phrase that are not its name: "the al-Qaida-linked group X" (X, not
# al-Qaida), "a group from Syria", "X, which claimed ..."
_NOT_THE_NAME = frozenset({"amod", "relcl", "prep", "advcl", "npadvmod"})


@dataclass(frozen=True, slots=True)
class Claim:
    """A claimant named in a sentence, with the claim's words (character offsets in the doc's text)."""

    claimant: ActorMention
    text: str
    start: int
    end: int
    # "responsibility for Saturday's attack": the act claimed, one told before (characters)
    object_start: int
    object_end: int
    # "claimed" (the actor's own word) or "attributed" (another's: "officials blamed the attack on X")
    kind: str = "claimed"


def _claimant_head(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lower_ in _WH and verb.dep_ == "relcl":
        subject = verb.head  # "al-Shabab, which claimed responsibility": the noun the clause hangs from
    if subject.lower_ in _NO_ONE or any(c.dep_ == "det" and c.lower_ in _NO_ONE for c in subject.children):
        return None
    return subject


def _name_tokens(head: Token, verb: Token) -> set[int]:
    # "X, which claimed responsibility, said": the clause hanging from the name is not part of it
    skipped = {t.i for t in verb.subtree} if head in verb.ancestors else set()
    for child in head.children:
        if child.dep_ in _NOT_THE_NAME:
            skipped.update(t.i for t in child.subtree)
    return {t.i for t in head.subtree} - skipped


def claims(sent: Span, actors: list[ActorMention]) -> list[Claim]:
    """The claims of responsibility the sentence makes, each with the actor mention that claims."""
    found = []
    for verb in sent:
        if verb.lemma_ not in CLAIM_VERBS or verb.pos_ not in ("VERB", "AUX"):
            continue
        claim_object = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _CLAIM_OBJECTS), None)
        if claim_object is None:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        head = _claimant_head(verb)
        if head is None:
            continue
        name = _name_tokens(head, verb)
        inside = [a for a in actors if all(i in name for i in range(a.token_start, a.token_end))]
        if not inside:
            continue
        claimant = next((a for a in inside if a.token_start <= head.i < a.token_end), inside[-1])
        words = sent.doc[min(claimant.token_start, verb.i) : max(t.i for t in claim_object.subtree) + 1]
        act = sent.doc[claim_object.i : max(t.i for t in claim_object.subtree) + 1]
        found.append(Claim(claimant, words.text, words.start_char, words.end_char, act.start_char, act.end_char))
    return found


def open_to_claim(event: Event) -> bool:
    """Violence that happened whose attacker is untold or unnamed ("gunmen")."""
    if event.event_type not in VIOLENT_TYPES or not event.counted:
        return False
    return event.actor1 is None or _unnamed_armed(event.actor1_id, event.inter1)


def _unnamed_armed(actor_id: str | None, inter: int | None) -> bool:
    # attackers a claim may name: unnamed rebels and militias; never a state's forces, civilians,
    # protesters or rioters the sentence named as attacking
    return (actor_id or "").startswith("generic:") and inter in NON_STATE_ARMED


def claimed(own: list[Event], before: list[Event], *, apart: bool = False) -> tuple[list[Event], list[Event]]:
    """The mentions a claim made in a sentence names the attacker of: (the sentence's own violence,
    whatever attacker its words gave; the violence told last before it and the mentions of the same day
    that have no named attacker). A claim of an act told ``apart`` from the violence before
    (:func:`claims_an_act_apart`) is a claim of that act only."""
    violent = [e for e in own if e.event_type in VIOLENT_TYPES and e.counted]
    last = next((e for e in reversed(before) if e.event_type in VIOLENT_TYPES and e.counted), None)
    if last is None:
        return violent, []
    if apart:
        return violent, []
    return violent, [e for e in before if e.event_type in VIOLENT_TYPES and e.counted and e.country == last.country
                     and (e.date_start == last.date_start or _undated(e) or _undated(last)) and open_to_claim(e)]


def claims_an_act_apart(own: list[Event], before: list[Event], claim: Claim, offset: int) -> bool:
    """The act the claim names is the sentence's own violence, placed or dated apart from the violence
    told last before it ("claimed responsibility for an attack ... that took place Monday outside
    Mogadishu"): another act, not one told before."""
    if not enabled("actors.claim_of_an_act_apart"):
        return False
    last = next((e for e in reversed(before) if e.event_type in VIOLENT_TYPES and e.counted), None)
    return last is not None and any(e.event_type in VIOLENT_TYPES and e.counted and _in_object(e, claim, offset)
                                    and _told_apart(e, last) for e in own)


def _in_object(event: Event, claim: Claim, offset: int) -> bool:
    start, end = event.spans["trigger"]
    return claim.object_start + offset <= start and end <= claim.object_end + offset


# "the attack", "Saturday's attack", "this bombing": an act named as one already told
_DEFINITE = re.compile(r"(?:\b(?:the|this|that|these|those|its|their)|['’]s)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _told_apart(event: Event, last: Event) -> bool:
    """The sentence names the act as a new one ("an attack", "attack against ...") and gives it its own day
    or place, not the one of the violence told before."""
    trigger = event.spans["trigger"][0] - event.evidence_start
    if _DEFINITE.search(event.evidence_text[max(0, trigger - 40): trigger]):
        return False
    own_day = (event.date_reason or "").startswith("sentence") and event.date_start != last.date_start
    own_place = "in sentence" in (event.place_reason or "") and event.location != last.location
    return own_day or own_place


def _undated(event: Event) -> bool:
    # dated only by the publication: its sentence and paragraph gave no day of their own
    return "publication date" in (event.date_reason or "")


def _is_blame(token: Token) -> bool:
    return token.lemma_.lower() == "blame"


def _is_violence(token: Token) -> bool:
    """A noun the trigger lexicon reads as violence ("the bombing", "the attack")."""
    lexicon = default_lexicon()
    entries = lexicon.entries(token)
    return token.pos_ in ("NOUN", "PROPN") and any(e.event_type in VIOLENT_TYPES for e in entries)


def _accused_act(prep: Token) -> Token | None:
    """The violence after "of" or "for": its noun ("of the shelling"), or the object of a gerund ("for
    conducting the airstrike", "of carrying out the attack")."""
    for child in prep.children:
        if child.dep_ == "pobj" and _is_violence(child):
            return child
        if child.dep_ == "pcomp":
            act = next((g for g in child.children if g.dep_ == "dobj" and _is_violence(g)), None)
            if act is not None:
                return act
    return None


def attributions(sent: Span, actors: list[ActorMention]) -> list[Claim]:
    """What the sentence says another did ("the agency attributed the attack to the Taleban", "officials
    blamed the bombing on the PKK", "the attack was blamed on X"): the named actor, as a claim of kind
    "attributed"."""
    found = []
    for verb in sent:
        lemma = verb.lemma_.lower()
        accused = next((c for c in verb.children if c.dep_ == "dobj"), None) if lemma in ACCUSING_VERBS else None
        if lemma in ACCUSING_VERBS and verb.pos_ == "VERB" and not any(c.dep_ == "neg" for c in verb.children) \
                and enabled("claims.accused_of") and not (accused is not None and _is_violence(accused)):
            # "the government accused the LNA of the shelling": the accused is the doer, the act after "of"
            # ("blamed the bombing on the PKK", whose object is the act, is read below)
            doer = accused
            # the parser may hang "of the shelling" anywhere after the accused ("..., affiliated with X, of the shelling")
            prep = next((t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == ACCUSING_VERBS[lemma]
                         and t.i > doer.i), None) if doer is not None else None
            act = _accused_act(prep) if prep is not None else None
        elif lemma in _SUSPECTING_VERBS and verb.pos_ == "VERB" and enabled("claims.suspected_behind") \
                and not any(c.dep_ == "neg" for c in verb.children):
            # "Boko Haram is suspected to be behind a bus station bomb blast": the subject of the passive did it
            doer = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            be = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
            prep = next((c for c in be.children if c.dep_ == "prep" and c.lower_ == "behind"), None) if be is not None else None
            act = next((c for c in prep.children if c.dep_ == "pobj" and _is_violence(c)), None) if prep is not None else None
        elif lemma in _IDENTIFYING_VERBS and verb.pos_ == "VERB" and enabled("claims.identified_as") \
                and not any(c.dep_ == "neg" for c in verb.children):
            # "identified the bomber as a member of al-Shabab": the doer stands for the act, the "as" names who
            act = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _DOERS), None)
            # the parser may hang "as ..." from a clause after the doer ("..., as a member of X, the group believed ...")
            prep = next((t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "as" and act is not None
                         and t.i > act.i), None)
            doer = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        else:
            prep_word = ATTRIBUTING_VERBS.get(lemma) or ("on" if lemma in _BLAME_VERBS else None)
            if prep_word is None or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
                continue
            is_act = _is_blame if lemma in _BLAME_VERBS else _is_violence
            act = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and is_act(c)), None)
            # the parser hangs "to the Taleban" from the verb or from the act
            prep = next((c for c in (*verb.children, *(act.children if act is not None else ()))
                         if c.dep_ in ("prep", "dative") and c.lower_ == prep_word), None)
            doer = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if act is None or doer is None:
            continue
        name = {t.i for t in doer.subtree}
        inside = [a for a in actors if all(i in name for i in range(a.token_start, a.token_end))]
        if not inside:
            continue
        doer_mention = next((a for a in inside if a.token_start <= doer.i < a.token_end), inside[-1])
        # who says so, when the sentence names them ("the governor blamed ..."): the claim's provenance
        teller = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        first = min(act.left_edge.i, verb.i, teller.left_edge.i if teller is not None else verb.i)
        words = sent.doc[first : max(doer.right_edge.i, act.right_edge.i) + 1]
        told = sent.doc[act.left_edge.i : act.right_edge.i + 1]
        found.append(Claim(doer_mention, words.text, words.start_char, words.end_char, told.start_char, told.end_char,
                           kind="attributed"))
    return found


def mark_told_before(own: list[Event], claim: Claim, offset: int) -> None:
    """ "claimed responsibility for Saturday's attack": a mention whose trigger is the act claimed tells the
    attack told before (``spans["told_before"]``, read by the incidents stage)."""
    for event in own:
        if _in_object(event, claim, offset):
            event.spans["told_before"] = [claim.object_start + offset, claim.object_end + offset]


def name_claimant(event: Event, match: ActorMatch, claim: Claim, *, own: bool, offset: int) -> None:
    """Make the claimant (``match``) the event's attacker, with the claim's words as the reason and span.

    An attribution ("officials blamed ...") names only a group the registry knows, never a state's
    forces. In the claim's own sentence the forces its words made the attacker were the side hit ("X
    claims the attack ... six soldiers were killed when gunmen entered")."""
    if claim.kind == "attributed" and (match.actor_id is None or match.actor_id.startswith("generic:") or match.inter == 1):
        return
    span = [claim.claimant.start + offset, claim.claimant.end + offset]
    if match.actor_id is not None and match.actor_id == event.actor2_id and open_to_claim(event) and event.spans.get("actor2") == span:
        event.actor2 = event.actor2_id = event.inter2 = None  # the doer the sentence names is no target
        event.spans.pop("actor2", None)
    if match.actor_id is not None and match.actor_id in (event.actor1_id, event.actor2_id):
        return
    if own and event.inter1 == 1 and (event.actor2 is None or _unnamed_armed(event.actor2_id, event.inter2)):
        event.actor2, event.actor2_id, event.inter2 = event.actor1, event.actor1_id, event.inter1
        if "actor1" in event.spans:
            event.spans["actor2"] = event.spans["actor1"]
    event.actor1, event.actor1_id, event.inter1 = match.name, match.actor_id, match.inter
    event.spans["actor1"] = span
    event.actor1_reason = f"{'claimed responsibility' if claim.kind == 'claimed' else 'attributed'}: '{claim.text}'"

