"""The golden list of registered names: nothing drops out of a registry silently."""

from __future__ import annotations

from frontlines import registry

GOLDEN = {
    "readers": ["csv", "feed", "file", "jsonl", "warc"],
    "cleaners": ["default"],
    "extractors": ["default"],
    "geocoders": ["memory", "sqlite"],
    "stores": ["sqlite"],
    "exporters": ["acled", "claims", "geojson", "jsonl", "parquet", "places"],
    "engines": ["process", "serial"],
}


def test_registered_names_are_the_golden_list() -> None:
    registry.load_builtins(plugins=False)
    for name, expected in GOLDEN.items():
        assert getattr(registry, name).names() == expected, name


def test_unknown_name_lists_the_known_ones() -> None:
    registry.load_builtins(plugins=False)
    try:
        registry.engines.get("spark")
    except Exception as exc:  # noqa: BLE001 - the message is what is tested
        assert "process" in str(exc) and "serial" in str(exc)
    else:
        raise AssertionError("unknown engine accepted")
