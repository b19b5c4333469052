from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from frontlines.ingest.readers import read_inputs
from frontlines.records import Article, Failure

PAGE = ("<html><head><title>Clashes near Manbij</title></head><body><article><h1>Clashes near Manbij</h1>"
        "<p>Fighting broke out on Monday between the SDF and Turkish-backed rebels west of Manbij, "
        "a local monitor said.</p></article></body></html>")


def _warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, ctype, body in (("https://example.org/news/1", "text/html; charset=utf-8", PAGE),
                                 ("https://example.org/logo.png", "image/png", "\x89PNG"),
                                 ("https://example.org/news/2", "text/html", "<html><body></body></html>")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)


@pytest.mark.filterwarnings("ignore::ResourceWarning")  # warcio's writer spools payloads; only the fixture writes
def test_warc_gives_one_article_per_html_response(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    items = list(read_inputs([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [a.url for a in articles] == ["https://example.org/news/1"]
    assert "west of Manbij" in articles[0].text and articles[0].published is None  # crawl date is not used
    assert [f.source for f in failures] == ["https://example.org/news/2"]


def test_a_broken_warc_is_one_failure(tmp_path: Path) -> None:
    (tmp_path / "bad.warc").write_bytes(b"this is not a warc file at all")
    [item] = list(read_inputs([tmp_path / "bad.warc"]))
    assert isinstance(item, Failure) and "WARC" in item.message


def test_rss_file_entries_keep_their_dates_and_links(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Levant Wire</title>'
        "<item><title>Shelling in Douma</title><link>https://example.org/a</link>"
        "<pubDate>Tue, 13 Jun 2017 09:00:00 GMT</pubDate>"
        "<description>Shelling hit Douma on Tuesday, killing five civilians, activists said.</description></item>"
        "<item><title>Empty</title><link>https://example.org/b</link></item>"
        "</channel></rss>")
    items = list(read_inputs([tmp_path]))
    [article] = [i for i in items if isinstance(i, Article)]
    assert article.url == "https://example.org/a" and article.outlet == "Levant Wire"
    assert str(article.published) == "2017-06-13"
    assert "killing five civilians" in article.text
    assert any(isinstance(i, Failure) and "no content" in i.message for i in items)


def test_odd_warcs_fail_alone(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "t.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"))
    (tmp_path / "ok.txt").write_text("Clashes in Hama on Monday.")
    items = list(read_inputs([tmp_path]))
    assert sum(isinstance(i, Article) for i in items) == 1
    assert sum(isinstance(i, Failure) for i in items) == 1


@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_unknown_charset_is_read_as_utf8(tmp_path: Path) -> None:
    with (tmp_path / "c.warc").open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=x-bogus")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/x", "response",
                                                      payload=io.BytesIO(PAGE.encode()), http_headers=headers))
    [item] = list(read_inputs([tmp_path / "c.warc"]))
    assert isinstance(item, Article) and "Manbij" in item.text
