"""context: the document fills gaps in actors ("the general" in a story about Venezuela).

A source actor with a role but no country takes the country named most recently
before it in its sentence; failing that, a state role (a minister, the army, the police)
takes the country a one-country story is about; else the first country named in the
nearest of the two sentences before it (that sentence's subject, as a rule: "Chad has
seen coups since independence from France. The junta's spokesman ..." is Chad's);
failing that, the one country its own sentence names, if it names only one; failing
that, the country a one-country story is about. A target is filled from a one-country sentence,
or, at home, from the story's country when its source belongs there; crowds take the
city they rally in; an answer to "the demand" targets whoever made it. The actor is
marked ``inferred`` and the mention's confidence drops, so a user can tell it apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import NamedTuple, TypeGuard

from brinkwatch.actors import (
    ActorResolver,
    countries_of,
    home_of_people,
    is_coded,
    is_foreign,
    joint_actor,
)
from brinkwatch.lexicon import Lexicon
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor, Mention

_LOOK_BACK = 2
# "the seizure", "the recognition": a story's act judged further on in it
_JUDGED_REACH = 6
# the state's own roles: in a story about one country, its officials and forces
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
# bodies that work across borders: "rights groups accused Eritrean troops" are not Eritrean
_NO_COUNTRY_SECTORS = frozenset({"IGO", "NGO", "MED"})
_INFERRED_PENALTY = 0.1
_ARMED = frozenset({"ASSAULT"})
# people who act where they are: crowds, parties, workers, students, farmers, activists
CROWD_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR", "HRI"})
# people and bodies a one-country story's own actors act on at home (not armed groups)
_HOME_SECTORS = frozenset(
    {"CVL", "OPP", "PTY", "GOV", "JUD", "LEG", "MED", "LAB", "EDU", "COP", "HRI", "HLH"}
)
# "rejected the demand", "accepted the proposal": answers to an earlier demand, offer,
# threat or accusation
_ANSWERS = frozenset({"REJECT", "AGREE", "CONCEDE"})
_ANSWERED = frozenset({"REQUEST", "AGREE", "THREATEN", "ACCUSE"})
# "condemned the attack", "welcomed the release": judgements of an act told before
_JUDGING = frozenset({"ACCUSE", "SUPPORT"})
# armed groups and criminals: a state's judgement of "the attack" is of none made on them
_FOES = frozenset({"REB", "INS", "SEP", "CRM", "UAF"})
# Visits (CAMEO 042-044): the visitor is a guest where it goes, not of that country
VISITS = frozenset({"042", "043", "044"})
_MEETINGS = frozenset({"040", "041", "046"})  # no side hosts or visits
# Acts that, when no one is named as acted on, fall on the actor's own country when its
# sentence names no other: protests, repression, refusals and threats at home. (A demand
# with no addressee is made in public, not of anyone in particular.)
_DOMESTIC = frozenset({"PROTEST", "COERCE", "REJECT", "THREATEN", "ASSAULT"})
# Those whose attack at home is on their own country: the police (whom an army's, a
# government's or rebels' attack hits is unknown: "Houthi rebels fired at a ship")
_AT_HOME = frozenset({"COP"})
# those who act on their own country's state when they name "the government", "the police"
_DOMESTIC_SIDES = CROWD_SECTORS | {"PTY", "JUD", "LEG"}


class Naming(NamedTuple):
    """A country-bearing name in a sentence: its document span and its country."""

    start: int
    end: int
    country: str
    # where someone is: "in" ("officials in Nairobi"), "based" ("a London-based monitor")
    place: str | None = None


def country_positions(
    sentences: Sequence[ParsedSentence], actors: ActorResolver, backing: frozenset[str]
) -> list[list[Naming]]:
    """For each sentence, every country-bearing name in it, in order; a backer's name
    ("Rwandan-backed rebels") is marked like a base, as no one's country."""
    positions = []
    for parsed in sentences:
        found = actors.annotate(parsed)
        doc = parsed.span.doc
        row = []
        for start, end in sorted(set(found.spans.values())):
            entry = found.entries[start]
            # ("Bosnian Croats" name where they live, not a second country)
            if entry.country is not None and home_of_people(found, start) is None:
                last = doc[end - 1]
                place = None
                if last.head.lemma_.lower() in ("base", "based") and last.i < last.head.i:
                    place = "based"  # "a London-based monitor" works from the UK, not for it
                elif last.head.lemma_.lower() in backing and last.i < last.head.i:
                    place = "based"  # "Rwandan-backed rebels" are not Rwanda's
                elif entry.kind == "capital" and last.dep_ == "pobj":
                    place = "in"
                elif entry.kind == "media":
                    place = "based"  # "according to a Reuters witness": who reports, not whose
                row.append(Naming(*parsed.char_span(doc[start], last), entry.country, place))
        positions.append(row)
    return positions


