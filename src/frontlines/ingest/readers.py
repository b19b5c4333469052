"""Readers for the offline input kinds: text files, HTML files, folders, JSON Lines and CSV.

Each reader yields ``Article`` or ``Failure`` records; one bad document never stops
the batch.  Readers are registered in ``frontlines.registry.readers`` by name.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FrontlinesError,
    InputError,
    MalformedRecordError,
    TooLargeError,
    UnsupportedInputError,
)
from ..records import Article, Failure, text_id
from ..registry import readers
from .dates import parse_published

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".warc", ".rss", ".atom"})
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

Item = Article | Failure


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read: size limit and the text encoding to assume."""

    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str = "utf-8"


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


def decode(data: bytes, source: str, options: ReadOptions) -> str:
    """Decode document bytes, refusing binary data and text in another encoding."""
    if not data.strip():
        raise EmptyInputError("document is empty", source=source)
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
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


def article_from_text(text: str, source: str, **meta: object) -> Article:
    """Build an Article from plain text and known metadata (unknown fields stay None)."""
    try:
        published, precision = parse_published(meta.pop("published", None), source)
        basis = "given" if published else "unknown: not given"
    except MalformedRecordError as exc:
        published, precision, basis = None, None, f"unknown: the given date was refused ({exc.message})"
    return Article(
        id=text_id(text),
        text=text,
        source=source,
        published=published,
        published_precision=precision,
        published_basis=basis,
        **{k: (str(v) if v not in (None, "") else None) for k, v in meta.items()},  # type: ignore[arg-type]
    )


def article_from_markup(html: str, source: str, **meta: object) -> Article:
    """Build an Article from HTML: text and metadata from the markup, then the given metadata."""
    from .html import article_from_html

    article = article_from_html(html, source, url=meta.get("url"), outlet=meta.get("outlet"))  # type: ignore[arg-type]
    given = article_from_text(article.text, source, **meta)
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


@readers.register("file", suffixes=tuple(TEXT_SUFFIXES | HTML_SUFFIXES))
def read_file(path: Path, options: ReadOptions, manifest: dict[str, dict[str, object]]) -> Iterator[Item]:
    """A single text or HTML document."""
    source = str(path)
    try:
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
    with _open_corpus(path, options) as handle:
        for number, raw in enumerate(handle.buffer, 1):
            source = f"{path}:{number}"
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
            except FrontlinesError as exc:
                yield Failure(source=source, stage="ingest", error=exc.code, message=exc.message)


@readers.register("csv", suffixes=(".csv",))
def read_csv(path: Path, options: ReadOptions, manifest: dict[str, dict[str, object]]) -> Iterator[Item]:
    """A CSV corpus with a header row naming id, text or html, and metadata columns."""
    with _open_corpus(path, options) as handle:
        bad: set[int] = set()
        reader = csv.DictReader(_decoded_lines(handle.buffer, _codec(options), bad), strict=True)
        if not reader.fieldnames or not {"text", "html"} & set(reader.fieldnames):
            raise MalformedRecordError("CSV header has no 'text' or 'html' column", source=str(path))
        number, last_line = 1, reader.line_num
        try:
            for number, row in enumerate(reader, 2):
                lines = set(range(last_line + 1, reader.line_num + 1))
                last_line = reader.line_num
                if lines & bad:
                    yield Failure(source=row.get("id") or f"{path}:{number}", stage="ingest",
                                  error=EncodingError.code,
                                  message=f"row {number} is not valid {options.encoding}; re-save the corpus "
                                          "as UTF-8 or pass --encoding")
                    continue
                yield _csv_row(row, number, path)
        except csv.Error as exc:
            yield Failure(source=f"{path}:{number + 1}", stage="ingest", error=MalformedRecordError.code,
                          message=f"CSV is malformed after row {number} ({exc}); the rest of the file is skipped")


def _decoded_lines(raw: Iterable[bytes], codec: str, bad: set[int]) -> Iterator[str]:
    """Lines decoded one by one; the numbers of those that do not decode go into ``bad``."""
    for number, line in enumerate(raw, 1):
        try:
            yield line.decode(codec)
        except UnicodeDecodeError:
            bad.add(number)
            yield line.decode(codec, errors="replace")


def _csv_row(row: dict[str | None, str], number: int, path: Path) -> Item:
    source = row.get("id") or f"{path}:{number}"
    try:
        if None in row:
            raise MalformedRecordError(f"row {number} has more fields than the header", source=source)
        return _corpus_row(row, source)
    except FrontlinesError as exc:
        return Failure(source=source, stage="ingest", error=exc.code, message=exc.message)


def _open_corpus(path: Path, options: ReadOptions) -> io.TextIOWrapper:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open ({exc.strerror})", source=str(path)) from None
    head = handle.read(4096)
    handle.seek(0)
    if b"\x00" in head:
        handle.close()
        raise BinaryInputError("binary data, not a JSON Lines or CSV corpus", source=str(path))
    return io.TextIOWrapper(handle, encoding=_codec(options), errors="strict", newline="")


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


def iter_files(root: Path, skip: Path | None = None) -> Iterator[Path]:
    """Documents under a folder, in a stable order, skipping hidden files and manifests."""
    for path in sorted(root.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.is_file() and _readable(path):
            if skip is not None and path.resolve() == skip.resolve():
                continue
            yield path


def _readable(path: Path) -> bool:
    """Whether a file in a folder is a document or corpus a registered reader reads."""
    return reader_for(path) is not None


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
                options: ReadOptions | None = None) -> Iterator[Item]:
    """Every document of the given files, folders and corpora, as Article or Failure records."""
    options = options or ReadOptions()
    entries = load_manifest(manifest)
    from . import archives  # noqa: F401 - registers the WARC and feed readers

    for given in inputs:
        if not given.exists():
            yield Failure(source=str(given), stage="ingest", error=InputError.code, message="no such file or folder")
            continue
        paths = iter_files(given, skip=manifest) if given.is_dir() else iter([given])
        for path in paths:
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


def _read_one(path: Path, options: ReadOptions, entries: dict[str, dict[str, object]]) -> Iterator[Item]:
    """One input's documents; whatever goes wrong with it is its failure, not the batch's."""
    try:
        yield from readers.get(reader_for(path) or "file")(path, options, entries)
    except FrontlinesError as exc:
        yield Failure(source=str(path), stage="ingest", error=exc.code, message=exc.message)
    except OSError as exc:
        yield Failure(source=str(path), stage="ingest", error=InputError.code,
                      message=f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a reader's bug or a library's surprise must not sink the batch
        yield Failure(source=str(path), stage="ingest", error=type(exc).__name__,
                      message=f"unreadable input ({' '.join(str(exc).split())[:200]})")


__all__ = ["ReadOptions", "read_inputs", "load_manifest", "article_from_text", "UnsupportedInputError"]
