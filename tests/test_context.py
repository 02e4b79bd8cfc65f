"""context: actors with a role but no country take it from the text before them."""

from __future__ import annotations

import pytest

from brinkwatch.pipeline import Coder


def _events(coder: Coder, text: str) -> list[tuple[str, str | None, bool]]:
    coded = coder.code_text(text)
    return [
        (e.type, e.source.code if e.source else None, e.source.inferred if e.source else False)
        for e in coded.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role actor takes the country named in the sentence before
        (
            "Ethiopia has kept its border posts on alert for a month.\n\n"
            "The army shelled a rebel camp on Friday.",
            ("ASSAULT", "ETHMIL", True),
        ),
        # a country named in the actor's own phrase is not inferred
        (
            "Kenya hosted the talks.\n\nEthiopian troops shelled a rebel camp on Friday.",
            ("ASSAULT", "ETHMIL", False),
        ),
        # no country nearby leaves the actor without one
        (
            "It rained all week.\n\nIt was cold.\n\nNothing moved.\n\nThe army shelled a camp.",
            ("ASSAULT", "---MIL", False),
        ),
        # a pronoun opening a paragraph refers to the one before
        (
            "Gabon's foreign minister dismissed the report on Monday.\n\n"
            "He accused Cameroon of arming the separatists.",
            ("ACCUSE", "GABGOV", True),
        ),
        # a pronoun that agrees with nothing stays unresolved
        (
            "The Gabonese ministry dismissed the report.\n\nShe accused Cameroon of arming rebels.",
            ("ACCUSE", None, False),
        ),
    ],
)
def test_source_from_context(
    coder: Coder, text: str, expected: tuple[str, str | None, bool]
) -> None:
    assert expected in _events(coder, text)


def test_an_attack_in_a_one_country_sentence_is_domestic(coder: Coder) -> None:
    text = "Armenia said talks were near.\n\nArmenia's army shelled the police station."
    assert ("ASSAULT", "ARMMIL", False) in _events(coder, text)
    coded = coder.code_text(text)
    (event,) = [e for e in coded.events if e.type == "ASSAULT"]
    assert event.target is not None and event.target.code == "ARMCOP"
    assert event.target.inferred


def test_inference_never_gives_both_sides_one_country(coder: Coder) -> None:
    coded = coder.code_text("Soldiers shelled the police station, Armenian officials said.")
    (event,) = [e for e in coded.events if e.type == "ASSAULT"]
    assert event.source is not None and event.source.code == "ARMMIL"
    assert event.target is not None and event.target.code == "---COP"


def test_a_target_taken_from_the_place_is_inferred_and_less_confident(coder: Coder) -> None:
    (placed,) = coder.code_text("Turkish tanks fired four rounds at positions in Afrin.").events
    (named,) = coder.code_text("Israeli tanks fired four shells at Egypt.").events
    assert placed.target is not None and placed.target.code == "SYR" and placed.target.inferred
    assert named.target is not None and not named.target.inferred
    assert placed.confidence < named.confidence


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # a story about one country lends it to a role actor far from any name
        ("Thousands marched through Yerevan on Saturday.", ("ASSAULT", "ARMCOP", True)),
        # a story about two has no focus
        ("Ghana and Togo traded charges on Friday.", ("ASSAULT", "---COP", False)),
    ],
)
def test_story_focus_for_a_role_actor_far_from_any_name(
    coder: Coder, opening: str, expected: tuple[str, str, bool]
) -> None:
    text = (
        f"{opening}\n\n"
        "The crowd stayed until dawn.\n\n"
        "Shops stayed shut.\n\n"
        "Riot police fired tear gas at the crowd."
    )
    assert expected in _events(coder, text)


def test_one_country_story_lends_its_country_to_targets_at_home(coder: Coder) -> None:
    text = (
        "Thousands marched through Bogota on Saturday.\n\n"
        "Shops stayed shut.\n\n"
        "Police arrested dozens of protesters."
    )
    coded = coder.code_text(text)
    (arrest,) = [e for e in coded.events if e.type == "COERCE"]
    assert (arrest.source.code, arrest.target.code) == ("COLCOP", "COLCVL")  # type: ignore[union-attr]
    assert arrest.target is not None and arrest.target.inferred


def test_names_without_their_accents_are_known(coder: Coder) -> None:
    coded = coder.code_text("Police in Lome fired tear gas at students.")
    assert [e.source.code for e in coded.events if e.source] == ["TGOCOP"]


def test_a_meeting_later_in_a_story_names_its_sides_from_their_own_words(coder: Coder) -> None:
    coded = coder.code_text(
        "Heavy rain closed the mountain pass for a week. "
        "On Sunday, Peru's president telephoned his Chilean counterpart."
    )
    (event,) = coded.events
    assert event.source is not None
    assert sorted(str(m.country) for m in event.source.members) == ["CHL", "PER"]
    assert event.source.text == "Peru's president and his Chilean counterpart"


def test_an_event_told_twice_keeps_the_telling_that_names_both_sides(coder: Coder) -> None:
    coded = coder.code_text(
        "Kenyan and Ugandan troops exchanged mortar fire near the lake border on Monday. "
        "Nairobi accused Kampala of provoking the clash."
    )
    attacks = [e for e in coded.events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    (attack,) = attacks
    assert attack.source is not None
    assert sorted(str(m.country) for m in attack.source.members) == ["KEN", "UGA"]
    assert (attack.cameo, attack.trigger.text) == ("194", "exchanged")
