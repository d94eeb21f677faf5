"""Near-duplicate documents: the same wire story republished with small edits is a copy.

Documents are compared by MinHash signatures of their word 5-grams (datasketch), looked up in an
LSH index; a document whose estimated Jaccard similarity with a stored one reaches ``THRESHOLD`` is
stored and linked as a copy of it and adds no incidents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..models import normalise_text

__all__ = ["CopyIndex", "THRESHOLD", "from_hex", "signature", "to_hex"]

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.8
# Texts shorter than this many words are too short to call copies (a headline, a one-line brief).
MIN_WORDS = 40
_SEED = 1  # fixed, so signatures stored by one run compare with the next
_SCHEME = "affine32"  # datasketch's hashing scheme, named so stored values are read back the same way


def _shingles(text: str) -> set[bytes]:
    words = normalise_text(text).split()
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> MinHash:
    """The MinHash of a text's word 5-grams."""
    sig = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    sig.update_batch(sorted(_shingles(text)))
    return sig


def to_hex(sig: MinHash) -> str:
    return sig.hashvalues.astype("<u8").tobytes().hex()


def from_hex(value: str) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, hashvalues=np.frombuffer(bytes.fromhex(value), dtype="<u8"))


@dataclass
class CopyIndex:
    """Stored documents' signatures, to find the one a new document copies."""

    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM))
    signatures: dict[str, MinHash] = field(default_factory=dict)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> "CopyIndex":
        index = cls()
        for document_id, value in pairs:
            index.add(document_id, from_hex(value))
        return index

    def add(self, document_id: str, sig: MinHash) -> None:
        if document_id in self.signatures:
            return
        self.signatures[document_id] = sig
        self.lsh.insert(document_id, sig)

    def copy_of(self, text: str, sig: MinHash) -> tuple[str, float] | None:
        """(stored document id, estimated similarity) of the closest stored document this text copies."""
        if len(text.split()) < MIN_WORDS:
            return None
        found = [(self.signatures[d].jaccard(sig), d) for d in self.lsh.query(sig)]
        found = [(s, d) for s, d in found if s >= THRESHOLD]
        if not found:
            return None
        similarity, document_id = max(found, key=lambda x: (x[0], [-ord(c) for c in x[1]]))
        return document_id, round(float(similarity), 3)
