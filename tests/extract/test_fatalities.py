"""Fatality counts from kill words (sentences written for the tests)."""

from __future__ import annotations

import pytest

from factories import packaged_kb
from frontlines.extract.fatalities import TollReader
from frontlines.extract.nlp import load_nlp
from frontlines.extract.numbers import number


def _tolls() -> TollReader:
    """The toll reader of the packaged knowledge base (``data/tolls.yaml``)."""
    return TollReader(packaged_kb().tolls)


def _count(sentence: str, lemmas: frozenset[str] = frozenset({"kill", "die", "dead", "execute"})) -> int | None:
    """The deaths the first kill word (one of ``lemmas``) of ``sentence`` counts."""
    doc = load_nlp()(sentence)
    kill = next(t for t in doc if t.lemma_.lower() in lemmas)
    return _tolls().fatalities_of(kill)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shelling killed 14 people in Douma.", 14),
        ("At least 9 soldiers were killed near Hama.", 9),
        ("Dozens of fighters were killed near Hama.", 12),
        ("Hundreds of militants were killed in the clashes.", 100),
        ("Six children and two women were killed in Ariha.", 8),
        ("17 rebels dead in a mortar attack.", 17),
        ("A senior commander was killed near Idlib.", 1),
        ("Three fighters died in the fighting.", 3),
        # the wounded counted apart do not spoil the toll
        ("At least 7 civilians were killed and over 20 others were wounded in Saraqeb.", 7),
        ("A car bomb killed 11 people and wounded dozens more in Azaz.", 11),
        ("Mortars hit the market killing 4 people and injuring 15 others.", 4),
        ("At least nine people were killed and many more injured in the raid.", 9),
        ("A suicide bomber killed 12 people injured 40 at a checkpoint.", 12),
        ("8 persons killed 58 others injured in rocket attacks on the city", 8),
        ("Rebels killed more than two dozen soldiers near Latakia.", 24),
        ("Rebels killed 12 soldiers injured in the fighting near Hama.", 12),
        # hyphenated and split number words; a dateline year is no count
        ("Thirty-four fighters were killed near Tadef.", 34),
        ("Published March 3 2015 Twenty-one people were killed in Inkhil.", 21),
        # a participle after the victims ("among 27 people killed ...")
        ("Two nurses were among 27 people killed on Monday near Hama.", 27),
    ],
)
def test_counts(sentence, expected):
    assert _count(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Forty fighters were killed and wounded near Hama.",  # wounded mixed in
        "In total 300 militants were killed during the offensive.",  # an operation's total
        "Many people were killed in the shelling.",  # vague: unknown
        "A number of people were killed in the raid.",  # vague: unknown
        "Twelve people were killed or wounded in Jisr al-Shughour.",  # one count for both
        "Since then thousands of people have been killed in the province.",  # running total
        "Hundreds of thousands of people have been killed.",  # the whole war
    ],
)
def test_not_a_toll(sentence):
    assert _count(sentence) is None


def _sentence_count(sentence: str, trigger: str) -> int | None:
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.lower_ == trigger)
    return _tolls().sentence_fatalities(doc[:], token)


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the deaths of the scene-setting "after ..." clause are another happening's
        ("Government forces have killed at least 31 people in the village in a revenge shelling "
         "attack after a captured soldier was killed by rebels.", "attack", 31),
        ("At least 25 people were killed by army shelling on the town after a pilot was "
         "executed by militants.", "shelling", 25),
        # "claimed the lives of N": a toll; the children among them are no separate total
        ("A car bomb attack in the city has claimed the lives of 14 people including five "
         "children, the channel reported.", "attack", 14),
        # a sub-count after "among them" is not the toll
        ("HOMS Seventeen villagers among them four children were killed in air attacks on the "
         "town a monitoring group said.", "attacks", 17),
    ],
)
def test_sentence_counts(sentence, trigger, expected):
    assert _sentence_count(sentence, trigger) == expected


def test_saved_lives_are_no_toll():
    assert _sentence_count("Rescue teams saved the lives of 30 people after the air strike.", "strike") is None



def test_a_dateline_day_is_no_count():
    doc = load_nlp()("December 4 2015 Nine civilians were killed in shelling on the town.")
    kill = next(t for t in doc if t.lower_ == "killed")
    assert _tolls().fatalities_of(kill) == 9
    assert number(doc[1]) is None  # "December 4": a day, not a count


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a number hung under a compound of the victims noun
        ("At least 30 ISIS militants have been killed in the fight while others fled the village.", 30),
        # "another" before a singular noun is one, before a count the count
        ("Another farmer named Ali Hasan was reportedly killed by sniper fire in the village.", 1),
        ("Another 6 people were killed in the village.", 6),
        # an operation bounded by one day is that day's toll
        ("One policeman was killed during Tuesday's operations, the ministry said.", 1),
    ],
)
def test_counts_issue9(sentence, expected):
    assert _count(sentence) == expected


