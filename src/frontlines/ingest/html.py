"""HTML pages in: an ``Article`` whose text shows every visible block, one per paragraph.

The text keeps navigation, related links and comments (as their own lines) so that the
clean stage can label them; the DOM hints that helped (``<nav>``, ``class="comments"``)
are recomputed from ``Article.html`` by :func:`render_blocks`.  Nothing the page references
is ever fetched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from ..errors import BinaryInputError, EmptyInputError, MalformedRecordError
from ..records import Article, Precision, text_id

BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li ul ol div section article header footer nav aside blockquote pre "
    "td th tr table dt dd dl figcaption figure address form main body center details summary "
    "fieldset legend hr br".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template head svg iframe object embed canvas select option input "
    "textarea button meta link".split()
)
_COMMENT_TOKENS = frozenset({"comment", "comments", "commentlist", "disqus", "replies", "reply"})
_DEBRIS_TOKENS = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs share sharing social related sidebar widget "
    "footer subscribe newsletter promo advert ads ad cookie banner donate donation tags tagcloud "
    "bio author-box respond skip masthead toolbar popular trending".split()
)
_BYLINE_TOKENS = frozenset({"byline", "author", "dateline", "meta", "posted", "published"})
SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Block:
    """A visible block of the page: its text, tag and the role its DOM context suggests."""

    text: str
    tag: str
    hint: str | None  # "comments", "boilerplate", "title", "byline" or None


def _tokens(el: etree._Element) -> set[str]:
    raw = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}".lower()
    parts = set(re.split(r"[^a-z0-9]+", raw)) - {""}
    return parts | {p[:-1] for p in parts if p.endswith("s")}


def _hint(el: etree._Element, inherited: str | None) -> str | None:
    if inherited in ("comments", "boilerplate"):
        return inherited
    tag = el.tag if isinstance(el.tag, str) else ""
    tokens = _tokens(el)
    if tokens & _COMMENT_TOKENS and not tokens & {"respond", "form"}:
        return "comments"
    if tag in ("nav", "aside", "footer", "form") or tokens & _DEBRIS_TOKENS or "respond" in tokens:
        return "boilerplate"
    if tag == "h1":
        return "title"
    if tokens & _BYLINE_TOKENS and tag not in ("article", "main", "body"):
        return "byline"
    return inherited


def _hidden(el: etree._Element) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or el.get("aria-hidden") == "true" or "display:none" in style


class _Renderer:
    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def flush(self, buffer: list[str], tag: str, hint: str | None) -> None:
        text = re.sub(r"\s+", " ", "".join(buffer)).strip()
        buffer.clear()
        if text:
            self.blocks.append(Block(text, tag, hint))

    def visit(self, el: etree._Element, hint: str | None) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in SKIP_TAGS or _hidden(el):
            return
        hint = _hint(el, hint)
        buffer: list[str] = [el.text or ""]
        for child in el:
            child_tag = child.tag if isinstance(child.tag, str) else ""
            if child_tag in BLOCK_TAGS:
                self.flush(buffer, tag, hint)
                self.visit(child, hint)
            elif child_tag and child_tag not in SKIP_TAGS and not _hidden(child):
                buffer.append(_inline_text(child))
            buffer.append(child.tail or "")
        self.flush(buffer, tag, hint)


def _inline_text(el: etree._Element) -> str:
    parts = [el.text or ""]
    for child in el:
        child_tag = child.tag if isinstance(child.tag, str) else ""
        if child_tag and child_tag not in SKIP_TAGS and not _hidden(child):
            parts.append(" " if child_tag == "br" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def parse_html(html: str, source: str) -> etree._Element:
    if not html or not html.strip():
        raise EmptyInputError("HTML document is empty", source=source)
    controls = sum(1 for ch in html[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in html or controls > 8:
        raise BinaryInputError("binary data, not an HTML document", source=source)
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as err:
        raise MalformedRecordError(f"HTML cannot be parsed: {err}", source=source) from None
    return root


def render_blocks(html: str, source: str = "<html>") -> list[Block]:
    """Every visible block of the page, in document order."""
    root = parse_html(html, source)
    body = root.find("body")
    renderer = _Renderer()
    renderer.visit(body if body is not None else root, None)
    return renderer.blocks


def render_text(blocks: list[Block]) -> str:
    return SEPARATOR.join(block.text for block in blocks)


_META_KEYS = {
    "title": ("og:title", "twitter:title", "title"),
    "author": ("author", "article:author", "dc.creator"),
    "outlet": ("og:site_name", "application-name", "publisher"),
    "url": ("og:url",),
}


def _meta_from_tags(html: str) -> dict[str, object]:
    """Fallback when trafilatura cannot be imported: <meta> tags, <title>, canonical link."""
    root = lxml_html.document_fromstring(html)
    tags = {(m.get("property") or m.get("name") or "").lower(): m.get("content") for m in root.iter("meta")}
    found: dict[str, object] = {
        field: next((tags[k] for k in keys if tags.get(k)), None) for field, keys in _META_KEYS.items()
    }
    if not found["title"] and root.find(".//title") is not None:
        found["title"] = (root.find(".//title").text or "").strip() or None
    canonical = root.find(".//link[@rel='canonical']")
    if not found["url"] and canonical is not None:
        found["url"] = canonical.get("href")
    return found


def trafilatura_module() -> object | None:
    """trafilatura, or None where it cannot be imported (it needs lxml_html_clean)."""
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


def _metadata(html: str, url: str | None) -> dict[str, object]:
    """Title, author, site name, URL and date from trafilatura/htmldate (offline)."""
    from htmldate import find_date

    trafilatura = trafilatura_module()
    if trafilatura is None:
        found = _meta_from_tags(html)
    else:
        meta = trafilatura.extract_metadata(lxml_html.document_fromstring(html), default_url=url)  # type: ignore[attr-defined]
        found = {}
        if meta is not None:
            found = {"title": meta.title, "author": meta.author, "outlet": meta.sitename, "url": meta.url}
    found["url"] = found.get("url") or url
    # a parsed tree, never the string: htmldate downloads a string that looks like a URL,
    # and a document must never make frontlines fetch anything
    tree = lxml_html.document_fromstring(html)
    date = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    if date:
        found["published"] = dt.date.fromisoformat(date)
    return found


def article_from_html(html: str, source: str, *, url: str | None = None, outlet: str | None = None) -> Article:
    """An Article from an HTML page: all visible text, and the page's metadata."""
    blocks = render_blocks(html, source)
    if not blocks:
        raise EmptyInputError("HTML document has no visible text", source=source)
    text = render_text(blocks)
    meta = _metadata(html, url)
    published = meta.get("published")
    return Article(
        id=text_id(text),
        text=text,
        source=source,
        outlet=outlet or meta.get("outlet") or None,  # type: ignore[arg-type]
        url=url or meta.get("url") or None,  # type: ignore[arg-type]
        title=meta.get("title") or None,  # type: ignore[arg-type]
        author=meta.get("author") or None,  # type: ignore[arg-type]
        published=published,  # type: ignore[arg-type]
        published_precision=Precision.DAY if published else None,
        published_basis="HTML metadata (htmldate)" if published else "unknown: no date in the HTML metadata",
        html=html,
    )
