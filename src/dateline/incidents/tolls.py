"""Death tolls of one incident: every figure with who gave it, combined as low / best / high.

Different figures for one incident are alternatives, never added: the best is a figure told as a
revision ("the toll rose to 15") if any, else the figure most mentions agree on, else the lowest
(ACLED codes the most conservative of conflicting reports); low and high bound every figure given.
The one exception is the dead of two sides of a battle, each counted in its own words ("killing five
soldiers", then "two gunmen were also killed"): parts of the toll, combined side by side and added.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..models import Event, Figure
from ..resolve.actors import ActorRegistry
from ..rules import enabled

__all__ = ["ARMED", "STATE", "Toll", "combine", "counted_among_theirs", "counts_everyone", "figures_of", "partitive", "report_figures", "share_of",
           "toll_side"]

# Whose dead a figure counts, by the ACLED interaction code of the people its words name: a state's
# forces (its own or foreign ones) or an armed group's fighters. Civilians and "people" are no side: a
# figure of them may be everyone's dead.
STATE, ARMED = "state", "armed"
_SIDE_OF_INTER = {1: STATE, 8: STATE, 2: ARMED, 3: ARMED, 4: ARMED}
_WORD = re.compile(r"[A-Za-z]+")
# "one of the raiders", "two of them": a part of a group counted elsewhere, so at least that many ("18 of its
# soldiers" names whose soldiers, not a share)
_PARTITIVE = re.compile(r"\bof\s+(?:the|them|those|these|whom)\b", re.I)

# A figure told as a revision of an earlier one.
_UPDATED = re.compile(
    r"\b(?:rose|risen|rising|climbed|increased|jumped|reached|revised|updated|raised|later|final|now stands?|has grown)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Toll:
    best: int | None
    low: int | None
    high: int | None
    best_from: Figure | None  # the figure chosen as best (the low bound's when no count was given)


def _updated(event: Event) -> bool:
    span = event.spans.get("fatalities")
    if not span:
        return False
    start, end = span[0] - event.evidence_start, span[1] - event.evidence_start
    # the words before the figure ("later rose to") or inside its phrase ("the toll from the bombing rose to 15")
    return bool(_UPDATED.search(event.evidence_text[max(0, start - 40): max(0, end)]))


@functools.lru_cache(maxsize=1)
def _registry() -> ActorRegistry:
    return ActorRegistry.load()


def _counted_words(event: Event) -> str:
    span = event.spans.get("fatalities")
    if not span:
        return ""
    return event.evidence_text[max(0, span[0] - event.evidence_start): max(0, span[1] - event.evidence_start)]


def toll_side(event: Event) -> str | None:
    """The side whose dead the mention's figure counts ("five soldiers": the state's; "two gunmen": an armed
    group's), when every person its words name is of that one side; else None."""
    if not enabled("incidents.side_tolls"):
        return None
    sides = set()
    for word in _WORD.findall(_counted_words(event)):
        match = _registry().resolve(word)
        if match is not None:  # "police officers": the word the registry reads says whose
            sides.add(_SIDE_OF_INTER.get(match.inter))
    return sides.pop() if len(sides) == 1 else None


def partitive(event: Event) -> bool:
    """The mention's figure counts a part of a group ("two of their citizens were killed"): a share of
    the dead told elsewhere, never a toll of its own."""
    return event.fatalities is not None and enabled("incidents.partitive_tolls") and bool(_PARTITIVE.search(_counted_words(event)))


# the words of a figure that count everyone the violence killed ("fifteen people"): a report's whole toll
_EVERYONE = re.compile(r"\b(?:people|persons|individuals|victims)\b", re.I)


# "two of their citizens", "18 of its soldiers": members of a group the sentence points back to
_OF_THEIRS = re.compile(r"\bof\s+(?:their|its|our)\b", re.I)


def counted_among_theirs(event: Event) -> bool:
    """The mention's figure counts members of a group it points back to ("Canada and France each say two of
    their citizens were killed"): the dead of violence told before, not a new event."""
    if event.fatalities is None or not enabled("incidents.among_theirs"):
        return False
    counted = _counted_words(event)
    return bool(_PARTITIVE.search(counted) or _OF_THEIRS.search(counted))


def counts_everyone(event: Event) -> bool:
    """The mention's figure counts everyone killed ("at least fifteen people"), not one group of them."""
    return event.fatalities is not None and bool(_EVERYONE.search(_counted_words(event)))


def share_of(part: Event, whole: Event) -> bool:
    """``part``'s figure counts a share of ``whole``'s dead: a part of a group ("one of the raiders"), or,
    in one report, a group of the people its whole toll counts ("three ministers" beside "at least fifteen
    people ... including three ministers")."""
    # "several people" (at least 3) is a whole as well as "15 people"
    whole_dead = whole.fatalities if whole.fatalities is not None else whole.fatalities_low
    if part.fatalities is None or whole_dead is None or part.fatalities >= whole_dead:
        return False
    if partitive(part) or counted_among_theirs(part):
        return True
    return (enabled("incidents.group_of_everyone") and part.document_id == whole.document_id and counts_everyone(whole)
            and not counts_everyone(part))


