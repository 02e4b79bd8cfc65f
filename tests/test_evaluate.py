"""eval scoring rules on hand-made gold records and coded events."""

from __future__ import annotations

from pathlib import Path

import pytest

from brinkwatch.errors import InputError
from brinkwatch.evaluate import GoldSentence, read_gold, score_sentence
from brinkwatch.records import NO_ATTRIBUTION, Actor, Event, Sentence, Trigger


def _event(event_type: str, cameo: str, source: Actor | None, target: Actor | None) -> Event:
    sentence = Sentence(0, 0, 10, "x", "body", 0)
    return Event(
        event_id="e",
        type=event_type,
        mode=None,
        cameo=cameo,
        quad_class=1,
        goldstein=0.0,
        status="occurred",
        confidence=0.5,
        source=source,
        target=target,
        trigger=Trigger("x", (0, 1)),
        sentence=sentence,
        location=None,
        date=None,
        attribution=NO_ATTRIBUTION,
        hedges=(),
        mentions=(),
    )


def _gold(events: list[dict[str, object]], no_events: bool = False) -> GoldSentence:
    return GoldSentence("g", "text", None, no_events, tuple(events))  # type: ignore[arg-type]


FRA_GOV = Actor("France", (0, 6), "FRA", "GOV")
DEU = Actor("Germany", (0, 7), "DEU", None)
UN = Actor("the UN", (0, 6), None, "IGO")


def test_full_agreement_scores_every_figure() -> None:
    gold = _gold(
        [
            {
                "type": "AGREE",
                "cameo_root": "03",
                "source": [{"country": "FRA", "sector": "GOV"}],
                "target": [{"country": "DEU", "sector": None}],
            }
        ]
    )
    tally = score_sentence(gold, [_event("AGREE", "036", FRA_GOV, DEU)])
    figures = tally.figures()
    assert (figures["type_f1"], figures["cameo_root_f1"], figures["dyad_f1"]) == (1.0, 1.0, 1.0)
    assert figures["source_sector_accuracy"] == 1.0 and figures["target_sector_accuracy"] == 1.0


def test_wrong_target_keeps_type_but_not_dyad() -> None:
    gold = _gold(
        [
            {
                "type": "ASSAULT",
                "cameo_root": "19",
                "source": [{"country": "FRA", "sector": "GOV"}],
                "target": [],
            }
        ]
    )
    figures = score_sentence(gold, [_event("ASSAULT", "190", FRA_GOV, DEU)]).figures()
    assert figures["type_f1"] == 1.0 and figures["dyad_f1"] == 0.0
    assert figures["target_country_accuracy"] == 0.0


def test_igo_without_country_scores_as_igo() -> None:
    gold = _gold(
        [
            {
                "type": "REQUEST",
                "cameo_root": "10",
                "source": [{"country": "IGO", "sector": None}],
                "target": [],
            }
        ]
    )
    figures = score_sentence(gold, [_event("REQUEST", "020", UN, None)]).figures()
    assert figures["dyad_f1"] == 1.0 and figures["cameo_root_f1"] == 0.0


def test_ngo_without_country_scores_as_ngo() -> None:
    gold = _gold(
        [
            {
                "type": "ACCUSE",
                "cameo_root": "11",
                "source": [{"country": "NGO", "sector": None}],
                "target": [{"country": "DEU", "sector": None}],
            }
        ]
    )
    watchdog = Actor("a rights group", (0, 14), None, "NGO")
    figures = score_sentence(gold, [_event("ACCUSE", "112", watchdog, DEU)]).figures()
    assert figures["dyad_f1"] == 1.0 and figures["source_sector_accuracy"] == 1.0


def test_a_country_less_body_agrees_with_either_gold_convention() -> None:
    union = Actor("the European Union", (0, 18), None, "IGO")
    for country, sector in (("IGO", None), (None, "IGO")):
        gold = _gold(
            [
                {
                    "type": "SUPPORT",
                    "cameo_root": "05",
                    "source": [{"country": "DEU", "sector": None}],
                    "target": [{"country": country, "sector": sector}],
                }
            ]
        )
        figures = score_sentence(gold, [_event("SUPPORT", "051", DEU, union)]).figures()
        assert figures["dyad_f1"] == 1.0 and figures["target_sector_accuracy"] == 1.0
    gold = _gold(
        [
            {
                "type": "SUPPORT",
                "cameo_root": "05",
                "source": [{"country": "DEU", "sector": None}],
                "target": [{"country": "FRA", "sector": None}],
            }
        ]
    )
    assert score_sentence(gold, [_event("SUPPORT", "051", DEU, union)]).figures()["dyad_f1"] == 0


def test_no_event_sentence_counts_precision() -> None:
    assert score_sentence(_gold([], no_events=True), []).figures()["no_event_precision"] == 1.0
    coded = [_event("ACCUSE", "112", FRA_GOV, None)]
    figures = score_sentence(_gold([], no_events=True), coded).figures()
    assert figures["no_event_precision"] == 0.0 and figures["type_precision"] == 0.0


def test_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "t", "events": []}\n{"text": "no id"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: not a gold record"):
        read_gold(path)