def _fill(
    actor: Actor | None,
    other: Actor | None,
    index: int,
    positions: list[list[Naming]],
    venue: bool = False,
) -> Actor | None:
    if not _fillable(actor):
        return actor
    # a city named as where someone is ("officials in Nairobi said militiamen shelled Bunia")
    # says nothing of whose the rebels are
    # (but people rallying in a city are that country's: "protesters rallied in Tbilisi")
    here = [n.country for n in positions[index] if n.place == "in"]
    if actor.sector in CROWD_SECTORS and len(set(here)) == 1:
        return replace(actor, country=here[0], inferred=True)
    focus = _focus(positions[: index + 1])
    if (
        actor.sector in _STATE_SECTORS
        and not venue  # ("ministers met in Doha": not Qatar's)
        and focus is not None
        and not any(n.start < actor.span[0] for n in positions[index] if not n.place)
        # (but "troops to Arauca", a place at home, is no other side)
        and (other is None or other.country != focus or other.sector is None)
    ):
        # "Defence Minister X ordered troops ..." in a story about Colombia: Colombia's,
        # whatever foreign guarantors the sentence before named
        return replace(actor, country=focus, inferred=True)
    before = [n.country for n in positions[index] if n.start < actor.span[0] and not n.place]
    nearest = before[-1] if before else None
    for earlier in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
        if nearest is not None:
            break
        earlier_names = [n.country for n in positions[earlier] if not n.place]
        nearest = earlier_names[0] if earlier_names else None  # its subject, as a rule
    if nearest is not None:
        if other is not None and other.country == nearest:
            return actor  # one side acting on its own country is rarely what the text means
        return replace(actor, country=nearest, inferred=True)
    # nothing told before: a sentence about one country only ("Judge X opened inquiries
    # into 28 Chilean officials") is about that country's people
    # where a meeting is held ("ministers met in Doha") says nothing of who met
    sentence = [n for n in positions[index] if not (venue and n.place == "in")]
    filled = _fill_alone(actor, sentence)
    if venue and other is not None and filled is not None and filled.country == other.country:
        return actor  # "the minister met his Kenyan counterpart": the other side's country
    if filled is actor and not venue:
        # a story about one country ("Riot police used water cannon" four sentences into
        # a report on Tbilisi): the country the story has named most so far
        focus = _focus(positions[: index + 1])
        if focus is not None and (other is None or other.country != focus):
            return replace(actor, country=focus, inferred=True)
    return filled


def _focus(rows: list[list[Naming]]) -> str | None:
    """The country a story is about: the only one named so far, one named at least twice
    as often as any other, or one named more often than any other that is also the first
    the story names (its dateline, as a rule: "KINSHASA, Dec 3 -")."""
    names = [n.country for row in rows for n in row if n.place != "based"]
    ranked = Counter(names).most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    if ranked[0][1] > ranked[1][1] and names[0] == ranked[0][0]:
        return ranked[0][0]
    return None


def _fill_alone(actor: Actor | None, sentence: list[Naming], names: bool = False) -> Actor | None:
    """A role actor in a sentence that names one country only belongs to that country;
    with ``names``, so does a name the dictionaries do not know ("the Islamic
    Salvation Front" in a sentence about Algeria)."""
    named = {n.country for n in sentence if n.place != "based"}
    if len(named) != 1:
        return actor
    if _fillable(actor):
        return replace(actor, country=named.pop(), inferred=True)
    if names and _unknown_name(actor):
        return replace(actor, country=named.pop(), inferred=True)
    return actor


def _unknown_name(actor: Actor | None) -> TypeGuard[Actor]:
    return (
        actor is not None
        and actor.code is None
        and not actor.stateless
        and not actor.members
        # "the outlawed Islamic Movement of ...": a capitalised name, whatever qualifies it
        and any(word[:1].isupper() for word in actor.text.split())
    )


