"""Which documents write numeric dates day/month/year ("16/6/08") rather than month/day ("6/16/08").

American outlets write month first, most others day first, and one batch often mixes them, so the
rule can name sources: ``DayFirst(sources={"bbc.co.uk"})`` reads the documents of that outlet day
first and the rest month first. A source is matched by its key (:func:`source_key`: the URL's
host without "www.", else the source name), or by any domain the host ends with ("news.bbc.co.uk"
matches "bbc.co.uk"). A JSON-lines record may also say ``"day_first": true`` for itself.
Either way, a first number over 12 is always a day ("16/6/08").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Union

from .outlets import source_key

__all__ = ["DayFirst", "DayFirstOption", "day_first_rule", "reads_day_first"]


@dataclass(frozen=True)
class DayFirst:
    """Day-first reading for every document (``everywhere``) or for those of listed sources."""

    everywhere: bool = False
    sources: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        # a rule must be applied to a document (reads_day_first); truth-testing it would treat
        # every document as day-first, so fail loudly where a reader forgot to resolve it
        raise TypeError("a DayFirst rule has no truth value: use reads_day_first(rule, url=..., source=...)")

    def applies(self, *, url: str | None, source: str | None) -> bool:
        """Whether a document with this URL and source name writes numeric dates day first."""
        if self.everywhere:
            return True
        if not self.sources:
            return False
        keys = {k for k in (source_key(url=url), source_key(source=source)) if k}
        return any(k == s or k.endswith("." + s) for k in keys for s in self.sources)


DayFirstOption = Union[bool, DayFirst]


def day_first_rule(*, everywhere: bool = False, sources: Iterable[str] = ()) -> DayFirstOption:
    """The option readers take: a plain bool when no source is named (the common case)."""
    keys = frozenset(k for k in (source_key(url=s) if "." in s else source_key(source=s) for s in sources) if k)
    return DayFirst(everywhere=everywhere, sources=keys) if keys and not everywhere else everywhere


def reads_day_first(option: DayFirstOption, *, url: str | None = None, source: str | None = None) -> bool:
    """The option applied to one document."""
    if isinstance(option, DayFirst):
        return option.applies(url=url, source=source)
    return bool(option)
