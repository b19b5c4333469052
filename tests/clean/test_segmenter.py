"""Unit tests of the plain-text segmenter on texts written for the tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import packaged_kb
from frontlines.clean import clean_article, segment_text
from frontlines.records import Article, Role, text_id
from frontlines.registry import cleaners

REPORT = """Army retakes Maskanah as ISIS pulls back towards Raqqa

By Rami Haddad

The Syrian army took full control of Maskanah in eastern Aleppo province on Sunday after ISIS fighters withdrew towards the Raqqa border, a military source said.

According to local activists, at least 14 militants were killed in clashes on the western edge of the town.

Army units are expected to push along the Euphrates towards Dibsi Afnan within days.

Share this:

Leave a Reply

Your email address will not be published. Required fields are marked *"""

COMMENTED = """Government forces repel attack near Daraa

Government forces repelled an attack by rebel fighters on positions east of Daraa city on Tuesday, killing at least nine of the attackers, state media said.

The army also shelled rebel positions in the town of Busra al-Harir, according to the Syrian Observatory for Human Rights.
lol the rebels are finished!
you clearly have no idea what you are talking about :D
No!
If the army takes Nasib crossing the whole south collapses, trust me.
https://www.youtube.com/watch?v=abc123
Why do you keep posting this idiot?"""


def _roles(text: str) -> dict[int, str]:
    return {n: s.role.value for s in segment_text(text, "", packaged_kb()) for n in range(s.first_line, s.last_line + 1)}


def test_report_blocks() -> None:
    roles = _roles(REPORT)
    assert roles[1] == "title" and roles[3] == "byline"
    assert [roles[n] for n in (5, 7, 9)] == ["body"] * 3
    assert {roles[n] for n in (11, 13, 15)} == {"boilerplate"}


def test_unmarked_comments_after_article() -> None:
    roles = _roles(COMMENTED)
    assert roles[3] == roles[5] == "body"
    assert {roles[n] for n in range(6, 12)} == {"comments"}


def test_wire_story_without_debris_is_all_body_after_title() -> None:
    text = "Car bomb kills 8 in Azaz\n\nA car bomb exploded near a market in the northern Syrian town of Azaz on Saturday, killing eight people, the Syrian Observatory for Human Rights said."
    assert [s.role for s in segment_text(text, "", packaged_kb())] == [Role.TITLE, Role.BODY]


def test_person_quoted_speech_stays_body() -> None:
    text = (
        "The general spoke to reporters at the base on Monday about the offensive near Palmyra.\n\n"
        "He told journalists:\n\n"
        "“We will liberate the remaining villages east of Palmyra before the end of the month,” he said."
    )
    assert {s.role for s in segment_text(text, "", packaged_kb())} == {Role.BODY}


def test_quote_after_outlet_intro() -> None:
    text = (
        "The battle for Deir ez-Zor is entering a decisive phase according to several observers on the ground.\n\n"
        "Here is how SANA describes it:\n\n"
        "Army units advanced on several axes and destroyed fortified positions of Daesh terrorists in the Panorama area.\n\n"
        "I would only add that the siege is now close to being broken, which changes the whole picture in the east."
    )
    segments = segment_text(text, "", packaged_kb())
    quote = [s for s in segments if s.role is Role.QUOTE]
    assert len(quote) == 1 and quote[0].first_line == 5 and quote[0].quoted_source == "SANA"
    assert segments[-1].role is Role.BODY


def test_registered_as_default_cleaner() -> None:
    assert cleaners.get("default") is clean_article


def test_clean_article_returns_tiling_segments_and_metadata() -> None:
    article = Article(id=text_id(REPORT), text=REPORT, source="t.txt")
    cleaned = clean_article(article, packaged_kb())
    assert cleaned.article.author == "Rami Haddad"
    assert cleaned.article.title.startswith("Army retakes Maskanah")
    assert "".join(s.text_of(REPORT) for s in cleaned.segments) == REPORT


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), max_size=12))
def test_segments_tile_any_text(parts: list[str]) -> None:
    text = "\n".join(parts)
    segments = segment_text(text, "", packaged_kb())
    n_lines = len(text.split("\n"))
    assert segments[0].first_line == 1 and segments[-1].last_line == n_lines
    assert all(a.last_line + 1 == b.first_line for a, b in zip(segments, segments[1:], strict=False))
    assert all(a.end == b.start for a, b in zip(segments, segments[1:], strict=False))
    assert "".join(s.text_of(text) for s in segments) == text
    assert all(s.index == i for i, s in enumerate(segments))


OPED = """Mon 12 Jun 2017

Posted on June 12, 2017 by Levant Wire

Army shells rebel positions in Jobar

The Syrian army shelled rebel positions in the Jobar district of Damascus on Monday, a war monitor said, killing at least four fighters.

If you think this war is over, think again. The army has lost hundreds of men in Jobar in the last month alone!

We must ask ourselves: who benefits from the endless shelling of Jobar and Ain Tarma, and who pays?"""


def test_dates_and_posted_lines_are_bylines_and_rhetoric_is_not_comments() -> None:
    roles = _roles(OPED)
    assert roles[1] == roles[3] == "byline" and roles[5] == "title"
    assert {roles[n] for n in (7, 9, 11)} == {"body"}


def test_timestamped_reply_chain_is_comments() -> None:
    text = COMMENTED.split("\nlol")[0] + (
        "\nAbu Omar 2 hours ago\nThis is what happens when you trust the regime media\n"
        "Reply\nMaria K. 1 hour ago\nagree, total nonsense\nReply"
    )
    roles = _roles(text)
    assert roles[5] == "body" and {roles[n] for n in range(6, 12)} == {"comments"}
