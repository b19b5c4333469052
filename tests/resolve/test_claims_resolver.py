"""ClaimResolver: generic actors from context, inferred opponents, territory sub-types, dates."""

from __future__ import annotations

import datetime as dt

from factories import packaged_kb
from frontlines.records import ActorRef, Article, Claim, Role, Status
from frontlines.resolve.claims import ClaimResolver

TEXT = "ISIS fighters held the town. The army captured the town of Maskanah last night."


def _claim(**kw) -> Claim:
    base = {
        "id": "d:1-2",
        "doc_id": "d",
        "segment_role": Role.BODY,
        "start": 29,
        "end": len(TEXT),
        "sentence": TEXT[29:],
        "trigger": "captured",
        "trigger_start": 38,
        "trigger_end": 46,
        "event_type": "Battles",
        "sub_event_type": "Government regains territory",
        "status": Status.ASSERTED,
    }
    base.update(kw)
    return Claim(**base)


def test_resolves_generic_actor_opponent_and_date():
    article = Article(id="d", text=TEXT, source="t", published=dt.date(2017, 7, 10))
    claim = _claim(actor1=ActorRef("The army", None), date_text="last night")
    (out,) = ClaimResolver(packaged_kb().actors).resolve([claim], article)
    assert out.actor1.name == "Military Forces of Syria (2000-2024)" and out.actor1.inferred
    assert (
        out.actor2.name == "Islamic State (Syria)"
        and out.actor2.surface is None
        and out.actor2.inferred
    )
    assert (out.event_date, out.time_precision) == ("2017-07-09", 1)


def test_non_state_capture_changes_sub_type():
    article = Article(id="d", text=TEXT, source="t")
    claim = _claim(actor1=ActorRef("ISIS", None))
    (out,) = ClaimResolver(packaged_kb().actors).resolve([claim], article)
    assert out.sub_event_type == "Non-state actor overtakes territory"


def test_no_publication_date_no_relative_date():
    article = Article(id="d", text=TEXT, source="t")
    (out,) = ClaimResolver(packaged_kb().actors).resolve([_claim(date_text="last night")], article)
    assert out.event_date is None and out.time_precision is None


def test_civilians_are_targets_and_governments_fight_through_their_military():
    article = Article(id="d", text=TEXT, source="t")
    claim = _claim(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=ActorRef("civilians", None),
    )
    (out,) = ClaimResolver(packaged_kb().actors).resolve([claim], article)
    assert out.actor1 is None and out.actor2.name == "Civilians (Syria)"
    claim = _claim(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=ActorRef("the Syrian regime", None),
    )
    (out,) = ClaimResolver(packaged_kb().actors).resolve([claim], article)
    assert out.actor1.name == "Military Forces of Syria (2000-2024)"
    claim = _claim(
        event_type="Strategic developments",
        sub_event_type="Agreement",
        actor1=ActorRef("Damascus", None),
    )
    (out,) = ClaimResolver(packaged_kb().actors).resolve([claim], article)
    assert out.actor1.name == "Government of Syria (2000-2024)"


def test_ongoing_claim_is_dated_to_publication_day():
    article = Article(id="d", text=TEXT, source="t", published=dt.date(2017, 7, 10))
    (out,) = ClaimResolver(packaged_kb().actors).resolve([_claim(ongoing=True)], article)
    assert (out.event_date, out.time_precision) == ("2017-07-10", 1)
    (out,) = ClaimResolver(packaged_kb().actors).resolve([_claim()], article)
    assert (out.event_date, out.time_precision) == ("2017-07-10", 2)


def _taken_by(actor: str, country: str) -> Claim:
    from frontlines.records import Mention, Place

    place = Place("g1", "Kafr Tala", 35.0, 36.0, country)
    where = Mention(doc_id="d", kind="place", text="Maskanah", start=63, end=71, place=place)
    return _claim(actor1=ActorRef(actor, None), location=where)


