"""``frontlines segments FILE``: show a document's blocks and their roles, for checking."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import friendly
from .kb import kb_option, load_kb_option

if TYPE_CHECKING:
    from ..ingest.readers import ReadOptions
    from ..records import Article

PREVIEW = 70


def load_article(path: Path, options: ReadOptions | None = None) -> Article:
    """Read a text or HTML file into an Article (HTML through ingest.html)."""
    from ..ingest.html import article_from_html
    from ..ingest.readers import ReadOptions, decode, looks_like_html, read_bytes
    from ..records import Article, text_id

    read = options if options is not None else ReadOptions()
    text = decode(read_bytes(path, read), str(path), read)
    if path.suffix.lower() in {".html", ".htm"} or looks_like_html(text):
        return article_from_html(text, str(path))
    return Article(id=text_id(text), text=text, source=str(path))


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1] + "…"


@click.command("segments")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per block: role, first_line, last_line, start, end.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=20 * 1024 * 1024, show_default=True,
              help="Refuse documents larger than this.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of a text file.")
@kb_option
@friendly
def segments_command(file: Path, as_json: bool, max_bytes: int, encoding: str, kb_dir: Path | None) -> None:
    """Show the blocks of FILE (plain text or HTML) with their roles and line ranges."""
    from ..clean import clean_article
    from ..export.serialize import segment_json
    from ..ingest.readers import ReadOptions

    article = load_article(file, ReadOptions(max_bytes=max_bytes, encoding=encoding))
    cleaned = clean_article(article, load_kb_option(kb_dir))
    for seg in cleaned.segments:
        if as_json:
            click.echo(json.dumps(segment_json(seg)))
        else:
            lines = f"{seg.first_line}-{seg.last_line}"
            click.echo(f"{seg.role.value:<12} {lines:>9}  {_preview(seg.text_of(cleaned.article.text))}")
