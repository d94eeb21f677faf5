"""What the mentions of one incident in the making have in common, so that a mention that cannot
join it is passed over without being compared with each of them.

A mention joins an incident of its report only when ``same_in_report`` holds with every member
(report.py), and a report of thousands of mentions has hundreds of incidents: comparing each
mention with every member of every incident took 20 s for a 1 MB paragraph. Four things
``same_in_report`` requires of every pair are kept here per incident, as the least and most it
allows: the kind of violence or event type, the date range (with the widest slack a pair may
get), a country, and a toll. :meth:`Candidate.admits` is False only when some member would fail
one of them, so the incidents a report builds do not change; the members are still compared one
by one when it is True.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import VIOLENT_TYPES, Event
from .compat import bounds, weak_date
from .tolls import counts_everyone, partitive, toll_side

__all__ = ["Candidate", "Traits"]

_TYPE_VIOLENT = "violent"  # every kind of violence may be one attack told differently (compat.types_compatible)
_SCENE_KINDS = frozenset({_TYPE_VIOLENT, "Protests", "Riots"})  # report._SCENE_TYPES as kinds


@dataclass(frozen=True, slots=True)
class Traits:
    """What :class:`Candidate` reads of one mention, read once."""

    kind: str  # _TYPE_VIOLENT or the event type
    bounds: tuple[date, date] | None
    weak_date: bool
    country: str | None
    fatalities: int | None
    side: str | None  # whose dead its toll counts (tolls.toll_side)
    everyone: bool  # its toll counts everyone killed, not one group (tolls.counts_everyone)
    # it only gives another toll (extract.toll_statements), counts the dead of the violence told
    # (report.refers_back) or a share of them (tolls.partitive): any toll may stand beside it
    revises: bool
    # it gives no date, place or toll of its own (report.bare): it may join a scene told as another kind
    bare: bool = False

    @classmethod
    def of(cls, e: Event, *, toll_statements: bool, refers_back: bool = False, bare: bool = False) -> Traits:
        return cls(_TYPE_VIOLENT if e.event_type in VIOLENT_TYPES else e.event_type, bounds(e), weak_date(e), e.country or None,
                   e.fatalities, toll_side(e), counts_everyone(e), partitive(e) or (toll_statements and "toll_of" in e.spans) or refers_back,
                   bare)


@dataclass(slots=True)
class _Dates:
    """The latest first day and the earliest last day of some members' dates."""

    first: date | None = None
    last: date | None = None

    def add(self, span: tuple[date, date]) -> None:
        self.first = span[0] if self.first is None else max(self.first, span[0])
        self.last = span[1] if self.last is None else min(self.last, span[1])

    def overlaps(self, span: tuple[date, date], slack: timedelta) -> bool:
        """``dates_compatible`` with every member counted (none: True)."""
        return self.first is None or (self.first <= span[1] + slack and span[0] <= self.last + slack)  # type: ignore[operator]


@dataclass(slots=True)
class Candidate:
    """One incident in the making: its members, their flag state, and what they require of a newcomer."""

    state: str
    members: list[Event] = field(default_factory=list)
    distinct: dict[tuple, Event] = field(default_factory=dict)  # one member per reading a newcomer is compared with
    # readings of members that joined as details of the event told ("several aides also died with him in the
    # raid"): a newcomer must agree with one of them or the others, but they bar nobody
    details: dict[tuple, Event] = field(default_factory=dict)
    kind: str | None = None  # all members' (they are all violent or all of one type)
    undated: bool = False  # some member has no date: a dated mention cannot join
    dated: bool = False  # some member has a date: an undated one cannot join
    strong: _Dates = field(default_factory=_Dates)  # members dated by their own sentence
    weak: _Dates = field(default_factory=_Dates)  # members dated by the document or the narrative
    countries: set[str] = field(default_factory=set)
    tolls: set[tuple[int, str | None, bool]] = field(default_factory=set)  # the tolls (side, of everyone) of members that do not only revise one

    def add(self, mention: Event, traits: Traits, reading: tuple | None = None, *, detail: bool = False) -> None:
        self.members.append(mention)
        key = (mention.event_id,) if reading is None else reading
        if detail and self.distinct:
            if key not in self.distinct:
                self.details.setdefault(key, mention)
        else:
            self.distinct.setdefault(key, mention)
            self.details.pop(key, None)
        if not (detail and traits.bare and self.kind is not None):  # a bare detail bars no kind the scene admits
            self.kind = traits.kind if self.kind is None or self.kind == traits.kind else "mixed"
        if traits.bounds is None:
            self.undated = True
        else:
            self.dated = True
            (self.weak if traits.weak_date else self.strong).add(traits.bounds)
        if traits.country:
            self.countries.add(traits.country)
        if traits.fatalities is not None and not traits.revises:
            self.tolls.add((traits.fatalities, traits.side, traits.everyone))

    def admits(self, t: Traits, *, weak_days: int, strong_days: int = 1) -> bool:
        """False when ``same_in_report`` fails for the mention and some member (see the module's docstring);
        it allows `weak_days` either side of two dates when one is weak, else `strong_days`."""
        if self.kind != t.kind and not (t.bare and self.kind in _SCENE_KINDS and t.kind in _SCENE_KINDS):
            return False  # compat.types_compatible (a bare mention may join a scene of another kind: report.bare)
        if t.bounds is None:
            if self.dated:
                return False
        elif self.undated:
            return False
        else:
            # compat.dates_compatible, with the slack of a weak date beside the weak members
            weak, strong = timedelta(days=weak_days), timedelta(days=weak_days if t.weak_date else strong_days)
            if not self.weak.overlaps(t.bounds, weak) or not self.strong.overlaps(t.bounds, strong):
                return False
        if t.country and not self.countries <= {t.country}:
            return False  # two countries are two places, named in the sentence or not
        # two tolls are two events, unless one only revises the other, they count two sides' dead, or one
        # counts a group of the people the other's counts (tolls.share_of)
        return t.fatalities is None or t.revises or all(
            value == t.fatalities or (side is not None and t.side is not None and side != t.side)
            or (everyone and not t.everyone and t.fatalities < value) or (t.everyone and not everyone and value < t.fatalities)
            for value, side, everyone in self.tolls)
