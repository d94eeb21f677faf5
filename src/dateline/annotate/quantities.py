"""Casualty and arrest counts in a sentence, with ACLED's counting rules.

Vague quantities keep ACLED's codebook value ("several"/"many" = 10, "dozens" = 12, "scores" = 20,
"hundreds" = 100) and say they are vague, with the least the words allow as their low bound
("several" at least 3, "dozens" at least 24), so an event can keep the bound and no invented
exact figure (the chronicle guidelines, rule 19). Lists of victims are summed ("a policeman and two
civilians were killed" = 3). Ranges keep both ends ("between 10 and 15"). Attackers who
blew themselves up are counted apart (:func:`perpetrators_killed`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KILLED, INJURED, ARRESTED = "killed", "injured", "arrested"
ABDUCTED = "abducted"  # people taken: a count of its own (never deaths), which a total over a period may give
# a running total the sentence's event adds to ("bringing to 31 the number of people killed this week"): the
# total of a period, never this event's toll
KILLED_TOTAL = "killed_total"

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_VAGUE = {
    "a dozen": 12, "dozen": 12, "dozens": 12, "dozens of": 12, "scores": 20, "scores of": 20,
    "hundreds": 100, "hundreds of": 100, "several": 10, "many": 10, "a number of": 10,
    "a few": 3, "few": 3, "a couple of": 2, "a couple": 2, "a handful of": 5, "numerous": 10,
}
# The least a vague quantity allows: a plural is at least 2, "several" 3, "dozens" two dozen.
_VAGUE_LEAST = {
    "dozens": 24, "dozens of": 24, "scores": 40, "scores of": 40, "hundreds": 200, "hundreds of": 200,
    "several": 3, "many": 3, "a number of": 2, "a few": 2, "few": 2, "a handful of": 2, "numerous": 3,
}
_PERSON = (
    r"people|persons?|civilians?|policem[ae]n|police(?:\s+officers?)?|officers?|soldiers?|troops|"
    r"guards?|children|child|women|woman|men|man|boys?|girls?|students?|workers?|pilgrims?|"
    r"worshipp?ers?|militants?|insurgents?|fighters?|gunm[ae]n|members?|residents?|villagers?|"
    r"farmers?|journalists?|officials?|employees?|bystanders?|Iraqis|Americans?|Marines?|"
    r"contractors?|recruits?|protesters?|demonstrators?|relatives|passengers?|shoppers|"
    r"teachers?|doctors?|judges?|clerics?|leaders?|commanders?|militiam[ae]n|tribesm[ae]n|"
    r"Kurds?|Shiites?|Shias?|Sunnis?|Christians?|Yazidis?|prisoners?|detainees?|suspects?|"
    r"attackers?|bombers?|personnel|servicem[ae]n|cadets?|volunteers?|labou?rers?|others|"
    r"mourners|guests|infants?|babies|baby|sons?|daughters?|brothers?|wife|"
    r"husband|father|mother|guard|policeman|soldier|civilian|person|victims?|bodies|martyrs?|"
    r"MPs?|lawmakers?|governors?|mayors?|council(?:l)?ors?|candidates?|presenters?|cameram[ae]n|"
    r"photographers?|reporters?|engineers?|chiefs?|elders?|sheikhs?|imams?|priests?|nephews?|"
    r"nieces?|cousins?|uncles?|aunts?|sisters?|grandsons?|granddaughters?|youths?|teenagers?|"
    r"detectives?|ministers?|traders?|drivers?|nurses?|patients?|pupils?|herders?|herdsm[ae]n|fisherm[ae]n|"
    r"tourists?|foreigners?|hostages?|inmates?|activists?|supporters?|followers?|occupants?|refugees?|"
    r"migrants?|peacekeepers?|rebels?|bandits?|robbers?|vendors?|merchants?|businessm[ae]n|lawyers?|"
    r"politicians?|chairm[ae]n|diplomats?|envoys?|monks?|nuns?|pastors?|worker|official|"
    r"Muslims?|Hindus?|Buddhists?|Catholics?|Alawites?|Copts?|Turkmen|Assyrians?|Arabs?|Afghans?|"
    r"Pakistanis?|Syrians?|Iranians?|Turks?|Nigerians?|Somalis?|Kenyans?|Egyptians?|Yemenis?|Libyans?|"
    r"rabbis?|missionar(?:y|ies)|chieftains?|headm[ae]n|principals?|professors?|lecturers?|academics?|preachers?|"
    r"scholars?|bishops?|catechists?|emirs?|bloggers?|campaigners?|councillors?|councilors?|administrators?|"
    r"captains?|colonels?|generals?|lieutenants?|sergeants?|corporals?|staff(?:ers?)?|agents?|informants?|"
    r"individuals?|policewom[ae]n|hunters?|miners?|pilots?|spies|spy|jihadists?|extremists?|terrorists?|"
    r"assailants?|kidnappers?|smugglers?|heads?|deput(?:y|ies)|secretar(?:y|ies)|directors?|managers?"
)
PERSON_WORD = re.compile(rf"(?:{_PERSON})", re.I)  # fullmatch: a word that names people
_NUM_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
# a number followed by "/" or "%" is a share ("2/3s of the commanders", "10 percent of them"), no head count
_SHARE = r"(?!\d|\s*(?:/|%|percent\b|per\s+cent\b))"
_NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+{_SHARE}|\d+{_SHARE}|(?:{'|'.join(_TENS)})[\s-](?:{'|'.join(k for k in _UNITS if _UNITS[k] < 10)})|"
    rf"(?:{_NUM_WORD})(?:\s+(?:hundred|dozen))?|a\s+(?:hundred|thousand)|a\s+dozen|dozens(?:\s+of)?|scores(?:\s+of)?|hundreds(?:\s+of)?|"
    r"several|many|numerous|a\s+number\s+of|a\s+few|a\s+couple(?:\s+of)?|a\s+handful\s+of)"
)
_QUAL = r"(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|more\s+than|over|as\s+many\s+as|about|around|approximately|nearly|almost|some|up\s+to|an\s+estimated|a\s+total\s+of|another|other)"
# "between 24 and 28", "24-28", "nine or ten": a range (its low end the count, as ACLED codes conflicting figures)
_RANGE = (rf"(?:between\s+(?P<lo>{_NUM})\s+and\s+(?P<hi>{_NUM})|(?P<lo2>\d+)\s*(?:-|to)\s*(?P<hi2>\d+)|"
          rf"(?P<lo3>{_NUM})\s+or\s+(?P<hi3>{_NUM}))")
# One counted group: "at least 12 people", "a policeman", "two Iraqi civilians".
_OF = (r"(?:\s+of\s+(?:(?:the|a|an|one|his|her|their|its|same|local)\s+)?[A-Za-z-]+(?:\s+\([A-Z]+\))?)?"
       r"(?:\s+from\s+(?:(?:the|a|an|one|his|her|their|its|same|local|single)\s+)?(?:single\s+)?[A-Za-z-]+)?")  # "nine people from a single family"
# A modifier inside a group ("six Iranian pilgrims"); never a word that ends the phrase.
_MOD = r"(?!(?:and|or|of|were|was|are|is|in|on|at|near|when|after|before|including|while|as|by|from|with|who|said|says|dead|died|perished|killed|wounded|injured|hurt|others|have|has|had|been|be|will|would|yesterday|today|tonight|last|this|early|late|[A-Z][a-z]+day|January|February|March|April|May|June|July|August|September|October|November|December)\b)(?:[A-Z][\w’'-]+|[a-z][a-z-]*|\d+(?:-[a-z]+)+)"
# Not a victim: a subset of a count already made ("four of them"), or the source of the report
# ("killed 22 people, a doctor said"; "a doctors' committee said": a possessive names a body, not people).
_SUBSET = r"(?!\s+of\s+(?:them|whom|those)\b)"
_SOURCE = r"(?!['’]\s|(?:\s+(?:officers?|officials?|spokesm[ae]n|sources?))?(?:\s+and\s+(?:an?\s+)?[a-z]+)?,?\s+(?:said|says|told|reported|added|stated)\b)"  # "..., a police officer and witness told AFP"
_INJURE_WORDS = r"wounded|injured|hurt|maimed"
# Counted things that are not people ("several camels killed").
_THINGS = r"(?:camels?|cattle|cows?|goats?|sheep|donkeys?|horses?|animals?|livestock|houses?|homes?|vehicles?|cars?|buildings?|villages?|shops?|trucks?|groups?|factions?|sides?|communities|parties|days?|weeks?|months?|years?|hours?)"
_NOT_THINGS = rf"(?!(?:\s+{_MOD}){{0,2}}\s+{_THINGS}\b(?!\s+(?:{_PERSON})\b))"  # "truck drivers" are people


# "75 soldiers and civilians": one number counts two kinds of people named together
_BOTH = rf"(?:\s+and\s+(?!others\b)(?:{_PERSON})(?!\w)(?!\s+of\b))"


def _group(subset_ok: bool) -> str:
    subset = "" if subset_ok else _SUBSET
    return (
        rf"(?:(?<![\w-])(?:{_QUAL}\s+)?(?:(?:his|her|their|its)\s+)?(?:{_NUM})\b{subset}{_NOT_THINGS}(?:\s+{_MOD}){{0,3}}(?:\s+(?:{_PERSON})(?!\w))?{_BOTH}?{_OF}{_SOURCE}|"
        rf"(?<![\w-])(?:a|an|one|his|her|their)\s+(?!(?:{_NUM})(?![\w-]))(?:{_MOD}\s+){{0,3}}(?:{_PERSON})(?!\w){_OF}{_SOURCE}|"
        r"(?<![\w-])(?:him|her)(?=\s+and\b|\s*[,.;]|$))"
    )


# The first group of a list may be a share of people named before ("killing 13 of them");
# a later one is a subset of the first ("five people, four of them women").
_GROUP = _group(subset_ok=False)
_FIRST_GROUP = _group(subset_ok=True)


# The most groups one list of victims joins with commas. Unbounded, a run of "0,0,0,..." let every
# start position try every list length, each with its own tail: minutes for 5 KB. Each group is
# atomic, (?>...): once read, the list does not go back to read it another way ("five people" with
# "people" as a modifier, then as the noun), which was 2^n tries for a failing list of n groups.
_MAX_LISTED = 12


# "Eighteen soldiers, including an officer, and five militants": a share named between commas inside a
# list of groups is part of its group, never a group of its own (see _sum_list)
_SHARE_NAMED = r"(?:,\s+(?:including|among\s+them)\s+[^,.;]{1,40},(?=\s+and\s))"
_SHARE_NAMED_RE = re.compile(_SHARE_NAMED, re.I)


def _list(first: str, rest: str = _GROUP, *, companions: bool = False) -> str:
    # "killed a university director along with his driver": a companion is one more victim.
    along = rf"(?:,?\s+(?:along\s+with|together\s+with|with)\s+{rest})?" if companions else ""
    return (
        rf"(?P<list>between\s+{_NUM}\s+and\s+{_NUM}(?:\s+(?:[a-z-]+\s+)?(?:{_PERSON}))?|"
        rf"(?<![\w-]){_NUM}\s+or\s+{_NUM}\s+(?:[a-z-]+\s+)?(?:{_PERSON})(?!\w)|"
        rf"(?>{first})(?:\s*,\s*(?>{rest})){{0,{_MAX_LISTED}}}{_SHARE_NAMED}?(?:,?\s+and\s+(?>{rest}))?{along})"
    )


_LIST = _list(_GROUP)
# Right after a killing verb the first group may be a share of people named before ("killing 13
# of them"); elsewhere "30 of those killed" repeats part of a toll already given.
# "killed five men and at least 20 injured": the group after "and" belongs to the wounded.
_LIST_AFTER_VERB = _list(_FIRST_GROUP, rf"{_GROUP}(?!\s+(?:others\s+)?(?:[a-z]+ly\s+)?(?:{_INJURE_WORDS}))", companions=True)
# "at least five persons, including two soldiers and a child, were killed": the share named after
# "including" is inside the count.
_INCLUDING = rf"(?:,?\s+(?:including|among\s+them|among\s+whom)\s+(?:(?!\b(?:killed|dead|died|wounded|injured|hurt|arrested|detained|and\s+(?:{_NUM}))\b)[^.;:]){{1,80}}?,?)?"
# Between the victims and the verb: auxiliaries, hedges, the time ("were yesterday confirmed dead",
# "was on Thursday night attacked and murdered").
_WHEN = r"(?:yesterday|today|tonight|(?:last|this)\s+(?:night|week(?:end)?|month|morning)|earlier\s+today|(?:early|late)\s+(?:on\s+)?[A-Z][a-z]+day|(?:on\s+)?[A-Z][a-z]+day(?:\s+(?:night|morning|afternoon|evening))?)"
_ALSO_HARMED = r"(?:attacked|abducted|kidnapped|tortured|raped|robbed|ambushed|seized|dragged\s+out)\s+and"
_BE = rf"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|been|reportedly|also|later|all|allegedly|confirmed|reported|found|feared|believed\s+to\s+have\s+been|said\s+to\s+have\s+been|thought\s+to\s+have\s+been|either|now|have|has|had|seriously|critically|severely|slightly|lightly|badly|gravely|{_WHEN}|{_ALSO_HARMED}))*"

_KILL_WORDS = (
    r"killed|dead|died|dying|slain|executed|murdered|shot\s+dead|fatally\s+(?:shot|stabbed|wounded|injured)|gunned\s+down|massacred|beheaded|assassinated|lost\s+(?:their|his|her)\s+li(?:ves|fe)|perished|fatalities|"
    r"(?:burn(?:ed|t)|hacked|axed|macheted|beaten|bludgeoned|stoned|stabbed|shot|tortured|lynched|clubbed|crushed|strangled)\s+to\s+death"
)
_ARREST_WORDS = r"arrested|detained|captured|rounded\s+up|taken\s+into\s+custody|apprehended"
_ABDUCT_WORDS = r"kidnapped|abducted|taken\s+hostage|seized\s+as\s+hostages"

_AFTER = {
    # "130 tribesmen were killed and wounded": no count of the dead alone
    KILLED: re.compile(rf"{_LIST}{_INCLUDING}{_BE}\s+(?:{_KILL_WORDS})\b(?!\s+(?:and|or)\s+(?:{_INJURE_WORDS}))", re.I),
    INJURED: re.compile(rf"{_LIST}{_INCLUDING}{_BE}\s+(?:{_INJURE_WORDS})\b", re.I),
    ARRESTED: re.compile(rf"{_LIST}{_INCLUDING}{_BE}\s+(?:{_ARREST_WORDS})\b", re.I),
    ABDUCTED: re.compile(rf"{_LIST}{_INCLUDING}{_BE}\s+(?:{_ABDUCT_WORDS})\b", re.I),
}
# What an _AFTER pattern cannot match without (its verb, after a space): a sentence lacking it is not
# scanned with the pattern, whose list of counts is tried at every word (most of the time of a sentence)
_AFTER_NEEDS = {
    KILLED: re.compile(rf"\s(?:{_KILL_WORDS})\b", re.I),
    INJURED: re.compile(rf"\s(?:{_INJURE_WORDS})\b", re.I),
    ARRESTED: re.compile(rf"\s(?:{_ARREST_WORDS})\b", re.I),
    ABDUCTED: re.compile(rf"\s(?:{_ABDUCT_WORDS})\b", re.I),
}
# "killing, by the latest count, 69 people": how the figure was counted, between the verb and its victims
_BY_COUNT = r"(?:,?\s+by\s+(?:the|one|some|an?|their|its|his|her)\s+(?:[a-z]+\s+){0,2}?(?:count|estimate|tally|reckoning)s?,?)?"
_BEFORE = {
    KILLED: re.compile(rf"\b(?:kill(?:ed|ing|s)?|gunn(?:ed|ing)\s+down|mow(?:ed|ing)\s+down|shot\s+and\s+killed|stabb(?:ed|ing)\s+to\s+death|claim(?:ed|ing)\s+the\s+lives\s+of|slit(?:ting)?\s+the\s+throats\s+of|(?:(?:death\s+)?toll|death\s+(?:total|count)|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed|those\s+killed))(?:\s+(?:in|from)\s+[^.;,]{{1,120}}?)?\s+(?:(?:has|had)\s+)?(?:rose|risen|climbed|reached|stood|stands|rises|jumped|remained|remains|of|is|was)(?:\s+(?:to|at))?|(?:put|puts|putting|placed|places|gave|gives|estimated|estimates|raised|revised)\s+(?:the\s+)?(?:(?:death\s+)?toll|death\s+(?:total|count))(?:\s+(?:up\s+)?(?:at|to))?|deaths?\s+of|execut(?:ed|ing)|massacr(?:ed|ing)|slaughter(?:ed|ing)|butcher(?:ed|ing)|behead(?:ed|ing)|murder(?:ed|ing)|assassinat(?:ed|ing)|shot\s+dead){_BY_COUNT}\s+{_LIST_AFTER_VERB}(?:\s+(?:dead|people\s+dead))?", re.I),
    INJURED: re.compile(rf"\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es)|(?:dead|killed)\s+and)\s+{_LIST}(?=\s+(?:others\s+)?(?:wounded|injured|hurt))|\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es))\s+{_LIST.replace('(?P<list>', '(?P<list2>')}", re.I),
    ARRESTED: re.compile(rf"\b(?:arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|captur(?:ed|ing|es))\s+{_LIST}", re.I),
    ABDUCTED: re.compile(rf"\b(?:kidnapp?(?:ed|ing|s)?|abduct(?:ed|ing|s)?)\s+(?:[A-Z][a-z]+day\s+)?{_LIST}", re.I),
}
_BODIES = re.compile(rf"\b(?:found|discovered|recovered|retrieved|dumped|unearthed|pulled)\s+(?:the\s+)?(?:(?P<list>{_NUM})\s+(?:[\w-]+\s+){{0,2}}?(?:bodies|corpses)|(?:bodies|corpses)\s+(?:[\w-]+\s+){{0,3}}?of\s+(?P<list2>(?:{_QUAL}\s+)?{_NUM}))", re.I)
# "Six bodies were dumped at a shrine", "The bodies of six people were found".
_BODIES_FOUND = re.compile(rf"(?:\b(?P<list>(?:{_QUAL}\s+)?{_NUM})\s+(?:[\w-]+\s+){{0,2}}?(?:bodies|corpses)|\b(?:bodies|corpses)\s+of\s+(?P<list2>(?:{_QUAL}\s+)?{_NUM})\s+(?:[\w-]+\s+){{0,2}}?)"
                           rf"[^.;:]{{0,40}}?\b(?:were|have\s+been|had\s+been)\s+(?:found|discovered|recovered|retrieved|dumped|unearthed|pulled)\b", re.I)
_CORPSES = re.compile(r"bodies|corpses", re.I)  # what _BODIES_FOUND cannot match without
# "There were seven deaths", "more than a hundred deaths were claimed", "at least 47 extrajudicial executions".
_DEATHS = re.compile(rf"(?<![\w-])(?P<list>(?:{_QUAL}\s+)?{_NUM})\s+(?:more\s+|other\s+|further\s+)?(?:deaths|fatalities|(?:extrajudicial\s+|summary\s+)?(?:killings|executions|murders))\b(?!\s+(?:of|from|in|among)\s+(?:the\s+)?(?:past|last|previous))", re.I)
_DEATH_NOUNS = re.compile(r"deaths|fatalities|killings|executions|murders", re.I)  # what _DEATHS cannot match without
# "costing 20 more lives", "claimed the lives of" is in _BEFORE.
_LIVES = re.compile(rf"\b(?:cost(?:s|ing)?|claim(?:ed|ing|s)?|took|taking|takes)\s+(?:the\s+)?(?P<list>(?:{_QUAL}\s+)?{_NUM})\s+(?:more\s+|other\s+|further\s+)?lives\b", re.I)
_LEFT_DEAD = re.compile(rf"\b(?:left|leaving)\s+{_LIST}{_INCLUDING}\s+(?P<what>dead|wounded|injured)", re.I)
# "Two officials were killed along with another person": the companion is one more victim.
_COMPANION = re.compile(rf",?\s+(?:(?:(?:in|at|near)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+)?(?:along|together)\s+with\s+|with\s+(?=(?:his|her|their)\s)){_LIST.replace('(?P<list>', '(?P<with>')}"
    # "with his wife and child": a last relative needs no article
    r"(?:\s+and\s+(?P<kin>child|son|daughter|wife|husband|brother|sister|father|mother|nephew|niece|driver|bodyguard)\b)?", re.I)
# "in revenge for the deaths of eight soldiers": the motive is another incident.
# "killed three people in Tikrit and two in Hawija": a gapped clause, the verb's figure for another place
_GAPPED = re.compile(rf"\s+(?:in|near|at|outside|around)\s+[A-Z][^.;,]{{0,40}}?,?\s+and\s+(?P<list>(?:{_QUAL}\s+)?{_NUM})\s+"
                     rf"(?:(?:more|others?|people|persons)\s+)?(?:in|near|at|outside|around)\s+(?=[A-Z])"
                     r"(?![\w-]+(?:\s+[A-Z][\w-]*)*\s+(?:were|was|are|is|have|had)\b)", re.I)
_GAPPED_FIGURE = re.compile(rf"(?P<list>(?:{_QUAL}\s+)?{_NUM})", re.I)
_MOTIVE = re.compile(r"\b(?:revenge|retaliation|reprisal|avenge|avenging)\s+(?:for\s+)?(?:the\s+)?$", re.I)
_NO_BEFORE = re.compile(r"\bno\s+$", re.I)
# A count before a killing verb with no "were"/"was" is a headline's passive ("Two soldiers killed in
# blast") unless an object follows the verb: then the count is of the killers ("A bomber killed the
# governor"), and the dead are counted after the verb.
_PASSIVE = re.compile(r"\b(?:were|was|been|are|is|be|being)\b", re.I)
_ACTIVE_AFTER = re.compile(r"\s+(?:the|a|an|his|her|their|its|at\s+least|some|about|nearly|more\s+than|\d+|one|two|three|"
                           r"four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)\b", re.I)
_DIGIT = re.compile(r"\d")
_TOLL_WORDS = re.compile(r"\b(?:toll|death\s+(?:total|count)|number\s+of\s+(?:dead|deaths|fatalities))\b", re.I)
_RANGE_RE = re.compile(_RANGE, re.I)
_GROUP_RE = re.compile(_GROUP, re.I)
_FIRST_GROUP_RE = re.compile(_FIRST_GROUP, re.I)
_NUM_RE = re.compile(_NUM, re.I)
_QUAL_RE = re.compile(_QUAL, re.I)


@dataclass(slots=True)
class Quantity:
    """A count of people killed, injured, arrested or abducted; offsets into the text given."""

    kind: str
    value: int
    start: int
    end: int
    text: str
    low: int | None = None
    high: int | None = None
    vague: bool = False  # "several", "dozens": ``value`` is ACLED's codebook figure, ``low`` the least the words allow

    @property
    def told_as_toll(self) -> bool:
        """The count is given as a toll ("put the death toll at nine", "the number of deaths rose to 11"),
        the words the toll patterns above read."""
        return self.kind == KILLED and bool(_TOLL_WORDS.search(self.text))


def parse_number(text: str) -> int | None:
    """Integer value of a number written in digits or words ("twenty-five", "dozens" = 12)."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    if t in _VAGUE:
        return _VAGUE[t]
    if t in ("a", "an"):
        return 1
    if t in ("a hundred", "a thousand"):
        return 100 if t == "a hundred" else 1000
    total = 0
    for word in t.split():
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word == "dozen":
            total = max(total, 1) * 12  # "two dozen"
        elif word == "of":
            continue
        else:
            return None
    return total or None


