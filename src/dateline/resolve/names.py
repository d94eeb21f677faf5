"""Place-name normalisation: one lookup key per spelling family.

``normalise_name`` reduces a surface name to a key that is shared by the usual
transliteration variants of Arabic (and other) place names, so that
"Al-Amarah", "Amara" and "Al ‘Amārah" meet, while distinct places stay apart
("Iran" vs "Iraq", "Kut" vs "Kirkuk"). ``strip_generic`` gives the second key,
without a trailing feature word ("Maysan province" -> "Maysan"), and reports
which kind of feature the word asked for.

The folds, in order (each applied to both the gazetteer and the query side,
so only consistency matters, not linguistic truth):

1. unidecode to ASCII, lowercase; apostrophes, ayn/hamza marks, dots dropped;
2. split on spaces and hyphens; drop Arabic articles (al, el, ad, an, ar, as,
   ash, at, ath, az, adh) in front of another word ("Al-Amarah", "Jurf as Sakhr");
   spell out a leading St./Ste./Mt./Ft. ("St. Louis" = "Saint Louis") and a trailing Co.
   ("Platte Co." = "Platte County");
3. join the words without spaces ("Tal Afar" = "Tall Afar" = "Talafar");
4. q -> k, dh -> z; ee -> i, oo/ou -> u; doubled letters collapsed
   ("Fallujah" = "Falujah"); then ai/ay/ei/ey -> i (Maysan = Maisan = Missan);
5. a final h after a vowel dropped ("Basrah" = "Basra").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from unidecode import unidecode

from .place_words import features, generic_prefixes, words

__all__ = ["GENERIC_WORDS", "abbreviation_hint", "core_name", "is_local_feature", "normalise_name", "strip_generic",
           "name_keys", "town_of_demonym"]

# Trailing words naming the kind of feature, with the feature they ask for, and leading words naming an
# administrative unit in transliterated Arabic/Kurdish (data/place_words.yaml).
GENERIC_WORDS: dict[str, str] = features("generic_suffix")
_GENERIC_PREFIXES = generic_prefixes()

_ARTICLES = frozenset({"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az"})
_LEADING_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
# Marks that transliterations use for ayn and hamza, plus apostrophes and dots.
_MARKS_RE = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4'\".,()]")
_SPLIT_RE = re.compile(r"[\s\-\u2010-\u2015_/]+")
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]")
# Letter folds before doubled letters collapse, then the diphthong folds after it
# (so "Dubayy" = "Dubai" and "Bayaa" = "Baya'a").
_FOLDS = (("q", "k"), ("dh", "z"), ("ee", "i"), ("oo", "u"), ("ou", "u"))
_DIPHTHONGS = (("ai", "i"), ("ay", "i"), ("ei", "i"), ("ey", "i"))
_DOUBLE_RE = re.compile(r"(.)\1+")
_FINAL_H_RE = re.compile(r"(?<=[aeiou])h$")


def _words(name: str) -> list[str]:
    """ASCII lowercase words of a name, marks removed, articles kept."""
    text = _MARKS_RE.sub("", unidecode(name).lower())
    words = (_NON_ALNUM_RE.sub("", w) for w in _SPLIT_RE.split(text))
    return [w for w in words if w]


def _drop_articles(words: list[str]) -> list[str]:
    """Words without Arabic articles, unless the article is the only word; a leading English
    abbreviation spelled out ("St. Petersburg" = "Saint Petersburg", "Mt. Pleasant" = "Mount Pleasant")."""
    kept = [w for w in words if w not in _ARTICLES]
    if len(kept) > 1 and kept[0] in _LEADING_ABBREVIATIONS:
        kept = [_LEADING_ABBREVIATIONS[kept[0]], *kept[1:]]
    return kept if kept else words


def _fold(words: list[str]) -> str:
    key = "".join(words)
    for old, new in _FOLDS:
        key = key.replace(old, new)
    key = _DOUBLE_RE.sub(r"\1", key)
    for old, new in _DIPHTHONGS:
        key = key.replace(old, new)
    key = _DOUBLE_RE.sub(r"\1", key)
    return _FINAL_H_RE.sub("", key)


@lru_cache(maxsize=65536)
def _keys(name: str) -> tuple[str, str, str | None]:
    """(full key, key without a generic word, the feature that word asks for); words are split once."""
    words = _drop_articles(_words(name))
    if len(words) > 1 and words[-1] == "co":
        words = [*words[:-1], "county"]  # "Platte Co." = "Platte County"
    key = _fold(words)
    if len(words) > 1 and words[-1] in GENERIC_WORDS:
        return key, _fold(words[:-1]), GENERIC_WORDS[words[-1]]
    if len(words) > 1 and words[0] in _GENERIC_PREFIXES:
        return key, _fold(_drop_articles(words[1:])), "ADM2"
    return key, key, None


def normalise_name(name: str) -> str:
    """The lookup key of a place name ('' when nothing name-like is left)."""
    return _keys(name)[0]


def strip_generic(name: str) -> tuple[str, str | None]:
    """Key without a trailing generic word (or leading 'Qada'), and the feature that word asks for.

    Returns ``(key, None)`` with the plain key when the name has no such word, or
    when the word is all there is ("City").
    """
    _key, key2, hint = _keys(name)
    return key2, hint


def name_keys(name: str) -> set[str]:
    """Every key a gazetteer name is indexed under: the full key and the key without an
    administrative word ("Maysan Governorate" under "maysan"). "City"/"town"/"village" stay:
    "Kansas City" and "Kuwait City" must not answer for "Kansas" and "Kuwait"."""
    key, key2, hint = _keys(name)
    if hint == "P":
        return {key} if key else set()
    return {k for k in (key, key2) if k}


# Words of a feature that lies at or around a place of the same core name: when the whole name is
# unknown, "Boston Harbor", "Port of Los Angeles", "Salinas Valley", "North London" are read as the
# place the core names (a point near the feature; the caller lowers the precision).
_FEATURE_SUFFIXES = tuple(sorted(words("feature_suffix")))
_FEATURE_PREFIXES = ("port of", "university of", "lake", "river", "gulf of", "bay of", "downtown", "greater",
                     "metropolitan", "metro", "upper", "lower", "north", "south", "east", "west", "northern",
                     "southern", "eastern", "western", "central", "northeast", "northwest", "southeast",
                     "southwest", "north-east", "north-west", "south-east", "south-west", "north east",
                     "north west", "south east", "south west", "northeastern", "northwestern",
                     "southeastern", "southwestern", "mid", "inner", "outer", "rural", "the")
_CORE_RE = re.compile(
    r"^(?:(?:%s)\s+)*(?P<core>.+?)(?:\s+(?:%s))*$" % (
        "|".join(re.escape(p) for p in sorted(_FEATURE_PREFIXES, key=len, reverse=True)),
        "|".join(re.escape(s) for s in sorted(_FEATURE_SUFFIXES, key=len, reverse=True))),
    re.IGNORECASE)


def core_name(name: str) -> str | None:
    """The place a feature or part of a place is named after ("Chattahoochee River" -> "Chattahoochee",
    "Port of Los Angeles" -> "Los Angeles", "East Cambridgeshire" -> "Cambridgeshire"); None when the
    name has no such word or nothing capitalised is left."""
    match = _CORE_RE.match(" ".join(name.split()))
    if match is None:
        return None
    core = match.group("core").strip(" ,'’-")
    if core == name.strip() or not core or not core[0].isupper() or len(core) < 3 or core.lower() in _FEATURE_WORDS:
        return None
    if _POSSESSIVE_RE.search(core):
        return None  # "St. Peter's Square", "St. Michael's Hospital": named after a person, not a place
    return core


def is_local_feature(name: str) -> bool:
    """Whether a name ends in the word of a local feature ("Islington Bay", "Rice Lake", "Penn Park"),
    which lies by a place of its core name in the same country, not by a namesake abroad."""
    words = name.lower().split()
    return bool(words) and words[-1] in _LOCAL_FEATURES


def town_of_demonym(name: str, names: Iterable[str]) -> str | None:
    """The name among ``names`` that ``name`` is the people of ("New Londoners", "Bostonians",
    "Atlantans": New London, Boston, Atlanta), by a demonym ending on its key; None when there is none.
    Only a town the document names itself: a bare "Rangers" or "Packers" is nobody's people."""
    key = normalise_name(name)
    for other in names:
        stem = normalise_name(other)
        if len(stem) >= 4 and key.startswith(stem) and key[len(stem):] in _DEMONYM_ENDINGS:
            return other
    return None


