"""Grounding and per-field confidence of rows (issue 9): the default export holds the rows whose
type, place, date and actors come from the text."""

from __future__ import annotations

import dataclasses

from factories import claim
from frontlines.export.grounding import claim_trust, event_trust, grounded_row
from frontlines.fuse import fuse_claims
from frontlines.records import ActorRef, Status


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
