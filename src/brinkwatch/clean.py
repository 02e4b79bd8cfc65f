"""clean: normalise characters (keeping every offset) and split a text into blocks.

The parser reads a copy of the text with the same length as the original, so a
character offset in the parse is a character offset in the document as read.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date

from brinkwatch.dates import month_number
from brinkwatch.records import Block, BlockKind, Document

_CHAR_MAP = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u2013": "-",
    "\u2014": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\r": "\n",
    "\t": " ",
    "\u2026": ".",
}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A wire story's dateline before its first paragraph ("BAMAKO, March 3 (Reuters) -",
# "KYIV, Ukraine (AP) -", "Kigali, Rwanda (AFP) -"): a place, then a date or an agency,
# then a dash (a place not in capitals only with an agency).
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)*)"
    r"(?:, [A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)*){0,2}"
    r"(?:,? \d{1,2}(?:, \d{4})?)?"
    r"(?: \([A-Za-z][A-Za-z .&'-]{0,40}\))?"
    r" ?-{1,2} +"
)
# the date in a dateline: "Sept. 13, 1992", "March 3, 2008"
_DATELINE_DATE = re.compile(r"(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2}), (?P<year>\d{4})\b")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "within",
        "is",
    ]
)
_END_PUNCT = ".!?;:,"
_MAX_HEADING_WORDS = 16
_MAX_TITLE_WORDS = 30


_ASCII_FOLDED = tuple(char for char in _CHAR_MAP if char.isascii())


def normalise(text: str) -> str:
    """The parse copy of a text: same length, typographic variants folded to ASCII."""
    if text.isascii() and not any(char in text for char in _ASCII_FOLDED):
        return text  # nothing to fold (and most news text is plain)
    return "".join(_folded(char) for char in text)


@functools.lru_cache(maxsize=4096)
def _folded(char: str) -> str:
    mapped = _CHAR_MAP.get(char)
    if mapped is None:
        folded = unicodedata.normalize("NFKC", char)
        mapped = folded if len(folded) == 1 else char
    return mapped


def _fingerprint(line: str) -> str:
    return " ".join(_WORD.findall(normalise(line).lower()))


def _is_heading_like(line: str, max_words: int) -> bool:
    stripped = normalise(line).strip().rstrip("\"'")
    words = _WORD.findall(stripped)
    if not words or len(words) > max_words or stripped[-1:] in _END_PUNCT:
        return False
    content = [word for word in words if word.lower() not in _SMALL_WORDS]
    capitalised = [word for word in content if word[0].isupper()]
    return bool(content) and len(capitalised) / len(content) >= 0.6


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines, trimmed of surrounding space."""
    spans = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        start, end = match.start(), match.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        spans.append((start, end))
    return spans


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            offset = cursor + (len(line) - len(line.lstrip()))
            spans.append((offset, cursor + len(line.rstrip())))
        cursor += len(line) + 1
    return spans


def _is_title(line: str, fingerprint: str, given: str | None) -> bool:
    if given is not None:
        return fingerprint == given
    words = _WORD.findall(line)
    return "\n" not in line and 0 < len(words) <= _MAX_TITLE_WORDS and line[-1:] not in _END_PUNCT


def split_blocks(document: Document) -> tuple[Block, ...]:
    """The document's blocks: title, headings and body paragraphs; repeated lines dropped."""
    text = normalise(document.text)
    raw: list[tuple[int, int, BlockKind]] = []
    for start, end in _paragraphs(text):
        lines = _lines(text, start, end)
        # A heading written directly above its paragraph is still its own block.
        if len(lines) > 1 and _is_heading_like(text[lines[0][0] : lines[0][1]], _MAX_HEADING_WORDS):
            raw.append((lines[0][0], lines[0][1], "heading"))
            start = lines[1][0]
        kind: BlockKind = "heading" if len(_lines(text, start, end)) == 1 else "body"
        if kind == "heading" and not _is_heading_like(text[start:end], _MAX_HEADING_WORDS):
            kind = "body"
        raw.append((start, end, kind))
    blocks: list[Block] = []
    seen_title: str | None = _fingerprint(document.title) if document.title else None
    previous: str | None = None
    for position, (start, end, kind) in enumerate(raw):
        line = text[start:end]
        fingerprint = _fingerprint(line)
        if fingerprint and fingerprint in (previous, seen_title) and blocks:
            continue  # a title or line printed twice is one line
        if position == 0 and _is_title(line, fingerprint, seen_title):
            kind = "title"
            seen_title = fingerprint
        if kind == "body" and not any(b.kind == "body" for b in blocks):
            start += _dateline_length(line)
        blocks.append(Block(index=len(blocks), start=start, end=end, kind=kind))
        previous = fingerprint
    return tuple(blocks)


def _dateline_length(line: str) -> int:
    """Length of the dateline a first paragraph opens with (0 if none): it says where
    and when the story was filed, and is no part of the first sentence."""
    match = _DATELINE.match(line)
    if match is None:
        return 0
    agency = "(" in match.group()
    capitals = match["place"].isupper()
    dated = any(c.isdigit() for c in match.group())
    # "CHISINAU - Moldova on Friday ...": a place in capitals and a sentence after it
    # ("NATO - the alliance met" is a sentence)
    bare = capitals and len(match["place"]) >= 4 and line[match.end() : match.end() + 1].isupper()
    if not (agency or (capitals and (dated or bare))):
        return 0
    return match.end()


def filed_on(document: Document, blocks: tuple[Block, ...]) -> date | None:
    """The date a story's dateline gives, when it gives a year ("LIMA, Sept. 13, 1992
    (Reuters) -"): the day it was filed, for a story with no publication date."""
    body = next((b for b in blocks if b.kind == "body"), None)
    if body is None:
        return None
    text = normalise(document.text)
    line_start = text.rfind("\n", 0, body.start) + 1
    match = _DATELINE_DATE.search(text[line_start : body.start])
    if match is None:
        return None
    month = month_number(match["month"].lower())
    try:
        return date(int(match["year"]), month, int(match["day"])) if month else None
    except ValueError:
        return None  # "Feb. 30": no such day


def title_of(document: Document, blocks: tuple[Block, ...]) -> str | None:
    """The document's title: given in its metadata, or its title block."""
    if document.title:
        return document.title
    for block in blocks:
        if block.kind == "title":
            return document.text[block.start : block.end].strip()
    return None
