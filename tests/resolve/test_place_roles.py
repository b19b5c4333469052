"""Place mentions carry their role: datelines and states named as actors are never event locations."""

from __future__ import annotations

import pytest

from factories import packaged_kb
from frontlines.extract.location import locates
from frontlines.records import Mention
from frontlines.resolve.gazetteer import SqliteGazetteer
from frontlines.resolve.place_patterns import is_dateline
from frontlines.resolve.places import PlaceResolver
from frontlines.taxonomy import MentionRole


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(SqliteGazetteer(), packaged_kb())


@pytest.mark.parametrize("text", [
    "BEIRUT, May 3 (Agency) - Rebels shelled Idlib.",
    "Hasaka, SANA- The army shelled Idlib.",
    "TEHRAN (Agency)– Rebels shelled Idlib.",
    "ALEPPO, Syria (AP) — Rebels shelled Idlib.",
    "Homs, 12 March 2014 (Agency) - Rebels shelled Idlib.",
    "London, May 9: Rebels shelled Idlib.",
    "DAMASCUS, 12 March 2014 (Agency): Rebels shelled Idlib.",
    "Last updated at Nov 272017 BEIRUT Rebels shelled Idlib.",
    "Published July 27 2016 DAMASCUS Rebels shelled Idlib.",
    "A man runs past ruins in a photo (AFP photo) BEIRUT Rebels shelled Idlib.",
    "Five people died, a reporter said. TEHRAN (Agency) Rebels shelled Idlib.",
])
def test_a_dateline_is_publication_metadata(resolver: PlaceResolver, text: str) -> None:
    mentions = resolver.find(text, "d", [(0, len(text))])
    first, idlib = mentions[0], mentions[-1]
    assert first.role == MentionRole.DATELINE and not locates(first)
    assert idlib.text == "Idlib" and idlib.role == MentionRole.OTHER and locates(idlib)


def test_a_name_that_opens_a_sentence_is_no_dateline() -> None:
    for text in ("Aleppo is shelled daily.", "Aleppo: rebels advance.", "Aleppo, Homs: rebels advance.",
                 "On May 3 2015 Aleppo was shelled.", "May 3 2015 Aleppo is shelled daily.",
                 "The army entered Aleppo - again."):
        assert not is_dateline(text, text.index("Aleppo"), text.index("Aleppo") + 6), text
    for text in ("The army said. ALEPPO IS FREE, it wrote.", "Fighters entered ALEPPO city on Monday."):
        assert not is_dateline(text, text.index("ALEPPO"), text.index("ALEPPO") + 6), text


def test_a_country_named_as_an_actor_is_a_place_mention_in_that_role(resolver: PlaceResolver) -> None:
    text = "Israel's prime minister said jets struck a depot near Damascus airport. Moscow said nothing."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Israel"].role == MentionRole.ACTOR and found["Israel"].place.country == "IL"
    assert found["Moscow"].role == MentionRole.ACTOR and not locates(found["Moscow"])
    assert any(locates(m) and "Damascus" in m.text for m in found.values())


def test_an_unknown_name_never_locates_an_event() -> None:
    assert not locates(Mention("d", "place", 0, 5, "Qzwrt", place=None))
