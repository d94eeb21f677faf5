"""The actor registry: surface names -> canonical, ACLED-style actors valid on a date.

The registry is read from ``data/actors.yaml`` (format described in its header). Resolution of
a surface string goes through these steps, first hit wins:

1. the whole string, normalised (case, possessives, apostrophes, hyphens, Arabic articles
   "al-"/"al "/"as-"...; then plural -> singular; then a looser transliteration key);
2. the same after dropping leading titles and modifiers one word at a time ("the", "Prime
   Minister", "Gen.", "radical", numbers); a leading demonym ("Iraqi", "US") is dropped too and
   becomes the country of a generic actor ("Iraqi police" -> Police Forces of Iraq);
3. "<actor> <member noun>" ("Mahdi Army fighters", "Sadr's men") -> the actor;
4. the longest tail that is an actor ("SIIC controlled police" -> police), except a generic
   "army"/"gunmen" after a capitalised word (an unknown name such as "Mujahideen Army");
5. "<noun> of <actor>" ("residents of Sadr City" -> civilians).

A person resolves to the organisation they act for on the date (first ``member_of`` valid on
it; with no date, their main one); a group renamed before the date resolves to its successor.
Names with government periods are chosen by date; with no date the period-free name is used.
State actors count as inter 1 in their own country and 8 (external forces) elsewhere, the
"elsewhere" being the caller's ``country`` (default: the registry's ``default_country``).
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

from .. import config
from ..errors import ResolveError
from ..models import TOLD_GROUP, Actor

__all__ = ["ActorMatch", "ActorRegistry", "ACTOR_TYPES", "NON_STATE_ARMED", "normalise_actor_name"]

log = logging.getLogger(__name__)

ACTOR_TYPES = frozenset({
    "state_forces", "government", "rebel_group", "political_militia", "identity_militia",
    "rioters", "protesters", "civilians", "external_forces", "political_party", "person",
})
STATE_ROLES = frozenset({"military", "police", "government"})
GENERIC_PREFIX = "generic:"

# Words dropped from the front of a surface before looking it up again: titles,
# honorifics, articles, quantities and descriptive adjectives that never change who acts.
_MODIFIERS = frozenset("""
the a an his her their its this that these those some several many few dozens hundreds thousands
scores more most other two three four five six seven eight nine ten eleven twelve twenty
mr mrs ms dr prime minister pm premier president vice deputy interim caretaker acting former late
then outgoing incoming current new top senior chief leader commander cleric
gen general lt lieutenant col colonel maj major brig brigadier adm admiral capt captain sgt sergeant
sheikh shaikh sheik shaykh sayyid sayyed sayed seyed sayid imam ayatollah grand hojatoleslam
firebrand radical rebel renegade militant hardline moderate powerful influential
shiite shia shii sunni kurdish arab turkmen christian yazidi local armed unknown unidentified
suspected alleged masked heavily foreign
""".split())
# Nouns that name the members or parts of the actor before them ("Mahdi Army fighters").
_MEMBER_NOUNS = frozenset("""
fighter fighters militiaman militiamen member members loyalist loyalists follower followers
supporter supporters commander commanders leader leaders force forces militia militias gunman
gunmen element elements cell cells operative operatives man men unit units officer officers
official officials movement wing office offices bloc brigade brigades spokesman guard guards
partisan partisans activist activists lawmaker lawmakers mp mps candidate candidates troops
soldiers policemen insurgent insurgents militant militants rebel rebels guerrilla guerrillas
jihadist jihadists
""".split())
# Generic actors that a capitalised word before them turns into an unknown proper name.
_NAME_GUARDED = frozenset({"military", "unidentified_armed_group"})
# ACLED interaction codes of armed groups that are not a state's: rebels, political and identity militias
NON_STATE_ARMED = frozenset({2, 3, 4})
# ACLED's country slot for foreigners of no one country ("Civilians (International)").
INTERNATIONAL = "International"
# Countries written with "the" after "of" in ACLED names.
_THE_COUNTRIES = frozenset({"United States", "United Kingdom", "United Arab Emirates", "Netherlands",
                            "Philippines", "Central African Republic", "Democratic Republic of Congo"})
_CACHE_MAX = 200_000

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u00b4": "'",
                              "\u02bf": "'", "\u02be": "'", "\u02bb": "'"})
_POSSESSIVE_RE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\W|$)", re.IGNORECASE)
_ABBREV_DOT_RE = re.compile(r"(?<=\w)\.(?=\w)")
# "Iranian-backed", "US-led": the first word describes, it is not the actor's country.
_COMPOUND_RE = re.compile(
    r"\b(\w+)[-\u2010\u2011](backed|led|controlled|based|linked|allied|funded|trained|affiliated|"
    r"supported|dominated|run|aligned|born|sponsored|armed|inspired|made)\b", re.IGNORECASE)
_ARTICLE_RE = re.compile(r"\b(?:al|el|ad|adh|ar|as|ash|at|ath|az|an)[-\u2010\u2011](?=\w)", re.IGNORECASE)
_SPLIT_RE = re.compile(r"[^\w]+")
_DOUBLE_RE = re.compile(r"(.)\1+")
_FINAL_H_RE = re.compile(r"(?<=[aiu])h\b")
_LOOSE_TABLE = str.maketrans({"e": "i", "y": "i", "o": "u", "k": "q"})
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")

DateLike = Union[str, _dt.date, None]


@dataclass(frozen=True)
class ActorMatch:
    """An actor a surface string resolved to, named for the date asked about."""

    actor_id: str | None  # registry id, "generic:civilians" etc., or None for a name the registry lacks
    name: str  # canonical name for the date, e.g. "Government of Iraq (2006-2014)"
    inter: int
    type: str
    country: str | None
    surface: str  # the text that matched
    via: str | None = None  # e.g. "Nouri al-Maliki (prime minister)" when a person resolved to an organisation


@dataclass(frozen=True)
class _Period:
    start: str
    end: str | None
    name: str


@dataclass(frozen=True)
class _Membership:
    actor_id: str
    role: str
    start: str | None
    end: str | None
    main: bool


@dataclass
class _Entry:
    id: str
    name: str
    type: str
    inter: int
    country: str | None
    aliases: list[str]
    line: int
    periods: list[_Period] = field(default_factory=list)
    valid_from: str | None = None
    valid_to: str | None = None
    successor: str | None = None
    state: bool = False
    role: str | None = None
    members: list[_Membership] = field(default_factory=list)
    # the parent organisation whose names name this branch in its country ("al-Qaeda" in Iraq)
    branch_of: str | None = None


@dataclass
class _Generic:
    id: str
    name: str
    type: str
    inter: int
    nouns: list[str]
    line: int
    state_role: str | None = None
    # nouns that name this actor only after a demonym ("Russian forces"; "rebel forces" is no army)
    after_demonym: list[str] = field(default_factory=list)
    # words that make this actor foreigners of no one country ("foreign oil workers"): ACLED's
    # "International" in the country slot
    foreign_words: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- normalisation

def _words(text: str) -> list[str]:
    """Surface words in their original case, with possessives, marks and articles removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_APOSTROPHES)
    text = _POSSESSIVE_RE.sub("", text)
    text = _ABBREV_DOT_RE.sub("", text)  # U.S. -> US, Gen. -> Gen
    text = _COMPOUND_RE.sub(r"\1_\2", text)
    text = _ARTICLE_RE.sub("", text).replace("'", "")
    return [w for w in _SPLIT_RE.split(text) if w and w.casefold() not in ("al", "el")]