def report_figures(mentions: Sequence[Event]) -> list[Figure]:
    """The death figures of one incident's mentions, a share of another mention's dead told as such (it
    stands beside the whole toll, never below it as an alternative)."""
    found = []
    for mention in mentions:
        figures = figures_of(mention)
        if figures and figures[0].bound in ("best", "low") and any(share_of(mention, other) for other in mentions if other is not mention):
            figures[0] = replace(figures[0], bound="share")
        found += figures
    return found


def figures_of(event: Event) -> list[Figure]:
    """The death figures one mention gives (its best count, and its bounds when they differ)."""
    found: list[Figure] = []
    span = event.spans.get("fatalities")
    side = toll_side(event)
    base = dict(mention_id=event.event_id, document_id=event.document_id, source=event.source,
                reported_by=event.reported_by, span=list(span) if span else None, side=side)
    if event.fatalities is not None:
        bound = "low" if event.fatalities_low == event.fatalities and event.fatalities_high is None else "best"
        if partitive(event):
            bound = "share"  # "one of the raiders was killed at the gate": a share of the dead told
        found.append(Figure(event.fatalities, bound=bound, updated=_updated(event), **base))
    elif event.fatalities_low is not None:
        # "several were killed": at least three, and no count to publish
        found.append(Figure(event.fatalities_low, bound="least", **base))
    if event.fatalities_high is not None and event.fatalities_high != event.fatalities:
        found.append(Figure(event.fatalities_high, bound="high", **base))
    return found


def combine(figures: Sequence[Figure]) -> Toll:
    """low / best / high over every figure given for one incident: alternatives, except that where two
    sides' dead are counted apart, each side's figures are combined and the sides added (a figure of
    no side, such as "seven people", stands for the whole when it is the larger)."""
    sides = sorted({f.side for f in figures if f.side}) if enabled("incidents.side_tolls") else []
    if len(sides) < 2:
        return _alternatives(figures)
    parts = [_alternatives([f for f in figures if f.side == side]) for side in sides]
    if any(p.best is None for p in parts):
        return _alternatives(figures)
    best = sum(p.best for p in parts if p.best is not None)
    whole = [f for f in figures if not f.side]
    if whole:
        told = _alternatives(whole)
        if told.best is not None and told.best >= best:
            return told
    low = sum(p.low if p.low is not None else p.best for p in parts if p.best is not None)
    highs = [p.high if p.high is not None else p.best for p in parts]
    high = sum(h for h in highs if h is not None)
    largest = max(parts, key=lambda p: p.best or 0)
    return Toll(best, low, max(high, best), largest.best_from)


def _alternatives(figures: Sequence[Figure]) -> Toll:
    """low / best / high over figures that are alternatives for one count."""
    if not figures:
        return Toll(None, None, None, None)
    # a share of the dead ("three ministers", "one of the raiders") counts only where nothing else does, as a lower bound
    figures = [f for f in figures if f.bound != "share"] or [replace(f, bound="low") for f in figures]
    values = [f.value for f in figures]
    counts_given = [f for f in figures if f.bound not in ("high", "least")]
    bounds_only = [f for f in figures if f.bound == "least"]
    if not counts_given and bounds_only:
        least = min(bounds_only, key=lambda f: f.value)  # a ceiling ("up to 40") is never the low bound
        return Toll(None, least.value, None, least)  # "several" alone: a low bound (from its mention), no best figure
    candidates = counts_given or list(figures)
    # "at least four" beside "23": the lower bound agrees with the count and does not compete with it
    exact = [f.value for f in candidates if f.bound == "best"]
    candidates = [f for f in candidates if f.bound != "low" or not any(v > f.value for v in exact)] or candidates
    updated = [f for f in candidates if f.updated]
    if updated:
        chosen = max(updated, key=lambda f: f.value)
    else:
        counts = Counter(f.value for f in candidates)
        top = max(counts.values())
        chosen = min((f for f in candidates if counts[f.value] == top), key=lambda f: f.value)
    low = min(values)
    # "at least 7" alone bounds nothing above; a high exists only when some figure is not a lower bound
    bounded = [f.value for f in figures if f.bound not in ("low", "least")]
    high = max(bounded) if bounded else None
    if high is not None and high < chosen.value:
        high = chosen.value
    return Toll(chosen.value, low, high, chosen)


def disagreement(name: str, values: Iterable[tuple[str, object]]) -> str | None:
    """"fatalities: AP 13, Jerusalem Post 7" when the sources give different values, else None."""
    by_source: dict[str, set[str]] = {}
    for source, value in values:
        if value is None:
            continue
        by_source.setdefault(source, set()).add(str(value))
    distinct = {v for vs in by_source.values() for v in vs}
    if len(distinct) < 2:
        return None
    parts = [f"{source} {'/'.join(sorted(vs, key=lambda v: (len(v), v)))}" for source, vs in sorted(by_source.items())]
    return f"{name}: " + ", ".join(parts)
