"""actors: noun phrases -> actor codes (country + sector) from the actor dictionaries."""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from brinkwatch.gazetteer import Gazetteer, fold
from brinkwatch.lexicon import ActorEntry, Lexicon
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor
from brinkwatch.syntax import objects_of

# non-state armed groups, whose forces and fighters are theirs, not an army
ARMED_GROUPS = frozenset({"REB", "INS", "SEP", "CRM"})
_NP_LEFT = frozenset({"compound", "amod", "nmod", "poss", "nummod", "quantmod", "det", "case"})
_KNOWN_CITY = 50_000
_BIG_CITY = 200_000
_TOWN = 10_000  # a longer place name this big hides the name it ends with
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_CACHED_BLOCKS = 8
_CACHED_SENTENCES = 16
_PLACE_KINDS = frozenset({"country", "capital", "region"})
# "English-speaking", "French-language": words that make a demonym a language
_LANGUAGE_USES = frozenset({"speaking", "language", "speaker", "speakers"})
# What may stand between a compound's members ("US, Russia, and Switzerland")
_JOINERS = frozenset({"and", "or", "&", ";"})
# Ranks that are also adjectives: a role only as a noun
_RANKS = frozenset({"general"})
# Small words inside place names ("Mocimboa da Praia", "Rio de Janeiro")
_NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "di", "du"})
_PERSONAL = frozenset({"he", "she", "it", "they", "him", "her", "them", "its", "their", "his"})
_BELONGING = frozenset({"of", "in", "from", "throughout", "inside", "across"})
_KIND_RANK = {
    "person": 0,
    "organization": 1,
    "media": 1,
    "capital": 2,
    "country": 3,
    "adjective": 4,
    "region": 5,
}


@dataclass(frozen=True)
class SentenceActors:
    """Dictionary matches in one sentence: token index -> the entry it is part of."""

    entries: dict[int, ActorEntry]
    spans: dict[int, tuple[int, int]]


# the actors a sentence's noun phrases name, by head word and whether members count
_Answers = tuple[ParsedSentence, SentenceActors, dict[tuple[int, bool], Actor | None]]


