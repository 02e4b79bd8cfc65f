"""targets: whom an event is done to, from the trigger's slots and the phrase around it.

The first actor the trigger's own slots name with a country (its object, the objects
of its prepositions in the entry's order, the subject of a clause it demands of),
else the nearest actor of another country further inside its phrase; an act condemned
is its doer's; an expulsion no one is named as making is the act of the country left;
a threat's condition names whom it is aimed at.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from brinkwatch.actors import ActorResolver, SentenceActors, countries_of, is_coded, is_placed
from brinkwatch.anaphora import Antecedents
from brinkwatch.lexicon import Lexicon, TriggerEntry
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor
from brinkwatch.syntax import (
    carrier,
    infinitive,
    objects_of,
    owned,
    prep_objects,
    reachable_nouns,
    that_clause,
)
from brinkwatch.triggers import TriggerMatcher, weapon
from brinkwatch.verbforms import VerbForms

_AIMING = frozenset({"target", "aim", "hit", "against"})
_LANDS = ("country", "region")
_NON_STATE = frozenset({"REB", "INS", "OPP", "SEP"})
_STATE = frozenset({"GOV", "MIL", "COP"})
# military force and occupation: what they take is what they hit
_TAKING = frozenset({"190", "192"})

# who an event noun's own phrase names as its doer ("Iraq's attack", "raids by Israel")
Owner = Callable[[Token, SentenceActors, ParsedSentence], Actor | None]


class TargetFinder:
    """Finds the actor an event is done to."""

    def __init__(
        self,
        lexicon: Lexicon,
        actors: ActorResolver,
        antecedents: Antecedents,
        triggers: TriggerMatcher,
        verbs: VerbForms,
        owner: Owner,
    ):
        self._lexicon = lexicon
        self._actors = actors
        self._antecedents = antecedents
        self._triggers = triggers
        self._match = triggers.match
        self._verbs = verbs
        self._owner = owner
        self._conditions = frozenset(lexicon.status["conditional_marks"])

    def _own_side(self, subject: Token) -> bool:
        """Whether a reported clause's subject is the speaker's own side: a pronoun, or
        forces named with no one's name ("the armed forces", "our troops")."""
        return subject.pos_ == "PRON" or self._forces(subject)

    def _forces(self, noun: Token) -> bool:
        """Armed forces named with no one's name: "the army", "our troops"."""
        return (
            noun.pos_ == "NOUN"
            and self._actors.sector_of([noun], noun) == "MIL"
            and all(
                c.dep_ == "det"
                or (c.dep_ == "poss" and c.pos_ == "PRON")
                or (c.dep_ == "amod" and c.text.islower())  # "the armed forces"
                for c in noun.children
                if c.dep_ in ("det", "poss", "amod", "compound", "nmod")
            )
        )

    def _taken(self, place: Token, entry: TriggerEntry) -> bool:
        code = dict(entry.objects).get(place.lemma_.lower())
        return code in _TAKING and place.lower_ in self._lexicon.place_nouns

    def _targets(self, token: Token, entry: TriggerEntry) -> list[Token]:
        heads: list[Token] = []
        if token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "dative" and child.pos_ == "ADP":
                    heads.extend(o for o in child.children if o.dep_ == "pobj")  # "sent ... to X"
                elif child.dep_ in ("nsubjpass", "dative") or (
                    child.dep_ == "dobj"
                    and entry.takes_object_target
                    # "captured the town": a place taken by force is hit, a weapon fired
                    # or airspace closed is not
                    and (not weapon(child, entry) or self._taken(child, entry))
                ):
                    heads.append(child)
                named = _named_as(child) if child.dep_ == "ccomp" else []
                if named:  # "struck what the army called terrorist targets"
                    heads.extend(named)
                elif child.dep_ == "ccomp":  # "demanded that Japan halt ..."
                    said = [c for c in child.children if c.dep_ == "nsubj"]
                    if all(self._own_side(c) for c in said):
                        # "warned that it would strike Taiwan", "warned that the armed
                        # forces would respond to any Guyanese incursion": what the
                        # speaker's side will hit
                        said = [c for c in said if not self._forces(c)]
                        said += [c for c in child.children if c.dep_ == "dobj"]
                        said += [
                            o
                            for p in child.children
                            if p.dep_ == "prep" and p.lower_ == "to"
                            for o in p.children
                            if o.dep_ == "pobj" and self._match(o) is not None
                        ]
                    heads.extend(said)
                if child.dep_ == "prt" and child.lower_ == "up":  # "abducted up to 20 X"
                    heads.extend(o for p in child.children if p.lower_ == "to" for o in p.children)
                if child.dep_ == "advmod" and child.lower_ == entry.particle:
                    # "handed the villages back to Azerbaijan"
                    heads.extend(
                        o
                        for p in child.children
                        if p.dep_ == "prep" and p.lower_ in entry.preps
                        for o in p.children
                        if o.dep_ == "pobj"
                    )
            # "presented evidence against X", "evidence against X was presented"
            carriers = [token, *[c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]]
            if token.dep_ == "acl" and token.tag_ == "VBN":
                heads.append(token.head)  # "30 schoolgirls kidnapped by gunmen"
        else:
            carriers = [token]
            bearer = carrier(token)
            if token.dep_ == "pobj" and bearer is not token and self._verbs.light(bearer, False):
                # "engaged Indian soldiers in a gunfight": the carrier's object
                heads.extend(c for c in bearer.children if c.dep_ == "dobj" and c is not token)
            for child in token.children:  # "its demand that Myanmar lift curbs"
                if child.dep_ in ("acl", "ccomp") and that_clause(child):
                    heads.extend(c for c in child.children if c.dep_ == "nsubj")
            if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB":
                carriers.append(token.head)
                # "gave the junta an ultimatum": the first of two objects receives the second
                heads.extend(
                    c
                    for c in token.head.children
                    if (c.dep_ == "dative" and c.pos_ != "ADP")
                    or (c.dep_ == "dobj" and c.i < token.i and token.dep_ == "dobj")
                )
            elif token.dep_ == "pobj" and bearer is not token:
                # "stood by its demand that X free ...", "announced $500 million in aid to X"
                carriers.append(bearer)
                if bearer.lemma_.lower() in self._lexicon.dying_verbs:
                    # "a prisoner died of torture": the one who died
                    heads.extend(c for c in bearer.children if c.dep_ == "nsubj")
        ranked: list[tuple[int, Token]] = []
        for bearer in carriers:
            for child in bearer.children:
                if bearer is not token and child.dep_ == "ccomp" and that_clause(child):
                    heads.extend(c for c in child.children if c.dep_ == "nsubj")
                if child.dep_ in ("prep", "agent") and child.lower_ in entry.preps:
                    rank = entry.preps.index(child.lower_)
                    ranked.extend((rank, c) for c in prep_objects(child, bearer))
                if child.dep_ == "acl" and child.lemma_.lower() in _AIMING:
                    heads.extend(c for c in child.children if c.dep_ == "dobj")
        # "complained to the UN over the raids": the entry lists its prepositions by rank
        return heads + [head for _, head in sorted(ranked, key=lambda pair: pair[0])]

    def _setting_off(
        self, parsed: ParsedSentence, found: SentenceActors, verb: Token
    ) -> Actor | None:
        """'Would strike back if Kurdish militants fired rockets': whoever would set off
        the act a modal puts on a condition."""
        if not any(a.dep_ == "aux" and a.tag_ == "MD" for a in verb.children):
            return None
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in self._conditions for m in clause.children
            ):
                for subject in (s for s in clause.children if s.dep_ == "nsubj"):
                    actor = self._actors.actor(parsed, found, subject)
                    if is_coded(actor):
                        return actor
        return None

    def _actor_within(
        self, parsed: ParsedSentence, found: SentenceActors, head: Token
    ) -> Actor | None:
        """The actor a phrase names, or the one it belongs to: "Turkey's efforts",
        "the withdrawal of Russian forces", "demands from the rebels"."""
        actor = self._actors.actor(parsed, found, head)
        if actor is not None:
            return actor
        if head.lower_ in self._lexicon.water_words:
            return None  # "the Gulf of Oman" is no one's
        for child in head.children:
            if child.dep_ == "poss":
                return self._actors.actor(parsed, found, child)
            if child.dep_ == "amod" and child.lemma_.lower() in self._lexicon.authoring_participles:
                for author in child.children:  # "a Russian-backed proposal": Russia's
                    if author.dep_ in ("npadvmod", "compound") and author.i in found.entries:
                        return self._actors.actor(parsed, found, author)
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._actors.actor(parsed, found, obj)
        if self._match(head) is not None:
            return self._owner(head, found, parsed)  # "complained over Israeli raids"
        return None

    def target(
        self,
        parsed: ParsedSentence,
        found: SentenceActors,
        token: Token,
        entry: TriggerEntry,
        source: Actor | None,
        reach: bool = True,
        strikes_place: bool = False,
        accuses: bool = False,
    ) -> Actor | None:
        """The actor acted on: the first the trigger's own slots name with a country; else
        the nearest one with another country further inside the trigger's phrase ("agreed
        to provide aid for Romania", "turned down a Rwandan proposal"); else an actor the
        slots name without a country ("the rebels"); an act condemned is its doer's."""
        fallback = own = None
        for head in [*self._targets(token, entry), *self._inner_targets(token)]:
            judged = head.dep_ in ("dobj", "nsubjpass") or (
                head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head == token
            )  # "its condemnation of the raid by Israeli forces"
            if accuses and judged and self._match(head) is not None:
                doer = self._doer(parsed, found, head)
                if doer is not None and doer != source:
                    return doer  # "condemned the demolition of homes by Israeli forces"
            actor = self._actor_within(parsed, found, head)
            if actor is None and head.pos_ == "PRON":  # "accusing him of": the ambassador
                actor = self._antecedents.object_of(head, found, parsed, source)
            if actor is None and head.pos_ == "NOUN" and owned(head):
                actor = self._antecedents.resolve(head, found, parsed)  # "its neighbour"
            if actor is None or (source is not None and actor.span == source.span):
                continue
            named = found.entries.get(head.i)
            if head.dep_ == "pobj" and named and named.kind == "country" and _itself(actor, source):
                continue  # "the US will deny entry to the United States to ...": where to
            if (
                (owned(head) or (_bare_own(actor, source) and head.text not in actor.text))
                and is_placed(actor)
                and countries_of(actor) <= countries_of(source)
            ):
                # "withdraw its soldiers from Transnistria", "double French aid to Senegal":
                # its means, not its aim
                own = own or actor
                continue
            if is_placed(actor):
                if fallback is not None and _where(head, self._lexicon.place_nouns):
                    continue  # "arrested the former premier at his home in Conakry": him
                return actor
            if head.dep_ == "nsubjpass" and head.head == token and actor.sector is not None:
                return actor  # "Ousted president X has been accused": the one it befell
            fallback = fallback or actor
        if fallback is None and _purpose(token):
            # "summoned the Chinese ambassador to protest the incident": the one summoned
            for head in (c for c in token.head.children if c.dep_ == "dobj"):
                actor = self._actors.actor(parsed, found, head)
                if actor is not None and actor.code is not None and actor != source:
                    return actor  # (not "ordered troops to attack": the troops attack)
        if not reach or (source is not None and source.members):
            return fallback or own  # "Czech and Slovak officials agreed": each other
        taken = countries_of(source)
        for head, located in reachable_nouns(token):
            named = found.entries.get(head.i)
            if head.head.lower_ == "of" and head.head.head.lower_ in self._lexicon.water_words:
                continue  # "in the Gulf of Oman": a sea, no one's
            if strikes_place and head.dep_ == "pobj" and head.head.lower_ == "from":
                continue  # "rockets fired from Lebanon": where they came from, not what they hit
            struck = strikes_place and fallback is None and located == "in"
            if located and not struck and (named is None or named.kind not in _LANDS):
                continue  # "talks in Amman": a city named as the place is no party
            if located and fallback is not None:
                continue  # "abducted 20 passengers in Nigeria": the passengers, there
            actor = self._actors.actor(parsed, found, head)
            if actor is not None and is_placed(actor) and not countries_of(actor) & taken:
                return actor
        return fallback or self._setting_off(parsed, found, token)

    def _doer(self, parsed: ParsedSentence, found: SentenceActors, noun: Token) -> Actor | None:
        """Who an event noun object names as its doer, "by" hung on the verb included
        ("condemned the demolition of homes by Israeli forces")."""
        owner = self._owner(noun, found, parsed)
        if owner is not None:
            return owner
        for described in noun.children:  # "the raid carried out by Israeli forces"
            if described.dep_ == "acl" and described.tag_ == "VBN":
                for agent in objects_of(described, "by"):
                    return self._actors.actor(parsed, found, agent)
        verb = noun.head
        if verb.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "was condemned by": the one condemning
        for agent in objects_of(verb, "by"):
            return self._actors.actor(parsed, found, agent)
        return None

    def _inner_targets(self, verb: Token) -> list[Token]:
        """'offered to hand over to France': the target of the complement the verb absorbs."""
        heads: list[Token] = []
        for child in verb.children:
            # "fired tear gas to disperse the crowd": a purpose's target is the act's
            purpose = child.dep_ == "advcl" and infinitive(child)
            if child.dep_ != "xcomp" and not (purpose and self._match(child) is not None):
                continue
            inner = self._match(child)
            if inner is not None:
                heads.extend(self._targets(child, inner[0]))
            else:
                # "agreed to send field hospitals to Libya": a trigger verb whose object
                # sets no code still finds its target its own way
                entries = self._triggers.verb_entries(child)
                if entries:
                    heads.extend(self._targets(child, entries[0]))
                else:
                    heads.extend(c for c in child.children if c.dep_ in ("dobj", "dative"))
            heads.extend(self._inner_targets(child))
        return heads

    def left_country(
        self,
        parsed: ParsedSentence,
        found: SentenceActors,
        verb: Token,
        entry: TriggerEntry,
        target: Actor | None,
    ) -> Actor | None:
        """'two envoys were expelled from Oslo', 'were told to leave Chile': with no one
        named as acting, the country they must leave expels them."""
        leaving = dict(entry.complements)
        places = objects_of(verb, "from") + [
            o
            for c in verb.children
            if c.dep_ == "xcomp" and c.lemma_.lower() in leaving
            for o in c.children
            if o.dep_ == "dobj"
        ]
        for place in places:
            actor = self._actors.actor(parsed, found, place)
            if (
                actor is not None
                and is_placed(actor)
                and not countries_of(actor) <= countries_of(target)
            ):
                return actor
        return None

    def condition_party(
        self, parsed: ParsedSentence, found: SentenceActors, verb: Token, source: Actor | None
    ) -> Actor | None:
        """'threatened to suspend talks if Venezuela proceeds': a threat is aimed at
        the one whose act its condition names."""
        # the terms hang on the threat or on the act threatened ("warned that it would
        # close the strait if Washington attacked")
        clauses = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
        for clause in clauses:
            for child in clause.children:
                if child.dep_ != "advcl" or not any(
                    c.dep_ == "mark" and c.lower_ in self._conditions for c in child.children
                ):
                    continue
                for subject in child.children:
                    if subject.dep_ in ("nsubj", "nsubjpass"):
                        # "if Ethiopia's actions reduced the flow": whose actions
                        owners = [c for c in subject.children if c.dep_ == "poss"]
                        for head in (subject, *owners):
                            actor = self._actors.actor(parsed, found, head)
                            if actor is not None and _other_side(actor, source):
                                return actor
        return None


