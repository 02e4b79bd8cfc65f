"""The bundled rule files: each parses, and a key given twice is refused."""

from __future__ import annotations

from importlib import resources

import pytest

from brinkwatch._data import data_yaml, load_yaml


def _bundled_yaml() -> list[str]:
    rules = resources.files("brinkwatch").joinpath("data", "rules")
    return sorted(entry.name for entry in rules.iterdir() if entry.name.endswith(".yaml"))


def test_all_five_rule_files_are_found() -> None:
    assert _bundled_yaml() == [
        "anaphora.yaml",
        "attribution.yaml",
        "intent.yaml",
        "status.yaml",
        "triggers.yaml",
    ]


@pytest.mark.parametrize("name", _bundled_yaml())
def test_bundled_rule_file_parses_with_each_key_once(name: str) -> None:
    assert isinstance(data_yaml("rules", name), dict)


def test_a_key_given_twice_is_an_error_naming_file_key_and_line() -> None:
    text = "expel:\n  cameo: '1742'\nwarn:\n  cameo: '130'\nexpel:\n  cameo: '174'\n"
    with pytest.raises(
        ValueError, match=r"^mine\.yaml: key 'expel' given twice \(second at line 5\)"
    ):
        load_yaml(text, "mine.yaml")


def test_equal_keys_in_different_mappings_are_allowed() -> None:
    text = "expel:\n  cameo: '1742'\nwarn:\n  cameo: '130'\n"
    assert load_yaml(text, "mine.yaml") == {"expel": {"cameo": "1742"}, "warn": {"cameo": "130"}}
