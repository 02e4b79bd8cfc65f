"""Reading the data files bundled inside the package."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def data_text(*parts: str) -> str:
    """Text of a bundled data file, e.g. ``data_text("rules", "status.yaml")``."""
    return resources.files("brinkwatch").joinpath("data", *parts).read_text("utf-8")


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping naming one key twice.

    Plain YAML keeps the last of two equal keys and silently drops the first,
    so a rule added under an existing trigger would erase the older one.
    """

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    line = key_node.start_mark.line + 1
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} given twice (second at line {line})"
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[arg-type]


def load_yaml(text: str, name: str) -> Any:
    """Parse YAML text, refusing duplicate keys; errors name the file ``name``."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass
    except yaml.YAMLError as err:
        raise ValueError(f"{name}: {err}; give each key once") from None


def data_yaml(*parts: str) -> Any:
    """A bundled YAML data file, parsed; a key given twice is an error."""
    return load_yaml(data_text(*parts), "/".join(parts))


def tsv_rows(text: str) -> list[dict[str, str]]:
    """Rows of a TSV text with a header line; ``#`` lines and blank lines are skipped."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    header = [name.strip() for name in lines[0].split("\t")]
    rows = []
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("\t")]
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def alternatives(cell: str) -> list[str]:
    """The ``|``-separated alternatives of a TSV cell, without empties."""
    return [part.strip() for part in cell.split("|") if part.strip()]
