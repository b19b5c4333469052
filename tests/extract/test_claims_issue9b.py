"""Rows an analyst can trust (issue 9, second pass): the perpetrator of the previous sentence,
chemical attacks, denials, the terms of a deal, who acts in "X led by Y", reported speech with a
pronoun, and dates of another clause.  Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from claimkit import only

from factories import packaged_kb
from frontlines.records import Status
from frontlines.resolve.actors import DocumentActors

PUBLISHED = dt.date(2015, 3, 14)  # a Saturday
SYRIA = "Military Forces of Syria (2000-2024)"
YPG = "YPG: People's Protection Units"


# --- the perpetrator named in the previous sentence -------------------------------------------

def test_the_previous_sentence_names_the_attacker(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("Rebels shelled the town of Mhardeh on Monday. Three civilians were killed.", PUBLISHED)
    killed = only(claims, "killed")
    assert killed.actor1 is not None and killed.actor1.name == "Opposition Rebels (Syria)"
    assert "previous sentence" in killed.notes


def test_a_trigger_with_its_own_subject_keeps_it(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("Militants attacked Qamishli on Monday. The attack started in the morning and we were "
                       "able to take control of a number of villages near the town.", PUBLISHED)
    take = only(claims, "take")
    assert take.actor1 is None or "previous sentence" not in take.notes


def test_the_victims_side_is_never_the_attacker(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("Rebels attacked an army checkpoint near Hama on Monday. Five rebels were killed.",
                       PUBLISHED)
    killed = only(claims, "killed")
    assert killed.actor1 is None or killed.actor1.name != "Opposition Rebels (Syria)"


# --- chemical attacks ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger"), [
    ("The regime attacked the town of Sarmin with chlorine gas, killing 20.", "attacked"),
    ("Regime forces fired rockets carrying sarin at Zamalka on Wednesday.", "fired"),
    ("A regime helicopter dropped barrel bombs loaded with chlorine on Talmenes on Tuesday.", "bombs"),
    ("Government forces launched a chemical attack on Douma on Saturday.", "attack"),
])
def test_a_chemical_attack_is_typed_as_one(claims_of, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    claim = only(claims_of(text, PUBLISHED), trigger)
    assert (claim.event_type, claim.sub_event_type) == ("Explosions/Remote violence", "Chemical weapon")


# --- denials --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger"), [
    ("The government denied that its jets had struck the hospital in Idlib on Monday.", "struck"),
    ("The ministry dismissed reports of an air strike on the market in Douma.", "strike"),
    ("Russia denied carrying out the air strike on Ariha.", "strike"),
    ("Turkey rejected accusations that its jets bombed Kurdish villages near Afrin.", "bombed"),
    ("The Pentagon denied reports that a coalition strike killed 20 civilians in Manbij.", "strike"),
])
def test_a_denied_strike_is_never_stated_as_fact(claims_of, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert only(claims_of(text, PUBLISHED), trigger).status == Status.DENIED


# --- aims and the terms of a deal -----------------------------------------------------------------

def test_the_terms_of_a_deal_are_expected(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("According to the agreement, rebel forces agreed to hand over their heavy weapons once "
                       "the army enters Nawa.", PUBLISHED)
    assert only(claims, "agreed").status == Status.EXPECTED


def test_an_announced_aim_is_expected(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("The Syrian Democratic Forces, a new alliance, announced the start of an offensive "
                       "»to liberate the southern regions of al-Hasakah province«.", PUBLISHED)
    assert only(claims, "liberate").status == Status.EXPECTED


def test_a_reported_perfect_infinitive_is_what_happened(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("The army is said to have captured Morek on Thursday.", PUBLISHED)
    assert only(claims, "captured").status == Status.REPORTED


# --- who acts -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("Rebels led by the radical Islamist group Al-Nusra Front seized an army base in Aleppo on Monday.",
     "seized", "Jabhat al Nusra"),
    ("Syrian Kurdish forces have retaken the city of Kobane.", "retaken", YPG),
    ("Sporadic clashes erupted between the army and terrorists near Atman in Daraa province.", "clashes", SYRIA),
    ("A Kurdish militia said on Friday it had recovered full control of Tal Abyad after Islamic State "
     "fighters raided its outskirts.", "recovered", YPG),
    ("One Hezbollah fighter told Reuters that they took the town in a rapid overnight offensive.", "took",
     "Hezbollah"),
])
def test_the_actor(claims_of, text: str, trigger: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    claim = only(claims_of(text, PUBLISHED), trigger)
    assert claim.actor1 is not None and claim.actor1.name == actor


def test_a_states_adjective_before_another_state_stays() -> None:
    actors = packaged_kb().actors
    assert actors.lookup("The Turkish regime forces").name == "Military Forces of Turkey (2016-)"  # type: ignore[union-attr]
    rebels = actors.lookup("Syrian rebel fighters")
    assert rebels is None or rebels.name != SYRIA


def test_a_country_as_a_place_does_not_resolve_the_army() -> None:
    actors = packaged_kb().actors
    text = "Rebels seized the border crossing with Turkey last week. Today army troops took Samra."
    found = DocumentActors(actors, text).nearest(text.index("army troops"), "state")
    assert found is None or found.name != "Military Forces of Turkey (2016-)"


# --- dates ----------------------------------------------------------------------------------------

def test_a_date_in_another_clause_does_not_date_the_trigger(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("In a statement carried by state television on Tuesday the army said the casualties "
                       "came after a rocket attack on two of its tanks.", PUBLISHED)
    assert only(claims, "attack").date_text is None


def test_a_date_in_a_clause_on_a_named_town_tells_the_towns_story() -> None:
    """ "air strikes around the city of Kafr, which rebels seized earlier this month": the month
    dates the capture told about the town, not the strikes (the parse is given, as the parser
    attaches such a clause to "city" or to the name depending on the name)."""
    import spacy
    from spacy.tokens import Doc

    from frontlines.extract.roles import _dates_trigger

    words = ["strikes", "around", "the", "city", "of", "Kafr", ",", "which", "rebels", "seized", "earlier", "this",
             "month"]
    heads = [0, 0, 3, 1, 3, 4, 3, 9, 9, 3, 12, 12, 9]
    deps = ["ROOT", "prep", "det", "pobj", "prep", "pobj", "punct", "dobj", "nsubj", "relcl", "advmod", "det",
            "npadvmod"]
    pos = ["NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "NOUN", "VERB", "ADV", "DET", "NOUN"]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)
    month = doc[10].idx
    assert not _dates_trigger(month, doc[0])
    pos[5] = "NOUN"  # "the city of ruins, which rebels seized earlier this month": no named town
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _dates_trigger(month, doc[0])


def test_a_date_on_the_trigger_noun_dates_it(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("The offensive is part of the operation launched on Sunday to seize areas near Deraa.",
                       PUBLISHED)
    assert only(claims, "operation").event_date == "2015-03-08"


@pytest.mark.parametrize(("words", "expected"), [
    ("on Monday", "2015-03-09"), ("yesterday", "2015-03-13"), ("Saturday", "2015-03-14"),
    ("last week", "2015-03-02/2015-03-08"), ("last night", "2015-03-13"),
])
def test_relative_dates_against_the_publication_day(words: str, expected: str) -> None:
    from frontlines.resolve.dates import resolve_date

    assert resolve_date(words, PUBLISHED)[0] == expected


def test_a_maker_or_a_units_parent_is_not_a_place() -> None:
    actors = packaged_kb().actors
    assert [h.surface for h in actors.find_all("12 US-made TOW launchers")] == []
    text = ("Government troops seized 12 US-made launchers. Syrian forces, led by units of the Republican "
            "Guard, launched a military operation.")
    found = DocumentActors(actors, text).nearest(text.index("military operation"), "state")
    assert found is not None and found.name == SYRIA


def test_a_reported_state_is_what_happened(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("Syrian regime forces are now reported to be on the advance in the Hama province.", PUBLISHED)
    assert only(claims, "advance").status == Status.REPORTED


# --- standing and sides (session 18) -------------------------------------------------------------

def test_a_future_adverb_on_a_past_verb_orders_past_events(claims_of) -> None:  # type: ignore[no-untyped-def]
    """ "Jets later struck Kafr Tala": the order of what happened, not a forecast; "will later
    strike" and "is expected to soon capture" still are forecasts."""
    struck = only(claims_of("Syrian jets later struck Kafr Nabl, killing four people.", PUBLISHED), "struck")
    assert struck.status == Status.ASSERTED
    will = only(claims_of("Syrian jets will later strike Kafr Nabl.", PUBLISHED), "strike")
    assert will.status == Status.EXPECTED
    soon = only(claims_of("The army is expected to soon capture Kafr Nabl.", PUBLISHED), "capture")
    assert soon.status == Status.EXPECTED


