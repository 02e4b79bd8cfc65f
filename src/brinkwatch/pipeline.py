"""The coder: every stage, in order, over a stream of documents."""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from brinkwatch._data import data_yaml
from brinkwatch.actors import ActorResolver
from brinkwatch.attribution import AttributionRules, Attributor
from brinkwatch.casing import NameCasing
from brinkwatch.clean import filed_on, split_blocks, title_of
from brinkwatch.config import Options
from brinkwatch.context import (
    answered_demands,
    claims_before,
    country_positions,
    domestic_targets,
    earlier_attackers,
    fill_from_context,
    home_trips,
    judged_acts,
    meetings_together,
)
from brinkwatch.dates import date_marks, date_of, described_before, historical
from brinkwatch.events import EventFinder
from brinkwatch.folding import Found, refers_back
from brinkwatch.gazetteer import load_gazetteer
from brinkwatch.geo import (
    Locator,
    arresting_state,
    insurgent,
    local_actor,
    local_target,
    policed,
    residence,
    struck_place,
)
from brinkwatch.intent import IntentRules, as_intent, intent_anchor
from brinkwatch.language import LanguageDetector
from brinkwatch.lexicon import Lexicon, load_lexicon
from brinkwatch.mend import CompoundMender
from brinkwatch.merge import merge_mentions
from brinkwatch.ontology import Ontology, load_ontology
from brinkwatch.parse import PARSE_BATCH, block_texts, load_model, sentences_of
from brinkwatch.records import Block, CodedDocument, Document, Mention
from brinkwatch.status import StatusRules, status_of
from brinkwatch.syntax import answers_named

log = logging.getLogger(__name__)


def content_hash(document: Document) -> str:
    """A document's identity: the hash of its text (and title, when it has one)."""
    key = f"{document.title or ''}\n{document.text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Prepared:
    document: Document
    blocks: tuple[Block, ...]
    texts: list[str]
    number: int


