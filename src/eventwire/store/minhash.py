"""Near-duplicate articles: MinHash signatures and locality-sensitive hashing bands.

Wire copies are republished with a new headline, a sentence reworded or the last
paragraph cut. Two bodies are compared by the Jaccard similarity of their sets of word
3-grams ("shingles"), estimated from a MinHash signature (datasketch) of
``NUM_PERM`` values. To find candidates without comparing every pair, the signature is
cut into ``BANDS`` bands of ``ROWS`` values; two articles that agree on every value of
at least one band become candidates (the LSH "S-curve": with 32 bands of 3 rows, a pair
of similarity 0.4 is a candidate with probability 1 - (1 - 0.4^3)^32 = 0.88, a pair of
0.6 with probability 0.999, a pair of 0.1 with probability 0.03). Candidates are then
confirmed by their estimated similarity: at least ``DUPLICATE_THRESHOLD``.

The store keeps the band keys in an indexed table, so finding the duplicates of a new
article is one indexed lookup per band, however large the store. The threshold and its
measured precision and recall are in the README (``benchmarks/dedup.py``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 96
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 3
# Estimated Jaccard similarity of word 3-grams at or above which two articles are
# near-duplicates. Measured in benchmarks/dedup.py on real news: a wire copy with its
# last fifth cut, a tenth of its sentences swapped and a few words changed scores
# 0.2-0.9 (median 0.56); two different articles at most 0.15.
DUPLICATE_THRESHOLD = 0.4
# Bodies with fewer shingles than this are too short to call duplicates reliably.
MIN_SHINGLES = 20
# Names the hashing, so signatures made by a different scheme are never compared.
SCHEME = f"minhash-affine32-seed1-p{NUM_PERM}-w{SHINGLE_WORDS}"

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The MinHash signature of an article body."""

    values: bytes  # NUM_PERM little-endian uint32 values

    def similarity(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two bodies' shingle sets."""
        mine = np.frombuffer(self.values, dtype="<u4")
        theirs = np.frombuffer(other.values, dtype="<u4")
        return float(np.count_nonzero(mine == theirs)) / NUM_PERM

    def band_keys(self) -> list[int]:
        """One signed 64-bit key per band (SQLite INTEGER), salted with the scheme and
        the band's index so equal values in different bands never collide."""
        width = ROWS * 4
        keys = []
        for band in range(BANDS):
            chunk = self.values[band * width : (band + 1) * width]
            digest = hashlib.blake2b(
                chunk, digest_size=8, person=b"eventwire-lsh", salt=band.to_bytes(2, "little")
            ).digest()
            key = int.from_bytes(digest, "little", signed=True)
            keys.append(key ^ _SCHEME_SALT)
        return keys


_SCHEME_SALT = int.from_bytes(
    hashlib.blake2b(SCHEME.encode(), digest_size=8).digest(), "little", signed=True
)


def shingles(text: str) -> set[str]:
    """The set of word 3-grams of ``text``, lowercased."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def fingerprint(text: str) -> Fingerprint | None:
    """The signature of ``text``, or None when it is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    sketch = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")
    sketch.update_batch([gram.encode("utf-8") for gram in sorted(grams)])
    return Fingerprint(np.asarray(sketch.hashvalues, dtype="<u4").tobytes())
