"""Grounding and per-field confidence of rows (issue 9): the default export holds the rows whose
type, place, date and actors come from the text."""

from __future__ import annotations

import dataclasses

from factories import claim
from frontlines.export.grounding import claim_trust, event_trust, grounded_row
from frontlines.fuse import fuse_claims
from frontlines.records import ActorRef, Place, Status


def _event(*claims):  # type: ignore[no-untyped-def]
    [event] = fuse_claims(list(claims))
    return event, event_trust(event, list(claims))


def test_a_row_from_the_text_is_grounded() -> None:
    event, trust = _event(claim("d1", 0, fatalities=3))
    assert {"type", "actor1", "actor2", "place", "date", "fatalities"} <= trust.grounded
    assert grounded_row(event, trust) and all(0 < v <= 1 for v in trust.as_dict().values())


def test_defaults_and_inferences_are_not_grounded() -> None:
    base = claim("d1", 0)
    undated = dataclasses.replace(base, date_text=None)  # dated by the publication day
    assert "date" not in claim_trust(undated).grounded
    main_place = dataclasses.replace(base, notes="location: the document's main place")
    assert "place" not in claim_trust(main_place).grounded
    inferred = dataclasses.replace(base, actor2=ActorRef(None, "Islamic State (Syria)", 2, "jihadist", True))
    assert "actor2" not in claim_trust(inferred).grounded
    event, trust = _event(inferred)
    assert not grounded_row(event, trust) and trust.of("actor2") < claim_trust(base).of("actor2")


def test_what_did_not_happen_is_never_a_grounded_row() -> None:
    for status in (Status.BACKGROUND, Status.EXPECTED, Status.DENIED):
        event, trust = _event(claim("d1", 0, status=status))
        assert not grounded_row(event, trust)


def test_a_second_document_raises_the_confidence() -> None:
    _, one = _event(claim("d1", 0))
    _, two = _event(claim("d1", 0), claim("d2", 0))
    assert two.of("actor1") > one.of("actor1")


def _placed_in(sentence: str, name: str):  # type: ignore[no-untyped-def]
    base = claim("d1", 0)
    at = sentence.index(name)
    assert base.location is not None
    where = dataclasses.replace(base.location, start=at, end=at + len(name), text=name)
    return dataclasses.replace(base, sentence=sentence, end=len(sentence), location=where)


def test_a_reference_point_or_a_countryside_does_not_ground_the_place() -> None:
    """ "An air strike on a base east of Kafr Tala", "clashes in Kafr Tala countryside": the text
    does not say where it happened, only near what; "in Kafr Tala" does."""
    for sentence in ("Jets struck an air base east of Kafr Tala on Monday.",
                     "Clashes erupted in Kafr Tala countryside on Monday.",
                     "Troops took a hill in the northern countryside of Kafr Tala on Monday."):
        assert "place" not in claim_trust(_placed_in(sentence, "Kafr Tala")).grounded, sentence
    for sentence in ("Jets struck Kafr Tala, east of Homs, on Monday.", "Clashes erupted in Kafr Tala on Monday."):
        assert "place" in claim_trust(_placed_in(sentence, "Kafr Tala")).grounded, sentence


def test_a_region_part_of_a_place_does_not_ground_the_place() -> None:
    """ "The northwestern region of Kafr Tala", "villages in the southern part of the Kafr Tala
    province": the row's point would be the town or the province's centre, not the region the
    text names; the southern part of a town is the town."""
    region = _placed_in("Jets struck in the northwestern region of Kafr Tala on Monday.", "Kafr Tala")
    assert "place" not in claim_trust(region).grounded
    part = _placed_in("Troops took villages in the southern part of the Kafr Tala province on Monday.", "Kafr Tala")
    assert "place" not in claim_trust(dataclasses.replace(part, geo_precision=3)).grounded
    town = _placed_in("Jets struck the southern part of Kafr Tala town on Monday.", "Kafr Tala")
    assert "place" in claim_trust(dataclasses.replace(town, geo_precision=1)).grounded


def test_a_dateline_place_does_not_ground_the_place() -> None:
    """ "Kafr Tala, Mar 1 The troops killed ...": where the report was filed."""
    for sentence in ("Kafr Tala, Mar 1 The troops killed 12 gunmen on Monday.",
                     "Kafr Tala, Jan 7, 2013, XYZ - The army shelled a town on Monday.",
                     "KAFR TALA (Agency) – The army shelled a town on Monday."):
        name = sentence.split(",")[0].split(" (")[0]
        assert "place" not in claim_trust(_placed_in(sentence, name)).grounded, sentence
    for sentence in ("Kafr Tala, a town near Homs, was shelled on Monday.", "Kafr Tala was shelled on Monday."):
        assert "place" in claim_trust(_placed_in(sentence, "Kafr Tala")).grounded, sentence