def test_a_toll_over_the_past_week_is_a_sum_not_an_event(claims_of) -> None:  # type: ignore[no-untyped-def]
    """ "Bombing killed 300 people over the past week": a sum over days, background; a state of
    things over months ("has been re-equipped over the last few months") is no toll."""
    summed = only(claims_of("Activists said air strikes on rebel-held areas in Kafr Nabl killed 300 people over the "
                            "past week.", PUBLISHED), "strikes")
    assert summed.status == Status.BACKGROUND and "stretch of time" in (summed.notes or "")
    one = only(claims_of("Activists said air strikes on Kafr Nabl killed 30 people on Monday.", PUBLISHED), "strikes")
    assert one.status != Status.BACKGROUND


def test_the_with_object_of_a_clash_is_the_other_side(claims_of) -> None:  # type: ignore[no-untyped-def]
    """ "Rebels clashed with government troops": the troops are actor2; "fought with rifles"
    names a weapon, not a side."""
    clash = only(claims_of("Rebels clashed with government troops in Kafr Nabl on Monday.", PUBLISHED), "clashed")
    assert clash.actor1 is not None and clash.actor1.name == "Opposition Rebels (Syria)"
    assert clash.actor2 is not None and clash.actor2.name == "Military Forces of Syria (2000-2024)"
    rifles = only(claims_of("Rebels fought with rifles in Kafr Nabl on Monday.", PUBLISHED), "fought")
    assert rifles.actor2 is None


def test_the_owner_of_a_strongpoint_attacked_is_the_other_side(claims_of) -> None:  # type: ignore[no-untyped-def]
    """ "Rebels attacked army checkpoints": the army is actor2; "the positions of the militants"
    too; "Syrian villages" are no strongpoint, and name no side."""
    checkpoints = only(claims_of("Rebels attacked army checkpoints in Kafr Nabl on Monday.", PUBLISHED), "attacked")
    assert checkpoints.actor2 is not None and checkpoints.actor2.name == "Military Forces of Syria (2000-2024)"
    of = only(claims_of("The army shelled the positions of the militants in Kafr Nabl on Monday.", PUBLISHED), "shelled")
    assert of.actor2 is not None and of.actor2.name == "Opposition Rebels (Syria)"
    villages = only(claims_of("Rebels attacked Syrian villages in Kafr Nabl on Monday.", PUBLISHED), "attacked")
    assert villages.actor2 is None
