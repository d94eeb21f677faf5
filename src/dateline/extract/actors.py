"""Who did what to whom: actor1 and actor2 from the trigger's syntax."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..annotate.components import UNKNOWN_ACTOR, ActorMention
from ..models import TOLD_GROUP, VIOLENT_TYPES
from ..rules import enabled
from .attribution import SPEECH_LEMMAS
from .triggers import Trigger, find_triggers

_AGENT_DEPS = ("nsubj", "agent", "csubj")
_PATIENT_DEPS = ("dobj", "nsubjpass", "pobj", "attr", "dative")
_TARGET_PREPS = ("against", "on", "at", "with", "targeting")
# "Allawi's cousin and his wife were abducted": the kin of a named person are who it happened to, not
# that person or his office
_KIN = frozenset({"cousin", "cousins", "wife", "wives", "husband", "son", "sons", "daughter", "daughters", "brother",
                  "brothers", "sister", "sisters", "father", "mother", "parents", "nephew", "nephews", "niece",
                  "nieces", "uncle", "aunt", "relative", "relatives", "family", "families", "children", "child",
                  "in-law", "in-laws", "grandson", "granddaughter", "kin", "kinsman", "kinsmen"})


@dataclass(slots=True)
class ActorSlots:
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    # the speaker whose own forces actor1 is ("the government said its forces ..."): they act for it
    owner1: ActorMention | None = None
    assoc1: list[ActorMention] = field(default_factory=list)
    assoc2: list[ActorMention] = field(default_factory=list)


# verbs of firing a weapon: what it was fired from ("fired from a U.S. drone") is who fired it
_LAUNCHING = frozenset({"fire", "launch", "drop", "shoot", "lob"})


def _tokens(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _mentions_in(mentions: list[ActorMention], indexes: set[int], head: Token | None = None) -> tuple[ActorMention | None, list[ActorMention]]:
    """The mention heading a phrase, and the others inside it (associated actors)."""
    inside = [m for m in mentions if m.token_start in indexes]
    if not inside:
        return None, []
    main = None
    if head is not None:
        main = next((m for m in inside if m.token_start <= head.i < m.token_end), None)
    if main is None and head is not None and enabled("actors.member_of"):
        # "the top military commander of Hamas": the people the head noun names belong to the group its
        # "of" names; a word describing them ("military") is no side
        main = next((m for m in inside if _of_the(head.doc[m.token_end - 1], head)), None)
    if main is None:
        main = inside[-1] if head is not None and all(m.token_end <= head.i + 1 for m in inside) else inside[0]
    return main, [m for m in inside if m is not main]


def _of_the(token: Token, head: Token) -> bool:
    """``token`` is the object of an "of" that hangs from ``head``."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i == head.i


def _group_of(mention: ActorMention, mentions: list[ActorMention], doc: Doc) -> ActorMention:
    """ "the top military commander of Hamas": a word describing people ("military") stands for the group the
    noun it describes belongs to, when its "of" names one."""
    last = doc[mention.token_end - 1]
    if last.dep_ not in ("amod", "compound") or last.head.pos_ != "NOUN":
        return mention
    noun = last.head
    return next((m for m in mentions if m is not mention and _of_the(doc[m.token_end - 1], noun)), mention)


# personal pronouns that may stand for the subject of the clause theirs hangs from
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_SINGULAR_PRONOUNS = frozenset({"he", "him", "she", "her"})
_RESUMING_CLAUSES = ("advcl", "conj")


def _referent(token: Token) -> Token:
    """The noun a personal pronoun stands for when its clause hangs from another whose subject it resumes
    ("soldiers were guarding workers when they were assaulted": the soldiers); else the token itself.

    English resumes the subject of the governing clause with a pronoun in the clause that follows; a
    pronoun whose clause governs, or whose governing clause has no noun subject of its number, is left."""
    lower = token.lower_
    if not enabled("actors.pronoun_resumes_subject") or lower not in _PLURAL_PRONOUNS | _SINGULAR_PRONOUNS:
        return token
    clause = token.head
    if clause.dep_ not in _RESUMING_CLAUSES or clause.head.i == clause.i or clause.head.i > token.i:
        return token
    subject = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return token
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    if (lower in _PLURAL_PRONOUNS) != plural and subject.tag_ != "NNP":  # "the Taliban ... they": a group's name either way
        return token
    return subject


