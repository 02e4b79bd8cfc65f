"""merge: mentions of the same event inside one document become one event.

The event-level status is the most factual status among its mentions and its
attribution is that of its best-sourced mention (DESIGN.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, timedelta

from brinkwatch.actors import countries_of
from brinkwatch.folding import distinct_acts
from brinkwatch.ontology import Ontology
from brinkwatch.records import (
    ATTRIBUTION_ORDER,
    STATUS_ORDER,
    Actor,
    Event,
    EventDate,
    Mention,
)

_VERBAL_QUADS = frozenset({1, 3})


def _countries_agree(left: Actor | None, right: Actor | None) -> bool:
    """Unknown on either side, or a country (a member's, or IGO for the EU or the UN) in
    common: "the EU imposed sanctions on Belarus" and "Belarus banned EU imports" differ."""
    ours, theirs = countries_of(left) - {None}, countries_of(right) - {None}
    return not ours or not theirs or bool(ours & theirs)


def _sectors_agree(left: Actor | None, right: Actor | None) -> bool:
    if left is None or right is None or left.sector is None or right.sector is None:
        return True
    return left.sector == right.sector


def _same_dyad(left: Mention, right: Mention) -> bool:
    """Both sides known and equal: the same source and target countries."""
    pairs = ((left.source, right.source), (left.target, right.target))
    return all(
        a is not None and b is not None and a.country and a.country == b.country for a, b in pairs
    )


def _same_kind(left: Mention, right: Mention) -> bool:
    """The same trigger word or the same CAMEO code ("strikes", "airstrikes")."""
    return left.trigger.lemma == right.trigger.lemma or left.cameo == right.cameo


def _same_speaker(left: Mention, right: Mention) -> bool:
    """Verbal events by different speakers are different statements."""

    def who(mention: Mention) -> str | None:
        if mention.source is not None:
            return mention.source.text.split()[-1].lower()
        speaker = mention.attribution.speaker
        return speaker.text.split()[-1].lower() if speaker is not None else None

    return who(left) == who(right)


def _period(value: EventDate) -> tuple[date, date]:
    """First and last day of the period a date names."""
    start = value.value
    if value.precision == "week":
        return start, start + timedelta(days=6)
    if value.precision == "month":
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - timedelta(days=1)
    if value.precision == "year":
        return start, date(start.year, 12, 31)
    return start, start


def _days_apart(left: Mention, right: Mention) -> int:
    """Days between the two mentions' periods; 0 when they overlap or either is undated.

    Only a date the text gives separates mentions: two publication dates do not.
    """
    if (
        left.date is None
        or right.date is None
        or left.date.basis == right.date.basis == "published"
    ):
        return 0
    (start_a, end_a), (start_b, end_b) = _period(left.date), _period(right.date)
    return max(0, (start_b - end_a).days, (start_a - end_b).days)


def compatible(
    mention: Mention, cluster: Sequence[Mention], ontology: Ontology, window_days: int
) -> bool:
    """Whether a mention reports the same event as every mention of a cluster."""
    verbal = ontology.quad_class(mention.cameo) in _VERBAL_QUADS
    linked = False
    for other in cluster:
        if other.type != mention.type or other.sentence.index == mention.sentence.index:
            return False
        if not (
            _countries_agree(mention.source, other.source)
            and _countries_agree(mention.target, other.target)
            # "arrested 12 army officers" and "detained a former minister" are two arrests
            and _sectors_agree(mention.target, other.target)
        ):
            return False
        if verbal and not (
            _same_speaker(mention, other) and _sectors_agree(mention.target, other.target)
        ):
            return False
        if _days_apart(mention, other) > window_days:
            return False
        # "attacked boats" and "strikes on military sites" by one country are two events
        # unless both sides agree; the same kind of act between compatible sides is one.
        linked = (
            linked
            or _same_kind(mention, other)
            # (a curfew and an arrest between the same sides are two events)
            or (_same_dyad(mention, other) and not distinct_acts(mention.cameo, other.cameo))
        )
    return linked


def _completeness(mention: Mention) -> tuple[int, int]:
    """How fully a mention names its actors (a compound's members' countries count:
    "Kyrgyz and Tajik troops exchanged fire" names more than "provoking the clash"); the
    earlier mention breaks a tie."""
    score = 0
    for actor in (mention.source, mention.target):
        if actor is not None:
            known = {c for c in countries_of(actor) if c is not None}
            sectors = {m.sector for m in actor.members or (actor,)} - {None}
            score += 2 * bool(known) + bool(sectors)
    return score, -mention.sentence.index


def _event_id(content_hash: str, first: Mention, event_type: str) -> str:
    key = f"{content_hash}:{event_type}:{first.trigger.span[0]}:{first.trigger.span[1]}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def build_event(mentions: Sequence[Mention], ontology: Ontology, content_hash: str) -> Event:
    """One event from the mentions that report it."""
    ordered = sorted(mentions, key=lambda m: (m.sentence.index, m.trigger.span[0]))
    best = max(ordered, key=_completeness)
    status = min((m.status for m in ordered), key=STATUS_ORDER.index)
    attribution = min(
        (m.attribution for m in ordered), key=lambda a: ATTRIBUTION_ORDER.index(a.kind)
    )
    hedges: list[str] = []
    for mention in ordered:
        hedges.extend(h for h in mention.hedges if h not in hedges)
    dated = [m.date for m in ordered if m.date is not None]
    date = next((d for d in dated if d.basis == "text"), dated[0] if dated else None)
    located = [m.location for m in ordered if m.location is not None]
    confidence = min(0.99, max(m.confidence for m in ordered) + 0.05 * (len(ordered) - 1))
    return Event(
        event_id=_event_id(content_hash, ordered[0], best.type),
        type=best.type,
        mode=best.mode,
        cameo=best.cameo,
        quad_class=ontology.quad_class(best.cameo),
        goldstein=ontology.goldstein(best.cameo),
        status=status,
        confidence=round(confidence, 2),
        source=best.source,
        target=best.target,
        trigger=best.trigger,
        sentence=best.sentence,
        location=best.location or (located[0] if located else None),
        date=best.date if best.date is not None and best.date.basis == "text" else date,
        attribution=attribution,
        hedges=tuple(hedges),
        mentions=tuple(ordered),
    )


def merge_mentions(
    mentions: Sequence[Mention], ontology: Ontology, content_hash: str, window_days: int = 3
) -> list[Event]:
    """Group a document's mentions into events, in order of first mention."""
    clusters: list[list[Mention]] = []
    for mention in sorted(mentions, key=lambda m: (m.sentence.index, m.trigger.span[0])):
        for cluster in clusters:
            if compatible(mention, cluster, ontology, window_days):
                cluster.append(mention)
                break
        else:
            clusters.append([mention])
    # an actorless "the bombing" that joins no event told elsewhere refers to nothing coded
    kept = [c for c in clusters if not all(m.needs_antecedent for m in c)]
    return [build_event(cluster, ontology, content_hash) for cluster in kept]
