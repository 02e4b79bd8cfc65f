"""eval: score the coder against human-coded gold sentences.

Implements the scoring rules of the gold files' README: events are matched one to
one per sentence, greedily, preferring pairs that agree on most of type, source
country and target country; then type F1, CAMEO-root F1, dyad F1, actor accuracy
over type-matched pairs, and no-event precision.

An actor with sector IGO or NGO and no country scores as country "IGO" or "NGO" with no
sector, the gold files' convention for international and non-governmental bodies.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from brinkwatch.errors import InputError
from brinkwatch.pipeline import Coder
from brinkwatch.records import Actor, Document, Event

GoldActor = dict[str, Any]
# Bodies with no country: PLOVER gold writes them as country IGO/NGO with no sector,
# PETR-2 gold as no country with sector IGO; either way is scored as agreeing.
_STATELESS = frozenset({"IGO", "NGO"})


@dataclass(frozen=True)
class GoldSentence:
    """One gold record: a sentence, its date and the events humans coded in it."""

    id: str
    text: str
    date: date | None
    expect_no_events: bool
    events: tuple[dict[str, Any], ...]


@dataclass
class Tally:
    """Counts behind every figure, for one file or all files."""

    sentences: int = 0
    gold: int = 0
    predicted: int = 0
    type_hits: int = 0
    root_gold: int = 0
    root_predicted: int = 0
    root_hits: int = 0
    dyad_hits: int = 0
    matched: int = 0
    source_country: int = 0
    source_sector: int = 0
    target_country: int = 0
    target_sector: int = 0
    no_event_sentences: int = 0
    no_event_clean: int = 0
    confusions: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        self.confusions.update(other.confusions)

    def figures(self) -> dict[str, Any]:
        """The figures, with the counts they come from."""

        def ratio(hits: int, total: int) -> float | None:
            return round(hits / total, 4) if total else None

        def f1(hits: int, predicted: int, gold: int) -> float | None:
            precision, recall = ratio(hits, predicted), ratio(hits, gold)
            if not precision or not recall:
                return 0.0 if predicted or gold else None
            return round(2 * precision * recall / (precision + recall), 4)

        return {
            "sentences": self.sentences,
            "gold_events": self.gold,
            "predicted_events": self.predicted,
            "type_precision": ratio(self.type_hits, self.predicted),
            "type_recall": ratio(self.type_hits, self.gold),
            "type_f1": f1(self.type_hits, self.predicted, self.gold),
            "cameo_root_f1": f1(self.root_hits, self.root_predicted, self.root_gold),
            "dyad_f1": f1(self.dyad_hits, self.predicted, self.gold),
            "type_matched_pairs": self.matched,
            "source_country_accuracy": ratio(self.source_country, self.matched),
            "source_sector_accuracy": ratio(self.source_sector, self.matched),
            "target_country_accuracy": ratio(self.target_country, self.matched),
            "target_sector_accuracy": ratio(self.target_sector, self.matched),
            "no_event_sentences": self.no_event_sentences,
            "no_event_precision": ratio(self.no_event_clean, self.no_event_sentences),
        }


def read_gold(path: str | Path) -> list[GoldSentence]:
    """Gold sentences from a JSON Lines file; a bad line is an InputError naming it."""
    file = Path(path)
    try:
        lines = file.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{file}: cannot read gold file ({exc}); check the path") from exc
    gold = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            gold.append(
                GoldSentence(
                    id=str(record["id"]),
                    text=str(record["text"]),
                    date=date.fromisoformat(record["date"]) if record.get("date") else None,
                    expect_no_events=bool(record.get("expect_no_events", False)),
                    events=tuple(record.get("events") or ()),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(
                f"{file}:{number}: not a gold record ({exc}); see the gold README for the schema"
            ) from exc
    if not gold:
        raise InputError(f"{file}: has no gold records")
    return gold


def _countries(actor: Actor | None) -> set[str | None]:
    if actor is None:
        return {None}
    members = actor.members or (actor,)
    found: set[str | None] = set()
    for member in members:
        if member.country is None and member.sector in _STATELESS:
            found.update((member.sector, None))  # PLOVER writes IGO as country, PETR null
        else:
            found.add(member.country)
    return found


def _sectors(actor: Actor | None) -> set[str | None]:
    """Sectors as the gold files write them: an IGO's own sector is its country code."""
    if actor is None:
        return {None}
    found: set[str | None] = set()
    for member in actor.members or (actor,):
        found.add(member.sector)
        if member.country is None and member.sector in _STATELESS:
            found.add(None)  # PLOVER leaves an IGO's sector empty, PETR writes IGO
    return found