def normalise_actor_name(text: str) -> str:
    """The exact lookup key of a name: lowercase words without marks, possessives or articles."""
    return " ".join(w.casefold() for w in _words(text))


def _singular(key: str) -> str:
    """The key with its last word made singular (policemen -> policeman, Sadrists -> Sadrist)."""
    head, _, last = key.rpartition(" ")
    if last.endswith("men") and len(last) > 4:
        last = last[:-3] + "man"
    elif last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and len(last) > 3 and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return f"{head} {last}" if head else last


def _loose(key: str) -> str:
    """A looser key shared by transliteration variants (Moqtada = Muqtada, Qaida = Qaeda)."""
    key = key.replace("ou", "u").replace("dh", "d").replace("ph", "f").translate(_LOOSE_TABLE)
    return _FINAL_H_RE.sub("", _DOUBLE_RE.sub(r"\1", key))


def _fill(name: str, country: str | None) -> str:
    """Fill the "{country}" slot of a name ("Military Forces of the United States")."""
    if "{country}" not in name:
        return name
    if not country:
        # no country known for the event: the generic name without one ("Unidentified Armed Group")
        return re.sub(r"\s*\(\{country\}\)|\s+(?:of|in) \{country\}", "", name).replace("{country}", "").strip()
    if country in _THE_COUNTRIES:
        name = name.replace("of {country}", f"of the {country}")
    return name.replace("{country}", country)


