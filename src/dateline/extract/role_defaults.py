"""ACLED's conventions for sides the text leaves unnamed (``data/role_defaults.yaml``).

A protest's unnamed actor1 is "Protesters (Country)", an attack's unnamed perpetrator an
"Unidentified Armed Group (Country)", a battle's counted dead are not its second side. Each value
set or removed here is recorded in ``actor1_reason`` / ``actor2_reason``, so a reader can tell a
side the text named from one the convention supplied.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from ..config import package_data
from ..errors import ExtractError
from ..models import Event
from ..rules import enabled

if TYPE_CHECKING:
    from ..resolve.actors import ActorRegistry

__all__ = ["RoleDefaults", "SlotRule", "apply_role_defaults"]


@dataclass(frozen=True, slots=True)
class SlotRule:
    fill: str | None = None
    replace: frozenset[str] = frozenset()
    forces_to_actor2: bool = False
    keeps_words: bool = False  # the fill renames the people the replaced words named (civilians -> protesters)
    when_harmed: bool = False  # fill only when the event killed or wounded people ("the blast killed 70 people")

_FORCES = ("state_forces", "external_forces")
_FORCE_INTERS = (1, 8)


@dataclass(frozen=True)
class RoleDefaults:
    """Rules by "Type" or "Type/Sub-type" key, each a rule per slot (1 and 2)."""

    rules: dict[str, dict[int, SlotRule]]

    @classmethod
    @functools.lru_cache(maxsize=2)
    def load(cls, path: str | None = None) -> "RoleDefaults":
        where = path or str(package_data("role_defaults.yaml"))
        try:
            raw: Any = yaml.safe_load(open(where, encoding="utf-8").read()) or {}
            rules = {key: {int(slot[-1]): SlotRule(fill=(spec or {}).get("fill"),
                                                  replace=frozenset((spec or {}).get("replace") or ()),
                                                  forces_to_actor2=bool((spec or {}).get("forces_to_actor2")),
                                                  keeps_words=bool((spec or {}).get("keeps_words")),
                                                  when_harmed=bool((spec or {}).get("when_harmed")))
                           for slot, spec in (value or {}).items() if slot in ("actor1", "actor2")}
                     for key, value in raw.items()}
        except (OSError, yaml.YAMLError, AttributeError, TypeError, ValueError) as err:
            raise ExtractError(f"cannot read role defaults: {err}", where=where) from err
        return cls(rules)

    def for_event(self, event: Event) -> dict[int, SlotRule]:
        specific = self.rules.get(f"{event.event_type}/{event.sub_event_type}")
        return specific if specific is not None else self.rules.get(event.event_type, {})


def apply_role_defaults(event: Event, registry: "ActorRegistry | None", defaults: RoleDefaults | None = None) -> None:
    """Fill or clear the event's sides by the convention for its type, saying why in the reason fields."""
    if not enabled("extract.role_defaults"):
        return
    rules = (defaults or RoleDefaults.load()).for_event(event)
    first = rules.get(1)
    if first is not None and first.forces_to_actor2 and event.inter1 in _FORCE_INTERS and event.actor1_id \
            and event.actor1_id != event.actor2_id:
        _to_actor2(event)
    label = f"{event.event_type}" + (f"/{event.sub_event_type}" if event.sub_event_type else "")
    spans = {role: event.spans.get(f"actor{role}") for role in (1, 2)}  # the words that named each side
    removed: dict[str, list[int] | None] = {}  # actor id -> the words of a side the convention removed
    # every removal first: "attracted some 30,000 protesters" named the protesters as actor2; removed there,
    # they are the fill of actor1, which a fill checked against the old actor2 would refuse
    for role, rule in sorted(rules.items()):
        current = getattr(event, f"actor{role}_id")
        if getattr(event, f"actor{role}") is not None and current in rule.replace:
            old = getattr(event, f"actor{role}")
            removed[current] = spans[role]
            _clear(event, role)
            setattr(event, f"actor{role}_reason", f"'{old}' is never actor{role} of {label} (ACLED); removed")
    for role, rule in sorted(rules.items()):
        if getattr(event, f"actor{role}") is not None or rule.fill is None or registry is None:
            continue
        if rule.when_harmed and not (_harmed(event) and enabled("extract.harmed_are_civilians")):
            continue
        match = registry.resolve(rule.fill, date=event.date_start, country=event.country)
        if match is None or (role == 2 and match.actor_id == event.actor1_id) or (role == 1 and match.actor_id == event.actor2_id):
            continue
        setattr(event, f"actor{role}", match.name)
        setattr(event, f"actor{role}_id", match.actor_id)
        setattr(event, f"inter{role}", match.inter)
        span = spans[role] or removed.get(match.actor_id)
        if span is not None and rule.keeps_words:
            event.spans[f"actor{role}"] = span
        before = getattr(event, f"actor{role}_reason")
        reason = f"no actor{role} named: '{match.name}', ACLED's convention for {label}"
        setattr(event, f"actor{role}_reason", f"{before}; {reason}" if before else reason)


def _harmed(event: Event) -> bool:
    return any(bool(v) for v in (event.fatalities, event.fatalities_low, event.injured))


def _to_actor2(event: Event) -> None:
    """The force named as actor1 of a protest intervened: it becomes actor2 (what was actor2 goes)."""
    moved = event.actor1
    for name in ("actor{}", "actor{}_id", "inter{}", "assoc_actor_{}"):
        setattr(event, name.format(2), getattr(event, name.format(1)))
    if "actor1" in event.spans:
        event.spans["actor2"] = event.spans.pop("actor1")
    _clear(event, 1)
    event.actor2_reason = f"'{moved}' intervened in the protest: actor2 (ACLED)"


def _clear(event: Event, role: int) -> None:
    for name in (f"actor{role}", f"actor{role}_id", f"inter{role}", f"assoc_actor_{role}"):
        setattr(event, name, None)
    event.spans.pop(f"actor{role}", None)
