"""Readers for the offline input kinds: text files, HTML files, folders, JSON Lines and CSV.

Each reader yields ``Article`` or ``Failure`` records; one bad document never stops
the batch.  Readers are registered in ``frontlines.registry.readers`` by name.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FrontlinesError,
    InputError,
    MalformedRecordError,
    TooLargeError,
    UnsupportedInputError,
    shown,
)
from ..records import Article, Failure, text_id
from ..registry import readers
from .dates import parse_published

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".warc", ".rss", ".atom"})
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: the most text one document may have: coding time grows with it (about a minute per 500,000
#: characters on one core), and a news report is a few thousand; a longer text is a dump or a
#: book, refused with a clear error rather than coded for hours
DEFAULT_MAX_CHARS = 500_000

Item = Article | Failure


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read: size limits (of a file, of one document's text) and the encoding to assume."""

    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str = "utf-8"
    max_chars: int = DEFAULT_MAX_CHARS
    #: a text over ``max_chars`` is cut into parts (:mod:`frontlines.ingest.parts`), not refused
    split_long: bool = False


def read_bytes(path: Path, options: ReadOptions) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", source=str(path)) from None
    if size > options.max_bytes:
        raise TooLargeError(
            f"file is {size:,} bytes, over the limit of {options.max_bytes:,} "
            "(raise it with --max-bytes)",
            source=str(path),
        )
    return path.read_bytes()


