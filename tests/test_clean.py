"""clean: offsets kept, repeated title dropped, headings kept apart from the body."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brinkwatch.clean import filed_on, normalise, split_blocks, title_of
from brinkwatch.records import Document

ARTICLE = (
    "Border Guards Trade Fire After Midnight Standoff\n\n"
    "Border Guards Trade Fire After Midnight Standoff\n\n"
    "Guards from both countries exchanged fire on Tuesday, officials said.\n\n"
    "What Comes Next\n\n"
    "Talks are planned for next week in Tbilisi.\n"
)


def test_title_printed_twice_is_one_block() -> None:
    document = Document(doc_id="d", text=ARTICLE)
    blocks = split_blocks(document)
    kinds = [block.kind for block in blocks]
    assert kinds == ["title", "body", "heading", "body"]
    assert title_of(document, blocks) == "Border Guards Trade Fire After Midnight Standoff"
    assert ARTICLE[blocks[1].start : blocks[1].end].startswith("Guards from both")


def test_given_title_repeated_in_text_is_the_title_block() -> None:
    document = Document(
        doc_id="d", text="Ceasefire Holds\n\nThe ceasefire held.", title="Ceasefire Holds"
    )
    assert [b.kind for b in split_blocks(document)] == ["title", "body"]


def test_heading_directly_above_paragraph_is_split_off() -> None:
    text = "A first sentence here.\n\nRebels Take Town\nRebels took the town of Kidal on Sunday."
    blocks = split_blocks(Document(doc_id="d", text=text))
    assert [b.kind for b in blocks] == ["body", "heading", "body"]
    assert text[blocks[1].start : blocks[1].end] == "Rebels Take Town"


@pytest.mark.parametrize(
    ("first", "body"),
    [
        ("NIAMEY, June 9 (Reuters) - Soldiers closed the airport.", "Soldiers closed"),
        ("LA PAZ, Bolivia (AP) \u2014 Miners marched on Monday.", "Miners marched"),
        ("DILI, Timor-Leste, Feb 2, 2025 (AFP) -- Police fired.", "Police fired"),
        ("Bamako, Mali (AFP) - Soldiers closed the airport.", "Soldiers closed"),
        ("NATO - the alliance met on Monday.", "NATO - the"),
        ("OSLO - Norway recalled its envoy.", "Norway recalled"),
        ("NATO - The alliance met on Monday.", "The alliance"),
    ],
)
def test_dateline_is_no_part_of_the_first_paragraph(first: str, body: str) -> None:
    text = f"{first}\n\nThe talks ended in Kigali.\n"
    blocks = split_blocks(Document(doc_id="d", text=text, title="Headline"))
    assert text[blocks[0].start : blocks[0].end].startswith(body)
    assert text[blocks[1].start :].startswith("The talks")


@pytest.mark.parametrize(
    ("text", "filed"),
    [
        ("QUITO, Feb. 3, 2011 (Reuters) - Ecuador recalled its envoy.", date(2011, 2, 3)),
        ("HANOI, Sept. 30, 1999 (AP) - Vietnam freed two priests.", date(1999, 9, 30)),
        ("ACCRA, March 4 (Reuters) - Ghana recalled its envoy.", None),  # no year
        ("HANOI, May 3, 2011 (AP) - Vietnam freed two priests.", date(2011, 5, 3)),
        ("Ghana recalled its envoy on March 4, 2011.", None),  # a date, but no dateline
    ],
)
def test_a_dated_dateline_says_when_the_story_was_filed(text: str, filed: date | None) -> None:
    document = Document(doc_id="d", text=text)
    assert filed_on(document, split_blocks(document)) == filed


def test_normalise_keeps_length_and_folds_quotes() -> None:
    text = "\u201cWe will respond,\u201d he said \u2014 and\u00a0left\u2026"
    folded = normalise(text)
    assert len(folded) == len(text)
    assert folded == '"We will respond," he said - and left.'


@given(st.text())
def test_normalise_never_changes_length(text: str) -> None:
    assert len(normalise(text)) == len(text)