def test_so_far_is_a_running_total():
    assert _count("So far, 23 soldiers have been killed and 9 are missing in the valley.") is None


def _count_among(sentence: str, trigger: str, others: tuple[str, ...]) -> int | None:
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.lower_ == trigger)
    return _tolls().sentence_fatalities(doc[:], token, [t for t in doc if t.lower_ in others])


@pytest.mark.parametrize(
    ("sentence", "trigger", "others", "expected"),
    [
        # a capture does not carry the toll of a lead-up that is a row of its own
        ("Kurdish fighters recaptured the town on Monday after three days of heavy fighting "
         "with the militants that has left some 90 people dead.", "recaptured", ("fighting",), None),
        ("The command said that after eliminating dozens of militants, army units restored "
         "security to the village.", "restored", ("eliminating",), None),
        ("Following clashes that killed 15 fighters, the rebels seized the hill.", "seized", ("clashes",), None),
        # ... the lead-up keeps its own toll
        ("Kurdish fighters recaptured the town on Monday after three days of heavy fighting "
         "with the militants that has left some 90 people dead.", "fighting", ("recaptured",), 90),
        # a lead-up the capture absorbed (no trigger of its own) leaves its toll to the capture
        ("Kurdish fighters recaptured the town on Monday after three days of heavy fighting "
         "with the militants that has left some 90 people dead.", "recaptured", (), 90),
        # a toll tied to the capture stays the capture's
        ("Eight soldiers were killed when the rebels overran the checkpoint.", "overran", (), 8),
        # the dead and the wounded of one attack: the trigger hangs under the wound verb
        ("In another incident, one police officer was killed and four others were injured in a "
         "militant attack near the border, the ministry said.", "attack", (), 1),
        ("Three villagers were killed and eight others were injured in the east of the town due "
         "to the explosion of a car bomb, a source said.", "explosion", (), 3),
    ],
)
def test_sentence_counts_issue9(sentence, trigger, others, expected):
    assert _count_among(sentence, trigger, others) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The jets hit the clinic in the village before dawn killing three nurses.",
        "The jets hit the clinic in the village after midnight, killing three nurses.",
    ],
)
def test_a_time_phrase_is_no_other_happening(sentence):
    assert _sentence_count(sentence, "jets") == 3


def test_a_count_of_groups_is_no_toll():
    doc = load_nlp()("The army said it eliminated dozens of terrorist gangs near the village.")
    kill = next(t for t in doc if t.lower_ == "eliminated")
    assert _tolls().fatalities_of(kill) is None
    doc = load_nlp()("The monitor documented the death of 45 fighters, including 31 of the militant groups.")
    kill = next(t for t in doc if t.lower_ == "death")
    assert _tolls().fatalities_of(kill) == 45


def _claim_count(sentence: str, trigger: str) -> int | None:
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.lower_ == trigger)
    return _tolls().sentence_fatalities(doc[:], token)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a headline's lost comma: each counted part adds to the toll
        ("Regime raids kill 9 children 4 women in Idlib monitor", 13),
        ("Air strikes on the town killed 6 children 2 women on Tuesday, a monitor said.", 8),
        # ... but a headline and the report run together tell the same dead twice
        ("Regime raids kill 8 children 3 women in Idlib monitor AFP Monday 20 Oct 2014 Eight children "
         "and three women have been killed in air strikes in the province a monitoring group said.", 11),
        # ... not a share of the dead, nor a breakdown of them after a noun of all the dead
        ("Shelling killed 15 people 10 of them children.", 15),
        ("Raids killed 12 civilians 5 children among them.", 12),
        ("Shelling killed 15 people, 10 children and 5 women.", 15),
        ("Shelling killed 2 people, a child and a woman.", 2),
        ("Shelling killed 3 soldiers, 2 children and a woman.", 6),
        # a household counted by its members
        ("A photo shows a family of five killed in a barrel bomb attack on the town.", 5),
        ("A family of 7 was killed when a shell hit their home.", 7),
        # ... and a household not counted is no count of people
        ("Two families were killed in the strike.", None),
        ("A family was killed in the strike.", None),
        # one person named by a possessive, beside another
        ("A father and his son were killed in the strike.", 2),
        ("A woman and her two children were killed by shelling.", 3),
        # a place closing the clause is no toll of another place for a person without a count
        ("Shelling killed a farmer and his wife near Hama.", 2),
        ("Shelling killed 25 rebels in Douma and four in Jobar.", 25),
        # a dateline parsed as the headline's subject: the count before the kill word
        ("Tue Nov 3 2015 Over 4 killed 25 injured in terrorists rocket attack on the city.", 4),
        ("Mon Oct 30 2015 Over 4 killed 25 injured in terrorists rocket attack on the city.", 4),
        # a headline's "were" left out after a dateline
        ("Friday 24 Oct 2014 Six soldiers killed in an ambush near Hama.", 6),
    ],
)
def test_headline_and_part_counts(sentence, expected):
    assert _count(sentence, frozenset({"kill", "die", "dead"})) == expected


