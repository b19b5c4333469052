"""Place names in running text that the recogniser used to cut or miss (issue 9): a holder word
("IS-held") is no part of the name after it, a lowercase article written apart opens a name
("the city of al Bab"), a known first word does not cut a listed neighbourhood short ("Baba
Amr"), and the parts of a town listed after it ("Homs City, especially the neighborhoods of
...") lie in that town, in every mention of the name.  Sentences written for these tests, a
small in-memory gazetteer."""

from __future__ import annotations

from factories import packaged_kb
from frontlines.records import Mention, Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.place_patterns import parts_of
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words

BAB = Place("t:bab", "al-Bab", 36.37, 37.52, "SY", "Aleppo", "Al-Bab", "city", 130_745)
JARABLUS = Place("t:jarablus", "Jarabulus", 36.82, 38.01, "SY", "Aleppo", None, "settlement", 25_000)
HOMS = Place("t:homs", "Homs", 34.73, 36.69, "SY", "Homs", "Homs", "city", 775_404)
#: villages named like the first word of a Homs neighbourhood, far from Homs
BABA = Place("t:baba", "Baba", 35.40, 36.10, "SY", "Hama", None, "settlement")
KARM = Place("t:karm", "Al Karm", 34.84, 35.99, "SY", "Tartus", None, "settlement")


