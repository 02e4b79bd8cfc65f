"""The DESIGN.md JSON shape, produced from the records in this one place."""

from __future__ import annotations

from typing import Any

from brinkwatch.records import (
    Actor,
    Attribution,
    CodedDocument,
    Event,
    EventDate,
    Location,
    Mention,
    Trigger,
)


def actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    """An actor as JSON."""
    if actor is None:
        return None
    out: dict[str, Any] = {
        "text": actor.text,
        "country": actor.country,
        "sector": actor.sector,
        "code": actor.code,
        "span": list(actor.span),
    }
    if actor.members:
        out["members"] = [actor_dict(member) for member in actor.members]
    return out


def trigger_dict(trigger: Trigger) -> dict[str, Any]:
    """A trigger as JSON."""
    return {"text": trigger.text, "span": list(trigger.span)}


def attribution_dict(attribution: Attribution) -> dict[str, Any]:
    """An attribution as JSON."""
    speaker = attribution.speaker
    return {
        "kind": attribution.kind,
        "speaker": None if speaker is None else {"text": speaker.text, "code": speaker.code},
        "cue": attribution.cue,
        "quote": attribution.quote,
        "chain": [{"text": link.text, "kind": link.kind} for link in attribution.chain],
    }


def location_dict(location: Location | None) -> dict[str, Any] | None:
    """A location as JSON."""
    if location is None:
        return None
    return {
        "name": location.name,
        "country": location.country,
        "lat": location.lat,
        "lon": location.lon,
        "geonameid": location.geonameid,
        "precision": location.precision,
    }


def date_dict(value: EventDate | None) -> dict[str, Any] | None:
    """An event date as JSON."""
    if value is None:
        return None
    return {"value": value.value.isoformat(), "precision": value.precision, "basis": value.basis}


def mention_dict(mention: Mention) -> dict[str, Any]:
    """A mention as JSON."""
    return {
        "doc_id": mention.doc_id,
        "sentence_index": mention.sentence.index,
        "sentence_text": mention.sentence.text,
        "trigger": trigger_dict(mention.trigger),
        "status": mention.status,
        "attribution": attribution_dict(mention.attribution),
        "hedges": list(mention.hedges),
    }


def event_dict(event: Event) -> dict[str, Any]:
    """An event as JSON, exactly in the DESIGN.md shape."""
    return {
        "event_id": event.event_id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "status": event.status,
        "confidence": event.confidence,
        "source": actor_dict(event.source),
        "target": actor_dict(event.target),
        "trigger": trigger_dict(event.trigger),
        "sentence": {
            "index": event.sentence.index,
            "span": [event.sentence.start, event.sentence.end],
            "text": event.sentence.text,
        },
        "location": location_dict(event.location),
        "date": date_dict(event.date),
        "attribution": attribution_dict(event.attribution),
        "hedges": list(event.hedges),
        "mentions": [mention_dict(mention) for mention in event.mentions],
    }


def document_dict(coded: CodedDocument, with_text: bool = False) -> dict[str, Any]:
    """A coded document as one JSON object (one line of ``brinkwatch code``)."""
    document = coded.document
    out: dict[str, Any] = {
        "doc_id": document.doc_id,
        "title": document.title,
        "url": document.url,
        "outlet": document.outlet,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "language": coded.language,
        "warnings": list(coded.warnings),
        "events": [event_dict(event) for event in coded.events],
    }
    if with_text:
        out["text"] = document.text
    return out