def _group_value(group: str) -> tuple[int, int | None, int | None, bool] | None:
    """(value, low, high, vague) for one counted group such as "at least 12 people"."""
    g = group.strip()
    qual = _QUAL_RE.match(g)
    rest = g[qual.end() :].strip() if qual else g
    rest = re.sub(r"^(?:his|her|their|its)\s+(?=\S+\s)", "", rest, flags=re.I) if _NUM_RE.match(rest.split(" ", 1)[-1]) else rest
    m = _NUM_RE.match(rest)
    if m is None:
        if re.match(r"(?:a|an|his|her|their)\s|(?:him|her)$", rest, re.I):
            return 1, None, None, False
        m = _NUM_RE.search(rest)
    if m is None:
        return None
    value = parse_number(m.group(0))
    if value is None:
        return None
    least = _VAGUE_LEAST.get(" ".join(m.group(0).lower().split()))
    if least is not None:
        return value, least, None, True
    if qual and " ".join(qual.group(0).lower().split()).startswith(("at least", "more than", "over", "no fewer", "no less", "not less")):
        return value, value, None, False
    return value, None, None, False


def _sum_list(text: str) -> tuple[int, int | None, int | None, bool] | None:
    """(value, low, high, vague) of a list of counted groups; vague when any group is."""
    r = _RANGE_RE.search(text)
    if r:
        lo = parse_number(r.group("lo") or r.group("lo2") or r.group("lo3"))
        hi = parse_number(r.group("hi") or r.group("hi2") or r.group("hi3"))
        if lo is not None and hi is not None and lo <= hi:
            return lo, lo, hi, False
    text = _SHARE_NAMED_RE.sub(",", text)  # the officer among eighteen soldiers is no nineteenth
    first = _FIRST_GROUP_RE.match(text)
    rest = _GROUP_RE.finditer(text, first.end()) if first else _GROUP_RE.finditer(text)
    groups = ([first.group(0)] if first else []) + [g.group(0) for g in rest]
    values = [v for v in map(_group_value, groups) if v is not None]
    if len(values) >= 3 and values[0][0] == sum(v[0] for v in values[1:]):
        return values[0]  # "six family members, two women and four men": a total, then its breakdown
    total = sum(v[0] for v in values)
    vague = any(v[3] for v in values)
    if vague:  # "a policeman and several civilians": at least the exact groups and the least of the vague
        low = sum(v_low if v_vague else value for value, v_low, _, v_vague in values)
    else:
        lows = [v[1] for v in values if v[1] is not None]
        low = sum(lows) if lows else None
    return (total, low, None, vague) if total else None


