"""merge: mentions of one event in a document roll up; different events stay apart."""

from __future__ import annotations

from datetime import date

from brinkwatch.pipeline import Coder

PUBLISHED = date(2025, 11, 14)

PLAN = (
    "Turkey Prepares Air Strikes On Militant Camps In Iraq\n\n"
    "Turkey is preparing air strikes on militant camps in northern Iraq, officials said.\n\n"
    "State television reported that the strikes could begin within days.\n\n"
    "Turkish jets bombed a village in Syria last month, the ministry said.\n"
)


def test_one_planned_event_keeps_every_mention(coder: Coder) -> None:
    coded = coder.code_text(PLAN, published_at=PUBLISHED)
    strikes = [e for e in coded.events if e.type == "ASSAULT" and e.trigger.lemma == "strike"]
    assert len(strikes) == 1
    (event,) = strikes
    assert [m.sentence.index for m in event.mentions] == [0, 1, 2]
    assert [m.status for m in event.mentions] == ["planned", "planned", "possible"]
    assert event.status == "planned"
    # the best-sourced mention's attribution wins: state television (media) over none
    assert event.attribution.kind == "media"


def test_an_earlier_different_attack_is_its_own_event(coder: Coder) -> None:
    coded = coder.code_text(PLAN, published_at=PUBLISHED)
    bombed = [e for e in coded.events if e.trigger.text == "bombed"]
    assert len(bombed) == 1
    assert bombed[0].status == "occurred"
    assert len(bombed[0].mentions) == 1


def test_statements_by_different_speakers_stay_apart(coder: Coder) -> None:
    text = (
        "Iran's foreign minister accused Israel of sabotage on Monday.\n\n"
        "Lebanon's president accused Israel of violating the truce on Tuesday.\n"
    )
    coded = coder.code_text(text)
    accusations = [e for e in coded.events if e.type == "ACCUSE"]
    assert [e.source.code if e.source else None for e in accusations] == ["IRNGOV", "LBNGOV"]
