"""mend: put right what the parser is known to read wrongly, before anything reads it.

"The EU imposed asset freezes and travel bans on six officials": the parser takes
"asset" for the subject of a verb "freezes". A compound listed in
`rules/verb_read_compounds.txt`, standing as a clause under another verb, is made the
noun phrase it is: the head becomes that verb's object and the first word its compound.
So is a plural noun of what is said or asked ("claims", "demands") read as a verb after
a demonym ("rejected Azerbaijani claims that ...").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from brinkwatch.syntax import infinitive

# the clauses a misread compound stands as under the verb that really takes it
_CLAUSES = frozenset({"ccomp", "advcl", "xcomp", "conj"})
# how the parser hangs the real subject on the misread compound's first word
_READ_AS_MODIFIER = frozenset({"nmod", "compound", "nsubj"})


class CompoundMender:
    """Mends noun compounds read as a subject and a verb."""

    def __init__(
        self,
        compounds: frozenset[str],
        content_nouns: frozenset[str] = frozenset(),
        demonym: Callable[[str], bool] = lambda word: False,
        plural_read: frozenset[str] = frozenset(),
    ):
        self._compounds = compounds
        self._content = content_nouns  # "claim", "demand": read as verbs after a demonym
        self._demonym = demonym  # "Azerbaijani", "Russian"
        self._plural_read = plural_read  # "thanks": a verb the parser takes for a noun

    def mend(self, doc: Doc, body: bool = True) -> Doc:
        """The same Doc, its misread compounds made noun phrases in place; in body text
        (not a headline, which may lack a verb), a verb read as a participle of the
        sentence's subject made the verb it is."""
        for token in doc:
            if token.tag_ == "VBZ" and token.i > 0 and self._listed(doc[token.i - 1], token):
                _make_object(doc[token.i - 1], token)
            elif (
                token.tag_ in ("VBZ", "NNS")
                and token.i > 0
                and token.lemma_.lower() in self._content
                and self._demonym(doc[token.i - 1].text)
            ):
                _make_described_object(token)
        if body:
            for sentence in list(doc.sents):
                _make_verb(sentence.root)
                _make_present_verb(sentence.root, self._plural_read)
        return doc

    def _listed(self, first: Token, head: Token) -> bool:
        return (
            first.tag_ == "NN"
            and f"{first.lower_} {head.lemma_.lower()}" in self._compounds
            and (
                (head.dep_ in _CLAUSES and head.head.pos_ == "VERB")
                or _verb_before(first, head) is not None
            )
        )


def _verb_before(first: Token, head: Token) -> Token | None:
    """The real verb of "Switzerland imposed asset freezes", read with "freezes" as the
    sentence's verb and "imposed" as a participle of "asset"."""
    verb = first.doc[first.i - 1] if first.i > 0 else None
    if (
        head.dep_ == "ROOT"
        and verb is not None
        and verb.head == first
        and verb.tag_ in ("VBD", "VBN")
        and first.dep_ == "nsubj"
    ):
        return verb
    return None


def _make_object(first: Token, head: Token) -> None:
    """Hang ``head`` (and a noun joined before it) on the verb above as its object, with
    ``first`` as its compound; a reading that fits no known shape is left as it is."""
    verb = _verb_before(first, head)
    if verb is not None:  # the real verb becomes the root, with the subject
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        for child in [c for c in head.children if c.dep_ in ("nsubj", "punct") and c != first]:
            child.head = verb
        # "Britain on Friday imposed asset freezes": a name read as a modifier of "asset"
        # is the verb's subject
        for child in [c for c in first.children if c.i < verb.i and c.dep_ in _READ_AS_MODIFIER]:
            child.head, child.dep_ = verb, "nsubj"
        head.head = verb
    verb = head.head
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if first in subjects or (first.head == verb and first.dep_ == "dobj"):
        head.head, head.dep_ = verb, "dobj"  # "imposed asset freezes"
    elif first.dep_ == "conj" and (
        first.head in subjects or (first.head.head == verb and first.head.dep_ == "dobj")
    ):
        joined = first.head  # "imposed travel bans and asset freezes"
        joined.head, joined.dep_ = verb, "dobj"
        head.head, head.dep_ = joined, "conj"
    else:
        return
    first.head, first.dep_ = head, "compound"
    head.tag_, head.pos_ = "NNS", "NOUN"
    for prep in [c for c in head.children if c.dep_ == "prep"]:
        prep.head = verb  # "on six officials": whom the measures fall on


def _make_described_object(head: Token) -> None:
    """ "Armenia rejected Azerbaijani claims that ...": a plural noun read as a second verb
    whose object is the demonym before it, or as a second object beside it ("dismissed
    Azerbaijani demands"), is the verb's object, the demonym its modifier, and its "that"
    clause its content."""
    first = head.doc[head.i - 1]
    if not (
        head.dep_ in ("conj", "dobj")
        and first.dep_ == "dobj"
        and first.head == head.head
        and not any(c.dep_ in ("nsubj", "cc") for c in head.children)
    ):
        return
    head.head, head.dep_, head.tag_, head.pos_ = first.head, "dobj", "NNS", "NOUN"
    first.head, first.dep_ = head, "amod"
    for child in head.children:
        if child.dep_ == "ccomp":
            child.dep_ = "acl"


def _make_present_verb(root: Token, words: frozenset[str]) -> None:
    """ "The Government of Vanuatu thanks the Government of Australia for ...": a sentence
    read as one noun phrase around a listed verb form taken for a plural noun after a
    name is that verb's clause: the phrase before it its subject, the one after its
    object."""
    if root.pos_ not in ("NOUN", "PROPN") or root.dep_ != "ROOT":
        return
    verb = next(
        (
            t
            for t in root.subtree
            if t.lower_ in words
            and t.i > root.i
            and t.i + 1 < len(t.doc)
            and t.doc[t.i - 1].pos_ == "PROPN"
            and t.doc[t.i + 1].dep_ in ("det", "poss", "compound")
        ),
        None,
    )
    if verb is None or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in root.subtree):
        return  # (a finite verb elsewhere: the sentence has its verb)
    name = verb.doc[verb.i - 1]  # "Vanuatu": the name the verb was read as the head of
    if name.head == verb and verb.dep_ == "pobj":
        name.head, name.dep_ = verb.head, "pobj"
    later = [c for c in root.children if c.i > verb.i]
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBZ"
    root.head, root.dep_ = verb, "nsubj"
    for child in later:  # "the Government of Australia", "for ...", the full stop
        child.head = verb
        if child.dep_ == "appos":
            child.dep_ = "dobj"


def _make_verb(root: Token) -> None:
    """ "Qatar's foreign minister offered to host talks": a sentence read as one noun
    phrase, its verb a participle right after the head noun, is that noun's clause when
    the participle takes an object or a to-infinitive of its own."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return
    verb = next(
        (c for c in root.rights if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")),
        None,
    )
    if verb is None or verb.i != root.i + 1:
        return
    if verb.tag_ != "VBD" and not any(
        c.dep_ == "dobj" or (c.dep_ == "xcomp" and infinitive(c)) for c in verb.children
    ):
        return  # (a past tense, "The ambassador called on the premier", is a verb anyway)
    later = [c for c in root.children if c.i > verb.i]
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
    root.head, root.dep_ = verb, "nsubj"
    for child in later:  # the sentence's full stop, and what follows the verb
        child.head = verb
