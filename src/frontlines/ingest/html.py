"""HTML pages in: an ``Article`` whose text shows every visible block, one per paragraph.

The text keeps navigation, related links and comments (as their own lines) so that the
clean stage can label them; the DOM hints that helped (``<nav>``, ``class="comments"``)
are recomputed from ``Article.html`` by :func:`render_blocks`.  Nothing the page references
is ever fetched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypedDict

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


#: elements that HTML5 defines as empty: any content the parser put inside one is the page's own
#: content after an unclosed tag (libxml2 parses by HTML 4 and does not know ``<embed>`` is empty)
VOID_TAGS = frozenset("embed param source track wbr input meta link".split())
#: skipped containers that an unclosed tag can make swallow the rest of the page: when one holds
#: paragraphs or other blocks, those are shown
SWALLOWING_TAGS = frozenset("iframe object canvas noscript select textarea button".split())
#: blocks that no inline or embedded element holds unless the page left a tag open
STRUCTURAL_TAGS = BLOCK_TAGS - {"br", "hr"}


def _tag(el: etree._Element) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def _structural_holders(root: etree._Element) -> set[etree._Element]:
    """Elements with a paragraph-like block somewhere below them (one pass, bottom up)."""
    holders: set[etree._Element] = set()
    for el in reversed(list(root.iter())):
        if any(_tag(child) in STRUCTURAL_TAGS or child in holders for child in el):
            holders.add(el)
    return holders


#: what the renderer keeps per open block element: tag, role hint, text so far, children still to visit
_Frame = tuple[str, str | None, list[str], Iterator[etree._Element]]


class PageMeta(TypedDict, total=False):
    """Metadata read from a page's markup (a key is absent, or None, when the page does not say)."""

    title: str | None
    author: str | None
    outlet: str | None
    url: str | None
    published: dt.date


class _Renderer:
    """Visible blocks in document order, without recursion (a page may nest thousands deep)."""

    def __init__(self, root: etree._Element) -> None:
        self.blocks: list[Block] = []
        self.holders = _structural_holders(root)

    def skipped(self, el: etree._Element) -> bool:
        tag = _tag(el)
        if not tag or _hidden(el):
            return True
        if tag not in SKIP_TAGS:
            return False
        if tag in VOID_TAGS:
            return False  # its "children" are what followed the unclosed tag
        return not (tag in SWALLOWING_TAGS and el in self.holders)

    def flush(self, buffer: list[str], tag: str, hint: str | None) -> None:
        text = re.sub(r"\s+", " ", "".join(buffer)).strip()
        buffer.clear()
        if text:
            self.blocks.append(Block(text, tag, hint))

    def _frame(self, el: etree._Element, hint: str | None) -> _Frame | None:
        if self.skipped(el):
            return None
        hint = _hint(el, hint)
        return (_tag(el), hint, [el.text or ""], iter(el))

    def visit(self, root: etree._Element, hint: str | None) -> None:
        first = self._frame(root, hint)
        stack = [first] if first is not None else []
        while stack:
            tag, hint, buffer, children = stack[-1]
            for child in children:
                child_tag = _tag(child)
                if child_tag in BLOCK_TAGS or child in self.holders:
                    self.flush(buffer, tag, hint)
                    buffer.append(child.tail or "")  # flushed after the child's own blocks
                    frame = self._frame(child, hint)
                    if frame is not None:
                        stack.append(frame)
                        break
                    continue
                if not self.skipped(child):
                    buffer.append(self.inline_text(child))
                buffer.append(child.tail or "")
            else:
                self.flush(buffer, tag, hint)
                stack.pop()

    def inline_text(self, el: etree._Element) -> str:
        parts = [el.text or ""]
        stack = [(el, iter(el))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if self.skipped(child):
                    parts.append(child.tail or "")
                elif _tag(child) == "br":
                    parts.append(" " + (child.tail or ""))
                else:
                    parts.append(child.text or "")
                    stack.append((child, iter(child)))
                    break
            else:
                stack.pop()
                if stack:
                    parts.append(node.tail or "")
        return "".join(parts)


_XML_PROLOG = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE(?:[^\[>]*\[.*?\]\s*>|[^>]*>))?", re.S | re.I)
#: tags kept when a page nests too deep to parse: the ones that separate paragraphs or hide text
_FLAT_KEEP = frozenset(
    "html head body title meta link p h1 h2 h3 h4 h5 h6 li br hr pre dt dd figcaption script style noscript "
    "template svg iframe object embed canvas select option textarea button".split()
)
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)\b[^>]*>")


