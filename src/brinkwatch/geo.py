"""geo: where an event happened, from the place names its trigger governs.

A place is an event location when it attaches to the event's clause ("shelled Kharkiv",
"talks in Amman", "near the Syrian border"), not when it is only named elsewhere in
the sentence, and never when it acts ("Washington said": a capital as government).
Ambiguous names go to the candidate in the countries of the event's actors and the
document, then to the most populous.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from brinkwatch.actors import ARMED_GROUPS, SentenceActors, is_ethnic, is_foreign
from brinkwatch.context import CROWD_SECTORS, VISITS, less_confident
from brinkwatch.gazetteer import Gazetteer, Place
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor, Location, Mention

_NAMING_TOWN = 50_000
_PLACE_TARGETED = frozenset({"ASSAULT", "MOBILIZE"})
_INSTITUTIONS = frozenset({"GOV", "COP", "JUD", "LEG"})
# armed groups that fight where they are (people protest where they live: CROWD_SECTORS)
_FIGHTERS = frozenset({"REB", "INS", "CRM"})  # "bandits stormed a village in Katsina"
_STATE_ACTS = frozenset({"173", "174", "090", "091"})  # arrest, expel, investigate
# those hit or held at a place who belong there, unless they are fighters, bodies that
# work across borders or unidentified
_ACTED_ON_AT_HOME = frozenset({"ASSAULT", "COERCE"})
_NOT_LOCAL = frozenset({"REB", "INS", "SEP", "UAF", "IGO", "NGO"})
# the state's own people, whom armed groups (actors.ARMED_GROUPS) at home fight
_STATE_SECTORS = frozenset({"MIL", "COP", "GOV"})
# rebels bombing their own capital attack their country; an army there does not
_NON_STATE = frozenset({"REB", "INS", "SEP", "CRM", "OPP"})
_LOCATIVE = frozenset(
    {
        "in",
        "near",
        "outside",
        "at",
        "on",
        "around",
        "across",
        "inside",
        "into",
        "off",
        "along",
        "over",
        "within",
        "toward",
        "towards",
        "throughout",
        "from",
        "to",
    }
)
_REGION_WORDS = frozenset({"state", "province", "region", "oblast", "governorate", "county"})
_STRIKE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_MAX_WORDS = 4
_OBSCURE = 100_000  # a small place abroad, unrelated to the story, is a false match
_NOT_PLACES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass(frozen=True)
class _Candidate:
    tokens: tuple[Token, ...]
    places: tuple[Place, ...]
    distance: int


class Locator:
    """Finds each mention's location with a gazetteer built once per process."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        waters: frozenset[str] = frozenset(),
        landforms: frozenset[str] = frozenset(),
    ) -> None:
        self._gazetteer = gazetteer
        self._waters = waters
        self._landforms = landforms
        self._countries = {p.country: p for p in gazetteer.places if p.precision == "country"}
        # the place names of the sentence last asked about
        self._seen: tuple[
            ParsedSentence | None, list[tuple[tuple[Token, ...], tuple[Place, ...]]]
        ] = (
            None,
            [],
        )

    def locate(
        self,
        mention: Mention,
        anchor: Token,
        parsed: ParsedSentence,
        found: SentenceActors,
        focus: Iterable[str],
    ) -> Location | None:
        """The mention's location, or the actors' country when the text makes it clear."""
        region = _event_region(anchor)
        candidates = [c for c in self._candidates(parsed, found, region, mention)]
        if candidates:
            best = min(candidates, key=lambda c: c.distance)
            nearest = [c for c in candidates if c.distance == best.distance]
            chosen = max(nearest, key=lambda c: len(c.tokens))
            known = set(focus) | {
                a.country for a in (mention.source, mention.target) if a and a.country
            }
            place = self._choose(chosen, mention, known)
            untagged = all(t.ent_type_ not in ("GPE", "LOC", "FAC") for t in chosen.tokens)
            if untagged and place.country not in known and place.population < _OBSCURE:
                return None  # a small place abroad that NER does not see is a false match
            named = parsed.words(chosen.tokens[0], chosen.tokens[-1])
            return _location(place, place.name if chosen.tokens[0].dep_ == "amod" else named)
        target = mention.target
        if target is not None and target.country and target.sector is None and not target.members:
            country = self._countries.get(target.country)
            if country is not None:  # "Russia shelled Ukraine": the target country
                return _location(country, country.name)
        return None

    def _candidates(
        self,
        parsed: ParsedSentence,
        found: SentenceActors,
        region: dict[int, int],
        mention: Mention,
    ) -> list[_Candidate]:
        results: list[_Candidate] = []
        for words, places in self._names(parsed, found):
            distance = _attachment(list(words), region, mention)
            if (
                distance is not None
                and not _acting(list(words))
                and not _is_party(list(words), parsed, mention)
            ):
                results.append(_Candidate(words, places, distance))
        for token in parsed.span:  # "near the Syrian border": a demonym on a place noun
            entry = found.entries.get(token.i)
            if entry is None or entry.kind != "adjective" or token.dep_ != "amod":
                continue
            if token.head.lemma_.lower() not in (
                "border",
                "frontier",
                "coast",
                "territory",
                "waters",
            ):
                continue
            distance = _attachment([token.head], region, mention)
            place = self._countries.get(entry.country or "")
            if distance is not None and place is not None:
                results.append(_Candidate((token,), (place,), distance + 1))
        return results

    def _names(
        self, parsed: ParsedSentence, found: SentenceActors
    ) -> list[tuple[tuple[Token, ...], tuple[Place, ...]]]:
        """The place names of a sentence with the places each can mean, longest names
        first. Worked out once per sentence: its mentions are located one after another."""
        held, names = self._seen
        if held is parsed:
            return names
        names = []
        tokens = list(parsed.span)
        taken: set[int] = set()
        for start, first in enumerate(tokens):
            if (
                first.i in taken
                or not first.text[:1].isupper()
                or _hyphened(first, parsed)  # "Ak-Sai": "Sai" is no place of its own
                or (first.is_sent_start and first.pos_ != "PROPN")
                or first.ent_type_ in _NOT_PLACES
            ):
                continue
            for size in range(min(_MAX_WORDS, len(tokens) - start), 0, -1):
                words = tokens[start : start + size]
                if size > 1 and words[-1].lower_ in self._waters and _one_name(words):
                    taken.update(t.i for t in words)  # "the Red Sea": no part is a place
                    break
                # the name as written ("Guinea-Bissau")
                name = "".join(t.text_with_ws for t in words[:-1]) + words[-1].text
                places = self._gazetteer.lookup(name, self._waters)
                if not places or _inside_longer_name(words) or _hyphen_follows(words[-1], parsed):
                    continue
                after = (
                    words[-1].doc[words[-1].i + 1] if words[-1].i + 1 < len(words[-1].doc) else None
                )
                if (
                    after is not None
                    and after.text[:1].isupper()
                    and after.lower_ in self._landforms
                ):
                    taken.update(t.i for t in words)  # "Delft Island": not Delft
                    break
                if _naming_small(words, places):
                    taken.update(t.i for t in words)  # nor is any part of the name a place
                    break
                country = self._named_country(words, found)
                if country is not None:
                    places = [country]  # "eastern Congo": the country, not a Brazilian town
                names.append((tuple(words), tuple(places)))
                taken.update(t.i for t in words)
                break
        self._seen = (parsed, names)
        return names

    def _named_country(self, words: list[Token], found: SentenceActors) -> Place | None:
        """The country the dictionary names with exactly these words, if any."""
        entry = found.entries.get(words[0].i)
        if entry is None or entry.kind != "country":
            return None
        if found.spans[words[0].i] != (words[0].i, words[-1].i + 1):
            return None
        return self._countries.get(entry.country or "")

    def _choose(self, candidate: _Candidate, mention: Mention, focus: set[str]) -> Place:
        actors = {a.country for a in (mention.source, mention.target) if a is not None}
        after = (
            candidate.tokens[-1].nbor(1)
            if candidate.tokens[-1].i + 1 < len(candidate.tokens[-1].doc)
            else None
        )
        wants_region = after is not None and after.lower_ in _REGION_WORDS

        def score(place: Place) -> float:
            value = math.log10(place.population + 1)
            value += 4.0 if place.country in actors else 0.0
            value += 2.5 if place.country in focus else 0.0
            if wants_region:
                value += 5.0 if place.precision == "admin1" else 0.0
            elif place.precision == "country":
                value += 3.0
            elif place.precision == "admin1":
                value -= 1.0
            return value

        return max(candidate.places, key=score)