# what follows a town's key in its people's name, after the folds ("Londoner", "Bostonians", "Atlantans")
_DEMONYM_ENDINGS = frozenset({"er", "ers", "n", "ns", "an", "ans", "ian", "ians", "ite", "ites"})
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_LOCAL_FEATURES = words("local_feature")


_FEATURE_WORDS = frozenset(_FEATURE_SUFFIXES) | frozenset(_FEATURE_PREFIXES)


# the last dot may be missing where a sentence's full stop took it ("in Albany, N.Y")
_ABBREVIATION_RE = re.compile(r"^(?:[A-Z][a-z]{0,4}\.|(?:[A-Z]\.\s?){2,3}|(?:[A-Z]\.\s?){1,2}[A-Z]|[A-Z]\.\s?[A-Z][a-z]\.?)$")
# US and Canadian postal codes of states and provinces ("Albany, NY"); not "LA" (Los Angeles) or "DC"
_POSTAL_CODES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
    "PA RI SC SD TN TX UT VT VA WA WV WI WY AB BC MB NB NL NS NT NU ON PE QC SK YT".split())


def abbreviation_hint(name: str) -> str | None:
    """"Kan.", "N.Y.", "W. Va.", "B.C.", "NY": a dotted abbreviation or a postal code in news names a
    state or province."""
    name = name.strip()
    if name in _POSTAL_CODES:
        return "province"
    return "province" if _ABBREVIATION_RE.match(name) and name.rstrip(".") + "." not in _NOT_PROVINCES else None


_NOT_PROVINCES = frozenset({"U.S.", "U.K.", "U.S.A.", "E.U.", "D.C.", "St.", "Mt.", "Ft.", "L.A.", "U.N."})
