"""The place tagger (spaCy component ``dateline_places``): place mentions, most of them names the gazetteer knows.

Named entities the model labels as places, and the names it mislabels or misses that context
shows are places: "the town of X", "X province", an apposition ("X, 50 km west of Baghdad"), the
leading name of a public body ("Athens Police Department"), a dateline ("MANSFIELD —"), a
legislator's home town ("R-Elbow Lake"), later mentions of a name already tagged. Organisations
the gazetteer happens to know ("U.N." is also Norman, Oklahoma) are not places. A name the
gazetteer lacks is a mention (``known=False``) only where the words around it place it ("in
Jazaa", "the village of Tamthil", "the Thantho district", "Anbakiya, a village north of Baquba"):
the event's place may be it, and the extractor then takes the sentence's other places instead.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Callable

import numpy
import yaml
from spacy.attrs import IS_LOWER, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..config import package_data
from ..models import UNKNOWN_ACTOR
from ..resolve.demonyms import demonym_places
from ..resolve.names import core_name, normalise_name
from ..resolve.place_words import hints, words
from ..rules import enabled
from .affiliation import affiliation
from .country_words import district_phrases
from .place_kinds import named_after_possessive, named_before_kind
from .place_lookup import best_place_kind, capital_test, coarse_test, first_place_lookup


@dataclass(slots=True)
class PlaceMention:
    """A span that names a place; ``kind_hint`` is "province" for "X province" and similar."""

    start: int
    end: int
    text: str
    name: str  # the name to look up, without "province", "city"
    token_start: int
    token_end: int
    kind_hint: str | None = None
    coarse: bool = False  # names a country or province (the gazetteer's best guess), not a town
    # the gazetteer has no place of that name: the text still says a place is there ("the village of
    # Tamthil"), so the event's place may be it; the resolver finds nothing and its neighbours stand in
    known: bool = True



# kind words by the rule that uses them (data/place_words.yaml, one row per word)
_ADMIN_WORDS = words("admin_suffix")  # "Adamawa State"
_PROVINCE_WORDS = words("province")
_CITY_WORDS = words("city")
# a district's kind written after its name: Nigeria's local government areas, Kenya's sub-counties
# (data/countries/<code>.yaml)
_DISTRICT_PHRASES = district_phrases()
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# labels the model gives a name it reads as a place: kept though the gazetteer lacks the name ("in Jazaa",
# "the Kollupitiya police station"); FAC is left out (buildings, roads, "Tiger Forces"-like misreadings)
_UNKNOWN_LABELS = {"GPE", "LOC"}
_MAYBE_PLACE_LABELS = {"ORG", "NORP", "PERSON"}
# nouns an armed group's name qualifies ("a Taliban bomb"); a place's name qualifies others ("the Hilla hospital")
_GROUP_DEED_NOUNS = {"bomb", "bombing", "bomber", "attack", "assault", "ambush", "raid", "fighter", "militant",
                     "gunman", "insurgent", "commander", "leader", "spokesman", "member", "cell", "offensive"}
_ORG_LIKE_LABELS = {"ORG", "FAC", "GPE", "LOC", "PERSON"}  # labels of names that may hold a place's name
_PLACE_PREPOSITIONS = {"in", "of", "near", "at", "outside", "around"}
_DIRECTION_ADJECTIVES = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                         "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
                         "south-western"}
# "the town of Hit": nouns whose "of" introduces a place name (the hint they give, when they give one)
_NAMED_BY_OF = words("named_by_of")
# prepositions before a name the gazetteer lacks that make the model's GPE/LOC a place ("in Jazaa"; not "of", "at":
# "a coalition of United Way agencies", "at United Way")
_UNKNOWN_PREPOSITIONS = {"in", "near", "outside", "around", "inside", "across", "throughout"}
# words of a body's or a street's name: such a name the gazetteer lacks is no place of its own
_NOT_UNKNOWN_WORDS = words("not_unknown")
# ... of them, those naming a part of the place after "of" ("the Dora district of Baghdad")
_PART_WORDS = words("part")
# kind words after a name the gazetteer lacks that make it a place ("the Thantho district", "Diwan villages")
_KIND_WORDS = words("unknown_kind")
_CUE_WORDS = words("cue")
# ... those that say the name is a settlement's even when the gazetteer lacks it ("the village of Tamthil";
# not "the area of Operations", "the province of X": a province the gazetteer lacks is no province)
_SETTLEMENT_NOUNS = words("settlement")
_HINT_NOUNS = hints("hint_noun")
# "UN", "U.N.", "NATO": an organisation's acronym is a place only when it is a country's or province's
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
# ", 50 km west of Baghdad", ", a village near Mosul": words of an apposition that places a name
_BEARING_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                  "north-east", "north-west", "south-east", "south-west", "outside"}
_APPOSITION_NOUNS = words("apposition")
_NAME_LINKS = {"al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "abu", "bin", "ibn", "-", "'"}
# "Henry County Sheriff's Office", "Athens Police Department": words of a public body after which an
# organisation's leading name is the place it serves (one named after a person or a thing, "Ford Motor",
# "Foley Middle School", has none of them next to its name)
_PUBLIC_BODY_WORDS = {
    "police", "fire", "sheriff", "sheriffs", "department", "dept", "city", "public", "board", "council", "court",
    "circuit", "superior", "commission", "commissioners", "commissioner", "health", "hospital", "library", "water",
    "parks", "housing", "transit", "airport", "jail", "courthouse", "municipal", "township", "metro", "emergency",
    "clerk", "coroner", "prosecutor", "fairgrounds", "rescue", "county", "parish", "area", "chamber", "regional",
}
# ... and words after which only a country's or province's name is taken ("Texas Department of Health",
# "Russian Foreign Ministry", "U.S. House"; not "Michigan State University"'s town or "Los Angeles Times")
_STATE_BODY_WORDS = _PUBLIC_BODY_WORDS | {
    "government", "legislature", "house", "senate", "assembly", "office", "bureau", "agency", "ministry", "foreign",
    "interior", "defense", "defence", "army", "navy", "national", "state", "university", "general", "supreme",
    "census", "highway", "electric", "power",
}
_PARTIES = {"R", "D", "I", "DFL"}  # "Sen. Ray Miller, D-Columbus,"
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "president", "minister", "judge", "officer", "sgt",
           "lt", "capt", "gen", "col", "det", "rev", "father", "sister", "brother", "coach", "prof", "st", "saint"}
# "an Alexandria woman", "Roswell police", "Madison counties": nouns a town's name qualifies
_RESIDENT_NOUNS = {"man", "woman", "men", "women", "resident", "residents", "native", "natives", "police", "area",
                   "couple", "family", "families", "parents", "boy", "girl", "teen", "teens", "home", "homes",
                   "officials", "schools", "county", "counties", "community", "communities"}
_OF_PLACE_BODIES = words("of_place_body")
_SPEECH_VERBS = {"said", "says", "told", "added", "wrote", "asked", "explained"}
_NEWS_WORDS = {"times", "post", "herald", "journal", "tribune", "gazette", "daily", "register", "news", "press"}
_COUNTY_WORDS = words("county")
# nouns whose "of"/"on" names the scene: "the shelling of Donetsk", "an attack on Mariupol", "the outskirts of Aleppo"
_SCENE_NOUNS = words("scene_of")
# labels the model gives a city's name it misreads ("the siege on Manbij": PRODUCT); "" is no label
_MISREAD_LABELS = {"", "PRODUCT", "WORK_OF_ART"}
_REGION_WORDS = words("region")
_STREET_WORDS = words("street")
_DASHES = {"—", "–", "-", "--", "---", ":", "(", ","}
_DATELINE_WINDOW = 80  # tokens from a Doc's start where a dateline ("MANSFIELD —") may stand


class PlaceTagger:
    """Finds place mentions: NER places, and other entities when the gazetteer knows them or context places them."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.is_known: Callable[[str], bool] = lambda name: False
        self.is_coarse: Callable[[str], bool] = lambda name: False
        self.capital_of: Callable[[str], str | None] | None = None
        self.first_place: Callable[[str], Any] | None = None
        self.best_place: Callable[[str], tuple[str, int] | None] | None = None
        self.gazetteer: Any = None
        self._cues = {nlp.vocab.strings.add(word) for word in _CUE_WORDS}
        self._dash = nlp.vocab.strings.add("-")
        self._locatives = [nlp.vocab.strings.add(w) for w in ("in", "at", "near", "outside", "of", "on")]

    def configure(self, is_known: Callable[[str], bool], *, is_coarse: Callable[[str], bool] | None = None) -> None:
        """Set the gazetteer test; ``is_coarse`` (default: from the gazetteer that ``is_known`` belongs
        to) says whether a name's best place is a country or province."""
        self.is_known = is_known
        gazetteer = getattr(is_known, "__self__", None)
        first = first_place_lookup(gazetteer) if gazetteer is not None and hasattr(gazetteer, "lookup") else None
        if is_coarse is None and first is not None:
            is_coarse = coarse_test(first)
        if is_coarse is not None:
            self.is_coarse = is_coarse
        if first is not None:
            self.first_place = first
            self.capital_of = capital_test(first, gazetteer)
            self.best_place = best_place_kind(first)
            self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        # an organisation's name is no place, except a province's the registry does not know ("Adamawa State")
        actor_tokens = {i for a in doc._.actors or []
                        if a.actor_id != UNKNOWN_ACTOR or a.token_end - a.token_start < 2
                        or doc[a.token_end - 1].lower_ not in _ADMIN_WORDS
                        for i in range(a.token_start, a.token_end)}
        found: list[PlaceMention] = []
        # any capital in the text: read token by token, as Doc.text would join them all first
        cased = any(ch.isupper() for token in doc for ch in token.text)
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS and ent.label_ not in _MAYBE_PLACE_LABELS:
                continue
            span, hint = _strip_place_words(doc, ent)
            if span is None:
                continue
            if (len(span) >= 2 and span[0].text.casefold() in demonym_places() and not self.is_known(span.text)
                    and self.is_known(span[1:].text) and enabled("places.peoples_part")):
                span = span[1:]  # "in Indian Kashmir": Kashmir, its people's word read by the place's resolution
            name = span.text
            if hint and ent.end < len(doc) and doc[ent.end].lower_ == "of" and self._is_country(name):
                hint = None  # "the Iraq province of Anbar": the word is Anbar's kind (but "the Dora district of Baghdad")
            if cased and name.islower():
                continue  # "targets senior Iraq intel officer": in cased text a place name has a capital
            if hint is None and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and (
                    doc[ent.start - 2].lower_ in _PROVINCE_WORDS):
                hint = "province"  # "in the province of Damascus": the province, not the city
            if hint in _CITY_WORDS and span.end < ent.end and self.is_known(doc[span.start : ent.end].text):
                # "Sadr City", "Kuwait City": the word belongs to the name
                name, hint = doc[span.start : ent.end].text, None
            city_named = (hint is None and ent.end < len(doc) and doc[ent.end].lower_ == "city"
                          and self.is_known(f"{name} City"))
            if city_named:
                name = f"{name} City"  # "the Shiite-dominated Sadr city" (the model tags "Sadr" a person)
            if (hint is None and ent.end < len(doc) and doc[ent.end].lower_ in _PROVINCE_WORDS | {"district"}
                    and doc[ent.end - 1].pos_ == "PROPN" and not (_of_follows(doc, ent.end) and self._is_country(name))):
                # "Bayji district" tagged NORP: a proper name before "district"/"province" is a place
                # (not "Iraqi town", "Sunni district": adjectives)
                hint = "province" if doc[ent.end].lower_ in _PROVINCE_WORDS else "district"
            if ent.label_ in _MAYBE_PLACE_LABELS:
                # An organisation or person the actor registry knows is not a place ("Sadrist").
                if not city_named and any(i in actor_tokens for i in range(span.start, span.end)):
                    continue  # (but "Sadr city" is the town named after one)
                # A nationality or a person is not a place, but the small model tags some towns
                # NORP or PERSON ("the Iraqi city of Samarra", "bombings in Hilla"): keep those
                # after a locative preposition when the gazetteer knows them as a town.
                after_preposition = ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS
                if (ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound") and ent.root.head.i >= ent.end
                        and ent.root.head.lower_ not in _PROVINCE_WORDS | _CITY_WORDS):
                    after_preposition = False  # "in Shia areas", "in Sunni villages": a group's word, not a town
                # "Amiriyat al-Fallujah, 50 km west of Baghdad", "Anbakiya, a village north of Baquba",
                # "the regional capital, Grozny": an apposition that places the name says it is a place
                # as well as a preposition does
                apposition = _appositive_place(doc, ent)
                placed = after_preposition or apposition
                if ent.label_ in ("NORP", "PERSON") and hint is None and not city_named and not (
                        placed and self.is_known(name) and not self.is_coarse(name)) and (
                        self.is_known(name) or not (apposition or _kind_after(doc, ent.end, _KIND_WORDS))):
                    continue  # (a name the gazetteer lacks that its kind word places: _unknown_place judges it)
            known = self.is_known(name) or (ent.label_ in PLACE_LABELS and self._core_known(name))
            if not known and not self._unknown_place(doc, ent, span, actor_tokens):
                continue
            if ent.label_ == "ORG" and self._organisation(doc, ent, name):
                continue
            start, end = ent.start, ent.end
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and nxt.lower_ in _PROVINCE_WORDS | _CITY_WORDS and not (
                    _of_follows(doc, end) and self._is_country(name)):
                hint = "province" if nxt.lower_ in _PROVINCE_WORDS else nxt.lower_
                end += 1
            elif hint is None and (words := _district_words(doc, end)):
                hint, end = "district", end + words  # "Damboa LGA"
            full = doc[start:end]
            coarse = known and (hint == "province" or (hint is None and self.is_coarse(name)))
            found.append(PlaceMention(full.start_char, full.end_char, full.text, name, start, end, hint, coarse, known))
        found.extend(self._patterned(doc, found))
        found.extend(self._recovered(doc, found))
        found.sort(key=lambda m: m.token_start)
        doc._.places = found
        return doc

    def _patterned(self, doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
        """Places the NER misses or mislabels, found by the words around them.

        "the town of Hit", "the village of Sabaa al-Bour": a capitalised name after a place
        noun and "of" is a place when the gazetteer knows it (the small model misses or merges
        such names: "Taji, Ministry of Justice"). "the Iraqi capital", "the capital of Iraq",
        and "the capital" in a text that names one country: that country's capital.
        """
        taken = {i for m in found for i in range(m.token_start, m.token_end)}
        extra: list[PlaceMention] = []
        for tok in doc:
            if tok.lower not in self._cues:  # on every token: compare hashes, make no string
                continue
            if tok.lower_ == "capital":
                mention = self._capital(doc, tok, taken)
            else:
                mention = self._after_of(doc, tok, taken)
            if mention is not None:
                # a mention it takes in ("the Afghanistan capital" holds "Afghanistan") gives way
                found[:] = [m for m in found if m.token_end <= mention.token_start or m.token_start >= mention.token_end]
                extra.append(mention)
                taken.update(range(mention.token_start, mention.token_end))
        return extra

    def _recovered(self, doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
        """Places inside other names and at a story's head, then every other mention of a place found.

        The small model tags "Athens Police Department" ORG as a whole, a dateline "MANSFIELD —" nothing,
        and one town both GPE and PERSON in one story ("Alexandria"); a name the Doc already uses as a
        place is a place where it recurs ("Chicopee residents").
        """
        taken = {i for m in found for i in range(m.token_start, m.token_end)}
        # one pass in C over the Doc: each token's lower-case hash and whether it is written in lower case
        lowers = doc.to_array([LOWER, IS_LOWER])
        common = set(lowers[lowers[:, 1] == 1, 0].tolist())  # a name among these is a common word in this Doc
        extra: list[PlaceMention] = []
        for mention in self._in_organisations(doc, taken, common):
            extra.append(mention)
            taken.update(range(mention.token_start, mention.token_end))
        dateline = self._dateline(doc, taken)
        for mention in ([dateline] if dateline else []) + self._party_homes(doc, lowers[:, 0], taken):
            extra.append(mention)
            taken.update(range(mention.token_start, mention.token_end))
        # names the model itself tags as places, and those placed by the rules above, recur as places
        # (not a name the gazetteer lacks: the model tags people GPE too, "Farrin")
        trusted = [m for m in found if m.known and (m.coarse or doc[m.token_start].ent_type_ in ("GPE", "LOC"))] + extra
        for mention in self._people_named_like_places(doc, taken):
            extra.append(mention)
            taken.update(range(mention.token_start, mention.token_end))
        extra.extend(self._repeated(doc, trusted, taken, lowers[:, 0], common))
        extra.extend(self._untagged_after_preposition(doc, taken, lowers[:, 0], common))
        extra.extend(self._untagged_objects(doc, found + extra, taken, common))
        # "attacked Damasak town of Borno State": a name before a kind word, read in the region the sentence names
        extra.extend(named_before_kind(doc, found, extra, self.gazetteer, self.first_place, self._is_country, PlaceMention))
        # "in northeast Nigeria's Bauchi city": a name after a region's possessive, read in that region
        extra.extend(named_after_possessive(doc, found, extra, self.gazetteer, self.first_place, self._is_country, PlaceMention))
        return extra

    def _untagged_after_preposition(self, doc: Doc, taken: set[int], lowers: Any, common: set[int]) -> list[PlaceMention]:
        """ "in Ta'izz", "at Gombe", "the shelling of Donetsk", "the siege on Manbij", "in the Rafah region":
        a capitalised name the model tagged as nothing (or as a product or a work: "Manbij"), after a
        locative preposition (or "of"/"on" after a word for the scene), that is the own name of a city of
        100,000 or more, a province or a country."""
        out: list[PlaceMention] = []
        if self.first_place is None:
            return out
        for i in numpy.flatnonzero(numpy.isin(lowers, self._locatives)).tolist():
            if doc[i].lower_ in ("of", "on") and (i == 0 or doc[i - 1].lemma_.lower() not in _SCENE_NOUNS):
                continue  # "the shelling of Donetsk", "an attack on Mariupol"; not "the people of Hope"
            end = start = i + 1
            if start + 1 < len(doc) and doc[start].lower_ == "the" and doc[i].lower_ not in ("of", "on"):
                end = start = start + 1  # "in the Rafah region": only with a region's word after the name
            elif start + 1 < len(doc) and doc[start].lower_ in _DIRECTION_ADJECTIVES:
                end = start = start + 1  # "in northern Aleppo"
            while (end < len(doc) and end - start < 3 and end not in taken and doc[end].ent_type_ in _MISREAD_LABELS
                   and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].lower not in common):
                end += 1
            if end == start or (doc[start - 1].lower_ == "the" and (end >= len(doc) or doc[end].lower_ not in _REGION_WORDS)):
                continue
            span = doc[start:end]
            if any(t.lower_ in _STREET_WORDS for t in doc[end : end + 3]):
                continue  # "near Rivers and Stokes avenues": a street's name
            place = self.first_place(span.text)
            if (place is None or normalise_name(place.name) != normalise_name(span.text)
                    or not self._is_major(span.text, 100_000)):
                continue
            out.append(PlaceMention(span.start_char, span.end_char, span.text, span.text, start, end, None,
                                    self.is_coarse(span.text)))
            taken.update(range(start, end))
        return out

    def _untagged_objects(self, doc: Doc, found: list[PlaceMention], taken: set[int], common: set[int]) -> list[PlaceMention]:
        """ "Ukrainian forces shelled Donetsk", "troops attacked Mariupol and Kharkiv", "struck Sanaa and
        Saada": a one-word name the model tagged as nothing or misread as a person or an organisation,
        that is a verb's object or joined by "and" to a place found, and is the own name of a city of
        100,000 or more, a province or a country."""
        out: list[PlaceMention] = []
        if self.first_place is None or not enabled("places.untagged_objects"):
            return out
        places = {i for m in found for i in range(m.token_start, m.token_end)}
        for tok in doc:
            if tok.i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.lower in common:
                continue
            label = tok.ent_type_
            if label not in _MISREAD_LABELS and not (label in ("PERSON", "ORG") and tok.ent_iob_ == "B" and (
                    tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")):
                continue  # a name of several words the model read as a person is a person's
            joined = tok.dep_ == "conj" and tok.head.i in places
            # a name read as a person is a place only as the object of a verb of taking or striking a place
            # ("questioned Jordan" is a man); a name read as nothing, as any verb's object
            scene = tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and (
                label in _MISREAD_LABELS or tok.head.lemma_.lower() in scene_verbs())
            if not (joined or scene):
                continue
            place = self.first_place(tok.text)
            if place is None or normalise_name(place.name) != normalise_name(tok.text) or not self._is_major(tok.text, 100_000):
                continue
            out.append(PlaceMention(tok.idx, tok.idx + len(tok), tok.text, tok.text, tok.i, tok.i + 1, None,
                                    self.is_coarse(tok.text)))
            taken.add(tok.i)
            places.add(tok.i)
        return out

    def _party_homes(self, doc: Doc, lowers: Any, taken: set[int]) -> list[PlaceMention]:
        """"Rep. Torrey Westrom, R-Elbow Lake,", "(D-W. Va.)": a legislator's party and home town."""
        out: list[PlaceMention] = []
        for i in numpy.flatnonzero(lowers == self._dash).tolist():
            tok = doc[i]
            if tok.i < 2 or doc[tok.i - 1].text not in _PARTIES or doc[tok.i - 2].text not in (",", "("):
                continue
            start = end = tok.i + 1
            while end < len(doc) and end - start < 4 and doc[end].text[:1].isupper() and end not in taken:
                end += 1
            if end == start or end >= len(doc) or doc[end].text not in (",", ")"):
                continue
            span = doc[start:end]
            if self.is_known(span.text):
                out.append(PlaceMention(span.start_char, span.end_char, span.text, span.text, start, end, None,
                                        self.is_coarse(span.text)))
        return out

    def _people_named_like_places(self, doc: Doc, taken: set[int]) -> list[PlaceMention]:
        """"an Alexandria woman", "Roswell police": a PERSON that is a country, province or large town, before a
        word for its people, when nothing in the Doc makes it a person (a longer name with it, a title before)."""
        out: list[PlaceMention] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or len(ent) > 3 or any(i in taken for i in range(ent.start, ent.end)):
                continue
            if ent.end >= len(doc) or doc[ent.end].lower_ not in _RESIDENT_NOUNS or (
                    ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in _TITLES):
                continue
            people = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > len(ent) for t in e}
            if (any(t.lower_ in people for t in ent) or not self.is_known(ent.text)
                    or not self._is_major(ent.text, 100_000)):
                continue
            out.append(PlaceMention(ent.start_char, ent.end_char, ent.text, ent.text, ent.start, ent.end, None,
                                    self.is_coarse(ent.text)))
        return out

    def _in_organisations(self, doc: Doc, taken: set[int], common: set[int]) -> list[PlaceMention]:
        """"the Athens Police Department", "Henry County Sheriff's Office", "University of Kentucky": the place an
        organisation is named after, when a word of a public body follows it (or "of" names a large place)."""
        out: list[PlaceMention] = []
        actors = {i for a in doc._.actors or [] for i in range(a.token_start, a.token_end)}
        for ent in doc.ents:
            if ent.label_ not in _ORG_LIKE_LABELS or any(i in taken for i in range(ent.start, ent.end)):
                continue
            mention = self._leading_place(doc, ent, common)
            if mention is None:
                mention = self._place_after_of(doc, ent)
            if mention is not None and not any(i in actors for i in range(mention.token_start, mention.token_end)):
                out.append(mention)  # not a word of an actor's name ("the Islamic State of Iraq")
        return out

    def _leading_place(self, doc: Doc, ent: Span, common: set[int]) -> PlaceMention | None:
        """"Athens Police Department" -> "Athens"; "Clarke County Board of Education" -> "Clarke County"."""
        start = ent.start + int(doc[ent.start].lower_ == "the")
        end = start
        while end < ent.end and end - start < 4 and doc[end].text[:1].isupper() and doc[end].tag_ != "POS":
            if doc[end].lower_ in _COUNTY_WORDS and end > start:
                end += 1
                break
            if doc[end].lower_ in _STATE_BODY_WORDS:
                break
            end += 1
        if end == start or end >= ent.end:
            return None  # the whole entity: the NER loop has judged it
        county = doc[end - 1].lower_ in _COUNTY_WORDS
        after = doc[end].lower_
        if (after in _NEWS_WORDS or (not county and after not in _STATE_BODY_WORDS)
                or any(t.lower_ in _NEWS_WORDS for t in doc[end : ent.end])):
            return None  # "the Los Angeles Times", "Norman's Welding"
        name = doc[start:end].text
        if _ACRONYM.fullmatch(name) and not self._is_country(name):
            return None  # "ACLU Foundation"
        if end - start == 1 and doc[start].lower in common:
            return None  # "the Justice Department" in a text about justice: a common word
        if not self.is_known(name):
            return None
        if not county and not (self.is_coarse(name) or (after in _PUBLIC_BODY_WORDS and self._is_major(name, 5_000))):
            return None  # "Michigan State University", "Goshen Elementary": a town only before a public body's word
        span = doc[start:end]
        return PlaceMention(span.start_char, span.end_char, span.text, name, start, end, None,
                            not county and self.is_coarse(name))

    def _place_after_of(self, doc: Doc, ent: Span) -> PlaceMention | None:
        """"the University of Kentucky", "Bank of Canada": a country, province or city after "of" ends the name
        of a body of that place (not "the Patriotic Union of Kurdistan", "the Islamic State of Iraq")."""
        of = next((t.i for t in doc[ent.start + 1 : ent.end - 1] if t.lower_ == "of"), None)
        if (of is None or doc[of - 1].lower_ not in _OF_PLACE_BODIES or ent.end - of > 4
                or not all(t.text[:1].isupper() for t in doc[of + 1 : ent.end])):
            return None
        span = doc[of + 1 : ent.end]
        if (not self.is_known(span.text) or not self._is_major(span.text, 100_000)
                or any(t.lower_ in _NEWS_WORDS for t in doc[ent.start : of])):  # "the Financial Times of London"
            return None
        return PlaceMention(span.start_char, span.end_char, span.text, span.text, span.start, span.end, None,
                            self.is_coarse(span.text))

    def _dateline(self, doc: Doc, taken: set[int]) -> PlaceMention | None:
        """"MANSFIELD —", "COLUMBUS, Ohio --", "BEIRUT :": a capitalised place heading the story's first lines."""
        for tok in doc[:_DATELINE_WINDOW]:
            if not (tok.is_upper and tok.is_alpha and len(tok) >= 3) or tok.i in taken:
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and not (tok.is_sent_start or prev.is_space or prev.like_num
                                         or "\n" in prev.whitespace_):
                continue  # a dateline opens a line or a sentence: not "the NICU", "HIV/AIDS"
            end = tok.i
            while end < len(doc) and end - tok.i < 4 and doc[end].is_upper and (
                    doc[end].is_alpha or doc[end].text in ("ST.", "FT.", "MT.")):
                end += 1
            if (end >= len(doc) or doc[end].text not in _DASHES or any(i in taken for i in range(tok.i, end))
                    or (doc[end].text not in (",", ":") and not doc[end - 1].whitespace_)):
                continue  # "XDR-TB" is a word
            span = doc[tok.i : end]
            name = span.text.title()
            if self.is_known(name) and (len(name) > 4 or self._is_major(name, 5_000)):  # not "AIDS --"
                return PlaceMention(span.start_char, span.end_char, span.text, name, tok.i, end, None,
                                    self.is_coarse(name))
        return None

    def _repeated(self, doc: Doc, mentions: list[PlaceMention], taken: set[int], lowers: Any,
                  common: set[int]) -> list[PlaceMention]:
        """Other mentions of a name the Doc already uses as a place ("Alexandria woman", "Chicopee residents"),
        but not a word of a person's name there ("Jackson" and "Jesse Jackson")."""
        people = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        by_first: dict[int, list[tuple[list[int], PlaceMention]]] = {}
        for m in mentions:
            tokens = doc[m.token_start : m.token_end]
            words = [t.lower for t in tokens]
            if (m.name.lower() != m.text.lower() or not words or any(t.lower_ in people for t in tokens)
                    or (len(words) == 1 and words[0] in common)):
                continue  # "the Iraqi capital", "Maysan province": not repeated as such; nor a person's name
            by_first.setdefault(words[0], []).append((words, m))
        out: list[PlaceMention] = []
        if not by_first:
            return out
        for i in numpy.flatnonzero(numpy.isin(lowers, list(by_first))).tolist():
            tok = doc[i]
            if i in taken or not tok.text[:1].isupper():
                continue
            if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
                continue  # the first name of a person
            if tok.ent_type_ == "NORP" or (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _SPEECH_VERBS):
                continue  # "Mexican holiday resort", "Robertson said"
            for words, m in by_first[tok.lower]:
                end = tok.i + len(words)
                if end <= len(doc) and lowers[tok.i : end].tolist() == words and not any(
                        j in taken for j in range(tok.i, end)) and not _named_after(doc, tok.i, end):
                    span = doc[tok.i : end]
                    out.append(PlaceMention(span.start_char, span.end_char, span.text, m.name, tok.i, end,
                                            m.kind_hint, m.coarse, m.known))
                    taken.update(range(tok.i, end))
                    break
        return out

    def _unknown_place(self, doc: Doc, ent: Span, span: Span, actor_tokens: set[int]) -> bool:
        """Whether an entity the gazetteer lacks is a place all the same: the model reads it as one (GPE,
        LOC) and the words around it place it ("in Jazaa", "the village of Abu Allaj", "the city's Minutka
        district"); or the model took it for a person or a body but a kind word or an apposition places it
        ("the Thantho district", "the Jumla and Diwan villages", "Anbakiya, a village north of Baquba").
        The model's GPE alone is not enough: it tags people and bodies so ("Pawlenty", "United Way")."""
        if not _proper_name(doc, span, actor_tokens) or any(t.lower_ in _NOT_UNKNOWN_WORDS for t in span):
            return False  # "Henrico County Police", "West Tyler Street": a body or a street named after a place
        if any(self._is_major(doc[i:j].text, 100_000) for i in range(span.start, span.end)
               for j in range(i + 1, min(span.end, i + 3) + 1) if (i, j) != (span.start, span.end)):
            return False  # "Far North Queensland", "S.E. Paris": the known place inside is the mention
        if span.end < len(doc) and doc[span.end].tag_ == "POS":
            return False  # "in Jaqueline's death": a person's
        if ent.label_ in _UNKNOWN_LABELS:
            return _locative_cue(doc, ent.start) or _kind_after(doc, ent.end, _KIND_WORDS | {"city"}) or (
                _settlement_apposition(doc, ent.end))
        return ent.label_ in ("PERSON", "ORG") and (
            _kind_after(doc, ent.end, _KIND_WORDS) or _settlement_apposition(doc, ent.end))

    def _core_known(self, name: str) -> bool:
        """Whether a place entity the gazetteer lacks is named after a place it has ("Northeast Georgia",
        "Naugatuck River", "Coffman Park"): the resolver reads such a name as near its core place."""
        core = core_name(name)
        return core is not None and self.is_known(core)

    def _is_major(self, name: str, population: int) -> bool:
        """Whether the name's best place is a country, province or county, or a town of that many people."""
        if self.best_place is None:
            return self.is_coarse(name)
        best = self.best_place(name)
        return best is not None and (best[0].startswith("PCL") or best[0] in ("ADM1", "ADM2")
                                     or best[1] >= population)

    def _after_of(self, doc: Doc, noun: Token, taken: set[int]) -> PlaceMention | None:
        """"the town of Hit": the capitalised name after a place noun and "of", when the gazetteer knows it."""
        i = noun.i + 2
        if i >= len(doc) or doc[noun.i + 1].lower_ != "of" or i in taken or not doc[i].is_title:
            return None
        end = i
        while end < len(doc) and end - i < 4 and end not in taken and (
                doc[end].is_title or (doc[end].lower_ in _NAME_LINKS and end + 1 < len(doc)
                                         and (doc[end + 1].text[:1].isupper() or doc[end + 1].lower_ in _NAME_LINKS))):
            end += 1
        while end > i and doc[end - 1].lower_ in _NAME_LINKS:
            end -= 1
        span = doc[i:end]
        if end == i:
            return None
        # the whole name or nothing: "Sabaa" alone is another place than "Sabaa al-Bour"; a settlement's
        # noun says a name the gazetteer lacks is a place all the same ("the village of Tamthil")
        known = self.is_known(span.text)
        if not known and not (noun.lower_ in _SETTLEMENT_NOUNS and _proper_name(doc, span, set())):
            return None
        hint = "province" if noun.lower_ in _PROVINCE_WORDS | {"provinces"} else _HINT_NOUNS.get(noun.lower_)
        if (noun.i > 0 and doc[noun.i - 1].pos_ == "PROPN" and doc[noun.i - 1].text[:1].isupper()
                and doc[end - 1].lower_ in _ADMIN_WORDS):
            hint = None  # "Katsina-Ala town of Benue State": the noun is the name before it's; after "of", its state
        if end < len(doc) and doc[end].tag_ == "POS":
            hint = None  # "the main towns of Mali's north": the name owns the part the noun counts in, it is no town
        coarse = known and (hint == "province" or (hint is None and self.is_coarse(span.text)))
        return PlaceMention(span.start_char, span.end_char, span.text, span.text, i, end, hint, coarse, known)

    def _capital(self, doc: Doc, tok: Token, taken: set[int]) -> PlaceMention | None:
        """"the Iraqi capital", "the capital of Iraq", "the capital": the capital city it stands for."""
        if tok.i in taken or self.capital_of is None:
            return None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.i in taken or (nxt.ent_type_ in ("GPE", "LOC") and nxt.lower_ != "of")):
            return None  # "the Iraqi capital Baghdad": the name that follows is the mention
        if nxt is not None and nxt.lower_ == "city" and tok.i + 2 < len(doc) and doc[tok.i + 2].text[:1].isupper():
            return self._named_after_kind(doc, tok.i + 2, taken)  # "the capital city Lashkar Gah of Helmand"
        start = tok.i
        country = None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.i in taken:
            if not self._is_country(prev.text):
                return None  # "the Kurdistan capital": the place named before it is the mention
            # "the Afghanistan capital": one mention of the two words, for Kabul (it replaces "Afghanistan")
            country, start = self.capital_of(prev.text), prev.i
            span = doc[start : tok.i + 1]
            return PlaceMention(span.start_char, span.end_char, span.text, country, start, tok.i + 1, None, False)
        if prev is not None and prev.text[:1].isupper() and prev.pos_ in ("ADJ", "PROPN"):
            country, start = self.capital_of(prev.text), prev.i  # "the Iraqi capital"
        elif prev is not None and prev.tag_ == "POS" and tok.i >= 2:
            country = self.capital_of(doc[tok.i - 2].text)  # "Iraq's capital"
        elif prev is not None and prev.lower_ in ("provincial", "regional", "state", "district"):
            return None  # "the provincial capital": not the country's
        elif nxt is not None and nxt.lower_ == "of" and tok.i + 2 < len(doc):
            at = tok.i + 2
            while at < min(len(doc) - 1, tok.i + 6) and (doc[at].is_lower or doc[at].text == "-"):
                at += 1  # "the capital of strife-torn Central African Republic": the country after its epithet
            after = doc[at]
            if at + 1 < len(doc) and doc[at + 1].tag_ == "POS":
                return None  # "the capital of Iraq's Kurdistan region"
            ent = next((e for e in doc.ents if e.start == at and e.label_ in ("GPE", "LOC")), None)
            # "the capital of Iraq": "capital" stands for Baghdad
            country = self.capital_of(ent.text if ent is not None else after.text)
        elif prev is not None and prev.lower_ == "the":
            country = self._only_country(doc)  # "the capital": of the one country the text names
        if not country:
            return None
        span = doc[start : tok.i + 1]
        return PlaceMention(span.start_char, span.end_char, span.text, country, start, tok.i + 1, None, False)

    def _named_after_kind(self, doc: Doc, start: int, taken: set[int]) -> PlaceMention | None:
        """The capitalised name the gazetteer knows right after a kind word ("the capital city Lashkar Gah")."""
        end = start
        while end < len(doc) and end - start < 3 and end not in taken and doc[end].text[:1].isupper():
            end += 1
        while end > start and not self.is_known(doc[start:end].text):
            end -= 1
        if end == start:
            return None
        span = doc[start:end]
        return PlaceMention(span.start_char, span.end_char, span.text, span.text, start, end, None,
                            self.is_coarse(span.text))

    def _organisation(self, doc: Doc, ent: Span, name: str) -> bool:
        """Whether an ORG entity the gazetteer knows is the organisation, not a place."""
        if _ACRONYM.fullmatch(name):
            return not self._is_country(name)  # "U.N.", "NATO", "BBC": not Norman (OK), Nato (PH), British Columbia
        if (ent.root.dep_ == "amod" and ent.root.head.i >= ent.end
                and ent.root.head.lower_ not in _PROVINCE_WORDS | _CITY_WORDS):
            return True  # "Northeastern rebels": an adjective the model took for a name (an Omani province)
        if (ent.root.dep_ == "compound" and ent.root.head.i >= ent.end
                and ent.root.head.lemma_.lower() in _GROUP_DEED_NOUNS and not self._is_major(name, 100_000)):
            # "a Taliban bomb" (a village's other name): the group's deed; "the Arbil attacks": a city's
            return True
        with_the = doc[ent.start].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
        # "the Taliban", "the Tupac Amaru": a body named with "the" ("the Hilla hospital": Hilla qualifies a noun)
        return with_the and ent.root.dep_ not in ("compound", "amod", "nmod", "poss") and not self.is_coarse(name)

    def _is_country(self, name: str) -> bool:
        """Whether the name's best place is a country (one with a capital: "US", "UAE")."""
        if self.capital_of is None:
            return self.is_coarse(name)
        return self.capital_of(name) is not None

    def _only_country(self, doc: Doc) -> str | None:
        """The capital of the one country the Doc's entities name ("Iraq", "Iraqi"); None if none or several."""
        # "Ethiopian-backed troops" names who backs the troops, not a country the text is about
        capitals = {self.capital_of(ent.text) for ent in doc.ents if ent.label_ in ("GPE", "NORP")
                    and not affiliation(doc, ent.end)} - {None}
        return capitals.pop() if len(capitals) == 1 else None


def _named_after(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens start:end begin a longer name that is not a public body's: "the Los Angeles Times",
    "Auckland Zoo", "Toronto Blue Jays" (but not "Cornwall Council", "Athens Police Department")."""
    if end >= len(doc) or doc[end].ent_iob_ != "I" or doc[end].ent_type_ in ("GPE", "LOC"):
        return False  # "Chicopee, Mass.": a place's own entity
    rest = [doc[end]]
    while rest[-1].i + 1 < len(doc) and doc[rest[-1].i + 1].ent_iob_ == "I":
        rest.append(doc[rest[-1].i + 1])
    return rest[0].lower_ not in _STATE_BODY_WORDS or any(t.lower_ in _NEWS_WORDS for t in rest)


def _proper_name(doc: Doc, span: Span, actor_tokens: set[int]) -> bool:
    """Whether a span the gazetteer does not know looks like a place's own name: capitalised words,
    no acronym ("ISIS" tagged GPE), no number, not part of an actor's name."""
    if not span.text[:1].isupper() or _ACRONYM.fullmatch(span.text) or len(span) > 4:
        return False
    if any(t.i in actor_tokens or any(ch.isdigit() for ch in t.text) for t in span):
        return False  # "K-8", "H5N1"
    return all(t.text[:1].isupper() or t.lower_ in _NAME_LINKS or t.is_punct for t in span)


def _kind_after(doc: Doc, end: int, words: set[str]) -> bool:
    """Whether a settlement's or district's kind word follows a name ("Thantho district", "Diwan villages",
    "the Thantho district of Yala province"; not "the Yemen town of Ibb", whose kind is the next name's)."""
    if end >= len(doc) or doc[end].lower_ not in words or doc[end - 1].pos_ != "PROPN":
        return False
    return not _of_follows(doc, end) or doc[end].lower_ in _PART_WORDS


def _settlement_apposition(doc: Doc, end: int) -> bool:
    """", a (mainly Shiite) village", ", a town north of Mosul", ", 50 km west of Baghdad": an apposition
    that opens with a settlement's noun or a bearing right after the name (not ", superintendent for the
    K-8 district", nor "the city, Yarbrough said")."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    bracket = False  # ", 110 kilometres (70 miles) east of Algiers": an aside in brackets is skipped
    for tok in doc[end + 1 : min(len(doc), end + 11)]:
        if tok.text in ("(", ")") or bracket:
            bracket = tok.text != ")" and (bracket or tok.text == "(")
            continue
        if tok.lower_ in _BEARING_WORDS and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
            return True
        if tok.lower_ in _APPOSITION_NOUNS and tok.dep_ not in ("compound", "amod", "nmod"):
            return True
        # only a determiner, a number with its unit, or adverbs and adjectives stand before the noun
        if not (tok.pos_ in ("DET", "ADV", "ADJ", "NUM") or tok.like_num or tok.lower_ in ("km", "kilometres",
                                                                                         "kilometers", "miles")):
            return False
    return False


def _locative_cue(doc: Doc, start: int) -> bool:
    """Whether a locative preposition ("in Jazaa", "near the Golan Heights") or a settlement's noun and "of"
    ("the village of Abu Allaj", "the towns of Nyabibwe") stands just before a name."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in _UNKNOWN_PREPOSITIONS:
        return True
    return doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ in _SETTLEMENT_NOUNS


def _appositive_place(doc: Doc, ent: Span) -> bool:
    """Whether an apposition places a name: "the regional capital, Grozny"; after it ", 50 km west of
    Baghdad", ", north of Mosul", ", a mainly Shiite village" (the place noun heads the apposition:
    not ", a city councillor")."""
    start, end = ent.start, ent.end
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in _APPOSITION_NOUNS:
        return True
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    bracket = False  # ", 110 kilometres (70 miles) east of Algiers": a bracketed aside does not end it
    for tok in doc[end + 1 : min(len(doc), end + 12)]:
        if tok.text in ("(", ")"):
            bracket = tok.text == "("
            continue
        if bracket:
            continue
        if tok.lower_ in _BEARING_WORDS and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
            return True
        if tok.lower_ in _APPOSITION_NOUNS and tok.dep_ not in ("compound", "amod", "nmod"):
            return True
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _of_follows(doc: Doc, word: int) -> bool:
    """Whether the kind word at ``word`` introduces another name ("the Yemen city of Ibb")."""
    return word + 1 < len(doc) and doc[word + 1].lower_ == "of"


def _district_words(doc: Doc, start: int) -> int:
    """How many tokens from ``start`` spell a district's kind ("Local Government Area", "LGA"), else 0."""
    words = [t.lower_ for t in doc[start : start + 3]]
    for phrase in _DISTRICT_PHRASES:
        if words[: len(phrase)] == list(phrase):
            return len(phrase)
    return 0


def _strip_place_words(doc: Doc, ent: Span) -> tuple[Span | None, str | None]:
    """The name inside an entity like "Maysan Province" and what kind of place it says it is."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    hint = None
    for cut in range(1, min(3, len(tokens) - 1) + 1):  # "Damboa Local Government Area": Nigeria's districts
        if _district_words(doc, tokens[-cut].i) == cut:
            return doc[tokens[0].i : tokens[-cut].i], "district"
    if tokens and tokens[-1].lower_ in _PROVINCE_WORDS | _CITY_WORDS:
        hint = "province" if tokens[-1].lower_ in _PROVINCE_WORDS else tokens[-1].lower_
        tokens = tokens[:-1]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return None, None
    return doc[tokens[0].i : tokens[-1].i + 1], hint


@functools.lru_cache(maxsize=1)
def scene_verbs() -> frozenset[str]:
    """Verbs whose object is a place when it is one (data/scene_verbs.yaml)."""
    return frozenset(str(v).lower() for v in yaml.safe_load(package_data("scene_verbs.yaml").read_text(encoding="utf-8")) or ())


@Language.factory("dateline_places", assigns=["doc._.places"], requires=["doc.ents", "doc._.actors"])
def make_places(nlp: Language, name: str) -> PlaceTagger:
    return PlaceTagger(nlp)