class ActorResolver:
    """Finds actor names in sentences and codes the noun phrase a token heads."""

    def __init__(self, nlp: Language, lexicon: Lexicon, gazetteer: Gazetteer | None = None) -> None:
        self._lexicon = lexicon
        self._gazetteer = gazetteer
        # matches of the last few blocks, by sentence start (several stages ask, and a
        # sentence looks back into the blocks before it for what its words refer to)
        self._cache: OrderedDict[int, tuple[Doc, dict[int, SentenceActors]]] = OrderedDict()
        # actors of the last few sentences, by head word (sources, targets and context
        # ask about the same noun phrases)
        self._actors: OrderedDict[int, _Answers] = OrderedDict()
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._entries: dict[str, ActorEntry] = {}
        for entry in lexicon.actors:
            if entry.text in self._entries:
                continue  # the first file listed wins: user dictionaries come first
            self._entries[entry.text] = entry
        for entry in lexicon.actors:
            # "Lome" for "Lomé", "Bogota" for "Bogotá": wire copy drops the accents
            bare = _without_accents(entry.text)
            if bare != entry.text and bare not in self._entries:
                self._entries[bare] = replace(entry, text=bare)
        patterns = [nlp.make_doc(text) for text in self._entries]
        self._matcher.add("ACTOR", patterns)
        self._sectors = dict(lexicon.sectors)
        self._max_sector_words = max(len(word.split()) for word, _ in lexicon.sectors)

    @property
    def proper_words(self) -> frozenset[str]:
        """First words of every actor name, kept capitalised when headlines are re-cased."""
        return frozenset(text.split()[0] for text in self._entries)

    def annotate(self, parsed: ParsedSentence) -> SentenceActors:
        """Longest dictionary matches in the sentence."""
        span = parsed.span
        key = id(span.doc)
        held = self._cache.get(key)
        if held is None or held[0] is not span.doc:
            held = (span.doc, {})
            self._cache[key] = held
            while len(self._cache) > _CACHED_BLOCKS:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        matches = held[1]
        cached = matches.get(span.start)
        if cached is None:
            cached = matches[span.start] = self._annotate(parsed)
        return cached

    def _annotate(self, parsed: ParsedSentence) -> SentenceActors:
        span = parsed.span
        # matches on a Span come back with document token offsets
        found = [span.doc[s:e] for _, s, e in self._matcher(span)]
        entries: dict[int, ActorEntry] = {}
        spans: dict[int, tuple[int, int]] = {}
        # a name's possessive ending is no part of it ("Sri Lanka's" tagged as a person)
        people = [
            e[:-1] if len(e) > 1 and e[-1].tag_ == "POS" else e
            for e in span.ents
            if e.label_ == "PERSON"
        ]
        for match in filter_spans(found):
            entry = self._entries[match.text]
            currency = match.end < len(span.doc) and span.doc[match.end].tag_ == "$"
            if currency and match.text.replace(".", "").isupper():
                continue  # "US $50 million", "HK$": a currency (not "lent Laos $80 million")
            if entry.kind in _PLACE_KINDS and any(
                p.start <= match.start and match.end <= p.end and len(p) > len(match)
                for p in people
            ):
                continue  # "Douglas Alexander", "Chad Johnson": a person's name, not a place
            if entry.kind == "adjective" and _language(match):
                continue  # "English-speaking", "French-language": a language, no country
            if entry.kind in _PLACE_KINDS and self._inside_place_name(match, entry):
                continue  # "Mocimboa da Praia", "Port Sudan": a town, not the capital or state
            for token in match:
                entries[token.i] = entry
                spans[token.i] = (match.start, match.end)
        return SentenceActors(entries, spans)

    def sector_of(self, tokens: list[Token], head: Token) -> str | None:
        """Sector named by role words in a phrase: the longest phrase ending nearest the head."""
        tokens = [t for t in tokens if t.text != "-"]  # "Auditor-General" is "auditor general"
        words = [token.lower_ for token in tokens]
        lemmas = [token.lemma_.lower() for token in tokens]
        others = [t for t in tokens if t.i != head.i]
        if head.lower_ in self._lexicon.generic_roles and others and len(others) < len(tokens):
            body = self.sector_of(others, head)
            if body is not None:
                return body  # "army spokesman": the body the role speaks for
        roles = [t for t in tokens if t.lower_ in self._lexicon.generic_roles and t.i < head.i]
        if head.pos_ == "PROPN" and roles:
            before = [t for t in tokens if t.i < roles[-1].i]
            body = self.sector_of(before, roles[-1]) if before else None
            if body is not None:
                return body  # "Opposition leader Tina Bokuchava": the body she leads
        best: tuple[int, int, str] | None = None
        for end in range(len(tokens), 0, -1):
            for size in range(min(self._max_sector_words, end), 0, -1):
                for seq in (words, lemmas):
                    phrase = " ".join(seq[end - size : end])
                    sector = self._sectors.get(phrase)
                    if size == 1 and phrase in _RANKS and tokens[end - 1].tag_ == "JJ":
                        continue  # "a general strike", "the general election": no officer
                    if sector is not None:
                        distance = abs(tokens[end - 1].i - head.i)
                        rank = (distance, -size, sector)
                        if best is None or rank[:2] < best[:2]:
                            best = rank
        return best[2] if best else None

    def actor(
        self, parsed: ParsedSentence, found: SentenceActors, head: Token, members: bool = True
    ) -> Actor | None:
        """The actor named by the noun phrase that ``head`` heads, or None."""
        key = id(parsed)
        held = self._actors.get(key)
        if held is None or held[0] is not parsed or held[1] is not found:
            held = (parsed, found, {})
            self._actors[key] = held
            while len(self._actors) > _CACHED_SENTENCES:
                self._actors.popitem(last=False)
        answers = held[2]
        if (head.i, members) not in answers:
            answers[head.i, members] = self._actor(parsed, found, head, members)
        return answers[head.i, members]

    def _actor(
        self, parsed: ParsedSentence, found: SentenceActors, head: Token, members: bool
    ) -> Actor | None:
        head = self._counted(resolve_relative(head), found)
        if head.lower_ in _PERSONAL or head.pos_ == "PRON":
            return None
        if members:
            conjuncts = [head, *[c for c in head.conjuncts if c.i > head.i]]
            listed = _listed_apposition(head, found)
            if len(conjuncts) == 1 and listed:
                conjuncts = [head, *listed]  # "Brazil, India and South Africa met"
            if len(conjuncts) > 1:
                return self._compound(parsed, found, conjuncts)
        tokens = _np_tokens(head, found, self._lexicon.backing_words)
        country, sector, named = self._codes(tokens, head, found)
        shared = self._coordinated_modifiers(parsed, found, head, sector)
        if shared is not None:
            return shared
        if (
            country is None
            and sector is not None
            and sector != "IGO"  # "its European Union partners" act for the EC
            and any(t.dep_ == "poss" and t.lower_ in _PERSONAL for t in tokens)
        ):
            country = _preceding_country(head, found)  # "Trump and his security team"
        # "rebels in northern Mali", "leaders of Moldova's government", "ethnic Albanian
        # fighters operating in Kosovo": the place or body they belong to
        waters = head.lower_ in self._lexicon.water_words  # "the Gulf of Oman" is no one's
        # "a border town in eastern Chad": a place belongs where it lies
        town = head.lower_ in self._lexicon.place_nouns and head.i not in found.entries
        # "observers from the OAS": a role that stands for the body it comes from
        speaking = head.lower_ in self._lexicon.generic_roles
        placed = (
            self._attached(parsed, found, head)
            if (sector is not None or named or town or speaking) and not waters
            else None
        )
        if placed is not None and placed.members and head.i not in found.entries:
            return self._per_member(parsed, head, tokens, sector, placed)
        # "Hungarians of northern Serbia": a people named by where they live
        entry = found.entries.get(head.i)
        people = entry is not None and entry.kind == "adjective" and _of_place(head)
        if (
            (country is None or is_ethnic(t.lower_ for t in tokens) or people)
            and placed is not None
            and placed.country
            and sector != "IGO"  # "UN peacekeepers in Mali" act for the UN
        ):
            country = placed.country
            if head.lower_ in self._lexicon.generic_roles and placed.sector is not None:
                sector = placed.sector
        elif placed is not None and (
            (
                speaking
                and placed.sector is not None
                and (country is None or placed.country in (None, country))
            )
            # "judges at the International Criminal Court": they act for the body
            or (country is None and placed.sector == "IGO" and not placed.country)
        ):
            # "observers from the OAS" act for it; "leaders of the rebel movement" are rebels
            sector = placed.sector
        if country is None and sector is not None:
            country = _sender(head, found)  # "the drones that Russia launched"
        if country is None and head.lemma_.lower() in self._lexicon.projectile_nouns:
            country = _launch_site(head, found)  # "rockets fired from Lebanon"
        if country is None and sector is None and not named:
            return None
        first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
        while first.dep_ in ("det", "case", "punct") and first.i < last.i:
            first = first.doc[first.i + 1]
        return Actor(
            text=parsed.words(first, last),
            span=parsed.char_span(first, last),
            country=country,
            sector=sector,
            # "ISIL", "Islamic State militants": an organisation the dictionary gives no
            # country has none to infer, nor have its members
            stateless=country is None and _of_stateless_body(tokens, found),
        )

    def _counted(self, head: Token, found: SentenceActors) -> Token:
        """'a group of diplomats', 'tens of thousands of students': the counted actors."""
        for _ in range(3):
            if head.i in found.entries or head.lower_ not in self._lexicon.partitives:
                return head
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.tag_ == "VBG":
                return head  # "accused by rights groups of looting": the groups
            head = obj
        return head

    def _attached(self, parsed: ParsedSentence, found: SentenceActors, head: Token) -> Actor | None:
        """The actor a post-modifier attaches the phrase to: "of/in/from/throughout X",
        "based in X", "loyal to X", "a spokesman for X", "judges at the ICC"."""
        attaching = self._lexicon.attaching_words
        speaking = head.lower_ in self._lexicon.generic_roles
        for child in head.rights:
            link, words = child, _BELONGING | ({"for"} if speaking else set())
            if child.dep_ in ("acl", "amod") and child.lemma_.lower() in attaching:
                link = next((c for c in child.children if c.dep_ == "prep"), child)
                words = _BELONGING | {"to"}
            if link.dep_ == "prep" and link.lower_ == "at":
                if any(c.dep_ == "poss" for c in head.children):
                    continue  # "their positions at the UN": theirs
                # "judges at the International Criminal Court" (not "protesters at the
                # US embassy": a place they stand at)
                body = next(
                    (self.actor(parsed, found, o) for o in link.children if o.dep_ == "pobj"),
                    None,
                )
                if body is not None and body.sector == "IGO" and not body.country:
                    return body
                continue
            if link.dep_ != "prep" or link.lower_ not in words:
                continue
            for obj in link.children:
                if obj.dep_ == "pobj":
                    return self.actor(parsed, found, obj)
        return None

    def _per_member(
        self,
        parsed: ParsedSentence,
        head: Token,
        tokens: list[Token],
        sector: str | None,
        placed: Actor,
    ) -> Actor:
        """'Foreign ministers of Peru and Chile': one compound actor, a member per country."""
        first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
        while first.dep_ in ("det", "case", "punct") and first.i < last.i:
            first = first.doc[first.i + 1]
        members = tuple(
            Actor(
                text=f"{head.text} of {member.text}",
                span=member.span,
                country=member.country,
                sector=sector or member.sector,
            )
            for member in placed.members
        )
        start, end = parsed.char_span(first, last)
        return Actor(
            text=parsed.text[start : max(end, placed.span[1])],
            span=(start, max(end, placed.span[1])),
            sector=sector,
            members=members,
        )

    def _coordinated_modifiers(
        self, parsed: ParsedSentence, found: SentenceActors, head: Token, sector: str | None
    ) -> Actor | None:
        """'Czech and Slovak officials': one compound actor, a member per country."""
        for child in head.lefts:
            entry = found.entries.get(child.i)
            if child.dep_ not in ("amod", "compound", "nmod") or entry is None:
                continue
            parts = [child, *[c for c in child.conjuncts if c.i in found.entries]]
            countries = [found.entries[p.i].country for p in parts]
            if len(parts) < 2 or None in countries or len(set(countries)) < 2:
                continue
            members = tuple(
                Actor(
                    text=f"{parsed.words(p, p)} {head.text}",
                    span=parsed.char_span(p, p),
                    country=found.entries[p.i].country,
                    sector=sector,
                )
                for p in parts
            )
            first = min(parts, key=lambda t: t.i)
            return Actor(
                text=parsed.words(first, head),
                span=parsed.char_span(first, head),
                sector=sector,
                members=members,
            )
        return None

    def _inside_place_name(self, match: Span, entry: ActorEntry) -> bool:
        """Whether a name is the end of a longer place name the gazetteer puts in another
        country ("Mocimboa da Praia" is in Mozambique; "South Lebanon" stays Lebanon: the
        gazetteer's South Lebanons are American villages)."""
        doc, start = match.doc, match.start
        while start > 0 and (
            doc[start - 1].pos_ == "PROPN"
            or (
                doc[start - 1].lower_ in _NAME_PARTICLES
                and start > 1
                and doc[start - 2].pos_ == "PROPN"
            )
        ):
            start -= 1
        if start == match.start or self._gazetteer is None:
            return False
        if doc[start].lower_ in self._lexicon.water_words:
            return True  # "Lake Victoria" is no capital
        places = self._gazetteer.lookup(doc[start : match.end].text)
        return any(p.population >= _TOWN for p in places) and entry.country not in {
            p.country for p in places
        }

    def names_place(self, token: Token) -> bool:
        """Whether a proper noun names a place: a country, capital or region the
        dictionaries know, or a city the gazetteer does ("captured Kabul", "took Goma")."""
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            return False
        entry = self._entries.get(_entity_text(token))
        if entry is not None:
            return entry.kind in _PLACE_KINDS
        return self._city_country(token) is not None

    def is_demonym(self, word: str) -> bool:
        """Whether a word is a people's or a country's adjective the dictionaries know
        ("Azerbaijani", "Russian")."""
        entry = self._entries.get(word)
        return entry is not None and entry.kind == "adjective"

    def names_body(self, token: Token) -> bool:
        """Whether a proper noun names an international organisation the dictionaries
        know ("withdrew from ECOWAS", "quit the Economic Community of West African
        States"); an acronym the tagger takes for a common noun too ("quit ECOWAS")."""
        if token.pos_ not in ("PROPN", "NOUN") or not token.text[:1].isupper():
            return False
        named = _entity_text(token).removeprefix("the ").removeprefix("The ")
        entry = self._entries.get(named) or self._entries.get(token.text)
        return entry is not None and entry.kind == "organization" and entry.sector == "IGO"

    def _city_country(self, head: Token) -> str | None:
        """The country of a city a proper noun names; the parser's own place tags are
        trusted for smaller cities than its person or group tags."""
        placed = head.ent_type_ in ("GPE", "LOC", "FAC")
        return self._place_country(head, _KNOWN_CITY if placed else _BIG_CITY)

    def _place_country(self, head: Token, smallest: int) -> str | None:
        """The country of a well-known place the gazetteer knows (a city of 50,000 or more,
        a region or a country)."""
        if self._gazetteer is None:
            return None
        name = _entity_text(head)
        places = [
            p
            for p in self._gazetteer.lookup(name, self._lexicon.water_words)
            if p.precision != "city" or p.population >= smallest
        ]
        if not places:
            return None
        biggest = max(places, key=lambda p: p.population)
        # a place of that very name before a bigger one it is only another spelling of
        # ("Puno" is in Peru, though the gazetteer lists it among the names of Pune; but
        # "San Pedro" may be the start of "San Pedro Sula")
        exact = [p for p in places if fold(p.name) == fold(name)]
        if exact and not fold(biggest.name).startswith(fold(name)):
            return max(exact, key=lambda p: p.population).country
        return biggest.country

    def _compound(
        self, parsed: ParsedSentence, found: SentenceActors, heads: list[Token]
    ) -> Actor | None:
        members = [self.actor(parsed, found, token, members=False) for token in heads]
        known = tuple(member for member in members if member is not None)
        if not known:
            return None
        if len(known) == 1:
            return known[0]
        return joint_actor(parsed.text, known)

    def _codes(
        self, tokens: list[Token], head: Token, found: SentenceActors
    ) -> tuple[str | None, str | None, bool]:
        head_entry = found.entries.get(head.i)
        country = head_entry.country if head_entry else None
        sector = head_entry.sector if head_entry else None
        modifiers = sorted(
            (
                t
                for t in tokens
                if t.i in found.entries and found.spans[t.i] != found.spans.get(head.i)
            ),
            key=lambda t: (_KIND_RANK[found.entries[t.i].kind], abs(t.i - head.i)),
        )
        if head_entry is None:
            country = _living_in(modifiers, found)  # "Bosnian Serb forces" are Bosnian
        # "the Russia-led Collective Security Treaty Organization": a body of states is
        # no one state's
        body = head_entry is not None and head_entry.sector == "IGO" and head_entry.country is None
        for token in modifiers:
            entry = found.entries[token.i]
            if body:
                break
            if country is None and entry.country is not None:
                country = entry.country
            elif (
                head_entry is not None
                and head_entry.kind in ("adjective", "organization")
                and entry.kind in ("adjective", "country")
                and token.i < head.i
                and entry.country is not None
            ):
                # "Bosnian Serbs": where they live, not the people; "the Peruvian Congress":
                # a body's name says its country only when nothing else does
                country = entry.country
            if head_entry is None and entry.kind in ("organization", "media") and sector is None:
                sector = entry.sector
        if head.lemma_.lower() in self._lexicon.document_nouns:
            return None, None, False  # "the media bill": a text, not an actor
        if sector is None or head_entry is None:
            # "M23 spokesman Lawrence Kanyuka" speaks for the group his role names
            spoken_for = sector is not None and head_entry is None
            role = self.sector_of(
                [
                    t
                    for t in tokens
                    if t.i not in found.entries
                    and not (spoken_for and t.lower_ in self._lexicon.generic_roles)
                ],
                head,
            )
            # ("Houthi forces", "M23 fighters": an armed group's own men, not an army; "the
            # ANC secretary-general": the party's officer, not an international one)
            kept = (sector in ARMED_GROUPS and role == "MIL") or (
                sector is not None and role == "IGO"
            )
            if role is not None and (head_entry is None or head_entry.kind != "country"):
                sector = role if (head_entry is None and not kept) or sector is None else sector
        if head_entry is None and any(
            found.entries[t.i].sector == "IGO" and found.entries[t.i].country is None
            for t in modifiers
        ):
            sector = "IGO"  # "European Union foreign ministers" act for the organisation
        place = head.lower_ in self._lexicon.place_nouns
        if head_entry is None and sector is None and head.pos_ != "PROPN" and not place:
            # "Venezuela's economy" is no actor: a bare adjective or possessor codes its
            # country only when a role word or a name heads the phrase.
            country = None
        if (
            country is None
            and head_entry is None
            and head.pos_ == "PROPN"
            and head.text[:1].isupper()
        ):
            # "shelled Kharkiv": a known place stands for its country
            country = self._city_country(head)
        if country is None and head_entry is None and place:
            # "Sindh province", "the city of Wau": the place's own name
            names = [
                c
                for c in head.children
                if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()
            ]
            if names:
                country = self._place_country(names[-1], _KNOWN_CITY)
        named = head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and head.pos_ == "PROPN"
        return country, sector, named or head_entry is not None


