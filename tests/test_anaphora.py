"""anaphora: pronouns and descriptions across paragraphs, and the actor cache they use."""

from __future__ import annotations

from brinkwatch.parse import ParsedSentence
from brinkwatch.pipeline import Coder
from brinkwatch.records import Sentence


def _codes(coder: Coder, text: str) -> list[tuple[str, str | None, bool]]:
    return [
        (e.type, e.source.code if e.source else None, e.source.inferred if e.source else False)
        for e in coder.code_text(text).events
    ]


def test_a_pronoun_opening_a_paragraph_refers_to_the_one_before(coder: Coder) -> None:
    text = (
        "Gabon's foreign minister dismissed the report on Monday.\n\n"
        "He accused Cameroon of arming the separatists."
    )
    assert ("ACCUSE", "GABGOV", True) in _codes(coder, text)


def test_a_pronoun_that_agrees_with_nothing_stays_unresolved(coder: Coder) -> None:
    text = "The Gabonese ministry dismissed the report.\n\nShe accused Cameroon of arming rebels."
    assert ("ACCUSE", None, False) in _codes(coder, text)


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
