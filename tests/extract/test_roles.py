"""Roles, location, evidence and fatalities of claims (sentences written for the tests)."""

from __future__ import annotations

from claimkit import build, entity_places, only

from frontlines.records import Status


def test_active_and_passive_agents(claims_of):
    claim = only(
        claims_of("Hezbollah fighters captured the village of Tal Khayr on Monday."), "captured"
    )
    assert claim.actor1.name == "Hezbollah"
    claim = only(
        claims_of("The village of Tal Khayr was captured by the Syrian army on Monday."), "captured"
    )
    assert claim.actor1.name == "Military Forces of Syria (2000-2024)"


def test_against_and_from_name_the_opponent(claims_of):
    claim = only(
        claims_of("The YPG launched an offensive against ISIS fighters near Hasakah on Monday."),
        "offensive",
    )
    assert (claim.actor1.name, claim.actor2.name) == (
        "YPG: People's Protection Units",
        "Islamic State (Syria)",
    )
    claim = only(
        claims_of("Ahrar al-Sham retook the village of Tal Hadiya from the Nusra Front on Monday."),
        "retook",
    )
    assert (claim.actor1.name, claim.actor2.name) == ("Ahrar al Sham", "Hayat Tahrir al Sham")
    assert claim.sub_event_type == "Non-state actor overtakes territory"


def test_units_resolve_to_their_parent(claims_of):
    claim = only(claims_of("The Tiger Forces stormed the town of Maan on Monday."), "stormed")
    assert claim.actor1.name == "Military Forces of Syria (2000-2024)"
    assert claim.actor1.surface == "The Tiger Forces"


def test_repel_makes_the_attacker_actor1(claims_of):
    claim = only(
        claims_of("The army repelled a Daesh attack on the town of Sukhnah on Monday."), "repelled"
    )
    assert claim.actor1.name == "Islamic State (Syria)"
    assert claim.actor2.name == "Military Forces of Syria (2000-2024)"


def test_generic_words_are_inferred_from_context(claims_of):
    text = (
        "Jaish al-Islam fighters moved into the area of Harasta on Sunday. "
        "On Monday the militants seized the village of Beit Nayem."
    )
    claim = only(claims_of(text), "seized")
    assert claim.actor1.name == "Jaish al Islam" and claim.actor1.inferred
    assert claim.sub_event_type == "Non-state actor overtakes territory"


def test_metonymic_capitals_are_governments(claims_of):
    claim = only(
        claims_of("Damascus and Baghdad agreed on Monday to reopen the border crossing."), "agreed"
    )
    assert claim.actor1.name == "Government of Syria (2000-2024)"


def test_event_location_skips_purpose_clauses(claims_of):
    claim = only(
        claims_of("The army is advancing east of Homs to secure the Palmyra road."), "advancing"
    )
    assert claim.location.text == "Homs"
    assert claim.location.role == "event location"
    assert claim.geo_precision == 2  # "east of Homs"


def test_event_location_prefers_the_nearest_place(claims_of):
    claim = only(
        claims_of("Kurdish forces raided the town of Manbij near Aleppo on Monday."), "raided"
    )
    assert claim.location.text == "Manbij"


def test_location_falls_back_to_the_previous_sentence(claims_of):
    text = (
        "The army captured the town of Maskanah on Monday. "
        "Dozens of militants were killed in the clashes."
    )
    claims = claims_of(text)
    killed = only(claims, "killed")
    assert killed.location.text == "Maskanah" and "previous sentence" in killed.notes


def test_evidence_is_the_sentence(claims_of):
    text = "Nothing happened on Sunday. The army captured the town of Maskanah on Monday."
    claim = only(claims_of(text), "captured")
    cleaned = build([("body", text)])
    assert (
        cleaned.article.text[claim.start : claim.end]
        == "The army captured the town of Maskanah on Monday."
    )
    assert cleaned.article.text[claim.trigger_start : claim.trigger_end] == "captured"
    assert claim.id == f"{claim.doc_id}:{claim.trigger_start}-{claim.trigger_end}"


def test_titles_and_comments_make_no_claims(extractor):
    cleaned = build(
        [
            ("title", "Army captures Maskanah"),
            ("body", "The weather was mild."),
            ("comments", "The rebels captured the town of Hama yesterday."),
        ]
    )
    assert extractor.extract(cleaned, entity_places(cleaned)) == []


