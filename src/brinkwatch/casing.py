"""casing: names restored in text typed all in lower case.

"turkish police detained three germans in istanbul" parses, but the dictionary matches
names as they are written, so it would find no one. In a block whose words are all lower
case, each dictionary name (a country, a people, a capital, an organisation, a person's
full name) gets back the case the dictionary gives it, so the block reads "Turkish police
detained three Germans in Istanbul". Words that are names and also common English words
("us", "polish", "may") stay as they are (``lowercase_words.txt``); so do short acronyms
and one-word personal names, except the short forms ``lowercase_names.tsv`` lists ("eu",
"the us"). The text keeps its length, so character spans still hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from brinkwatch.lexicon import ActorEntry

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_ACRONYM_MIN = 3  # shorter ones are words in lower case ("us", "is"); some are listed


class NameCasing:
    """Restores the dictionary's case of names in lower-case text."""

    def __init__(
        self,
        entries: Iterable[ActorEntry],
        common: frozenset[str],
        names: Iterable[tuple[str, str]] = (),
    ) -> None:
        cased: dict[str, str] = {}
        for entry in entries:
            text = entry.text
            lowered = text.lower()
            if lowered == text or lowered in common or len(lowered) != len(text):
                continue
            if entry.kind == "person" and " " not in text:
                continue  # "Rice", "Bush", "May": surnames that are words
            if entry.kind == "media":
                continue  # "Dawn", "The Nation": outlets named with words
            if text.isupper() and len(text) < _ACRONYM_MIN:
                continue  # "US", "IS", "AU": pronouns, verbs, prefixes in lower case
            cased.setdefault(lowered, text)
        for lowered, name in names:  # "eu", "the us": short forms listed one by one
            cased.setdefault(lowered, name)
        self._cased = cased
        # longest names first, whole words only
        longest_first = sorted(cased, key=len, reverse=True)
        self._pattern = re.compile(
            r"(?<![\w'-])(" + "|".join(re.escape(name) for name in longest_first) + r")(?![\w-])",
            re.IGNORECASE,
        )

    def restore(self, text: str) -> str:
        """``text`` with its names in dictionary case, if it is all in lower case."""
        if not _lower_case(text):
            return text
        return self._pattern.sub(lambda match: self._cased[match.group(1).lower()], text)


def _lower_case(text: str) -> bool:
    """Whether a text's words are all in lower case (its first word may be capitalised)."""
    words = _WORD.findall(text)
    return len(words) > 2 and not any(word[:1].isupper() for word in words[1:])