def _of_stateless_body(tokens: list[Token], found: SentenceActors) -> bool:
    entries = [found.entries[t.i] for t in tokens if t.i in found.entries]
    return any(
        e.kind == "organization" and e.country is None and e.sector not in ("IGO", "NGO", "PTY")
        for e in entries
    )


def _sender(head: Token, found: SentenceActors) -> str | None:
    """The country that a relative clause says sent or used the things or people named:
    "the 110 drones that Russia launched", "troops Iran sent"."""
    for clause in head.children:
        if clause.dep_ != "relcl":
            continue
        for subject in clause.children:
            entry = found.entries.get(subject.i)
            if subject.dep_ == "nsubj" and entry is not None and entry.kind == "country":
                return entry.country
    return None


def _launch_site(head: Token, found: SentenceActors) -> str | None:
    """The country that missiles or rockets were fired from: "rockets fired from Lebanon"."""
    for clause in head.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            for place in objects_of(clause, "from"):
                entry = found.entries.get(place.i)
                if entry is not None and entry.kind == "country":
                    return entry.country
    return None


def _listed_apposition(head: Token, found: SentenceActors) -> list[Token]:
    """A list the parser read as an apposition: "the US, Russia, and Switzerland" has
    "Russia" as the apposition of "US" and "Switzerland" as its conjunct."""
    entry = found.entries.get(head.i)
    for child in head.children:
        other = found.entries.get(child.i)
        if (
            child.dep_ == "appos"
            and entry is not None
            and other is not None
            and other.kind == entry.kind
            and any(c.dep_ == "conj" for c in child.children)
        ):
            return [child, *child.conjuncts]
    return []


