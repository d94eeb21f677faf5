"""Names that tell who stands behind an actor ("Iran-backed rebels", "Ethiopian-backed troops", "Dubai-based
TV"): not the scene of an event, nor the people or country a story is about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..rules import enabled

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["AFFILIATION_PARTICIPLES", "affiliation", "backs"]

AFFILIATION_PARTICIPLES = frozenset({"backed", "based", "led", "funded", "allied", "sponsored", "supported", "linked",
                                     "aligned", "controlled", "owned", "run", "born", "trained", "armed", "affiliated"})


def backs(doc: "Doc", end: int) -> bool:
    """The words from ``end`` on say whose backing or base the name before tells ("-backed", "-led", "-based")."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in AFFILIATION_PARTICIPLES


def affiliation(doc: "Doc", end: int) -> bool:
    """:func:`backs`, for a name counted toward the people or country a story is about (switched by
    ``geo.affiliation_is_no_people``)."""
    return enabled("geo.affiliation_is_no_people") and backs(doc, end)
