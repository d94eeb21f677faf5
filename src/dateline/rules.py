"""Rules that can be switched off by name, so that each one's worth can be measured.

Extraction and consolidation make choices that the data does not force: a trigger word before a
noun describes a thing, a bare verb is an order, a sentence restated by the next is one incident.
Each such rule family has a name here and asks :func:`enabled` before it acts. ``bench/ablate.py``
switches them off one at a time and prints what each earns on every suite; a rule that earns
nothing on held-out data is a candidate for removal.

    DATELINE_RULES_OFF   comma-separated rule names to switch off (e.g. "extract.clauses,flags.bare_verb")

The aggregate cue families of ``data/aggregate_cues.yaml`` are rules too, named
``aggregates.<family>``; the ACLED role conventions of ``data/role_defaults.yaml`` are one rule,
``extract.role_defaults``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

__all__ = ["RULES", "RULES_OFF_ENV", "enabled", "switched_off"]

RULES_OFF_ENV = "DATELINE_RULES_OFF"

RULES: dict[str, str] = {
    "triggers.bare_pronoun": "a trigger word that is also a pronoun is the pronoun when bare ('a friend of mine'), the weapon with a determiner ('hit a mine')",
    "triggers.cause_objects": "what a trigger is 'for' or 'against' counts as its object for bars_object ('fighting for democracy' is no battle)",
    "triggers.modifiers": "a trigger word that qualifies a noun names a thing, not an event ('beheading videos')",
    "triggers.needs_agent": "'demonstrate' and 'rally' are protests only when people do them ('as the study demonstrates')",
    "triggers.figurative": "a trigger noun qualified as words or misfortune is no violence ('verbal attacks', 'a heart attack')",
    "triggers.shared_object": "'defusing and clearing bombs': a verb with no object of its own shares its conjunct's",
    "triggers.object_acted_on": "'defused a bomb', 'seized weapons': a weapon a trigger needs as its object is what it acted on, "
                                "no explosion of its own",
    "triggers.dismissed_bar_the_model": "a sentence whose trigger word was read as no violence ('police used smoke grenades') "
                                        "gets no event from the type classifier",
    "triggers.natural_causes": "a disaster or accident that kills ('killed after a tornado tore through') is no political violence",
    "triggers.charges": "the crime a court tries ('found guilty of killing a schoolboy') is no event of the report",
    "triggers.doers_of_other": "'an offer by protesters': people named as the doers of something else announce no protest",
    "triggers.objections": "'drew protests from the Tamil National Alliance': a named body's protest is an objection, not a gathering",
    "triggers.marks": "a trigger noun naming what a body shows ('bearing signs of torture') is no event of its own",
    "starts.definite_refers_back": "a definite noun trigger without a date of its own refers to an event told before",
    "starts.what_people_fled": "'600,000 people have fled fighting in the capital': what people fled is the cause of their flight, no event told",
    "starts.window_is_no_date": "'one of the deadliest in the past six months': a stretch counted back from now gives a definite noun no date of its own",
    "dating.counted_back_first": "a day counted back from the sentence's other date ('condemned on Tuesday the killing the day before') "
                                 "dates the act; the other is when it was told",
    "dating.subject_clause_other": "a date in a relative clause about a subject that is no act ('rebels, who took the capital three "
                                   "years ago, blamed ...') does not date the event",
    "dating.months_apart": "'two years after the ethnic clashes': the event told is dated that many months or years from the clause's date",
    "dating.days_after_phrase": "'one day after ousting a rebel group in clashes': an event told inside a phrase set a span apart happened that span apart",
    "dating.apart_from_fallback": "an event told a span apart from a sentence dated by its paragraph or report is that span from that day",
    "dating.later_by": "'Two years later, ...' opening a sentence moves the narrative's day on by the span it states",
    "dating.narrative_turn": "'After a cease fire was negotiated and rocket fire had almost stopped, drones killed ...': the "
                             "narrative's day no longer dates the sentence and those after it in the paragraph",
    "dating.finite_verb_hung_low": "a verb with an object hung from a noun by the parser ('missiles fired from a drone killed five on Monday') dates the event",
    "flags.generic": "a simple-present statement about a bare plural is general, not one event",
    "flags.headline_is_news": "a headline's present tense ('Gunmen assassinate ex-security chief') tells what happened, never a generality",
    "flags.own_clause_conjunct": "a coordinated verb with its own subject, or an event noun that is a verb's subject, is not under that verb's mood",
    "flags.describes_who": "'troops currently fighting rebels are based in the city': a participle telling who the subject of a present statement is",
    "flags.perceived": "violence someone hears or sees ('I can hear gunfire', 'gunfire is heard') is a sign of it, not an act told",
    "flags.current_state": "'the government is currently battling secessionists', 'Russia has battled insurgency attacks': "
                           "fighting told as a state, with no date, is no incident",
    "flags.failed_attempt": "'failed to launch a rocket': an act that failed to come about did not happen; 'failed to prevent the bombings': they did",
    "flags.habitual": "'often', 'usually': a habit, kept as background",
    "flags.ongoing_for_weeks": "a perfect verb over weeks or more ('has experienced heavy shelling over the past two weeks') tells a course of events",
    "flags.frequent": "'attacks are frequent': how often violence happens is no event",
    "flags.ongoing_since": "a perfect verb with 'since' ('have been fighting since April') tells a course of events, not an incident",
    "flags.perfect_progressive": "'Malians have been holding demonstrations in the capital': what has been going on is a course of events",
    "flags.protest_purpose": "a protest told as the purpose of a gathering that happened ('marched to protest') happened",
    "flags.bare_verb": "a verb in its base form with no subject is an order or an aim",
    "flags.clause_verb_modality": "a noun trigger takes the mood of its clause's verb ('there will be attacks')",
    "flags.possibility_nouns": "'the brink of', 'the threat of': what may come is hypothetical",
    "flags.background_earlier_month": "an event dated only by a month (or longer) that was over before publication ('last month') is background",
    "flags.background_by_date": "an event dated long before publication is background",
    "typing.aircraft_agent": "'IDF drones assassinated the Hamas chief', 'helicopters attacked the convoy': aircraft that do the violence make an air strike",
    "typing.projectile_agent": "'one of those rockets exploded in a home': a projectile that went off is shelling or a missile attack, not a planted bomb",
    "typing.weapon_decides": "an attack on civilians with a bomb or shell named is an explosion (ACLED)",
    "typing.fight_decides": "the dead of a battle are the battle's ('clashes in Aden killed 40'): a killing by a noun of fighting is that battle (ACLED)",
    "typing.protesters_clash_riot": "demonstrators who clash ('protesters clashed with police') riot: a violent demonstration, not a battle (ACLED)",
    "typing.armed_victims_battle": "an attack whose victims are armed is a battle (ACLED)",
    "typing.firearms_on_protesters": "a protest the state's forces met with firearms ('opened fire to disperse', 'live "
                                      "ammunition') is excessive force against protesters, dead or not (ACLED)",
    "typing.mob_violence": "rioters or a mob who attack people or property commit mob violence, not an armed group's attack (ACLED)",
    "typing.force_on_protesters": "a state's forces attacking demonstrators is a protest met with force, the protesters "
                                   "its first actor (ACLED): excessive force where people died, else an intervention",
    "typing.armed_site": "'about 40 rebels attacked a checkpoint': violence aimed at a post of armed forces is a battle (ACLED)",
    "typing.air_delivered": "a bomb or missile that aircraft deliver is an air strike (ACLED)",
    "typing.device_did_harm": "'planted an explosive device that destroyed a vehicle': a device that did harm went off (an explosion)",
    "typing.found_device_went_off": "a device found or seized that detonated all the same is an explosion (ACLED)",
    "typing.the_dead_make_violence": "'killed dozens of militants and destroyed a cache of weapons': a violent trigger that "
                                     "counts dead stays violence over the classifier's strategic development (ACLED)",
    "typing.type_model": "the trained sub-type classifier beside the trigger words",
    "victims.list_after_apposition": "'the leader of X, al-Masri, and the leader of Y ... were killed': two victims, the second "
                                     "hung from the first's name",
    "victims.shares": "'10 percent of the villagers' is no head count",
    "victims.group_nouns": "'killing number of soldiers', 'a group of villagers': a noun that counts a group is no single victim",
    "actors.the_dead_are_no_agents": "'26 people have died in an airstrike': who died is a victim, never the attacker",
    "actors.claimant_agrees": "'the government says they took hostages': a speaker named in the singular is no 'they'",
    "claims.suspected_behind": "'X is suspected to be behind the blast' names X the attacker, as an attribution",
    "claims.identified_as": "'identified the bomber as a member of al-Shabab': who the doer is identified as did the act",
    "claims.accused_of": "'the government accused the LNA of the shelling': the accused did the act, as an attribution",
    "actors.relative_pronoun_agent": "'gunmen who killed 39 people': the relative pronoun's noun is the attacker",
    "actors.share_of_the_victims": "'killed at least 31 people, many of them Shi'ite pilgrims': the share named after the "
                                   "victims is of the victims, never the attacker",
    "actors.kin_are_civilians": "the kin of a named person ('Allawi's cousin was abducted') are the victims, not that person",
    "actors.generic_qualifier": "'government police': a generic actor word qualifying another actor's noun is no side of its own",
    "actors.gerund_subject": "'Shelling killed five civilians': a gerund subject is a noun, and the verb it is subject of tells the victims",
    "actors.not_in_place_names": "a name inside a longer place name ('Sadr' of 'Sadr City') is no actor",
    "actors.own_forces": "'the government said its forces retook the town': the speaker's own forces, a government's through its military",
    "actors.claimant": "the speaker who claims an act as its own ('the army said it killed 15') is its actor1",
    "actors.state_as_agent": "a state named as the subject of violence ('Russia launched missiles') acts through its military",
    "actors.owned_gerund": "'the U.S. military has confirmed killing two militants': who confirms or admits the act did it",
    "actors.state_before_word_order": "'Israel has responded by air strikes ... for their missing soldier': a state that is "
                                      "the subject acts, before an actor the word order offers",
    "actors.attributed": "'attributed the attack to the Taleban', 'blamed the bombing on the PKK': a named group is the attacker where none was named",
    "actors.claimed_responsibility": "'X claimed responsibility' names X the attacker of the violence it follows, where none was named",
    "actors.claim_of_an_act_apart": "a claim of an act its sentence places or dates apart from the violence told before "
                                    "('an attack ... that took place Monday outside Mogadishu') names that act's attacker only",
    "actors.parties_agree": "'Hamas and Fatah agreed to end hostilities': the two subjects of an agreement are its two sides",
    "actors.member_of": "'the top military commander of Hamas': the people a noun names belong to the group its 'of' names",
    "actors.conjunct_subject": "'the attackers who are holed up in the mall and are holding hostages': a conjoined verb "
                               "with no subject of its own shares the first one's",
    "actors.launched_from": "'missiles fired from a U.S. drone': the actor the weapon was fired from fired it",
    "actors.origin_place": "'Gaza militants', 'militants from Gaza': an unnamed armed group is of the country its words place it in",
    "actors.wing_of_named": "'Hamas military chief': a generic word beside a named actor, both qualifying one noun, is no side of its own",
    "actors.group_told": "'Boko Haram ... the group abducted about 100 girls': 'the group' (a definite noun for an organisation) "
                         "is the armed group the document named last",
    "actors.definite_force_told": "'French peacekeepers ... the troops were attacked': a state's force named by a bare definite "
                                  "noun is the one the document named last, not the event country's own",
    "actors.identified_as": "'a rebel group, believed to be the FARC': the unnamed attacker is the group it is said to be",
    "actors.passive_subject_by_order": "the noun right before 'were killed' is its victim where the parse gives the passive no subject",
    "actors.pronoun_resumes_subject": "'guarding workers when they were assaulted': a pronoun resumes the subject of the clause its own hangs from",
    "actors.beneficiaries": "those an act is for ('protested in support of Hezbollah') are no party to it",
    "actors.news_hook": "people of an adverbial clause telling another happening ('as Maliki arrived') take no part",
    "placing.people_country": "'Palestinians protested', naming no place, in a story about another country: in their country",
    "placing.not_where_teller_is": "where a correspondent or agency that reports the event is ('a correspondent in Kabul reports') is not its place",
    "placing.conjunct_shares_preposition": "a place in a list hangs from its first member's preposition ('troops from Mali, the United States and France')",
    "placing.across_the_border": "the country named in 'near the border with Iran' is the neighbour across it, not the scene",
    "geo.affiliation_is_no_people": "'Ethiopian-backed troops' names who backs the troops, not the people or country ('the capital') a story is about",
    "placing.the_capital": "'the capital' standing alone is the capital of the document's country",
    "quantities.vague_is_a_bound": "'several killed', 'dozens dead' give the least the words allow as the low bound, no exact figure",
    "placing.demonym_area": "'the Nigerian Delta' in a sentence naming no place puts the event in that country (another than the document's)",
    "placing.paragraph_place": "a sentence naming no place (nor its sentence before) takes where its paragraph's last event was told",
    "placing.paragraph_ahead": "a paragraph opening on an event naming no place takes the place its next sentences name, before one "
                               "carried in from the paragraphs before",
    "placing.told_in_another_country": "'In Pakistan, officials said that missiles killed five', 'violence in Thailand as protesters clashed': that country",
    "placing.parallel_places_no_narrative": "an event told in several places at once ('in Rangoon and Mandalay') leaves none of them as the narrative's place",
    "placing.narrative_place": "the place a paragraph told last goes on into the next paragraphs until another is told",
    "placing.voice_is_no_scene": "a country that speaks ('The United States has said it is deeply concerned') casts no vote "
                                 "for the document's country",
    "placing.not_at_another_time": "'occurred several days before a scheduled meeting in London': the place of a "
                                   "happening the event comes before is not the event's",
    "placing.not_where_told": "a place of the verb of saying that quotes an event ('he told AFP from Maiduguri') is where it was told",
    "places.untagged_objects": "a one-word name the model missed, a verb's object or joined to a place, is a big city's or province's",
    "extract.conjoined_preposition": "'protests were held in Daraa and in Deir el-Zour': a place phrase conjoined to the "
                                     "verb is a place told in parallel",
    "extract.listed_provinces": "'bombs went off in Yala, Pattani and Narathiwat provinces': the provinces of a list are "
                                "each a place told in parallel",
    "extract.clauses": "one event per independent clause that has a trigger",
    "extract.another_time_clause": "'one day after attacks killed more than 30 people': a clause set a span of time apart "
                                   "is another event, with its own figures",
    "extract.contrast_victims": "'..., while 28 rebels were killed near Damascus': a clause told in contrast is apart from the "
                                "main clause's event though its subject is the victims or it tells no event",
    "extract.contrast_clause": "'a car bomb in Hilla killed four, while another car bomb in Baghdad killed one': a "
                               "'while' clause with its own subject and act is another event",
    "extract.parallel_places": "one event per place told in parallel ('in Tikrit and Hawija')",
    "extract.conjoined_names": "a proper name coordinated with a place is a candidate place",
    "extract.dateline_last": "the dateline places an event only when its clause names no place",
    "extract.place_in_actor": "a place inside an actor's name ('a US drone strike', 'Iraq forces') is whose, not where",
    "extract.namesake_far_from_region": "a town the text puts in a province, known only far from it, yields to the province",
    "extract.toll_statements": "a sentence that only gives another toll ('the toll rose to 12') is a mention of the last violent event",
    "extract.part_of_owner": "a part written with its town ('Baghdad's Dora district') is read by that town, else the town stands",
    "extract.outcome_is_no_act": "'protesters clashed with police, killing a soldier': the act is the clash, the participle its outcome",
    "extract.participle_shares_clause": "an outcome participle ('..., killing four') shares the province of the clause it hangs from",
    "extract.bare_toll_statements": "'reports suggest nine or ten people killed': a killing with no attacker, place or day of "
                                    "its own gives another toll of the violence told before",
    "extract.running_totals": "'bringing to 31 the number killed this week' is a total of its own, never the event's toll",
    "extract.alternative_tolls": "a second count told as another source's ('while police said five') bounds the toll, never adds",
    "places.peoples_part": "'Indian Kashmir', a name the gazetteer lacks: the known name after the people's word is the place",
    "placing.region_in_its_country": "'in the Nigerian Delta', 'Kashmir's tourist spot' in a story about India: a name "
                                     "is read in the country its people's word names, and a region across borders is its "
                                     "part in the document's country",
    "extract.no_stateless_place": "a sea or a region in no country is no event's place; the document's stands in",
    "sides.battle_has_two": "a battle's unnamed second side: an unidentified armed group against state forces, the document's most named force against others",
    "sides.force_first": "a battle whose sentence names no side ('fighting continues in Malakal') is the document's most named force against an unnamed group",
    "extract.role_defaults": "ACLED's conventions for unnamed sides (data/role_defaults.yaml)",
    "extract.harmed_are_civilians": "the people a bomb or shell killed or wounded, with no armed side named as its target, are "
                                    "civilians (actor2, ACLED)",
    "aggregates.one_event_at_trigger": "with no figure, words that tell one event ('an Israeli missile strike') keep a series "
                                       "of strikes one event only when they stand at its trigger",
    "aggregates.series_without_figure": "'a surge of suicide car bombings' names several events, with or without a figure",
    "aggregates.area_without_figure": "'attacked in many areas' with no place named in the sentence spreads over an area, with or without a figure",
    "anaphora.teller_is_no_target": "'the government accused the LNA of the shelling': who tells, blames or condemns the "
                                    "act told is not its target",
    "anaphora.across_paragraphs": "a paragraph opening on 'The bombing, which ...' completes the story's last event, not only its own paragraph's",
    "aggregates.abduction_counts": "'more than 100 foreign oil workers have been kidnapped so far this year': a count of "
                                   "people taken is read for totals as a toll is",
    "incidents.restated": "two sentences in mostly the same words tell one incident",
    "incidents.refers_back_toll": "the dead of the violence told before ('five were killed in the attack') are another figure of it, not another event",
    "incidents.refers_back": "a sentence naming 'the attack' told before adds to that incident, whatever its sub-type",
    "incidents.state_attacker": "two mentions whose attacker is one state's forces ('the military', 'Israeli jets') share an actor",
    "incidents.details_do_not_veto": "a mention that refers back to the violence told joins as a detail: its own reading bars no later mention",
    "incidents.evidence_from_one": "a mention that may join an incident only with positive evidence needs it from one member, not from each",
    "incidents.died_in_the_attack": "'ten had been killed in the strike': the dead of the violence told before, whatever their place",
    "incidents.definite_scene": "a later mention at 'the hotel', 'the mall' (a building told before) tells the violence told there, whatever its sub-type",
    "incidents.refers_back_agrees": "a sentence that names the violence told before ('the attack') and gives no toll of its "
                                    "own agrees with it, though one of them is placed by the document alone",
    "incidents.during_the_attack": "'an exchange of gunfire during the abduction': what happened during the violence told is part of it",
    "incidents.named_beats_unidentified": "an incident's side one mention names ('the FARC') beats the unidentified armed "
                                          "group its other mentions give",
    "incidents.definite_actor": "a later mention whose generic attackers are definite ('the militants') tells the event told before",
    "incidents.anaphor_defers": "attackers pointed back at ('the gunmen', 'they') neither vote for an incident's actor1 nor beat the mention that named them",
    "incidents.tolls_do_not_vote": "a sentence that only gives another toll copies the sides of the event it counts: it "
                                   "casts no vote for the incident's sides",
    "incidents.turn_opens_another": "a sentence opening on 'Earlier', 'Later', 'Meanwhile', 'Separately' or 'Elsewhere' tells "
                                    "another event than those told before it, unless it points back at one",
    "incidents.escalation": "a protest and its dispersal are one event, typed as it escalated",
    "incidents.lethal_intervention": "an incident's protest with intervention whose toll (from any of its mentions) counts dead "
                                     "is excessive force against protesters",
    "merge.same_sides": "two reports' incidents with the same two sides, though neither is a named actor, count that as evidence they are one",
    "incidents.toll_of_any_kind": "a toll statement ('the government said three soldiers were killed') counts the dead of violence told before, any kind",
    "incidents.among_theirs": "'two of their citizens were killed' after violence of another kind told that day: the dead of that violence, one incident",
    "incidents.same_sides": "two mentions of one report naming the same armed side attacked by the same attacker agree they are one event",
    "incidents.bare_detail": "a mention with no date, place or toll of its own joins the scene of unrest the report tells that day, "
                             "whatever kind of violence or protest its words make it",
    "incidents.actor_not_enough": "a shared named actor is no evidence that two kinds of act, one dated only by the document, are one",
    "incidents.untolled_detail": "violence told later on the same day at the same place, with no toll of its own and no word "
                                 "of another event, tells more of the violence told first, whatever its kind",
    "incidents.partitive_tolls": "'two of their citizens were killed' counts a share of the dead told: a lower bound that "
                                 "stands beside the whole toll, not another event",
    "incidents.group_of_everyone": "in one report, a figure of one group ('three ministers') below the figure of everyone killed "
                                   "('at least fifteen people') is a share of it, not another toll",
    "incidents.side_tolls": "the dead of two sides ('five soldiers', then 'two gunmen were also killed') are parts of one "
                            "battle's toll, added, not alternatives; 'one of the raiders' is a part of its side's figure",
}


@functools.lru_cache(maxsize=8)
def _off(value: str | bytes) -> frozenset[str]:
    text = os.fsdecode(value)  # as os.environ decodes it
    return frozenset(name.strip() for name in text.split(",") if name.strip())


# Extraction asks about a rule hundreds of thousands of times in a long document, and os.environ.get
# encodes the name and decodes the value on each call (1.7 us: a second a megabyte). The dict that
# os.environ keeps (and updates on every change made through it) answers in a lookup; the rules
# switched off are cached per value, so setting the variable takes effect at once, as before.
_ENVIRON = getattr(os.environ, "_data", None)
_KEY = os.environ.encodekey(RULES_OFF_ENV) if _ENVIRON is not None and hasattr(os.environ, "encodekey") else None


def enabled(name: str) -> bool:
    """Whether the rule is on (every rule is, unless named in $DATELINE_RULES_OFF)."""
    if _KEY is not None:
        return name not in _off(_ENVIRON.get(_KEY, b""))  # type: ignore[union-attr]
    return name not in _off(os.environ.get(RULES_OFF_ENV, ""))


@contextmanager
def switched_off(names: Iterable[str]) -> Iterator[None]:
    """Switch the named rules off inside the block (for measuring; not thread-safe)."""
    before = os.environ.get(RULES_OFF_ENV)
    os.environ[RULES_OFF_ENV] = ",".join(sorted(set(_off(before or "")) | set(names)))
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(RULES_OFF_ENV, None)
        else:
            os.environ[RULES_OFF_ENV] = before
