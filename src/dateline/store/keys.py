"""Place names reduced for matching, as the stores index them and the filters look them up."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable

__all__ = ["place_key"]

log = logging.getLogger(__name__)

_NON_WORD = re.compile(r"[^\w\s]+")


def _fallback_normalise(name: str) -> str:
    """Casefold, strip accents and punctuation, collapse spaces (used when resolve.names is absent)."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", bare.casefold()).split())


_NORMALISER: Callable[[str], str] | None = None


def place_key(name: str | None) -> str | None:
    """A place name reduced for matching (accent, case and "al-" insensitive when resolve.names is present)."""
    global _NORMALISER
    if name is None:
        return None
    if _NORMALISER is None:
        # Imported lazily: resolve/ is written separately and may be absent.
        try:
            from ..resolve.names import normalise_name
        except ImportError:
            log.debug("dateline.resolve.names not available; place names matched case-folded")
            _NORMALISER = _fallback_normalise
        else:
            _NORMALISER = normalise_name
    return _NORMALISER(name)