def _query_date(value: DateLike) -> str | None:
    """An ISO day for a query date; coarse dates ("2008", "2008-06") count from their first day."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    match = _ISO_RE.match(str(value).strip())
    if not match:
        raise ResolveError(f"not an ISO date: {value!r}", where="ActorRegistry.resolve",
                           hint="pass dates as YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    return f"{year}-{month}-{day}"


# ---------------------------------------------------------------------------- loading

class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML loader that records each mapping's line number under "__line__"."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


# Dates stay strings, so that a bad one ("2008-13-01") is reported with its line by _Reader.date.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class _Reader:
    """Validates the parsed YAML and builds entries; every error names file, line and id."""

    ACTOR_KEYS = {"id", "name", "type", "inter", "country", "aliases", "periods", "period_name",
                  "valid_from", "valid_to", "successor", "state", "role", "member_of", "branch_of"}
    GENERIC_KEYS = {"id", "name", "type", "inter", "nouns", "state_role", "after_demonym", "foreign_words"}
    TOP_KEYS = {"default_country", "demonyms", "period_sets", "generics", "told_group_nouns", "actors"}

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, line: int | None, message: str, hint: str | None = None) -> ResolveError:
        where = f"{self.path}:{line}" if line else str(self.path)
        return ResolveError(message, where=where, hint=hint)

    def keys(self, item: Any, allowed: set[str], what: str, line: int) -> dict[str, Any]:
        if not isinstance(item, dict):
            raise self.fail(line, f"{what} must be a mapping, got {type(item).__name__}")
        unknown = sorted(str(k) for k in item if k != "__line__" and k not in allowed)
        if unknown:
            raise self.fail(item.get("__line__", line), f"{what}: unknown field(s) {', '.join(unknown)}",
                            hint=f"allowed: {', '.join(sorted(allowed))}")
        return item

    def date(self, value: Any, line: int, what: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return value.isoformat()
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return _dt.date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                pass
        raise self.fail(line, f"{what}: bad date {value!r}", hint="write dates as YYYY-MM-DD")

    def text(self, value: Any, line: int, what: str, *, required: bool = True) -> str | None:
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(line, f"{what} must be a non-empty string, got {value!r}")
        return value.strip()

    def strings(self, value: Any, line: int, what: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(line, f"{what} must be a list of strings",
                            hint="quote aliases YAML would read as numbers or booleans")
        return [v.strip() for v in value]

    def inter(self, value: Any, line: int, what: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 8:
            raise self.fail(line, f"{what}: inter must be an ACLED code 1-8, got {value!r}")
        return value

    def kind(self, value: Any, line: int, what: str) -> str:
        if value not in ACTOR_TYPES:
            raise self.fail(line, f"{what}: unknown type {value!r}", hint=f"one of: {', '.join(sorted(ACTOR_TYPES))}")
        return value

    def span(self, start: str | None, end: str | None, line: int, what: str) -> None:
        if start and end and end <= start:
            raise self.fail(line, f"{what}: 'to' {end} is not after 'from' {start}")

    def period_sets(self, raw: Any) -> dict[str, list[tuple[str, str | None, str]]]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            raise self.fail(None, "period_sets must be a mapping of name -> list of periods")
        sets = {}
        for name, items in raw.items():
            if name == "__line__":
                continue
            line = raw["__line__"]
            if not isinstance(items, list) or not items:
                raise self.fail(line, f"period set {name!r} must be a non-empty list")
            periods = []
            for item in items:
                item = self.keys(item, {"from", "to", "label"}, f"period set {name!r}", line)
                pline = item["__line__"]
                start = self.date(item.get("from"), pline, f"period set {name!r}")
                if start is None:
                    raise self.fail(pline, f"period set {name!r}: a period needs 'from'")
                end = self.date(item.get("to"), pline, f"period set {name!r}")
                label = self.text(item.get("label"), pline, f"period set {name!r} label")
                periods.append((start, end, label))
            self.ordered([(s, e) for s, e, _ in periods], line, f"period set {name!r}")
            sets[str(name)] = periods
        return sets

    def ordered(self, spans: list[tuple[str, str | None]], line: int, what: str) -> None:
        for i, (start, end) in enumerate(spans):
            self.span(start, end, line, what)
            if i + 1 < len(spans):
                nxt = spans[i + 1][0]
                if end is None or nxt < end:
                    raise self.fail(line, f"{what}: periods overlap or are out of order at {nxt}",
                                    hint="list periods oldest first; only the last may have no 'to'")

    def periods(self, raw: Any, entry: dict[str, Any], sets: dict[str, Any], line: int, what: str) -> list[_Period]:
        if raw is None:
            return []
        if isinstance(raw, str):
            if raw not in sets:
                raise self.fail(line, f"{what}: unknown period set {raw!r}", hint=f"known: {', '.join(sorted(sets))}")
            template = self.text(entry.get("period_name"), line, f"{what} period_name", required=False)
            template = template or "{name} ({label})"
            return [_Period(s, e, template.replace("{name}", entry["name"]).replace("{label}", label))
                    for s, e, label in sets[raw]]
        if not isinstance(raw, list):
            raise self.fail(line, f"{what}: periods must be a period set name or a list of {{from, to, name}}")
        out = []
        for item in raw:
            item = self.keys(item, {"from", "to", "name"}, f"{what} period", line)
            pline = item["__line__"]
            start = self.date(item.get("from"), pline, f"{what} period")
            if start is None:
                raise self.fail(pline, f"{what}: a period needs 'from'")
            out.append(_Period(start, self.date(item.get("to"), pline, f"{what} period"),
                               self.text(item.get("name"), pline, f"{what} period name")))
        self.ordered([(p.start, p.end) for p in out], line, what)
        return out

    def members(self, raw: Any, line: int, what: str) -> list[_Membership]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise self.fail(line, f"{what}: member_of must be a list of {{id, role, from, to}}")
        out = []
        for item in raw:
            item = self.keys(item, {"id", "role", "from", "to", "main"}, f"{what} member_of", line)
            mline = item["__line__"]
            start = self.date(item.get("from"), mline, f"{what} member_of")
            end = self.date(item.get("to"), mline, f"{what} member_of")
            self.span(start, end, mline, f"{what} member_of")
            out.append(_Membership(self.text(item.get("id"), mline, f"{what} member_of id"),
                                   self.text(item.get("role"), mline, f"{what} member_of role"),
                                   start, end, bool(item.get("main", False))))
        if sum(m.main for m in out) > 1:
            raise self.fail(line, f"{what}: more than one member_of marked main")
        return out

    def actor(self, raw: Any, sets: dict[str, Any], line: int) -> _Entry:
        raw = self.keys(raw, self.ACTOR_KEYS, "actor", line)
        line = raw["__line__"]
        ident = self.text(raw.get("id"), line, "actor id")
        if not _SLUG_RE.match(ident):
            raise self.fail(line, f"actor id {ident!r} is not a slug", hint="use lowercase letters, digits and _")
        what = f"actor {ident!r}"
        name = self.text(raw.get("name"), line, f"{what} name")
        kind = self.kind(raw.get("type"), line, what)
        inter = 0 if kind == "person" and raw.get("inter") is None else self.inter(raw.get("inter"), line, what)
        entry = _Entry(
            id=ident, name=name, type=kind, inter=inter,
            country=self.text(raw.get("country"), line, f"{what} country", required=False),
            aliases=self.strings(raw.get("aliases"), line, f"{what} aliases"), line=line,
            periods=self.periods(raw.get("periods"), raw, sets, line, what),
            valid_from=self.date(raw.get("valid_from"), line, f"{what} valid_from"),
            valid_to=self.date(raw.get("valid_to"), line, f"{what} valid_to"),
            successor=self.text(raw.get("successor"), line, f"{what} successor", required=False),
            state=bool(raw.get("state", False)),
            role=self.text(raw.get("role"), line, f"{what} role", required=False),
            branch_of=self.text(raw.get("branch_of"), line, f"{what} branch_of", required=False),
            members=self.members(raw.get("member_of"), line, what),
        )
        self.span(entry.valid_from, entry.valid_to, line, what)
        if entry.role is not None:
            if entry.role not in STATE_ROLES:
                raise self.fail(line, f"{what}: unknown role {entry.role!r}",
                                hint=f"one of: {', '.join(sorted(STATE_ROLES))}")
            if not entry.state or not entry.country:
                raise self.fail(line, f"{what}: an actor with a role needs 'state: true' and a country")
        if entry.state and kind not in ("state_forces", "government", "external_forces"):
            raise self.fail(line, f"{what}: 'state: true' needs type state_forces, government or external_forces")
        if kind == "person" and not entry.members:
            raise self.fail(line, f"{what}: a person needs member_of (the organisation they act for)")
        if kind != "person" and entry.members:
            raise self.fail(line, f"{what}: only persons have member_of")
        return entry

    def generic(self, raw: Any, line: int) -> _Generic:
        raw = self.keys(raw, self.GENERIC_KEYS, "generic", line)
        line = raw["__line__"]
        ident = self.text(raw.get("id"), line, "generic id")
        if not _SLUG_RE.match(ident):
            raise self.fail(line, f"generic id {ident!r} is not a slug", hint="use lowercase letters, digits and _")
        what = f"generic {ident!r}"
        gen = _Generic(ident, self.text(raw.get("name"), line, f"{what} name"),
                       self.kind(raw.get("type"), line, what), self.inter(raw.get("inter"), line, what),
                       self.strings(raw.get("nouns"), line, f"{what} nouns"), line,
                       self.text(raw.get("state_role"), line, f"{what} state_role", required=False),
                       self.strings(raw.get("after_demonym") or [], line, f"{what} after_demonym"),
                       [w.casefold() for w in self.strings(raw.get("foreign_words") or [], line, f"{what} foreign_words")])
        if "{country}" not in gen.name:
            raise self.fail(line, f"{what}: a generic name needs a {{country}} slot",
                            hint='e.g. "Civilians ({country})"')
        if gen.state_role is not None and gen.state_role not in STATE_ROLES:
            raise self.fail(line, f"{what}: unknown state_role {gen.state_role!r}")
        if not gen.nouns:
            raise self.fail(line, f"{what}: needs at least one noun")
        return gen

    def check_links(self, entries: dict[str, _Entry]) -> None:
        """Cross-entry checks: member_of and successor targets, roles unique per country."""
        roles: dict[tuple[str, str | None], str] = {}
        for entry in entries.values():
            what = f"actor {entry.id!r}"
            for member in entry.members:
                target = entries.get(member.actor_id)
                if target is None:
                    raise self.fail(entry.line, f"{what}: member_of unknown actor {member.actor_id!r}")
                if target.type == "person":
                    raise self.fail(entry.line,
                                    f"{what}: member_of must name an organisation, not person {target.id!r}")
            if entry.successor is not None:
                seen = {entry.id}
                nxt = entry.successor
                while nxt is not None:
                    if nxt not in entries:
                        raise self.fail(entry.line, f"{what}: successor {nxt!r} is not a known actor")
                    if nxt in seen:
                        raise self.fail(entry.line, f"{what}: successor chain loops at {nxt!r}")
                    seen.add(nxt)
                    nxt = entries[nxt].successor
                if entry.valid_to is None:
                    raise self.fail(entry.line, f"{what}: a successor needs valid_to (when the group was renamed)")
            if entry.branch_of is not None and (entries.get(entry.branch_of) is None or not entry.country):
                raise self.fail(entry.line, f"{what}: branch_of needs a known actor and the branch's country")
            if entry.role:
                key = (entry.role, entry.country)
                if key in roles:
                    raise self.fail(entry.line,
                                    f"{what}: role {entry.role} of {entry.country} is already {roles[key]!r}")
                roles[key] = entry.id


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResolveError("actor registry not found", where=str(path),
                           hint="pass an existing actors.yaml or reinstall dateline") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ResolveError(f"cannot read actor registry: {exc}", where=str(path)) from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ResolveError(f"not valid YAML: {problem}", where=where,
                           hint="check indentation and quoting near that line") from exc


# ---------------------------------------------------------------------------- the registry

_LOADED: dict[tuple[str, int, int], "ActorRegistry"] = {}


class ActorRegistry:
    """Canonical actors with aliases, periods and memberships; resolves surface names."""

    def __init__(self, entries: dict[str, _Entry], generics: dict[str, _Generic], *,
                 demonyms: dict[str, str], default_country: str | None, path: Path | None = None,
                 told_group_nouns: tuple[str, ...] = ()) -> None:
        self.path = path
        # "the group", "the militant group": nouns that, definite, name the armed group the text named last
        self.told_group_nouns = told_group_nouns
        self.default_country = default_country
        self._entries = entries
        self._generics = generics
        self._demonyms = demonyms
        self._roles = {(e.role, e.country): e for e in entries.values() if e.role}
        self._branches: dict[tuple[str, str], list[_Entry]] = {}
        for e in entries.values():
            if e.branch_of and e.country:
                self._branches.setdefault((e.branch_of, e.country), []).append(e)
        self._roles_generic = {g.state_role: g for g in generics.values() if g.state_role}
        self._after_demonym = {normalise_actor_name(n): g for g in generics.values() for n in g.after_demonym}
        self._cache: dict[tuple[Any, ...], ActorMatch | None] = {}
        self._named: dict[str, _Entry] = {}
        self._nouns: dict[str, _Generic] = {}
        self._loose: dict[str, _Entry] = {}
        self._index()

    # -- construction -------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None) -> "ActorRegistry":
        """Read and validate a registry file (default: the shipped data/actors.yaml).

        Raises ResolveError with file and line on a missing, unparsable or invalid file.
        Loads of an unchanged file are shared (the registry is read-only apart from its cache).
        """
        path = Path(path) if path is not None else config.package_data("actors.yaml")
        try:
            stat = path.stat()
            stamp = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
        if stamp is not None and stamp in _LOADED:
            return _LOADED[stamp]
        registry = cls._build(path, _read_yaml(path))
        if stamp is not None:
            _LOADED[stamp] = registry
        return registry

    @classmethod
    def _build(cls, path: Path, data: Any) -> "ActorRegistry":
        reader = _Reader(path)
        data = reader.keys(data if data is not None else {}, reader.TOP_KEYS, "registry", 1)
        sets = reader.period_sets(data.get("period_sets"))
        demonyms_raw = data.get("demonyms") or {}
        if not isinstance(demonyms_raw, dict):
            raise reader.fail(None, "demonyms must be a mapping of word -> country")
        # every country's demonym and one-word name (countryinfo's data), the registry's own words first
        demonyms = {**_package_demonyms(),
                    **{normalise_actor_name(str(k)): str(v) for k, v in demonyms_raw.items() if k != "__line__"}}
        default_country = reader.text(data.get("default_country"), 1, "default_country", required=False)

        entries: dict[str, _Entry] = {}
        raw_actors = data.get("actors")
        if not isinstance(raw_actors, list) or not raw_actors:
            raise reader.fail(data.get("__line__"), "registry needs a non-empty 'actors' list")
        for raw in raw_actors:
            entry = reader.actor(raw, sets, data["__line__"])
            if entry.id in entries:
                raise reader.fail(entry.line, f"duplicate actor id {entry.id!r}",
                                  hint=f"first defined at line {entries[entry.id].line}")
            entries[entry.id] = entry
        reader.check_links(entries)
        for entry in entries.values():  # a person's inter is that of their main organisation
            if entry.type == "person" and not entry.inter:
                entry.inter = entries[_main_membership(entry).actor_id].inter

        generics: dict[str, _Generic] = {}
        for raw in data.get("generics") or []:
            gen = reader.generic(raw, data["__line__"])
            if gen.id in generics:
                raise reader.fail(gen.line, f"duplicate generic id {gen.id!r}")
            generics[gen.id] = gen
        told = tuple(reader.strings(data.get("told_group_nouns") or [], data["__line__"], "told_group_nouns"))
        try:
            return cls(entries, generics, demonyms=demonyms, default_country=default_country, path=path,
                       told_group_nouns=told)
        except _AliasClash as clash:
            raise reader.fail(clash.line, str(clash), hint="remove the alias from one of them") from None

    def _index(self) -> None:
        """Alias keys -> entries; clashes between different actors are errors."""
        owners: dict[str, tuple[str, int]] = {}

        def claim(key: str, owner: str, line: int) -> None:
            if not key:
                return
            if key in owners and owners[key][0] != owner:
                raise _AliasClash(f"alias {key!r} of {owner} is also an alias of {owners[key][0]}", line)
            owners[key] = (owner, line)

        loose: dict[str, set[str]] = {}
        for entry in self._entries.values():
            for alias in self._alias_forms(entry):
                key = normalise_actor_name(alias)
                claim(key, f"actor {entry.id!r}", entry.line)
                self._named[key] = entry
                if len(key.replace(" ", "")) >= 4:
                    loose.setdefault(_loose(key), set()).add(entry.id)
        for gen in self._generics.values():
            for noun in gen.nouns:
                key = normalise_actor_name(noun)
                claim(key, f"generic {gen.id!r}", gen.line)
                self._nouns[key] = gen
        # A loose key shared by two actors decides nothing, so it is left out.
        self._loose = {k: self._entries[next(iter(ids))] for k, ids in loose.items() if len(ids) == 1}

    @staticmethod
    def _alias_forms(entry: _Entry) -> list[str]:
        names = [entry.name] if "{country}" not in entry.name else []
        names += [p.name for p in entry.periods if "{country}" not in p.name]
        return names + entry.aliases

    # -- public API ---------------------------------------------------------------

    def actors(self) -> list[Actor]:
        """Every named actor (organisations and persons), in file order."""
        return [self._to_actor(e) for e in self._entries.values()]

    def get(self, actor_id: str) -> Actor:
        """The actor with this id ("generic:<id>" gives a generic actor for the default country)."""
        if actor_id in self._entries:
            return self._to_actor(self._entries[actor_id])
        if actor_id.startswith(GENERIC_PREFIX) and actor_id[len(GENERIC_PREFIX):] in self._generics:
            gen = self._generics[actor_id[len(GENERIC_PREFIX):]]
            return Actor(id=actor_id, name=_fill(gen.name, self.default_country), inter=gen.inter,
                         type=gen.type, country=self.default_country, aliases=list(gen.nouns))
        raise ResolveError(f"unknown actor id {actor_id!r}", where=str(self.path or "actor registry"),
                           hint="ids are listed by ActorRegistry.actors()")

    def patterns(self) -> list[tuple[str, str]]:
        """(surface, actor id) pairs for a spaCy PhraseMatcher on LOWER.

        Named aliases and canonical names (with and without the "al-" article), and the generic
        nouns (id "generic:<id>"). Possessives, titles and other plurals are left to resolve().
        """
        out: dict[tuple[str, str], None] = {}
        for entry in self._entries.values():
            names = [entry.name] if "{country}" not in entry.name else []
            for alias in names + entry.aliases:  # period names ("... (2006-2014)") never occur in text
                for form in _surface_variants(alias):
                    out.setdefault((form.lower(), entry.id), None)
                    plural = _plural_member(form)
                    if plural:  # "Kokang rebels" for the alias "Kokang rebel": a group named by its members
                        out.setdefault((plural.lower(), entry.id), None)
        for gen in self._generics.values():
            for noun in gen.nouns:
                out.setdefault((noun.lower(), GENERIC_PREFIX + gen.id), None)
        for noun in self.told_group_nouns:
            out.setdefault((noun.lower(), TOLD_GROUP), None)
        return list(out)

    def resolve(self, surface: str, *, date: DateLike = None, country: str | None = None) -> ActorMatch | None:
        """The actor a surface string names, on ``date`` and in ``country`` (of the event).

        Returns None only when the text is not an actor name the registry knows (e.g. "the
        weather", "Iranian weapons"); that is an answer, not a failure. ``country`` fills generic
        names ("Civilians (Syria)") and decides whether state forces are foreign (inter 8);
        it defaults to the registry's default_country. Raises ResolveError on a malformed date.
        """
        key = (surface, date, country)
        try:
            return self._cache[key]
        except KeyError:
            pass
        result = self._resolve(surface, _query_date(date), country or self.default_country)
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()
        self._cache[key] = result
        return result

    # -- resolution ---------------------------------------------------------------

    def _resolve(self, surface: str, date: str | None, context: str | None) -> ActorMatch | None:
        words = _words(surface)
        keys = [w.casefold() for w in words]
        found = self._find(keys, words)
        if found is None:
            log.debug("no actor for %r", surface)
            return None
        target, hint = found
        if isinstance(target, _Generic):
            if hint is None and any(k in target.foreign_words for k in keys):
                hint = INTERNATIONAL  # "foreign oil workers", "foreigners": of no one country
            return self._generic_match(target, hint or context, context, surface, date)
        branch = self._branch(target, date, context)
        if branch is not None:
            return self._entry_match(branch, date, context, surface, hint=hint,
                                     via=f"{_fill(target.name, context)} in {context}: its branch there")
        return self._entry_match(target, date, context, surface, hint=hint)

    def _branch(self, entry: _Entry, date: str | None, context: str | None) -> _Entry | None:
        """The branch of ``entry`` in the event's country on the date, which its names name there."""
        for branch in self._branches.get((entry.id, context or ""), ()):
            if date is None or branch.valid_from is None or date >= branch.valid_from:
                return branch
        return None

    def _lookup(self, keys: list[str], *, loose: bool = True) -> _Entry | _Generic | None:
        key = " ".join(keys)
        single = _singular(key)
        for cand in (key, single):
            hit = self._named.get(cand) or self._nouns.get(cand)
            if hit is not None:
                return hit
        if loose:
            for cand in (key, single):
                hit = self._loose.get(_loose(cand))
                if hit is not None:
                    return hit
        return None

    def _find(self, keys: list[str], words: list[str]) -> tuple[_Entry | _Generic, str | None] | None:
        """The target of a token list and a country named by a demonym in it (steps 1-5)."""
        hint: str | None = None
        start = 0
        while start < len(keys):  # steps 1-2: whole string, then without leading modifiers
            hit = self._lookup(keys[start:])
            if hit is not None:
                return self._armed_members(hit, keys[:start]), hint
            if hint is not None and " ".join(keys[start:]) in self._after_demonym:
                return self._after_demonym[" ".join(keys[start:])], hint  # "Russian forces", "US air strikes"
            head = keys[start]
            if head in self._demonyms:
                hint = hint or self._demonyms[head]
            elif head.endswith("_led") and head[:-4] in self._demonyms:
                # "Saudi-led coalition": the leader's country, whoever else the coalition counts
                return self._led(keys[start + 1:], words[start + 1:], self._demonyms[head[:-4]])
            elif head not in _MODIFIERS and not head.isdigit():
                break
            start += 1
        keys, words = keys[start:], words[start:]
        if len(keys) >= 2 and keys[-1] in _MEMBER_NOUNS:  # step 3: "Mahdi Army fighters"
            inner = self._find(keys[:-1], words[:-1])
            if inner is not None:
                return inner[0], hint or inner[1]
        for i in range(1, len(keys)):  # step 4: the longest tail that names an actor
            hit = self._lookup(keys[i:], loose=False)
            if hit is None:
                continue
            if isinstance(hit, _Generic) and hit.id in _NAME_GUARDED and _name_like(words[i - 1], words[i]):
                continue
            return self._armed_members(hit, keys[:i]), hint or next((self._demonyms[k] for k in keys[:i] if k in self._demonyms), None)
        if "of" in keys[1:-1]:  # step 5: "residents of Sadr City"
            cut = keys.index("of")
            inner = self._find(keys[:cut], words[:cut])
            if inner is not None:
                after = self._demonyms.get(" ".join(keys[cut + 1:]))
                return inner[0], hint or inner[1] or after
        return None

    def _armed_members(self, hit: _Entry | _Generic, before: list[str]) -> _Entry | _Generic:
        """ "rebel troops", "insurgent soldiers": a state's force noun after an armed group's word names that
        group's members, not the state's forces."""
        if not isinstance(hit, _Generic) or not hit.state_role:
            return hit
        for key in before:
            armed = self._lookup([key], loose=False)
            if isinstance(armed, _Generic) and not armed.state_role and armed.inter in NON_STATE_ARMED:
                return armed
        return hit

    def _led(self, keys: list[str], words: list[str], country: str) -> tuple[_Entry | _Generic, str | None] | None:
        """A force led by ``country``: a named force of that country, else its military (a coalition
        named for another country's forces is not theirs)."""
        found = self._find(keys, words) if keys else None
        if found is not None and isinstance(found[0], _Entry) and found[0].country in (None, country):
            return found[0], country
        military = self._roles_generic.get("military")
        return (military, country) if military is not None else found

    def _entry_match(self, entry: _Entry, date: str | None, context: str | None, surface: str, *,
                     hint: str | None = None, via: str | None = None) -> ActorMatch:
        if entry.type == "person":
            member = _membership_on(entry, date)
            if member is None:  # no role on that date: the person acts for themself
                return ActorMatch(entry.id, entry.name, entry.inter, "person", entry.country, surface, via)
            org = self._entries[member.actor_id]
            return self._entry_match(org, date, context, surface, hint=hint, via=f"{entry.name} ({member.role})")
        hops = 0
        while date and entry.successor and entry.valid_to and date >= entry.valid_to and hops < 20:
            nxt = self._entries[entry.successor]
            via = via or f"{_fill(entry.name, entry.country or hint or context)} (renamed {entry.valid_to})"
            entry, hops = nxt, hops + 1
        country = entry.country or hint or context
        name = _fill(_period_name(entry, date), country)
        inter, kind = entry.inter, entry.type
        if entry.state and context:
            home = entry.country == context
            inter = 1 if home else 8
            if entry.type != "government":
                kind = "state_forces" if home else "external_forces"
        return ActorMatch(entry.id, name, inter, kind, country, surface, via)

    def _generic_match(self, gen: _Generic, country: str | None, context: str | None, surface: str,
                       date: str | None) -> ActorMatch:
        if gen.state_role:
            entry = self._roles.get((gen.state_role, country))
            if entry is not None:
                return self._entry_match(entry, date, context, surface)
        inter, kind = gen.inter, gen.type
        if gen.state_role and context and country != context:
            inter = 8
            kind = "government" if gen.state_role == "government" else "external_forces"
        return ActorMatch(GENERIC_PREFIX + gen.id, _fill(gen.name, country), inter, kind, country, surface)

    def _to_actor(self, entry: _Entry) -> Actor:
        main = _main_membership(entry) if entry.members else None
        return Actor(id=entry.id, name=_fill(entry.name, entry.country or self.default_country),
                     inter=entry.inter, type=entry.type, country=entry.country, aliases=list(entry.aliases),
                     valid_from=entry.valid_from, valid_to=entry.valid_to,
                     member_of=main.actor_id if main else None)


class _AliasClash(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _main_membership(entry: _Entry) -> _Membership:
    return next((m for m in entry.members if m.main), entry.members[0])


def _membership_on(entry: _Entry, date: str | None) -> _Membership | None:
    """The first membership valid on the date; with no date, the main one."""
    if date is None:
        return _main_membership(entry)
    for member in entry.members:
        if (member.start is None or member.start <= date) and (member.end is None or date < member.end):
            return member
    return None


def _period_name(entry: _Entry, date: str | None) -> str:
    """The entry's name for the date: its period's name, else the period-free name."""
    if date is not None:
        for period in entry.periods:
            if period.start <= date and (period.end is None or date < period.end):
                return period.name
    return entry.name


def _package_demonyms() -> dict[str, str]:
    """One-word demonyms and country names of every country (countryinfo's data, MIT, read in
    :mod:`dateline.resolve.demonyms`) -> country name; a word two countries share ("Congolese") names neither."""
    from .demonyms import countries, country_name

    seen: dict[str, set[str]] = {}
    for country in countries():
        name = country_name(country.code, country.name)  # the gazetteer's name where the two disagree
        for word in (country.demonym, name):
            key = normalise_actor_name(word) if word else ""
            if key and " " not in key:
                seen.setdefault(key, set()).add(name)
    return {key: next(iter(names)) for key, names in seen.items() if len(names) == 1}


def _plural_member(alias: str) -> str | None:
    """ "Kokang rebels" for "Kokang rebel", "ETA gunmen" for "ETA gunman": the plural of a name that ends
    in a common noun for its members (lowercase, after a proper name); None for any other name."""
    head, _, last = alias.rpartition(" ")
    if not head or not last.isalpha() or not last.islower() or last.endswith("s"):
        return None
    if last.endswith("man"):
        return f"{head} {last[:-3]}men"
    if last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{head} {last[:-1]}ies"
    return f"{head} {last}es" if last.endswith(("x", "ch", "sh")) else f"{head} {last}s"


def _name_like(before: str, word: str) -> bool:
    """Whether two words look like part of a proper name ("Mujahideen Army")."""
    return before[:1].isupper() and word[:1].isupper()


def _surface_variants(alias: str) -> list[str]:
    """Spellings of an alias as it appears in text: with "al-", "al " and no article."""
    forms = [alias]
    if re.search(r"\b[Aa]l-", alias):
        forms.append(re.sub(r"\b([Aa])l-", r"\1l ", alias))
        forms.append(re.sub(r"\b[Aa]l-", "", alias))
    if "'" in alias:
        forms += [f.replace("'", "\u2019") for f in forms]
    return forms
