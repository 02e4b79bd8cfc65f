"""Shared fixtures: one spaCy pipeline and one Coder per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from brinkwatch.config import Options
from brinkwatch.pipeline import Coder

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder(Options())


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is absent: tests that read ../shared need the shared folder beside the repo"
        )
    return path
