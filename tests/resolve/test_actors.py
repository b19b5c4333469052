"""The actor dictionary: aliases, units, metonymy, generic words, document context."""

from __future__ import annotations

import pytest

from factories import packaged_kb
from frontlines.errors import ResourceError
from frontlines.resolve.actors import DocumentActors, is_state, load_actors

SYRIA = "Military Forces of Syria (2000-2024)"


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Daesh militants", "Islamic State (Syria)"),
        # generic descriptions any report may use
        ("the Syrian armed forces", SYRIA),
        ("pro-regime forces", SYRIA),
        ("planes from a U.S.-led military coalition", "Global Coalition Against Daesh"),
        ("coalition air strikes", "Global Coalition Against Daesh"),
        ("opposition factions", "Opposition Rebels (Syria)"),
        ("the so-called Free Syria Army", "Free Syrian Army"),
        ("Jaish al-Fateh", "Jaish al Fateh"),
        ("ISIL", "Islamic State (Syria)"),
        ("the Tiger Forces", SYRIA),
        ("Desert Hawks Brigade", SYRIA),
        ("the 5th Assault Corps", SYRIA),
        ("units of the Republican Guard", SYRIA),
        ("SAA", SYRIA),
        ("the NDF", SYRIA),
        ("YPG fighters", "YPG: People's Protection Units"),
        ("the SDF", "QSD: Syrian Democratic Forces"),
        ("the Syria Democratic Forces", "QSD: Syrian Democratic Forces"),  # "Syria" for "Syrian" (translations)
        ("Jaish al-Islam", "Jaish al Islam"),
        ("Ahrar al-Sham", "Ahrar al Sham"),
        ("Jabhat al-Nusra", "Hayat Tahrir al Sham"),
        ("al-Hashd al-Sha’bi", "Popular Mobilization Forces"),
        ("Russian jets", "Military Forces of Russia (2000-)"),
        ("U.S. troops", "Military Forces of the United States (2017-2021)"),
        ("the US-led coalition", "Global Coalition Against Daesh"),
        ("Turkish artillery", "Military Forces of Turkey (2016-)"),
        ("Israeli warplanes", "Military Forces of Israel (1948-)"),
        ("Damascus", "Government of Syria (2000-2024)"),
        ("Baghdad", "Government of Iraq (2014-2018)"),
        ("the IRGC", "Military Forces of Iran (1989-)"),
        ("Hezbollah", "Hezbollah"),
    ],
)
def test_aliases(surface, name):
    assert packaged_kb().actors.lookup(surface).name == name


def test_short_acronyms_only_in_capitals():
    actors = packaged_kb().actors
    assert actors.lookup("help us grow") is None
    assert actors.lookup("this is it") is None
    assert actors.lookup("IS fighters").name == "Islamic State (Syria)"


def test_inter_codes():
    actors = packaged_kb().actors
    assert actors.lookup("Syrian army").inter == 1
    assert actors.lookup("ISIS").inter == 2
    assert actors.lookup("civilians").inter == 7
    assert actors.lookup("Russian forces").inter == 8
    assert is_state(actors.lookup("Russian forces")) and not is_state(actors.lookup("ISIS"))


def test_generic_words():
    actors = packaged_kb().actors
    assert actors.generic_class("the militants")[0] == "nonstate"
    assert actors.generic_class("the army")[0] == "state"
    assert actors.generic_class("rebels") == ("rebel", "Opposition Rebels (Syria)")


def test_document_context():
    text = "Jaish al-Islam attacked Harasta. Later the army struck back. The militants withdrew."
    context = DocumentActors(packaged_kb().actors, text)
    assert context.nearest(text.index("militants"), "nonstate").name == "Jaish al Islam"
    assert (
        context.opponent(packaged_kb().actors.lookup("Jaish al-Islam"), len(text)) is None
    )  # no state actor named


def test_bad_dictionary(tmp_path):
    bad = tmp_path / "a.yaml"
    bad.write_text(
        "actors: []\nunits:\n  - {name: X, parent: Nobody, aliases: [X]}\n", encoding="utf-8"
    )
    with pytest.raises(ResourceError):
        load_actors(bad)


def test_bad_inter_code(tmp_path):
    bad = tmp_path / "a.yaml"
    bad.write_text("actors:\n  - {name: X, inter: 12, aliases: [X]}\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        load_actors(bad)


def test_a_patron_written_with_dots_and_a_hyphen_is_not_the_actor() -> None:
    # "U.S.-led forces" are the coalition's, not the US army: a later "the army" is not American
    text = ("The campaign goes on as U.S.-led forces bomb militants elsewhere. The army took full control of "
            "the town, state television said.")
    context = DocumentActors(packaged_kb().actors, text)
    assert not [h for h in context.hits if "United States" in h.actor.name]
    state = context.nearest(text.index("The army"), "state")
    assert state is None or "United States" not in state.name


def test_a_state_named_as_flying_for_an_unattributed_air_strike():
    actors = packaged_kb().actors
    text = ("An air strike killed five people. Russian diplomats met in Geneva. "
            "Witnesses saw Syrian helicopters over the town. Later, jets belonging to the US-led coalition struck.")
    context = DocumentActors(actors, text)
    assert context.air_force(0) is not None and context.air_force(0).name == SYRIA  # first named after
    assert context.air_force(len(text)).name == "Global Coalition Against Daesh"
    assert DocumentActors(actors, "An air strike killed five. Russian diplomats met.").air_force(0) is None
    # aircraft named in a denial did not fly; a later report of them does
    denied = "An air strike killed five in the town. Moscow denied that Russian jets had flown over the area."
    assert DocumentActors(actors, denied).air_force(0) is None
    assert DocumentActors(actors, denied + " Witnesses saw Russian jets.").air_force(0).name.startswith("Military Forces of Russia")


@pytest.mark.parametrize("joined", [" and the ", " together with ", " alongside "])
def test_a_co_actor_is_not_the_opponent(joined: str) -> None:
    """ "Turkish troops and the FSA took X": the FSA fights beside Turkey, it is not the loser."""
    actors = packaged_kb().actors
    text = f"Turkish troops{joined}Free Syrian Army took the village of Kafr Tala on Monday."
    context = DocumentActors(actors, text)
    turkey = actors.lookup("Turkish troops")
    assert context.opponent(turkey, text.index("took"), (0, len(text))) is None
    other = "Turkish troops took the village of Kafr Tala from the Free Syrian Army on Monday."
    found = DocumentActors(actors, other).opponent(turkey, other.index("took"), (0, len(other)))
    assert found is not None and found.name == "Free Syrian Army"


def test_the_armed_forces_of_a_state_are_not_its_proteges() -> None:
    """ "Turkish Armed Forces" names Turkey's army ("armed" is not "Turkish-armed rebels")."""
    assert packaged_kb().actors.lookup("the Turkish Armed Forces").name == "Military Forces of Turkey (2016-)"