def _of_place(head: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights)


def _living_in(modifiers: list[Token], found: SentenceActors) -> str | None:
    """Of a country named right before a people among a phrase's modifiers ("Bosnian
    Serb forces", "Kosovo Albanian leaders"), the country where they live."""
    indices = {t.i for t in modifiers}
    for token in modifiers:
        country = home_of_people(found, token.i + 1) if token.i + 1 in indices else None
        if country is not None:
            return country
    return None


def home_of_people(found: SentenceActors, index: int) -> str | None:
    """Where the people named at token ``index`` live, when a country is named right
    before them ("Bosnian Croats", "Kosovo Serbs": Bosnia, Kosovo); None otherwise."""
    people, before = found.entries.get(index), found.entries.get(index - 1)
    if (
        people is not None
        and before is not None
        and people.kind == "adjective"
        and before.kind in ("adjective", "country")
        and None not in (people.country, before.country)
        and people.country != before.country
    ):
        return before.country
    return None


def is_ethnic(words: Iterable[str]) -> bool:
    """'ethnic Albanians' (lower-case words): a people, whose country is where they live."""
    return "ethnic" in words


def _language(match: Span) -> bool:
    doc, end = match.doc, match.end
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _LANGUAGE_USES


def _entity_text(head: Token) -> str:
    if not head.ent_type_:
        # "Mocimboa da Praia" untagged: the proper-noun compounds before the head
        names = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return " ".join(t.text for t in (*names, head))
    tokens = [t for t in head.subtree if t.ent_iob_ != "O" and t.ent_type_ == head.ent_type_]
    return " ".join(t.text for t in tokens) or head.text


