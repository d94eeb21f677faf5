"""The second side of a battle the sentence leaves unnamed, from the document's own words.

A battle is fought between two armed sides, and nearly always one of them is a state's forces: in
ACLED's coding, a clash whose sentence names only "militants" has the state's forces on the other
side, and one whose sentence names only "troops" has an unidentified armed group. Which state's
forces a report means ("the fighting in Fallujah continued") is the report's own: the force it names
most. Each side set here says so in ``actor1_reason`` / ``actor2_reason``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import DatelineError
from ..models import Event
from ..rules import enabled

if TYPE_CHECKING:
    from ..resolve.actors import ActorRegistry

__all__ = ["UNNAMED_GROUP", "Force", "leading_force", "oppose_sides"]

# ACLED's interaction codes of state forces at home (1) and abroad (8)
FORCE_INTERS = (1, 8)
# the words the registry reads as an armed group nobody named ("Unidentified Armed Group (Iraq)")
UNNAMED_GROUP = "gunmen"


@dataclass(frozen=True, slots=True)
class Force:
    """A state's forces as the document's events name them, and how often."""

    name: str
    actor_id: str | None
    inter: int
    mentions: int


def _is_force(registry: "ActorRegistry", e: Event, role: int) -> bool:
    """The side is a state's armed forces (military or police; not its government or a party)."""
    actor_id = getattr(e, f"actor{role}_id")
    if getattr(e, f"inter{role}") not in FORCE_INTERS or not actor_id:
        return False
    try:
        return registry.get(actor_id).type == "state_forces"
    except DatelineError:
        return False


def _named(e: Event, role: int) -> bool:
    """The sentence's words named the side (a convention's fill has no span)."""
    return f"actor{role}" in e.spans


def leading_force(events: Sequence[Event], registry: "ActorRegistry", country: str | None) -> Force | None:
    """The state force the document's words name most in events in ``country`` (the first named of
    equals), or None: a report on two wars has a force for each."""
    named: Counter[tuple[str, str | None, int]] = Counter()
    first: dict[tuple[str, str | None, int], int] = {}
    for e in events:
        if e.country != country:
            continue
        for role in (1, 2):
            if _named(e, role) and _is_force(registry, e, role):
                key = (getattr(e, f"actor{role}"), getattr(e, f"actor{role}_id"), getattr(e, f"inter{role}"))
                named[key] += 1
                first.setdefault(key, len(first))
    if not named:
        return None
    (name, actor_id, inter), count = min(named.items(), key=lambda kv: (-kv[1], first[kv[0]]))
    return Force(name, actor_id, inter, count)


def oppose_sides(events: Sequence[Event], registry: "ActorRegistry | None") -> None:
    """Give each battle with one side named the other: an unidentified armed group against state
    forces, the document's leading force in the battle's country against anyone else."""
    if not enabled("sides.battle_has_two") or registry is None:
        return
    forces: dict[str | None, Force | None] = {}
    for e in events:
        if e.event_type != "Battles" or (e.actor1 and e.actor2) or not (e.actor1 or e.actor2):
            continue
        if e.country not in forces:
            forces[e.country] = leading_force(events, registry, e.country)
        force = forces[e.country]
        if not e.actor1:
            # "deaths of soldiers in clashes with insurgents": the side named is the one fought
            if force is not None and not _is_force(registry, e, 2) and force.name != e.actor2:
                _set(e, 1, force.name, force.actor_id, force.inter, _leading(force))
            continue
        if force is not None and not _named(e, 1) and force.name != e.actor1 and enabled("sides.force_first"):
            # no side named ("the fighting went on"): the force against an armed group it fought
            _set(e, 1, force.name, force.actor_id, force.inter, _leading(force), replaces=True)
        if _is_force(registry, e, 1):
            match = registry.resolve(UNNAMED_GROUP, date=e.date_start, country=e.country)
            if match is not None and match.actor_id != e.actor1_id:
                _set(e, 2, match.name, match.actor_id, match.inter,
                     f"a battle has two sides: '{match.name}' against '{e.actor1}' (ACLED's convention)")
        elif force is not None and force.name != e.actor1:
            _set(e, 2, force.name, force.actor_id, force.inter, _leading(force))


def _leading(force: Force) -> str:
    return f"a battle has two sides: '{force.name}', the state force the document names most ({force.mentions})"


def _set(e: Event, role: int, name: str, actor_id: str | None, inter: int, reason: str, *, replaces: bool = False) -> None:
    setattr(e, f"actor{role}", name)
    setattr(e, f"actor{role}_id", actor_id)
    setattr(e, f"inter{role}", inter)
    before = None if replaces else getattr(e, f"actor{role}_reason")
    setattr(e, f"actor{role}_reason", f"{before}; {reason}" if before else reason)
