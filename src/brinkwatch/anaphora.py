"""anaphora: the actor a subject pronoun or a definite description stands for.

A pronoun refers to the nearest subject above it in its own sentence that it can agree
with ("Israel may widen its campaign as it presses Hezbollah"), or, failing that, to
the subject of the sentence before it ("Eritrea's minister denied the report. He
accused Addis Ababa ..."). "He" and "she" take a person, "it" a single body or
country, "they" a plural or compound actor. A description refers to the last name of
its kind before it, a few sentences back at most: "the country" to a country, "the
group" to an organisation, "the two countries" and "both sides" to the last two
countries named. Anything else stays unresolved: no actor is better than an invented
one. "We" and "I" in what someone says are the speaker. What comes from an earlier
sentence is marked ``inferred``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from brinkwatch.actors import ActorResolver, SentenceActors
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor

_PERSONS = frozenset({"he", "she"})
_REFERRING = _PERSONS | {"it", "they"}
# the links a pronoun's clause climbs to the subject it may refer to; through an object
# noun too: "Rwanda denied accusations that it backs the rebels"
_CLAUSE_LINKS = frozenset(
    {"advcl", "conj", "ccomp", "xcomp", "relcl", "acl", "pcomp", "prep", "dobj", "pobj", "npadvmod"}
)
# first persons: in what is said, the speaker
_SPEAKING = frozenset({"we", "i"})
# the links from a clause said up to the verb that says it
_SPOKEN_LINKS = frozenset({"ccomp", "conj", "advcl", "xcomp", "parataxis"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# object pronouns and the subject form whose agreement they share
_OBJECTS = {"him": "he", "her": "she", "it": "it", "them": "they"}
_OWNERS = {"his": "he", "her": "she", "its": "it", "their": "they"}
_NAMING_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "appos", "dative"})
_COUNTRY_KINDS = frozenset({"country", "adjective", "capital"})
_PAIRING = frozenset({"both", "two"})


class Antecedents:
    """Finds what a subject pronoun or a definite description refers to."""

    def __init__(
        self, actors: ActorResolver, rules: dict[str, Any], speech_verbs: frozenset[str]
    ) -> None:
        self._actors = actors
        self._speech = speech_verbs
        self._individuals = frozenset(rules["individual_nouns"])
        self._country_nouns = frozenset(rules["country_nouns"])
        self._other_nouns = frozenset(rules["other_side_nouns"])
        self._pair_nouns = frozenset(rules["pair_nouns"])
        self._body_nouns = frozenset(rules["body_nouns"])
        self._look_back = int(rules["look_back"])

    def resolve(self, head: Token, found: SentenceActors, parsed: ParsedSentence) -> Actor | None:
        """The actor the phrase headed by ``head`` refers to, or None."""
        if head.lower_ in _REFERRING:
            return self._pronoun(head, found, parsed)
        if head.lower_ in _SPEAKING:
            return self._speaker(head, found, parsed)
        if head.pos_ == "NOUN":
            return self.pair(head, found, parsed) or self._description(head, found, parsed)
        if head.pos_ == "PROPN" and head.lemma_.lower() in self._country_nouns:
            return self._description(head, found, parsed)  # "the Kingdom's condemnation"
        return None

    def object_of(
        self, pronoun: Token, found: SentenceActors, parsed: ParsedSentence, source: Actor | None
    ) -> Actor | None:
        """What an object pronoun refers to: the nearest agreeing actor named before it in
        its sentence other than the acting one ("Bolivia expelled the U.S. ambassador,
        accusing him of ...")."""
        word = _OBJECTS.get(pronoun.lower_)
        if word is None:
            return None
        return self._nearest(word, pronoun, found, parsed, source)

    def _nearest(
        self,
        word: str,
        pronoun: Token,
        found: SentenceActors,
        parsed: ParsedSentence,
        source: Actor | None,
    ) -> Actor | None:
        for token in reversed(parsed.span[: pronoun.i - parsed.span.start]):
            if token.dep_ not in _NAMING_DEPS or token.pos_ not in ("NOUN", "PROPN"):
                continue
            actor = self._agreeing(word, token, found, parsed)
            if actor is not None and (source is None or actor.span != source.span):
                return actor
        return None

    def _pronoun(
        self, pronoun: Token, found: SentenceActors, parsed: ParsedSentence, word: str = ""
    ) -> Actor | None:
        word = word or pronoun.lower_
        # an owner ("his country would use force") looks above the clause it owns in
        node = pronoun.head.head if pronoun.dep_ == "poss" else pronoun.head
        while node.dep_ in _CLAUSE_LINKS and node.head is not node:
            node = node.head
            actor = self._agreeing(word, _subject_of(node), found, parsed)
            if actor is not None:
                return actor
        if word == "it":
            # "would use force against Eritrea if it blocked access": no subject agrees,
            # so the nearest agreeing name before it
            actor = self._nearest(word, pronoun, found, parsed, None)
            if actor is not None:
                return actor
        before = parsed.previous
        if before is None:
            return None
        names = self._actors.annotate(before)
        actor = self._agreeing(word, _subject_of(before.span.root), names, before)
        if actor is None and word == "they":
            # "The ministry accused opposition leaders of ... They announced a strike": the
            # subject does not agree, so the latest plural actor the sentence names
            for token in reversed(list(before.span)):
                if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "poss"):
                    actor = self._agreeing(word, token, names, before)
                    if actor is not None:
                        break
        return replace(actor, inferred=True) if actor is not None else None

    def _speaker(
        self, pronoun: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        """Who "we" or "I" is in what someone says: the speaker ("'We reject these
        claims,' the ministry's spokesman said"; "The minister said: 'We will respond'")."""
        node = pronoun.head
        while node.dep_ in _SPOKEN_LINKS and node.head is not node:
            node = node.head
            if node.pos_ not in ("VERB", "AUX") or node.lemma_.lower() not in self._speech:
                continue
            subject = _subject_of(node)
            if subject is None or subject.lower_ in _SPEAKING:
                return None
            if subject.lower_ in _REFERRING:
                return self._pronoun(subject, found, parsed)
            # "Colombia's peace commissioner": a role we do not know speaks for its owner
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            return self._actors.actor(parsed, found, subject) or (
                self._actors.actor(parsed, found, owner) if owner is not None else None
            )
        return None

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
        # a name ("ECOWAS", tagged as a plural noun) is one body
        named = entry is not None and entry.kind in ("organization", "country")
        plural = (head.tag_ in _PLURAL_TAGS and not named) or bool(actor.members)
        if word in _PERSONS:
            return actor if person else None
        if word == "it":
            return actor if not person and not plural else None
        return actor if plural else None

    def _description(
        self, head: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        lemma = head.lemma_.lower()
        lefts = {t.lower_ for t in head.lefts}
        owner = next((t for t in head.lefts if t.dep_ == "poss" and t.lower_ in _OWNERS), None)
        if owner is not None and lemma in self._other_nouns and head.tag_ not in _PLURAL_TAGS:
            # "accusing its neighbour of massing forces": the other country named before
            referred = self._pronoun(owner, found, parsed, _OWNERS[owner.lower_])
            own = referred.country if referred is not None else None
            text, span = _phrase(head, parsed)
            other = next(
                (a for a in self._namings(head, found, parsed, _COUNTRY_KINDS) if a.country != own),
                None,
            )
            return replace(other, text=text, span=span, sector=None) if other else None
        if owner is not None and lemma in self._country_nouns | self._body_nouns:
            # "his country", "their movement": the country of whoever the owner refers
            # to, or the body it is
            referred = self._pronoun(owner, found, parsed, _OWNERS[owner.lower_])
            text, span = _phrase(head, parsed)
            if referred is None:
                return None
            if lemma in self._body_nouns:
                return replace(referred, text=text, span=span, inferred=True)
            if referred.country is None:
                return None
            return Actor(text, span, referred.country, inferred=True)
        if head.tag_ in _PLURAL_TAGS or "the" not in lefts:
            return None
        text, span = _phrase(head, parsed)
        if lemma in self._country_nouns:
            kinds = _COUNTRY_KINDS
        elif lemma in self._body_nouns:
            kinds = frozenset({"organization"})
        else:
            return None
        named = next(self._namings(head, found, parsed, kinds), None)
        return replace(named, text=text, span=span) if named is not None else None

    def role(
        self, actor: Actor, head: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor:
        """'The ministry', 'the rebels' with no country: the same role, or the same kind
        of actor, named with a country shortly before ("Algeria's defence ministry said
        ... the ministry closed the airspace"; "the ELN ... the rebels declared a
        truce"). Otherwise the actor as it is."""
        if (
            actor.country is not None
            or actor.sector is None
            or actor.members
            or actor.stateless
            or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in head.children
            )
        ):
            return actor
        lemma = head.lemma_.lower()
        sentence: ParsedSentence | None = parsed
        for back in range(self._look_back + 1):
            if sentence is None:
                break
            names = found if back == 0 else self._actors.annotate(sentence)
            tokens = [t for t in sentence.span if back > 0 or t.i < head.i]
            for token in reversed(tokens):
                if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
                    continue
                earlier = self._actors.actor(sentence, names, token, members=False)
                if earlier is None or earlier.country is None:
                    continue
                if token.lemma_.lower() == lemma or earlier.sector == actor.sector:
                    return replace(actor, country=earlier.country, inferred=True)
            sentence = sentence.previous
        return actor

    def pair(self, head: Token, found: SentenceActors, parsed: ParsedSentence) -> Actor | None:
        """'The two countries', 'both sides', 'both governments': the last two countries
        named before, as one compound actor (members keep the phrase's sector)."""
        lefts = {t.lower_ for t in head.lefts}
        # "the two agreed", "both said": the number alone stands for the pair
        alone = (
            head.lower_ in _PAIRING
            and head.dep_ in ("nsubj", "nsubjpass")
            and (head.lower_ == "both" or "the" in lefts)
        )
        if not alone and (
            head.tag_ not in _PLURAL_TAGS
            or head.lemma_.lower() not in self._pair_nouns
            or not lefts & _PAIRING
        ):
            return None
        role = self._actors.actor(parsed, found, head, members=False)
        sector = role.sector if role is not None else None
        countries: list[Actor] = []
        for naming in self._namings(head, found, parsed, _COUNTRY_KINDS):
            if all(naming.country != c.country for c in countries):
                countries.append(replace(naming, sector=sector))
            if len(countries) == 2:
                text, span = _phrase(head, parsed)
                return Actor(text, span, members=tuple(reversed(countries)), inferred=True)
        return None

    def _namings(
        self, head: Token, found: SentenceActors, parsed: ParsedSentence, kinds: frozenset[str]
    ) -> Iterator[Actor]:
        """Actors named by dictionary entries of ``kinds``, latest first: earlier in the
        sentence, then in the sentences before it (marked inferred)."""
        sentence: ParsedSentence | None = parsed
        for back in range(self._look_back + 1):
            if sentence is None:
                return
            names = found if back == 0 else self._actors.annotate(sentence)
            doc = sentence.span.doc
            latest = sorted(set(names.spans.values()), reverse=True)
            # what a sentence is about comes first: its subjects, then the latest name
            ordered = sorted(latest, key=lambda s: not _subject_like(doc[s[1] - 1]))
            for start, end in ordered:
                entry = names.entries[start]
                if (back == 0 and start >= head.i) or entry.kind not in kinds:
                    continue
                if entry.country is None and "organization" not in kinds:
                    continue
                first, last = doc[start], doc[end - 1]
                if entry.kind == "capital" and last.dep_ == "pobj":
                    continue  # "embassies in Abidjan": a place, not a party
                yield Actor(
                    text=sentence.words(first, last),
                    span=sentence.char_span(first, last),
                    country=entry.country,
                    sector=entry.sector,
                    inferred=True,
                )
            sentence = sentence.previous


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _phrase(head: Token, parsed: ParsedSentence) -> tuple[str, tuple[int, int]]:
    first = min(head.lefts, key=lambda t: t.i, default=head)
    return parsed.words(first, head), parsed.char_span(first, head)


def _subject_like(token: Token) -> bool:
    """A name that is, or is the possessor of, a subject ("Niger", "Niger's army")."""
    if token.dep_ == "poss":
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")
