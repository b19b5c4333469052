"""The example corpus in examples/ segments the way its files were written to exercise."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import packaged_kb
from frontlines.clean import clean_article
from frontlines.cli.segments import load_article
from frontlines.ingest.dedupe import NearDuplicateIndex
from frontlines.records import EXTRACTABLE_ROLES, Role

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "reports"

# words that sit only in the debris of each example (comments, appeals, related links, bios)
NOT_IN_BODY = {
    "03_palmyra_partisan.txt": ["Patreon", "Leave a Reply"],
    "04_douma_denial.txt": ["depots near Harasta", "clash again"],
    "05_raqqa_analysis.txt": ["Key words", "Latest posts"],
    "06_idlib_airstrikes.txt": ["helicopter near Hama", "Surman", "Telegram"],
    "07_daraa_comments.txt": ["mark my words", "Nasib crossing", "tunnels by tomorrow", "youtube"],
    "08_albab_authorbox.txt": ["freelance journalist"],
    "11_raqqa_reply_chain.txt": ["Next Raqqa", "propaganda"],
    "12_eastern_qalamoun.txt": ["PayPal", "Views expressed"],
    "13_aleppo_page.html": ["Christmas", "Daraya", "humanitarian pause", "Contact"],
}


def _cleaned(name: str):
    return clean_article(load_article(EXAMPLES / name), packaged_kb())


def _text(cleaned, roles) -> str:
    return " ".join(s.text_of(cleaned.article.text) for s in cleaned.segments if s.role in roles)


@pytest.mark.parametrize("name", sorted(NOT_IN_BODY))
def test_debris_never_reaches_body(name: str) -> None:
    body = _text(_cleaned(name), EXTRACTABLE_ROLES)
    assert body
    for words in NOT_IN_BODY[name]:
        assert words not in body


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir()))
def test_every_example_has_body(name: str) -> None:
    assert len(_text(_cleaned(name), EXTRACTABLE_ROLES).split()) >= 30


def test_unmarked_comments_are_comments() -> None:
    comments = _text(_cleaned("07_daraa_comments.txt"), {Role.COMMENTS})
    assert "mark my words" in comments and "you people" in comments


def test_quote_block_and_its_outlet() -> None:
    cleaned = _cleaned("09_deir_ezzor_quote.txt")
    quotes = [s for s in cleaned.segments if s.role is Role.QUOTE]
    assert quotes and quotes[0].quoted_source == "Al-Masdar News"
    assert "I would only add" in _text(cleaned, {Role.BODY})


def test_repeated_headline_is_one_title_block() -> None:
    cleaned = _cleaned("03_palmyra_partisan.txt")
    assert cleaned.segments[0].role is Role.TITLE and cleaned.segments[0].last_line >= 5


def test_dateline_title_is_stripped() -> None:
    article = _cleaned("04_douma_denial.txt").article
    assert article.title.startswith("Shelling kills civilians") and str(article.published) == "2017-06-12"


def test_wire_copy_is_a_near_duplicate() -> None:
    index = NearDuplicateIndex()
    for path in sorted(EXAMPLES.glob("*.txt")):
        index.add(path.name, path.read_text(encoding="utf-8"))
    assert frozenset({"01_maskanah_wire.txt", "02_maskanah_copy.txt"}) in index.clusters()
    assert sum(len(c) > 1 for c in index.clusters()) == 1