def _preceding_country(head: Token, found: SentenceActors) -> str | None:
    for index in range(head.i - 1, head.sent.start - 1, -1):
        entry = found.entries.get(index)
        if entry is not None and entry.country is not None:
            return entry.country
    return None


def resolve_relative(token: Token) -> Token:
    """'which'/'who' in a relative clause stand for the noun the clause modifies."""
    if token.lower_ not in _RELATIVE:
        return token
    node = token
    while node.dep_ != "relcl" and node.head != node:
        node = node.head
    return node.head if node.dep_ == "relcl" else token


def _without_accents(text: str) -> str:
    """The text with accents removed ("Lomé" -> "Lome"), other characters as they are."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _np_tokens(head: Token, found: SentenceActors, backing: frozenset[str]) -> list[Token]:
    tokens = [head]
    for child in head.lefts:
        if child.dep_ == "amod" and child.lemma_.lower() in backing:
            tokens.append(child)  # "Rwandan-backed rebels": the backer is not who they are
        elif child.dep_ in _NP_LEFT:
            tokens.extend(child.subtree)
    if head.i in found.spans:  # a multi-word name is whole
        start, end = found.spans[head.i]
        tokens.extend(head.doc[start:end])
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in found.entries:
                    tokens.extend([child, *obj.subtree])
    return sorted(set(tokens), key=lambda t: t.i)


def sentence_countries(parsed: ParsedSentence, found: SentenceActors) -> Iterable[str]:
    """Countries named anywhere in a sentence, in order (context for unresolved actors)."""
    for token in parsed.span:
        entry = found.entries.get(token.i)
        if entry is not None and entry.country is not None:
            yield entry.country


def is_placed(actor: Actor) -> bool:
    """Whether an actor has a country (its own or a member's), or is an IGO."""
    return bool(countries_of(actor) - {None})


def countries_of(actor: Actor | None) -> set[str | None]:
    """An actor's countries (a member's for a compound), IGO for a country-less IGO."""
    if actor is None:
        return set()
    members = actor.members or (actor,)
    return {m.country or ("IGO" if m.sector == "IGO" else None) for m in members}


def joint_actor(text: str, members: tuple[Actor, ...], offset: int = 0) -> Actor:
    """One actor of several (``text`` holds them, starting at document offset ``offset``):
    its country and sector are set only where all members share them."""
    countries = {member.country for member in members}
    sectors = {member.sector for member in members}
    start = min(member.span[0] for member in members)
    end = max(member.span[1] for member in members)
    ordered = sorted(members, key=lambda m: m.span[0])
    gaps = [text[a.span[1] - offset : b.span[0] - offset] for a, b in pairwise(ordered)]
    joined = all(set(gap.replace(",", " ").split()) <= _JOINERS for gap in gaps)
    # "X telephoned Y on Tuesday": the members, not all the words between them
    named = text[start - offset : end - offset] if joined else " and ".join(m.text for m in ordered)
    return Actor(
        text=named,
        span=(start, end),
        country=countries.pop() if len(countries) == 1 else None,
        sector=sectors.pop() if len(sectors) == 1 else None,
        members=members,
    )


def is_coded(actor: Actor | None) -> bool:
    """Whether an actor has a code (a country or a sector)."""
    return actor is not None and actor.code is not None


def is_foreign(actor: Actor, foreign_words: frozenset[str]) -> bool:
    """Whether an actor's own words say it is from abroad ("seven foreign journalists")."""
    return bool(foreign_words.intersection(actor.text.lower().split()))
