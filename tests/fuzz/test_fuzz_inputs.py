"""Fuzzing of every reader, the clean stage and the extract stages through their public functions.

Hypothesis builds text, HTML, RSS/Atom feeds, CSV and JSON Lines, mostly well-formed with
hostile pieces mixed in (unclosed tags, stray quotes, control characters, right-to-left
marks, deep nesting, huge numbers).  The properties: nothing raises, every item is an
Article or a Failure with a coded one-line message, and every Article goes through the
clean stage with segments that tile its text.  Report-like text (conflict sentences with the
same hostile pieces) goes through the whole per-document coding: no error but a coded one,
every claim and mention span inside the text, and no toll that is not a count of people.

A few examples per test run in CI; ``make fuzz`` raises FRONTLINES_FUZZ_EXAMPLES for a
longer run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import packaged_kb
from frontlines.errors import FrontlinesError
from frontlines.ingest.html import article_from_html
from frontlines.ingest.readers import ReadOptions, read_inputs
from frontlines.pipeline import Resources, clean, process_article
from frontlines.records import Article, Failure, text_id

KB = packaged_kb()
EXAMPLES = int(os.environ.get("FRONTLINES_FUZZ_EXAMPLES", "8"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 8,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ("Army", "shelled", "Homs", "on", "Monday", "killing", "12", "civilians", "ISIS", "al-Bab", "حلب",
         "قصف", "\u202e", "\u200f", "\x00", "\x1b[31m", "&amp;", "&#0;", "&#x110000;", "<", ">", '"', "'",
         "\r\n", "\n\n", "\t", "ﬁ", "𝕏", "9" * 40, "-", ",", ".", "…")
words = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60).map(" ".join)
TAGS = ("p", "div", "span", "embed", "object", "iframe", "script", "style", "table", "td", "li", "ul", "a",
        "b", "br", "noscript", "svg", "template", "textarea", "h1", "nav", "article", "blockquote", "font")


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(st.sampled_from(TAGS))
        attrs = draw(st.sampled_from(["", ' class="comments"', ' style="display:none"', ' hidden', ' id="nav"']))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{tag}{attrs}>")  # left open
        elif kind == 1:
            parts.append(f"</{tag}>")  # closed without being opened
        else:
            parts.append(f"<{tag}{attrs}>{draw(words)}</{tag}>")
    depth = draw(st.sampled_from([0, 0, 10, 300]))
    body = "<div>" * depth + "".join(parts) + draw(words)
    prolog = draw(st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8"?>',
                                   '<!DOCTYPE html [<!ENTITY a "b">]>']))
    return f"{prolog}<html><head><title>{draw(words)}</title></head><body>{body}</body></html>"


@st.composite
def feeds(draw: st.DrawFn) -> str:
    items = []
    for _ in range(draw(st.integers(0, 5))):
        body = draw(st.one_of(words, html_pages()))
        wrapped = draw(st.sampled_from([f"<![CDATA[{body}]]>", body.replace("&", "&amp;").replace("<", "&lt;"), body]))
        date = draw(st.sampled_from(["Mon, 15 Feb 2016 10:00:00 GMT", "yesterday", "2016-13-45", ""]))
        items.append(f"<item><title>{draw(words)}</title><pubDate>{date}</pubDate>"
                     f"<content:encoded>{wrapped}</content:encoded><description>{wrapped}</description></item>")
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{draw(words)}</title>{''.join(items)}</channel></rss>")


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(draw(st.sampled_from([["id", "text"], ["id", "text", "published"], ["id", "html"], ["x"]])))
    for _ in range(draw(st.integers(0, 8))):
        row = [draw(st.text(max_size=5)), draw(words), draw(st.sampled_from(["2016-02-14", "2016-13-45", ""]))]
        if draw(st.booleans()):
            out.write(",".join(row) + "\n")  # written raw: stray quotes, bare newlines
        else:
            writer.writerow(row)
    return out.getvalue()


_leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | words
_keys = st.sampled_from(["id", "text", "html", "published", "title"])
_nested = _leaves | st.lists(_leaves, max_size=4) | st.dictionaries(_keys, _leaves, max_size=5)
json_values = _nested | st.lists(_nested, max_size=3) | st.dictionaries(_keys, _nested, max_size=5)


@st.composite
def jsonl_files(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            lines.append(json.dumps({"id": draw(st.text(max_size=6)), "text": draw(words),
                                     "published": draw(st.sampled_from(["2016-02-14", "2016-13-45", 7, None]))}))
        elif kind == 1:
            lines.append(json.dumps(draw(json_values)))
        elif kind == 2:
            lines.append(draw(words))  # not JSON at all
        else:
            lines.append(json.dumps({"id": "h", "html": draw(html_pages())}))
    return "\n".join(lines)


def _check(items: list[Article | Failure]) -> None:
    for item in items:
        assert isinstance(item, Article | Failure)
        if isinstance(item, Failure):
            assert item.error.startswith("FL"), item  # a coded error: no reader crashed
            assert item.message and "\n" not in item.message, item
        else:
            cleaned = clean(item, KB)
            assert "".join(s.text_of(cleaned.article.text) for s in cleaned.segments) == cleaned.article.text


def _read(name: str, data: bytes, **options: object) -> list[Article | Failure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_inputs([path], options=ReadOptions(**options)))  # type: ignore[arg-type]


@FUZZ
@given(words, st.sampled_from(["utf-8", "utf-16", "cp1256", "latin-1"]), st.sampled_from(["a.txt", "NOTES", "a.md"]))
def test_fuzz_text_files(text: str, encoding: str, name: str) -> None:
    _check(_read(name, text.encode(encoding, errors="replace")))


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.csv", "a.jsonl", "a.rss", "a.warc", "a.warc.gz", "x"]))
def test_fuzz_raw_bytes_in_every_reader(data: bytes, name: str) -> None:
    _check(_read(name, data))


@FUZZ
@given(html_pages())
def test_fuzz_html(page: str) -> None:
    _check(_read("page.html", page.encode("utf-8", errors="replace")))
    try:
        article = article_from_html(page, "fuzz")
    except FrontlinesError as exc:
        assert "\n" not in str(exc)
    else:
        _check([article])


@FUZZ
@given(feeds())
def test_fuzz_feeds(feed: str) -> None:
    _check(_read("feed.rss", feed.encode("utf-8", errors="replace")))


@FUZZ
@given(csv_files())
def test_fuzz_csv(data: str) -> None:
    _check(_read("c.csv", data.encode("utf-8", errors="replace"), max_bytes=100_000))


@FUZZ
@given(jsonl_files())
def test_fuzz_jsonl(data: str) -> None:
    _check(_read("c.jsonl", data.encode("utf-8", errors="replace"), max_bytes=100_000))


@FUZZ
@given(words)
def test_fuzz_clean_stage_on_plain_text(text: str) -> None:
    if text.strip():
        _check([Article(id=text_id(text), text=text, source="fuzz")])


#: report-like sentences: who, what, where, when, how many, with the hostile pieces among them
SUBJECTS = ("The army", "ISIS fighters", "Rebels", "Russian jets", "Turkish-backed forces", "Activists",
            "The SDF", "Unidentified gunmen", "حلب", "\u202eHTS\u202c")
VERBS = ("shelled", "captured", "bombed", "recaptured the villages of", "withdrew from", "besieged",
         "denied attacking", "will attack", "may have struck", "killed", "left")
PLACES = ("Homs", "al-Bab", "Deir ez-Zor", "Aleppo's Sheikh Maqsoud district", "Tadmur/Palmyra", "Raqqa province",
          "Moscow", "Idlib, Ariha and Saraqib", "Tall Hamid village", "ﬁ", "&amp;")
TAILS = ("on Monday", "on 12-03-2015", "in 2015", "yesterday", "killing 12 civilians", "leaving 3 dead",
         "killing " + "9" * 40 + " people", "wounding 40", "the death toll rose to 15", "", "\x00", "…")
report_sentences = st.builds(lambda s, v, p, t, noise: f"{s} {v} {p} {t}{noise}.",
                             st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(PLACES),
                             st.sampled_from(TAILS), st.sampled_from(WORDS) | st.just(""))
reports = st.lists(st.lists(report_sentences, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4).map(
    "\n\n".join)
RESOURCES = Resources(KB)


@FUZZ
@given(reports, st.sampled_from([None, dt.date(2016, 2, 14), dt.date(2019, 10, 9)]))
def test_fuzz_extract_stages_on_report_like_text(text: str, published: dt.date | None) -> None:
    article = Article(id=text_id(text), text=text, source="fuzz", published=published)
    try:
        result = process_article(article, RESOURCES)
    except FrontlinesError as error:  # a coded failure is an answer; anything else is a bug
        assert error.message and "\n" not in error.message
        return
    coded = result.article.text
    for claim in result.claims:
        assert 0 <= claim.start <= claim.trigger_start < claim.trigger_end <= claim.end <= len(coded)
        assert coded[claim.start:claim.end].split() == claim.sentence.split()  # the parser's spaces
        assert claim.fatalities is None or 0 <= claim.fatalities < 1_000_000
        if claim.location is not None:
            assert coded[claim.location.start:claim.location.end].split() == claim.location.text.split()
    for mention in result.mentions:
        assert 0 <= mention.start < mention.end <= len(coded)
