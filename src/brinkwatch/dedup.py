"""dedup: near-duplicate stories (syndicated and lightly edited copies) by MinHash LSH.

Documents whose word 3-shingles overlap (Jaccard about 0.6 or more) form one story;
every copy points at the first document of its story (`duplicate_of`). Copies are one
report, not corroboration: independent outlet counts count a story once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
THRESHOLD = 0.6
_SHINGLE = 3
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    """The MinHash of a text's word shingles."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    """A signature as bytes for the store."""
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(raw: bytes) -> MinHash:
    """A signature read back from the store."""
    values = np.frombuffer(raw, dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=MinHash(num_perm=1).scheme)


@dataclass(frozen=True)
class Story:
    """Which story a document belongs to and which earlier document it copies."""

    story_id: str
    duplicate_of: str | None


class StoryIndex:
    """An LSH index over the stories seen so far (rebuilt from the store per ingest)."""

    def __init__(self, known: Iterable[tuple[str, str, bytes]] = ()) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._story: dict[str, str] = {}
        for doc_hash, story_id, raw in known:
            self._add(doc_hash, story_id, from_bytes(raw))

    def _add(self, doc_hash: str, story_id: str, minhash: MinHash) -> None:
        if doc_hash not in self._story:
            self._lsh.insert(doc_hash, minhash)
            self._story[doc_hash] = story_id

    def assign(self, doc_hash: str, minhash: MinHash) -> Story:
        """The story of a new document (its own when it copies nothing), and remember it."""
        matches = sorted(self._lsh.query(minhash))
        if matches:
            original = min(matches, key=lambda h: (self._story[h] != h, h))
            story = Story(self._story[original], original)
        else:
            story = Story(doc_hash[:16], None)
        self._add(doc_hash, story.story_id, minhash)
        return story
