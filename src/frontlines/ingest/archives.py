"""Readers for web archives (WARC) and saved news feeds (RSS/Atom files), offline.

A WARC yields one article per HTML response record, with the record's target URI as
the article's URL; the crawl date is not a publication date and is never used as one.
A feed file yields one article per entry that carries text (content or summary), with
the entry's own publication date.  Neither reader fetches anything.
"""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import FrontlinesError, InputError, MalformedRecordError
from ..records import Failure
from ..registry import readers
from .readers import Item, ReadOptions, _looks_like_feed, article_from_markup, looks_like_html, read_bytes


def _warc_records(path: Path) -> Iterator[Any]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream:
        try:
            yield from ArchiveIterator(stream)
        except ArchiveLoadFailed as exc:
            raise MalformedRecordError(f"not a readable WARC ({exc})", source=str(path)) from None
        except (ValueError, AttributeError, OSError, EOFError) as exc:  # warcio on truncated or odd records
            raise MalformedRecordError(f"broken WARC record ({type(exc).__name__}: {exc})", source=str(path)) from None


def _html_payload(record: Any, options: ReadOptions) -> str | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = record.http_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    body: bytes = record.content_stream().read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        raise InputError(f"record is over the limit of {options.max_bytes:,} bytes")
    charset = ctype.lower().partition("charset=")[2].split(";")[0].strip().strip('"') or "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"  # an unknown charset label: read it as UTF-8, replacing what does not decode
    return body.decode(charset, errors="replace")


@readers.register("warc", suffixes=(".warc", ".warc.gz"))
def read_warc(path: Path, options: ReadOptions, manifest: dict[str, dict[str, object]]) -> Iterator[Item]:
    """Every HTML response of a WARC (or .warc.gz) file."""
    found = 0
    for number, record in enumerate(_warc_records(path), 1):
        uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{number}"
        try:
            html = _html_payload(record, options)
            if html is not None:
                found += 1
                yield article_from_markup(html, uri, url=uri, **_meta(manifest.get(uri, {})))
        except FrontlinesError as exc:
            yield Failure(source=uri, stage="ingest", error=exc.code, message=exc.message)
    if not found:
        raise MalformedRecordError("no HTML response records in the WARC file", source=str(path))


def _meta(row: dict[str, object]) -> dict[str, object]:
    return {k: row[k] for k in ("title", "outlet", "published") if row.get(k)}


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]).isoformat() if parsed else None


def _entry_body(entry: Any) -> str | None:
    for content in entry.get("content") or ():
        if content.get("value"):
            return str(content["value"])
    return entry.get("summary") or None


def _is_feed(path: Path) -> bool:
    """.rss and .atom files are feeds; an .xml file is one when its head says so."""
    return path.suffix.lower() in {".rss", ".atom"} or _looks_like_feed(path)


@readers.register("feed", suffixes=(".rss", ".atom", ".xml"), sniff=_is_feed)
def read_feed(path: Path, options: ReadOptions, manifest: dict[str, dict[str, object]]) -> Iterator[Item]:
    """Every entry with text of a saved RSS or Atom file (the file is parsed, links are not followed)."""
    import feedparser

    data = read_bytes(path, options)
    feed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if feed.bozo and not feed.entries:
        raise MalformedRecordError(f"not a readable RSS/Atom feed ({feed.bozo_exception})", source=str(path))
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        source = entry.get("id") or entry.get("link") or f"{path}#{number}"
        body = _entry_body(entry)
        if not body:
            yield Failure(source=source, stage="ingest", error=MalformedRecordError.code,
                          message="feed entry has no content or summary")
            continue
        html = body if looks_like_html(body) else f"<html><body><p>{_escape(body)}</p></body></html>"
        try:
            yield article_from_markup(html, source, title=entry.get("title"), url=entry.get("link"),
                                      outlet=outlet, published=_entry_date(entry))
        except FrontlinesError as exc:
            yield Failure(source=source, stage="ingest", error=exc.code, message=exc.message)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
