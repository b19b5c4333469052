"""HTML pages written for the tests: nav, article, share widgets, related links, comments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factories import packaged_kb
from frontlines.clean import clean_article
from frontlines.errors import BinaryInputError, EmptyInputError, InputError
from frontlines.ingest.html import article_from_html, render_blocks
from frontlines.records import EXTRACTABLE_ROLES, Role

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html"))

# words that occur only in the debris (nav, comments, related links, widgets) of the fixtures
DEBRIS_WORDS = {
    "wordpress_comments.html": ["Next stop Raqqa", "dreaming mate", "Tabqa airbase", "Turkish troops enter Idlib",
                                "Arsal", "Home", "Popular:", "All rights reserved", "Leave a Reply"],
    "news_share_related.html": ["helicopter over Idlib", "Khan Sheikhoun", "newsletter", "Share on", "Log in",
                                "Middle East"],
}
BODY_WORDS = {
    "wordpress_comments.html": ["took full control of the town of Maskanah", "at least 14 ISIS fighters",
                                "expected to push east"],
    "news_share_related.html": ["killing at least 11 civilians", "denied reports", "intensify in the coming days"],
}


def _cleaned(path: Path):
    return clean_article(article_from_html(path.read_text(encoding="utf-8"), str(path)), packaged_kb())


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_no_debris_in_body(path: Path) -> None:
    cleaned = _cleaned(path)
    body = " ".join(s.text_of(cleaned.article.text) for s in cleaned.segments if s.role in EXTRACTABLE_ROLES)
    for words in DEBRIS_WORDS[path.name]:
        assert words not in body
    for words in BODY_WORDS[path.name]:
        assert words in body


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_segments_tile_the_rendered_text(path: Path) -> None:
    cleaned = _cleaned(path)
    assert "".join(s.text_of(cleaned.article.text) for s in cleaned.segments) == cleaned.article.text


def test_comments_labelled_as_comments() -> None:
    cleaned = _cleaned(FIXTURES / "wordpress_comments.html")
    comments = " ".join(s.text_of(cleaned.article.text) for s in cleaned.segments if s.role is Role.COMMENTS)
    assert "dreaming mate" in comments and "Tabqa airbase" in comments


def test_metadata_from_markup() -> None:
    article = article_from_html((FIXTURES / "wordpress_comments.html").read_text(), "page.html")
    assert article.title == "Syrian army retakes Maskanah from ISIS"
    assert article.author == "Rami Haddad"
    assert article.outlet == "Levant Frontline"
    assert article.published == dt.date(2017, 6, 4)
    assert article.url.startswith("https://levantfrontline.example/")
    assert article.html is not None


def test_given_outlet_and_url_win() -> None:
    article = article_from_html((FIXTURES / "wordpress_comments.html").read_text(), "p.html",
                                url="https://example.org/x", outlet="SANA")
    assert (article.outlet, article.url) == ("SANA", "https://example.org/x")


def test_scripts_styles_and_hidden_text_are_not_rendered() -> None:
    text = " ".join(b.text for b in render_blocks((FIXTURES / "wordpress_comments.html").read_text()))
    assert "tracking" not in text and "Hidden" not in text


@pytest.mark.parametrize(
    ("html", "error"),
    [("", EmptyInputError), ("   \n ", EmptyInputError), ("<html><body>  </body></html>", EmptyInputError),
     ("<html>\x00\x01\x02\x03 binary</html>", BinaryInputError),
     ("<html><script>x()</script></html>", EmptyInputError)],
)
def test_bad_html_raises_input_errors_naming_the_source(html: str, error: type) -> None:
    with pytest.raises(error) as caught:
        article_from_html(html, "bad/page.html")
    assert isinstance(caught.value, InputError)
    assert "bad/page.html" in str(caught.value)


def test_broken_but_recoverable_markup_is_read() -> None:
    html = "<html><body><h1>Clashes in Daraa<p>Rebels and army units clashed in Daraa al-Balad on Monday, activists said.<div>unclosed"
    article = article_from_html(html, "broken.html")
    assert "clashed in Daraa al-Balad" in article.text


def test_a_document_that_is_a_url_is_never_fetched(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import htmldate.utils
    import trafilatura.downloads

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("frontlines tried to fetch a URL named in a document")

    monkeypatch.setattr(htmldate.utils, "fetch_url", refuse)
    monkeypatch.setattr(trafilatura.downloads, "fetch_url", refuse)
    from frontlines.ingest.html import article_from_html

    for doc in ("http://169.254.169.254/latest/meta-data", "<html><body><p>http://10.0.0.1/admin</p></body></html>"):
        try:
            article_from_html(doc, "evil.html")
        except Exception as exc:  # noqa: BLE001 - refusing the input is fine, fetching is not
            assert not isinstance(exc, AssertionError), exc
