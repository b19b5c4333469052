"""Metadata recovered from the text: datelines, bylines, author boxes, outlets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factories import packaged_kb
from frontlines.clean import clean_article, segment_text
from frontlines.clean.datelines import find_dateline
from frontlines.ingest.metadata import infer_metadata
from frontlines.records import Article, Precision, text_id

# dates recovered from FA-KES dev: the fa-kes-dev/datelines group of frontlines/evaluate/floors.json


def _article(text: str, **meta) -> Article:
    return Article(id=text_id(text), text=text, source="t.txt", **meta)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use", dt.date(2017, 4, 5), Precision.DAY),
        ("Damascus, SANA – 12 June 2017 Army units restored security", dt.date(2017, 6, 12), Precision.DAY),
        ("2017-06-12 Clashes near Tadmur", dt.date(2017, 6, 12), Precision.DAY),
        ("June 12, 2017 Rebels shell Aleppo", dt.date(2017, 6, 12), Precision.DAY),
        ("Posted on April 4 2017 by staff", dt.date(2017, 4, 4), Precision.DAY),
        ("Last updated at Jul 152015 BEIRUT At least 15", dt.date(2015, 7, 15), Precision.DAY),
        ("21.08.2013Get short URL", dt.date(2013, 8, 21), Precision.DAY),
        ("6-09-2013 Extremists in Syria", dt.date(2013, 9, 6), Precision.DAY),
        ("March 2016 overview of the fighting", dt.date(2016, 3, 1), Precision.MONTH),
    ],
)
def test_datelines(text: str, date: dt.date, precision: Precision) -> None:
    found = find_dateline(text)
    assert found is not None and (found.date, found.precision) == (date, precision)


def test_no_dateline_stays_unknown_with_reason() -> None:
    article = _article("Syrian troops advance near Palmyra\n\nThe army advanced east of the town, a source said.")
    out = clean_article(article, packaged_kb()).article
    assert out.published is None and out.published_basis.startswith("unknown")


def test_a_date_late_in_the_text_is_not_a_dateline() -> None:
    assert find_dateline("x " * 200 + "on 5 May 2017 the army") is None


def test_known_metadata_is_never_overwritten() -> None:
    text = "Wed 05 Apr 2017 Strike on Khan Sheikhoun kills dozens.\n\nBy Jane Roe\nSource: The Duran"
    given = _article(text, outlet="Reuters", author="A. Writer", published=dt.date(2017, 4, 6),
                     published_precision=Precision.DAY, published_basis="given", title="Given title")
    assert infer_metadata(given, segment_text(text, "", packaged_kb()), packaged_kb()) == given


def test_byline_source_and_dateline() -> None:
    text = ("Army on the verge of retaking Palmyra\n\nMon 12 Jun 2017 The Syrian army advanced to within two kilometres "
            "of Palmyra on Monday after heavy clashes with Islamic State fighters, a military source said.\n\n"
            "By Jane Roe\nSource: The Duran\n\nLeave a Reply")
    out = clean_article(_article(text), packaged_kb()).article
    assert (out.author, out.outlet, out.published) == ("Jane Roe", "The Duran", dt.date(2017, 6, 12))
    assert out.published_basis.startswith("dateline at the start of a line") and out.title.startswith("Army on the verge")


def test_author_box_and_outlet_from_bio() -> None:
    text = ("Rebels lose ground in Hama\n\nGovernment troops recaptured three villages in northern Hama province on "
            "Friday, according to state media, after a week of heavy fighting with rebel groups.\n\n"
            "The following two tabs change content below.\n"
            "Omar Khalil Senior Editor at Levant Wire holds a Ph.D. in Political Science and has covered the region for a decade.\n\n"
            "Latest posts by Omar Khalil (see all)")
    out = clean_article(_article(text), packaged_kb()).article
    assert out.author == "Omar Khalil" and out.outlet == "Levant Wire"


def test_outlet_from_donation_domain() -> None:
    text = ("Please support the project. Donate via PayPal: http://southfront.org/donate/ or via Patreon\n"
            "The Syrian army repelled an attack on its positions near the Deir ez-Zor airbase last night, "
            "according to local sources, killing several militants.")
    assert clean_article(_article(text), packaged_kb()).article.outlet == "SouthFront"


def test_seed_metadata(corpus: Path) -> None:
    want = {json.loads(r)["file"]: json.loads(r) for r in (corpus / "seeds-gold" / "docs.jsonl").read_text().splitlines()}
    for path in sorted((corpus / "seeds").glob("*.txt")):
        got = clean_article(_article(path.read_text(encoding="utf-8")), packaged_kb()).article
        gold = want[path.name]
        assert got.author == gold["author"], path.name
        if gold["outlet"]:
            assert got.outlet == gold["outlet"], path.name
        if gold["title"]:
            assert got.title == gold["title"], path.name