def _find(text: str) -> dict[str, Mention]:
    gaz = MemoryGazetteer([(BAB, ["Al Bab"]), (JARABLUS, ["Jarablus"]), (HOMS, []), (BABA, []), (KARM, [])],
                          WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_holder_word_is_no_part_of_the_name_after_it() -> None:
    found = _find("The militants fled from Jarablus toward IS-held al-Bab on Thursday.")
    assert "IS-held al-Bab" not in found
    assert found["al-Bab"].place is not None and found["al-Bab"].place.gazetteer_id == BAB.gazetteer_id
    found = _find("Rebels shelled the regime-controlled al-Bab.")
    assert found["al-Bab"].place is not None and found["al-Bab"].place.gazetteer_id == BAB.gazetteer_id


def test_a_lowercase_article_written_apart_opens_a_name_the_gazetteer_holds() -> None:
    found = _find("The rest pulled back towards the city of al Bab after the battle for Jarablus.")
    assert found["al Bab"].place is not None and found["al Bab"].place.gazetteer_id == BAB.gazetteer_id
    # an article before a word that is, as written, no name of the gazetteer opens nothing
    assert not any(text.startswith("al ") for text in _find("He said al Jarablusi was there."))


def test_a_listed_neighbourhood_is_not_cut_short_by_a_known_first_word() -> None:
    found = _find("At least 50 people were killed in the shelling of the Homs neighborhoods of Bayadah, "
                  "Baba Amr and Karm el-Zeytoun.")
    for name in ("Baba Amr", "Karm el-Zeytoun", "Bayadah"):
        mention = found[name]
        assert mention.place is not None and mention.place.gazetteer_id == HOMS.gazetteer_id, name
        assert mention.geo_precision == 2, name
    assert "Baba" not in found and "Karm" not in found


def test_parts_listed_after_their_town_lie_in_it_in_every_mention() -> None:
    text = ("23 were killed in the pounding of Homs City, especially the neighborhoods of Baba Amr, "
            "Karm Al-Shami and Bab Dreib. The group said 23 homes were damaged in Baba Amr alone.")
    resolver = PlaceResolver(MemoryGazetteer([(HOMS, []), (BABA, []), (KARM, [])], WORDS), packaged_kb(),
                             use_actors=False)
    mentions = resolver.find(text, "d", [(0, len(text))])
    parts = [m for m in mentions if m.text in ("Baba Amr", "Karm Al-Shami", "Bab Dreib")]
    assert len(parts) == 4  # Baba Amr twice: the second mention, outside the list, is the same part of Homs
    assert all(m.place is not None and m.place.gazetteer_id == HOMS.gazetteer_id for m in parts)


def test_the_town_before_a_list_of_its_parts() -> None:
    text = "the shelling of Homs City, especially the neighborhoods of Baba Amr, Karm Al-Shami and Bab Dreib"
    assert parts_of(text, text.index("Bab Dreib")) == "Homs"
    text = "the shelling of the Homs neighborhoods of Bayadah and Baba Amr"
    assert parts_of(text, text.index("Baba Amr")) == "Homs"
    # a place named before a list of villages is no town of neighbourhoods
    text = "clashes near Homs and in the villages of Baba Amr and Bab Dreib"
    assert parts_of(text, text.index("Bab Dreib")) is None


ALEPPO = Place("t:aleppo", "Aleppo", 36.20, 37.17, "SY", "Aleppo", "Jabal Saman", "city", 1_602_264)
DABIQ = Place("t:dabiq", "Dabiq", 36.54, 37.27, "SY", "Aleppo", None, "settlement", 3_000)


def _find_aleppo(text: str) -> dict[str, Mention]:
    gaz = MemoryGazetteer([(ALEPPO, []), (DABIQ, []), (HOMS, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_neighbourhood_lies_in_the_city_named_before_it_in_its_paragraph() -> None:
    text = ("After clashes near Homs and southwest of Dabiq, government forces pounded rebel-held districts in the contested city of "
            "Aleppo, with an airstrike on a building in the Qaterji neighborhood that killed 25 people.")
    mention = _find_aleppo(text)["Qaterji neighborhood"]
    assert mention.place is not None and mention.place.gazetteer_id == ALEPPO.gazetteer_id
    assert mention.geo_precision == 2


def test_a_town_named_without_the_word_city_or_in_another_paragraph_is_no_container() -> None:
    # a town named bare may be one of many the paragraph lists: the neighbourhood stays unplaced
    # (the report names two cities, neither of which it is clearly about)
    text = "Clashes went on near Homs and Aleppo, and a shell hit the Qaterji neighborhood."
    assert _find_aleppo(text)["Qaterji neighborhood"].place is None
    text = "Fighting raged in the city of Aleppo.\n\nLater, near Homs, an airstrike hit the Qaterji neighborhood."
    assert _find_aleppo(text)["Qaterji neighborhood"].place is None


JOBAR = Place("t:jobar", "Jobar", 33.53, 36.34, "SY", "Damascus", None, "neighbourhood")
JAWBAR = Place("t:jawbar", "Jawbar", 34.68, 36.66, "SY", "Homs", None, "settlement")
ABROAD_DISTRICT = Place("t:besiri", "Besiri", 37.81, 41.45, "TR", "Batman", "Besiri", "admin2", 31_649)


def test_a_neighbourhood_named_bare_ranks_like_a_town() -> None:
    gaz = MemoryGazetteer([(JOBAR, ["Jawbar"]), (JAWBAR, ["Jobar"])], WORDS)
    first = gaz.candidates("Jobar", limit=2)[0]
    assert first.place.gazetteer_id == JOBAR.gazetteer_id  # its own name as written, no feature penalty


def test_a_district_may_be_a_part_of_a_town_and_minor_units_abroad_do_not_exclude_it() -> None:
    assert "neighbourhood" in WORDS.split("Qabon district")[1]
    qaboun = Place("t:qaboun", "Qaboun", 33.55, 36.34, "SY", "Damascus", None, "neighbourhood")
    gaz = MemoryGazetteer([(qaboun, []), (ABROAD_DISTRICT, ["Qubin"])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "The air force renewed its raids on Qabon district on Monday."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Qabon district"] is not None and found["Qabon district"].gazetteer_id == qaboun.gazetteer_id


def test_the_packaged_gazetteer_knows_the_municipalities_of_damascus() -> None:
    from frontlines.resolve.gazetteer import SqliteGazetteer

    gaz = SqliteGazetteer()
    for name in ("Jobar", "Qaboun", "Barzeh", "Qadam", "Mezzeh", "Kafr Sousa", "Rukn al-Din"):
        first = gaz.candidates(name, limit=3)[0].place
        assert (first.admin1, first.feature) == ("Damascus", "neighbourhood"), name


def test_classes_asked_for_that_only_minor_places_abroad_have_do_not_empty_the_choice() -> None:
    from frontlines.records import Candidate
    from frontlines.resolve.place_context import Focus, choose
    from frontlines.taxonomy import MatchKind

    qaboun = Place("t:qaboun", "Qaboun", 33.55, 36.34, "SY", "Damascus", None, "neighbourhood")
    cands = [Candidate(ABROAD_DISTRICT, 0.81, "vowel", MatchKind.VOWEL), Candidate(qaboun, 0.58, "core", MatchKind.CORE)]
    best = choose(cands, Focus(country="SY"), None, frozenset({"admin2", "admin3"}))
    assert best is not None and best.place.gazetteer_id == qaboun.gazetteer_id


def test_a_dateline_abroad_is_not_the_town_the_report_is_about() -> None:
    beirut = Place("t:beirut", "Beirut", 33.89, 35.50, "LB", "Beirut", None, "city", 361_366)
    daraa = Place("t:daraa", "Daraa", 32.62, 36.10, "SY", "Daraa", None, "city", 100_000)
    gaz = MemoryGazetteer([(beirut, []), (daraa, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = ("BEIRUT, LEBANON (12:15 P.M.) – Rebel forces in Daraa began handing over their weapons.\n\n"
            "The rebels gathered their weapons in the Sad district to hand them over.")
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    part = found["Sad district"]  # a part of the town the report is about, not of the dateline's
    assert part is not None and part.gazetteer_id == daraa.gazetteer_id
