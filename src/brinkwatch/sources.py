"""sources: who does an event, from the parse.

The subject of a verb trigger (through auxiliaries, chains such as "agreed to send",
passives with a "by" further down, relative clauses, purpose verbs and pronouns), and the
doer an event noun names ("Iraq's attack", "raids by Israel", "the withdrawal of French
troops") or the verb carrying it ("launched strikes").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from brinkwatch.actors import ActorResolver, SentenceActors, is_coded, resolve_relative
from brinkwatch.anaphora import Antecedents
from brinkwatch.lexicon import Lexicon
from brinkwatch.ontology import Ontology
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor
from brinkwatch.syntax import agent_of, carrier, distant_agents, object_link, objects_of
from brinkwatch.triggers import TriggerMatcher
from brinkwatch.verbforms import VerbForms

_SUBJECTS = frozenset({"nsubj", "csubj"})
_INHERIT_SUBJECT = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "ccomp", "acomp"})
# Event nouns whose "of" names who moves: "the withdrawal of French troops"
MOVES = frozenset({"RETREAT", "MOBILIZE"})
# What an act is about or answers, not what it carries: "staged a rally against the arrest"
_TOPICS = frozenset({"over", "against", "about", "after", "following", "amid", "despite"})


class SourceFinder:
    """Who does an event: a verb's subject, an event noun's doer."""

    def __init__(
        self,
        lexicon: Lexicon,
        ontology: Ontology,
        actors: ActorResolver,
        antecedents: Antecedents,
        triggers: TriggerMatcher,
        verbs: VerbForms,
    ) -> None:
        self._lexicon = lexicon
        self._ontology = ontology
        self._actors = actors
        self._antecedents = antecedents
        self._match = triggers.match
        self._verbs = verbs
        self._speech = frozenset(lexicon.attribution["speech_verbs"])

    def subject(self, verb: Token, found: SentenceActors, parsed: ParsedSentence) -> Actor | None:
        """Who does what a verb says: its subject, or the one it inherits from the verb it
        hangs on ("agreed to send"), a "by" below a passive, a relative clause's noun."""
        if agent_of(verb) is None and any(c.dep_ == "nsubjpass" for c in verb.children):
            # "wounded in a drone strike by army units", "accused of misusing funds
            # ... by government officials": a "by" further down names the doer
            for doer in distant_agents(verb):
                actor = self._actors.actor(parsed, found, doer)
                if is_coded(actor):
                    return actor
            return None  # "if new sanctions are imposed": a passive has no subject above it
        node = verb
        for _ in range(6):
            agent = agent_of(node)
            if agent is not None:
                return self._actors.actor(parsed, found, agent)
            # a subject the parser hung on the auxiliary ("Senegal is committed to ...")
            auxiliaries = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
            children = [*node.children, *(g for a in auxiliaries for g in a.children)]
            # "Visiting Iranian Foreign Minister X held talks": a participle the parser took
            # for a clausal subject beside the real one
            nominal = any(c.dep_ == "nsubj" for c in children)
            for child in children:
                if child.dep_ in _SUBJECTS and not (nominal and child.dep_ == "csubj"):
                    # "both governments": the two named before, not a government of neither
                    actor = self._antecedents.pair(child, found, parsed) or self._actors.actor(
                        parsed, found, child
                    )
                    noun = resolve_relative(child)
                    actor = self._owner_referred(actor, child, found, parsed)
                    if actor is not None:  # "the ministry", "the rebels": as named before
                        actor = self._antecedents.role(actor, child, found, parsed)
                    if actor is None and self._intention(noun):
                        actor = self._intention_holder(noun, found, parsed)
                    if actor is None and noun.lemma_.lower() in self._lexicon.document_nouns:
                        actor = self._issuer(noun, found, parsed)  # "a UN resolution condemned"
                    if actor is None and self._match(noun) is not None:
                        # "Russian air strikes killed 20", "claimed responsibility for a
                        # bombing that killed 12": the doer of the strikes, the bombing
                        actor = self.noun_source(noun, found, parsed)
                    if actor is None and noun.pos_ == "NOUN":
                        # "Israeli fire killed two", "Russian missiles hit Kyiv": whose
                        actor = self.noun_owner(noun, found, parsed)
                    return (
                        actor if actor is not None else self._pronoun_subject(child, found, parsed)
                    )
                if child.dep_ == "nsubjpass" and node != verb:
                    return self._actors.actor(parsed, found, child)
            purpose = self._lexicon.purpose_verbs.intersection(self._verbs.lemmas(node.head))
            if node.dep_ == "xcomp" and not purpose:
                objects = [c for c in node.head.children if c.dep_ == "dobj"]
                if objects:
                    return self._actors.actor(parsed, found, objects[0])
                if node.head.pos_ == "NOUN":  # "a colonel ready to arrest the president"
                    return self._actors.actor(parsed, found, node.head)
            if self._intention(node.head) and node.dep_ in ("acl", "pcomp", "prep"):
                # "Ethiopia has no plans to attack", "Kenya's intention of sending troops":
                # whoever holds the intention
                holder = self._intention_holder(node.head, found, parsed)
                if holder is not None:
                    return holder
            if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN"):
                # "protesters demanding lower prices", "rebels who attacked the town"
                if any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children) or (
                    node.dep_ == "acl" and node.tag_ == "VBN"
                ):
                    # "the journalist, who was arrested", "Africans expelled from
                    # Nigeria": the one it befell
                    return None
                return self._actors.actor(parsed, found, node.head) or self._behind(
                    node.head, found, parsed
                )
            if (node.dep_ not in _INHERIT_SUBJECT and node.dep_ != "prep") or node.head == node:
                return None
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in self._speech:
                return None
            participle = node.dep_ == "advcl" and node.tag_ == "VBG"
            node = node.head
            if participle and node.dep_ == "parataxis" and node.lemma_.lower() in self._speech:
                # "was shelled by X, officials said, killing four": the shelling's doer
                node = node.head
        return None

    def _issuer(self, text: Token, found: SentenceActors, parsed: ParsedSentence) -> Actor | None:
        """Who a text names as its issuer: "a UN resolution", "the army's report"."""
        for child in text.lefts:
            if child.dep_ == "poss" or (
                child.dep_ in ("compound", "nmod", "amod") and child.i in found.entries
            ):
                return self._actors.actor(parsed, found, child)
        return None

    def _behind(self, noun: Token, found: SentenceActors, parsed: ParsedSentence) -> Actor | None:
        """Who is behind a noun that a clause describes: the doer of an event ("a strike
        to press for ..."), the one who issues a text ("passed a resolution condemning")."""
        if self._match(noun) is not None:
            return self.noun_source(noun, found, parsed)
        lemma = noun.lemma_.lower()
        issued = lemma in self._lexicon.document_nouns or lemma in self._lexicon.speech_nouns
        verb = noun.head
        issuing = self._lexicon.issuing_verbs.intersection(self._verbs.lemmas(verb))
        if not issued:
            return None
        if noun.dep_ == "dobj" and verb.pos_ == "VERB" and issuing:
            return self.subject(verb, found, parsed)
        speaking = verb.head
        if (
            noun.dep_ == "pobj"
            and verb.dep_ == "prep"
            and speaking.pos_ == "VERB"
            and speaking.lemma_.lower() in self._speech
        ):
            return self.subject(speaking, found, parsed)  # "said in a statement condemning"
        return self._issuer(noun, found, parsed)  # "an Amnesty statement condemning"

    def _owner_referred(
        self, actor: Actor | None, head: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        """'The alliance's commander warned': a role whose owner is a description takes
        the owner the description refers to (NATO's commander acts for NATO)."""
        if actor is None or actor.country is not None or actor.stateless or actor.members:
            return actor
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
        referred = self._antecedents.resolve(owner, found, parsed) if owner is not None else None
        if referred is None:
            return actor
        if referred.country is None and referred.sector == "IGO":
            return replace(actor, sector="IGO", inferred=True)
        return replace(actor, country=referred.country, inferred=True)

    def _intention(self, noun: Token) -> bool:
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in self._lexicon.intention_nouns

    def _intention_holder(
        self, noun: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        """Who holds a plan or an intention: its owner ("Kenya's decision", "the US
        strategy"), or the subject of the verb that has, makes or announces it."""
        owner = self.noun_owner(noun, found, parsed)
        if owner is not None:
            return owner
        if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            return self.subject(noun.head, found, parsed)
        verb = noun.head
        if (
            noun.dep_ == "nsubj"
            and verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in self._speech
        ):
            # "officials said the policy seeks to destabilize X": theirs, inferred
            speaker = self.subject(verb.head, found, parsed)
            return replace(speaker, inferred=True) if speaker is not None else None
        return None

    def _pronoun_subject(
        self, pronoun: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        """'Russia denied that it attacked', 'the minister denied it. He accused ...'."""
        return self._antecedents.resolve(pronoun, found, parsed)

    def _keeper(self, noun: Token, found: SentenceActors, parsed: ParsedSentence) -> Actor | None:
        """'A prisoner died of torture in Israeli police custody': who held the one who
        died, for an act named after a verb of dying."""
        bearer = carrier(noun)
        if bearer is noun or bearer.lemma_.lower() not in self._lexicon.dying_verbs:
            return None
        for token in bearer.subtree:
            if token.lemma_.lower() in self._lexicon.custody_nouns:
                keeper = self._actors.actor(parsed, found, token)
                if is_coded(keeper):
                    return keeper
        return None

    def noun_source(
        self, noun: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        head = noun.head
        if (
            noun.dep_ == "dobj"
            and head.pos_ == "VERB"
            and self._lexicon.command_verbs.intersection(self._verbs.lemmas(head))
        ):
            # "the authorities ordered patrols by the army": the one who orders acts
            commander = self.subject(head, found, parsed)
            if is_coded(commander):
                return commander
        owner = self.noun_owner(noun, found, parsed)
        if owner is not None:
            return owner
        keeper = self._keeper(noun, found, parsed)
        if keeper is not None:
            return keeper
        # "launch strikes", "are ready ... with airstrikes": the governing verb's subject
        node = noun
        while object_link(node):
            child, node = node, node.head
            if node.pos_ == "NOUN" and node.lemma_.lower() in self._lexicon.responsibility_nouns:
                # "the Taliban claimed responsibility for the bombing": the claimant's
                verb = node.head
                owning = self._lexicon.responsibility_verbs.intersection(self._verbs.lemmas(verb))
                return self.subject(verb, found, parsed) if owning else None
            if (
                node is not noun
                and node.pos_ == "NOUN"
                and self._match(node) is not None
                # ("announced asset freezes ... as well as sanctions": one doer's measures)
                and not self._same_kind(node, noun)
            ):
                return None  # "a protest over the detention of X": not the protesters'
            if child.dep_ == "prep" and child.lower_ in _TOPICS:
                return None  # "lodged a protest over the detention": its topic
            if node.pos_ in ("VERB", "AUX"):
                claims = self._lexicon.responsibility_verbs.intersection(self._verbs.lemmas(node))
                if claims and child.dep_ == "dobj":
                    return self.subject(node, found, parsed)  # "rebels claimed the attack"
                if not self._verbs.light(node, via=child):
                    return None  # "reporters who covered protests" did not protest
                if any(c.dep_ == "oprd" for c in node.children):
                    return None  # "called the expulsion a show" names it, does not carry it
                if child.dep_ == "prep" and self._moved_into(node, noun):
                    # "troops were placed on high alert": those put on it
                    passive = next(c for c in node.children if c.dep_ == "nsubjpass")
                    return self._actors.actor(parsed, found, passive)
                return self.subject(node, found, parsed)
        return None

    def _same_kind(self, upper: Token, noun: Token) -> bool:
        """Whether two event nouns name acts of one CAMEO root ("asset freezes",
        "sanctions")."""
        above, below = self._match(upper), self._match(noun)
        return above is not None and below is not None and above[1][:2] == below[1][:2]

    def _moved_into(self, verb: Token, noun: Token) -> bool:
        """Whether a passive verb with no agent puts its subject into a deployment or a
        retreat ("were placed on high alert")."""
        hit = self._match(noun)
        return (
            hit is not None
            and (self._ontology.plover_of(hit[1]) or ("",))[0] in MOVES
            and agent_of(verb) is None
            and any(c.dep_ == "nsubjpass" for c in verb.children)
        )

    def noun_owner(
        self, noun: Token, found: SentenceActors, parsed: ParsedSentence
    ) -> Actor | None:
        """Who an event noun's own phrase names as its doer: "Iraq's attack", "raids by
        Israel", "Israeli raids", "the withdrawal of French troops" (a retreat or a
        deployment is its troops'; "from" is where they leave)."""
        hit = self._match(noun)
        plover = self._ontology.plover_of(hit[1]) if hit is not None else None
        moving = plover is not None and plover[0] in MOVES
        doers: tuple[str, ...] = ("by", "of") if moving else ("by", "from")
        if hit is not None and "from" in hit[0].preps:
            doers = tuple(d for d in doers if d != "from")  # "withdrawal from the OAS": left
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":  # "its demands": the carrier's
                actor = self._actors.actor(parsed, found, child)
                if actor is None or actor.code is None:
                    # "the Kingdom's condemnation": the country named before
                    return self._antecedents.resolve(child, found, parsed) or actor
                return actor
            if child.dep_ in ("prep", "agent") and child.lower_ in doers:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._actors.actor(parsed, found, obj)
        # "the expulsion of X's envoy by Y": "by" hung on the object by the parser (but
        # "its condemnation of the raid by Israeli forces": the raid's doer)
        judging = plover is not None and plover[0] == "ACCUSE"
        for obj in [] if judging else objects_of(noun, "of"):
            for agent in objects_of(obj, "by"):
                return self._actors.actor(parsed, found, agent)
        for child in noun.lefts:
            if child.dep_ == "amod" and child.lemma_.lower() == "lead":
                # "a Saudi-led air raid": the leader's
                child = next((c for c in child.lefts if c.i in found.entries), child)
            if child.dep_ in ("amod", "compound", "nmod", "npadvmod") and child.i in found.entries:
                entry = found.entries[child.i]
                if entry.kind == "capital" and noun.lemma_.lower() in self._lexicon.framework_nouns:
                    continue  # "the Pretoria agreement", "the Minsk accords": where, not who
                start, end = found.spans[child.i]
                first, last = noun.doc[start], noun.doc[end - 1]
                return Actor(
                    text=parsed.words(first, last),
                    span=parsed.char_span(first, last),
                    country=entry.country,
                    sector=entry.sector,
                )
        return None