def _fillable(actor: Actor | None) -> TypeGuard[Actor]:
    return (
        actor is not None
        and actor.country is None
        and actor.sector is not None
        and actor.sector not in _NO_COUNTRY_SECTORS
        and not actor.stateless
        and not actor.members
    )


def fill_from_context(
    mentions: Sequence[Mention],
    positions: list[list[Naming]],
    foreign_words: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Mentions whose country-less role actors take their country from the context; an
    actor said to be from abroad (``foreign_words``: "foreign journalists") does not."""
    filled = []
    for mention in mentions:
        index = mention.sentence.index
        # the acting side is filled from what came before; a target's country is too
        # often someone else's, so a target is filled only in a one-country sentence
        venue = mention.type == "CONSULT"
        source = _fill(mention.source, mention.target, index, positions, venue)
        if (
            mention.cameo in VISITS
            and source is not None
            and source is not mention.source
            and source.country in countries_of(mention.target)
        ):
            source = mention.source  # "the police chief visited Nairobi": a guest there
        target = _fill_alone(mention.target, positions[index], names=True)
        named = {n.country for n in positions[index] if n.place != "based"}
        if (
            target is not None
            and target.country is None
            and target.sector == "MED"
            and not target.members
            and source is not None
            and named == {source.country}
        ):
            # "the government ordered the opposition newspaper to close": its own press
            target = replace(target, country=source.country, inferred=True)
        focus = _focus(positions[: index + 1])
        if (
            target is mention.target
            and _fillable(target)
            and target.sector in _HOME_SECTORS
            and focus is not None
            and source is not None
            and source.country == focus
        ):
            # a story about one country: "police arrested 30 protesters", "the coalition
            # accused the government" are its own people and government
            target = replace(target, country=focus, inferred=True)
        if (
            target is mention.target
            and _fillable(target)
            and target.sector in _STATE_SECTORS
            and source is not None
            and source.country is not None
            and source.sector in _DOMESTIC_SIDES
        ):
            # "Venezuela's opposition called on the government", "Kenya's Supreme Court
            # ordered the police": the state of their own country
            target = replace(target, country=source.country, inferred=True)
        if (
            mention.type in _ARMED
            and source is not None
            and source.inferred
            and target is not None
            and target.inferred
            and target.country == source.country
        ):
            # "Armenia's army shelled the police station" is domestic; "soldiers shelled a
            # police station in Armenia" does not say whose soldiers: one guess, not two
            target = mention.target
        source = _unless_foreign(mention.source, source, foreign_words)
        target = _unless_foreign(mention.target, target, foreign_words)
        if source is mention.source and target is mention.target:
            filled.append(mention)
            continue
        confidence = less_confident(mention.confidence)
        filled.append(replace(mention, source=source, target=target, confidence=confidence))
    return filled


def _unless_foreign(
    before: Actor | None, after: Actor | None, foreign_words: frozenset[str]
) -> Actor | None:
    """The actor as filled, unless it had no country and is said to be from abroad."""
    if before is None or before.country is not None or not is_foreign(before, foreign_words):
        return after
    return before


def answered_demands(mentions: Sequence[Mention], answers: Sequence[bool]) -> list[Mention]:
    """A refusal or acceptance of "the demand", "the proposal" or "the accusations" named
    before answers whoever made them: the source of the latest demand, offer, threat or
    accusation in the sentences just before, from another country ("Beijing demanded the
    marines leave. Manila rejected the demand"). The target is marked inferred."""
    out: list[Mention] = []
    for mention, answer in zip(mentions, answers, strict=True):
        if answer and mention.target is None and mention.type in _ANSWERS:
            maker = _recent_maker(out, mention)
            if maker is not None:
                mention = _taken_from_before(mention, target=maker)
        out.append(mention)
    return out


def judged_acts(
    mentions: Sequence[Mention], named: Sequence[frozenset[str] | None]
) -> list[Mention]:
    """A judgement of "the attack", "the abduction" or "the expulsions" with no one named
    as acted on is aimed at whoever did the act of that kind told just before ("Gunmen
    stormed a base ... The president condemned the attack"). The target is marked
    inferred."""
    out: list[Mention] = []
    for mention, kind in zip(mentions, named, strict=True):
        if kind is not None and mention.target is None and mention.type in _JUDGING:
            doer = _recent_doer(out, mention, kind)
            if doer is not None:
                mention = _taken_from_before(mention, target=doer)
        out.append(mention)
    return out


def _recent_doer(
    earlier: Sequence[Mention], judgement: Mention, kinds: frozenset[str]
) -> Actor | None:
    for _, mention in _within_reach(earlier, judgement.sentence.index, _JUDGED_REACH):
        source = mention.source
        if mention.type in kinds and source is not None and source.code is not None:
            if _against_foes(mention.target, judgement.source):
                continue  # Somalia condemning "the attack" means none on Somali insurgents
            if judgement.source is not None and source.code == judgement.source.code:
                return None  # "Kenya freed ten prisoners ... Kenya welcomed the release"
            return source
    return None


def claims_before(mentions: Sequence[Mention], claims: Sequence[bool]) -> list[Mention]:
    """'Separatists bombed a convoy ... The Balochistan Liberation Army claimed
    responsibility for the attack': a claim of "the attack" told in a sentence before is
    that attack, not a second one; its claimant is its doer when none was named."""
    out: list[Mention] = []
    for mention, claim in zip(mentions, claims, strict=True):
        told = _told_before(out, mention) if claim else None
        if told is None:
            out.append(mention)
            continue
        earlier = out[told]
        if not is_coded(earlier.source) and is_coded(mention.source):
            out[told] = _taken_from_before(earlier, source=mention.source)
    return out


def _told_before(earlier: Sequence[Mention], claim: Mention) -> int | None:
    index = claim.sentence.index
    for at, mention in _within_reach(earlier, index):
        if mention.type == claim.type and mention.sentence.index < index:
            return at
    return None


def _against_foes(target: Actor | None, judge: Actor | None) -> bool:
    """Whether an act befell armed groups or criminals of the judge's own country."""
    return (
        target is not None
        and target.sector in _FOES
        and bool(countries_of(target) & countries_of(judge) - {None})
    )


def _taken_from_before(
    mention: Mention, source: Actor | None = None, target: Actor | None = None
) -> Mention:
    """The mention with a source or target taken from an earlier mention, marked
    inferred, and less confident."""
    return replace(
        mention,
        source=replace(source, inferred=True) if source else mention.source,
        target=replace(target, inferred=True) if target else mention.target,
        confidence=less_confident(mention.confidence),
    )


def _within_reach(
    earlier: Sequence[Mention], index: int, reach: int = _LOOK_BACK
) -> Iterator[tuple[int, Mention]]:
    """The mentions told before, latest first, as far back as a reference reaches."""
    for at in range(len(earlier) - 1, -1, -1):
        if earlier[at].sentence.index < index - reach:
            return
        yield at, earlier[at]


def _recent_maker(earlier: Sequence[Mention], answer: Mention) -> Actor | None:
    for _, mention in _within_reach(earlier, answer.sentence.index):
        source = mention.source
        if (
            mention.type in _ANSWERED
            and source is not None
            and (source.country or source.members or source.sector == "IGO")
            and not countries_of(source) & countries_of(answer.source)
        ):
            return source
    return None


def domestic_targets(
    mentions: Sequence[Mention],
    positions: list[list[Naming]],
    text: str,
    lexicon: Lexicon,
    answers: Sequence[bool],
) -> list[Mention]:
    """Mentions with no target whose sentence names only the source's country: a protest,
    an arrest, a refusal or a threatened measure there is aimed at that country ("young
    Algerians blocked roads" targets Algeria). Not when the actor is the state itself
    (except a protest) or its representatives abroad, nor an answer to "the demand" (whose
    maker is not said), nor a spoken warning; an attack
    only when the police make it: whom an army, a government or rebels hit is unknown.
    The target is the first name of the country, marked inferred."""
    out = []
    for mention, answer in zip(mentions, answers, strict=True):
        source = mention.source
        named = positions[mention.sentence.index]
        if (
            mention.target is not None
            or mention.type not in _DOMESTIC
            or source is None
            or source.country is None
            or source.members
            or {n.country for n in named} != {source.country}
            or (mention.type in _ARMED and source.sector not in _AT_HOME)
            or (mention.type == "THREATEN" and mention.trigger.lemma in lexicon.spoken_threats)
            # "vowed to respond with force": force threatened is aimed abroad as often
            or (mention.type == "THREATEN" and mention.cameo.startswith("138"))
            or _abroad(source, lexicon.representatives_abroad)
            or (source.sector is None and mention.type != "PROTEST")
            # "the presidential administration rejected the appeal": whose is not said
            or (answer and mention.type in _ANSWERS)
        ):
            out.append(mention)
            continue
        name = next(n for n in named if n.country == source.country)
        if (name.start, name.end) == source.span:
            out.append(mention)  # "Moscow rejected the allegations": the state itself
            continue
        target = Actor(
            text[name.start : name.end], (name.start, name.end), source.country, inferred=True
        )
        confidence = less_confident(mention.confidence)
        out.append(replace(mention, target=target, confidence=confidence))
    return out


def earlier_attackers(mentions: Sequence[Mention]) -> list[Mention]:
    """An attack no one is named as making, on the side an attack shortly before hit, is
    that attacker's ("Pakistani troops shelled Indian posts, a spokesman said. Two Indian
    soldiers were wounded, he said"). The source is marked inferred."""
    out: list[Mention] = []
    for mention in mentions:
        target = mention.target
        if mention.type in _ARMED and mention.source is None and target and target.country:
            attacker = _recent_attacker(out, mention.sentence.index, target.country)
            if attacker is not None:
                mention = _taken_from_before(mention, source=attacker)
        out.append(mention)
    return out


def _recent_attacker(earlier: Sequence[Mention], index: int, country: str) -> Actor | None:
    for mention in reversed(earlier):
        if mention.sentence.index < index - _LOOK_BACK:
            return None
        source, target = mention.source, mention.target
        if (
            mention.type in _ARMED
            and mention.status != "negated"
            and target is not None
            and target.country == country
            and source is not None
            and source.country not in (None, country)
        ):
            return source
    return None


def _abroad(actor: Actor, representatives: frozenset[str]) -> bool:
    words = actor.text.lower().split()
    return bool(words) and words[-1].removesuffix("s") in representatives


def less_confident(confidence: float) -> float:
    """The confidence of a mention once an actor of it is inferred rather than read."""
    return round(max(0.1, confidence - _INFERRED_PENALTY), 2)


def mention_confidence(source: Actor | None, target: Actor | None) -> float:
    """A mention's confidence from how fully its actors are coded; inferred actors
    lower it."""
    score = 0.4
    if is_coded(source) or (source is not None and source.members):
        score += 0.35
    if is_coded(target) or (target is not None and target.members):
        score += 0.15
    if any(actor is not None and actor.inferred for actor in (source, target)):
        return less_confident(score)
    return round(score, 2)


def home_trips(mentions: Sequence[Mention]) -> list[Mention]:
    """Visits no one hosts in the visitor's own country are trips, not consultations ("a
    visit by the prime minister to a war shrine in Tokyo", "the president visited
    flood-hit areas in the west")."""
    return [m for m in mentions if not _home_trip(m)]


def _home_trip(mention: Mention) -> bool:
    source, target, location = mention.source, mention.target, mention.location
    return (
        mention.cameo == "042"
        and source is not None
        and source.country is not None
        and not source.members
        and location is not None
        and location.country == source.country
        and (target is None or (target.sector is None and target.country == source.country))
    )


def meetings_together(mentions: Sequence[Mention], hosted_by: Sequence[bool]) -> list[Mention]:
    """A meeting, call or negotiation that took place, where no side hosts or visits
    ("X telephoned Y", "X held talks with Y"), has all its participants as the actor and
    no target, as the PLOVER manual codes CONSULT. Where it took place in one side's
    country, the visitor stays the actor and the host the target ("met his Kenyan
    counterpart in Nairobi"), or where its sentence says someone hosted it (``hosted_by``,
    one flag per mention: "met Obama at a lunch hosted by the ambassador"); visits,
    mediation and planned meetings keep their sides."""
    out = []
    for mention, host_named in zip(mentions, hosted_by, strict=True):
        source, target = mention.source, mention.target
        hosted = host_named or (
            mention.location is not None
            and mention.location.country in (countries_of(source) | countries_of(target))
        )
        if (
            mention.cameo in _MEETINGS
            and mention.status == "occurred"
            and source is not None
            and target is not None
            and not (source.inferred or target.inferred)  # both named in the sentence
            and not hosted
        ):
            members = (*(source.members or (source,)), *(target.members or (target,)))
            mention = replace(
                mention,
                source=joint_actor(mention.sentence.text, members, mention.sentence.start),
                target=None,
            )
        out.append(mention)
    return out
