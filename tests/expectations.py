"""The semantics of ``*.expected.json`` files: must, must_not and should entries."""

from __future__ import annotations

from datetime import date
from typing import Any

Event = dict[str, Any]


def _sentences(event: Event) -> list[str]:
    texts = [event["sentence"]["text"]]
    texts.extend(m["sentence_text"] for m in event["mentions"])
    return texts


def _actor_ok(actor: dict[str, Any] | None, wanted: dict[str, Any]) -> bool:
    for key, value in wanted.items():
        if actor is None:
            return False
        if actor.get(key) == value:
            continue
        members = actor.get("members") or []
        if not any(member.get(key) == value for member in members):
            return False
    return True


def _attribution_ok(attribution: dict[str, Any], wanted: dict[str, Any]) -> bool:
    if "kind" in wanted and attribution["kind"] != wanted["kind"]:
        return False
    if "speaker_contains" in wanted:
        speaker = attribution.get("speaker") or {}
        if wanted["speaker_contains"] not in (speaker.get("text") or ""):
            return False
    if "quote" in wanted and attribution.get("quote") != wanted["quote"]:
        return False
    chain = [link["kind"] for link in attribution.get("chain") or []]
    return "chain_kinds" not in wanted or chain == wanted["chain_kinds"]


def matches(event: Event, rule: dict[str, Any], published_at: str | None = None) -> bool:
    """Whether one coded event satisfies every field one rule gives."""
    if "type" in rule and event["type"] != rule["type"]:
        return False
    if "type_in" in rule and event["type"] not in rule["type_in"]:
        return False
    if "status_in" in rule and event["status"] not in rule["status_in"]:
        return False
    if "source" in rule and not _actor_ok(event["source"], rule["source"]):
        return False
    if "target" in rule and not _actor_ok(event["target"], rule["target"]):
        return False
    for side in ("source", "target"):
        wanted = rule.get(f"{side}_text_contains")
        if wanted and (event[side] is None or wanted not in event[side]["text"]):
            return False
    sentences = _sentences(event)
    if "sentence_contains" in rule and not any(rule["sentence_contains"] in s for s in sentences):
        return False
    if "sentence_contains_any" in rule and not any(
        phrase in s for phrase in rule["sentence_contains_any"] for s in sentences
    ):
        return False
    if "mention_sentences_contain_all" in rule and not all(
        any(phrase in m["sentence_text"] for m in event["mentions"])
        for phrase in rule["mention_sentences_contain_all"]
    ):
        return False
    if "min_mentions" in rule and len(event["mentions"]) < rule["min_mentions"]:
        return False
    if "attribution_kinds_include" in rule:
        kinds = {
            event["attribution"]["kind"],
            *(m["attribution"]["kind"] for m in event["mentions"]),
        }
        if not set(rule["attribution_kinds_include"]) <= kinds:
            return False
    if "attribution" in rule:
        candidates = [event["attribution"], *(m["attribution"] for m in event["mentions"])]
        if not any(_attribution_ok(a, rule["attribution"]) for a in candidates):
            return False
    if "hedges_include" in rule:
        hedges = set(event["hedges"]).union(*(m["hedges"] for m in event["mentions"]))
        if not set(rule["hedges_include"]) <= hedges:
            return False
    when = rule.get("date_when_published_at")
    if when and (published_at is None or published_at == when["published_at"]):
        value = event.get("date")
        if value is None:
            return False
        low, high = (date.fromisoformat(d) for d in when["value_between"])
        if not low <= date.fromisoformat(value["value"]) <= high:
            return False
        if value["precision"] != when["precision"] or value["basis"] != when["basis"]:
            return False
    return True


def title_mentions(event: Event, title: str | None) -> int:
    """How many of an event's mentions come from the document's title line."""
    if not title:
        return 0
    return sum(1 for m in event["mentions"] if m["sentence_text"].strip() == title.strip())


def violates(document: dict[str, Any], rule: dict[str, Any]) -> list[Event]:
    """Events that break a must_not rule."""
    limit = rule.get("mentions_from_title_more_than")
    if limit is not None:
        return [e for e in document["events"] if title_mentions(e, document["title"]) > limit]
    return [e for e in document["events"] if matches(e, rule, document.get("published_at"))]