def _event_region(anchor: Token) -> dict[int, int]:
    """Token index -> distance for the anchor and the words that carry its clause."""
    region = {anchor.i: 0}
    node, distance = anchor, 0
    while node.head != node and node.dep_ not in ("ccomp", "relcl", "parataxis"):
        node, distance = node.head, distance + 1
        if node.pos_ in ("VERB", "AUX", "NOUN"):
            region.setdefault(node.i, distance)
        if node.dep_ in ("advcl", "conj"):
            break
    return region


def _attachment(words: list[Token], region: dict[int, int], mention: Mention) -> int | None:
    """How far from the event the place attaches; None when it does not attach."""
    node = min(words, key=lambda t: len(list(t.ancestors)))
    hops = 0
    located = False  # passed through "in", "near", ...
    while node.dep_ in ("compound", "pobj", "prep", "appos", "conj", "npadvmod"):
        # "talks with X's president in Tashkent": a place under a partner is the talks'
        passable = _LOCATIVE | {"of", "with"} if located else _LOCATIVE | {"of"}
        if node.dep_ == "prep" and node.lower_ not in passable:
            return None
        located = located or (node.dep_ == "prep" and node.lower_ in _LOCATIVE)
        node, hops = node.head, hops + 1
        if node.i in region:
            return region[node.i] + hops
    acted_on = node.dep_ in ("dobj", "nsubjpass") and node.head.i in region
    if acted_on and (located or mention.type in _STRIKE_TYPES or mention.cameo in VISITS):
        # "shelled Kharkiv", "blocked roads in Dhaka", "visited Paris"
        return region[node.head.i] + hops + 1
    if located and node.dep_ == "nsubj" and node.head.i in region:
        # "a roadside bomb near Baqubah killed three policemen": where the doer was
        return region[node.head.i] + hops + 1
    return None


