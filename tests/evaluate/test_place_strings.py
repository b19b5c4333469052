"""The place-strings measure: a gold folder's town names geocoded alone, scored within 25 km."""

from __future__ import annotations

from frontlines.evaluate.place_strings import PlaceString, place_strings, score_place_strings
from frontlines.records import Place


def test_place_strings_take_town_names_with_a_point_once_per_governorate() -> None:
    events = [
        {"location": "Kafr Sabt", "admin1": "Hama", "lat": 35.0, "lon": 36.0, "geo_precision": 1},
        {"location": "Kafr Sabt", "admin1": "Hama", "lat": 35.0, "lon": 36.0, "geo_precision": 1},
        {"location": "Hama countryside", "admin1": "Hama", "lat": 35.1, "lon": 36.7, "geo_precision": 2},
        {"location": "Nowhere", "admin1": None, "lat": None, "lon": None, "geo_precision": 1},
    ]
    toponyms = [
        {"surface": "Kafr Sabt", "admin1": "Idlib", "lat": 35.9, "lon": 36.6, "feature": "city/town/village"},
        {"surface": "the Ghab plain", "admin1": "Hama", "lat": 35.6, "lon": 36.3, "feature": "region/district"},
        {"surface": "Tell Zor", "admin1": "Raqqa", "lat": 36.0, "lon": 38.0, "feature": "city/town/village",
         "vague": True},
    ]
    assert place_strings(events, toponyms) == [PlaceString("Kafr Sabt", "Hama", 35.0, 36.0),
                                               PlaceString("Kafr Sabt", "Idlib", 35.9, 36.6)]


def test_a_string_counts_when_its_first_candidate_lies_within_25_km() -> None:
    strings = [PlaceString("Kafr Sabt", "Hama", 35.0, 36.0), PlaceString("Tell Zor", "Raqqa", 36.0, 38.0)]

    def firsts(names: list[str], admin1: str | None) -> list[Place | None]:
        return [first(name, admin1) for name in names]

    def first(name: str, admin1: str | None) -> Place | None:
        if name == "Kafr Sabt":
            return Place("t:1", name, 35.1, 36.1, "SY", "Hama", None, "settlement")  # about 14 km off
        if admin1 == "Raqqa":
            return Place("t:2", name, 36.0, 38.0, "SY", "Raqqa", None, "settlement")
        return Place("t:3", name, 33.0, 36.0, "SY", "Daraa", None, "settlement")  # a namesake far away

    assert score_place_strings(strings, firsts) == {"strings": 2, "within_25km": 0.5,
                                                   "within_25km_with_admin1": 1.0}
