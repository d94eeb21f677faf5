"""Event mentions from annotated sentences, with every slot filled and traced to its span."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Callable

from spacy.tokens import Doc, Span, Token

from ..annotate.components import DEFINITE_WORDS, UNKNOWN_ACTOR, ActorMention
from ..annotate.pipeline import AnnotatedDocument, doc_text, paragraph_index
from ..annotate.quantities import INJURED, KILLED, KILLED_TOTAL, perpetrators_killed
from ..annotate.timex import Timex
from ..budget import Deadline
from ..geo.abroad import own_reading
from ..geo.demonyms import demonym_mentions, demonym_place
from ..geo.distance import distance_km
from ..geo.document import build_document_geo, document_evidence
from ..geo.place_tagger import PlaceMention
from ..geo.places import PlaceContext, PlaceResolver, Relation, ResolvedPlace, place_reading
from ..geo.source_homes import SourcePrior, StoredHomes, source_key
from ..models import TOLD_GROUP, VIOLENT_TYPES, Event, Place, make_event_id
from ..resolve.actors import NON_STATE_ARMED, ActorMatch
from ..resolve.demonyms import capital_of, demonym_places
from ..resolve.names import core_name, normalise_name
from ..rules import enabled
from .actors import ActorSlots, assign_actors
from .attribution import SPEECH_LEMMAS, attribution
from .claims import ACCUSING_VERBS, attributions, claimed, claims, claims_an_act_apart, mark_told_before, name_claimant
from .clauses import clause_groups, clause_scope, clauses_beside, days_apart, months_apart
from .dating import choose_date, in_name, in_other_clause, month_away, moved_on_by, time_moved_on
from .flags import Flags, date_flags, mention_flags
from .parts import conjoined_names, parallel_parts
from .placing import aside_role, bare_capital, beside_the_story, demonym_area, framing_places, named_scene, pick_place, relation_before
from .regions import lies_in, owner_before, part_of_town, people_before, regions_after
from .role_defaults import apply_role_defaults
from .sides import UNNAMED_GROUP, oppose_sides
from .triggers import Lexicon, Trigger, TriggerEntry, default_lexicon, dismissed, find_triggers
from .type_choice import choose_type, mark_proposed, propose
from .type_model import TypeModel, TypePrediction, default_type_model
from .typing import air_delivered, firearms_on_protesters, force_on_protesters, mob_violence, projectile_agent, protesters_riot, refine_type, went_off
from .victims import count_victims

if TYPE_CHECKING:
    from ..geo.gazetteer import Gazetteer
    from ..resolve.actors import ActorRegistry

log = logging.getLogger(__name__)


@dataclass
class _Paragraph:
    """Narrative state carried from sentence to sentence within one paragraph."""

    index: int = -1
    timex: Timex | None = None
    timex_offset: int = 0
    events: list[Event] = field(default_factory=list)
    # the last event of the paragraphs before: what a paragraph opening on "The bombing ..." refers back to
    before: Event | None = None
    last: tuple[Doc, Span] | None = None  # the sentence before, for a place it names
    place: ResolvedPlace | None = None  # the place of its last event placed by the paragraph's own words
    own_place: bool = False  # ``place`` was told in this paragraph, not carried in from the ones before


def _paragraph_place(para: _Paragraph) -> ResolvedPlace | None:
    """ "Soldiers guarding workers in Vista Hermosa were attacked. ... The army first reported that 24 had
    been killed": a sentence naming no place, after one that names none either, is about the place the
    paragraph last told an event at (at home or abroad: "kidnapped in the Nigerian Delta. A group
    claimed the attack ..."), not the document's main province."""
    if para.place is None:
        return None
    place = para.place.place
    return ResolvedPlace(place, para.place.geo_precision, para.place.where_prec,
                         f"no place in sentence: where the paragraph's event before was ({place.name}, {place.country})")


@dataclass
class Extractor:
    """Turns annotated documents into events; holds the resolvers it needs."""

    registry: "ActorRegistry | None" = None
    gazetteer: "Gazetteer | None" = None
    lexicon: Lexicon = field(default_factory=default_lexicon)
    # the sub-event type classifier beside the triggers (extract/type_choice.py); None: the triggers alone
    type_model: TypeModel | None = field(default_factory=default_type_model)
    # one event per independent clause with a trigger (extract/clauses.py); False: one per sentence
    split_clauses: bool = True

    def __post_init__(self) -> None:
        self.places = PlaceResolver(self.gazetteer) if self.gazetteer is not None else None
        self._countries: dict[str, bool] = {}
        # the state force the document being read named last, by role ("French peacekeepers"): "the troops"
        # after it are those (one document at a time; reset by extract)
        self._forces: dict[str, ActorMatch] = {}
        # the armed group the document named last ("Boko Haram ... the group abducted"): what "the group"
        # after it names (reset by extract)
        self._group: ActorMention | None = None

    def _far_point_province(self, resolved: ResolvedPlace) -> None:
        """ "145 km north of Baghdad" lies in another province than Baghdad: a point moved more than 25 km
        off its town takes the province of the nearest town to it (as a coder reading a map would)."""
        anchor, relation = resolved.anchor, resolved.relation
        place = resolved.place
        if (anchor is None or relation is None or (relation.km or 0) <= 25 or self.gazetteer is None
                or not place.country_code or place.latitude is None or place.longitude is None):
            return
        admin1 = self.gazetteer.nearest_admin1(place.country_code, place.latitude, place.longitude)
        if admin1 is not None and admin1 != place.admin1:
            resolved.place = replace(place, admin1=admin1, admin2=None)
            resolved.reason = f"{resolved.reason}; {relation.km:g} km off {anchor.name}: in {admin1}, the nearest town's province"

    def extract(self, annotated: AnnotatedDocument, *, deadline: Deadline | None = None,
                homes: StoredHomes | None = None) -> list[Event]:
        """Every event mention in the body of one document; ExtractError once `deadline` passes.

        ``homes``: the sources' homes as the store told them when the run began
        (geo/source_homes.py), read for this document's outlet as a weak prior and never added to,
        so that the document's places do not depend on what else the run extracts, or in what order."""
        document = annotated.document
        # the outlet (URL host) tells its country-code domain and the town it is named after
        source = source_key(url=document.url, source=document.source)
        prior = homes.prior(source, document_id=document.id) if homes is not None else SourcePrior()
        context = self.document_geo(annotated.header_docs + annotated.docs, prior=prior, source=source)
        events: list[Event] = []
        para = _Paragraph()
        self._forces = {}
        self._group = None
        done = 0
        for doc in annotated.docs:
            # a later piece of a long section goes on with the paragraph the piece before ended in
            shift = para.index if doc._.continues else 0
            for sent in doc.sents:
                if deadline is not None:
                    deadline.check(done)
                done += 1
                index = _paragraph_index(doc, sent) + shift
                if index != para.index:
                    # the place told last goes on into the next paragraph (a report's narrative)
                    para = _Paragraph(index=index, place=para.place if enabled("placing.narrative_place") else None,
                                      before=para.events[-1] if para.events else para.before)
                if para.timex is not None and time_moved_on(sent):
                    para.timex = None  # "After a cease fire had been agreed, ...": later, by how much the text does not say
                elif para.timex is not None:
                    moved = moved_on_by(sent, para.timex)  # "Two years later, ...": the day told, moved on
                    if moved is not None:
                        para.timex, para.timex_offset = moved, doc._.offset
                found = self._sentence(document.id, doc, sent, context, para, published=document.published,
                                       first=not events)
                self._claims(doc, sent, found, events)
                if found and events and all(_bare_toll(e, sent, doc._.offset) for e in found) \
                        and enabled("extract.bare_toll_statements"):
                    # "Current reports suggest nine or ten people killed": no attacker, place or day of its
                    # own, only another toll for the violence told before
                    revision = self._toll_statement(document.id, doc, sent, events, any_count=True)
                    if revision is not None:
                        events.append(revision)
                        found = []
                for event in found:
                    parts = self._parts(event, doc, sent, context)
                    for told in parts:
                        told.source = document.source
                        told.source_url = document.url
                        told.published = document.published
                        events.append(told)
                    para.events.append(event)
                    if len(parts) > 1 and enabled("placing.parallel_places_no_narrative"):
                        # "in Rangoon and Mandalay": no one of the places goes on into the sentences after
                        para.place = None
                if not found and events:
                    revision = self._toll_statement(document.id, doc, sent, events)
                    if revision is not None:
                        events.append(revision)
                events.extend(self._running_totals(document.id, doc, sent, found or events[-1:]))
                self._advance_narrative(doc, sent, para)
                self._remember_group(doc, sent)
                para.last = (doc, sent)
        oppose_sides(events, self.registry)
        return events

    # -- document context ------------------------------------------------------------------

    def document_geo(self, docs: list[Doc], *, source: str | None = None, prior: SourcePrior = SourcePrior()) -> PlaceContext:
        """The document's place context (:func:`dateline.geo.build_document_geo`), a country named only as
        a frontier or as the actors' origin set aside by this stage's reading of the sentence."""
        if self.places is None:
            return PlaceContext()
        evidence = document_evidence(docs, gazetteer=self.gazetteer, registry=self.registry, set_aside=beside_the_story)
        return build_document_geo(self.places, evidence, source=source, prior=prior)

    # -- one sentence ----------------------------------------------------------------------

    def _sentence(self, doc_id: str, doc: Doc, sent: Span, context: PlaceContext, para: _Paragraph, *,
                  published: str | None, first: bool = False) -> list[Event]:
        """The events one sentence tells: one per independent clause that has a trigger ("his aide was
        arrested, and the forces are put into violent conflict, which leaves 7 soldiers dead": an
        arrest and a clash, each with the figures of its own clause)."""
        triggers = find_triggers(sent, self.lexicon)
        moved = para.timex if para.timex is not None and para.timex_offset == doc._.offset else None
        # "Two years later" moved the narrative's day on (dating.moved_on_by): it is not read again from the publication day
        timexes = [t for t in _in_sentence(doc._.timexes, sent) if not in_name(t, doc)
                   and not (moved is not None and moved.start <= t.start and t.end <= moved.end)]
        primary = [t for t in triggers if _starts_event(t, timexes, first=first)]
        proposed: TypePrediction | None = None
        if not primary:
            referring = triggers or _referring(sent, para)
            # no trigger word at all: the type classifier may still read an event in the sentence
            found = (propose(sent, self.type_model) if not referring and self.type_model is not None
                     and not dismissed(sent, self.lexicon) else None)
            if found is None:
                self._fill_from_anaphor(doc, sent, referring, para, context)
                self._fill_counts(doc, sent, para)
                return []
            primary, proposed = [found[0]], found[1]
        flags_of = {t.start: mention_flags(t.head, sent, protest=t.entry.event_type == "Protests") for t in primary}
        clauses = clause_groups(primary) if self.split_clauses and enabled("extract.clauses") else [(None, primary)]
        roots = [root for root, _ in clauses]
        events = []
        for k, (root, group) in enumerate(clauses):
            beside = [v for v in clauses_beside(root) if v not in roots] if root is not None else []
            scope = None if len(clauses) == 1 and not beside else clause_scope(root, [r for r in roots if r is not root] + beside)
            own = triggers if scope is None else [t for t in triggers if t.head.i in scope]
            events.append(self._clause_event(doc_id, doc, sent, group, own, scope, context, para, timexes, flags_of,
                                             proposed, published=published, whole=k == 0))
        return events

    def _clause_event(self, doc_id: str, doc: Doc, sent: Span, group: list[Trigger], triggers: list[Trigger],
                      scope: frozenset[int] | None, context: PlaceContext, para: _Paragraph, timexes: list[Timex],
                      flags_of: dict[int, Flags], proposed: TypePrediction | None, *, published: str | None,
                      whole: bool) -> Event:
        """One event from the triggers of one clause (``scope``: its token indexes; None is the sentence)."""
        # A negated trigger ("the first blast did not cause casualties, but the second ...
        # killing five") gives way to one that did happen in the same sentence.
        trigger = max(group, key=lambda t: (not flags_of[t.start].negated, t.score, -t.start))
        act = _act_of_outcome(trigger, group)
        if act is not None and not flags_of[act.start].negated:
            trigger = act
        offset = doc._.offset
        start, end = sent.start_char + offset, sent.end_char + offset
        # the first clause's event keeps the sentence's id; another clause's is told apart by its trigger
        event_id = make_event_id(doc_id, start, end) if whole else make_event_id(
            doc_id, doc[trigger.start].idx + offset, doc[trigger.end - 1].idx + len(doc[trigger.end - 1]) + offset)
        event = Event(
            event_id=event_id,
            document_id=doc_id,
            evidence_start=start,
            evidence_end=end,
            evidence_text=sent.text,
            event_type=trigger.entry.event_type,
            sub_event_type=trigger.entry.sub_event_type,
            plover_type=trigger.entry.plover_type,
            plover_mode=trigger.entry.plover_mode,
            trigger=doc[trigger.start : trigger.end].text,
        )
        event.spans["trigger"] = [doc[trigger.start].idx + offset, doc[trigger.end - 1].idx + len(doc[trigger.end - 1]) + offset]
        self._date(event, trigger, timexes, para, offset, published)
        self._place(event, doc, sent, trigger, context, para)
        scene = named_scene(sent) if "place" not in event.spans else None
        if scene is not None:
            # a scene the gazetteer cannot place is still the sentence's own (incidents/report.py reads it)
            event.spans["scene"] = [scene.start_char + offset, scene.end_char + offset]
        source = attribution(sent, trigger.head)
        if source is not None:
            event.reported_by = source.text
            event.spans["reported_by"] = [source.start + offset, source.end + offset]
        slots = assign_actors(trigger, sent, self._sentence_actors(doc, sent),
                              reporter=source.tokens if source is not None else frozenset())
        self._actors(event, slots, offset)
        self._counts(event, doc, sent, trigger, scope)
        if proposed is None:
            # the classifier reads the clause's own words: the other clause tells another event
            words = sent if scope is None else doc[min(scope) : max(scope) + 1]
            refine_type(event, triggers=triggers, sent=words)
            choose_type(event, words, self.type_model, triggers=triggers)
            blast = went_off(event, trigger.head)
            if blast is not None:
                event.type_reason = f"the device found '{blast}': an explosion (ACLED); {event.type_reason}"
            craft = air_delivered(event, words, trigger.head)
            if craft is not None:
                event.type_reason = f"'{craft}' delivered it: an air strike (ACLED); {event.type_reason}"
            fired = projectile_agent(event, trigger.head)
            if fired is not None:
                event.type_reason = f"a '{fired}' went off: shelling or a missile attack (ACLED); {event.type_reason}"
            if protesters_riot(event, trigger):
                event.type_reason = f"protesters are a side: a riot (ACLED); {event.type_reason}"
            elif mob_violence(event):
                event.type_reason = f"rioters did it: mob violence (ACLED); {event.type_reason}"
            elif force_on_protesters(event):
                event.type_reason = f"a state's forces against protesters: a protest met with force (ACLED); {event.type_reason}"
            fired = firearms_on_protesters(event, words)
            if fired is not None:
                event.type_reason = f"firearms on protesters ('{fired}'): excessive force (ACLED); {event.type_reason}"
        else:
            mark_proposed(event, proposed)
        apply_role_defaults(event, self.registry)
        self._origin(event, doc, slots.actor1, trigger, context)
        flags = flags_of[trigger.start]
        date_flags(flags, date_start=event.date_start, date_end=event.date_end, published=published)
        event.negated, event.hypothetical, event.future, event.background = flags.negated, flags.hypothetical, flags.future, flags.background
        event.flag_reason = flags.reason if not event.counted else None
        event.confidence = _confidence(event, trigger)
        return event

    def _date(self, event: Event, trigger: Trigger, timexes: list[Timex], para: _Paragraph, offset: int, published: str | None) -> None:
        choice = choose_date(trigger, timexes, narrative=para.timex, published=published)
        event.date_start, event.date_end, event.time_precision, event.date_reason = choice.date_start, choice.date_end, choice.precision, choice.reason
        # a day told, or the day the paragraph or the report is of ("Militants are streaming into Gao, one day
        # after ousting the rebels": the day before the report's)
        single = choice.date_start is not None and choice.date_start == choice.date_end and (
            choice.precision == 1 or (choice.timex is None or choice.timex is para.timex) and enabled("dating.apart_from_fallback"))
        apart = days_apart(trigger.head) if single else None
        if apart is not None and (choice.timex is None or not _inside_clause(choice.timex, apart[1])):
            # "twin bombings Sunday ..., one day after attacks killed more than 30": Saturday, a day before Sunday
            days, _ = apart
            day = (date.fromisoformat(choice.date_start) + timedelta(days=days)).isoformat()
            event.date_start = event.date_end = day
            event.date_reason = f"{choice.reason}, {abs(days)} day(s) {'before' if days < 0 else 'after'} it"
        back = months_apart(trigger.head) if choice.date_start and apart is None and enabled("dating.months_apart") else None
        if back is not None and (choice.timex is None or not _inside_clause(choice.timex, back[1])):
            # "the situation in Osh, two years after the ethnic clashes": the month that many months away
            months, _ = back
            event.date_start, event.date_end = month_away(choice.date_start, months)
            event.time_precision = 3
            event.date_reason = f"{choice.reason}, {abs(months)} month(s) {'before' if months < 0 else 'after'} it"
        if choice.timex is not None:
            base = offset if choice.timex is not para.timex else para.timex_offset
            event.spans["date"] = [choice.timex.start + base, choice.timex.end + base]

    def _place(self, event: Event, doc: Doc, sent: Span, trigger: Trigger, context: PlaceContext, para: _Paragraph) -> None:
        if self.places is None:
            event.place_reason = "no gazetteer configured"
            return
        mentions = self._regions_coarse(_in_sentence_places(doc._.places, sent))
        mentions = _without_dateline(doc, mentions)
        mention = pick_place(trigger, [m for m in mentions if not self._foreign_aside(doc, m, trigger, context)])
        resolved: ResolvedPlace | None = None
        tried: set[int] = set()  # mentions that gave no place
        while mention is not None:
            # "30 km south of Kut" moves the point and lowers the precision; other places in the sentence help choose.
            relation = relation_before(doc, mention, sent.start_char)
            nearby = [m.name for m in mentions if m is not mention and m.known] or None
            resolved = self.places.resolve(mention.name, hint=mention.kind_hint, context=context, nearby=nearby, relation=relation)
            if resolved is not None:
                resolved.reason = f"'{mention.text}' in sentence; {resolved.reason}"
            lost = mention
            resolved, mention = self._within_named_region(doc, mention, mentions, resolved, context, relation)
            word, people = _peoples_word(doc, mention)
            country = self.gazetteer.country(people) if people and self.gazetteer is not None else None
            if resolved is not None and country is not None and word is not None and enabled("placing.region_in_its_country"):
                # "in the Nigerian Delta": the name's own reading in the country its people's word names
                resolved = self._in_country(mention, resolved, country, word.text, relation) or resolved
            if resolved is not None and not resolved.place.country_code and enabled("placing.region_in_its_country"):
                # "in Indian Kashmir", "Kashmir's most famous tourist spot" in a story about India: a region
                # across borders is its part in the people's or the document's country
                code = people or context.country_code
                home = self.gazetteer.country(code) if code and self.gazetteer is not None else None
                part = "its people's word" if people else "the document's country"
                resolved = (self._reading_in(mention, home, relation, part_of=part) if home is not None else None) or resolved
            if resolved is not None and not resolved.place.country_code and enabled("extract.no_stateless_place"):
                resolved = None  # "near the Red Sea port of Mocha": the sea lies in no country; the port named next may
            if resolved is not None:
                event.spans["place"] = [mention.start + doc._.offset, mention.end + doc._.offset]
                if not lost.known:
                    resolved.reason = f"no '{lost.text}' known; {resolved.reason}"
                break
            # "in Baybukh, a village north of Mosul": a name the gazetteer lacks yields to the place the
            # sentence would give without it (here 10 km north of Mosul), not to the document's province;
            # so does a name whose only readings are namesakes abroad
            tried.add(lost.token_start)
            mention = pick_place(trigger, [m for m in mentions if m.known and m.token_start not in tried
                                           and not self._foreign_aside(doc, m, trigger, context)])
        only_country = None
        if resolved is not None and resolved.place.is_country and resolved.place.country_code == context.country_code:
            # "killed 16 people in Pakistan" in a story about Pakistan: the country says no more than the document;
            # its span stays as the area a total over it covers ("34,000 were killed in Iraq last year")
            only_country = resolved.place.name
            event.spans["country"] = event.spans.pop("place")
            resolved = None
        if resolved is not None and not resolved.place.country_code and enabled("extract.no_stateless_place"):
            # "on the Red Sea coast": a sea or a region across borders lies in no country, and an event needs one
            resolved = None
            event.spans.pop("place", None)
        if resolved is None and context.country_code and enabled("placing.the_capital"):
            resolved = self._the_capital(event, sent, context)
        if resolved is None and enabled("placing.demonym_area"):
            resolved = self._demonym_area(event, doc, sent, context)
        if resolved is None and enabled("placing.told_in_another_country"):
            resolved = self._told_in_another_country(event, doc, trigger, mentions, context, para)
        if resolved is None and enabled("placing.people_country"):
            resolved = self._people_country(event, trigger, context)
        if resolved is None and para.last is not None:
            resolved = self._place_before(event, para.last, context)
        if resolved is None and not para.own_place and enabled("placing.paragraph_ahead"):
            resolved = self._place_ahead(event, doc, sent, context)
        own = resolved is not None
        if resolved is None and enabled("placing.paragraph_place"):
            resolved = _paragraph_place(para)
        told = resolved is not None  # the paragraph's words placed it; the document's fallbacks below do not
        if resolved is None and context.admin1 and self.gazetteer is not None:
            place = self.gazetteer.admin1_place(context.country_code or "", context.admin1)
            if place is not None:
                said = f"no place in sentence but the document's own country ({only_country})" if only_country else "no place in sentence"
                resolved = ResolvedPlace(place, 3, 4, f"{said}: the document's main province ({context.admin1})")
        if resolved is None and context.country_code and self.gazetteer is not None:
            place = self.gazetteer.country(context.country_code)
            if place is not None:
                resolved = ResolvedPlace(place, 3, 6, f"no place in sentence: the document's main country ({place.name})")
        if resolved is None:
            event.place_reason = "no place found in the sentence or document"
            return
        self._far_point_province(resolved)
        _set_place(event, resolved)
        if told:
            para.place = resolved
            para.own_place = para.own_place or own

    def _parts(self, event: Event, doc: Doc, sent: Span, context: PlaceContext) -> list[Event]:
        """The event, and one more per place told in parallel with its own (parts.py): each part placed
        at its town with only the figure told in its own branch. A figure outside every branch is the
        parts' total: the event keeps it, marked with the parts' places, for the report to keep as an
        aggregate statement, and its own place gets a part of its own."""
        span = event.spans.get("place")
        if span is None or self.places is None:
            return [event]
        offset = doc._.offset
        mentions = self._regions_coarse(_in_sentence_places(doc._.places, sent))
        mentions = _without_dateline(doc, mentions)
        chosen = next((m for m in mentions if [m.start + offset, m.end + offset] == span
                       and (event.place_reason or "").startswith(f"'{m.text}' in sentence")), None)
        if chosen is None or not enabled("extract.parallel_places"):
            return [event]
        extra = conjoined_names(doc[sent.start : sent.end], mentions) if enabled("extract.conjoined_names") else []
        parts = parallel_parts(doc, chosen, mentions + extra)
        if not parts:
            return [event]
        killed = _distinct([q for q in _in_sentence(doc._.quantities, sent) if q.kind == "killed"])
        ranges = [(doc[p.branch_start].idx, doc[p.branch_end - 1].idx + len(doc[p.branch_end - 1])) for p in parts]
        toll = event.spans.get("fatalities")
        # "killed five people in Kirkuk and three in Mosul": when every other part tells its own figure,
        # a figure outside their branches is the event's own part's, not the parts' total
        theirs = [[q for q in killed if lo <= q.start < hi] for lo, hi in ranges[1:]]
        each_own = bool(theirs) and all(theirs)
        total = toll is not None and not each_own and not any(lo <= toll[0] - offset < hi for lo, hi in ranges)
        names = [p.mention.name for p in parts]
        out = [event]
        if each_own:
            _own_figures(event, [q for q in killed if not any(q in t for t in theirs)], offset)
        for part, (lo, hi) in zip(parts, ranges, strict=True):
            if part.mention is chosen and not total:
                continue
            copy = replace(event, event_id=make_event_id(event.document_id, lo + offset, hi + offset), spans=dict(event.spans))
            relation = relation_before(doc, part.mention, sent.start_char)
            resolved = self.places.resolve(part.mention.name, hint=part.mention.kind_hint, context=context,
                                           nearby=[n for n in names if n != part.mention.name], relation=relation)
            if resolved is None or (event.country and resolved.place.country and resolved.place.country != event.country):
                continue  # a list of towns lies in one country; a namesake abroad is no part of it
            resolved.reason = f"'{part.mention.text}' in sentence, one of {len(parts)} places told in parallel; {resolved.reason}"
            self._far_point_province(resolved)
            _set_place(copy, resolved)
            copy.spans["place"] = [part.mention.start + offset, part.mention.end + offset]
            copy.spans["part"] = [lo + offset, hi + offset]
            _own_figures(copy, [q for q in killed if lo <= q.start < hi], offset)
            out.append(copy)
        if total:
            event.spans["parts"] = [x for p in parts for x in (p.mention.start + offset, p.mention.end + offset)]
        return out

    def _regions_coarse(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """ "in northeast Nigeria", "northwestern Pakistan": a part of a country the gazetteer knows only by the
        country's name is as coarse as the country, not a town that outranks "the town of Damboa" or
        "Borno State" (the tagger marks coarse only the names the gazetteer itself reads as a country)."""
        out = []
        for m in mentions:
            core = None if m.coarse or not m.known else core_name(m.name)
            if core is not None and self._is_country(core) and not self._is_country(m.name):
                m = replace(m, coarse=True)
            out.append(m)
        return out

    def _is_country(self, name: str) -> bool:
        """Whether a name is a country's (cached: asked for every mention of every sentence)."""
        cached = self._countries.get(name)
        if cached is None:
            cached = self._countries[name] = self.gazetteer is not None and self.gazetteer.country(name) is not None
        return cached

    def _foreign_aside(self, doc: Doc, mention: PlaceMention, trigger: Trigger, context: PlaceContext) -> bool:
        """ "near the border with Cameroon", "militants from Somalia", "Ugandan rebels" in a story of another
        country: a neighbour named beside the event (its frontier, the actors' origin) is not its scene."""
        if context.country_code is None or self.places is None or aside_role(mention, doc, trigger.head) is None:
            return False
        resolved = self.places.resolve(mention.name, hint=mention.kind_hint, context=context)
        return resolved is not None and resolved.place.country_code not in (None, "", context.country_code)

    def _within_named_region(self, doc: Doc, mention: PlaceMention, mentions: list[PlaceMention],
                             resolved: ResolvedPlace | None, context: PlaceContext,
                             relation: Relation | None = None) -> tuple[ResolvedPlace | None, PlaceMention]:
        """ "the Pakistani town of Hangu", "in Attan, Isiolo County", "the town of Madi in northern Yemen": a
        place written with its people, province or country lies there. Its reading there is taken; when it
        has none, a province named after it stands for the event (Atan in Nigeria, or none known), and a
        country or a people's name leaves the sentence's other places and the document to speak."""
        if not mention.known:
            return resolved, mention  # its region is among the sentence's known places, which are read next
        people = people_before(doc, mention)
        country = self.gazetteer.country(people) if people and self.gazetteer is not None else None
        if country is not None and country.country_code:
            resolved = self._in_country(mention, resolved, country, people or "", relation)
        owner = owner_before(doc, mention, mentions) if enabled("extract.part_of_owner") else None
        if owner is not None:
            # "Baghdad's Dora district": the part's reading by its town, else the town (not a Dora of Cyprus)
            town = self.places.resolve(owner.name, hint=owner.kind_hint, context=context)
            if town is not None and not town.place.is_country:
                return _town_part(mention, owner, resolved, town)
        nearer: tuple[ResolvedPlace, PlaceMention] | None = None  # a district or town the chain names first
        for region in regions_after(doc, mention, mentions):
            if part_of_town(doc, mention, region):
                # "the X district of Donetsk": the kind word is the part's, though the tagger hints it for both;
                # the city read on its own, as the part's foreign reading may have swayed the document's country
                town = self.places.resolve(region.name)
                if town is not None and _city(region, town):
                    return _town_part(mention, region, resolved, town)
            outer = self.places.resolve(region.name, hint=region.kind_hint, context=context)
            if outer is None or not (outer.place.is_admin1 or outer.place.is_country):
                nearer = nearer or ((outer, region) if outer is not None else None)
                continue
            if resolved is not None and (lies_in(resolved.place, outer.place)
                                         or (resolved.place.country_code == outer.place.country_code
                                             and _near_region(resolved.place, outer.place))):
                # a town of the same country in the next province is still the town: provinces' lines and
                # the gazetteer's drift ("Zarghun Shahr in Paktia province": the gazetteer has it in Paktika);
                # a namesake across the country is not ("the village of X in Borno state", X known in Imo)
                return resolved, mention
            inside = self._reading_in(mention, outer.place, relation)
            if inside is not None or outer.place.is_country:
                # "the town of Madi in northern Yemen": not the Philippine Mati; a country is too coarse to
                # stand for the event when the sentence before or the document's province may say more
                return inside, mention
            lost = (f"no '{mention.text}' known there" if resolved is None
                    else f"'{mention.text}' resolved outside it ({resolved.place.name}, {resolved.place.country})")
            if nearer is not None and lies_in(nearer[0].place, outer.place):
                # "Kuka village in Shendam LGA of Plateau State": the district the phrase names, within the province
                outer, region = nearer
            outer.reason = f"'{region.text}' in sentence, written with '{mention.text}': {lost}; {outer.reason}"
            return outer, region
        return resolved, mention

    def _in_country(self, mention: PlaceMention, resolved: ResolvedPlace | None, country: Place, people: str,
                    relation: Relation | None) -> ResolvedPlace | None:
        """ "the northwestern Pakistani town of Hangu": the town's reading in Pakistan, not the bigger
        Hangu of Tianjin the gazetteer ranks first; None when the country has no place of that name."""
        if resolved is not None and resolved.place.country_code == country.country_code:
            return resolved
        ranked = [] if resolved is None else [resolved.anchor or resolved.place, *resolved.alternatives]
        place = own_reading(ranked, mention.name, country.country_code or "")
        if place is not None:
            return place_reading(place, f"'{mention.text}' in sentence, named as a {people} place: its "
                                        f"reading in {country.name}", relation=relation)
        return self._reading_in(mention, country, relation)

    def _reading_in(self, mention: PlaceMention, region: Place, relation: Relation | None, *,
                    part_of: str | None = None) -> ResolvedPlace | None:
        """The mention's own reading inside a country or province; None when it has none there. With
        ``part_of`` (why that country), a region across borders reads as its part there, by its name or
        an alias ("Kashmir" in India: Jammu and Kashmir)."""
        cc = region.country_code or ""
        admin1 = None if region.is_country else region.admin1
        found = self.places.candidates(mention.name, hint=mention.kind_hint, country_code=cc, admin1=admin1)
        if part_of is not None:
            place = next((p for p in found if p.country_code == cc and not p.is_country), None)
            why = f"'{mention.text}' lies across borders; its part in {region.name} ({part_of})"
        else:
            place = own_reading(found, mention.name, cc, admin1)
            why = f"'{mention.text}' in sentence, written with {region.name}: its reading there"
        return place_reading(place, why, relation=relation) if place is not None else None

    def _the_capital(self, event: Event, sent: Span, context: PlaceContext) -> ResolvedPlace | None:
        """ "fired mortar rounds at districts of the capital": the capital of the document's country."""
        token = bare_capital(sent)
        name = capital_of(context.country_code or "") if token is not None else None
        resolved = self.places.resolve(name, hint="city", context=context) if name else None
        if resolved is None or resolved.place.country_code != context.country_code:
            return None
        event.spans["place"] = [token.idx + token.doc._.offset, token.idx + len(token) + token.doc._.offset]
        resolved.reason = f"'the capital' in sentence: the capital of the document's country ({name}); {resolved.reason}"
        return resolved

    def _demonym_area(self, event: Event, doc: Doc, sent: Span, context: PlaceContext) -> ResolvedPlace | None:
        """ "kidnapped from a gas facility in the Nigerian Delta" in a story about Iraq: a demonym qualifying
        land or water names the event's country (its capital for "the Afghan capital") when that is
        another country than the document's."""
        if self.gazetteer is None:
            return None
        taken = [(m.start, m.end) for m in _in_sentence_places(doc._.places, sent)]
        found = demonym_area(sent, demonym_mentions(doc, taken, within=sent))
        if found is None:
            return None
        mention, noun = found
        country = mention.names.country_code
        if not country or country == context.country_code:
            return None  # "the Iraqi desert" in a story about Iraq says no more than the document
        place = demonym_place(mention.names, self.gazetteer)
        if place is None:
            return None
        event.spans["place"] = [mention.start + doc._.offset, noun.idx + len(noun) + doc._.offset]
        if noun.lemma_.lower() == "capital" and (capital := capital_of(country)):
            in_capital = self.places.resolve(capital, hint="city", context=context)
            if in_capital is not None and in_capital.place.country_code == country:
                in_capital.reason = f"'the {mention.text} capital' in sentence: {capital}; {in_capital.reason}"
                return in_capital
        why = f"'{mention.text} {noun.text}' in sentence, naming no place: it lies in {place.name}"
        return ResolvedPlace(place, 3, 6 if place.is_country else 4, why)

    def _people_country(self, event: Event, trigger: Trigger, context: PlaceContext) -> ResolvedPlace | None:
        """ "Thousands of Palestinians protested in support of Hezbollah" in a story about Syria, naming no
        place: a people who do the act, named by their demonym, do it in their country when it is not the
        document's."""
        if self.gazetteer is None:
            return None
        head = trigger.head
        verb = head if head.pos_ in ("VERB", "AUX") else head.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.like_num or subject is not None and subject.lower_ in _MANY:
            # "thousands of Palestinians": the people counted
            subject = next((p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"), None)
        if subject is None or subject.tag_ != "NNPS" and subject.tag_ != "NNS" or not subject.text[:1].isupper():
            return None
        table = demonym_places()
        names = table.get(subject.text.casefold()) or table.get(subject.text.casefold().removesuffix("s"))
        if names is None or names.name is not None or names.country_code in (None, context.country_code):
            return None
        place = demonym_place(names, self.gazetteer)
        if place is None:
            return None
        event.spans["place"] = [subject.idx + subject.doc._.offset, subject.idx + len(subject) + subject.doc._.offset]
        return ResolvedPlace(place, 3, 6, f"'{subject.text}' do it, naming no place: in their country ({place.name})")

    def _told_in_another_country(self, event: Event, doc: Doc, trigger: Trigger, mentions: list[PlaceMention],
                                 context: PlaceContext, para: _Paragraph) -> ResolvedPlace | None:
        """ "Across the border in Pakistan, officials said that missiles killed five" in a story about
        Afghanistan: the one country framing the telling or the violence is the event's country, when it is
        not the document's or the paragraphs before have told of another ("There was more violence in
        Thailand today as protesters clashed" after a paragraph on Israel)."""
        told_before = para.place.place.country_code if para.place is not None else None
        found = []
        for mention in framing_places(trigger, mentions):
            resolved = self.places.resolve(mention.name, hint=mention.kind_hint, context=context)
            if resolved is not None and resolved.place.is_country and (
                    resolved.place.country_code not in (context.country_code, None)
                    or told_before not in (resolved.place.country_code, None)):
                found.append((mention, resolved))
        if len({r.place.country_code for _, r in found}) != 1:
            return None  # none, or two countries: the sentence does not say which
        mention, resolved = found[0]
        event.spans["place"] = [mention.start + doc._.offset, mention.end + doc._.offset]
        resolved.reason = f"'{mention.text}' in sentence, framing what was told: the event's country; {resolved.reason}"
        return resolved

    def _place_ahead(self, event: Event, doc: Doc, sent: Span, context: PlaceContext) -> ResolvedPlace | None:
        """ "A gun battle took place between Pakistani soldiers and insurgents on Sunday. The incident
        occurred ... in the Orakzai district": a paragraph that opens on an event naming no place names it
        next; its place is the paragraph's, not one carried in from the paragraphs before."""
        index = _paragraph_index(doc, sent)
        # the sentences after this one, read only to the paragraph's end (not the whole document per event)
        for later in (doc[sent.end :].sents if sent.end < len(doc) else ()):
            if _paragraph_index(doc, later) != index or time_moved_on(later):
                break  # another paragraph, or a later time of the paragraph's story ("After a cease fire ...")
            mentions = _without_dateline(doc, _in_sentence_places(doc._.places, later))
            # a place abroad counts only when the two sentences' peoples say that country ("Pakistani
            # soldiers"): alone, a name read abroad is as likely a namesake (a "Saint George hotel")
            peoples = {m.names.country_code for s in (sent, later)
                       for m in demonym_mentions(doc, [(p.start, p.end) for p in mentions], within=s)}
            homes = ({context.country_code} | peoples) - {None}
            # a country named later is as often a party ("Israel said") as a scene
            found = self._place_told(event, doc, later, context, "in a later sentence of its paragraph",
                                     [m for m in mentions if m.known and aside_role(m, doc) is None],
                                     lambda place: not place.is_country and place.country_code in homes)
            if found is not None:
                return found
        return None

    def _place_before(self, event: Event, last: tuple[Doc, Span], context: PlaceContext) -> ResolvedPlace | None:
        """ "Gunmen stormed homes in Latifiyah at dawn. They killed six men.": the town of the sentence before."""
        doc, sent = last
        return self._place_told(event, doc, sent, context, "in the sentence before", _in_sentence_places(doc._.places, sent),
                                lambda place: place.feature_class == "P" and place.country_code == context.country_code)

    def _place_told(self, event: Event, doc: Doc, sent: Span, context: PlaceContext, where: str,
                    mentions: list[PlaceMention], accept: Callable[[Place], bool]) -> ResolvedPlace | None:
        """The first of another sentence's places (``sent``) that ``accept`` takes, with the bearing written
        before it ("a village north of Mosul"), for an event whose own sentence names none."""
        for mention in mentions:
            relation = relation_before(doc, mention, sent.start_char)
            resolved = self.places.resolve(mention.name, hint=mention.kind_hint, context=context, relation=relation)
            if resolved is None or not resolved.place.country_code or not accept(resolved.place):
                continue
            event.spans["place"] = [mention.start + doc._.offset, mention.end + doc._.offset]
            resolved.reason = f"no place in sentence: '{mention.text}' {where}; {resolved.reason}"
            return resolved
        return None

    def _actors(self, event: Event, slots: ActorSlots, offset: int) -> None:
        date = event.date_start
        country = event.country
        owner = self._owner(slots.owner1, date, country)
        for role, mention, assoc in ((1, slots.actor1, slots.assoc1), (2, slots.actor2, slots.assoc2)):
            if role == 1 and owner is not None:
                mention = owner[1]
                event.actor1_reason = f"its own forces: '{mention.text}' said it"
            if mention is None:
                continue
            match = owner[0] if role == 1 and owner is not None else self._resolve_actor(mention, date, country)
            if match is None or (role == 2 and match.actor_id == event.actor1_id):
                continue  # an actor does not act on itself
            setattr(event, f"actor{role}", match.name)
            setattr(event, f"actor{role}_id", match.actor_id)
            setattr(event, f"inter{role}", match.inter)
            event.spans[f"actor{role}"] = [mention.start + offset, mention.end + offset]
            names = [m.name for m in (self._resolve_actor(a, date, country) for a in assoc) if m is not None and m.name != match.name]
            if names:
                setattr(event, f"assoc_actor_{role}", "; ".join(dict.fromkeys(names)))

    def _origin(self, event: Event, doc: Doc, mention: ActorMention | None, trigger: Trigger, context: PlaceContext) -> None:
        """ "Gaza militants", "militants from Gaza", "rockets fired from Gaza": an unnamed armed group the
        words place somewhere is of that place's country, not of the country the act is in."""
        if (not enabled("actors.origin_place") or self.places is None or self.registry is None
                or not (event.actor1_id or "").startswith("generic:") or event.inter1 not in NON_STATE_ARMED):
            return
        origin = _origin_word(doc, doc[mention.token_end - 1]) if mention is not None else None
        if origin is None and "actor1" not in event.spans:
            # no attacker named: where the act came from ("rockets fired from Gaza")
            head = trigger.head
            origin = _origin_word(doc, head) or (_origin_word(doc, head.head) if head.head.i != head.i else None)
        if origin is None:
            return
        resolved = self.places.resolve(origin.text, context=context)
        country = resolved.place.country if resolved is not None else None
        if not country or country == event.country:
            return
        match = self.registry.resolve(mention.text if mention is not None else UNNAMED_GROUP, date=event.date_start, country=country)
        if match is not None and match.actor_id == event.actor1_id:
            event.actor1, event.inter1 = match.name, match.inter
            event.actor1_reason = f"'{origin.text}' is where they came from: {country}"

    def _claims(self, doc: Doc, sent: Span, found: list[Event], before: list[Event]) -> None:
        """A claim of responsibility, or an attribution, in the sentence names the attacker of the
        violence it follows (extract/claims.py)."""
        if not enabled("actors.claimed_responsibility"):
            return
        offset = doc._.offset
        actors = self._sentence_actors(doc, sent)
        for claim in claims(sent, actors) + (attributions(sent, actors) if enabled("actors.attributed") else []):
            apart = claims_an_act_apart(found, before, claim, offset)
            own, earlier = claimed(found, before, apart=apart)
            if not apart:
                mark_told_before(own, claim, offset)  # an act placed or dated apart is no act told before
            for event in (*own, *earlier):
                match = self._resolve_actor(claim.claimant, event.date_start, event.country)
                if match is not None:
                    name_claimant(event, match, claim, own=event in own, offset=offset)
                    # the claimant may have been read as the target: the convention fills the side it left
                    apply_role_defaults(event, self.registry)

    def _owner(self, speaker: ActorMention | None, date: str | None, country: str | None) -> tuple[ActorMatch, ActorMention] | None:
        """The actor whose forces the speaker's "its forces" are: a named group itself, a state's forces
        themselves, a government through its military."""
        match = self._resolve_actor(speaker, date, country) if speaker is not None else None
        if match is None or match.actor_id is None or match.actor_id.startswith("generic:") and match.inter != 1:
            return None
        if match.type == "government" and self.registry is not None:
            military = self.registry.resolve("military", date=date, country=match.country)
            match = military if military is not None else match
        return match, speaker

    def _sentence_actors(self, doc: Doc, sent: Span) -> list[ActorMention]:
        """The sentence's actor mentions; "the group" only once the document has named an armed group."""
        actors = _in_sentence_actors(doc, sent)
        if self._group is None or not enabled("actors.group_told"):
            actors = [a for a in actors if a.actor_id != TOLD_GROUP]
        return actors

    def _remember_group(self, doc: Doc, sent: Span) -> None:
        """The last armed group the sentence names, for a "the group" after it."""
        if self.registry is None:
            return
        for mention in reversed(_in_sentence_actors(doc, sent)):
            if mention.actor_id == TOLD_GROUP or mention.actor_id.startswith("generic:"):
                continue
            match = self._resolve_actor(mention, None, None)
            if match is not None and match.inter in NON_STATE_ARMED:
                self._group = mention
                return

    def _resolve_actor(self, mention: ActorMention, date: str | None, country: str | None) -> ActorMatch | None:
        if mention.actor_id == TOLD_GROUP:
            # "the group abducted about 100 girls": the armed group the document named last
            told = self._group if enabled("actors.group_told") else None
            return self._resolve_actor(told, date, country) if told is not None else None
        if mention.actor_id == UNKNOWN_ACTOR:
            # Not in the registry: keep the name as written, typed as an armed group (ACLED inter 3).
            name = mention.text[4:] if mention.text.lower().startswith("the ") else mention.text
            return ActorMatch(actor_id=None, name=name, inter=3, type="political_militia", country=country, surface=mention.text)
        if self.registry is None:
            return None
        # the event's country (its place, else the document's); never a fixed default
        match = self.registry.resolve(mention.text, date=date, country=country)
        if match is None or match.type not in _FORCE_TYPES or not enabled("actors.definite_force_told"):
            return match
        role = "police" if "police" in (match.actor_id or "") else "military"
        words = [w for w in mention.text.lower().split() if w not in DEFINITE_WORDS]
        bare = match.actor_id in _BARE_FORCES and len(words) == 1
        if bare and mention.definite:
            told = self._forces.get(role)
            # "French peacekeepers ... the troops were attacked": the force told before, not the event
            # country's own
            return told if told is not None and told.country != match.country else match
        if not bare:
            self._forces[role] = match  # a force the words name ("Ethiopian troops", "the Somali army")
        return match

    def _counts(self, event: Event, doc: Doc, sent: Span, trigger: Trigger, scope: frozenset[int] | None = None) -> None:
        offset = doc._.offset
        quantities = _in_sentence(doc._.quantities, sent)
        if scope is not None:  # a clause of its own: only its figures
            quantities = [q for q in quantities if _token_at(doc, q.start) in scope]
        killed = _distinct([q for q in quantities if q.kind == "killed"])
        killed, others = _alternatives(doc_text(doc), killed, offset=0) if len(killed) > 1 else (killed, [])
        if killed and others:
            # "19 were killed, while the police said five were killed": another source's figure for the
            # same dead is a bound, never added (the lowest is the best, as ACLED codes conflicting reports)
            values = [q.value for q in (*killed, *others)]
            event.fatalities = min(values)
            event.fatalities_low, event.fatalities_high = min(values), max(values)
            event.spans["fatalities"] = [killed[0].start + offset, others[-1].end + offset]
        elif killed:
            # Separate counts in one sentence add up ("shot dead four women ... and killed three men").
            event.fatalities = sum(q.value for q in killed)
            lows = [q.low for q in killed if q.low is not None]
            event.fatalities_low = sum(lows) if len(lows) == len(killed) else None
            event.fatalities_high = killed[0].high if len(killed) == 1 else None
            event.spans["fatalities"] = [killed[0].start + offset, killed[-1].end + offset]
            if any(q.vague for q in killed) and enabled("quantities.vague_is_a_bound"):
                # "several aides died", "dozens were killed": at least what the words allow, no exact figure
                event.fatalities = None
                event.fatalities_low = sum(q.low if q.vague and q.low is not None else q.value for q in killed)
        else:
            # No number given: count singular victims of any killing verb in the sentence.
            own = trigger.entry.event_type not in (*VIOLENT_TYPES, "Riots")  # a protest over "the killing of a nurse" tells the killing
            for token in [trigger.head, *(t for t in sent if scope is None or t.i in scope)]:
                victims = count_victims(token, nouns=own or token is trigger.head)
                if victims is not None:
                    event.fatalities = victims
                    event.spans["fatalities"] = [token.idx + offset, token.idx + len(token) + offset]
                    break
        self._perpetrators(event, sent, killed)
        for q in quantities:
            if q.kind == "injured" and (event.injured is None or q.value > event.injured):
                event.injured = q.value
                event.spans["injured"] = [q.start + offset, q.end + offset]
            elif q.kind == "arrested" and (event.arrested is None or q.value > event.arrested):
                event.arrested = q.value
            elif q.kind == "abducted" and "abducted" not in event.spans:
                # people taken: no death toll, but a count a total over a period may give ("so far this year")
                event.spans["abducted"] = [q.start + offset, q.end + offset]

    @staticmethod
    def _perpetrators(event: Event, sent: Span, killed: list) -> None:
        """Attackers who died by their own act, kept out of the fatalities (ACLED counts the victims)."""
        base = sent.start_char
        spans = [(q.start - base, q.end - base) for q in killed]
        attackers, included = perpetrators_killed(sent.text, spans)
        event.perpetrators_killed = attackers
        if included and event.fatalities is not None and killed and event.fatalities > included:
            event.fatalities -= included  # "13 people, including the bomber, were killed": 12 victims
            if event.fatalities_low is not None:
                event.fatalities_low = max(0, event.fatalities_low - included)

    def _running_totals(self, doc_id: str, doc: Doc, sent: Span, events: list[Event]) -> list[Event]:
        """ "..., bringing to 31 the number of people killed in the city this week": the running total the
        sentence's event adds to is a statement of its own, kept by the report as an aggregate (never the
        event's toll, never an incident)."""
        totals = [q for q in _in_sentence(doc._.quantities, sent) if q.kind == KILLED_TOTAL]
        target = next((e for e in reversed(events) if e.event_type in VIOLENT_TYPES), None)
        if not totals or target is None or not enabled("extract.running_totals"):
            return []
        offset = doc._.offset
        out = []
        for q in totals:
            spans = {k: list(v) for k, v in target.spans.items() if k not in ("fatalities", "evidence", "part", "parts")}
            spans["fatalities"] = spans["running_total"] = [q.start + offset, q.end + offset]
            out.append(replace(target, event_id=make_event_id(doc_id, q.start + offset, q.end + offset),
                               evidence_start=sent.start_char + offset, evidence_end=sent.end_char + offset,
                               evidence_text=sent.text, fatalities=q.value, fatalities_low=q.low, fatalities_high=q.high,
                               injured=None, arrested=None, spans=spans, incident_id=None))
        return out

    def _toll_statement(self, doc_id: str, doc: Doc, sent: Span, events: list[Event], *, any_count: bool = False) -> Event | None:
        """ "A hospital official put the death toll at nine", "Later the toll rose to 12": a sentence that
        only gives another toll for the last violent event told is a mention of that event with its own
        figure and who gave it, so the incident keeps every figure (low, best, high) instead of
        dropping it or counting a new event."""
        if not enabled("extract.toll_statements"):
            return None
        target = next((e for e in reversed(events) if e.event_type in VIOLENT_TYPES), None)
        if target is None or (target.fatalities is None and not any_count) or target.negated or target.hypothetical or target.future:
            return None
        offset = doc._.offset
        start, end = sent.start_char + offset, sent.end_char + offset
        if start - target.evidence_end > _TOLL_REACH:
            return None
        toll = next((q for q in _in_sentence(doc._.quantities, sent) if q.told_as_toll or (any_count and q.kind == KILLED)), None)
        if toll is None or toll.value == target.fatalities:
            return None
        spans = {k: list(v) for k, v in target.spans.items() if k not in ("fatalities", "reported_by", "evidence")}
        spans["fatalities"] = [toll.start + offset, toll.end + offset]
        spans["toll_of"] = [target.evidence_start, target.evidence_end]
        event = replace(target, event_id=make_event_id(doc_id, start, end), evidence_start=start, evidence_end=end,
                        evidence_text=sent.text, fatalities=toll.value, fatalities_low=toll.low, fatalities_high=toll.high,
                        reported_by=None, spans=spans, incident_id=None, confidence=round(target.confidence * 0.9, 3))
        if any_count:
            # "two were killed and five wounded": the sentence's own wounded go with its toll
            hurt = next((q for q in _in_sentence(doc._.quantities, sent) if q.kind == INJURED), None)
            if hurt is not None:
                event.injured = hurt.value
                event.spans["injured"] = [hurt.start + offset, hurt.end + offset]
        figure = next((t for t in sent if t.idx >= toll.start), sent.root)
        source = attribution(sent, figure)
        if source is not None:
            event.reported_by = source.text
            event.spans["reported_by"] = [source.start + offset, source.end + offset]
        elif figure.head.lemma_.lower() in _TOLL_GIVERS or figure.lemma_.lower() in _TOLL_GIVERS:
            # "A hospital official put the death toll at nine": who puts the toll gives it
            verb = figure if figure.lemma_.lower() in _TOLL_GIVERS else figure.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                first, last = subject.left_edge, subject.right_edge
                event.reported_by = doc_text(doc)[first.idx : last.idx + len(last)]
                event.spans["reported_by"] = [first.idx + offset, last.idx + len(last) + offset]
        return event

    def _fill_counts(self, doc: Doc, sent: Span, para: _Paragraph) -> None:
        """"The attacks also wounded 46 people": counts in a follow-up sentence complete the last event."""
        if not para.events:
            return
        target = para.events[-1]
        offset = doc._.offset
        for q in _in_sentence(doc._.quantities, sent):
            if q.kind == "injured" and target.injured is None:
                target.injured = q.value
                target.spans["injured"] = [q.start + offset, q.end + offset]
            elif q.kind == "killed" and target.fatalities is None:
                target.fatalities, target.fatalities_low, target.fatalities_high = q.value, q.low, q.high
                target.spans["fatalities"] = [q.start + offset, q.end + offset]

    def _fill_from_anaphor(self, doc: Doc, sent: Span, triggers: list[Trigger], para: _Paragraph, context: PlaceContext) -> None:
        """A later sentence about "the offensive" completes the event it refers back to."""
        told, elsewhere = para.events, False
        if not told and para.before is not None and enabled("anaphora.across_paragraphs"):
            # a paragraph opening on "The bombing ... was targeting a military vehicle": the story's last event,
            # whose side it names; its place was the paragraph's before, and stays
            told, elsewhere = [para.before], True
        for trigger in triggers:
            target = next((e for e in reversed(told) if e.sub_event_type == trigger.entry.sub_event_type), None)
            # "The blast went off in ...": a violent noun refers back to the paragraph's last event.
            if target is None and told and trigger.entry.event_type in VIOLENT_TYPES and told[-1].event_type in VIOLENT_TYPES:
                target = told[-1]
            if target is None:
                continue
            offset = doc._.offset
            if _coarse_place(target) and not elsewhere:
                mentions = self._regions_coarse(_in_sentence_places(doc._.places, sent))
                mention = pick_place(trigger, mentions)
                if mention is not None and not mention.known:
                    mention = pick_place(trigger, [m for m in mentions if m.known])  # as in _place
                if mention is not None and self.places is not None:
                    # "The blast in Baybukh, a village north of the city of Mosul": the bearing too
                    relation = relation_before(doc, mention, sent.start_char)
                    resolved = self.places.resolve(mention.name, hint=mention.kind_hint, context=context, relation=relation)
                    if resolved is not None and _refines(target, resolved):
                        resolved.reason = f"'{mention.text}' in a later sentence about the same {trigger.head.text}; {resolved.reason}"
                        self._far_point_province(resolved)
                        _set_place(target, resolved)
                        target.spans["place"] = [mention.start + offset, mention.end + offset]
            if target.actor2 is None:
                used = {target.actor1_id}
                tellers = _tellers(sent) if enabled("anaphora.teller_is_no_target") else set()
                for mention in self._sentence_actors(doc, sent):
                    if mention.token_start in tellers:
                        continue  # "the government accused the LNA of the shelling": who tells it is no target
                    match = self._resolve_actor(mention, target.date_start, target.country)
                    if match is not None and match.actor_id not in used and match.inter != 7:
                        target.actor2, target.actor2_id, target.inter2 = match.name, match.actor_id, match.inter
                        target.spans["actor2"] = [mention.start + offset, mention.end + offset]
                        break
            return

    def _advance_narrative(self, doc: Doc, sent: Span, para: _Paragraph) -> None:
        # a date in a clause about someone or something else ("the script Maliki set with his March
        # campaign") neither dates this sentence's event nor the sentences after it
        # nor does one in an unreal clause ("this would be like ... back in the 1960s"), nor a span longer
        # than a year: a decade tells an era, and later sentences' events are not dated by it
        if mention_flags(sent.root, sent).hypothetical:
            return
        calendar = [t for t in _in_sentence(doc._.timexes, sent)
                    if t.is_calendar and t.mod != "START" and not in_other_clause(t, sent.root)
                    and not in_name(t, doc)]
        if calendar and not any(map(_at_most_a_year, calendar)):
            para.timex = None  # the text moved to an era ("the last two years"): the earlier day no longer holds
        elif calendar:
            para.timex = [t for t in calendar if _at_most_a_year(t)][-1]
            para.timex_offset = doc._.offset


# The types of a state's forces, and the generic ones a bare noun names
_FORCE_TYPES = frozenset({"state_forces", "external_forces"})
_BARE_FORCES = frozenset({"generic:military", "generic:police"})


# the words of a killing that is only a toll ("nine or ten people killed", "were killed")
_TOLL_TRIGGERS = frozenset({"killed", "died", "dead", "killing"})
# "seven more soldiers", "another five" (before the killing word), "two of their citizens": newcomers or a share,
# not the toll told
_NEWCOMERS = re.compile(r"\b(?:more|another|other|others|additional|also|separately|elsewhere)\b", re.I)
_SHARE = re.compile(r"\b\w+\s+of\s+(?:their|its|his|her|them|the)\b", re.I)


def _bare_toll(event: Event, sent: Span, offset: int) -> bool:
    """The mention only gives a toll: its trigger is a killing word (no weapon or act of violence), with no
    attacker named, no place and no day of its own sentence, and no words that make its dead newcomers or a
    share."""
    start, end = sent.start_char + offset, sent.end_char + offset

    def own(key: str) -> bool:
        span = event.spans.get(key)
        return bool(span) and start <= span[0] < end

    return (event.event_type in VIOLENT_TYPES and (event.trigger or "").lower() in _TOLL_TRIGGERS
            and event.fatalities is not None and not own("actor1") and not own("place") and not own("date")
            and not event.negated and not event.hypothetical and not _SHARE.search(sent.text)
            and not _NEWCOMERS.search(_up_to_trigger(event, sent, offset)))


def _up_to_trigger(event: Event, sent: Span, offset: int) -> str:
    """The sentence's words up to the end of the event's trigger ("seven more soldiers were killed"; not
    the wounded "others" told after it)."""
    span = event.spans.get("trigger")
    if not span:
        return sent.text
    return sent.text[: max(0, span[1] - (sent.start_char + offset))]


def _peoples_word(doc: Doc, mention: PlaceMention) -> tuple[Token | None, str | None]:
    """The people's word a mention starts with ("Indian Kashmir", "the Nigerian Delta"), read apart from its
    name, and the country it names; (None, None) when there is none."""
    first = doc[mention.token_start]
    if first.lower_ == "the" and mention.token_end - mention.token_start > 2:
        first = doc[mention.token_start + 1]  # "the Nigerian Delta"
    if mention.token_end - first.i < 2 or first.text == mention.name.split()[0]:
        return None, None
    people = demonym_places().get(first.text.casefold())
    if people is None or people.name is not None or not people.country_code:
        return None, None
    return first, people.country_code


def _inside_clause(t: Timex, clause: Token) -> bool:
    """Whether the expression lies inside the clause's words (offsets within the clause's Doc)."""
    words = list(clause.subtree)
    return words[0].idx <= t.start and t.end <= words[-1].idx + len(words[-1])


_TOWN_PART_KM = 50.0  # a town's district lies this close to it
_CITY = 100_000  # a town this big has districts of its own
# how far after the event's sentence (characters) a sentence giving another toll may still be about it
_TOLL_REACH = 1500
_TOLL_GIVERS = frozenset({"put", "place", "give", "estimate", "raise", "revise"})
# Nouns that only refer back to an event told before ("The incident occurred in Samarra").
_REFERRING = {"incident", "incidents", "deaths", "killings"}
# "This took place in the Dekoa area", "It happened in Samarra": a pronoun that happens somewhere is the event
_HAPPENING = {"occur", "happen"}
_BACK_PRONOUNS = {"this", "it", "that"}


def _referring(sent: Span, para: _Paragraph) -> list[Trigger]:
    """A referring noun in a sentence without a trigger ("The deaths came in Horlivka"), or a pronoun that
    took place somewhere, as a stand-in trigger of the paragraph's last event."""
    if not para.events or para.events[-1].event_type not in VIOLENT_TYPES:
        return []
    last = para.events[-1]
    entry = TriggerEntry(last.event_type, last.sub_event_type or "", None, None, 0)
    for t in sent:
        if t.lower_ in _REFERRING and t.pos_ == "NOUN":
            return [Trigger(t.i, t.i + 1, entry, t, False)]
        if t.pos_ == "VERB" and (t.lemma_ in _HAPPENING or t.lemma_ == "take" and any(
                c.dep_ == "dobj" and c.lower_ == "place" for c in t.children)) and any(
                c.dep_ == "nsubj" and c.lower_ in _BACK_PRONOUNS for c in t.children):
            return [Trigger(t.i, t.i + 1, entry, t, True)]
    return []


# counting words before "of" the people counted ("thousands of Palestinians")
_MANY = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "crowds", "millions", "many", "some"})


def _at_most_a_year(t: Timex) -> bool:
    """Whether an expression spans a year or less (a day, a month, "2005"), so it can date the narrative."""
    try:
        return date.fromisoformat(t.date_end or t.date_start) - date.fromisoformat(t.date_start) <= timedelta(days=366)
    except (TypeError, ValueError):
        return False


def _coarse_place(event: Event) -> bool:
    """No place, or one a later sentence may sharpen: a country, a province, a point off a town."""
    return event.location is None or (event.geo_precision or 3) >= 2


def _city(mention: PlaceMention, resolved: ResolvedPlace) -> bool:
    """A city called by its own name ("Sar" is no Sarh), big enough to have districts of its own."""
    place = resolved.place
    return (not mention.coarse and place.feature_class == "P" and place.population >= _CITY
            and normalise_name(place.name) == normalise_name(mention.name))


def _town_part(mention: PlaceMention, town_mention: PlaceMention, resolved: ResolvedPlace | None,
               town: ResolvedPlace) -> tuple[ResolvedPlace | None, PlaceMention]:
    """ "the Kuybyshevskyy district of Donetsk": the district's reading when it lies by the town (within
    50 km) or in its province, else the town itself (not a Kuybyshevsky of Russia)."""
    if resolved is not None and (distance_km(resolved.place.latitude, resolved.place.longitude,
                                             town.place.latitude, town.place.longitude) <= _TOWN_PART_KM
                                 or lies_in(resolved.place, town.place)):
        return resolved, mention  # "Sanga LGA of Kaduna": in the province of that name
    lost = "none known" if resolved is None else f"{resolved.place.name}, {resolved.place.country}, lies far from it"
    town.reason = f"'{town_mention.text}' in sentence, whose part '{mention.text}' is: {lost}; {town.reason}"
    return town, town_mention


def _refines(event: Event, resolved: ResolvedPlace) -> bool:
    """Whether a place from a later sentence is a sharper version of the event's place."""
    if event.location is None:
        return True
    place = resolved.place
    # (geo_precision, where_prec): a province sharpens a country though ACLED gives both precision 3
    if (resolved.geo_precision, resolved.where_prec) >= (event.geo_precision or 3, event.where_prec or 7) or place.country != event.country:
        return False
    if event.admin1 and place.admin1 == event.admin1 or (event.geo_precision or 3) == 3 and not event.admin1:
        return True
    if None in (event.latitude, event.longitude, place.latitude, place.longitude):
        return False
    return distance_km(event.latitude, event.longitude, place.latitude, place.longitude) <= 150


def _set_place(event: Event, resolved: ResolvedPlace) -> None:
    p = resolved.place
    event.location, event.latitude, event.longitude = p.name, p.latitude, p.longitude
    event.country, event.admin1, event.admin2 = p.country, p.admin1, p.admin2
    event.geonameid = p.geonameid
    if p.is_admin1:
        event.admin1 = event.admin1 or p.name
    event.geo_precision, event.where_prec, event.place_reason = resolved.geo_precision, resolved.where_prec, resolved.reason


# Words between two counts of one sentence that make the second another source's figure for the same
# dead: "19 persons were killed by the gunmen while the police said five were killed", "five civilians
# [residents report ten] were killed", "killed 11, though the ministry put the toll at 15".
_ALTERNATIVE = re.compile(
    r"(?:\b(?:while|whereas|but|although|though|however)\b[^.;]{0,80}?\b(?:said|says|say|put|puts|putting|placed|places|"
    r"raised|revised|updated|reported|reports|report|estimated|estimates|gave|gives|claimed|claims|counted|told)\b|[\[(][^\])]{0,40}?\b(?:said|says|say|"
    r"reported|reports|report|put|other reports?|according to)\b|\b(?:or|other reports? (?:say|said|put))\b)[^.;]{0,60}$",
    re.I)


_MORE = re.compile(r"\b(?:also|more|other|others|another|further|additional|separate|second)\b", re.I)


# The sides of a clash: "killed 11 militants, while the army said four soldiers were killed" gives two
# groups' dead, not two figures for the same dead.
_SIDES = (frozenset({"militants", "insurgents", "fighters", "attackers", "rebels", "gunmen", "terrorists", "jihadists"}),
          frozenset({"soldiers", "troops", "policemen", "police", "officers", "guards", "servicemen"}),
          frozenset({"civilians", "children", "women", "villagers", "residents"}))
_WORD_RE = re.compile(r"[a-z]+")


def _other_side(first: str, second: str) -> bool:
    """The two counts name different sides' dead."""
    def side(text: str) -> int | None:
        words = set(_WORD_RE.findall(text.lower()))
        return next((i for i, group in enumerate(_SIDES) if words & group), None)

    a, b = side(first), side(second)
    return a is not None and b is not None and a != b


def _alternatives(text: str, killed: list, *, offset: int = 0) -> tuple[list, list]:
    """(counts that add up, later counts told as another source's figure for the same dead)."""
    if len(killed) < 2 or not enabled("extract.alternative_tolls"):
        return killed, []
    main, others = [killed[0]], []
    for previous, q in zip(killed, killed[1:]):
        # the words from the first count's end through the second ("..., though the ministry put the toll at 15")
        between = text[previous.end - offset : q.end - offset]
        alternative = (_ALTERNATIVE.search(between) and not _MORE.search(between)
                       and not _other_side(text[previous.start - offset : previous.end - offset], q.text))
        (others if alternative else main).append(q)
    return (main, others) if others and len(main) == 1 else (killed, [])


def _distinct(counts: list) -> list:
    """One sentence that says the same count twice ("killed seven fishermen ... 'They killed seven
    fishermen,' a fisherman said") tells one toll."""
    seen: set[tuple[int, str]] = set()
    out = []
    for q in counts:
        key = (q.value, " ".join(q.text.lower().split()))
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def _paragraph_index(doc: Doc, sent: Span) -> int:
    return paragraph_index(doc, sent.start_char)


# How far from a province's point a town the gazetteer puts in another province of the same country may
# lie and still be the one the text places in it (a neighbour across the line, not a namesake far off).
NEAR_REGION_KM = 300.0


def _near_region(place: Place, region: Place) -> bool:
    if region.is_country or not enabled("extract.namesake_far_from_region"):
        return True
    if None in (place.latitude, place.longitude, region.latitude, region.longitude):
        return True
    return distance_km(place.latitude, place.longitude, region.latitude, region.longitude) <= NEAR_REGION_KM


# a dateline: "KABUL, Afghanistan (Reuters) -", "BAGHDAD (AP) —", "BEIRUT:" opening the text
_DATELINE_END = {"—", "–", "-", "--", ":", "("}
_DATELINE_TOKENS = 14  # "MAIDUGURI, Nigeria, Feb 16, 2014 (AFP) -"
# how far into the document its body may begin (after a headline and a byline) for its first
# paragraph's upper-case place to be a dateline
_DATELINE_WITHIN = 1000


def _own_figures(event: Event, own: list, offset: int) -> None:
    """Give a part of a sentence told in parallel only the dead counted in its own branch."""
    event.fatalities = sum(q.value for q in own) if own else None
    event.fatalities_low = own[0].low if len(own) == 1 else None
    event.fatalities_high = own[0].high if len(own) == 1 else None
    event.spans.pop("fatalities", None)
    if own:
        event.spans["fatalities"] = [own[0].start + offset, own[-1].end + offset]


def _dateline_end(doc: Doc, mentions: list[PlaceMention]) -> int:
    """Token index where the text's dateline ends (0: none): an upper-case place opening the text (or its
    body, after a headline), up to the dash, colon or bracket that closes it."""
    if doc._.offset > _DATELINE_WITHIN or not any(m.token_start == 0 and m.text.isupper() and len(m.text) >= 3 for m in mentions):
        return 0
    return next((t.i for t in doc[1:_DATELINE_TOKENS] if t.text in _DATELINE_END), 0)


def _without_dateline(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The dateline says where the reporter filed from, not where the event was: it places the event only
    when the sentence names no other place ("KABUL (Reuters) - Insurgents attacked a checkpoint in Kandahar")."""
    end = _dateline_end(doc, mentions) if enabled("extract.dateline_last") else 0
    others = [m for m in mentions if m.token_start >= end]
    return others if end and others else mentions


def _in_sentence(items: list | None, sent: Span) -> list:
    return _within(items, sent.doc, sent.start_char, sent.end_char, key=_char_start)


# verbs whose subject tells of an act, blames or condemns it: a party to the telling, not to the act
_TELLING = frozenset({"accuse", "blame", "attribute", "condemn", "denounce", "deny", "claim"})


def _tellers(sent: Span) -> set[int]:
    """Tokens of the subjects of the sentence's verbs of saying, blaming and condemning, and of whom they
    accuse ("accused the LNA of the shelling": the doer, not the target)."""
    out: set[int] = set()
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in _TELLING | SPEECH_LEMMAS:
            continue
        parties = [c for c in verb.children if c.dep_ == "nsubj" or (lemma in ACCUSING_VERBS and c.dep_ == "dobj")]
        out |= {t.i for c in parties for t in c.subtree}
    return out


def _in_sentence_actors(doc: Doc, sent: Span) -> list[ActorMention]:
    """The sentence's actor mentions, without those inside a longer place name ("Sadr" of "Sadr City":
    the town named after him, not the man)."""
    actors = _within(doc._.actors, sent.doc, sent.start, sent.end, key=_token_start)
    if enabled("actors.generic_qualifier"):
        # "government police", "army troops": a generic word qualifying another actor's noun is no side of its own
        heads = {t for a in actors for t in range(a.token_start, a.token_end)}
        actors = [a for a in actors if not (a.actor_id.startswith("generic:") and _qualifies(doc, a, heads))]
    if enabled("actors.wing_of_named"):
        # "Hamas military chief", "the Taliban's military commander": a generic word beside a named actor,
        # both qualifying one noun, tells which wing of that actor, not another side
        named = {t for a in actors if not a.actor_id.startswith("generic:") for t in range(a.token_start, a.token_end)}
        actors = [a for a in actors if not (a.actor_id.startswith("generic:") and _beside_named(doc, a, named))]
    if not enabled("actors.not_in_place_names"):
        return actors
    places = [(p.token_start, p.token_end) for p in _in_sentence_places(doc._.places, sent) if p.known]
    return [a for a in actors if not any(s <= a.token_start and a.token_end <= e and e - s > a.token_end - a.token_start
                                         for s, e in places)]


def _origin_word(doc: Doc, head: Token) -> Span | None:
    """The place name that says where an actor or act came from: one qualifying its noun ("Gaza militants")
    or the object of "from" after it ("militants from Gaza", "fired from Gaza")."""
    for child in head.children:
        if child.dep_ in ("compound", "nmod") and child.i < head.i and child.ent_type_ == "GPE":
            return next((e for e in doc.ents if e.start <= child.i < e.end), None)
        if child.dep_ == "prep" and child.lower_ == "from":
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"), None)
            if obj is not None:
                return next((e for e in doc.ents if e.start <= obj.i < e.end), None)
    return None


def _beside_named(doc: Doc, actor: ActorMention, named: set[int]) -> bool:
    """The one-word mention qualifies a noun after it that a named actor's word qualifies too."""
    if actor.token_end - actor.token_start != 1:
        return False
    word = doc[actor.token_start]
    noun = word.head
    if word.dep_ not in ("amod", "compound") or noun.i <= word.i or noun.pos_ != "NOUN":
        return False
    return any(c.dep_ in ("nmod", "poss", "compound") and c.i in named for c in noun.children)


def _qualifies(doc: Doc, actor: ActorMention, tokens: set[int]) -> bool:
    """Every word of the mention modifies a word of another actor mention."""
    words = doc[actor.token_start : actor.token_end]
    return all(t.dep_ in ("compound", "amod") and t.head.i in tokens and not actor.token_start <= t.head.i < actor.token_end
               for t in words)


def _in_sentence_places(items: list[PlaceMention] | None, sent: Span) -> list[PlaceMention]:
    return _within(items, sent.doc, sent.start, sent.end, key=_token_start)


def _act_of_outcome(trigger: Trigger, group: list[Trigger]) -> Trigger | None:
    """The trigger whose act ``trigger`` tells the outcome of in a participle hung from its verb
    ("protesters clashed with police, killing a soldier": the clash is the event, the killing its toll)."""
    if not enabled("extract.outcome_is_no_act") or trigger.head.tag_ != "VBG" or trigger.head.dep_ not in ("advcl", "pcomp"):
        return None
    # the parser may hang it from the verb's preposition ("clashed with police killing a soldier")
    above = {trigger.head.head.i, trigger.head.head.head.i} - {trigger.head.i}
    return next((t for t in group if t.head.i in above and t is not trigger), None)


def _token_at(doc: Doc, char: int) -> int:
    """The index of the token that holds the character offset ``char`` of the doc."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _char_start(item: Any) -> int:
    return item.start


def _token_start(item: Any) -> int:
    return item.token_start


def _within(items: list | None, doc: Doc, lo: int, hi: int, *, key: Callable[[Any], int]) -> list:
    """The items whose key lies in [lo, hi), in their own order. A doc-wide list is indexed by key
    once (on the Doc), so asking for each sentence's items costs their number, not the list's:
    scanning the whole list per sentence made a long paragraph quadratic."""
    if not items:
        return []
    cache = doc.user_data.setdefault("dateline.within", {})
    entry = cache.get((id(items), key))
    if entry is None or entry[0] is not items or len(entry[1]) != len(items):
        order = sorted(range(len(items)), key=lambda i: key(items[i]))
        entry = cache[(id(items), key)] = (items, [key(items[i]) for i in order], order)
    _, keys, order = entry
    return [items[i] for i in sorted(order[bisect_left(keys, lo) : bisect_left(keys, hi)])]


_DEFINITE = {"the", "this", "that", "these", "those", "its", "their"}
# verbs of fleeing: what people fled is the cause of their flight, not an event the sentence tells
_FLED_FROM = frozenset({"flee", "escape"})


def _starts_event(trigger: Trigger, timexes: list[Timex], *, first: bool = False) -> bool:
    """Whether a trigger starts a new event rather than refer back to one.

    A nominal trigger ("operation") or a definite noun ("the fighting") names an event
    already mentioned unless the sentence gives it a date of its own. With no event yet in
    the document (``first``) a definite noun has nothing to refer back to: news writes
    "Seven people died in the explosion" as the first line about a blast.
    """
    head = trigger.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "xcomp", "pobj") and enabled("starts.what_people_fled"):
        verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "from" else head.head
        if verb.lemma_.lower() in _FLED_FROM:
            return False  # "600,000 people have fled fighting in the capital": the cause of flight, told as such
    # "the battles and demonstrations": the first noun's determiner makes the whole list definite
    phrase = head.head if head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN") else head
    definite = head.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE
                                                      for c in (*head.children, *phrase.children))
    if not trigger.entry.nominal and (first or not definite or not enabled("starts.definite_refers_back")):
        return True
    # "Operation X follows the script Maliki set with his March campaign": March dates the
    # campaign, not the operation, so it gives the operation no date of its own
    # "the attack was one of the deadliest in the past six months": a stretch counted back from now is the
    # yardstick of a comparison, not the day of an event of its own
    return any(t.is_calendar and t.mod != "START" and not in_other_clause(t, head)
               and not (t.type == "DURATION" and enabled("starts.window_is_no_date")) for t in timexes)


def _confidence(event: Event, trigger: Trigger) -> float:
    score = 0.4 + (0.15 if trigger.is_verb else 0.0)
    score += 0.1 if event.actor1 else 0.0
    score += 0.1 if "place" in event.spans else 0.0
    score += 0.1 if "date" in event.spans and (event.date_reason or "").startswith("sentence") else 0.0
    score += 0.05 if event.fatalities is not None else 0.0
    if event.negated or event.hypothetical:
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)