def _slot(mentions: list[ActorMention], token: Token) -> tuple[ActorMention | None, list[ActorMention]]:
    """The mention filling a role whose phrase is ``token``'s, a pronoun read as the noun it stands for."""
    token = _referent(token)
    return _mentions_in(mentions, _tokens(token), token)


def _other_happenings(verb: Token) -> set[int]:
    """Tokens of the sentence's adverbial clauses that tell another happening, with a subject of
    their own and no event word ("the bombs exploded, killing 12, as Maliki arrived in Cairo"): the
    news hook's people take no part in the event. A clause holding the trigger is not one."""
    if not enabled("actors.news_hook"):
        return set()
    out: set[int] = set()
    for token in verb.sent:
        if token.dep_ != "advcl" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            continue
        inside = _tokens(token)
        # "when gunmen opened fire on the patrol" tells the event itself
        if verb.i not in inside and not find_triggers(token.doc[token.left_edge.i : token.right_edge.i + 1]):
            out |= inside
    return out


# "in support of X", "in solidarity with X", "on behalf of X": those a protest or act is for
_FOR_WHOM = frozenset({"support", "solidarity", "behalf", "favor", "favour", "backing", "sympathy", "defence", "defense"})


def _beneficiaries(sent: Span) -> set[int]:
    """Tokens of those an act is done for ("Palestinians protested in support of Hezbollah"): no party to it."""
    out: set[int] = set()
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma in _FOR_WHOM and token.dep_ == "pobj" and token.head.lower_ in ("in", "on") and enabled("actors.beneficiaries"):
            out |= {t.i for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("of", "with") for t in prep.subtree}
    return out


# "a rebel group, believed to be the FARC", "gunmen identified as members of X": who the unnamed are
_IDENTIFYING = frozenset({"believe", "think", "suspect", "identify", "presume", "say", "report", "understand"})


def _identified(mention: ActorMention | None, sent: Span, mentions: list[ActorMention]) -> ActorMention | None:
    """The named actor a participle right after an unnamed one says it is ("assaulted by a rebel group,
    believed to be the Revolutionary Armed Forces of Colombia"), else None."""
    if mention is None or not mention.actor_id.startswith("generic:") or not enabled("actors.identified_as"):
        return None
    doc = sent.doc
    for token in doc[mention.token_end : min(mention.token_end + 4, sent.end)]:
        if token.tag_ not in ("VBN", "VBD") or token.lemma_.lower() not in _IDENTIFYING:
            continue
        # the participle's phrase, to the comma that closes it (the parser may make it the main verb)
        end = next((t.i for t in doc[token.i : sent.end] if t.is_punct), sent.end)
        named = [m for m in mentions if token.i < m.token_start < end and not m.actor_id.startswith("generic:")
                 and m.actor_id != TOLD_GROUP]
        return named[0] if named else None
    return None


def _kin_of(mention: ActorMention, doc) -> bool:
    """The mention names whose kin they are ("Allawi's aged cousin"), not who it happened to."""
    if not enabled("actors.kin_are_civilians"):
        return False
    last = doc[mention.token_end - 1]
    possessor = last.dep_ == "poss" or (mention.token_end < len(doc) and doc[mention.token_end].tag_ == "POS")
    return possessor and last.head.lower_ in _KIN


def _between(trigger: Token) -> tuple[Token, Token] | None:
    """The two sides of "fighting (in the streets) between X and Y"."""
    for prep in trigger.subtree:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                conj = [c for c in objs[0].children if c.dep_ == "conj"]
                if conj:
                    return objs[0], conj[0]
    return None


def _against(obj: Token, mentions: list[ActorMention]) -> tuple[ActorMention | None, list[ActorMention]]:
    for prep in obj.subtree:
        if prep.dep_ == "prep" and prep.lower_ in ("against", "targeting", "on"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _mentions_in(mentions, _tokens(pobj), pobj)
    return None, []


def _killers(sent: Span, mentions: list[ActorMention]) -> ActorSlots:
    """Bodies found: actor1 only if the sentence says who killed them ("... killed by rebels")."""
    slots = ActorSlots()
    for token in sent:
        agent = next((c for c in token.children if c.dep_ == "agent"), None) if token.tag_ == "VBN" else None
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None and token.lemma_.lower() in ("kill", "murder", "execute", "shoot", "behead", "torture", "slay"):
            slots.actor1, slots.assoc1 = _mentions_in(mentions, _tokens(pobj), pobj)
            break
    return slots


_LINKED_CLAUSES = ("advcl", "xcomp", "ccomp")
_VICTIM_LISTS = ("including", "among")
_NOUN_TO_VERB = ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "compound", "attr")