#: byte-order marks, longest first: a BOM names the encoding whatever --encoding says
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def sniff_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark (or the zero bytes of BOM-less UTF-16 text) announces."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            return codec
    sample = head[:4096]
    if len(sample) >= 16:
        sample = sample[: len(sample) // 2 * 2]
        odd, even = sample[1::2], sample[0::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be"
    return None


def decode(data: bytes, source: str, options: ReadOptions) -> str:
    """Decode document bytes, refusing binary data and text in another encoding."""
    if not data.strip():
        raise EmptyInputError("document is empty", source=source)
    head = data[:8192]
    sniffed = sniff_encoding(head)
    if sniffed is not None:
        options = replace(options, encoding=sniffed)
    elif b"\x00" in head:
        raise BinaryInputError("binary data, not a text or HTML document", source=source)
    try:
        text = data.decode(_codec(options))
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid {options.encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save it as UTF-8 or pass --encoding",
            source=source,
        ) from None
    except LookupError:
        raise EncodingError(f"unknown encoding {options.encoding!r}", source=source) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\t\f\v")
    if controls > max(8, len(text[:8192]) // 20):
        raise BinaryInputError("binary data, not a text or HTML document", source=source)
    if not text.strip():
        raise EmptyInputError("document is empty", source=source)
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _given(value: object) -> str | None:
    """A metadata value as given (a string), or None when it is missing or empty."""
    return str(value) if value not in (None, "") else None


def article_from_text(text: str, source: str, *, title: object = None, url: object = None, outlet: object = None,
                      author: object = None, published: object = None) -> Article:
    """Build an Article from plain text and known metadata (unknown fields stay None)."""
    try:
        published_on, precision = parse_published(published, source)
        basis = "given" if published_on else "unknown: not given"
    except MalformedRecordError as exc:
        published_on, precision, basis = None, None, f"unknown: the given date was refused ({exc.message})"
    return Article(
        id=text_id(text),
        text=text,
        source=source,
        published=published_on,
        published_precision=precision,
        published_basis=basis,
        title=_given(title), url=_given(url), outlet=_given(outlet), author=_given(author),
    )


def article_from_markup(html: str, source: str, *, title: object = None, url: object = None, outlet: object = None,
                        author: object = None, published: object = None) -> Article:
    """Build an Article from HTML: text and metadata from the markup, then the given metadata."""
    from .html import article_from_html

    article = article_from_html(html, source, url=_given(url), outlet=_given(outlet))
    given = article_from_text(article.text, source, title=title, url=url, outlet=outlet, author=author,
                              published=published)
    return replace(
        article,
        title=given.title or article.title,
        url=given.url or article.url,
        outlet=given.outlet or article.outlet,
        author=given.author or article.author,
        published=given.published or article.published,
        published_precision=given.published_precision if given.published else article.published_precision,
        published_basis=given.published_basis if given.published else article.published_basis,
    )


def _meta_fields(row: dict[str, object]) -> dict[str, object]:
    keys = ("title", "url", "outlet", "author", "published")
    return {k: row.get(k) for k in keys if row.get(k) not in (None, "")}


#: formats frontlines does not read, by suffix and by magic bytes: the fix for each
UNSUPPORTED = {
    ".pdf": "PDF is not supported; convert it to text (e.g. pdftotext) and run again",
    ".docx": "Word documents are not supported; save it as text or HTML and run again",
    ".doc": "Word documents are not supported; save it as text or HTML and run again",
    ".odt": "OpenDocument text is not supported; save it as text or HTML and run again",
    ".rtf": "RTF is not supported; save it as text or HTML and run again",
    ".epub": "EPUB is not supported; convert it to text or HTML and run again",
    ".json": "a JSON file is not a corpus; write one object per line as JSON Lines (.jsonl)",
    ".xml": "XML that is not an RSS or Atom feed is not supported",
    ".zip": "archives are not unpacked; extract the files and run on the folder",
    ".gz": "compressed files other than .warc.gz are not unpacked; decompress it first",
}
MAGIC = (
    (b"%PDF-", UNSUPPORTED[".pdf"]),
    (b"PK\x03\x04", "a ZIP container (Word, OpenDocument, EPUB or .zip) is not supported; "
                     "save it as text or HTML and run again"),
    (b"\xd0\xcf\x11\xe0", UNSUPPORTED[".doc"]),
    (b"{\\rtf", UNSUPPORTED[".rtf"]),
    (b"\x1f\x8b", UNSUPPORTED[".gz"]),
)


def unsupported_reason(path: Path, head: bytes) -> str | None:
    """Why frontlines does not read this file, or None when it may be a text or HTML document."""
    for magic, reason in MAGIC:
        if head.startswith(magic):
            return reason
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        return UNSUPPORTED[suffix]
    if suffix and suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and not _plain_text(head):
        return (f"unsupported file type {suffix!r} (binary data); frontlines reads text, HTML, "
                "JSON Lines, CSV, WARC and RSS/Atom files")
    return None


def _plain_text(head: bytes) -> bool:
    if sniff_encoding(head) is not None:
        return True
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # a character cut by the end of the sample
    return True


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8192)
    except OSError:
        return b""


@readers.register("file", suffixes=tuple(TEXT_SUFFIXES | HTML_SUFFIXES))
def read_file(path: Path, options: ReadOptions, manifest: dict[str, dict[str, object]]) -> Iterator[Item]:
    """A single text or HTML document (a file without a suffix is read when its bytes are text)."""
    source = str(path)
    try:
        reason = unsupported_reason(path, _head(path))
        if reason is not None:
            raise UnsupportedInputError(reason, source=source)
        text = decode(read_bytes(path, options), source, options)
        meta = _meta_fields(manifest.get(path.name, {}))
        if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
            yield article_from_markup(text, source, **meta)
        else:
            yield article_from_text(text, source, **meta)
    except FrontlinesError as exc:
        yield Failure(source=source, stage="ingest", error=exc.code, message=exc.message)


def _corpus_row(row: object, source: str) -> Article:
    if not isinstance(row, dict):
        raise MalformedRecordError("row is not a JSON object", source=source)
    body = row.get("text") or row.get("html")
    if not isinstance(body, str) or not body.strip():
        raise MalformedRecordError("row has no 'text' or 'html'", source=source)
    meta = _meta_fields(row)
    if row.get("text"):
        return article_from_text(body.replace("\r\n", "\n"), source, **meta)
    return article_from_markup(body, source, **meta)


@readers.register("jsonl", suffixes=(".jsonl", ".ndjson"))
def read_jsonl(path: Path, options: ReadOptions, manifest: dict[str, dict[str, object]]) -> Iterator[Item]:
    """A JSON Lines corpus: one object per line with id, text or html, and metadata."""
    handle, options = _open_corpus(path, options)
    with handle:
        for number, raw in enumerate(_bounded_lines(handle.buffer, options.max_bytes), 1):
            source = f"{path}:{number}"
            if raw is None:
                yield Failure(source=source, stage="ingest", error=TooLargeError.code,
                              message=f"line {number} is over the limit of {options.max_bytes:,} bytes "
                                      "(raise it with --max-bytes)")
                continue
            try:
                line = raw.decode(_codec(options), errors="strict")
            except UnicodeDecodeError as exc:
                yield Failure(source=source, stage="ingest", error=EncodingError.code,
                              message=f"line {number} is not valid {options.encoding} (byte 0x{raw[exc.start]:02x}); "
                                      "re-save the corpus as UTF-8 or pass --encoding")
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                source = str(row.get("id") or source) if isinstance(row, dict) else source
                yield _corpus_row(row, source)
            except json.JSONDecodeError as exc:
                yield Failure(source=source, stage="ingest", error=MalformedRecordError.code,
                              message=f"line {number} is not valid JSON ({exc.msg})")
            except RecursionError:
                yield Failure(source=source, stage="ingest", error=MalformedRecordError.code,
                              message=f"line {number} nests JSON too deep to read")
            except FrontlinesError as exc:
                yield Failure(source=source, stage="ingest", error=exc.code, message=exc.message)


def _bounded_lines(raw: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of a file, None for each line longer than ``limit`` (never held in memory whole)."""
    while line := raw.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := raw.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass  # the rest of an over-long line, skipped a megabyte at a time
        yield None


class _Lines:
    """The lines of a binary file from a given line and offset, decoded one by one, remembering
    where the current CSV record began so that a reader can start again after a bad one."""

    def __init__(self, raw: IO[bytes], codec: str, first_line: int, offset: int, limit: int) -> None:
        raw.seek(offset)
        self.raw, self.codec, self.limit = raw, codec, limit
        self.number = first_line - 1  # the last line handed out
        self.pos = offset  # the offset after it
        self.record_start = first_line
        self.offsets: dict[int, int] = {}  # line → offset, for the lines of the current record
        self.bad: set[int] = set()  # lines that did not decode

    def __iter__(self) -> Iterator[str]:
        # a line longer than the limit comes in pieces; the CSV field limit then refuses the record
        while line := self.raw.readline(self.limit + 1):
            self.number += 1
            self.offsets[self.number] = self.pos
            self.pos += len(line)
            try:
                yield line.decode(self.codec)
            except UnicodeDecodeError:
                self.bad.add(self.number)
                yield line.decode(self.codec, errors="replace")

    def record_lines(self) -> range:
        """The lines of the record just read; the next record starts after them."""
        span = range(self.record_start, self.number + 1)
        self.record_start, self.offsets = self.number + 1, {}
        return span


#: a CSV file with more broken records than this is abandoned (each recovery re-reads the rest)
MAX_CSV_RECOVERIES = 100


@readers.register("csv", suffixes=(".csv",))
def read_csv(path: Path, options: ReadOptions, manifest: dict[str, dict[str, object]]) -> Iterator[Item]:
    """A CSV corpus with a header row naming id, text or html, and metadata columns.

    A malformed record (an unterminated quote swallows the rest of the file) is a Failure
    naming its line, and reading starts again on the line after the one where it began, so
    the valid rows after it are kept."""
    if csv.field_size_limit() < options.max_bytes:
        csv.field_size_limit(options.max_bytes)  # one field may hold a whole document
    handle, options = _open_corpus(path, options)
    with handle:
        codec = _codec(options)
        lines = _Lines(handle.buffer, codec, 1, 0, options.max_bytes)
        try:
            header = next(csv.reader(lines, strict=True))
        except StopIteration:
            raise EmptyInputError("CSV corpus is empty", source=str(path)) from None
        except csv.Error as exc:
            raise MalformedRecordError(f"CSV header is malformed ({exc})", source=str(path)) from None
        if not {"text", "html"} & set(header):
            raise MalformedRecordError("CSV header has no 'text' or 'html' column", source=str(path))
        lines.record_lines()
        number, recoveries = 1, 0
        while True:
            reader = csv.DictReader(lines, fieldnames=header, strict=True)
            try:
                for row in reader:
                    number += 1
                    if set(lines.record_lines()) & lines.bad:
                        yield Failure(source=row.get("id") or f"{path}:{number}", stage="ingest",
                                      error=EncodingError.code,
                                      message=f"row {number} is not valid {options.encoding}; re-save the corpus "
                                              "as UTF-8 or pass --encoding")
                        continue
                    yield _csv_row(row, number, path)
                return
            except csv.Error as exc:
                number += 1
                first = lines.record_start
                restart = first + 1
                recoveries += 1
                give_up = recoveries > MAX_CSV_RECOVERIES
                then = "the rest of the file is skipped" if give_up else f"reading goes on at line {restart}"
                yield Failure(source=f"{path}:{first}", stage="ingest", error=MalformedRecordError.code,
                              message=f"CSV row {number} (line {first}) is malformed ({exc}); {then}")
                if give_up or restart not in lines.offsets:
                    return
                lines = _Lines(handle.buffer, codec, restart, lines.offsets[restart], options.max_bytes)


def _csv_row(row: dict[str | None, str], number: int, path: Path) -> Item:
    source = row.get("id") or f"{path}:{number}"
    try:
        if None in row:
            raise MalformedRecordError(f"row {number} has more fields than the header", source=source)
        return _corpus_row(row, source)
    except FrontlinesError as exc:
        return Failure(source=source, stage="ingest", error=exc.code, message=exc.message)


def _open_corpus(path: Path, options: ReadOptions) -> tuple[io.TextIOWrapper[IO[bytes]], ReadOptions]:
    """The corpus file and the options to read it with; UTF-16/32 (named by a byte-order mark)
    is re-encoded as UTF-8 on the way, so that the line-by-line readers see UTF-8 lines."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open ({exc.strerror})", source=str(path)) from None
    head = handle.read(4096)
    handle.seek(0)
    sniffed = sniff_encoding(head)
    if sniffed is not None and sniffed != "utf-8-sig":
        return _transcoded(handle, sniffed, path), replace(options, encoding="utf-8")
    if b"\x00" in head:
        handle.close()
        raise BinaryInputError("binary data, not a JSON Lines or CSV corpus", source=str(path))
    return io.TextIOWrapper(handle, encoding=_codec(options), errors="strict", newline=""), options


def _transcoded(handle: IO[bytes], codec: str, path: Path) -> io.TextIOWrapper[IO[bytes]]:
    out = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the caller, who closes it
    try:
        with io.TextIOWrapper(handle, encoding=codec, errors="strict", newline="") as text:
            while chunk := text.read(1 << 20):
                out.write(chunk.encode("utf-8"))
    except UnicodeDecodeError as exc:
        out.close()
        raise EncodingError(f"not valid {codec} ({exc.reason}); re-save the corpus as UTF-8",
                            source=str(path)) from None
    out.seek(0)
    return io.TextIOWrapper(out, encoding="utf-8", errors="strict", newline="")


def _codec(options: ReadOptions) -> str:
    """The codec for the chosen encoding (UTF-8 tolerates a byte-order mark)."""
    return "utf-8-sig" if options.encoding.lower().replace("_", "-") in {"utf-8", "utf8"} else options.encoding


def reader_for(path: Path) -> str | None:
    """The registered reader that claims ``path``: the longest suffix it was registered with
    that ends the file name, confirmed by the reader's ``sniff(path)`` when it has one."""
    name = path.name.lower()
    claims = sorted(((len(suffix), reader) for reader in readers.names()
                     for suffix in readers.info(reader).get("suffixes", ()) if name.endswith(suffix)),
                    reverse=True)
    for _length, reader in claims:
        sniff = readers.info(reader).get("sniff")
        if sniff is None or sniff(path):
            return reader
    return None


def _looks_like_feed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(2048).lower()
    except OSError:
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def iter_files(root: Path, skip: Path | Iterable[Path] | None = None) -> Iterator[Path]:
    """Every entry under a folder, in a stable order, skipping hidden names and the manifest.

    Nothing is left out silently: files of any type, broken links and links back to a folder
    already walked are all yielded, and the reader names what it cannot read.  Links to
    folders are followed once (a link loop ends there)."""
    skips = [skip] if isinstance(skip, Path) else list(skip or ())
    skip_real = {os.path.realpath(p) for p in skips}
    seen: set[tuple[int, int]] = set()
    with_key = _folder_key(root)
    if with_key is not None:
        seen.add(with_key)
    stack = [iter(_entries(root))]
    while stack:
        for path in stack[-1]:
            if path.is_dir():  # follows links
                key = _folder_key(path)
                if key is None or key in seen:
                    yield path  # unreadable, or a link back to a folder already walked: a failure
                    continue
                seen.add(key)
                stack.append(iter(_entries(path)))
                break
            if not skip_real or os.path.realpath(path) not in skip_real:
                yield path
        else:
            stack.pop()


def _folder_key(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError:
        return []


def entry_problem(path: Path) -> Failure | None:
    """A Failure for an entry that is not a file to read: a broken link, a link loop, a folder
    reached again through a link; None for a file."""
    source = str(path)
    if path.is_symlink():
        try:
            path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return Failure(source=source, stage="ingest", error=InputError.code,
                               message="symbolic link loop; skipped")
            return Failure(source=source, stage="ingest", error=InputError.code,
                           message=f"broken symbolic link to {shown(os.readlink(path))!s}; skipped")
    if path.is_dir():
        reason = "a link to a folder already read" if path.is_symlink() else "a folder that cannot be listed"
        return Failure(source=source, stage="ingest", error=InputError.code, message=f"{reason}; skipped")
    if path.exists() and not path.is_file():
        return Failure(source=source, stage="ingest", error=UnsupportedInputError.code,
                       message="not a regular file (device, pipe or socket); skipped")
    return None


def load_manifest(path: Path | None) -> dict[str, dict[str, object]]:
    """The sidecar manifest: JSON Lines of {file, outlet, published, url, title} by file name."""
    if path is None:
        return {}
    entries: dict[str, dict[str, object]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read manifest ({exc})", source=str(path)) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecordError(f"manifest line {number} is not valid JSON ({exc.msg})",
                                       source=str(path)) from None
        name = row.get("file") if isinstance(row, dict) else None
        if not isinstance(name, str):
            raise MalformedRecordError(f"manifest line {number} has no 'file'", source=str(path))
        entries[Path(name).name] = row
    return entries


def read_inputs(inputs: Iterable[Path], *, manifest: Path | None = None,
                options: ReadOptions | None = None, skip: Iterable[Path] = ()) -> Iterator[Item]:
    """Every document of the given files, folders and corpora, as Article or Failure records.

    ``skip``: files a folder may hold that are not inputs (the run's own database)."""
    options = options or ReadOptions()
    entries = load_manifest(manifest)
    from . import archives  # noqa: F401 - registers the WARC and feed readers

    for given in inputs:
        if not given.exists() and not given.is_symlink():
            yield Failure(source=str(given), stage="ingest", error=InputError.code, message="no such file or folder")
            continue
        not_inputs = [*([manifest] if manifest else []), *skip]
        paths = iter_files(given, skip=not_inputs) if given.is_dir() else iter([given])
        for path in paths:
            problem = entry_problem(path)
            if problem is not None:
                yield problem
                continue
            for item in _read_one(path, options, entries):
                yield _with_source_id(item, path, given)


def _with_source_id(item: Item, path: Path, given: Path) -> Item:
    """The document's own id as the user gave it: a corpus row's id (or WARC/feed URI), else the
    file's path relative to the folder given (its name when the file itself was given)."""
    if not isinstance(item, Article) or item.source_id is not None:
        return item
    rel = path.relative_to(given).as_posix() if given.is_dir() else path.name
    where = str(path)
    if item.source == where:
        return replace(item, source_id=rel)
    if item.source.startswith((f"{where}:", f"{where}#")):  # a row or record without an id of its own
        return replace(item, source_id=rel + item.source[len(where):])
    return replace(item, source_id=item.source)


def _within_limit(item: Item, options: ReadOptions) -> Iterator[Item]:
    if not isinstance(item, Article) or len(item.text) <= options.max_chars:
        yield item
    elif options.split_long:
        from .parts import split_article

        yield from split_article(item, options.max_chars)
    else:
        yield Failure(source=item.source, stage="ingest", error=TooLargeError.code, doc_id=item.id,
                      message=f"document text is {len(item.text):,} characters, over the limit of "
                              f"{options.max_chars:,} for one document (raise it with --max-chars, "
                              "or code it in parts with --split-long)")


def _read_one(path: Path, options: ReadOptions, entries: dict[str, dict[str, object]]) -> Iterator[Item]:
    """One input's documents; whatever goes wrong with it is its failure, not the batch's."""
    try:
        for item in readers.get(reader_for(path) or "file")(path, options, entries):
            yield from _within_limit(item, options)
    except FrontlinesError as exc:
        yield Failure(source=str(path), stage="ingest", error=exc.code, message=exc.message)
    except OSError as exc:
        yield Failure(source=str(path), stage="ingest", error=InputError.code,
                      message=f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a reader's bug or a library's surprise must not sink the batch
        yield Failure(source=str(path), stage="ingest", error=type(exc).__name__,
                      message=f"unreadable input ({' '.join(str(exc).split())[:200]})")


__all__ = ["ReadOptions", "read_inputs", "load_manifest", "article_from_text", "UnsupportedInputError"]