def test_a_sub_count_between_dashes_is_told_of_the_whole():
    sentence = ("Clashes between the two sides have rocked the town, leaving 17 civilians - including "
                "four children - dead, a monitor said.")
    assert _claim_count(sentence, "clashes") == 17


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the strikes are the means of the trigger's happening, not a second one
        ("Jets hit a clinic in the village over the weekend in strikes that killed 11 people, the "
         "charity said on Monday.", "hit", 11),
        # ... while a second strike told apart keeps its own toll
        ("The strike on the market killed 5 and a second strike on the school killed 7.", "strike", 5),
    ],
)
def test_the_means_of_a_trigger_is_no_other_event(sentence, trigger, expected):
    assert _claim_count(sentence, trigger) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a source sets the toll
        ("The agency said in a statement putting the death toll at at least 70.", 70),
        ("The monitor later raised the death toll to 23.", 23),
        ("Officials put the toll at 31 on Monday.", 31),
        # a forecast is no toll
        ("The monitor said the death toll could reach as many as 200.", None),
        ("The death toll is expected to rise to 50.", None),
        ("The death toll rose to 23.", 23),
    ],
)
def test_toll_set_or_forecast(sentence, expected):
    assert _tolls().toll_update(load_nlp()(sentence)[:]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("More than 40 people have been confirmed dead, the monitor said.", 40),
        ("At least 9 people were reported dead after the strike.", 9),
        ("Clashes left 14 troops dead.", 14),
    ],
)
def test_declared_dead(sentence, expected):
    assert _count(sentence, frozenset({"dead"})) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a part told among the whole: the whole
        ("Syria 7 children among 10 killed in air strikes on Idlib school", 10),
        ("Two nurses were among 27 people killed on Monday near Hama.", 27),
        # lives counted without "of"
        ("A terrorist attack with a car bomb in the city claimed two lives and injured others.", 2),
    ],
)
def test_wholes_and_lives(sentence, expected):
    assert _count(sentence, frozenset({"kill", "life", "lives"})) == expected


def test_a_toll_documented_of_a_misparsed_shelling():
    sentence = ("The Observatory documented the death of 8 civilians, including 2 women, in regime shelling "
                "on the town.")
    assert _claim_count(sentence, "shelling") == 8


def test_a_participle_deep_in_the_parse_is_told_of_the_clause_subject():
    sentence = ("A bomb blast hit a bus convoy waiting to enter the city on Saturday killing at least 80 and "
                "wounding hundreds more after a deal between the two sides stalled.")
    assert _claim_count(sentence, "blast") == 80


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # one strike of a campaign
        ("40 terrorists killed in Latest Syrian army Offensive in Aleppo.", 40),
        ("30 militants were killed in an army operation near Hama.", 30),
        # the campaign's total
        ("300 militants were killed in the offensive.", None),
        ("Kurdish forces killed at least 150 militants in an offensive which began last weekend.", None),
        ("In total 300 militants were killed during the offensive.", None),
    ],
)
def test_one_strike_of_a_campaign(sentence, expected):
    doc = load_nlp()(sentence)
    kill = next(t for t in doc if t.lemma_.lower() == "kill")
    assert _tolls().fatalities_of(kill) == expected


def test_a_coordinated_count_with_its_own_kill_word_is_apart():
    doc = load_nlp()("The bombing left 40 civilians killed in the town and 8 villagers executed in a nearby hamlet.")
    killed = next(t for t in doc if t.lower_ == "killed")
    executed = next(t for t in doc if t.lower_ == "executed")
    assert _tolls().fatalities_of(killed) == 40
    assert _tolls().fatalities_of(executed) == 8


def test_lost_their_lives():
    doc = load_nlp()("Fifteen civilians lost their lives in air strikes on the town on Tuesday.")
    lives = next(t for t in doc if t.lower_ == "lives")
    assert _tolls().fatalities_of(lives) == 15