def _patients(verb: Token) -> set[int]:
    """Tokens of the event's patients: the passive subjects ("six people were killed") and objects of its
    verb, of the clause it hangs on ("... were killed when a bomb exploded") and of the clauses hanging on
    it ("a bomb exploded, killing five"); not of a coordinated clause about something else. A victim is
    never the attacker, whatever the word order."""
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ in _NOUN_TO_VERB:
        verb = verb.head  # "killed in a bomb blast": the blast's clause is the killing's
    # a nominal trigger's own clause tells its victims ("an air strike that killed 12 civilians")
    linked = _LINKED_CLAUSES if verb.pos_ in ("VERB", "AUX") else (*_LINKED_CLAUSES, "acl", "relcl")
    verbs = [verb, *(c for c in verb.children if c.dep_ in linked)]
    if verb.dep_ in _LINKED_CLAUSES:
        verbs.append(verb.head)
        # "three were killed and five wounded when shells hit": the clause hangs on the last of conjoined verbs
        above = verb.head
        while above.dep_ == "conj" and above.head.i != above.i:
            above = above.head
            verbs.append(above)
    heads = [c for v in verbs for c in v.children if c.dep_ in ("nsubjpass", "dobj")]
    heads += [r for r in map(_referent, heads) if r not in heads]  # "when they were assaulted": the soldiers
    # "eleven were killed, including two police": the list of victims hangs on the verb or its patient
    heads += [c for v in (*verbs, *heads) for c in v.children if c.dep_ == "prep" and c.lower_ in _VICTIM_LISTS]
    return {t.i for c in heads for t in c.subtree}


_CLAIMING_PRONOUNS = frozenset({"it", "they", "we"})
# verbs that own a gerund act as the subject's ("confirmed killing", "admitted shooting", "claimed carrying out")
_OWNING_LEMMAS = frozenset({"confirm", "admit", "claim", "acknowledge", "report"})
_RELATIVE = frozenset({"who", "that", "which"})
_OWNING_PRONOUNS = frozenset({"its", "their", "our"})


def _state_agent(verb: Token) -> ActorMention | None:
    """A state named as the subject of violence acts through its forces ("Russia launched missiles at Kyiv",
    "Israel struck targets in Gaza"): the state's military, as its forces' name reads in the registry."""
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "launched a barrage of missiles": the verb the trigger noun hangs from
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ != "GPE":
        return None
    ent = next((e for e in verb.doc.ents if e.start <= subject.i < e.end), None)
    if ent is None:
        return None
    return ActorMention(ent.start_char, ent.end_char, f"{ent.text} forces", "generic:military", ent.start, ent.end)


