"""nonevents: trigger words that report no event where they stand.

A trigger inside what is only proposed or wished ("a proposal to hold talks", "hoped
the officials would be indicted"), in a reporting formula ("officials who asked not to
be named", "declined to comment"), in what a description alleges ("companies accused of
funding militias"), as a topic of discussion ("met to discuss the negotiations", "talks
on reopening the crossings"), or a trip "for talks" to a neutral city (the talks are the
event) codes nothing. Nor does one whose doer is a disaster ("a landslide killed
twelve"), a text or a deal that names no one ("a truce that ended the fighting"), or a
team, a market or a scholar ("the goalkeeper blocked a penalty"); one that says how or
why another act was done ("in protest") or what it was done without ("without firing a
shot"); a stating verb with a that-clause ("admitted that the reform had stalled"); a
description ("troops backed by tanks", "the first such arrest", what a vetoed resolution
called for); a lull ("fighting eased"); a state ("remain in detention"); or a count over
the years ("1,500 students have been kidnapped since 2014").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from brinkwatch.actors import SentenceActors
from brinkwatch.lexicon import Lexicon

_SCORE = re.compile(r"\d{1,3}-\d{1,3}")  # "1-0", "28-20"
_CONTENT_LINKS = frozenset(
    {"acl", "ccomp", "xcomp", "advcl", "pcomp", "pobj", "prep", "dobj", "nsubjpass"}
)
# object pronouns by which a relative clause refers back to what its sentence names
_REFERRING_OBJECTS = frozenset({"it", "them"})


class NonEvents:
    """Tells which triggers report no event; ``lemmas`` and ``is_trigger`` come from the
    event coder."""

    def __init__(
        self,
        lexicon: Lexicon,
        lemmas: Callable[[Token], list[str]],
        is_trigger: Callable[[Token], bool],
    ) -> None:
        self._lexicon = lexicon
        self._lemmas = lemmas
        self._is_trigger = is_trigger
        self._generic = frozenset(lexicon.status["hypothetical_determiners"])
        self._generic_pronouns = frozenset(lexicon.status["hypothetical_pronouns"])
        self._formulas: tuple[Doc | None, list[tuple[int, int]]] = (None, [])
        attribution = lexicon.attribution
        phrases = {*attribution["anonymous_phrases"], *attribution["no_comment_phrases"]}
        # every place a formula starts, the longest formula there first
        self._formula_pattern = re.compile(
            "(?=(" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + "))"
        )
        # per block: whether each sentence gives a score or has a sports word
        self._games: tuple[Doc | None, dict[tuple[str, int], bool]] = (None, {})
        self._doer_cache: tuple[Doc | None, dict[tuple[int, bool], list[Token]]] = (None, {})
        self._framed_cache: tuple[Doc | None, tuple[tuple[int, int], ...]] = (None, ())

    def any(self, token: Token, found: SentenceActors) -> bool:
        """Whether the trigger ``token`` reports no event for any of these reasons."""
        return (
            _attributive(token)
            or self.unreal(token)
            or self.formula(token)
            or self.alleged(token)
            or self.travel_for(token, found)
            or self.topic(token)
            or self.natural(token)
            or self.impersonal(token, found)
            or self.nonpolitical(token)
            or self.manner(token)
            or self.stating(token)
            or self.described(token)
            or self.commemorated(token)
            or self.lull(token)
            or self.prevented(token)
            or self.questioned(token)
            or self.describing(token)
            or self.charged(token)
            or self.held(token)
            or _tallied(token)
            or self.framed(token)
            or self.narrated(token)
        )

    def framed(self, token: Token) -> bool:
        """Whether a trigger's sentence reports nothing: a direct question ("Will Brussels
        finally sanction Minsk?") or an anniversary formula ("On this day in 1991, Soviet
        tanks rolled into Vilnius"). Worked out once per parsed block."""
        doc, ranges = self._framed_cache
        if doc is not token.doc:
            ranges = tuple(
                (s.start, s.end)
                for s in token.doc.sents
                if _asked(s, self._lexicon.question_openers)
                or _anniversary(s, self._lexicon.anniversary_openers)
            )
            self._framed_cache = (token.doc, ranges)
        return any(start <= token.i < end for start, end in ranges)

    def narrated(self, token: Token) -> bool:
        """What an exhibition, a film or a book recounts "how" it happened is history: "an
        exhibition recounts how Napoleon's army invaded Russia" (but "survivors described
        how soldiers opened fire" is a witness's report)."""
        for node in (token, *token.ancestors):
            if any(c.dep_ == "advmod" and c.lower_ == "how" for c in node.children):
                teller = node.head
                return teller.lemma_.lower() in self._lexicon.narrating_verbs and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in self._lexicon.narrative_works
                    for c in teller.children
                )
        return False

    def held(self, token: Token) -> bool:
        """Being "in detention" or "in custody" is a state, not an arrest: "how many people
        remain in detention", "died in detention"."""
        if (
            token.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
            and any(c.dep_ == "prep" and c.lower_ == "since" for c in token.children)
        ):
            return True  # "11 opposition politicians detained since June": held, not news
        return (
            token.dep_ == "pobj"
            and token.head.lower_ == "in"
            and token.lemma_.lower() in self._lexicon.custody_nouns
        )

    def charged(self, token: Token) -> bool:
        """What someone is punished "for" or "over" is the charge, not the day's news:
        "sentenced a journalist for organising protests", "jailed over the riots"."""
        if token.dep_ == "dobj" and token.head.dep_ == "pcomp":
            token = token.head  # "for organising protests"
        reason = token.head
        if token.dep_ not in ("pcomp", "pobj") or reason.lower_ not in ("for", "over"):
            return False
        verb = reason.head
        while verb.dep_ in ("pobj", "prep") and verb.pos_ in ("NOUN", "ADP", "NUM"):
            verb = verb.head  # "sentenced him to five years for ..."
        return bool(self._lexicon.penalising_verbs.intersection(self._lemmas(verb)))

    def describing(self, token: Token) -> bool:
        """A participle after a noun that says what its people are: "hackers working for
        Belarusian military intelligence" (no cooperation)."""
        return (
            token.dep_ == "acl"
            and token.tag_ == "VBG"
            and token.head.pos_ in ("NOUN", "PROPN")
            and token.lemma_.lower() in self._lexicon.describing_participles
        )

    def questioned(self, token: Token) -> bool:
        """A speaker put a question asks no one for anything: "said when asked about the
        troop movements", "Asked whether Tokyo would join, the spokesman said"."""
        return (
            token.tag_ == "VBN"
            and token.dep_ == "advcl"
            and token.lemma_.lower() in self._lexicon.questioned_verbs
            and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in token.children)
        )

    def prevented(self, token: Token) -> bool:
        """An act someone foiled or averted did not happen: "helped foil a planned attack",
        "a coup attempt was thwarted"."""
        return (
            token.dep_ in ("dobj", "nsubjpass")
            and token.pos_ == "NOUN"
            and bool(self._lexicon.preventing_verbs.intersection(self._lemmas(token.head)))
        )

    def lull(self, token: Token) -> bool:
        """An event noun said to lessen reports a lull: "fighting around the port eased",
        "the shelling died down overnight"."""
        verb = token.head
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        said = [verb.lemma_.lower(), *(f"{verb.lemma_.lower()} {p}" for p in particles)]
        return (
            (token.pos_ == "NOUN" or token.tag_ == "VBG")
            and token.dep_ in ("nsubj", "csubj")
            and any(word in self._lexicon.easing_verbs for word in said)
        )

    def commemorated(self, token: Token) -> bool:
        """An act an anniversary or memorial marks is history ("the second anniversary of
        the attack on southern Israel")."""
        prep = token.head
        return (
            token.dep_ == "pobj"
            and prep.lower_ == "of"
            and prep.head.lemma_.lower() in self._lexicon.commemorating_nouns
        )

    def stating(self, verb: Token) -> bool:
        """Whether a trigger verb only states something: "concede that the policy has
        stalled" (a that-clause), not "conceded the point"."""
        return verb.lemma_.lower() in self._lexicon.stating_verbs and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children
        )

    def described(self, token: Token) -> bool:
        """Whether a trigger only describes or refers back: "troops backed by tanks", "the
        first such arrest", the content of a text someone vetoed or blocked ("vetoed a
        resolution that called for a ceasefire")."""
        lexicon = self._lexicon
        if (
            token.dep_ == "acl"
            and token.tag_ == "VBN"
            and token.lemma_.lower() in lexicon.backing_words
        ):
            return True
        if token.pos_ == "NOUN" and any(c.lower_ == "such" for c in token.children):
            return True
        if (
            _habitual_description(token)
            or _long_standing(token)
            or _history_of(token)
            or _starting_point(token)
        ):
            return True
        if token.dep_ == "dobj" and token.head.pos_ == "VERB":
            token = token.head  # "a resolution that would have imposed an arms embargo"
        text = token.head
        describing = token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ == "VBG")
        return (
            describing
            and not any(c.dep_ == "mark" for c in token.children)  # "reports that X did"
            and text.lemma_.lower() in lexicon.document_nouns
            and text.dep_ in ("dobj", "nsubjpass")
            and text.head.pos_ == "VERB"
            and not lexicon.issuing_verbs.intersection(self._lemmas(text.head))
        )

    def manner(self, token: Token) -> bool:
        """Whether an event noun says how or why another act was done: "went on hunger
        strike in protest against the government", "fired rockets in retaliation"; or
        what it was done without ("took the town without firing a shot")."""
        prep = token.head
        if token.dep_ in ("pobj", "pcomp") and prep.lower_ == "without":
            return True
        return (
            token.pos_ == "NOUN"
            and token.dep_ == "pobj"
            and prep.lower_ == "in"
            and not any(c.dep_ == "det" for c in token.children)
            and (
                self._is_trigger(prep.head)
                or (
                    prep.head.pos_ == "VERB"
                    and any(c.dep_ == "dobj" and self._is_trigger(c) for c in prep.head.children)
                )
            )
        )

    def natural(self, token: Token) -> bool:
        """Whether a trigger's doer is a disaster or an accident, not an actor: "a
        landslide killed twelve villagers", "homes destroyed by Cyclone Idai"."""
        disasters = self._lexicon.disaster_nouns
        return any(
            word.lemma_.lower() in disasters
            or word.lower_ in disasters
            # "Wildfires besieged ...": a plural read as a name at the sentence's start
            or (word.lower_.removesuffix("s") in disasters and word.i == word.sent.start)
            # "a fire at a nightclub", not "Israeli fire", "artillery fire" or a "bus bomb"
            or (word is doer and f"{word.lemma_.lower()}*" in disasters and not _modified(word))
            for doer in self._doers(token) + _passive_causes(token)
            # "Cyclone Idai" names a cyclone; a "bus bomb" is a bomb
            for word in (
                doer,
                *(c for c in doer.children if c.dep_ == "compound" and doer.pos_ == "PROPN"),
            )
        )

    def sporting(self, token: Token, amateur: bool) -> bool:
        """Whether a trigger's sentence is about a game: it has a score ("beat Portugal
        1-0"), or a sports word and the doer (``amateur``) has no political role ("his
        side", "Kenya's Kipchoge launched an attack in the marathon")."""
        sentence = token.sent
        doc, games = self._games
        if doc is not token.doc:
            games = {}
            self._games = (token.doc, games)
        if ("score", sentence.start) not in games:
            games["score", sentence.start] = self._scored(sentence)
        if games["score", sentence.start]:
            return True
        if amateur and ("sport", sentence.start) not in games:
            games["sport", sentence.start] = self._sporty(sentence)
        return amateur and games["sport", sentence.start]

    def _scored(self, sentence: Span) -> bool:
        """Whether a sentence gives a score ("voted 14-0 to impose sanctions" is a vote's
        tally, no game's score)."""
        voting = self._lexicon.voting_verbs
        return any(_score(t) and not _tally(t, voting) for t in sentence)

    def _sporty(self, sentence: Span) -> bool:
        """Whether a sentence has a sports word."""
        words = self._lexicon.sports_words
        return any(
            t.lower_ in words
            or t.lemma_.lower() in words
            or (t.i + 1 < len(t.doc) and f"{t.lower_} {t.nbor(1).lower_}" in words)
            for t in sentence
        )

    def _anyone(self, noun: Token) -> bool:
        """Whoever it may be: "anyone", "whoever", "any official" (status.yaml)."""
        return noun.lower_ in self._generic_pronouns or any(
            c.dep_ == "det" and c.lower_ in self._generic for c in noun.children
        )

    def impersonal(self, token: Token, found: SentenceActors) -> bool:
        """Whether a trigger's doer is a text, a deal or a ruling that names no one: "a
        2018 peace deal that ended two decades of hostility", "a ruling that rejected the
        claim" ("a UN resolution condemned the raid" names its issuer)."""
        texts = self._lexicon.framework_nouns | self._lexicon.document_nouns
        return any(
            doer.lemma_.lower() in texts
            and not any(
                c.dep_ == "poss" or c.pos_ == "PROPN" or t.i in found.entries
                for c in doer.lefts
                for t in c.subtree
            )
            for doer in self._doers(token, participles=False)
        )

    def nonpolitical(self, token: Token) -> bool:
        """Whether a trigger's doer is a team, a market or a scholar, not a political actor
        ("the goalkeeper blocked a penalty", "exports hit a record high")."""
        clause = token.head if token.dep_ == "dobj" else token  # "launched a fierce attack"
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "thousands of tourists": what is counted
        subjects += [
            o for d in subjects for p in d.children if p.lower_ == "of" for o in p.children
        ]
        # "a man was stabbed to death during a robbery": a crime, no political act
        during = [
            o
            for c in clause.children
            if c.dep_ == "prep" and c.lower_ in ("during", "in")
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return any(
            d.lemma_.lower() in self._lexicon.nonpolitical_nouns
            for d in (*subjects, *self._doers(token))
        ) or any(o.lemma_.lower() in self._lexicon.crime_nouns for o in during)

    def _doers(self, token: Token, participles: bool = True) -> list[Token]:
        """Who or what a trigger's clause says does it; with ``participles``, also the noun
        a participle describes ("the wildfires burning"). Remembered per sentence block:
        three checks ask for each trigger."""
        doc, known = self._doer_cache
        if doc is not token.doc:
            known = {}
            self._doer_cache = (token.doc, known)
        key = (token.i, participles)
        if key not in known:
            known[key] = self._find_doers(token, participles)
        return known[key]

    def _find_doers(self, token: Token, participles: bool) -> list[Token]:
        doers = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
        doers += [o for c in token.children if c.dep_ == "agent" for o in c.children]
        if token.dep_ in ("conj", "advcl") and token.pos_ == "VERB" and not doers:
            # "the cyclone killed 400 people and destroyed homes", "a bus plunged into a
            # ravine, killing 24": the first verb's doer
            first = token.head
            doers = [c for c in first.children if c.dep_ in ("nsubj", "csubj")]
            if not doers and first.dep_ == "acl":
                doers = [first.head]  # "A lorry skidded off the road, killing 19" misparsed
            if not doers and first.dep_ in ("conj", "advcl"):
                doers = self._doers(first, participles)  # "..., killing 24 and injuring 17"
        if token.dep_ == "relcl" and any(d.tag_ == "WDT" for d in doers):
            doers.append(token.head)  # "a collapse that killed 15"
        if participles and token.dep_ == "acl" and token.tag_ == "VBG":
            doers.append(token.head)  # "the wildfires burning on both sides"
        # "the collapse of a dam that killed 30", "a fire at a nightclub that killed 64":
        # what befell the doer
        doers += [
            d.head.head
            for d in doers
            if d.dep_ == "pobj" and d.head.dep_ == "prep" and d.head.head.pos_ == "NOUN"
        ]
        return doers

    def formula(self, token: Token) -> bool:
        """Whether a trigger is part of a reporting formula: how a source is kept
        anonymous ("officials who asked not to be named") or said nothing ("the embassy
        declined to comment")."""
        return any(
            start - len(token.text) - 1 <= token.idx < end
            for start, end in self._formula_spans(token.doc)
        )

    def _formula_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """Where the reporting formulas are in a block (found once per block)."""
        if self._formulas[0] is not doc:
            spans = [
                (match.start(), match.start() + len(match.group(1)))
                for match in self._formula_pattern.finditer(doc.text.lower())
            ]
            self._formulas = (doc, spans)
        return self._formulas[1]

    def unreal(self, token: Token) -> bool:
        """Whether a trigger only says what was proposed or wished: "a proposal to hold
        talks", "hoped the officials would be indicted"."""
        node = token
        for _ in range(4):
            if node.dep_ == "relcl" and self._anyone(node.head):
                return True  # "anyone who tried to block roads", "any official who helps"
            infinitive = node.dep_ == "relcl" and any(c.lower_ == "to" for c in node.children)
            if (node.dep_ not in _CONTENT_LINKS and not infinitive) or node.head == node:
                return False
            child, node = node, node.head
            if (
                child.dep_ not in ("dobj", "nsubjpass", "prep", "aux")
                and node.pos_ == "NOUN"
                and (
                    node.lemma_.lower() in self._lexicon.content_nouns
                    # "any move to seize the courts": whatever might be tried
                    or self._anyone(node)
                )
            ):
                return True
            if child.dep_ == "ccomp" and self._lexicon.wishing_verbs.intersection(
                self._lemmas(node)
            ):
                return True  # "hoped they would..." (not "hoped to meet": an intent)
            governor = node.head if node.dep_ == "dobj" else node  # "from" on the object
            if (
                child.dep_ == "prep"
                and child.lower_ == "from"
                and self._lexicon.prohibiting_verbs.intersection(self._lemmas(governor))
            ):
                return True  # "banned the party from holding rallies": what is forbidden
            if node.dep_ == "acl" and node.lemma_.lower() in self._lexicon.aiming_words:
                return True  # "talks aimed at easing tensions": what they are for
            if child.dep_ in ("ccomp", "advcl", "xcomp") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self._lexicon.content_nouns
                for c in node.children
            ):
                return True  # "repeated its demand on Monday that Israel ease..."
        return False

    def topic(self, token: Token) -> bool:
        """'Met to discuss the negotiations', 'talks on reopening the crossings': what is
        discussed, settled or known of ("unaware of any agreement") is not an event."""
        lexicon = self._lexicon
        if token.dep_ == "pobj" and token.head.lower_ == "under":
            return token.lemma_.lower() in lexicon.framework_nouns  # "under the deal"
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in lexicon.knowing_words
        ):
            return True  # "unaware of any agreement"
        noun = _joined_first(token)
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ in ("for", "to")
            and noun.head.head.lemma_.lower() in lexicon.answer_nouns
        ) or (noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.avenging_verbs):
            return True  # "in retaliation for an air raid", "vowed to avenge the killing"
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_.lower() in lexicon.margin_nouns
        ):
            return True  # "met on the sidelines of a NATO summit": where they met
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in lexicon.topic_prepositions:
            subject = token.head.head
            if subject.pos_ == "VERB":  # "opened an inquiry into ...", "into" on the verb
                subject = next((c for c in subject.children if c.dep_ == "dobj"), subject)
            return subject.pos_ == "NOUN" and subject.lemma_.lower() in lexicon.discussion_nouns
        return (
            token.pos_ == "NOUN"
            and token.dep_ == "dobj"
            and bool(lexicon.topic_verbs.intersection(self._lemmas(token.head)))
        )

    def travel_for(self, verb: Token, found: SentenceActors) -> bool:
        """'Delegates travel to Geneva for talks': the talks are the event, not a visit
        (but a trip to a capital or a country for talks visits it: "arrived in Kampala
        for talks")."""
        if verb.pos_ != "VERB" or not self._lexicon.travel_verbs.intersection(self._lemmas(verb)):
            return False
        destinations = [
            obj
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in ("to", "in")
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        # a country's own place: "the Tajik town of Isfara" is Tajikistan's
        places = destinations + [
            t for d in destinations for t in d.subtree if t.dep_ in ("amod", "compound", "poss")
        ]
        if any(
            found.entries[d.i].kind in ("capital", "country", "adjective")
            for d in places
            if d.i in found.entries
        ):
            return False
        return any(
            self._is_trigger(obj)
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "for"
            for obj in prep.children
            if obj.dep_ == "pobj"
        )

    def alleged(self, token: Token) -> bool:
        """'Companies accused of funding militias', 'a colonel wanted for his alleged
        role in the killing': what a description alleges."""
        alleging = self._lexicon.allegation_verbs
        for ancestor in list(token.ancestors)[:4]:
            if (
                ancestor.dep_ == "acl"
                and ancestor.tag_ in ("VBN", "VBD")
                and ancestor.lemma_.lower() in alleging
            ):
                return True
            if ancestor.pos_ == "NOUN" and any(
                c.dep_ == "amod" and c.lemma_.lower() in alleging for c in ancestor.children
            ):
                return True  # "his alleged role in", "suspected involvement in"
        # "young men they suspected of supporting the separatists": what the suspicion says
        # (an accusation verb that is itself an event absorbs it instead)
        if token.dep_ == "pcomp" and token.head.lower_ == "of":
            verb = token.head.head
            return verb.lemma_.lower() in alleging and not self._is_trigger(verb)
        return False


def _attributive(token: Token) -> bool:
    """'Visiting Iranian Foreign Minister X held talks': a participle before a name, which
    the parser took for a clausal subject beside the real one, describes that person; so
    does "held talks with visiting Prime Minister X", taken for a clause after "with", and
    a past participle before a noun ("the detained leader")."""
    if token.dep_ == "amod" and token.tag_ in ("VBN", "VBG") and token.i < token.head.i:
        # "the detained civilian leader", "jailed activists", "striking lecturers": what
        # they are
        return True
    if token.tag_ != "VBG":
        return False
    if token.dep_ == "pcomp" and token.head.lower_ == "with" and token.lemma_ == "visit":
        return any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in token.children)
    return token.dep_ == "csubj" and any(c.dep_ == "nsubj" for c in token.head.children)