def find_quantities(text: str, *, exclude: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Counts of killed, injured, arrested and abducted people in ``text`` (one sentence)."""
    exclude = exclude or []
    # a date's numbers are no count, and must not join the count after them ("on 5 May 2008 and 12
    # wounded" is 12 wounded, not 2,020): its digits are masked (its words stay, "were on Saturday
    # killed"), so offsets stay those of the sentence
    for s, e in exclude:
        text = text[:s] + _DIGIT.sub("x", text[s:e]) + text[e:]
    found: list[Quantity] = []

    def add(kind: str, m: re.Match[str], span_text: str, span_start: int) -> None:
        if any(span_start < e and s < span_start + len(span_text) for s, e in exclude):
            return
        if any(q.kind == kind and q.start < m.end() and m.start() < q.end for q in found):
            return
        if kind == KILLED and _MOTIVE.search(text, max(0, m.start() - 40), m.start()):
            return
        if kind == KILLED and re.search(r"\band\s+$", text[max(0, span_start - 6) : span_start]) and \
                re.match(r"(?:his|her|their|a|an)\s+\S+\s+were\b", text[span_start : span_start + len(span_text) + 6], re.I):
            return  # "The head of the district, Mohammad Daud, and his driver were killed": the list began before
        if _NO_BEFORE.search(text, max(0, span_start - 4), span_start):
            return  # "no one was hurt": nobody, not one
        summed = _sum_list(span_text)
        if summed is None:
            return
        value, low, high, vague = summed
        found.append(Quantity(kind, value, m.start(), m.end(), m.group(0), low, high, vague))

    for m in _BODIES.finditer(text):
        name = "list" if m.group("list") is not None else "list2"
        add(KILLED, m, m.group(name), m.start(name))
    for m in _BODIES_FOUND.finditer(text) if _CORPSES.search(text) else ():
        name = "list" if m.group("list") is not None else "list2"
        add(KILLED, m, m.group(name), m.start(name))
    for m in _DEATHS.finditer(text) if _DEATH_NOUNS.search(text) else ():
        add(KILLED, m, m.group("list"), m.start("list"))
    for m in _LIVES.finditer(text):
        add(KILLED, m, m.group("list"), m.start("list"))
    for m in _LEFT_DEAD.finditer(text):
        kind = KILLED if m.group("what").lower() == "dead" else INJURED
        add(kind, m, m.group("list"), m.start("list"))
    for kind in (KILLED, INJURED, ARRESTED, ABDUCTED):
        for m in _BEFORE[kind].finditer(text):
            name = "list" if m.group("list") is not None else "list2"  # INJURED has two shapes
            if re.search(r"\bof\s+(?:them|whom|those)\b", m.group(name)) and any(q.kind == kind for q in found):
                continue  # "killed five prisoners, beheading at least two of them": a share of the five
            add(kind, m, m.group(name), m.start(name))
            gapped = _GAPPED.match(text, m.end())
            figure = _GAPPED_FIGURE.match(text, gapped.start("list")) if gapped is not None else None
            if figure is not None:
                add(kind, figure, figure.group("list"), figure.start())
        for m in _AFTER[kind].finditer(text) if _AFTER_NEEDS[kind].search(text) else ():
            killed = next((q for q in found if q.kind == KILLED and kind != KILLED and q.start <= m.start("list") < q.end), None)
            if killed is not None:
                # "killed at least 30 people and 60 wounded": the wounded start after the dead.
                m = _AFTER[kind].search(text, killed.end, m.end())
                if m is None:
                    continue
            if _ACTIVE_AFTER.match(text, m.end()) and not _PASSIVE.search(text, m.end("list"), m.end()):
                continue  # "A bomber killed the governor and three guards": the killer, with an object after
            add(kind, m, m.group("list"), m.start("list"))
            if kind == KILLED and found and found[-1].kind == KILLED and found[-1].end == m.end():
                _add_companions(text, found[-1])
    for q in found:
        if q.kind == KILLED and _RUNNING_TOTAL.search(text, max(0, q.start - 60), q.start + 1):
            q.kind = KILLED_TOTAL
    for m in _BRINGING_TOLL.finditer(text):
        if not any(q.start <= m.start("n") < q.end for q in found):
            summed = _sum_list(m.group("n"))
            if summed is not None:
                found.append(Quantity(KILLED_TOTAL, summed[0], m.start("n"), m.end("n"), m.group(0), summed[1], summed[2], summed[3]))
    found.sort(key=lambda q: q.start)
    return found


# "..., bringing to 31 the number of people killed", "which brings to 40 the toll": the count after is a total
_RUNNING_TOTAL = re.compile(r"\b(?:bring(?:s|ing)?|brought|rais(?:es|ing)|raised|push(?:es|ing|ed))\s+(?:the\s+total\s+)?(?:up\s+)?to\s+\S*$", re.I)
# "bringing the death toll this month to 40", "brought the number of people killed this week to 31"
_BRINGING_TOLL = re.compile(rf"\b(?:bring(?:s|ing)?|brought|rais(?:es|ing)|raised|push(?:es|ing|ed))\s+the\s+(?:(?:death\s+)?toll|total(?:\s+number)?|"
                            rf"number\s+of\s+(?:dead|deaths|fatalities|people\s+killed|those\s+killed))\b[^.;]{{0,60}}?\s+(?:up\s+)?to\s+"
                            rf"(?P<n>(?:{_QUAL}\s+)?{_NUM})\b", re.I)


def _add_companions(text: str, q: Quantity) -> None:
    """ "were killed along with another person", "shot dead with his wife and child": more victims."""
    companion = _COMPANION.match(text, q.end)
    extra = _sum_list(companion.group("with")) if companion else None
    if companion is None or extra is None:
        return
    more = extra[0] + (1 if companion.group("kin") else 0)
    q.value, q.end, q.text = q.value + more, companion.end(), text[q.start : companion.end()]
    q.low = q.low + more if q.low is not None else None


# Attackers who die by their own act are counted apart: the fatalities are the victims.
_SELF_KILLED = re.compile(r"\b(?:blew|blow|blows|blowing)\s+(?P<who>himself|herself|themselves)\s+up\b|"
                          r"\b(?:killed|kill|killing)\s+(?P<who2>himself|herself|themselves)\b", re.I)
_BOMBERS = re.compile(r"\b(?P<n>two|three|four|five|six|\d+)\s+(?:suicide\s+)?(?:bombers|attackers)\b", re.I)
# "13 people, including the bomber, were killed", "killing 12 people including the attacker"
_AMONG_DEAD = re.compile(r"\b(?:including|among\s+them|among\s+the\s+dead\s+(?:was|were))\s+(?:the\s+)?(?P<n>two|three|four|five|\d+)?\s*"
                         r"(?:suicide\s+)?(?:bombers?|attackers?|assailants?|gunm[ae]n)\b", re.I)


def perpetrators_killed(sentence: str, killed_spans: list[tuple[int, int]]) -> tuple[int | None, int]:
    """(attackers who died by their own act, how many of them a victim count of the sentence included).

    "A suicide bomber blew himself up, killing 12 people" = (1, 0); "Thirteen people, including
    the bomber, were killed" = (1, 1): the count becomes 12 victims and one attacker.
    """
    included = 0
    for start, end in killed_spans:
        among = _AMONG_DEAD.search(sentence, start, min(len(sentence), end + 60))
        if among is not None:
            included = parse_number(among["n"]) if among["n"] else 1
            break
    self_killed = _SELF_KILLED.search(sentence)
    if self_killed is None:
        return (included or None), included
    if (self_killed["who"] or self_killed["who2"]).lower() != "themselves":
        return max(1, included), included
    bombers = _BOMBERS.search(sentence)
    count = parse_number(bombers["n"]) if bombers else None
    return (max(count or 0, included) or None), included
