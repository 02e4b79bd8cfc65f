"""read: plain text, JSON Lines, stdin and the errors bad input gets."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brinkwatch.errors import InputError
from brinkwatch.read import read_all, read_path
from brinkwatch.records import Document


def test_text_file_doc_id_is_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "kyiv_report.txt"
    path.write_text("Drones hit a depot.\n", encoding="utf-8")
    (document,) = read_all([str(path)], published_at=date(2025, 3, 4))
    assert document.doc_id == "kyiv_report"
    assert document.text == "Drones hit a depot.\n"
    assert document.published_at == date(2025, 3, 4)


def test_jsonl_fields_and_own_date_win(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    rows = [
        {
            "id": "a1",
            "text": "Talks began.",
            "title": "Talks",
            "outlet": "Ledger",
            "url": "https://x.test/a1",
            "published_at": "2024-05-06",
        },
        {"id": 7, "text": "Troops withdrew."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = read_all([str(path)], published_at=date(2025, 1, 1))
    assert (first.doc_id, first.title, first.outlet, first.url) == (
        "a1",
        "Talks",
        "Ledger",
        "https://x.test/a1",
    )
    assert first.published_at == date(2024, 5, 6)
    assert second.doc_id == "7" and second.published_at == date(2025, 1, 1)


def test_stdin_plain_text_and_jsonl() -> None:
    (plain,) = read_path("-", io.StringIO("Police detained four men."))
    assert plain.doc_id == "stdin" and plain.text == "Police detained four men."
    (line,) = read_path("-", io.StringIO('{"id": "s", "text": "A protest was held."}\n'))
    assert line.doc_id == "s"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"\xff\xfe\xfa text", "not UTF-8"),
    ],
)
def test_bad_text_files_name_the_input(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        read_all([str(path)])
    assert str(path) in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        read_all([str(tmp_path / "nope.txt")])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('["a", "b"]', "must be an object"),
        ('{"id": "x"}', "no non-empty 'text'"),
        ('{"text": "Troops moved."}', "has no 'id'"),
        ('{"id": "x", "text": "T.", "published_at": "last Tuesday"}', "not a YYYY-MM-DD date"),
    ],
)
def test_bad_jsonl_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read_all([str(path)])
    assert f"{path}:2" in str(caught.value)


@given(
    st.text(min_size=1).filter(
        lambda t: (
            t.strip()
            and "\x00" not in t
            and not t.startswith("\ufeff")
            and not t.lstrip().startswith("<")
        )
    )
)
def test_any_text_round_trips_exactly(text: str) -> None:
    """Any plain text reads back exactly (a leading byte-order mark is dropped, as it
    should; text opening like a page or JSON is read as one, tested elsewhere)."""
    (document,) = read_path("-", io.StringIO(text)) if not text.lstrip().startswith("{") else [None]  # type: ignore[list-item]
    if document is not None:
        assert document.text == text


def test_document_takes_an_iso_date_given_as_text() -> None:
    assert Document(doc_id="a", text="x", published_at="2024-06-30").published_at == date(
        2024, 6, 30
    )
    with pytest.raises(InputError, match="document b: published_at 'last week'"):
        Document(doc_id="b", text="x", published_at="last week")


def test_a_byte_order_mark_is_dropped_and_alone_is_empty() -> None:
    (document,) = read_path("-", io.StringIO("\ufeffRebels shelled Goma."))
    assert document.text == "Rebels shelled Goma."
    with pytest.raises(InputError, match="is empty"):
        read_path("-", io.StringIO("\ufeff"))
