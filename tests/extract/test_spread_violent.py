"""Violent events told over a coordinated list of places: one claim per place, as ACLED
codes one event per location, and only where the list is the event's own place.  The
sentences are invented for the tests."""

from __future__ import annotations

import dataclasses

from frontlines.evaluate.fakes import _main_event
from frontlines.records import Event, Status


def _places(claims, trigger):
    return sorted(c.location.text for c in claims if c.trigger == trigger and c.location is not None)


def test_clashes_in_two_towns_are_two_events_toll_on_the_first(claims_of):
    claims = claims_of("Clashes erupted between the army and the rebels in Douma and Harasta on Monday, "
                       "killing six fighters.")
    assert _places(claims, "Clashes") == ["Douma", "Harasta"]
    tolls = {c.location.text: c.fatalities for c in claims if c.trigger == "Clashes"}
    assert tolls["Harasta"] is None  # the copy carries no toll: the text does not split it


def test_air_strikes_that_hit_two_towns_are_two_events(claims_of):
    claims = claims_of("Warplanes pounded Saqba and Hamouriyeh on Tuesday, killing four civilians.")
    assert _places(claims, "pounded") == ["Hamouriyeh", "Saqba"]


def test_shelling_on_two_towns_is_two_events(claims_of):
    claims = claims_of("Shelling on Douma and Harasta killed five people on Monday.")
    assert _places(claims, "Shelling") == ["Douma", "Harasta"]
    assert sorted(c.fatalities or 0 for c in claims if c.trigger == "Shelling") == [0, 5]


def test_a_road_between_two_towns_is_no_list_of_event_places(claims_of):
    claims = claims_of("Rebels ambushed an army convoy on the road between Douma and Harasta on Monday.")
    assert len([c for c in claims if c.trigger == "ambushed"]) == 1


def test_from_one_town_to_another_is_no_list(claims_of):
    claims = claims_of("The army shelled the highway from Douma to Harasta on Monday.")
    assert len([c for c in claims if c.trigger == "shelled"]) <= 1


def test_a_list_with_a_province_is_not_spread(claims_of):
    claims = claims_of("Warplanes struck Saqba and Idlib province on Tuesday.")
    assert len([c for c in claims if c.trigger == "struck"]) == 1


def _event(eid: str, claim_ids: tuple[str, ...], fatalities: int | None) -> Event:
    fields = {f.name: None for f in dataclasses.fields(Event)}
    fields.update(id=eid, claim_ids=claim_ids, fatalities=fatalities, event_type="Battles",
                  sub_event_type="Armed clash", status=Status.ASSERTED)
    return Event(**fields)


def test_a_spread_copy_never_outranks_the_original_as_main_event(claims_of):
    claims = claims_of("Clashes erupted between the army and the rebels in Douma and Harasta on Monday.")
    original = next(c for c in claims if c.trigger == "Clashes" and "@" not in c.id.rsplit(":", 1)[-1])
    copy = next(c for c in claims if c.trigger == "Clashes" and c.id != original.id)
    by_id = {c.id: c for c in claims}
    # fused with another report, the copy's event holds a toll and the original's does not
    events = [_event("e1", (original.id,), None), _event("e2", (copy.id,), 4)]
    assert _main_event(events, by_id, original.doc_id).id == "e1"


def test_a_copy_fused_into_a_later_event_does_not_move_it_to_the_lead(claims_of):
    """A copy of the lead sentence's claim fused with a later report of its place: the event
    ranks where the article tells it (later), not where the copy's trigger is."""
    claims = claims_of("Two people were killed in attacks with shells on Douma and Harasta on Monday. "
                       "Later, gunmen fired shells on Harasta, killing one person.")
    lead = next(c for c in claims if c.trigger == "attacks" and "@" not in c.id.rsplit(":", 1)[-1])
    copy = next(c for c in claims if c.trigger == "attacks" and c.id != lead.id)
    later = next(c for c in claims if c.trigger == "fired")
    by_id = {c.id: c for c in claims}
    events = [_event("e2", (later.id, copy.id), 1), _event("e1", (lead.id,), 2)]
    assert _main_event(events, by_id, lead.doc_id).id == "e1"
    events = [_event("e2", (later.id, copy.id), 1), _event("e1", (lead.id,), 1)]
    assert _main_event(events, by_id, lead.doc_id).id == "e1"


def test_a_trigger_that_is_the_object_of_another_verb_is_not_spread(claims_of):
    claims = claims_of("Military engineers are engaged in defusing bombs and mines in the streets of Douma and "
                       "Harasta.")
    assert len([c for c in claims if c.trigger == "bombs"]) <= 1


def test_air_strikes_carried_out_on_two_towns_are_two_events(claims_of):
    claims = claims_of("The army carried out air strikes on Douma and Harasta on Monday.")
    assert _places(claims, "strikes") == ["Douma", "Harasta"]


def test_a_list_of_names_called_provinces_is_not_spread(claims_of):
    claims = claims_of("The army resumed military operations in Hama and Idlib provinces on Monday.")
    assert len([c for c in claims if c.trigger == "operations"]) <= 1


def test_raids_on_areas_in_a_city_and_a_town_are_two_events(claims_of):
    claims = claims_of("Warplanes carried out six raids on areas in Douma city and Harasta town on Monday.")
    assert len([c for c in claims if c.trigger == "raids"]) == 2


def test_vehicles_destroyed_in_two_villages_are_two_events(claims_of):
    claims = claims_of("The air force destroyed dozens of vehicles in Saqba and Hamouriyeh villages on Monday.")
    assert _places(claims, "destroyed") == ["Hamouriyeh", "Saqba"]


def test_every_member_of_a_three_town_list_is_an_event(claims_of):
    """The parser may hang the middle member on the last one ("B" as a modifier of "Kafr C")."""
    claims = claims_of("Government forces shelled areas in the towns of Saqba, Hamouriyeh and Kafr Batna on Tuesday.")
    assert _places(claims, "shelled") == ["Hamouriyeh", "Kafr Batna", "Saqba"]


def test_names_the_article_calls_districts_are_not_spread(claims_of):
    claims = claims_of("Two women were killed in shelling on Douma and Harasta on Monday. "
                       "The villages of Harasta district were also hit.")
    assert len([c for c in claims if c.trigger == "shelling"]) == 1


def test_a_toll_from_another_report_does_not_make_an_event_the_main_one(claims_of):
    """The article counts the dead of its second event only: its first event holds a toll only
    because another report of it gave one, and is not the article's casualty event."""
    claims = claims_of("Rubble lay in a street of Saraqib after an airstrike on Monday. "
                       "A suicide bombing killed 20 fighters at a checkpoint near Azaz on Sunday.")
    caption = next(c for c in claims if c.trigger == "airstrike")
    bombing = next(c for c in claims if c.trigger == "bombing")
    by_id = {c.id: c for c in claims}
    events = [_event("e1", (caption.id,), 7), _event("e2", (bombing.id,), 20)]
    assert _main_event(events, by_id, caption.doc_id).id == "e2"