def _tally(token: Token, voting: frozenset[str]) -> bool:
    """Whether a score-like pair of numbers is how a vote went ("voted 14-0")."""
    doc, i = token.doc, token.i
    first = doc[i - 2] if i >= 2 and doc[i - 1].text == "-" else token
    return first.head.lemma_.lower() in voting


def _score(token: Token) -> bool:
    """Whether a token ends a game's score ("1-0", split or not), not a count ("killed
    20-30 people")."""
    doc, i = token.doc, token.i
    joined = bool(_SCORE.fullmatch(token.text))
    split = (
        token.like_num
        and i >= 2
        and doc[i - 1].text == "-"
        and doc[i - 2].like_num
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    )
    first = doc[i - 2] if split else token  # "2-1" split: "1" hangs on "2"
    return (joined or split) and first.dep_ != "nummod" and first.head.pos_ in ("VERB", "AUX")


def _modified(noun: Token) -> bool:
    """Whether a noun has a modifier before it that says whose or what kind it is."""
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in noun.lefts)


def _passive_causes(token: Token) -> list[Token]:
    """What a passive with no doer says it happened in: "killed in a landslide", "people
    have been killed in the conflict since 2011"."""
    if not any(c.dep_ == "auxpass" for c in token.children) or any(
        c.dep_ == "agent" for c in token.children
    ):
        return []
    return [o for c in token.children if c.lower_ == "in" for o in c.children if o.dep_ == "pobj"]