def test_a_nationwide_sum_does_not_ground_the_place() -> None:
    """ "Troops killed 55 rebels in separate clashes nationwide, as jets bombed Kafr Tala": the
    toll is a sum over the country, the place belongs to another clause."""
    for sentence, trigger in (("Troops killed 55 rebels in separate clashes nationwide, as jets bombed Kafr Tala.",
                               "clashes"),
                              ("Troops killed 55 rebels in operations across the country near Kafr Tala.",
                               "operations")):
        c = dataclasses.replace(_placed_in(sentence, "Kafr Tala"), trigger_start=sentence.index(trigger))
        assert "place" not in claim_trust(c).grounded, sentence
    c = _placed_in("Clashes in Kafr Tala killed 5 rebels on Monday, officials said, as talks on a truce went on nationwide.",
                   "Kafr Tala")
    assert "place" in claim_trust(dataclasses.replace(c, trigger_start=0)).grounded


def test_an_armed_clash_with_civilians_has_no_grounded_type() -> None:
    """ "Attacks killed 53 people in Kafr Tala" made a clash whose other side is civilians: a
    clash needs two armed sides, so the row's type is not told by the text; an attack on
    civilians, or a clash with an armed group, is."""
    on_civilians = dataclasses.replace(claim("d1", 0), actor2=ActorRef("people", "Civilians (Syria)", 7, "civilians"))
    event, trust = _event(on_civilians)
    assert event.inter2 == 7 and "type" not in trust.grounded and not grounded_row(event, trust)
    attack = dataclasses.replace(on_civilians, event_type="Violence against civilians", sub_event_type="Attack")
    event, trust = _event(attack)
    assert "type" in trust.grounded and grounded_row(event, trust)
    event, trust = _event(claim("d1", 0))
    assert "type" in trust.grounded and grounded_row(event, trust)


def test_an_armed_clash_needs_a_named_second_side() -> None:
    """ "Troops were shelling and pushing forward in Kafr Tala": a clash whose other side the
    text does not name has not told a clash; it stays in the dataset, out of the default
    export.  Other types need no second side."""
    event, trust = _event(claim("d1", 0, actor2=None))
    assert event.actor2 is None and not grounded_row(event, trust)
    event, trust = _event(claim("d1", 0))
    assert grounded_row(event, trust)
    strike = claim("d1", 0, event_type="Explosions/Remote violence", sub="Air/drone strike", actor2=None)
    event, trust = _event(strike)
    assert grounded_row(event, trust)


def test_a_capture_of_a_province_does_not_ground_the_place() -> None:
    """ "The army restored security to vast areas in Kafr Tala province": a capture is of a
    town, a hill or a base; a province is not what changed hands, whichever claim names it."""
    province = Place("test:kt", "Kafr Tala", 35.0, 36.0, "SY", "Kafr Tala", None, "admin1")
    taken = claim("d1", 0, event_type="Strategic developments", sub="Government regains territory",
                  place=province, actor2=None)
    assert "place" not in claim_trust(taken).grounded
    [event] = fuse_claims([taken])
    trust = event_trust(event, [taken, claim("d1", 100, place=province)])  # a clash's claim names it too
    assert event.sub_event_type == "Government regains territory" and "place" not in trust.grounded
    assert "place" in claim_trust(claim("d1", 0, place=province)).grounded  # a clash in a province
    town = claim("d1", 0, event_type="Strategic developments", sub="Government regains territory", actor2=None)
    assert "place" in claim_trust(town).grounded


def test_unnamed_suburbs_and_villages_near_a_captured_place_do_not_ground_it() -> None:
    """ "An air strike on suburbs of Kafr Tala" is on a region around the town; "after capturing
    villages around Kafr Tala" took places near the town, not the town; "the suburb of Kafr
    Tala" and "clashes in villages around Kafr Tala" are at the town."""
    suburbs = _placed_in("Jets carried out an air strike on suburbs of Kafr Tala on Monday.", "Kafr Tala")
    assert "place" not in claim_trust(suburbs).grounded
    named = _placed_in("Jets struck the suburb of Kafr Tala on Monday.", "Kafr Tala")
    assert "place" in claim_trust(named).grounded
    sentence = "After capturing villages around Kafr Tala, the militia burned houses there on Monday."
    taken = dataclasses.replace(_placed_in(sentence, "Kafr Tala"), event_type="Strategic developments",
                                sub_event_type="Non-state actor overtakes territory")
    assert "place" not in claim_trust(taken).grounded
    clash = _placed_in("Clashes erupted in villages around Kafr Tala on Monday.", "Kafr Tala")
    assert "place" in claim_trust(clash).grounded
