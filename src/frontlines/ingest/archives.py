"""Readers for web archives (WARC) and saved news feeds (RSS/Atom files), offline.

A WARC yields one article per HTML response record, with the record's target URI as
the article's URL; the crawl date is not a publication date and is never used as one.
A feed file yields one article per entry that carries text (content or summary), with
the entry's own publication date.  Neither reader fetches anything.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import FrontlinesError, InputError, MalformedRecordError, TooLargeError, shown
from ..records import Failure
from ..registry import readers
from .readers import Item, ReadOptions, _looks_like_feed, article_from_markup, looks_like_html, read_bytes

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

#: a .warc.gz may decompress to at most this many times its size (plus the document limit): web
#: pages compress 5 to 10 times; a "zip bomb" a thousand times
MAX_GZIP_RATIO = 100


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


class _Bounded(io.RawIOBase):
    """A stream that refuses to hand out more than ``limit`` bytes (a decompression bomb)."""

    def __init__(self, stream: _Readable, limit: int, source: str) -> None:
        self.stream, self.limit, self.source, self.count = stream, limit, source, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer)
        data = self.stream.read(len(view))
        self.count += len(data)
        if self.count > self.limit:
            raise TooLargeError(f"decompresses to more than {self.limit:,} bytes ({MAX_GZIP_RATIO} times its size "
                                "plus --max-bytes): a compression bomb, or raise --max-bytes", source=self.source)
        view[: len(data)] = data
        return len(data)


def _short(exc: BaseException) -> str:
    return shown(" ".join(str(exc).split())[:200])


def _warc_records(path: Path, options: ReadOptions) -> Iterator[Any]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as raw:
        compressed = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        if compressed:  # decompressed here, so that the bytes it yields can be counted
            size = path.stat().st_size
            bounded = _Bounded(gzip.GzipFile(fileobj=raw), MAX_GZIP_RATIO * size + options.max_bytes, str(path))
            stream: io.BufferedReader[_Bounded] | io.BufferedReader = io.BufferedReader(bounded)
        else:
            stream = raw
        try:
            if not stream.peek(5)[:5].startswith(b"WARC/"):
                raise MalformedRecordError("not a WARC file (it does not begin with 'WARC/')", source=str(path))
            yield from ArchiveIterator(stream)
        except ArchiveLoadFailed as exc:
            raise MalformedRecordError(f"not a readable WARC ({_short(exc)})", source=str(path)) from None
        except (ValueError, AttributeError, OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
            # warcio on truncated or odd records
            raise MalformedRecordError(f"broken WARC record ({type(exc).__name__}: {_short(exc)})",
                                       source=str(path)) from None


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
    for number, record in enumerate(_warc_records(path, options), 1):
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
    # plain dict lookups: feedparser's own maps a missing key to another with a DeprecationWarning
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    return dt.date(*parsed[:3]).isoformat() if parsed else None


def _entry_body(entry: Any) -> tuple[str, bool] | None:
    """The entry's body (content:encoded or content before summary) and whether it is markup."""
    details = [*(entry.get("content") or ()), entry.get("summary_detail") or {}]
    for detail in details:
        value = detail.get("value")
        if value:
            kind = str(detail.get("type") or "")
            return str(value), "html" in kind or bool(_MARKUP.search(str(value)))
    summary = entry.get("summary")
    return (str(summary), bool(_MARKUP.search(str(summary)))) if summary else None


_MARKUP = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")


def _is_feed(path: Path) -> bool:
    """.rss and .atom files are feeds; an .xml file is one when its head says so."""
    return path.suffix.lower() in {".rss", ".atom"} or _looks_like_feed(path)


@readers.register("feed", suffixes=(".rss", ".atom", ".xml"), sniff=_is_feed)
def read_feed(path: Path, options: ReadOptions, manifest: dict[str, dict[str, object]]) -> Iterator[Item]:
    """Every entry with text of a saved RSS or Atom file (the file is parsed, links are not followed)."""
    import feedparser

    data = _CHAR_REF.sub(_valid_ref, read_bytes(path, options))
    try:
        feed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    except (ValueError, TypeError, LookupError, OverflowError) as exc:  # feedparser on hostile markup
        raise MalformedRecordError(f"not a readable RSS/Atom feed ({type(exc).__name__}: {_short(exc)})",
                                   source=str(path)) from None
    if feed.bozo and not feed.entries:
        raise MalformedRecordError(f"not a readable RSS/Atom feed ({feed.bozo_exception})", source=str(path))
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        source = entry.get("id") or entry.get("link") or f"{path}#{number}"
        found = _entry_body(entry)
        if not found:
            yield Failure(source=source, stage="ingest", error=MalformedRecordError.code,
                          message="feed entry has no content or summary")
            continue
        body, markup = found
        if looks_like_html(body):
            html = body
        elif markup:  # content:encoded and HTML summaries are fragments: their tags are markup, not text
            html = f"<html><body>{body}</body></html>"
        else:
            html = f"<html><body><p>{_escape(body)}</p></body></html>"
        try:
            yield article_from_markup(html, source, title=entry.get("title"), url=entry.get("link"),
                                      outlet=outlet, published=_entry_date(entry))
        except FrontlinesError as exc:
            yield Failure(source=source, stage="ingest", error=exc.code, message=exc.message)


_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")


def _valid_ref(match: re.Match[bytes]) -> bytes:
    """A numeric character reference kept if it names a character, else U+FFFD (feedparser
    raises on ``&#x110000;``)."""
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    return match.group(0) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else b"&#xFFFD;"


def _escape(text: str) -> str:
    import html

    return html.escape(text)
