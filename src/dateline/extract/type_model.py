"""The sub-event type classifier that sits beside the trigger rules: which ACLED sub-type a sentence reports.

A linear model over TF-IDF word and character n-grams, trained by ``scripts/train_type_model.py`` on the
labelled sentences in ``data/event_types/train.jsonl`` (written by the team to ACLED's definitions). It is
shipped as plain arrays, read with numpy and no pickle, so it loads offline and without scikit-learn::

    data/event_types/model.npz    features (the n-gram vocabulary), idf, coef (features x classes), intercept
    data/event_types/model.json   classes, the thresholds the extractor uses, and how the model was trained

``predict("Russian jets bombed a market in Idlib.")`` gives ``("Explosions/Remote violence",
"Air/drone strike", 0.93)``; a sentence that reports no event gives ``(None, "none", p)``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from ..config import package_data
from ..errors import ExtractError

__all__ = [
    "NONE",
    "SubType",
    "TypeModel",
    "TypePrediction",
    "default_type_model",
    "features",
    "heldout",
    "load_sub_types",
    "predict",
]

NONE = "none"  # the label of a sentence that reports no event
MODEL_DIR = package_data("event_types")
# one in five labelled rows is held out, chosen by the row's id (a hash of its text): stable under
# re-ordering and additions, and never seen by the trainer
HELDOUT_MODULUS = 5

_WORD = re.compile(r"(?u)\b\w\w+\b")
_DIGIT = re.compile(r"\d")
_CHAR_SIZES = (2, 3, 4, 5)
_GRAMS_KEPT = 200_000  # words whose n-gram indexes a model keeps (a few tens of MB at most)


def features(text: str) -> list[str]:
    """The n-grams of a sentence: words and word pairs (``w:``), and character 2- to 5-grams inside each
    word padded with spaces (``c:``). Digits become 0 so "14 March 2019" and "2 June 2021" look alike."""
    words, tokens = _words_and_tokens(text)
    out = _word_features(words)
    for token in tokens:
        out.extend(_char_grams(token))
    return out


def _words_and_tokens(text: str) -> tuple[list[str], list[str]]:
    lowered = _DIGIT.sub("0", text.lower())
    return _WORD.findall(lowered), lowered.split()


def _word_features(words: list[str]) -> list[str]:
    out = [f"w:{w}" for w in words]
    out.extend(f"w:{a} {b}" for a, b in zip(words, words[1:]))
    return out


def _char_grams(token: str) -> list[str]:
    padded = f" {token} "
    out: list[str] = []
    for n in _CHAR_SIZES:
        if len(padded) < n:
            break
        out.extend(f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return out


def heldout(row_id: str) -> bool:
    """Whether a labelled row belongs to the held-out part (never trained on)."""
    return int(hashlib.sha1(row_id.encode("utf-8")).hexdigest(), 16) % HELDOUT_MODULUS == 0


@dataclass(frozen=True, slots=True)
class SubType:
    """One ACLED sub-event type with its event type and the PLOVER coding it implies."""

    event_type: str
    sub_event_type: str
    plover_type: str | None
    plover_mode: str | None


def load_sub_types(path: Path | None = None) -> dict[str, SubType]:
    """ACLED's sub-event types by name, from ``data/event_types/sub_types.yaml``."""
    path = path or MODEL_DIR / "sub_types.yaml"
    try:
        rows = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return {r["sub_event_type"]: SubType(r["event_type"], r["sub_event_type"], r.get("plover"), r.get("mode"))
                for r in rows}
    except (OSError, yaml.YAMLError, KeyError, TypeError) as err:
        raise ExtractError(f"cannot read the sub-event types: {err}", where=str(path)) from err


@dataclass(frozen=True, slots=True)
class TypePrediction:
    """The classifier's best label for a sentence and its probability."""

    event_type: str | None  # None when the label is NONE
    sub_event_type: str
    probability: float
    event_probability: float  # that the sentence reports any event: 1 - P(none)

    @property
    def is_event(self) -> bool:
        return self.sub_event_type != NONE


