"""Nasty inputs, each with its expected outcome: a correct result or one named failure.

Every input is written by this test (large ones generated into tmp, never committed): the
issue's cases (content lost silently, skipped files, encodings, names, sizes) plus Windows-1256
Arabic, mixed right-to-left text, a 1 MB single line, 10,000 links, a 200 MB file and
compression bombs.  Each readable result also goes through the clean stage.  Memory and time
are bounded by construction (size refusals happen before reading; bombs stop at a byte cap).
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from factories import packaged_kb
from frontlines.clean import clean_article
from frontlines.errors import shown
from frontlines.ingest.readers import ReadOptions, read_inputs
from frontlines.records import Article, Failure

STORY = "Government forces shelled the northern countryside of Hama on Sunday, a monitor said."
KB = packaged_kb()
ARABIC = "قصفت القوات الحكومية ريف حماة الشمالي يوم الأحد، بحسب مرصد."


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]  # writes the input under a folder, returns what to read
    articles: int  # how many documents must come out
    failure: str | tuple[str, ...] | None = None  # a piece of each failure message expected, in order
    text: str | None = None  # a piece every article's text must contain
    absent: str | None = None  # what no article's text may contain
    options: ReadOptions = ReadOptions()


def _write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path
    return make


def _html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>T</title>{head}</head><body>{body}</body></html>"


def _symlink_loop(folder: Path) -> Path:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return folder / "a.txt"


def _dangling(folder: Path) -> Path:
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    return folder


def _folder_loop(folder: Path) -> Path:
    inner = folder / "reports"
    inner.mkdir()
    (inner / "one.txt").write_text(STORY)
    (inner / "again").symlink_to(inner)  # a link back to its own folder
    return folder


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder


def _sparse(size: int, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as handle:
            handle.truncate(size)  # no disk blocks, no time: refused by its size before reading
        return path
    return make


def _gzip_bomb(folder: Path) -> Path:
    path = folder / "bomb.warc.gz"
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as handle:
        for _ in range(64):
            handle.write(squeeze.compress(b"\0" * (1 << 20)))
        handle.write(squeeze.flush())
    return path


def _warc_record(payload: bytes, kind: str = "response", ctype: str = "text/html") -> bytes:
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n").encode() + payload
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: http://example.org/{len(payload)}\r\n"
            f"WARC-Record-ID: <urn:uuid:{len(payload)}>\r\nWARC-Date: 2016-02-14T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def _warc_with_bomb_after_a_page(folder: Path) -> Path:
    path = folder / "mixed.warc.gz"
    page = _warc_record(_html(f"<p>{STORY}</p>").encode())
    bomb = _warc_record(b"<html><body><p>" + b"a" * (40 << 20) + b"</p></body></html>")
    path.write_bytes(gzip.compress(page, 6) + gzip.compress(bomb, 6))
    return path


def _jsonl(rows: list[object]) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows).encode()


def _newline_name(folder: Path) -> Path:
    path = folder / "bad\nname\x1b[31m.txt"
    path.write_bytes(b"")
    return path


CASES = [
    Case("unclosed <embed> before the story", _write("embed.html", _html(f'<div>Menu</div><embed src="v.swf"><p>{STORY}</p><p>Second paragraph.</p>')), 1, text="Second paragraph."),
    Case("unclosed <object> and <canvas>", _write("object.html", _html(f'<object data="x"><canvas><p>{STORY}</p>')), 1, text=STORY),
    Case("nesting 300 deep", _write("deep300.html", _html("<div>" * 300 + f"<p>{STORY}</p>" + "</div>" * 300)), 1, text=STORY),
    Case("nesting 20,000 deep", _write("deep20k.html", _html("<div><span>" * 20000 + f"<p>{STORY}</p>")), 1, text=STORY),
    Case("RSS content:encoded HTML", _write("feed.rss", f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title><item><title>T</title><link>http://example.org/1</link><content:encoded><![CDATA[<p>{STORY}</p><p>More <b>bold</b>.</p>]]></content:encoded></item></channel></rss>'), 1, text="More bold.", absent="<p>"),
    Case("XHTML with an internal DTD subset", _write("page.xhtml", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "x.dtd" [\n<!ENTITY wire "Wire">\n<!ATTLIST p class CDATA #IMPLIED>\n]>\n' + f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head><body><p>{STORY}</p></body></html>'), 1, text=STORY, absent="ATTLIST"),
    Case("PDF", _write("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"), 0, failure="PDF is not supported"),
    Case("Word .docx", _write("report.docx", b"PK\x03\x04" + b"\x00" * 60 + b"word/document.xml"), 0, failure="not supported"),
    Case("extension-less text", _write("REPORT", STORY), 1, text=STORY),
    Case("extension-less PDF", _write("scan", b"%PDF-1.7\n" + bytes(range(256))), 0, failure="PDF is not supported"),
    Case("unknown suffix, binary", _write("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8), 0, failure="unsupported file type '.jpg'"),
    Case("symbolic link loop", _symlink_loop, 0, failure="symbolic link loop"),
    Case("dangling symbolic link", _dangling, 0, failure="broken symbolic link"),
    Case("folder linking back to itself", _folder_loop, 1, failure="a link to a folder already read", text=STORY),
    Case("named pipe in a folder", _fifo, 0, failure="not a regular file"),
    Case("CSV with an unterminated quote", _write("c.csv", f'id,text\nr1,"{STORY}"\nr2,"unterminated\nr3,"Clashes in Daraa."\nr4,Rebels shelled Idlib.\n'), 3, failure="line 3"),
    Case("UTF-16 LE with BOM", _write("u16le.txt", "\ufeff".encode("utf-16-le") + STORY.encode("utf-16-le")), 1, text=STORY),
    Case("UTF-16 BE with BOM", _write("u16be.txt", "\ufeff".encode("utf-16-be") + STORY.encode("utf-16-be")), 1, text=STORY),
    Case("UTF-16 without BOM", _write("u16.txt", STORY.encode("utf-16-le")), 1, text=STORY),
    Case("UTF-16 JSON Lines with BOM", _write("c.jsonl", "\ufeff".encode("utf-16-le") + _jsonl([{"id": "a", "text": STORY}, {"id": "b", "text": ARABIC}]).decode().encode("utf-16-le")), 2),
    Case("file name with a newline and escape codes", _newline_name, 0, failure="document is empty"),
    Case("Windows-1256 Arabic, named encoding", _write("ar.txt", ARABIC.encode("cp1256")), 1, text="حماة", options=ReadOptions(encoding="cp1256")),
    Case("Windows-1256 Arabic, not named", _write("ar.txt", ARABIC.encode("cp1256")), 0, failure="--encoding"),
    Case("mixed right-to-left text with bidi controls", _write("rtl.txt", f"{STORY}\n\n\u202e{ARABIC}\u202c (Hama) \u200f{ARABIC}\u200f 12"), 1, text="حماة"),
    Case("1 MB on a single line", _write("line.txt", (STORY + " ") * 12000), 1, text=STORY,
         options=ReadOptions(max_chars=2_000_000)),
    Case("1 MB on a single line, default limit", _write("line.txt", (STORY + " ") * 12000), 0,
         failure="characters, over the limit"),
    Case("10,000 links", _write("links.html", _html(f"<p>{STORY}</p>" + "".join(f'<a href="http://example.org/{i}">link {i}</a> ' for i in range(10000)))), 1, text=STORY),
    Case("200 MB file", _sparse(200 * 1024 * 1024, "huge.txt"), 0, failure="over the limit"),
    Case("text over the per-document limit", _write("long.txt", (STORY + "\n") * 7000), 0, failure="characters, over the limit"),
    Case(".warc.gz compression bomb", _gzip_bomb, 0, failure="not a WARC file"),
    Case(".warc.gz page then a 40 MB record", _warc_with_bomb_after_a_page, 1,
         failure=("record is over the limit", "compression bomb"), text=STORY),
    Case("plain .gz", _write("notes.txt.gz", gzip.compress(STORY.encode())), 0, failure="decompress it first"),
    Case("empty file", _write("empty.txt", b""), 0, failure="empty"),
    Case("NUL bytes in a .txt", _write("nul.txt", b"\x00\x01\x02" * 200), 0, failure="binary"),
    Case("Latin-1 text", _write("latin.txt", "caf\xe9 in Homs".encode("latin-1")), 0, failure="not valid utf-8"),
    Case("HTML with only a script", _write("script.html", _html("<script>var a = '<p>not text</p>';</script>")), 0, failure="no visible text"),
    Case("JSON Lines nested 100,000 deep", _write("deep.jsonl", _jsonl([{"id": "ok", "text": STORY}, "[" * 100000 + "]" * 100000])), 1, failure="nests JSON too deep"),
    Case("JSON Lines line over the byte limit", _write("big.jsonl", _jsonl([{"id": "big", "text": "x" * 5000}, {"id": "ok", "text": STORY}])), 1, failure="line 1 is over the limit", options=ReadOptions(max_bytes=4000)),
    Case("CSV without a text column", _write("bad.csv", "id,body\n1,Clashes.\n"), 0, failure="no 'text' or 'html' column"),
    Case("RSS that is not XML", _write("broken.rss", "<rss><channel><item><title>unclosed"), 0, failure="feed"),
    Case("XML that is not a feed", _write("data.xml", '<?xml version="1.0"?><records><r>1</r></records>'), 0, failure="not an RSS or Atom feed"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_nasty_input(case: Case, tmp_path: Path) -> None:
    target = case.make(tmp_path)
    items = list(read_inputs([target], options=case.options))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(articles) == case.articles, [(type(i).__name__, getattr(i, "message", "")) for i in items]
    expected = (case.failure,) if isinstance(case.failure, str) else case.failure or ()
    assert len(failures) == len(expected), failures
    for failure, piece in zip(failures, expected, strict=True):
        assert piece.lower() in failure.message.lower(), failure.message
        assert failure.error.startswith("FL"), failure  # a coded error, not a crash
    for failure in failures:  # one line, whatever the file is called
        assert "\n" not in failure.message and "\n" not in shown(failure.source)
        assert len(failure.message) < 400
    for article in articles:
        if case.text:
            assert case.text in article.text
        if case.absent:
            assert case.absent not in article.text
        cleaned = clean_article(article, KB)  # the clean stage takes every readable result
        assert "".join(s.text_of(cleaned.article.text) for s in cleaned.segments) == cleaned.article.text


def test_the_table_has_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30 and len({c.name for c in CASES}) == len(CASES)