def test_a_foreign_state_taking_a_place_of_the_theater_overtakes_it() -> None:
    """ACLED: "Government regains territory" is the government's (and its camp's); Turkish
    troops taking a Syrian village overtake it, the Lebanese army on its own soil regains."""
    article = Article(id="d", text=TEXT, source="t", published=dt.date(2017, 7, 10))
    resolver = ClaimResolver(packaged_kb().actors, "SY")
    cases = [("Turkish troops", "SY", "Non-state actor overtakes territory"),
             ("Syrian troops", "SY", "Government regains territory"),
             ("Russian forces", "SY", "Government regains territory"),
             ("Lebanese army", "LB", "Government regains territory")]
    for actor, country, sub in cases:
        (out,) = resolver.resolve([_taken_by(actor, country)], article)
        assert out.sub_event_type == sub, actor


def test_the_army_of_a_government_named_before_is_its_military() -> None:
    """ "The Syrian government said the army pulled out": "the army" is the government's forces."""
    text = "The Syrian government said the army pulled out of Palmyra."
    article = Article(id="d", text=text, source="t", published=dt.date(2017, 7, 10))
    claim = _claim(start=0, end=len(text), sentence=text, trigger="pulled", trigger_start=text.index("pulled"),
                   trigger_end=text.index("pulled") + 6, event_type="Strategic developments",
                   sub_event_type="Change to group/activity", actor1=ActorRef("the army", None))
    (out,) = ClaimResolver(packaged_kb().actors).resolve([claim], article)
    assert out.actor1 is not None and out.actor1.name == "Military Forces of Syria (2000-2024)"
    gov = _claim(start=0, end=len(text), sentence=text, trigger="pulled", trigger_start=text.index("pulled"),
                 trigger_end=text.index("pulled") + 6, event_type="Strategic developments",
                 sub_event_type="Agreement", actor1=ActorRef("the government", None))
    (out,) = ClaimResolver(packaged_kb().actors).resolve([gov], article)
    assert out.actor1 is not None and out.actor1.name == "Government of Syria (2000-2024)"


def test_an_unattributed_air_strike_is_the_sole_air_force_of_its_day() -> None:
    text = "Seven people were killed in an air strike on a town on Monday."
    claim = _claim(start=0, end=len(text), sentence=text, trigger="strike", trigger_start=34, trigger_end=40,
                   event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date_text="on Monday")
    resolver = ClaimResolver(packaged_kb().actors)
    (early,) = resolver.resolve([claim], Article(id="d", text=text, source="t", published=dt.date(2013, 5, 10)))
    assert early.actor1 is not None and early.actor1.name == "Military Forces of Syria (2000-2024)"
    assert early.actor1.inferred and early.actor1.surface is None
    # once several air forces struck in the country, nobody is named for it
    (late,) = resolver.resolve([claim], Article(id="d", text=text, source="t", published=dt.date(2016, 5, 10)))
    assert late.actor1 is None or late.actor1.name is None


def test_sole_air_forces_are_checked() -> None:
    from frontlines.resolve.actors import ActorDictionary

    actors = {"actors": [{"name": "Air Arm", "inter": 1}],
              "sole_air_forces": [{"actor": "Air Arm", "since": "2010-01-01", "until": "2012-01-01"}]}
    found = ActorDictionary(actors)
    assert found.sole_air_force("2011-06-01") is not None and found.sole_air_force("2012-01-01") is None


def test_a_generic_actor_word_is_resolved_where_the_sentence_says_it() -> None:
    text = "The government and its ally Russia pounded rebel-held areas on Tuesday, killing four civilians."
    claim = _claim(start=0, end=len(text), sentence=text, trigger="killing", trigger_start=text.index("killing"),
                   trigger_end=text.index("killing") + 7, event_type="Violence against civilians",
                   sub_event_type="Attack", actor1=ActorRef("The government", None))
    (out,) = ClaimResolver(packaged_kb().actors).resolve(
        [claim], Article(id="d", text=text, source="t", published=dt.date(2018, 6, 12)))
    assert out.actor1 is not None and out.actor1.name == "Military Forces of Syria (2000-2024)"
