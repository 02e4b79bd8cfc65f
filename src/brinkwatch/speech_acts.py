"""speech_acts: events made by what someone says about others.

A party saying another attacked it accuses it ("Israel said Hamas fired rockets"); an
obligation laid on another actor is a demand ("X said Y must withdraw"); calling someone
a terrorist or a narco-state is an accusation.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Token

from brinkwatch.actors import ActorResolver, SentenceActors, countries_of, is_coded
from brinkwatch.context import mention_confidence
from brinkwatch.folding import Found
from brinkwatch.lexicon import Lexicon
from brinkwatch.nonevents import NonEvents
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor, Mention, Trigger
from brinkwatch.syntax import POSSESSIVES, in_quotation, that_clause, within_description
from brinkwatch.verbforms import VerbForms

# acts whose claimed perpetrator a speaker accuses
_ACCUSABLE = frozenset({"ASSAULT", "COERCE"})
# sides outside the state whose claims about it (or its claims about them) accuse
_OUTSIDE_STATE = frozenset({"HRI", "NGO", "OPP", "REB", "INS", "SEP"})
_STATE = frozenset({"GOV", "MIL", "COP"})
_ARMED_OUTSIDE = frozenset({"REB", "INS", "SEP"})


class SpeechActs:
    """Finds the accusations and demands a sentence's speech makes, beside its triggers."""

    def __init__(
        self,
        nlp: Language,
        lexicon: Lexicon,
        actors: ActorResolver,
        nonevents: NonEvents,
        verbs: VerbForms,
    ):
        self._lexicon = lexicon
        self._actors = actors
        self._nonevents = nonevents
        self._verbs = verbs
        self._speech = frozenset(lexicon.attribution["speech_verbs"])
        self._obliging = frozenset(lexicon.obligation_modals)
        # "not criminals", "any aggression": a label denied or applied to no one
        self._denying = frozenset(lexicon.status["negation_words"]) | frozenset(
            lexicon.status["hypothetical_determiners"]
        )
        self._labels = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels.add("LABEL", [nlp.make_doc(label) for label in lexicon.accusation_labels])

    def claimed_attacks(
        self, parsed: ParsedSentence, found: SentenceActors, doc_id: str, coded: list[Found]
    ) -> list[Found]:
        """'Israel said Hamas fired rockets': a party saying another attacked it accuses it.

        The attack stays an event of its own (attributed to the speaker); the accusation
        is added. A state or an international body (the UN) named as the speaker accuses
        whomever it says attacked; outlets report rather than accuse, so media speakers add
        nothing, and unnamed officials only accuse for their own side ("Thai sources said
        Vietnam's forces shelled Cambodian camps" reports a fight between others)."""
        results = []
        for item in coded:
            mention = item.mention
            if mention.type not in _ACCUSABLE or item.speech_act:
                continue
            anchor = parsed.span.doc[item.anchor]
            if any(c.dep_ == "aux" and c.tag_ == "MD" for c in anchor.children):
                continue  # "said Y could attack" is a warning, not an accusation
            if any(c.dep_ == "neg" for c in anchor.children):
                continue  # "said Turkish vessels did not fire": no one is accused
            speech = self._speech_verb_over(anchor)
            subject = (
                next((c for c in speech.children if c.dep_ == "nsubj"), None) if speech else None
            )
            speaker = self._actors.actor(parsed, found, subject) if subject is not None else None
            accused = mention.source or self._origin(parsed, found, anchor)
            named = accused.text.lower().split() if accused is not None else []
            if named and named[0] in POSSESSIVES:
                continue  # "al-Shabaab said its fighters carried out the attack": a claim
            if (
                speech is None
                or speaker is None
                or subject is None
                or not (
                    subject.i in found.entries or speaker.country in countries_of(mention.target)
                )
                or (speaker.country is None and speaker.sector != "IGO")
                or speaker.sector == "MED"
                or accused is None
                or (accused.country == speaker.country and not _rivals(speaker, accused))
                # "ISIL" is someone, and so are "government forces" a rights group names
                or (
                    accused.country is None
                    and not accused.stateless
                    and not (
                        accused.sector in _STATE | _ARMED_OUTSIDE and _rivals(speaker, accused)
                    )
                )
            ):
                continue
            accusation = _accusation(
                parsed,
                doc_id,
                (speech, speech, "claim"),
                (speaker, accused),
                "1123",
                0.9,
                mention.needs_antecedent,
            )
            results.append(Found(accusation, speech.i, parsed, True))
        return results

    def _origin(self, parsed: ParsedSentence, found: SentenceActors, anchor: Token) -> Actor | None:
        """'launched at it from across the border': where an attack came from."""
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._actors.actor(parsed, found, obj)
        return None

    def obligations(
        self, parsed: ParsedSentence, found: SentenceActors, doc_id: str
    ) -> list[Found]:
        """'X said Y must withdraw': an obligation laid on another actor is a demand."""
        results = []
        for verb in parsed.span:
            if verb.pos_ != "VERB":
                continue
            clauses = self._said_clauses(verb)
            speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            for clause in clauses:
                modal = next(
                    (c for c in clause.children if c.dep_ == "aux" and c.lower_ in self._obliging),
                    None,
                )
                addressee = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if modal is None or addressee is None or speaker is None:
                    continue
                source = self._actors.actor(parsed, found, speaker)
                target = self._actors.actor(parsed, found, addressee)
                if target is None and addressee.pos_ == "PRON":
                    # "sent a warning to Serbia that it must comply": the one told
                    target = next(
                        (
                            self._actors.actor(parsed, found, o)
                            for c in verb.children
                            if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                            for o in c.children
                            if o.dep_ == "pobj"
                        ),
                        None,
                    )
                if target is None or (source is not None and source.code == target.code):
                    continue
                mention = Mention(
                    doc_id=doc_id,
                    sentence=parsed.sentence,
                    trigger=Trigger(
                        parsed.words(modal, clause), parsed.char_span(modal, clause), "must"
                    ),
                    type="REQUEST",
                    mode=None,
                    cameo="100",
                    source=source,
                    target=target,
                    confidence=mention_confidence(source, target),
                )
                results.append(Found(mention, verb.i, parsed, True))
        return results

    def _said_clauses(self, verb: Token) -> list[Token]:
        """What a verb says: a speech verb's complement, or the "that" clause of a speech
        noun a light verb carries ("sent a stern warning to Serbia that it must...")."""
        if verb.lemma_.lower() in self._speech:
            return [c for c in verb.children if c.dep_ == "ccomp"]
        if not self._verbs.light(verb, carriers=False):
            return []
        return [
            clause
            for noun in verb.children
            if noun.dep_ == "dobj" and noun.lemma_.lower() in self._lexicon.speech_nouns
            for clause in noun.children
            if clause.dep_ in ("acl", "ccomp") and that_clause(clause)
        ]

    def label_accusations(
        self, parsed: ParsedSentence, found: SentenceActors, doc_id: str, coded: list[Found]
    ) -> list[Found]:
        """A speaker calling someone a narco-state or terrorists is accusing them."""
        if any(f.mention.type == "ACCUSE" for f in coded):
            return []
        span = parsed.span
        for _, start, end in self._labels(span):
            label = span.doc[start:end]  # document token offsets
            if self._nonevents.unreal(label.root) or within_description(label.root):
                continue  # a wish, or who someone is ("officials accused of genocide")
            root = label.root
            if _denied(root, self._denying):
                continue  # "we are workers, not criminals": a label refused
            if root.dep_ == "dobj" and root.head.lemma_.lower() not in self._speech:
                continue  # "to help its police fight trafficking": what is fought, no name
            qualifier = root.dep_ in ("amod", "compound")
            if qualifier and not self._names_actor(label.root.head, found):
                continue  # "terrorist activities": a kind of act, not a name for anyone
            speech = self._speech_verb_over(label.root)
            if speech is None and not in_quotation(parsed, label[0]):
                continue
            if speech is not None and self._lexicon.rebutting_verbs.intersection(
                self._verbs.lemmas(speech)
            ):
                continue  # "denied that its forces have links to trafficking": no charge
            anchor = speech if speech is not None else label.root
            speaker_head = (
                next((c for c in speech.children if c.dep_ == "nsubj"), None) if speech else None
            )
            source = self._actors.actor(parsed, found, speaker_head) if speaker_head else None
            if qualifier:  # "suspected militant leader Abu Karim": the one it qualifies
                target = self._actors.actor(parsed, found, label.root.head)
                if target is None or not is_coded(target) or target.sector == "CRM":
                    continue  # ("criminal gangs": what they are, no charge)
            else:
                target = self._label_target(label.root, anchor, found, parsed)
            words = (label[0], label[-1], label.root.lemma_.lower())
            mention = _accusation(parsed, doc_id, words, (source, target), "112", 0.8)
            if speech is None and target is None and parsed.sentence.kind != "body":
                continue  # a scare-quoted label in a headline accuses no one in particular
            return [Found(mention, anchor.i, parsed, True, speaker_is_source=True)]
        return []

    def _names_actor(self, noun: Token, found: SentenceActors) -> bool:
        """Whether a noun names an actor: a dictionary name, a named entity or a role word
        ("the terrorist regime")."""
        return (
            noun.i in found.entries
            or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or self._actors.sector_of([noun], noun) is not None
        )

    def _speech_verb_over(self, token: Token) -> Token | None:
        node = token
        while node.head != node:
            child, node = node, node.head
            if child.dep_ in ("advcl", "relcl", "acl") and not that_clause(child):
                return None  # "announced sanctions a day after X shot down Y" reports no claim
            if node.lemma_.lower() in self._speech and child.dep_ not in ("nsubj", "nsubjpass"):
                return node
        # "…," the source said: the quote may be parsed as the speech verb's sibling
        root = token.sent.root
        if root.lemma_.lower() in self._speech and root != token:
            return root
        return None

    def _label_target(
        self, label: Token, speech: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        candidates: list[Token] = []
        for child in label.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "from", "against"):
                candidates.extend(c for c in child.children if c.dep_ == "pobj")
        node = label
        while node != speech and node.head != node:
            node = node.head
            candidates.extend(c for c in node.children if c.dep_ in ("nsubj", "nsubjpass"))
        for candidate in candidates:
            actor = self._actors.actor(parsed, found, candidate)
            if actor is not None and candidate.head != speech:
                return actor
        return None