def _is_party(words: list[Token], parsed: ParsedSentence, mention: Mention) -> bool:
    """'sanctions on Caracas': outside attacks, a place that is a party is no location."""
    if mention.type in _STRIKE_TYPES or mention.cameo in VISITS:
        return False
    start, end = parsed.char_span(words[0], words[-1])
    return any(
        actor is not None and actor.span[0] <= start and end <= actor.span[1]
        for actor in (mention.source, mention.target)
    )


def _inside_longer_name(words: list[Token]) -> bool:
    """'Line' in 'the Line of Control': part of a longer proper name, not a place."""
    last = words[-1]
    doc = last.doc
    return (
        last.i + 2 < len(doc)
        and doc[last.i + 1].lower_ == "of"
        and doc[last.i + 2].text[:1].isupper()
        and doc[last.i + 2].pos_ == "PROPN"
    )


def _one_name(words: list[Token]) -> bool:
    """Whether capitalised words form one proper name ("Red Sea", "Lake Victoria")."""
    return all(w.text[:1].isupper() for w in words) and all(
        w.head in words or w is words[-1] for w in words
    )


def _naming_small(words: list[Token], places: list[Place]) -> bool:
    """A small town's name in front of a noun names the thing ("the Los Lobos gang", a
    Mexican village of 645, where "the Kabul government" is in Kabul), and one after
    another proper name ends that name (a person's surname, not a town)."""
    first, last = words[0], words[-1]
    small = max(p.population for p in places) < _NAMING_TOWN
    before = first.doc[first.i - 1] if first.i > 0 else None
    named = (
        before is not None
        and before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.head.i >= first.i
    )
    return small and ((last.dep_ == "compound" and last.head.pos_ == "NOUN") or named)


def _acting(words: list[Token]) -> bool:
    """A capital or country as the doer ("Washington said") is an actor, not a place."""
    return any(t.dep_ in ("nsubj", "poss") for t in words)


def _location(place: Place, name: str) -> Location:
    return Location(
        name=name,
        country=place.country,
        lat=round(place.lat, 4),
        lon=round(place.lon, 4),
        geonameid=place.geonameid,
        precision=place.precision,
    )


def struck_place(mention: Mention, parsed: ParsedSentence) -> Mention:
    """An attack or a show of force with no target in or at a named place abroad ("fired
    rounds at positions in Afrin", "shelled Afrin", "held exercises in Alaska") is aimed
    at that place's country; the target is marked inferred. A place it is only near ("near
    the border") is no target."""
    location, named = mention.location, mention.target
    if named is not None and location is not None and named.code is None:
        named = None if named.text == location.name else named
    if (
        mention.type not in _PLACE_TARGETED
        or named is not None
        or location is None
        or location.country is None
    ):
        return mention
    source = mention.source
    sides = (
        {m.country for m in (source.members or (source,)) if m.sector not in _NON_STATE}
        if source
        else set()
    )
    words = _named_words(parsed, location.name)
    if (
        location.country in sides
        or not words
        or _inside_longer_name(words)
        or any(c.dep_ == "compound" and c.i < words[0].i for c in words[-1].children)
        or not _struck(words[-1])
    ):
        return mention  # a state acting at home, or a place the attack is only near
    target = Actor(
        text=location.name,
        span=parsed.char_span(words[0], words[-1]),
        country=location.country,
        inferred=True,
    )
    return _inferred(mention, mention.source, target)


