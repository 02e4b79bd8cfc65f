"""time: when each event happened, resolved against the publication date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from brinkwatch.records import EventDate, Status

_HISTORY_YEARS = 2  # an event dated this many calendar years back is background
_BACKGROUND_DAYS = 90  # a relative clause's act this long before the story is background
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_ABBR = {name[:3]: number for number, name in enumerate(_MONTHS, start=1)}
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "overnight": -1, "tomorrow": 1}
_DECADE = re.compile(r"(?:in\s+)?(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(\d{3}0)s")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_AGO = re.compile(
    r"\b(\d+|a|one|two|three|four|five|six|seven|ten)\s+(day|week|month|year)s?\s+ago\b"
)
_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
}
_FUTURE: frozenset[Status] = frozenset({"planned"})


@dataclass(frozen=True)
class _Period:
    value: date
    precision: str


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_number(word: str) -> int | None:
    """The number of a month named in lower case, in full or abbreviated ("sept")."""
    if word in _MONTHS:
        return _MONTHS.index(word) + 1
    if word in _MONTH_ABBR and word != "may":
        return _MONTH_ABBR[word]
    if word == "sept":
        return 9
    return None


def _month_day(text: str) -> tuple[int, int | None, int | None] | None:
    """(month, day, year) from 'March 3', '3 March', 'March 3, 2025', 'in March'."""
    words = re.findall(r"[a-z]+|\d+", text)
    month = next((m for m in map(month_number, words) if m is not None), None)
    if month is None:
        return None
    numbers = [int(word) for word in words if word.isdigit()]
    day = next((n for n in numbers if 1 <= n <= 31), None)
    year = next((n for n in numbers if n > 1900), None)
    return month, day, year


def resolve(expression: str, published: date, status: Status = "occurred") -> _Period | None:
    """The period a date expression names, relative to the publication date."""
    text = expression.lower().strip()
    future = status in _FUTURE
    iso = _ISO.search(text)
    if iso:
        return _Period(date(int(iso[1]), int(iso[2]), int(iso[3])), "day")
    for word, delta in _DAY_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            return _Period(published + timedelta(days=delta), "day")
    if re.search(r"\blast night\b", text):
        return _Period(published - timedelta(days=1), "day")
    ago = _AGO.search(text)
    if ago:
        count = int(ago[1]) if ago[1].isdigit() else _NUMBERS[ago[1]]
        unit = ago[2]
        if unit == "day":
            return _Period(published - timedelta(days=count), "day")
        if unit == "week":
            return _Period(_monday(published - timedelta(weeks=count)), "week")
        if unit == "month":
            return _Period(_shift_month(published, -count), "month")
        return _Period(date(published.year - count, 1, 1), "year")
    for unit, precision in (("week", "week"), ("month", "month"), ("year", "year")):
        match = re.search(
            rf"\b(last|past|previous|this|next|coming|earlier this|later this)\s+{unit}\b", text
        )
        if match:
            offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
                match[1], 0
            )
            if unit == "week":
                return _Period(_monday(published) + timedelta(weeks=offset), precision)
            if unit == "month":
                return _Period(_shift_month(published, offset), precision)
            return _Period(date(published.year + offset, 1, 1), precision)
    for index, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            if future or re.search(r"\bnext\b", text):
                delta = (index - published.weekday()) % 7 or 7
                return _Period(published + timedelta(days=delta), "day")
            delta = (published.weekday() - index) % 7
            if re.search(r"\blast\b", text) and delta == 0:
                delta = 7
            return _Period(published - timedelta(days=delta), "day")
    parts = _month_day(text)
    if parts is not None:
        month, day, year = parts
        if year is None:
            year = published.year
            candidate = date(year, month, day or 1)
            if future and candidate < _shift_month(published, 0):
                year += 1
            elif not future and candidate > published:
                year -= 1
        if day is not None:
            try:
                return _Period(date(year, month, day), "day")
            except ValueError:
                return None
        return _Period(date(year, month, 1), "month")
    year_only = re.fullmatch(r"(?:in\s+)?(\d{4})", text)
    if year_only:
        return _Period(date(int(year_only[1]), 1, 1), "year")
    decade = _DECADE.fullmatch(text)  # "the early 1990s": its first year, as a year
    if decade:
        return _Period(date(int(decade[1]), 1, 1), "year")
    return None


def date_marks(sentence: Span) -> list[tuple[Token, str]]:
    """A sentence's date expressions, each with the token it hangs from: its DATE and
    TIME entities, and day words the tagger left out ("Monday")."""
    marks: list[tuple[Token, str]] = []
    seen: set[int] = set()
    for entity in sentence.ents:
        if entity.label_ not in ("DATE", "TIME") or entity.start in seen:
            continue
        seen.add(entity.start)
        marks.append((entity.root, entity.text))
    for token in sentence:
        if token.lower_ in _DAY_WORDS and token.ent_type_ not in ("DATE", "TIME"):
            marks.append((token, token.text))
    return marks


def _expressions(
    anchor: Token, speech_verbs: frozenset[str], marks: Sequence[tuple[Token, str]]
) -> list[tuple[int, int, str]]:
    """Date expressions that govern the anchor: (distance up the path, text). A date on
    the verb that reports the event ("officials said on Monday") dates the report."""
    path = [anchor]
    while path[-1].head != path[-1]:
        head = path[-1].head
        if path[-1].dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in speech_verbs:
            break
        path.append(head)
    found: list[tuple[int, int, str]] = []
    for root, text in marks:
        found.extend(_attached(root, text, path))
    return sorted(found)


def _attached(root: Token, text: str, path: list[Token]) -> list[tuple[int, int, str]]:
    """(distance up the path, hops from the expression to it, text): of two dates on the
    same verb the nearer one dates it ("sentenced on Monday for the 2019 killing")."""
    node = root
    for hops in range(4):
        if node in path:
            return [(path.index(node), hops, text)]
        if node.head == node or (node.dep_ == "pobj" and node.head.lower_ == "since"):
            break  # "has occupied the heights since 1967": when it began, not when it is
        node = node.head
    return []


def date_of(
    anchor: Token,
    published: date | None,
    status: Status,
    speech_verbs: frozenset[str] = frozenset(),
    marks: Sequence[tuple[Token, str]] | None = None,
) -> EventDate | None:
    """The event's date: from the text when an expression governs the trigger, else
    published. ``marks`` are the date expressions of the anchor's sentence, when the
    caller has them (``date_marks``)."""
    if published is None:
        return None
    if marks is None:
        marks = date_marks(anchor.sent)
    for _, _, text in _expressions(anchor, speech_verbs, marks):
        period = resolve(text, published, status)
        if period is not None:
            return EventDate(period.value, period.precision, "text")  # type: ignore[arg-type]
    return EventDate(published, "day", "published")


def historical(when: EventDate | None, published: date | None) -> bool:
    """Whether the text dates an event two or more calendar years before publication:
    background ("fought a war in 2006", "the 1994 genocide"), not news of the day.
    "Last year" and "since 2022" (an ongoing act) are not."""
    return (
        when is not None
        and published is not None
        and when.basis == "text"
        and when.value.year <= published.year - _HISTORY_YEARS
    )


def described_before(anchor: Token, when: EventDate | None, published: date | None) -> bool:
    """Whether an act is told in a relative clause dated three months or more before
    publication: it describes the actor or the thing, it is not the news ("The M23, which
    seized Goma early last year, rejected the accord", "freed the crew of a ship they
    seized last year"; "the gunmen, who abducted 40 schoolgirls last month, freed 12"
    keeps the abduction)."""
    if when is None or published is None or when.basis != "text":
        return False
    if (published - when.value).days < _BACKGROUND_DAYS:
        return False
    return any(n.dep_ == "relcl" for n in (anchor, *anchor.ancestors))