def _accusation(
    parsed: ParsedSentence,
    doc_id: str,
    words: tuple[Token, Token, str],
    actors: tuple[Actor | None, Actor | None],
    cameo: str,
    certainty: float,
    needs_antecedent: bool = False,
) -> Mention:
    """An accusation (ACCUSE, mode allege) voiced by ``words`` (first, last, lemma) from
    source to target, its confidence scaled by how surely the words accuse."""
    first, last, lemma = words
    source, target = actors
    return Mention(
        doc_id=doc_id,
        sentence=parsed.sentence,
        trigger=Trigger(parsed.words(first, last), parsed.char_span(first, last), lemma),
        type="ACCUSE",
        mode="allege",
        cameo=cameo,
        source=source,
        target=target,
        confidence=mention_confidence(source, target) * certainty,
        needs_antecedent=needs_antecedent,
    )


def _denied(label: Token, denying: frozenset[str]) -> bool:
    """Whether a label is denied or applied to no one ("not criminals", "are no
    terrorists", "any aggression against either country")."""
    if any(c.dep_ in ("neg", "det") and c.lower_ in denying for c in label.children):
        return True
    previous = label.doc[label.i - 1] if label.i > 0 else None
    return previous is not None and previous.lower_ in denying


def _rivals(speaker: Actor, accused: Actor) -> bool:
    """Two sides of one country, one of them outside the state ("a Syrian rights group
    said government forces killed eight", "Syria said rebels shelled a school": an
    accusation at home)."""
    if speaker.sector in (None, *_STATE) and accused.sector in _ARMED_OUTSIDE:
        return True  # the state (or its arms) naming rebels or insurgents
    sectors = {speaker.sector, accused.sector}
    return None not in sectors and len(sectors) == 2 and bool(sectors & _OUTSIDE_STATE)