def _claimant(head: Token, mentions: list[ActorMention]) -> ActorMention | None:
    """The speaker who claims the act as its own ("the army said it killed 15 militants", "the Taliban said
    they had attacked the base"): the event's subject is a pronoun and its clause is what that speaker said."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    act = head
    while act.pos_ not in ("VERB", "AUX") and act.head.i != act.i:
        act = act.head  # "confirmed killing two militants in an airstrike": the strike's clause verb
    if (act.tag_ == "VBG" and act.dep_ == "xcomp" and act.head.lemma_.lower() in _OWNING_LEMMAS
            and enabled("actors.owned_gerund") and not any(c.dep_.startswith("nsubj") for c in act.children)):
        # "the U.S. military has confirmed killing two militants": who owns the act did it
        owner = next((c for c in act.head.children if c.dep_ == "nsubj"), None)
        return _mentions_in(mentions, _tokens(owner), owner)[0] if owner is not None else None
    pronoun = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _CLAIMING_PRONOUNS), None)
    if pronoun is None:
        return None
    speaker = _speaker(verb, mentions)
    if speaker is not None and pronoun.lower_ == "they" and enabled("actors.claimant_agrees"):
        # "the government says they took hostages": a body named in the singular is "it"; "they" are others
        # told before (a group's proper name may be either: "the Taliban said they")
        noun = verb.doc[speaker.token_end - 1]
        if noun.tag_ == "NN":
            return None
    return speaker


def _owner(head: Token, actor1: ActorMention | None, mentions: list[ActorMention]) -> ActorMention | None:
    """The speaker whose own forces the attacker is ("the government said its forces have retaken Bor",
    "the Taliban said their fighters attacked"): an unnamed force owned by "its"/"their" in a clause that
    speaker said."""
    if actor1 is not None and not actor1.actor_id.startswith("generic:"):
        return None
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(c.dep_ == "poss" and c.lower_ in _OWNING_PRONOUNS for c in subject.children):
        return None
    if actor1 is not None and not actor1.token_start <= subject.i < actor1.token_end:
        return None  # the attacker named is not the one owned
    return _speaker(verb, mentions)


# passives of report whose subject does what their infinitive says ("are believed to be holding hostages")
_REPORTED_PASSIVE = frozenset({"believe", "say", "think", "report", "suspect", "understand", "know"})


def _conjunct_subject(verb: Token, mentions: list[ActorMention],
                      slots: ActorSlots) -> tuple[ActorMention | None, list[ActorMention]]:
    """ "the attackers who have been holed up inside the mall and are holding hostages": an active verb
    conjoined to another, with no subject of its own, shares that verb's subject (the noun a relative
    pronoun stands for). Its passive subject too: who was holed up is who holds the hostages; so does
    the infinitive of a conjoined passive of report ("and are believed to be holding hostages")."""
    # "... and are believed to be holding hostages": who are believed to hold them hold them
    reported = (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REPORTED_PASSIVE
                and any(c.dep_ == "auxpass" for c in verb.head.children))
    if reported:
        verb = verb.head
    first = verb.head
    if (verb.dep_ != "conj" or first.i == verb.i or first.pos_ not in ("VERB", "AUX")
            or (not reported and any(c.dep_ == "auxpass" for c in verb.children))):
        return None, []
    if not reported and any(c.dep_ == "auxpass" for c in first.children) and (
            verb.tag_ == "VBN" or not any(c.dep_ == "aux" for c in verb.children)):
        return None, []  # "five were killed and ten wounded": the passive goes on, its subject the harmed
    subject = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None, []
    if subject.lower_ in _RELATIVE and first.dep_ == "relcl":
        noun = first.head
        found, assoc = _mentions_in(mentions, _tokens(noun) - _tokens(first), noun)
    else:
        found, assoc = _mentions_in(mentions, _tokens(subject), subject)
    return (found, assoc) if found is not None and found is not slots.actor2 else (None, [])


def _speaker(verb: Token, mentions: list[ActorMention]) -> ActorMention | None:
    """The actor who says the clause of ``verb`` ("X said [the clause]")."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    said = clause.head
    if clause.dep_ != "ccomp" or said.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    speaker = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return None
    found, _ = _mentions_in(mentions, _tokens(speaker), speaker)
    return found


# verbs whose passive subject or participle-qualified noun is a victim wherever it stands in the sentence
_HARM_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "murder", "execute", "behead", "abduct", "kidnap", "shoot",
                          "massacre", "slay", "torture", "rape"})


# verbs whose active subject died
_DIE_LEMMAS = frozenset({"die", "perish"})


def _harmed_anywhere(sent: Span) -> set[int]:
    """Tokens of people the sentence says were harmed, whatever clause tells it ("bringing to 31 the number of
    people killed", "three civilians were wounded"): victims, never an event's attacker."""
    out: set[int] = set()
    for token in sent:
        if token.lower_ == "them" and token.i > sent.start + 1 and sent.doc[token.i - 1].lower_ == "of" \
                and enabled("actors.share_of_the_victims"):
            # "killed at least 31 people, many of them Shi'ite pilgrims": the share named after the victims
            # is of the victims, however the parser hung it (often as the sentence's root)
            for t in sent.doc[token.i + 1 : sent.end]:
                if t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or (t.is_punct and t.text not in ("'", "-")):
                    break  # the share's own words only, not a clause after them
                out.add(t.i)
            continue
        if token.lemma_.lower() in _DIE_LEMMAS and token.pos_ == "VERB" and enabled("actors.the_dead_are_no_agents"):
            # "26 people have died in an airstrike": who died is the victim of the act that killed them
            out |= {t.i for c in token.children if c.dep_ == "nsubj" for t in c.subtree}
            continue
        if token.lemma_.lower() not in _HARM_LEMMAS or token.tag_ != "VBN":
            continue
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            out |= {t.i for t in token.head.subtree if t.i < token.i}  # "people killed", "those wounded"
        out |= {t.i for c in token.children if c.dep_ == "nsubjpass" for t in c.subtree}
        aux = next((c for c in token.children if c.dep_ == "auxpass"), None)
        if aux is not None and not any(c.dep_ == "nsubjpass" for c in token.children) and aux.i > sent.start \
                and enabled("actors.passive_subject_by_order"):
            # "between 24 and 28 Colombian soldiers were killed", parsed with the soldiers in a phrase
            # above: the noun right before "were" is the passive's subject
            before = sent.doc[aux.i - 1]
            if before.pos_ in ("NOUN", "PROPN"):
                out |= {t.i for t in before.subtree if t.i <= before.i}
        # "nine were killed and 19 wounded, mostly civilians": the gapped passive's subject and the victims'
        # apposition (its own words, not the place and cause hung from it)
        gapped = token.dep_ == "conj" and any(c.dep_ == "auxpass" for c in token.head.children)
        out |= {t.i for c in token.children if c.dep_ == "appos" or (gapped and c.dep_ == "nsubj")
                for t in c.subtree if t.i <= c.i}
    return out


