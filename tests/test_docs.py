"""Every CLI command has help with an example and a README section."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from brinkwatch.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_command_is_documented(command: str) -> None:
    assert f"### `brinkwatch {command}" in README
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"brinkwatch {command}" in result.output


def test_readme_opens_with_the_two_commands() -> None:
    block = README.split("```")[1]
    assert block.strip().splitlines()[0].startswith("make demo")
    assert block.strip().splitlines()[1].startswith("make test")
