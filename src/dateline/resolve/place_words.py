"""Kind words of places ("province", "district", "village", ...), read from ``data/place_words.yaml``.

One table, one row per word: the hint it gives the resolver, the feature it names, and the rules
that use it. The name normaliser (:mod:`dateline.resolve.names`), the gazetteer build, the place tagger,
the resolver and extraction's placing, region and dating rules ask for the words of a use
(:func:`words`), the hints of a use (:func:`hints`), the features of a use (:func:`features`) and the
feature a hint asks for (:func:`hint_features`), so a word's uses are seen side by side instead of in a
set per rule. It lives beside the normaliser, the
lowest of its readers (imports flow one way: tests/test_layers.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml

from ..config import package_data
from ..errors import DatelineError

__all__ = ["USES", "WORDS_FILE", "WordRow", "features", "generic_prefixes", "hint_features", "hints", "word_rows",
           "words"]

WORDS_FILE = "place_words.yaml"
USES = ("admin_suffix", "province", "city", "named_by_of", "cue", "part", "unknown_kind", "settlement", "hint_noun",
        "apposition", "region", "county", "before_kind", "after_possessive", "generic_suffix", "admin_alias_suffix",
        "scene_noun", "armed_site", "area_noun", "bearing_kind", "phrase_kind", "part_noun", "date_name", "not_unknown", "of_place_body",
        "scene_of", "street", "feature_suffix", "local_feature", "demonym_area", "facility")


@dataclass(frozen=True, slots=True)
class WordRow:
    word: str
    hint: str | None
    uses: frozenset[str]
    feature: str | None = None  # the GeoNames feature class or code the word names, where a rule needs it


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, WordRow], dict[str, str], tuple[str, ...]]:
    path = package_data(WORDS_FILE)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise DatelineError(f"cannot read {path}: {err}") from err
    rows: dict[str, WordRow] = {}
    for word, item in (raw.get("words") or {}).items():
        uses = frozenset((item or {}).get("uses") or ())
        if not uses or not uses <= set(USES):
            raise DatelineError(f"{path.name}: {word!r}: uses must be some of {', '.join(USES)}")
        rows[str(word)] = WordRow(str(word), (item or {}).get("hint"), uses, (item or {}).get("feature"))
    by_hint = {str(k): str(v) for k, v in (raw.get("hint_features") or {}).items()}
    return rows, by_hint, tuple(str(w) for w in raw.get("generic_prefixes") or ())


def word_rows() -> dict[str, WordRow]:
    """Every kind word's row, by word."""
    return _table()[0]


@functools.lru_cache(maxsize=None)
def words(use: str) -> frozenset[str]:
    """The words one rule uses."""
    if use not in USES:
        raise DatelineError(f"no such use of kind words: {use!r}")
    return frozenset(w for w, row in word_rows().items() if use in row.uses)


def hints(use: str) -> dict[str, str | None]:
    """The words one rule uses -> the hint each gives (None: none)."""
    return {w: word_rows()[w].hint for w in sorted(words(use))}


def hint_features() -> dict[str, str]:
    """Hint -> the feature it asks for (a one-letter GeoNames class or a feature code)."""
    return dict(_table()[1])


def features(use: str) -> dict[str, str]:
    """The words one rule uses -> the feature each names (every such word must have one)."""
    out = {w: word_rows()[w].feature for w in sorted(words(use))}
    missing = [w for w, f in out.items() if f is None]
    if missing:
        raise DatelineError(f"{WORDS_FILE}: words used as {use} need a feature: {', '.join(missing)}")
    return {w: str(f) for w, f in out.items()}


def generic_prefixes() -> tuple[str, ...]:
    """Leading words that name an administrative unit in transliterated Arabic and Kurdish ("Qada Hit")."""
    return _table()[2]