def assign_actors(trigger: Trigger, sent: Span, mentions: list[ActorMention], *,
                  reporter: frozenset[int] = frozenset()) -> ActorSlots:
    """Pick actor1 (agent) and actor2 (patient) among the sentence's actor mentions.

    Mentions inside ``reporter`` (the tokens of "police said", "according to officials") tell of the
    event and take no part in it."""
    slots = ActorSlots()
    all_mentions = mentions
    claimant = _claimant(trigger.head, mentions) if enabled("actors.claimant") else None
    mentions = [m for m in mentions if m.token_start not in reporter]
    if not mentions and claimant is None:
        if trigger.entry.event_type in VIOLENT_TYPES and enabled("actors.state_as_agent"):
            slots.actor1 = _state_agent(trigger.head)
        if enabled("actors.own_forces"):
            slots.owner1 = _owner(trigger.head, slots.actor1, all_mentions)
        return slots
    if trigger.entry.subject_is_finder:
        return _killers(sent, mentions)
    head = trigger.head
    # "the offensive of X", "X's attack": walk up from a nominal trigger to its verb.
    # a gerund in a noun's place ("Shelling killed five civilians") is a noun: its verb tells the roles
    nominal = head.pos_ not in ("VERB", "AUX") or (head.tag_ == "VBG" and head.dep_ in ("nsubj", "csubj") and enabled("actors.gerund_subject"))
    verb = head if not nominal else head.head if head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "csubj") else head
    sides = _between(head) or (_between(verb) if verb.i != head.i else None)
    if sides:
        left, right = sides
        right_idx = _tokens(right)
        left_idx = _tokens(left) - right_idx - {t.i for t in right.head.children if t.dep_ == "cc"}
        slots.actor1, slots.assoc1 = _mentions_in(mentions, left_idx, left)
        slots.actor2, slots.assoc2 = _mentions_in(mentions, right_idx, right)
    else:
        for child in verb.children:
            if child.dep_ in _AGENT_DEPS and slots.actor1 is None:
                target = child if child.dep_ != "agent" else next((c for c in child.children if c.dep_ == "pobj"), child)
                if target.lower_ in _RELATIVE and verb.dep_ == "relcl" and enabled("actors.relative_pronoun_agent"):
                    # "gunmen who killed 39 people": the noun the clause tells of, without the clause itself
                    # ("a car, which exploded as police approached it": not the police)
                    noun = verb.head
                    slots.actor1, slots.assoc1 = _mentions_in(mentions, _tokens(noun) - _tokens(verb), noun)
                    continue
                if trigger.entry.subject_is_target:
                    slots.actor2, slots.assoc2 = _slot(mentions, target)
                    continue
                partner = next((c for c in target.children if c.dep_ == "conj"), None)
                if partner is not None and (trigger.entry.event_type == "Battles" or (
                        trigger.entry.sub_event_type == "Agreement" and enabled("actors.parties_agree"))):
                    # "the Sadrists and their rival the SIIC fought": the two sides of one clash
                    side = _tokens(target) - _tokens(partner)
                    slots.actor1, slots.assoc1 = _mentions_in(mentions, side, target)
                    slots.actor2, slots.assoc2 = _mentions_in(mentions, _tokens(partner), partner)
                else:
                    slots.actor1, slots.assoc1 = _slot(mentions, target)
            elif child.dep_ in ("dobj", "nsubjpass") and slots.actor2 is None:
                if trigger.entry.needs_object:
                    # "launched an operation against X": the object is what was launched, not the target
                    slots.actor2, slots.assoc2 = _against(child, mentions)
                else:
                    slots.actor2, slots.assoc2 = _slot(mentions, child)
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS and slots.actor2 is None:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    slots.actor2, slots.assoc2 = _mentions_in(mentions, _tokens(obj), obj)
        if (slots.actor1 is None and not trigger.entry.subject_is_target and enabled("actors.conjunct_subject")
                and not any(c.dep_ in (*_AGENT_DEPS, "nsubjpass") for c in verb.children)):
            slots.actor1, slots.assoc1 = _conjunct_subject(verb, mentions, slots)
        if slots.actor1 is None and verb.lemma_.lower() in _LAUNCHING and enabled("actors.launched_from"):
            # "missiles fired from a U.S. drone", "bombs dropped from Syrian helicopters": who flies the craft
            # it was fired from fired it
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    slots.actor1, slots.assoc1 = _mentions_in(mentions, _tokens(obj), obj)
                    break
        if (head.i != verb.i or head.pos_ in ("NOUN", "PROPN")) and slots.actor1 is None:
            for child in head.children:
                if child.dep_ in ("poss", "compound", "amod"):
                    slots.actor1, slots.assoc1 = _mentions_in(mentions, _tokens(child), child)
                    if slots.actor1:
                        break
    used = {id(m) for m in (slots.actor1, slots.actor2, *slots.assoc1, *slots.assoc2) if m is not None}
    # "military" in "a military operation" describes the operation; it is nobody's side.
    modifiers = {t.i for t in head.subtree if t.dep_ in ("amod", "compound") and t.head.i == head.i} if head.pos_ == "NOUN" else set()
    for child in verb.children:
        if trigger.entry.needs_object and child.dep_ == "dobj":
            modifiers |= {t.i for t in child.children if t.dep_ in ("amod", "compound")}
    # Falling back on word order is only safe for actors we know; an unknown name must be the subject or object.
    hook = _other_happenings(verb)
    hook |= _beneficiaries(head.sent)
    rest = [m for m in mentions if id(m) not in used and m.token_start not in modifiers and m.actor_id != UNKNOWN_ACTOR
            and m.token_start not in hook]
    patients = _patients(verb)
    harmed = _harmed_anywhere(head.sent)
    agents = [m for m in rest if m.token_start not in patients and m.token_start not in harmed]
    if enabled("actors.own_forces"):
        # "the government said its forces retook Bor and are clearing out rebels": the owner, told by the
        # subject, before any actor word order offers
        slots.owner1 = _owner(head, slots.actor1, all_mentions)
    if (slots.actor1 is None and slots.owner1 is None and trigger.entry.event_type in VIOLENT_TYPES
            and enabled("actors.state_as_agent") and enabled("actors.state_before_word_order")):
        # "Israel has responded by air strikes ... in the search for their missing soldier": the state the
        # sentence makes the subject acts, before any actor word order offers
        slots.actor1 = _state_agent(head)
    if slots.actor1 is None and slots.owner1 is None and agents:
        before = [m for m in agents if m.token_start < head.i]
        slots.actor1 = (before or agents)[0]
        rest.remove(slots.actor1)
    if slots.actor1 is None and claimant is not None and claimant is not slots.actor2:
        slots.actor1 = claimant  # "the army said it killed 15 militants": who claims the act did it
    if slots.actor1 is None and trigger.entry.event_type in VIOLENT_TYPES and enabled("actors.state_as_agent"):
        slots.actor1 = _state_agent(head)
    slots.actor1 = _identified(slots.actor1, head.sent, all_mentions) or slots.actor1
    if slots.actor2 is not None and _kin_of(slots.actor2, head.doc):
        slots.actor2 = None  # the victims are the kin: civilians by ACLED's convention, said by role defaults
    if slots.actor2 is None and rest and trigger.entry.event_type != "Protests":
        # the victims wherever they stand ("six people were killed when a bomb exploded"), else the next actor
        after = ([m for m in rest if m.token_start in patients] or [m for m in rest if m.token_start in harmed]
                 or [m for m in rest if m.token_start > head.i])
        if after:
            slots.actor2 = _group_of(after[0], mentions, head.doc) if enabled("actors.member_of") else after[0]
    return slots
