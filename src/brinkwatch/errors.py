"""The brinkwatch exception hierarchy.

BrinkwatchError
 ├── InputError          an input file, line or stream cannot be read as documents
 ├── ConfigError         a setting, dictionary file or model name is unusable
 ├── ModelError          the spaCy pipeline cannot be loaded
 └── StoreError          the DuckDB store cannot be opened, read or written

Every message says what went wrong, names the input, and says what to do.
"""

from __future__ import annotations


class BrinkwatchError(Exception):
    """Base class of every error brinkwatch raises on purpose."""


class InputError(BrinkwatchError):
    """An input (file, JSON line, stream) cannot be turned into documents."""


class ConfigError(BrinkwatchError):
    """A configuration value or a user dictionary file is invalid."""


class ModelError(BrinkwatchError):
    """The configured spaCy pipeline is not installed or fails to load."""


class StoreError(BrinkwatchError):
    """The event store cannot be opened, read or written."""