@dataclass(frozen=True)
class TypeModel:
    """Vocabulary, idf and weights of the trained classifier, with the extractor's thresholds.

    ``decide``: the probability of its best sub-type at which the model's sub-type replaces the trigger's
    (and the least it needs to report an event itself); ``event``: the probability that the sentence
    reports any event at which the model may report one in a sentence no trigger word marks. Both were
    calibrated on out-of-fold predictions over the training part (see model.json)."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (features, classes)
    intercept: np.ndarray  # (classes,)
    classes: tuple[str, ...]
    sub_types: dict[str, SubType]
    decide: float
    event: float
    _grams: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)  # see _indexes

    @classmethod
    def load(cls, directory: Path | None = None) -> "TypeModel":
        """Read model.npz and model.json; ExtractError says which file is missing or wrong."""
        directory = Path(directory or MODEL_DIR)
        arrays_path, meta_path = directory / "model.npz", directory / "model.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            with np.load(arrays_path, allow_pickle=False) as arrays:
                names, idf = arrays["features"], arrays["idf"].astype(np.float64)
                coef, intercept = arrays["coef"].astype(np.float32), arrays["intercept"].astype(np.float64)
            classes = tuple(meta["classes"])
            decide, event = float(meta["thresholds"]["decide"]), float(meta["thresholds"]["event"])
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ExtractError(f"cannot load the event type model: {err}", where=str(directory),
                               hint="run scripts/train_type_model.py") from err
        if coef.shape != (len(names), len(classes)) or idf.shape != (len(names),) or intercept.shape != (len(classes),):
            raise ExtractError("the event type model's arrays do not fit together", where=str(arrays_path),
                               hint="run scripts/train_type_model.py")
        sub_types = load_sub_types(directory / "sub_types.yaml")
        unknown = sorted(set(classes) - set(sub_types) - {NONE})
        if unknown:
            raise ExtractError(f"the model predicts sub-types the taxonomy lacks: {unknown}", where=str(meta_path))
        vocabulary = {str(name): i for i, name in enumerate(names)}
        return cls(vocabulary, idf, coef, intercept, classes, sub_types, decide, event)

    def probabilities(self, text: str) -> np.ndarray:
        """The probability of every class (in ``classes`` order) for one sentence."""
        counts = Counter(self._indexes(text))  # counted in C from a list, in the features' order
        scores = self.intercept.copy()
        if counts:
            index = np.fromiter(counts, dtype=np.int64, count=len(counts))
            # sublinear tf, times idf, l2-normalised: TfidfVectorizer(sublinear_tf=True) as trained
            weight = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts))
            weight *= self.idf[index]
            weight /= np.linalg.norm(weight)
            scores += weight @ self.coef[index]
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def _indexes(self, text: str) -> list[int]:
        """The vocabulary indexes of the sentence's features, in their order; a word's character n-grams
        are looked up once per model (words recur: building and looking up their n-grams anew for
        every sentence was most of the classifier's time)."""
        vocabulary, known = self.vocabulary, self._grams
        words, tokens = _words_and_tokens(text)
        out = [i for i in map(vocabulary.get, _word_features(words)) if i is not None]
        for token in tokens:
            grams = known.get(token)
            if grams is None:
                grams = tuple(i for i in map(vocabulary.get, _char_grams(token)) if i is not None)
                if len(known) < _GRAMS_KEPT:
                    known[token] = grams
            out.extend(grams)
        return out

    def predict(self, text: str) -> TypePrediction:
        """The most probable label of one sentence."""
        probs = self.probabilities(text)
        best = int(probs.argmax())
        label = self.classes[best]
        sub = self.sub_types.get(label)
        none = float(probs[self.classes.index(NONE)]) if NONE in self.classes else 0.0
        return TypePrediction(sub.event_type if sub else None, label, float(probs[best]), 1.0 - none)


@lru_cache(maxsize=1)
def default_type_model() -> TypeModel:
    """The model shipped with the package, loaded once."""
    return TypeModel.load()


def predict(text: str) -> tuple[str | None, str, float]:
    """(event_type, sub_event_type, probability) of one sentence with the shipped model."""
    found = default_type_model().predict(text)
    return found.event_type, found.sub_event_type, found.probability