def _tallied(verb: Token) -> bool:
    """Whether a verb counts acts over the years, not one act: "more than 1,500 students
    have been kidnapped since 2014" (a perfect with "since" and a year, and a number of
    those it befell; "have occupied the town since 2020" is one act that goes on)."""
    if verb.pos_ != "VERB" or not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    ):
        return False
    counted = any(
        t.like_num and t.dep_ == "nummod"
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass", "dobj")
        for t in c.subtree
    )
    return counted and any(
        prep.lower_ == "since" and any(_year(t) for t in prep.subtree)
        for prep in verb.children
        if prep.dep_ == "prep"
    )


def _year(token: Token) -> bool:
    return token.is_digit and len(token.text) == 4 and 1900 <= int(token.text) <= 2100


def _joined_first(token: Token) -> Token:
    """The first of the nouns a noun is joined to ("air strikes and shelling")."""
    while token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def _habitual_description(verb: Token) -> bool:
    """A relative clause in the plain present describes what someone does as a rule, not
    an act of the day: "Iran, which arms and trains the Houthis, denied ...", "the coast
    guard, which is funded by Italy"."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.dep_ in ("relcl", "conj"):
        clause = clause.head  # "which is funded and trained by ...", "which arms and trains"
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return False
    auxiliaries = [
        c.lower_ for v in {clause, verb} for c in v.children if c.dep_ in ("aux", "auxpass")
    ]
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxiliaries
    return verb.tag_ == "VBN" and auxiliaries in (["is"], ["are"])


def _long_standing(verb: Token) -> bool:
    """What has been done for long is background, not the day's act: "Islamabad has long
    accused Kabul of ..."."""
    return any(c.dep_ == "advmod" and c.lower_ == "long" for c in verb.children) and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def _starting_point(verb: Token) -> bool:
    """What something has lasted "since" is its starting point, told as background:
    "relations have been strained since Bamako pulled out of the accord"."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBD"
        and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)
    )


def _history_of(verb: Token) -> bool:
    """What a relative clause tells that its doer did before to something the sentence
    names, referred to by a pronoun, is that thing's history: "retook the village from
    rebels who overran it last month" (the news is the retaking)."""
    return (
        verb.dep_ == "relcl"
        and verb.tag_ == "VBD"
        and any(c.dep_ == "dobj" and c.lower_ in _REFERRING_OBJECTS for c in verb.children)
    )


def _asked(sentence: Span, openers: frozenset[str]) -> bool:
    """Whether a sentence is a direct question: "Will Brussels finally sanction Minsk?"."""
    if not len(sentence) or sentence[-1].text != "?":
        return False
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    return bool(words) and words[0].lower_ in openers


def _anniversary(sentence: Span, openers: frozenset[str]) -> bool:
    """Whether a sentence opens with an anniversary formula ("On this day in 1968")."""
    words = [t.lower_ for t in sentence[:6]]
    return any(words[: len(o.split())] == o.split() for o in openers)