def _gold_values(actors: Sequence[GoldActor], key: str) -> set[str | None]:
    return {actor.get(key) for actor in actors} or {None}


def _agrees(predicted: set[str | None], gold: set[str | None]) -> bool:
    return bool(predicted & gold)


def _agreement(event: Event, gold: dict[str, Any]) -> tuple[bool, bool, bool]:
    return (
        event.type == gold["type"],
        _agrees(_countries(event.source), _gold_values(gold["source"], "country")),
        _agrees(_countries(event.target), _gold_values(gold["target"], "country")),
    )


def _match(events: Sequence[Event], gold: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted, gold), greedily by how many of the three fields agree."""
    scored = sorted(
        (
            (-sum(_agreement(event, record)), i, j)
            for i, event in enumerate(events)
            for j, record in enumerate(gold)
        )
    )
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i not in used_predicted and j not in used_gold:
            used_predicted.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return pairs


def score_sentence(sentence: GoldSentence, events: Sequence[Event]) -> Tally:
    """Counts for one sentence."""
    tally = Tally(sentences=1, gold=len(sentence.events), predicted=len(events))
    gold_types = Counter(record["type"] for record in sentence.events)
    tally.type_hits = sum((Counter(event.type for event in events) & gold_types).values())
    gold_roots = Counter(r["cameo_root"] for r in sentence.events if r.get("cameo_root"))
    predicted_roots = Counter(event.cameo[:2] for event in events)
    tally.root_gold = sum(gold_roots.values())
    tally.root_predicted = sum(predicted_roots.values())
    tally.root_hits = sum((predicted_roots & gold_roots).values())
    if sentence.expect_no_events:
        tally.no_event_sentences = 1
        tally.no_event_clean = int(not events)
    for i, j in _match(events, sentence.events):
        event, record = events[i], sentence.events[j]
        same_type, source_ok, target_ok = _agreement(event, record)
        if same_type and source_ok and target_ok:
            tally.dyad_hits += 1
        if not same_type:
            tally.confusions[f"{record['type']}->{event.type}"] += 1
            continue
        tally.matched += 1
        tally.source_country += source_ok
        tally.target_country += target_ok
        tally.source_sector += _agrees(
            _sectors(event.source), _gold_values(record["source"], "sector")
        )
        tally.target_sector += _agrees(
            _sectors(event.target), _gold_values(record["target"], "sector")
        )
    return tally


def evaluate(coder: Coder, sentences: Iterable[GoldSentence]) -> Tally:
    """Code every gold sentence (its date as the publication date) and score it."""
    items = list(sentences)
    documents = [Document(doc_id=s.id, text=s.text, published_at=s.date) for s in items]
    total = Tally()
    for sentence, coded in zip(items, coder.code_documents(documents), strict=True):
        total.add(score_sentence(sentence, coded.events))
    return total


def evaluate_files(coder: Coder, paths: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Figures per gold file and overall."""
    results: dict[str, dict[str, Any]] = {}
    overall = Tally()
    for path in paths:
        tally = evaluate(coder, read_gold(path))
        results[Path(path).name] = tally.figures()
        overall.add(tally)
    results["overall"] = overall.figures()
    results["overall"]["type_confusions"] = dict(overall.confusions.most_common(15))
    return results


def as_json(results: dict[str, dict[str, Any]]) -> str:
    """Results as one JSON document."""
    return json.dumps(results, indent=2, default=lambda value: asdict(value))