def test_fatalities_conventions(claims_of):
    assert (
        only(
            claims_of("Air strikes killed at least 12 civilians in Ariha on Monday."), "strikes"
        ).fatalities
        == 12
    )
    assert (
        only(
            claims_of("Shelling killed dozens of people in Douma on Monday."), "Shelling"
        ).fatalities
        == 12
    )
    claim = only(
        claims_of("Clashes near Hama left 30 fighters killed and wounded on Monday."), "Clashes"
    )
    assert claim.fatalities is None  # wounded are not killed
    claim = only(
        claims_of("A top commander of the Nusra Front was killed in Idlib on Monday."), "killed"
    )
    assert claim.fatalities == 1
    text = "The army said 300 militants were killed during the offensive on Palmyra."
    assert all(c.fatalities is None for c in claims_of(text))  # a whole operation's toll


def test_weapons_are_kept(claims_of):
    claim = only(
        claims_of("Kalibr missiles destroyed an ammunition depot near Deir ez-Zor on Monday."),
        "destroyed",
    )
    assert claim.weapons and "missiles" in claim.weapons[0]
    assert claim.actor1.name == "Military Forces of Russia (2000-)"


def test_dates_are_resolved_against_publication(claims_of):
    claim = only(claims_of("Last night the army shelled the town of Kafr Zita."), "shelled")
    assert (claim.date_text, claim.event_date, claim.time_precision) == (
        "Last night",
        "2017-03-14",
        1,
    )
    claim = only(
        claims_of("Last night the army shelled the town of Kafr Zita.", published=None), "shelled"
    )
    assert claim.event_date is None and claim.time_precision is None


def test_status_is_scoped_to_the_event_verb(claims_of):
    text = "The army, which will soon attack Idlib, captured the village of Abu Dali on Monday."
    claim = only(claims_of(text), "captured")
    assert claim.status == Status.ASSERTED


def test_where_the_teller_sits_is_not_where_the_event_happened(claims_of):
    claim = only(claims_of("Thirteen civilians were killed in air strikes on Saraqeb on Monday, "
                           "the foreign ministry in Ankara said."), "strikes")
    assert claim.location.text == "Saraqeb"
    # with only the country beside it, the teller's city is no fallback: the country stays
    claim = only(claims_of("Some 120 militants were killed in air strikes in Syria over the past day, "
                           "the defence ministry in Moscow said on Saturday."), "strikes")
    assert claim.location.text == "Syria"
    # a local source's town, the only place of the sentence, is still the event's
    claim = only(claims_of("Activists in Douma said ten people were killed in shelling on Monday."), "shelling")
    assert claim.location.text == "Douma"


def test_the_attackers_of_an_attack_confronted_are_actor1(claims_of):
    claim = only(claims_of("Army units confronted the terrorists' attack against military checkpoints in al-Hula "
                           "on Monday."), "confronted")
    assert claim.actor1.name == "Opposition Rebels (Syria)"
    assert claim.actor2.name == "Military Forces of Syria (2000-2024)"
    claim = only(claims_of("Troops confronted rebels in al-Hula on Monday."), "confronted")
    assert claim.actor1.name == "Military Forces of Syria (2000-2024)"


def test_two_sides_coordinated_as_the_subject_of_a_clash_fight_each_other(claims_of):
    claim = only(claims_of("The army and rebels clashed near Hama on Sunday."), "clashed")
    assert (claim.actor1.name, claim.actor2.name) == ("Military Forces of Syria (2000-2024)", "Opposition Rebels (Syria)")
    claim = only(claims_of("Rebels and ISIS fighters clashed in Idlib on Sunday."), "clashed")
    assert {claim.actor1.name, claim.actor2.name} == {"Opposition Rebels (Syria)", "Islamic State (Syria)"}
    claim = only(claims_of("Rebels clashed with the army near Hama on Sunday."), "clashed")
    assert claim.actor2.name == "Military Forces of Syria (2000-2024)"


def test_the_loser_of_a_capture_is_not_sought_in_a_clause_about_another_side(claims_of):
    claims = claims_of("The Free Syrian Army had held the area for years. On Monday, government forces seized "
                       "the town of Morek, while Kurdish fighters took the village of Tal Rifaat.")
    claim = only(claims, "seized")
    assert claim.actor2 is not None and claim.actor2.name == "Free Syrian Army"
