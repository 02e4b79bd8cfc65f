"""read (web): HTML pages and RSS/Atom feeds as documents, and outlets from URLs.

An HTML page's document text is its main text as trafilatura extracts it (so spans
point into that text); title, date, URL and outlet come from the page's metadata.
Each feed entry is a document with its link, date and the feed's outlet.
"""

from __future__ import annotations

import hashlib
import html
import re
from datetime import date
from urllib.parse import urlparse

from brinkwatch.errors import InputError
from brinkwatch.read import parse_date
from brinkwatch.records import Document

_TAG = re.compile(r"<[^>]+>")


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL belongs to: its host without 'www.' ('bbc.co.uk')."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _strip_html(fragment: str) -> str:
    text = _TAG.sub(" ", fragment)
    return re.sub(r"[ \t]+", " ", html.unescape(text)).strip()


def document_from_html(text: str, origin: str, doc_id: str) -> Document:
    """The main text and metadata of one HTML page."""
    import trafilatura

    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise InputError(f"{origin}: no article text found in this HTML page")
    url = getattr(extracted, "url", None)
    published: date | None = None
    raw_date = getattr(extracted, "date", None)
    if raw_date:
        published = parse_date(raw_date, origin)
    outlet = getattr(extracted, "sitename", None) or outlet_from_url(url)
    return Document(
        doc_id=doc_id,
        text=body,
        title=getattr(extracted, "title", None) or None,
        url=url or None,
        outlet=outlet,
        published_at=published,
        origin=origin,
    )


def documents_from_feed(text: str, origin: str) -> list[Document]:
    """Each entry of an RSS or Atom feed as a document."""
    import feedparser

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        raise InputError(f"{origin}: not a readable RSS or Atom feed ({feed.bozo_exception})")
    outlet = feed.feed.get("title") or outlet_from_url(feed.feed.get("link"))
    documents = []
    for number, entry in enumerate(feed.entries, start=1):
        content = entry.get("content") or []
        raw = content[0].get("value", "") if content else entry.get("summary", "")
        body = _strip_html(raw)
        if not body:
            continue
        link = entry.get("link")
        key = entry.get("id") or link or f"{origin}#{number}"
        stamp = entry.get("published") or entry.get("updated")
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(*parsed[:3]) if parsed else (parse_date(stamp, origin) if stamp else None)
        documents.append(
            Document(
                doc_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
                text=body,
                title=_strip_html(entry.get("title", "")) or None,
                url=link,
                outlet=outlet or outlet_from_url(link),
                published_at=published,
                origin=f"{origin}#{number}",
            )
        )
    if not documents:
        raise InputError(f"{origin}: the feed has no entries with text")
    return documents
