"""attribution: who claims each mention (named, anonymous, media or none), the cue, the quote
kind, the reporting chain, and the hedge words attached to it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Span, Token

from brinkwatch.actors import ActorResolver, SentenceActors
from brinkwatch.folding import Found
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor, Attribution, AttributionKind, ChainLink, Mention, Speaker

_QUOTE_CHARS = re.compile(r'["\u201c\u201d\u00ab\u00bb\u201e]')
_OPENERS = frozenset("\u201c\u00ab\u201e")
_CLOSERS = frozenset("\u201d\u00bb")
_CONTAINERS = frozenset({"report", "story", "article", "dispatch", "broadcast"})
_INDEFINITE = frozenset({"a", "an", "one", "some", "several", "many", "another"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


@dataclass(frozen=True)
class AttributionRules:
    """Cue and word lists from ``rules/attribution.yaml``."""

    speech_verbs: frozenset[str]
    citing_verbs: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    anonymous_heads: frozenset[str]
    anonymous_phrases: tuple[str, ...]
    media_heads: frozenset[str]
    hedges: frozenset[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> AttributionRules:
        """Build from the parsed attribution YAML file."""
        return cls(
            speech_verbs=frozenset(data["speech_verbs"]),
            citing_verbs=frozenset(data["citing_verbs"]),
            according_to=tuple(tuple(p.split()) for p in data["according_to"]),
            anonymous_heads=frozenset(data["anonymous_heads"]),
            anonymous_phrases=tuple(data["anonymous_phrases"]),
            media_heads=frozenset(data["media_heads"]),
            hedges=frozenset(data["hedges"]),
        )


@dataclass(frozen=True)
class _Quote:
    start: int
    end: int
    block: int
    attribution: Attribution | None


class Attributor:
    """Attributes the mentions of one document, sentence by sentence, paragraph by paragraph."""

    def __init__(self, rules: AttributionRules, actors: ActorResolver) -> None:
        self._rules = rules
        self._actors = actors
        # per document, reset by attribute(): the subject a "he said" in each sentence means
        self._antecedents: dict[int, tuple[ParsedSentence, Token]] = {}
        # per document, reset by attribute(): what each speech verb or clause cites, by
        # sentence and token (the mentions of one sentence share their speakers)
        self._cited_by: dict[tuple[str, int, int], Attribution | None] = {}

    def attribute(
        self, found: Sequence[Found], sentences: Sequence[ParsedSentence]
    ) -> list[Mention]:
        """Each mention with its attribution and hedges set."""
        annotations = {id(p): self._actors.annotate(p) for p in sentences}
        self._antecedents = _antecedents(sentences)
        self._cited_by = {}
        quotes = self._quotes(sentences, annotations)
        result = []
        for item in found:
            parsed = item.parsed
            anchor = parsed.span.doc[item.anchor]
            actors = annotations.get(id(parsed)) or self._actors.annotate(parsed)
            attribution = self._direct(parsed, item.mention.trigger.span[0], quotes)
            if attribution is None and anchor.lemma_.lower() in self._rules.speech_verbs:
                attribution = self._from_speech_verb(parsed, actors, anchor)
            if attribution is None:
                attribution = self._reported(parsed, actors, anchor)
            if attribution is None and item.speech_act and item.mention.source is not None:
                attribution = self._self_attributed(parsed, actors, anchor, item.mention)
            mention = replace(
                item.mention, attribution=attribution or Attribution(), hedges=self._hedges(anchor)
            )
            if item.speaker_is_source and mention.source is None and attribution is not None:
                mention = replace(mention, source=_speaker_actor(attribution))
            result.append(mention)
        return result

    # -- direct quotes ----------------------------------------------------------------------

    def _quotes(
        self, sentences: Sequence[ParsedSentence], annotations: dict[int, SentenceActors]
    ) -> list[_Quote]:
        by_block: dict[int, list[ParsedSentence]] = {}
        for parsed in sentences:
            by_block.setdefault(parsed.sentence.block, []).append(parsed)
        quotes: list[_Quote] = []
        previous: Attribution | None = None
        for block, members in sorted(by_block.items()):
            start, end = members[0].sentence.start, members[-1].sentence.end
            regions = _quote_regions(members[0].text, start, end)
            if not regions:
                previous = None
                continue
            speaker = self._quote_speaker(members, annotations, regions)
            covered = sum(e - s for s, e in regions)
            if speaker is None and previous is not None and covered >= 0.8 * (end - start):
                speaker = previous  # a quote paragraph with no speaker continues the last one
            quotes.extend(_Quote(s, e, block, speaker) for s, e in regions)
            previous = speaker
        return quotes

    def _quote_speaker(
        self,
        members: Sequence[ParsedSentence],
        annotations: dict[int, SentenceActors],
        regions: list[tuple[int, int]],
    ) -> Attribution | None:
        for parsed in members:
            for token in parsed.span:
                position = parsed.start_of(token)
                if any(s <= position < e for s, e in regions):
                    continue
                if token.lemma_.lower() in self._rules.speech_verbs and token.pos_ == "VERB":
                    attribution = self._from_speech_verb(parsed, annotations[id(parsed)], token)
                    if attribution is not None:
                        return replace(attribution, quote="direct")
        return None

    def _direct(
        self, parsed: ParsedSentence, position: int, quotes: list[_Quote]
    ) -> Attribution | None:
        for quote in quotes:
            if quote.start <= position < quote.end and quote.attribution is not None:
                return quote.attribution
        return None

    # -- reported speech --------------------------------------------------------------------

    def _reported(
        self, parsed: ParsedSentence, actors: SentenceActors, anchor: Token
    ) -> Attribution | None:
        node = anchor
        according: Attribution | None = None
        while True:
            if according is None and (node != anchor or node.pos_ == "VERB"):
                according = self._according_to(parsed, actors, node)
            if node.head == node:
                return according
            child, node = node, node.head
            if (
                node.lemma_.lower() in self._rules.speech_verbs
                and node.pos_ == "VERB"
                # "denied shelling the depot and blamed the army": the blaming is the
                # speaker's own act, not what it reports
                and child.dep_ not in ("nsubj", "nsubjpass", "agent", "conj")
            ):
                found = self._from_speech_verb(parsed, actors, node)
                if found is not None:
                    return _nest(found, according)

    def _according_to(
        self, parsed: ParsedSentence, actors: SentenceActors, node: Token
    ) -> Attribution | None:
        return self._remembered(
            "according", parsed, node, lambda: self._according_to_once(parsed, actors, node)
        )

    def _according_to_once(
        self, parsed: ParsedSentence, actors: SentenceActors, node: Token
    ) -> Attribution | None:
        for child in node.children:
            words = [child.lower_, *[c.lower_ for c in child.children if c.dep_ == "prep"]]
            for phrase in self._rules.according_to:
                if tuple(words[: len(phrase)]) != phrase:
                    continue
                if child.lemma_.lower() in self._rules.citing_verbs:
                    objects = [c for c in child.children if c.dep_ == "dobj"]
                else:
                    objects = [t for t in child.subtree if t.dep_ == "pobj"]
                # "citing the collapse of order" gives a reason, not a source
                objects = [o for o in objects if self._can_speak(parsed, actors, o)]
                if objects:
                    speaker = self._speaker(parsed, actors, objects[0])
                    cue = " ".join(phrase)
                    return Attribution(
                        kind=speaker[1],
                        speaker=speaker[0],
                        cue=cue,
                        quote="indirect",
                        chain=(ChainLink(speaker[0].text, speaker[1]),),
                    )
        return None

    def _from_speech_verb(
        self, parsed: ParsedSentence, actors: SentenceActors, verb: Token
    ) -> Attribution | None:
        return self._remembered(
            "speech", parsed, verb, lambda: self._from_speech_verb_once(parsed, actors, verb)
        )

    def _remembered(
        self,
        kind: str,
        parsed: ParsedSentence,
        token: Token,
        work: Callable[[], Attribution | None],
    ) -> Attribution | None:
        """What ``work`` finds a token cites, worked out once per document."""
        key = (kind, parsed.sentence.index, token.i)
        if key not in self._cited_by:
            self._cited_by[key] = work()
        return self._cited_by[key]

    def _from_speech_verb_once(
        self, parsed: ParsedSentence, actors: SentenceActors, verb: Token
    ) -> Attribution | None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
        if subject is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subject is None:
            return None
        speaker, kind = self._speaker(parsed, actors, subject)
        chain = [ChainLink(speaker.text, kind)]
        for cited in self._cited(verb):
            cited_speaker, cited_kind = self._speaker(parsed, actors, cited)
            chain.append(ChainLink(cited_speaker.text, cited_kind))
        return Attribution(
            kind=kind, speaker=speaker, cue=verb.lower_, quote="indirect", chain=tuple(chain)
        )

    def _cited(self, verb: Token) -> list[Token]:
        """Sources an outlet cites: 'citing three diplomats', or unnamed officials it reports on."""
        cited: list[Token] = []
        for child in verb.children:
            if child.lemma_.lower() in self._rules.citing_verbs:
                cited.extend(c for c in child.children if c.dep_ == "dobj")
            elif child.dep_ == "prep" and child.lower_ == "according":
                cited.extend(t for t in child.subtree if t.dep_ == "pobj")
            elif child.dep_ == "ccomp":
                cited.extend(
                    c
                    for c in child.children
                    if c.dep_ == "nsubj"
                    and c.lemma_.lower() in self._rules.anonymous_heads
                    and c.pos_ != "PROPN"
                )
        return cited

    def _self_attributed(
        self, parsed: ParsedSentence, actors: SentenceActors, anchor: Token, mention: Mention
    ) -> Attribution | None:
        subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        speaker, kind = self._speaker(parsed, actors, subject)
        return Attribution(
            kind=kind,
            speaker=speaker,
            cue=anchor.lower_,
            quote="indirect",
            chain=(ChainLink(speaker.text, kind),),
        )

    def _can_speak(self, parsed: ParsedSentence, actors: SentenceActors, head: Token) -> bool:
        """Whether a noun can be a source: an actor, a person, an outlet or report, or
        an unnamed official."""
        lemma = head.lemma_.lower()
        return (
            head.pos_ == "PROPN"
            or lemma in self._rules.anonymous_heads
            or lemma in self._rules.media_heads
            or lemma in _CONTAINERS
            or self._actors.actor(parsed, actors, head, members=False) is not None
        )

    def _speaker(
        self, parsed: ParsedSentence, actors: SentenceActors, head: Token
    ) -> tuple[Speaker, AttributionKind]:
        if head.lemma_.lower() in _CONTAINERS:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "in", "by", "of"):
                    inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if inner is not None:
                        head = inner
        if head.lower_ in _PRONOUNS and head.dep_ == "nsubj":
            earlier = self._antecedents.get(parsed.sentence.index)
            if earlier is not None:
                parsed, head = earlier
                actors = self._actors.annotate(parsed)
        actor = self._actors.actor(parsed, actors, head, members=False)
        phrase = _phrase(head)
        kind = self._kind(head, phrase, actor is not None and actor.sector == "MED")
        whole = actor is None or kind == "anonymous"  # "people familiar with the matter"
        text = parsed.words(phrase[0], phrase[-1]) if whole else actor.text  # type: ignore[union-attr]
        span = parsed.char_span(phrase[0], phrase[-1]) if whole else actor.span  # type: ignore[union-attr]
        return Speaker(text=text, code=actor.code if actor else None, span=span), kind

    def _kind(self, head: Token, phrase: Span, is_outlet: bool) -> AttributionKind:
        words = phrase.text.lower()
        lemma = head.lemma_.lower()
        if is_outlet or (lemma in self._rules.media_heads and head.pos_ != "PROPN"):
            return "media"
        if any(p in words for p in self._rules.anonymous_phrases):
            return "anonymous"
        if (
            lemma in self._rules.anonymous_heads
            and head.pos_ != "PROPN"
            and not any(t.ent_type_ == "PERSON" for t in phrase)
        ):
            return "anonymous"
        if lemma in _PRONOUNS and any(
            p in head.sent.text.lower() for p in self._rules.anonymous_phrases
        ):
            return "anonymous"
        if head.pos_ == "NOUN" and any(
            (c.dep_ == "det" and c.lower_ in _INDEFINITE) or c.dep_ == "nummod"
            for c in head.children
        ):
            return "anonymous"  # "a Nigerien commander", "two officers": no one named
        return "named"

    # -- hedges -------------------------------------------------------------------------------

    def _hedges(self, anchor: Token) -> tuple[str, ...]:
        hedges: list[str] = []
        nodes = [anchor, *[c for c in anchor.children if c.dep_ in ("acl", "relcl")]]
        node = anchor
        while node.head != node and node.dep_ != "relcl":
            node = node.head
            nodes.append(node)
        for node in nodes:
            for token in [node, *node.children]:
                word = token.lower_ if token.pos_ == "ADV" else token.lemma_.lower()
                attached = token == node or token.dep_ == "advmod"
                if word in self._rules.hedges and attached and word not in hedges:
                    hedges.append(word)
        return tuple(hedges)


def _antecedents(sentences: Sequence[ParsedSentence]) -> dict[int, tuple[ParsedSentence, Token]]:
    """For each sentence, the subject of the latest earlier sentence outside quotation marks:
    who "he said" most likely means."""
    result: dict[int, tuple[ParsedSentence, Token]] = {}
    latest: tuple[ParsedSentence, Token] | None = None
    for parsed in sentences:
        if latest is not None:
            result[parsed.sentence.index] = latest
        if _QUOTE_CHARS.match(parsed.sentence.text):
            continue
        subject = next((c for c in parsed.span.root.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in _PRONOUNS:
            latest = (parsed, subject)
    return result


def _nest(reporter: Attribution, source: Attribution | None) -> Attribution:
    """'Reuters reported, citing diplomats, ...': the reporter speaks and the cited source
    follows in the chain; 'according to X, Y said ...': X speaks and Y follows."""
    if source is None or source.speaker is None or reporter.speaker is None:
        return reporter
    if any(link.text == source.speaker.text for link in reporter.chain):
        return reporter
    if source.cue in ("citing", "quoting"):
        return replace(reporter, chain=(*reporter.chain, *source.chain))
    return replace(source, chain=(*source.chain, *reporter.chain))


def _speaker_actor(attribution: Attribution) -> Actor | None:
    """The speaker as an actor: who makes a quoted accusation."""
    speaker = attribution.speaker
    if speaker is None or speaker.span is None:
        return None
    code = speaker.code or ""
    country = code[:3] if len(code) >= 3 and code[:3] != "---" else None
    return Actor(speaker.text, speaker.span, country, code[3:] or None)


def _phrase(head: Token) -> Span:
    tokens = [head, *[t for c in head.lefts for t in c.subtree]]
    first = min(tokens, key=lambda t: t.i)
    last = head
    for child in head.rights:
        if child.dep_ in ("prep", "amod", "acl") and child.lower_ in (
            "from",
            "familiar",
            "with",
            "close",
        ):
            last = max(child.subtree, key=lambda t: t.i)
    while first.dep_ in ("det",) and first.i < head.i and first.lower_ in ("the",):
        first = first.doc[first.i + 1]
    return head.doc[first.i : last.i + 1]


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches of a paragraph; an unclosed quote runs to the paragraph's end."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _QUOTE_CHARS.finditer(text, start, end):
        char, position = match.group(), match.start()
        if opened is None and char not in _CLOSERS:
            opened = position
        elif opened is not None and char not in _OPENERS:
            regions.append((opened, position + 1))
            opened = None
    if opened is not None:
        regions.append((opened, end))
    # one or two words in quotes are scare quotes ("narco-state"), not a quotation
    return [(s, e) for s, e in regions if len(text[s:e].split()) >= 4]
