"""The actor cache that pronoun resolution relies on when it looks into earlier paragraphs."""

from __future__ import annotations

from brinkwatch.parse import ParsedSentence
from brinkwatch.pipeline import Coder
from brinkwatch.records import Sentence


def _parsed(coder: Coder, text: str) -> ParsedSentence:
    doc = coder.nlp(text)
    sentence = Sentence(index=0, start=0, end=len(text), text=text, kind="body", block=0)
    return ParsedSentence(sentence, doc[:], 0, text)


def test_actor_matches_of_interleaved_paragraphs_stay_apart(coder: Coder) -> None:
    first = _parsed(coder, "Kenya sent troops.")
    second = _parsed(coder, "Police in Peru arrested ten men.")
    for _ in range(2):  # a look back into an earlier paragraph must not mix them up
        assert [e.country for e in coder.actors.annotate(first).entries.values()] == ["KEN"]
        assert [e.country for e in coder.actors.annotate(second).entries.values()] == ["PER"]
