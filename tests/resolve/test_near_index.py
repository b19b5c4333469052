"""The nearest-anchor index gives exactly the distances of measuring every anchor."""

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.geo import haversine_km
from frontlines.records import Place
from frontlines.resolve.place_context import NearIndex

points = st.lists(st.tuples(st.integers(0, 30), st.floats(-60, 70), st.floats(-179, 179)), max_size=60)


def brute(place: Place, anchors: list[Place], k: int, skip: set[str]) -> list[float]:
    return sorted(haversine_km(place.latitude, place.longitude, a.latitude, a.longitude) for a in anchors
                  if a.gazetteer_id != place.gazetteer_id and a.gazetteer_id not in skip)[:k]


@settings(max_examples=200, deadline=None)
@given(points, st.tuples(st.integers(0, 30), st.floats(-60, 70), st.floats(-179, 179)),
       st.integers(1, 4), st.sets(st.integers(0, 30), max_size=5))
def test_nearest_equals_measuring_every_anchor(anchors, probe, k, skip):
    places = [Place(f"p{i}", "x", lat, lon, "SY") for i, lat, lon in anchors]  # ids repeat: duplicates
    place = Place(f"p{probe[0]}", "y", probe[1], probe[2], "SY")
    skipped = {f"p{i}" for i in skip}
    assert NearIndex(places).nearest(place, k, skipped) == brute(place, places, k, skipped)


def test_scan_stops_early_on_clustered_anchors():
    """Thousands of anchors: the k nearest of a point are found without measuring them all."""
    places = [Place(f"p{i}", "x", 30 + i * 0.01, 36.0, "SY") for i in range(5000)]
    index = NearIndex(places)
    measured = []

    import frontlines.resolve.place_context as pc
    real = pc.km
    try:
        pc.km = lambda *a: measured.append(a) or real(*a)
        assert len(index.nearest(Place("q", "q", 40.0, 36.0, "SY"), 3)) == 3
    finally:
        pc.km = real
    assert len(measured) < 20