def _other_side(actor: Actor, source: Actor | None) -> bool:
    """Whether a threat's condition names someone other than the threatener: another
    country, or the state when rebels threaten ("if the army pressed ahead")."""
    if is_placed(actor) and not countries_of(actor) <= countries_of(source):
        return True
    return (
        source is not None
        and source.sector in _NON_STATE
        and actor.sector in _STATE
        and actor.country in (None, source.country)
    )


def _named_as(clause: Token) -> list[Token]:
    """What a free relative names its object as ("struck what the military described as
    weapons depots", "what the army called terrorist targets"): the thing acted on."""
    if not any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
        return []
    return [
        o
        for c in clause.children
        for o in ([c] if c.dep_ == "oprd" else c.children if c.lower_ == "as" else [])
        if o.dep_ in ("oprd", "pobj")
    ]


def _purpose(verb: Token) -> bool:
    """Whether a verb is the purpose clause of the verb above it ("summoned X to protest")."""
    return verb.dep_ in ("advcl", "xcomp") and infinitive(verb)


def _itself(actor: Actor, source: Actor | None) -> bool:
    """Whether an actor is the source itself, a bare country, named again."""
    return source is not None and source.sector is None and _bare_own(actor, source)


def _bare_own(actor: Actor, source: Actor | None) -> bool:
    """Whether an actor is only the source's own country ("French" in "French aid"; the
    caller checks that it names only a modifier, not "Kenyan villages")."""
    return (
        source is not None
        and not actor.members
        and actor.sector is None
        and actor.country is not None
        and actor.country == source.country
    )


def _where(head: Token, place_nouns: frozenset[str]) -> bool:
    """Whether a preposition's object is a place ("at his home"), not someone."""
    return head.dep_ == "pobj" and head.lemma_.lower() in place_nouns
