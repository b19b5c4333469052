"""Control stated in a sentence of its own (no event claim in it): read as a held fact of the
report's day, with a lower weight; hedged, negated or forecast statements are left out."""

from __future__ import annotations

import re
from dataclasses import replace

from kit import REBELS, SAA, SDF, finder, said, town

from frontlines.derive import extract_facts, load_territory
from frontlines.derive.confidence import ALONE_FACTOR, fact_weight
from frontlines.derive.facts import SourceInfo
from frontlines.derive.statements import control_cue, statement_sentences
from frontlines.records import ALONE_CUE, Claim, FactKind, Mention, Place, Status

CUES = load_territory()
PLACES = {"Kafr Zita": town("Kafr Zita", 35.37, 36.6), "Tell Hamis": town("Tell Hamis", 36.9, 41.1),
          "Ain Dara": town("Ain Dara", 36.4, 36.9)}
PUBLISHED = "2016-04-02"


def mentions_of(text: str, places: dict[str, Place], doc: str = "d1") -> list[Mention]:
    return sorted((Mention(doc, "place", m.start(), m.end(), name, place=place, score=0.9, reason="test",
                           geo_precision=1)
                   for name, place in places.items() for m in re.finditer(re.escape(name), text)),
                  key=lambda m: m.start)


def held(text: str, claims: tuple[Claim, ...] = ()) -> list[tuple[str, str | None, str | None]]:
    mentions = mentions_of(text, PLACES)
    bare = statement_sentences("d1", text, [(0, len(text))], claims, mentions, control_cue(CUES))
    facts = extract_facts([*claims, *bare], mentions, CUES, find_actors=finder,
                          sources={"d1": SourceInfo("Reuters", None, PUBLISHED)})
    return sorted((f.place_name, f.gainer, f.start) for f in facts if f.kind == FactKind.CONTROL)


def test_a_statement_of_control_standing_alone_is_a_held_fact_of_the_report_day() -> None:
    opening = "Fighting went on across the north on Friday, a monitor said. "
    cases = {
        "Kafr Zita is now under the control of the Syrian army, residents said.": SAA,
        "The rebels, who still hold Kafr Zita, refused the offer.": REBELS,
        "The SDF, which holds the town of Tell Hamis, sent reinforcements.": SDF,
        "The Syrian army now controls Kafr Zita.": SAA,
        "Tell Hamis is still held by the SDF.": SDF,
    }
    for sentence, holder in cases.items():
        found = held(opening + sentence)
        assert found == [(next(n for n in PLACES if n in sentence), holder, PUBLISHED)], sentence


def test_a_hedged_negated_or_partial_statement_alone_makes_no_fact() -> None:
    for sentence in ("Kafr Zita could soon be under the control of the Syrian army.",
                     "Kafr Zita is no longer under the control of the Syrian army.",
                     "The rebels, who hold most of Kafr Zita, refused the offer.",
                     "The rebels hope to control Kafr Zita before winter."):
        assert held("Shelling went on, a monitor said. " + sentence) == [], sentence


def test_a_sentence_with_a_claim_is_read_once_through_its_claim() -> None:
    text = "Heavy clashes went on near Ain Dara, held by the SDF."
    claim, _ = said(text, "clashes", {"Ain Dara": PLACES["Ain Dara"]}, sub="Armed clash", offset=0)
    assert statement_sentences("d1", text, [(0, len(text))], [claim], mentions_of(text, PLACES), control_cue(CUES)) == []
    facts = held(text, (claim,))
    assert facts == [("Ain Dara", SDF, PUBLISHED)]


def test_a_statement_alone_weighs_less_than_one_made_with_an_event() -> None:
    alone = "Shelling went on, a monitor said. Ain Dara is under the control of the SDF."
    mentions = mentions_of(alone, PLACES)
    bare = statement_sentences("d1", alone, [(0, len(alone))], (), mentions, control_cue(CUES))
    [fact] = extract_facts(bare, mentions, CUES, find_actors=finder)
    assert fact.alone and fact.cue.startswith(ALONE_CUE) and fact.status == Status.ASSERTED
    claim, ms = said("Heavy clashes went on near Ain Dara, which remains under the control of the SDF.", "clashes",
                     {"Ain Dara": PLACES["Ain Dara"]}, sub="Armed clash")
    [with_event] = extract_facts([claim], ms, CUES, find_actors=finder)
    assert not with_event.alone and with_event.kind == FactKind.CONTROL
    assert fact_weight(fact) < fact_weight(with_event)


def test_the_weight_of_a_statement_alone_follows_its_field_not_its_cue_text() -> None:
    alone = "Shelling went on, a monitor said. Ain Dara is under the control of the SDF."
    mentions = mentions_of(alone, PLACES)
    bare = statement_sentences("d1", alone, [(0, len(alone))], (), mentions, control_cue(CUES))
    [fact] = extract_facts(bare, mentions, CUES, find_actors=finder)
    full = fact_weight(replace(fact, alone=False))
    assert fact_weight(fact) == round(full * ALONE_FACTOR, 3) and full > 0
    assert fact_weight(replace(fact, cue="control statement: 'under the control of'")) == fact_weight(fact)
    assert fact_weight(replace(fact, alone=False, cue=fact.cue)) == full  # the cue text alone weighs nothing
    capture = replace(fact, kind=FactKind.CAPTURE, alone=True)  # only a control statement is said in passing
    assert fact_weight(capture) == fact_weight(replace(capture, alone=False))


def test_with_x_under_their_control_names_the_subject_that_follows_in_a_sentence_of_no_claim() -> None:
    text = ("Shelling went on, a monitor said. With Kafr Zita town under their control, the Syrian army "
            "will now turn west.")
    assert held(text) == [("Kafr Zita", SAA, PUBLISHED)]
    assert held("Shelling went on. Tell Hamis is under the full control of the SDF, residents said.") == [
        ("Tell Hamis", SDF, PUBLISHED)]


def test_a_held_part_or_the_land_around_a_place_says_nothing_of_the_place() -> None:
    for sentence in ("Food ran low in rebel-held eastern Kafr Zita, a monitor said.",
                     "Jets struck villages in the rebel-held Kafr Zita countryside.",
                     "The convoy reached the rebel-controlled province of Kafr Zita."):
        assert held("Shelling went on. " + sentence) == [], sentence
    assert held("Shelling went on. Food ran low in rebel-held Kafr Zita.") == [("Kafr Zita", REBELS, PUBLISHED)]
