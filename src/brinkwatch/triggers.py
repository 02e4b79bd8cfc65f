"""triggers: which words are event triggers where they stand, with their CAMEO code.

A verb matches an entry of `rules/triggers.yaml` by its lemma (irregular forms and
particles included) and, when the entry lists objects, by what it acts on ("imposed
sanctions" is 163, "imposed a curfew" 1723); a noun by its lemma, the phrase it ends
("air strike") and the qualifiers the entry asks for or excludes.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from brinkwatch.lexicon import Lexicon, TriggerEntry
from brinkwatch.syntax import infinitive
from brinkwatch.verbforms import VerbForms

# "ordered troops into the streets": a direction makes an order a deployment
_DIRECTIONS = frozenset({"into", "to", "onto", "toward", "towards"})

# the object key that stands for any named place ("captured Kabul")
_PLACE = "<place>"
# the object key, looked for after the entry's prepositions, that stands for an
# international organisation ("withdrew from ECOWAS")
_BODY = "<body>"

# a matched trigger: its entry, its CAMEO code there, and its first word
Match = tuple[TriggerEntry, str, Token]


class TriggerMatcher:
    """Matches tokens against the trigger lexicon."""

    def __init__(
        self,
        lexicon: Lexicon,
        verbs: VerbForms,
        places: Callable[[Token], bool],
        bodies: Callable[[Token], bool],
    ):
        self._lexicon = lexicon
        self._verbs = verbs
        self._places = places  # whether a proper noun names a place ("captured Kabul")
        self._bodies = bodies  # whether one names an international body ("left ECOWAS")
        self._verb_entries: dict[str, list[TriggerEntry]] = {}
        for entry in lexicon.verbs:
            self._verb_entries.setdefault(entry.lemma, []).append(entry)
        self._nouns = {entry.lemma: entry for entry in lexicon.nouns}
        # every word a trigger can end on: a verb's lemma, a noun's, a phrase's last word
        self._last_words = (
            frozenset(self._verb_entries)
            | frozenset(self._nouns)
            | frozenset(lemma.split()[-1] for lemma in self._nouns)
        )
        # many rules ask about the same tokens: the answers for the block last asked about
        self._seen: tuple[Doc | None, dict[int, Match | None]] = (None, {})

    def verb_entries(self, verb: Token) -> list[TriggerEntry]:
        """The entries a verb's lemmas name, in lexicon order (none if it is no trigger)."""
        return next(
            (self._verb_entries[f] for f in self._verbs.lemmas(verb) if f in self._verb_entries),
            [],
        )

    def verb_entries_named(self, lemma: str) -> list[TriggerEntry]:
        """The verb entries of a lemma ("raid" the verb, for "the raid")."""
        return self._verb_entries.get(lemma, [])

    def match(self, token: Token) -> Match | None:
        """The entry a token matches, its CAMEO code there, and the first word of the
        trigger (a phrase's modifier: "air strike"); None when it is no trigger."""
        doc, answers = self._seen
        if doc is not token.doc:
            answers = {}
            self._seen = (token.doc, answers)
        if token.i not in answers:
            answers[token.i] = self._match(token)
        return answers[token.i]

    def _match(self, token: Token) -> Match | None:
        lemma = token.lemma_.lower()
        if token.lower_ not in self._nouns and not any(
            form in self._last_words for form in self._verbs.lemmas(token)
        ):
            return None  # most words: no trigger ends on them
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if following is not None and (
            f"{token.lower_} {following.lower_}" in self._lexicon.trigger_compounds
        ):
            return None  # "riot police", "attack helicopters": a kind of thing, no event
        # "Kenyan shelling killed two herders": a gerund that is a clause's subject or
        # object is the noun
        gerund = (
            token.tag_ == "VBG"
            and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            and not any(c.dep_ in ("dobj", "nsubj", "dative") for c in token.children)
        )  # ("denied shelling the market" has the verb)
        if not gerund and (
            token.pos_ in ("VERB",)
            or (token.pos_ == "NOUN" and token.dep_ == "ROOT" and token.tag_.startswith("V"))
        ):
            entries = self.verb_entries(token)
            particles = {
                c.lower_
                for c in token.children
                # ("stormed through the symphony": a preposition right after the verb)
                if c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and c.i == token.i + 1)
            }
            if any(f"{lemma} {p}" in self._lexicon.idioms for p in particles):
                return None  # "pressed ahead with an offensive"
            # "warned against travel" before "warned": a particle's entry is the narrower
            for entry in sorted(entries, key=lambda e: e.particle is None):
                if entry.particle and not (
                    any(
                        c.lower_ == entry.particle
                        and (
                            c.dep_ in ("prt", "advmod")
                            # a preposition right after the verb ("gave in to", not "gave
                            # the junta in Mali an ultimatum"), with no object of its own
                            # ("kicked the agencies out of Darfur") or with one the entry
                            # lists ("advised its citizens against travel")
                            or (
                                c.dep_ == "prep"
                                and (
                                    c.i == token.i + 1
                                    or bool(entry.objects)
                                    or not any(o.dep_ == "pobj" for o in c.children)
                                )
                            )
                        )
                        for c in _with_object_preps(token, bool(entry.objects))
                    )
                    # "handed over 15 soldiers", the particle hung elsewhere by the parser
                    or (following is not None and following.lower_ == entry.particle)
                ):
                    continue
                cameo = self._object_code(token, entry)
                passive = any(c.dep_ == "auxpass" for c in token.children)
                if entry.active_only and passive and cameo == entry.cameo:
                    # "will be met with a crushing response": no meeting; "the freed
                    # Americans were flown to Texas": no visit (but "troops were flown in")
                    continue
                if cameo is not None:
                    return entry, cameo, token
            return None
        framed = token.dep_ == "compound" and token.head.lemma_.lower() in self._lexicon.frame_nouns
        if (token.pos_ in ("NOUN", "PROPN") or gerund) and (token.dep_ != "compound" or framed):
            for child in token.lefts:
                phrase = self._nouns.get(f"{child.lemma_.lower()} {lemma}")
                if child.dep_ in ("compound", "amod") and phrase is not None and phrase.cameo:
                    return phrase, phrase.cameo, child
            noun = self._nouns.get(lemma) or self._nouns.get(token.lower_)
            if noun is None or token.ent_type_ == "DATE":
                return None  # ("would begin in March": a month)
            # a noun that is an event only with certain objects ("the recall of the ambassador")
            # ("the withdrawal of the finance bill" takes its code from what is withdrawn)
            listed = (self._object_code(token, noun) if noun.objects else None) or noun.cameo
            if listed is None:
                return None
            if noun.carried_by and not (
                token.dep_ == "dobj"
                and set(noun.carried_by).intersection(self._verbs.lemmas(token.head))
            ):
                return None  # "public support for the war": no one's act

            qualifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod")]
            modifiers = {c.lemma_.lower() for c in qualifiers} | {
                "".join(t.lower_ for t in c.subtree)
                for c in qualifiers  # "live-fire"
            }
            # "held drills with Japan": done with another party needs no qualifier
            partnered = noun.jointly is not None and any(
                c.dep_ == "prep" and c.lower_ == "with"
                for c in (*token.children, *token.head.children)
            )
            if noun.modifiers and not modifiers & set(noun.modifiers) and not partnered:
                return None
            if modifiers & set(noun.modifiers_exclude):
                return None
            return noun, self._body_code(token, noun) or listed, token
        return None

    def _body_code(self, trigger: Token, entry: TriggerEntry) -> str | None:
        """The code an entry gives an international body named after one of its
        prepositions ("withdrew from ECOWAS", "their withdrawal from the African Union")."""
        code = dict(entry.objects).get(_BODY)
        if code is None:
            return None
        named = any(
            self._bodies(o)
            for p in trigger.children
            if p.dep_ == "prep" and p.lower_ in entry.preps
            for o in p.children
            if o.dep_ == "pobj"
        )
        return code if named else None

    def _object_code(self, verb: Token, entry: TriggerEntry) -> str | None:
        objects = dict(entry.objects)
        if entry.objects_exclude and _excluded(verb, entry):
            return None  # "released a joint statement" frees no one
        slots = list(verb.children)
        if entry.particle:  # "advised against travel": the particle's object
            slots += [
                o
                for c in _with_object_preps(verb, True)
                if c.lower_ == entry.particle
                for o in c.children
            ]
            slots += _after_particle(verb, entry.particle)  # "pulled out of the talks"
        # "ordered the troops to leave": those told to act are not what the order is
        # (but "ordered troops into the streets to confront gangs" moves them; and what
        # is authorised to do something is what is allowed: "authorized convoys to enter")
        commanded = (
            verb.lemma_.lower() in self._lexicon.command_verbs
            and bool(entry.complements)
            and any(c.dep_ == "xcomp" for c in verb.children)
            and not any(c.dep_ == "prep" and c.lower_ in _DIRECTIONS for c in verb.children)
        )
        # "allowed UN inspectors to visit", parsed as a clause: its subject is the object
        if not commanded and verb.lemma_.lower() not in self._lexicon.command_verbs:
            slots += [
                s
                for c in verb.children
                if c.dep_ == "ccomp" and infinitive(c)
                for s in c.children
                if s.dep_ == "nsubj"
            ]
        # an event noun's "of" names what it acts on ("the recall of its ambassador")
        owned = (
            [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
            if verb.pos_ == "NOUN"
            else []
        )
        for child in slots + owned:
            if (
                child.dep_ in ("oprd", "acomp", "advmod", "xcomp", "ccomp")
                and child.lower_ in objects
            ):
                return objects[child.lower_]  # "set government buildings ablaze"
            # ("gave the army 48 hours to leave": an amount the parser took for an adverb)
            amount = child.dep_ == "npadvmod" and _measure(child)
            if child.dep_ not in ("dobj", "nsubjpass", "attr", "pobj", "nsubj") and not amount:
                continue
            if child.dep_ == "nsubj" and child.head == verb:
                continue  # the trigger's own subject
            if commanded and child.dep_ == "dobj":
                continue
            if verb.lemma_.lower() in self._lexicon.rebutting_verbs and any(
                c.dep_ in ("acl", "ccomp") for c in child.children
            ):
                continue  # "denied accusations that it backs the rebels": the accusation's
            if child.dep_ == "pobj" and not (_of_particle(child, entry.particle) or child in owned):
                continue
            # "tons of food aid", "$500 million in aid": a measure's contents are the object
            # "flew surgical teams and 20 tonnes of medical supplies": each thing carried
            carried = [child, *(c for c in child.children if c.dep_ == "conj")]
            nouns = [
                *carried,
                *(
                    o
                    for n in carried
                    for p in n.children
                    if p.lower_ in ("of", "in")
                    for o in p.children
                ),
            ]
            if _measure(child):  # "sent $20 million in aid", the "in" hung on the verb
                nouns += [
                    o for p in slots if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                ]
            for noun in nouns:
                for word in object_words(noun):
                    if word in objects:
                        return objects[word]
                # "captured Kabul", "took control of Kidal" (not "seized a tanker in the
                # Gulf": where the thing taken was)
                taken = noun in carried or noun.head.lower_ == "of"
                if _PLACE in objects and taken and noun.pos_ == "PROPN" and self._places(noun):
                    return objects[_PLACE]
                if _BODY in objects and noun in carried and self._bodies(noun):
                    return objects[_BODY]  # "quit ECOWAS"
        left = self._body_code(verb, entry)
        if left is not None:
            return left
        means = _means_code(verb, entry)
        if means is not None:
            return means
        if entry.unasked and not _asks(verb):
            return entry.unasked  # "the envoy called on the president": a courtesy visit
        complements = dict(entry.complements)
        for child in verb.children:  # "ordered French troops to leave the country"
            if child.dep_ not in ("xcomp", "ccomp"):
                continue
            # ("ordered the mission to close its offices and leave": a joined verb too)
            for act in (child, *(c for c in child.children if c.dep_ == "conj")):
                if act.lemma_.lower() in complements:
                    return complements[act.lemma_.lower()]
        return entry.cameo


def _asks(verb: Token) -> bool:
    """Whether a verb of asking says what it asks: an infinitive ("called on Egypt to
    free him"), a clause, or what it is "for"."""
    asked = [
        n
        for c in verb.children
        if c.dep_ == "prep"
        for o in c.children
        if o.dep_ == "pobj"
        for n in (o, *o.conjuncts)
    ]  # ("called on the government and the rebels to cease": hung on the one asked)
    return any(
        c.dep_ in ("xcomp", "ccomp")
        or (c.dep_ in ("advcl", "relcl", "acl") and infinitive(c))
        or (c.dep_ == "prep" and c.lower_ == "for")
        for c in [*verb.children, *(c for n in asked for c in n.children if c.dep_ != "prep")]
    )


def _means_code(verb: Token, entry: TriggerEntry) -> str | None:
    """The code of what an act is done with ("hit Moscow with fresh sanctions"), however
    the parser hung the "with"."""
    means = dict(entry.means)
    if not means:
        return None
    tools = [
        o
        for p in _with_object_preps(verb, True)
        if p.dep_ == "prep" and p.lower_ == "with"
        for n in p.children
        if n.dep_ == "pobj"
        for o in (n, *(c for c in n.children if c.dep_ == "conj"))
    ]
    return next((means[w] for n in tools for w in object_words(n) if w in means), None)


def _after_particle(verb: Token, particle: str) -> list[Token]:
    """The objects of the preposition right after a verb's particle ("pulled out of the
    talks"), however the parser hung it."""
    preps = [
        p
        for c in verb.children
        for p in (c, *c.children)
        if p.dep_ == "prep" and p.i > 0 and p.doc[p.i - 1].lower_ == particle
    ]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _of_particle(noun: Token, particle: str | None) -> bool:
    """Whether an object of a preposition is the particle's or follows it."""
    prep = noun.head
    return prep.lower_ == particle or (prep.i > 0 and prep.doc[prep.i - 1].lower_ == particle)


def _excluded(verb: Token, entry: TriggerEntry) -> bool:
    """Whether a verb acts on something that makes it no event: its object, the object of
    its preposition ("spoke to reporters"), or what it describes as a participle
    ("satellite images released by a firm")."""
    excluded = entry.objects_exclude
    acted_on = [
        *verb.children,
        *(o for p in verb.children if p.lower_ in entry.preps for o in p.children),
    ]
    if any(
        c.dep_ in ("dobj", "nsubjpass", "pobj")
        and (c.lemma_.lower() in excluded or c.lower_ in excluded)  # ("trawler" read "trawl")
        for c in acted_on
    ):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in excluded


def _with_object_preps(verb: Token, objects: bool) -> list[Token]:
    """A verb's children, and with ``objects`` the prepositions the parser hung on its
    direct object ("stripped the leaders of their citizenship")."""
    children = list(verb.children)
    if objects:
        children += [
            p for c in children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep"
        ]
    return children


def _measure(noun: Token) -> bool:
    """An amount ("$20 million", "500 tonnes"): what it measures is the object."""
    return noun.tag_ == "$" or noun.like_num or any(c.dep_ == "nummod" for c in noun.children)


def coded_objects(verb: Token, entry: TriggerEntry) -> set[int]:
    """The objects of a trigger that set its code, a measure's or part's contents too
    ("most of its sanctions")."""
    objects = dict(entry.objects)
    direct = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.pos_ == "NOUN":  # "the termination of the defence agreements"
        direct += [
            o for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
        ]
    if entry.particle:  # "withdrew from the talks", "pulled out of the talks"
        direct += [o for c in verb.children if c.lower_ == entry.particle for o in c.children]
        direct += _after_particle(verb, entry.particle)
    nouns = direct + [
        o for c in direct for p in c.children if p.lower_ in ("of", "in") for o in p.children
    ]
    return {n.i for n in nouns if any(word in objects for word in object_words(n))}


def object_words(noun: Token) -> list[str]:
    """What an object noun may be listed as: a phrase with a modifier before it ("martial
    law", "artillery fire", "missile strike"), the noun, or a modifier alone."""
    modifiers = [g for g in noun.children if g.dep_ in ("compound", "amod")]
    phrases = [f"{g.lemma_.lower()} {noun.lemma_.lower()}" for g in modifiers]
    # ("the charge d'affaires": a plural-looking head the lemmatizer cuts)
    phrases += [f"{g.lemma_.lower()} {noun.lower_}" for g in modifiers]
    return [*phrases, noun.lemma_.lower(), noun.lower_, *(g.lemma_.lower() for g in modifiers)]


def weapon(noun: Token, entry: TriggerEntry) -> bool:
    """Whether an object names what force is used with, not whom: "fired missiles"."""
    code = dict(entry.objects).get(noun.lemma_.lower(), "")
    # (but "captured four soldiers" takes the soldiers: an abduction's object is its victim)
    return code[:2] in ("15", "18", "19", "20") and code[:3] != "181"