def _named_words(parsed: ParsedSentence, name: str) -> list[Token]:
    for token in parsed.span:
        if parsed.text.startswith(name, parsed.start_of(token)):
            return [t for t in parsed.span if token.idx <= t.idx < token.idx + len(name)]
    return []


def _struck(word: Token) -> bool:
    """Whether a place is what the attack hits: its object, or inside "in" or "at"."""
    head = word
    while head.dep_ in ("compound", "appos", "pobj") and head.head.pos_ in ("PROPN", "NOUN"):
        head = head.head  # "the town of Wau", "the capital, Juba"
    if head.dep_ in ("dobj", "nsubjpass"):
        return True
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "inside")


def arresting_state(mention: Mention, parsed: ParsedSentence) -> Mention:
    """An arrest, detention or expulsion with no one named as doing it, in a known country
    ("was detained in Jordan"), is that state's act; an attack by no one named there
    ("killed by a roadside bomb outside Basra") is by unidentified armed forces of that
    country (UAF), as CAMEO codes them. The source is marked inferred."""
    location = mention.location
    if mention.source is not None or location is None or location.country is None:
        return mention
    if mention.type == "ASSAULT":
        sector: str | None = "UAF"
    elif mention.cameo[:3] in _STATE_ACTS:
        sector = None
    else:
        return mention
    target = mention.target
    if target is not None and target.country == location.country and target.sector is None:
        return mention  # the place is what was acted on ("Ukraine was attacked"), not where
    words = _named_words(parsed, location.name)
    if not words:
        return mention
    span = parsed.char_span(words[0], words[-1])
    source = Actor(
        text=location.name, span=span, country=location.country, sector=sector, inferred=True
    )
    return _inferred(mention, source, mention.target)


def residence(mention: Mention) -> Mention:
    """An ethnic group acting or acted on at a place is coded by where it lives, as
    CAMEO codes "ethnic Albanians" in Serbia: the location's country."""
    location = mention.location
    if location is None or location.country is None:
        return mention
    source = _resident(mention.source, location.country)
    target = _resident(mention.target, location.country)
    if source is mention.source and target is mention.target:
        return mention
    return _inferred(mention, source, target)


def _resident(actor: Actor | None, country: str) -> Actor | None:
    if (
        actor is None
        or actor.members
        or not is_ethnic(actor.text.lower().split())
        or actor.country == country
    ):
        return actor
    return replace(actor, country=country, inferred=True)


def local_actor(mention: Mention, parsed: ParsedSentence) -> Mention:
    """An actor with no country of its own that acts at a named place belongs there: a
    government, police force, court or legislature ("the military government declared a
    state of siege in Haiti"), unless it is visiting or meeting; a crowd protesting
    ("protesters marched on the embassy in Niamey"); rebels or insurgents attacking
    ("ambushed by jihadists near Gao"), even of a movement that fights in several
    countries ("JNIM fighters stormed a mine in western Mali"), or seizing or looting.
    Where police act outweighs a country the story named before ("Police arrested two
    men in Leipzig" after a mention of Ukraine). The country is marked inferred."""
    source, location = mention.source, mention.location
    if (
        source is None
        or (source.country is not None and not (source.inferred and source.sector == "COP"))
        or source.members
        or (source.stateless and (source.sector not in ARMED_GROUPS or _invaded(mention)))
        or not _local(mention, source.sector)
        or location is None
        or location.country is None
        or not _named_words(parsed, location.name)
    ):
        return mention
    return _inferred(
        mention, replace(source, country=location.country, inferred=True), mention.target
    )


