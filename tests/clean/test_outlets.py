"""The outlet registry data file and its loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import packaged_kb
from frontlines.clean.outlets import OutletRegistry, validate_outlets
from frontlines.errors import ResourceError

BUNDLED = Path(__file__).resolve().parents[2] / "src" / "frontlines" / "data" / "outlets.yaml"
FAKES_OUTLETS = ["SANA", "al-Manar", "al-Alam", "Sputnik", "TASS", "Reuters", "Al Arabiya", "Daily Sabah", "TRT",
                 "Etilaf", "Jordan Times", "al-Ahram", "al-Araby", "NNA", "Asharq al-Awsat"]


def test_bundled_registry_is_valid() -> None:
    assert validate_outlets(BUNDLED) == []


@pytest.mark.parametrize("name", FAKES_OUTLETS)
def test_fakes_outlets_are_known(name: str) -> None:
    assert packaged_kb().outlets.lookup(name) is not None


def test_lookup_by_alias_domain_url_and_case() -> None:
    registry = packaged_kb().outlets
    assert registry.lookup("syrian arab news agency").name == "SANA"
    assert registry.lookup("https://www.almasdarnews.com/article/x").name == "Al-Masdar News"
    assert registry.by_domain("english.alaraby.co.uk").name == "Al-Araby Al-Jadeed"
    assert registry.lookup("Nobody's Blog") is None


def test_statements_are_dated_and_sourced() -> None:
    for outlet in packaged_kb().outlets.outlets:
        for statement in outlet.statements:
            assert statement.source and statement.as_of and statement.claim


def test_validation_reports_problems(tmp_path: Path) -> None:
    bad = tmp_path / "outlets.yaml"
    bad.write_text("outlets:\n  - name: A\n    aliases: [X]\n    domains: ['not a domain']\n    country: Syria\n"
                   "    statements: [{claim: pro-x}]\n  - name: B\n    aliases: [x]\n")
    problems = validate_outlets(bad)
    assert any("domain" in p for p in problems) and any("country" in p for p in problems)
    assert any("statement" in p for p in problems) and any("already used" in p for p in problems)
    with pytest.raises(ResourceError):
        OutletRegistry.load(bad)


def test_unreadable_registry(tmp_path: Path) -> None:
    assert validate_outlets(tmp_path / "missing.yaml")