def _without_prolog(html: str) -> str:
    """The markup without an XML declaration or a DOCTYPE with an internal subset: libxml2's HTML
    parser shows such a subset as text and refuses a string that declares its encoding."""
    match = _XML_PROLOG.match(html[:65536])
    if match is None or not match.group(0).strip():
        return html
    return "<!DOCTYPE html>\n" + html[match.end():]


def _flatten(html: str) -> str:
    """Markup without the nesting tags (div, span, table, ...): paragraphs and their text stay."""
    return _ANY_TAG.sub(lambda m: m.group(0) if m.group(2).lower() in _FLAT_KEEP else " ", html)


def _parse(html: str) -> tuple[etree._Element, bool]:
    parser = lxml_html.HTMLParser()
    root = lxml_html.document_fromstring(html, parser=parser)
    too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    return root, too_deep


def prepare_html(html: str) -> str:
    """The markup as frontlines parses it: prolog removed, flattened when nested past the parser's limit."""
    html = _without_prolog(html)
    try:
        _root, too_deep = _parse(html)
    except (etree.ParserError, ValueError):
        return html
    return _flatten(html) if too_deep else html


def parse_html(html: str, source: str) -> etree._Element:
    if not html or not html.strip():
        raise EmptyInputError("HTML document is empty", source=source)
    controls = sum(1 for ch in html[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in html or controls > 8:
        raise BinaryInputError("binary data, not an HTML document", source=source)
    html = _without_prolog(html)
    try:
        root, too_deep = _parse(html)
        if too_deep:  # libxml2 stops at 256 levels and drops the rest: parse the paragraphs alone
            root, _ = _parse(_flatten(html))
    except (etree.ParserError, ValueError) as err:
        raise MalformedRecordError(f"HTML cannot be parsed: {err}", source=source) from None
    return root


def render_blocks(html: str, source: str = "<html>") -> list[Block]:
    """Every visible block of the page, in document order."""
    root = parse_html(html, source)
    body = root.find("body")
    start = body if body is not None else root
    renderer = _Renderer(start)
    renderer.visit(start, None)
    return renderer.blocks


def render_text(blocks: list[Block]) -> str:
    return SEPARATOR.join(block.text for block in blocks)


_META_KEYS = {
    "title": ("og:title", "twitter:title", "title"),
    "author": ("author", "article:author", "dc.creator"),
    "outlet": ("og:site_name", "application-name", "publisher"),
    "url": ("og:url",),
}


def _meta_from_tags(html: str) -> PageMeta:
    """Fallback when trafilatura cannot be imported: <meta> tags, <title>, canonical link."""
    root = lxml_html.document_fromstring(html)
    tags = {(m.get("property") or m.get("name") or "").lower(): m.get("content") for m in root.iter("meta")}

    def first(field: str) -> str | None:
        return next((tags[k] for k in _META_KEYS[field] if tags.get(k)), None)

    found: PageMeta = {"title": first("title"), "author": first("author"), "outlet": first("outlet"),
                       "url": first("url")}
    title = root.find(".//title")
    if not found["title"] and title is not None:
        found["title"] = (title.text or "").strip() or None
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


def _metadata(html: str, url: str | None) -> PageMeta:
    """Title, author, site name, URL and date from trafilatura/htmldate (offline)."""
    from htmldate import find_date

    found: PageMeta
    if trafilatura_module() is None:
        found = _meta_from_tags(html)
    else:
        from trafilatura import extract_metadata

        meta = extract_metadata(lxml_html.document_fromstring(html), default_url=url)
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
    try:
        meta = _metadata(prepare_html(html), url)
        no_date = "unknown: no date in the HTML metadata"
    except (RecursionError, ValueError, TypeError, AttributeError, etree.LxmlError) as exc:
        # metadata libraries on hostile markup: the text stands, its metadata stays unknown
        meta = {}
        no_date = f"unknown: the HTML metadata could not be read ({type(exc).__name__})"
    published = meta.get("published")
    return Article(
        id=text_id(text),
        text=text,
        source=source,
        outlet=outlet or meta.get("outlet") or None,
        url=url or meta.get("url") or None,
        title=meta.get("title") or None,
        author=meta.get("author") or None,
        published=published,
        published_precision=Precision.DAY if published else None,
        published_basis="HTML metadata (htmldate)" if published else no_date,
        html=html,
    )
