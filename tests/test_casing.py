"""Names given their case back in text typed all in lower case."""

from __future__ import annotations

import pytest

from brinkwatch.casing import NameCasing
from brinkwatch.lexicon import ActorEntry
from brinkwatch.pipeline import Coder


def _entry(text: str, kind: str = "country") -> ActorEntry:
    return ActorEntry(text, "XXX", None, kind, text)  # type: ignore[arg-type]


@pytest.fixture
def casing() -> NameCasing:
    entries = [
        _entry("North Korea"),
        _entry("Turkish", "adjective"),
        _entry("Ankara", "capital"),
        _entry("Poland"),
        _entry("Polish", "adjective"),
        _entry("Rice", "person"),
        _entry("Condoleezza Rice", "person"),
        _entry("IS", "organization"),
        _entry("NATO", "organization"),
    ]
    return NameCasing(entries, frozenset({"polish"}), [("the us", "the US")])


def test_names_in_lower_case_text_take_the_dictionary_case(casing: NameCasing) -> None:
    assert (
        casing.restore("turkish jets struck targets near ankara, north korea said")
        == "Turkish jets struck targets near Ankara, North Korea said"
    )


def test_a_capitalised_first_word_still_counts_as_lower_case_text(casing: NameCasing) -> None:
    assert casing.restore("North korea warned nato") == "North Korea warned NATO"


def test_common_words_short_acronyms_and_lone_surnames_stay(casing: NameCasing) -> None:
    text = "condoleezza rice said it is time to polish the rice plan with us"
    assert casing.restore(text) == (
        "Condoleezza Rice said it is time to polish the rice plan with us"
    )


def test_the_us_with_its_article_is_the_country(casing: NameCasing) -> None:
    assert casing.restore("the us warned ankara") == "the US warned Ankara"


def test_text_that_has_capitals_is_left_alone(casing: NameCasing) -> None:
    text = "Officials in Ankara said turkish jets struck targets."
    assert casing.restore(text) == text


def test_length_never_changes(casing: NameCasing) -> None:
    text = "poland and north korea met the turkish envoy in ankara"
    assert len(casing.restore(text)) == len(text)


def test_bundled_stop_list_keeps_common_phrases_that_name_capitals(coder: Coder) -> None:
    # Anguilla's capital is "The Valley": a sentence with no other capitals keeps its valley
    lexicon = coder.lexicon
    bundled = NameCasing(lexicon.actors, lexicon.lowercase_words, lexicon.lowercase_names)
    text = "Herders in the valley protested."
    assert bundled.restore(text) == text
    assert bundled.restore("herders in ankara protested") == "herders in Ankara protested"