def local_target(
    mention: Mention, parsed: ParsedSentence, foreign_words: frozenset[str] = frozenset()
) -> Mention:
    """People with no country of their own attacked, arrested or held at a named place
    belong there ("killed 20 civilians in a village in Cameroon", "detained eleven
    journalists in Istanbul"); armed groups, international bodies and people said to be
    foreign do not. The country is marked inferred."""
    target, location = mention.target, mention.location
    # ("Russian missiles hit a school in Kharkiv": a country guessed from the sentence
    # yields to where it happened)
    guessed = (
        target is not None
        and target.inferred
        and location is not None
        and location.country not in (None, target.country)
    )
    if (
        mention.type not in _ACTED_ON_AT_HOME
        or target is None
        or (target.country is not None and not guessed)
        or not _placeable(target, foreign_words)
        or location is None
        or location.country is None
        or not _named_words(parsed, location.name)
    ):
        return mention
    return _inferred(
        mention, mention.source, replace(target, country=location.country, inferred=True)
    )


def insurgent(mention: Mention, foreign_words: frozenset[str] = frozenset()) -> Mention:
    """Fighters with no country of their own who attack a state's forces, police or
    officials at home are that state's insurgents ("gunmen opened fire on a Malian army
    post"), as are a movement's that fights in several countries ("ISWAP overran a Nigerian
    army base"), unless the attack is placed in another country. The country is marked
    inferred."""
    source, target, location = mention.source, mention.target, mention.location
    if (
        mention.type not in _ACTED_ON_AT_HOME
        or source is None
        or source.country is not None
        or source.members
        or source.sector not in ARMED_GROUPS
        or is_foreign(source, foreign_words)
        or target is None
        or target.country is None
        or target.sector not in _STATE_SECTORS
        or (location is not None and location.country not in (None, target.country))
    ):
        return mention
    return _inferred(
        mention, replace(source, country=target.country, inferred=True), mention.target
    )


def policed(mention: Mention, foreign_words: frozenset[str] = frozenset()) -> Mention:
    """People with no country of their own whom police attack or arrest are people of the
    police's country ("riot police fired tear gas at students marching on parliament"):
    police act at home. Armed groups and international bodies are not so placed. The
    country is marked inferred."""
    source, target = mention.source, mention.target
    if (
        mention.type not in _ACTED_ON_AT_HOME
        or source is None
        or source.sector != "COP"
        or source.country is None
        or source.members
        or target is None
        or target.country is not None
        or not _placeable(target, foreign_words)
    ):
        return mention
    return _inferred(mention, source, replace(target, country=source.country, inferred=True))


def _placeable(target: Actor, foreign_words: frozenset[str]) -> bool:
    """Whether people acted on may take the country of where, or by whom, it was done:
    one actor with a role, not an armed group, an international body or foreigners."""
    return not (
        target.members
        or target.stateless
        or target.sector is None
        or target.sector in _NOT_LOCAL
        or is_foreign(target, foreign_words)
    )


def _invaded(mention: Mention) -> bool:
    """Whether the place an act is at is the country it strikes ("ISIL attacked Iraq"):
    who strikes a country is not of it."""
    target, location = mention.target, mention.location
    return (
        target is not None
        and location is not None
        and target.sector is None
        and target.country == location.country
    )


def _local(mention: Mention, sector: str | None) -> bool:
    if sector in _INSTITUTIONS:
        # "the president visited Kenya", "will visit Kenya" (an intent to meet, 036),
        # "ministers met in Doha": a guest or a venue there
        return mention.cameo not in VISITS | {"036"} and mention.type != "CONSULT"
    if mention.type == "PROTEST":
        return sector in CROWD_SECTORS
    return mention.type in _ACTED_ON_AT_HOME and sector in _FIGHTERS


def _inferred(mention: Mention, source: Actor | None, target: Actor | None) -> Mention:
    """The mention with actors taken from where it happened, less confident."""
    return replace(
        mention, source=source, target=target, confidence=less_confident(mention.confidence)
    )


def _hyphened(token: Token, parsed: ParsedSentence) -> bool:
    """Whether a token continues a hyphenated word ("Sai" in "Ak-Sai"): a hyphen written
    between it and the word before it."""
    text, at = parsed.text, parsed.start_of(token)
    return at >= 2 and text[at - 1] == "-" and not text[at - 2].isspace()


def _hyphen_follows(token: Token, parsed: ParsedSentence) -> bool:
    """Whether a hyphenated word goes on after a token ("Ak" in "Ak-Sai")."""
    text, end = parsed.text, parsed.start_of(token) + len(token.text)
    return text[end : end + 1] == "-" and end + 1 < len(text) and not text[end + 1].isspace()