def test_the_specific_figure_of_a_sentence_outranks_a_vague_one():
    # "dozens" (12) beside a written figure: the figure
    assert _claim_count("Dozens killed in air strikes on Ariha market - 30 dead say rescuers", "strikes") == 30
    assert _claim_count("Dozens were killed in the air strikes, and at least 30 people died, rescuers said.",
                        "strikes") == 30
    assert _claim_count("Dozens of people were killed in air strikes on the market.", "strikes") == 12


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a headline's "N dead M wounded": "dead" misparsed as a modifier of the wounded count
        ("14 dead 30 wounded in double car bombing in Homs", 14),
        ("The strike left 5 dead and 20 wounded.", 5),
    ],
)
def test_dead_beside_the_wounded(sentence, expected):
    assert _count(sentence, frozenset({"dead"})) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a range: its lower end
        ("Some 300 to 400 people were killed in the shelling.", 300),
        ("Air strikes killed 20 to 25 people in the town.", 20),
        ("Some 10-15 people were killed in the shelling.", 10),
        # a dozen multiplied or halved
        ("Two dozen fighters were killed in clashes.", 24),
        ("Half a dozen civilians were killed by shelling.", 6),
        # a date of three numbers is still no count
        ("On 12-03-2015 five people were killed in Douma.", 5),
    ],
)
def test_ranges_and_dozens(sentence, expected):
    assert _count(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # a dateline that took the subject of a passive kill verb
        ("Last updated at May 032016 Nine civilians were killed in regime air strikes on the town.", "killed", 9),
        # a headline's "N martyred M injured" with the wounded misparsed as the object
        ("3 May 2016 7 civilians martyred 20 injured in terrorist mortar attack on the city", "martyred", 7),
        # "N X among (the) dead": the part the report counts
        ("Four children among dead as barrel bombs hit the city", "dead", 4),
    ],
)
def test_dateline_and_headline_shapes(sentence, word, expected):
    doc = load_nlp()(sentence)
    kill = next(t for t in doc if t.lower_ == word)
    assert _tolls().fatalities_of(kill) == expected


def test_a_count_taken_by_the_next_clause_after_a_lost_comma():
    # "killed 8 people MSF said": the count parsed as a modifier of the speaker
    doc = load_nlp()("Russian jets struck the camp on Friday and killed 8 people MSF said on Saturday.")
    kill = next(t for t in doc if t.lower_ == "killed")
    assert _tolls().fatalities_of(kill) == 8


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # coordinated victims hung side by side under the verb
        ("A rebel commander and three of his aides were killed in the strike.", 4),
        # "the" before one person counted beside others
        ("The strike killed the commander of the brigade and his deputy.", 2),
        # ... alone it is no count
        ("The strike killed the commander.", None),
    ],
)
def test_people_named_beside_counts(sentence, expected):
    assert _count(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Army units killed many terrorists, among them 5 foreigners.", None),
        ("Army units killed 20 terrorists, among them 5 foreigners.", 20),
    ],
)
def test_a_share_misparsed_as_an_object_is_no_toll(sentence, expected):
    assert _count(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The attack resulted in the martyrdom of 4 citizens and injuring 9 others.", "martyrdom", 4),
        # the wounded told with their own count beside the dead
        ("The terrorist attack led to the death of a child and the injury of 6 people.", "death", 1),
        # ... one count for both is still no toll
        ("The shelling caused the death and injury of 12 people.", "death", None),
    ],
)
def test_state_media_nouns(sentence, word, expected):
    doc = load_nlp()(sentence)
    kill = next(t for t in doc if t.lower_ == word)
    assert _tolls().fatalities_of(kill) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a headline's "kills N wounds M": the wound verb read as a noun counted by the toll
        ("Car bomb kills 10 wounds 22 in Homs", 10),
        ("Rocket attack kills 2 injures 5 in Damascus suburb", 2),
        # the wounded killed later are counted
        ("Shelling killed 10 wounded soldiers in the hospital.", 10),
    ],
)
def test_headline_kills_and_wounds(sentence, expected):
    assert _count(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a death toll by another name
        ("The number of dead rose to 18, the monitor said.", 18),
        ("The number of people killed rose to 18.", 18),
        ("The monitor later said the number of victims had risen to 18.", 18),
        # ... but not a running total, nor a count of something else
        ("The number of people killed since the start of the uprising rose to 4000.", None),
        ("The number of people killed in the province this year rose to 900.", None),
        ("The number of attacks rose to 18.", None),
    ],
)
def test_the_number_of_dead(sentence, expected):
    assert _tolls().toll_update(load_nlp()(sentence)[:]) == expected


def test_a_toll_told_with_its_cause():
    # "as a result of the airstrikes": the deaths are the trigger's, however the phrase hangs
    sentence = ("The monitor documented 10 deaths, among them 3 children, as a result of the airstrikes on "
                "the town.")
    assert _claim_count(sentence, "airstrikes") == 10
