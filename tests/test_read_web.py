"""Readers for HTML pages, RSS/Atom feeds, directories and gzip; non-English skipped."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from brinkwatch.errors import InputError
from brinkwatch.pipeline import Coder
from brinkwatch.read import read_all
from brinkwatch.read_web import outlet_from_url

PAGE = """<!DOCTYPE html>
<html><head><title>Border clash | The Lakeside Courier</title>
<meta property="og:title" content="Border clash leaves two soldiers wounded">
<meta property="og:site_name" content="The Lakeside Courier">
<meta property="og:url" content="https://www.lakeside-courier.test/world/border-clash">
<meta name="date" content="2025-05-20">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Border clash leaves two soldiers wounded</h1>
<p>Armenian and Azerbaijani troops exchanged fire along the border on Monday, the
defence ministry in Yerevan said in a statement released in the evening.</p>
<p>Two soldiers were wounded in the clash, which lasted about an hour before
commanders on both sides ordered their units to stop firing.</p>
<p>Diplomats said the incident would not derail the peace talks planned for June.</p>
</article>
<footer>Subscribe to our newsletter. All rights reserved.</footer>
</body></html>
"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Meridian Wire</title><link>https://meridian-wire.test</link>
<item><title>Police detain activists</title><link>https://meridian-wire.test/a/1</link>
<guid>mw-1</guid><pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Police in Minsk detained six activists on Monday.&lt;/p&gt;
</description></item>
<item><title>Talks resume</title><link>https://meridian-wire.test/a/2</link>
<guid>mw-2</guid><pubDate>Wed, 04 Jun 2025 09:30:00 GMT</pubDate>
<description>Serbia and Kosovo resumed talks in Brussels.</description></item>
</channel></rss>
"""

FRENCH = (
    "Les forces armées ont lancé une offensive contre les rebelles dans le nord du pays, "
    "a déclaré le ministre de la Défense lors d'une conférence de presse mardi soir. "
    "Plusieurs villages ont été repris selon les autorités locales."
)


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "clash.html"
    path.write_text(PAGE, encoding="utf-8")
    (document,) = read_all([str(path)])
    assert document.doc_id == "clash"
    assert document.title == "Border clash leaves two soldiers wounded"
    assert document.outlet == "The Lakeside Courier"
    assert document.published_at == date(2025, 5, 20)
    assert "exchanged fire along the border" in document.text
    assert "Subscribe" not in document.text and "Sport" not in document.text


def test_feed_entries_are_documents(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(FEED, encoding="utf-8")
    first, second = read_all([str(path)])
    assert first.text == "Police in Minsk detained six activists on Monday."
    assert (first.title, first.url, first.outlet) == (
        "Police detain activists",
        "https://meridian-wire.test/a/1",
        "Meridian Wire",
    )
    assert first.published_at == date(2025, 6, 3) and second.published_at == date(2025, 6, 4)
    assert first.doc_id != second.doc_id


def test_directory_recursive_and_gzip(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (tmp_path / "one.txt").write_text("Troops withdrew from the town.", encoding="utf-8")
    (nested / "two.jsonl.gz").write_bytes(
        gzip.compress(
            b'{"id": "g1", "text": "Rebels freed two hostages.", "url": "https://www.x-news.test/p"}\n'
        )
    )
    (nested / "notes.bin").write_bytes(b"\x00\x01")
    documents = read_all([str(tmp_path)])
    assert [d.doc_id for d in documents] == ["g1", "one"]
    assert documents[0].outlet == "x-news.test"


def test_bad_gzip_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match=r"broken\.txt\.gz: not a valid gzip file"):
        read_all([str(path)])


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no readable files"):
        read_all([str(tmp_path)])


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.bbc.co.uk/news/world-1") == "bbc.co.uk"
    assert outlet_from_url(None) is None


def test_non_english_document_is_skipped_with_a_warning(coder: Coder) -> None:
    coded = coder.code_text(FRENCH, doc_id="fr")
    assert coded.events == ()
    assert coded.language == "fr"
    assert coded.warnings == ("skipped: the text is in language 'fr', not English",)
