"""Incremental fusion equals a full re-fuse: documents added, removed and re-coded after a
fusion, in any mix, give exactly the events that fusing every claim again gives."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import DEIR, MAYADIN, claim
from frontlines.fuse import fuse_claims
from frontlines.fuse.incremental import refuse_claims
from frontlines.records import Claim, Event, Place, Status

#: places a few km apart (within the 10 km radius of each other or not), across grid cells
NEAR_DEIR = Place("test:near", "Near Deir", 35.39, 40.20, "SY")  # ~8 km from Deir ez-Zor
FARTHER = Place("test:far", "Farther", 35.45, 40.27, "SY")  # ~9 km from the last, ~17 km from Deir
PLACES = [DEIR, MAYADIN, NEAR_DEIR, FARTHER, None, "no place"]
DATES = [None, "2017-09-05", "2017-09-06", "2017-09-08", "2017-09-12", "2017-09"]
ACTORS = [None, "Military Forces of Syria (2000-2024)", "Islamic State (Syria)"]
TYPES = [("Battles", "Armed clash"), ("Battles", "Government regains territory"),
         ("Explosions/Remote violence", "Air/drone strike")]


@st.composite
def claims_of(draw: st.DrawFn, doc: str, version: int = 0) -> list[Claim]:
    found = []
    for n in range(draw(st.integers(1, 4))):
        event_type, sub = draw(st.sampled_from(TYPES))
        place = draw(st.sampled_from(PLACES))
        made = claim(doc, n * 50 + version, event_type=event_type, sub=sub,
                     status=draw(st.sampled_from([Status.ASSERTED, Status.REPORTED, Status.DENIED, Status.EXPECTED])),
                     place=None if place == "no place" else place,  # type: ignore[arg-type]
                     date=draw(st.sampled_from(DATES)), actor1=draw(st.sampled_from(ACTORS)),
                     actor2=draw(st.sampled_from(ACTORS)), fatalities=draw(st.sampled_from([None, 3, 12])))
        if place == "no place":
            made = dataclasses.replace(made, location=None)
        found.append(made)
    return found


def _stored_links(events: list[Event], claims: list[Claim], recoded: set[str]) -> list[Event]:
    """The events as a store gives them back after the documents changed: links to claims that
    are gone, or whose document was stored again, were deleted with them."""
    kept = {c.id for c in claims if c.doc_id not in recoded}
    return [dataclasses.replace(e, claim_ids=tuple(i for i in e.claim_ids if i in kept)) for e in events]


@settings(max_examples=150, deadline=None)
@given(data=st.data(), old_docs=st.integers(1, 12), new_docs=st.integers(0, 5))
def test_incremental_fusion_equals_a_full_re_fuse(data: st.DataObject, old_docs: int, new_docs: int) -> None:
    before = {f"d{n:02}": data.draw(claims_of(f"d{n:02}")) for n in range(old_docs)}
    events = fuse_claims(c for cs in before.values() for c in cs)
    after = dict(before)
    removed = data.draw(st.sets(st.sampled_from(sorted(before))))
    recoded = data.draw(st.sets(st.sampled_from(sorted(before)))) - removed
    for doc in removed:
        del after[doc]
    for doc in recoded:  # the same document coded again (e.g. --force), its claims now different
        after[doc] = data.draw(claims_of(doc, version=1))
    for n in range(new_docs):
        after[f"n{n:02}"] = data.draw(claims_of(f"n{n:02}"))
    claims = [c for cs in after.values() for c in cs]
    changed = recoded | {d for d in after if d.startswith("n")}
    result = refuse_claims(claims, _stored_links(events, claims, changed), changed)
    assert result.events == fuse_claims(claims)


def test_a_far_away_document_re_fuses_only_its_own_claims() -> None:
    old = [claim(f"d{n}", 0, date=f"2017-0{1 + n % 9}-05") for n in range(40)]
    events = fuse_claims(old)
    new = [claim("x1", 0, place=MAYADIN, date="2018-01-01")]
    result = refuse_claims(old + new, events, {"x1"})
    assert result.events == fuse_claims(old + new)
    assert result.reclustered == 1 and result.claims == 41


def test_nothing_new_re_clusters_nothing() -> None:
    old = [claim(f"d{n}", 0) for n in range(5)]
    result = refuse_claims(old, fuse_claims(old))
    assert result.reclustered == 0 and result.events == fuse_claims(old)