class Coder:
    """Codes documents into events. Build once per process; the model loads here."""

    def __init__(self, options: Options | None = None, nlp: Language | None = None) -> None:
        self.options = options or Options()
        self.nlp = nlp if nlp is not None else load_model(self.options.model)
        self.lexicon: Lexicon = load_lexicon(self.options.dictionaries)
        self.ontology: Ontology = load_ontology()
        gazetteer = load_gazetteer()
        self.actors = ActorResolver(self.nlp, self.lexicon, gazetteer)
        self.events = EventFinder(self.nlp, self.lexicon, self.ontology, self.actors)
        speech = list(self.lexicon.attribution["speech_verbs"])
        self.status_rules = StatusRules.from_data(self.lexicon.status, speech)
        self.attributor = Attributor(
            AttributionRules.from_data(self.lexicon.attribution), self.actors
        )
        self.intent_rules = IntentRules.from_data(data_yaml("rules", "intent.yaml"))
        self.locator = Locator(gazetteer, self.lexicon.water_words, self.lexicon.landform_words)
        self.languages = LanguageDetector()
        self._keep = self.actors.proper_words
        self._mender = CompoundMender(
            self.lexicon.verb_read_compounds,
            self.lexicon.answered_nouns,
            self.actors.is_demonym,
            self.lexicon.plural_read_verbs,
        )
        self._casing = NameCasing(
            self.lexicon.actors, self.lexicon.lowercase_words, self.lexicon.lowercase_names
        )

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Coded documents, in input order; a document that fails carries a warning.

        Every block of every document goes through one batched ``nlp.pipe`` stream and
        documents are coded as soon as all their blocks are parsed; with
        ``options.workers`` above 1, worker processes code whole batches. Non-English
        documents are skipped with a warning."""
        if self.options.workers > 1:
            from brinkwatch.workers import code_in_processes

            yield from code_in_processes(self.options, documents)
            return
        pending: deque[_Prepared | CodedDocument] = deque()

        def texts() -> Iterator[tuple[str, int]]:
            for number, document in enumerate(documents):
                language = self.languages.detect(document.text)
                if language != "en":
                    warning = f"skipped: the text is in language '{language}', not English"
                    pending.append(CodedDocument(document, (), language, (warning,)))
                    continue
                item = self._prepare(document, number)
                pending.append(item)
                for text in item.texts:
                    yield text, number

        parsed: dict[int, list[Doc]] = {}
        stream = self.nlp.pipe(texts(), as_tuples=True, batch_size=PARSE_BATCH)
        for doc, number in stream:
            parsed.setdefault(number, []).append(doc)
            yield from self._ready(pending, parsed)
        yield from self._ready(pending, parsed)

    def _ready(
        self, pending: deque[_Prepared | CodedDocument], parsed: dict[int, list[Doc]]
    ) -> Iterator[CodedDocument]:
        """Code the documents at the head of the queue whose blocks are all parsed."""
        while pending:
            head = pending[0]
            if isinstance(head, CodedDocument):
                pending.popleft()
                yield head
                continue
            docs = parsed.get(head.number, [])
            if len(docs) < len(head.texts):
                return
            pending.popleft()
            parsed.pop(head.number, None)
            yield self._code_safely(head, docs)

    def code_text(self, text: str, doc_id: str = "text", **metadata: object) -> CodedDocument:
        """Code one text (metadata as in Document: title, url, outlet, published_at)."""
        document = Document(doc_id=doc_id, text=text, **metadata)  # type: ignore[arg-type]
        return next(self.code_documents([document]))

    def _prepare(self, document: Document, number: int) -> _Prepared:
        blocks = split_blocks(document)
        texts = block_texts(document, blocks, self._keep, self._casing.restore)
        return _Prepared(document, blocks, texts, number)

    def _code_safely(self, item: _Prepared, docs: Sequence[Doc]) -> CodedDocument:
        try:
            return self._code(item, docs)
        except Exception as exc:  # one bad document never stops a run
            log.exception("coding %s failed", item.document.doc_id)
            return CodedDocument(
                document=item.document,
                events=(),
                warnings=(f"coding failed: {exc.__class__.__name__}: {exc}",),
            )

    def _code(self, item: _Prepared, docs: Sequence[Doc]) -> CodedDocument:
        document = item.document
        # the day the story was published, or else filed ("LIMA, Sept. 13, 1992 (AP) -")
        published = document.published_at or filed_on(document, item.blocks)
        title = title_of(document, item.blocks)
        if title != document.title:
            document = replace(document, title=title)
        # 1. parse: sentences (a title or heading is one sentence of its own), with the
        # parser's known misreadings mended
        docs = [
            self._mender.mend(doc, block.kind == "body")
            for doc, block in zip(docs, item.blocks, strict=True)
        ]
        sentences = sentences_of(document, item.blocks, docs)
        # 2-3. actors and events: candidate mentions with type, code, source and target
        found: list[Found] = []
        for parsed in sentences:
            found.extend(self.events.find(parsed, document.doc_id))
        # 3b. document context fills actors that have a role but no country
        positions = country_positions(sentences, self.actors, self.lexicon.backing_words)
        filled = fill_from_context(
            [f.mention for f in found], positions, self.lexicon.foreign_words
        )
        found = [replace(f, mention=m) for f, m in zip(found, filled, strict=True)]
        # 4. status of each mention, from the cues that govern its trigger
        found = [
            replace(
                f,
                mention=replace(
                    f.mention,
                    status=status_of(
                        f.parsed.span.doc[f.anchor],
                        self.status_rules,
                        terms=f.mention.type == "THREATEN",
                    ),
                ),
            )
            for f in found
        ]
        # 4b. a promised cooperative act is the intent to do it (CAMEO 03), which occurred;
        # a date in the sentence still dates the act ("will host talks on Tuesday")
        tenses = [f.mention.status for f in found]
        anchors = [
            intent_anchor(
                f.parsed.span.doc[f.anchor],
                self.lexicon.light_verbs,
                self.intent_rules,
                f.mention.cameo,
            )
            for f in found
        ]
        found = [
            replace(
                f,
                mention=as_intent(
                    f.mention,
                    anchor,
                    anchor.pos_ == "VERB" and not f.speaker_is_source,
                    self.intent_rules,
                    self.ontology,
                ),
            )
            for f, anchor in zip(found, anchors, strict=True)
        ]
        # 5. attribution and hedges (quotes are followed across sentences and paragraphs)
        mentions = self.attributor.attribute(found, sentences)
        # 6. geo: the place the event's clause names, disambiguated by the actors' countries
        focus = [name.country for row in positions for name in row]
        mentions = [
            replace(
                m,
                location=self.locator.locate(
                    m, f.parsed.span.doc[f.anchor], f.parsed, self.actors.annotate(f.parsed), focus
                ),
            )
            for m, f in zip(mentions, found, strict=True)
        ]
        # "X telephoned Y": all who meet are the actor, unless one side hosts the other
        hosts: dict[int, bool] = {}
        for f in found:
            if id(f.parsed) not in hosts:
                hosts[id(f.parsed)] = self.events.hosted(f.parsed)
        mentions = meetings_together(mentions, [hosts[id(f.parsed)] for f in found])
        # an attack no one is named as making, on the side just attacked, is that attacker's
        mentions = earlier_attackers(mentions)
        mentions = [
            residence(
                policed(
                    insurgent(
                        local_target(
                            local_actor(
                                arresting_state(struck_place(m, f.parsed), f.parsed), f.parsed
                            ),
                            f.parsed,
                            self.lexicon.foreign_words,
                        ),
                        self.lexicon.foreign_words,
                    ),
                    self.lexicon.foreign_words,
                )
            )
            for m, f in zip(mentions, found, strict=True)
        ]
        # "rejected the demand": whoever made it just before
        answers = [
            answers_named(f.parsed.span.doc[f.anchor], self.lexicon.answered_nouns) for f in found
        ]
        mentions = answered_demands(mentions, answers)
        # "condemned the attack": whoever made the attack just told
        mentions = judged_acts(
            mentions, [self.events.named_act(f.parsed.span.doc[f.anchor]) for f in found]
        )
        if sentences:  # with no one named as acted on, a domestic act aims at home
            mentions = domestic_targets(
                mentions, positions, sentences[0].text, self.lexicon, answers
            )
        # 6b. time: the event date against the publication date (each sentence's date
        # expressions found once)
        anchor_sentences = [f.parsed.span.doc[f.anchor].sent for f in found]
        marks: dict[tuple[int, int], list[tuple[Token, str]]] = {}
        for sentence in anchor_sentences:
            if (id(sentence.doc), sentence.start) not in marks:
                marks[id(sentence.doc), sentence.start] = date_marks(sentence)
        mentions = [
            replace(
                m,
                date=date_of(
                    f.parsed.span.doc[f.anchor],
                    published,
                    tense,
                    self.status_rules.speech_verbs,
                    marks[id(sentence.doc), sentence.start],
                ),
            )
            for m, f, tense, sentence in zip(mentions, found, tenses, anchor_sentences, strict=True)
        ]
        # what a relative clause dates before the news describes its actor ("The M23,
        # which seized Goma last year, rejected the accord")
        kept = [
            not described_before(f.parsed.span.doc[f.anchor], m.date, published)
            for m, f in zip(mentions, found, strict=True)
        ]
        mentions = [m for m, keep in zip(mentions, kept, strict=True) if keep]
        found = [f for f, keep in zip(found, kept, strict=True) if keep]
        # "claimed responsibility for the attack": the attack just told, not a new one
        mentions = claims_before(
            mentions,
            [
                refers_back(f.parsed.span.doc[f.anchor], self.lexicon.responsibility_nouns)
                for f in found
            ],
        )
        # a leader's trip at home is no consultation ("visited flood-hit areas")
        mentions = home_trips(mentions)
        # background the text dates years back is not coded ("fought a war in 2006")
        mentions = [m for m in mentions if not historical(m.date, published)]
        # 7. merge mentions of one event inside the document
        events = merge_mentions(
            _without_duplicates(mentions),
            self.ontology,
            content_hash(document),
            self.options.merge_window_days,
        )
        return CodedDocument(document=document, events=tuple(events))


def _without_duplicates(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    unique = []
    for mention in mentions:
        if mention.trigger.span not in seen:
            seen.add(mention.trigger.span)
            unique.append(mention)
    return unique
