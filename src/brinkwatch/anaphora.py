"""anaphora: the actor a subject pronoun stands for.

A pronoun refers to the nearest subject above it in its own sentence that it can agree
with ("Israel may widen its campaign as it presses Hezbollah"), or, failing that, to
the subject of the sentence before it in the same paragraph ("Eritrea's minister denied
the report. He accused Addis Ababa ..."). "He" and "she" take a person, "it" a single
body or country, "they" a plural or compound actor. Anything else stays unresolved:
no actor is better than an invented one.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from brinkwatch.actors import ActorResolver, SentenceActors
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor

_PERSONS = frozenset({"he", "she"})
_REFERRING = _PERSONS | {"it", "they"}
_CLAUSE_LINKS = frozenset({"advcl", "conj", "ccomp", "xcomp", "relcl", "acl", "pcomp", "prep"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


class Antecedents:
    """Finds what a subject pronoun refers to."""

    def __init__(self, actors: ActorResolver, individuals: frozenset[str]) -> None:
        self._actors = actors
        self._individuals = individuals

    def resolve(
        self, pronoun: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        """The actor ``pronoun`` refers to, or None; one from an earlier sentence is marked
        ``inferred``."""
        word = pronoun.lower_
        if word not in _REFERRING:
            return None
        node = pronoun.head
        while node.dep_ in _CLAUSE_LINKS and node.head is not node:
            node = node.head
            actor = self._agreeing(word, _subject_of(node), found, parsed)
            if actor is not None:
                return actor
        before = _previous_sentence(parsed)
        if before is None:
            return None
        actor = self._agreeing(
            word, _subject_of(before.span.root), self._actors.annotate(before), before
        )
        return replace(actor, inferred=True) if actor is not None else None

    def _agreeing(
        self, word: str, head: Token | None, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        if head is None or head.pos_ == "PRON":
            return None
        actor = self._actors.actor(parsed, found, head)
        if actor is None or actor.code is None:
            return None
        entry = found.entries.get(head.i)
        person = (
            (entry is not None and entry.kind == "person")
            or head.ent_type_ == "PERSON"
            or (head.lemma_.lower() in self._individuals and head.tag_ not in _PLURAL_TAGS)
        )
        plural = head.tag_ in _PLURAL_TAGS or bool(actor.members)
        if word in _PERSONS:
            return actor if person else None
        if word == "it":
            return actor if not person and not plural else None
        return actor if plural else None


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _previous_sentence(parsed: ParsedSentence) -> ParsedSentence | None:
    """The sentence before this one in its paragraph, if the paragraph was parsed whole."""
    doc = parsed.span.doc
    last = parsed.span.start - 1
    while last >= 0 and doc[last].is_space:
        last -= 1
    if last < 0:
        return None
    words = [t for t in doc[last].sent if not t.is_space]
    return replace(parsed, span=doc[words[0].i : words[-1].i + 1])
