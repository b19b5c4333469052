"""ACLED's codebook values for an export: country names, numeric ISO codes, regions,
``event_id_cnty`` and ``source_scale``.

The country table is data (``data/acled_countries.csv``, sources in ``data/ATTRIBUTION.md``).
``source_scale`` follows ACLED's scale words from where each outlet of the event is seated
(outlet registry ``country``) and what it is (``kind``):

- a blog, website or other online-only outlet → ``New media``;
- an outlet seated in the event's country → ``National``;
- seated elsewhere in the event's ACLED region → ``Regional``;
- seated outside the region → ``International``;
- an outlet the registry does not know, or without a seat → ``Other``.

Several scales are joined with "-" in that order of breadth (``National-International``);
more than two keep the narrowest and the widest, as ACLED's combined values have two parts.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

#: ACLED's region names (ACLED Codebook), the only values ``region`` may take
ACLED_REGIONS = frozenset({
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "South Asia", "Southeast Asia", "East Asia", "Middle East", "Europe", "Caucasus and Central Asia",
    "Central America", "South America", "Caribbean", "North America", "Oceania", "Antarctica",
})
#: ACLED's source scale words, narrowest first
SCALES = ("Local", "Subnational", "National", "Regional", "International", "New media", "Other")
NEW_MEDIA_KINDS = frozenset({"blog", "website", "social media", "online"})
EVENT_ID = re.compile(r"^[A-Z]{3}\d+$")


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    iso: int
    name: str
    region: str


def countries() -> dict[str, Country]:
    """ISO alpha-2 → the country's ACLED values, from the packaged table (read on each call:
    callers that look up many rows read it once and pass it on)."""
    text = resources.files("frontlines.data").joinpath("acled_countries.csv").read_text(encoding="utf-8")
    table = {}
    for row in csv.DictReader(io.StringIO(text)):
        table[row["iso2"]] = Country(row["iso2"], row["iso3"], int(row["iso"]), row["country"], row["region"])
    return table


def country(code: str | None, table: Mapping[str, Country] | None = None) -> Country | None:
    """The ACLED values of a country given by ISO alpha-2 (or by its ACLED name)."""
    if not code:
        return None
    table = table if table is not None else countries()
    if code.upper() in table:
        return table[code.upper()]
    return next((c for c in table.values() if c.name.lower() == code.lower()), None)


def event_id_cnty(event_id: str, found: Country | None) -> str | None:
    """``SYR`` + a number derived from frontlines' event id (``ev-<hex>``), stable across exports."""
    if found is None:
        return None
    digits = event_id.rsplit("-", 1)[-1]
    try:
        number = int(digits, 16)
    except ValueError:
        number = int.from_bytes(digits.encode("utf-8")[:8], "big")
    return f"{found.iso3}{number}"


def outlet_scale(outlet: Any, where: Country | None, table: Mapping[str, Country] | None = None) -> str:
    """The ACLED scale of one outlet (a registry ``Outlet`` or None) for an event in ``where``."""
    if outlet is None:
        return "Other"
    if (outlet.kind or "").lower() in NEW_MEDIA_KINDS:
        return "New media"
    seat = country(outlet.country, table)
    if seat is None or where is None:
        return "Other"
    if seat.iso2 == where.iso2:
        return "National"
    return "Regional" if seat.region == where.region else "International"


def source_scale(outlets: Iterable[str], where: Country | None, registry: Any,
                 table: Mapping[str, Country] | None = None) -> str:
    """ACLED ``source_scale`` of an event from the names of its outlets (``registry``: the outlet
    registry of the knowledge base)."""
    scales = {outlet_scale(registry.lookup(name) if name else None, where, table) for name in outlets} or {"Other"}
    ordered = [s for s in SCALES if s in scales]
    return "-".join(ordered if len(ordered) <= 2 else [ordered[0], ordered[-1]])


def notes_summary(event_type: str, sub_event_type: str, actor1: str | None, actor2: str | None,
                  location: str | None, date: str | None, fatalities: int | None, corroboration: int) -> str:
    """One sentence summing up the event, as ACLED's notes do (the evidence is in the claims export)."""
    when = f"On {date}" if date else "On an unknown date"
    what = (sub_event_type or event_type).lower()
    by = f" by {actor1}" if actor1 else ""
    against = f" against {actor2}" if actor2 else ""
    where = f" in {location}" if location else ""
    extra = [f"{fatalities} reported fatalities"] if fatalities else []
    extra += [f"{corroboration} reports"] if corroboration > 1 else []
    tail = f" ({'; '.join(extra)})" if extra else ""
    return " ".join(f"{when}, {what}{by}{against}{where}{tail}.".split())


def check_row(row: Mapping[str, Any], table: Mapping[str, Country] | None = None) -> list[str]:
    """What in one ACLED export row breaks the codebook's rules (empty when it conforms)."""
    problems = []
    found = country(row.get("country"), table)
    if found is None or found.name != row.get("country"):
        problems.append(f"country {row.get('country')!r} is not an ACLED country name")
    else:
        if row.get("iso") not in (found.iso, str(found.iso)):
            problems.append(f"iso {row.get('iso')!r} is not {found.iso} for {found.name}")
        if row.get("region") != found.region:
            problems.append(f"region {row.get('region')!r} is not {found.region!r} for {found.name}")
        cnty = str(row.get("event_id_cnty") or "")
        if not EVENT_ID.match(cnty) or not cnty.startswith(found.iso3):
            problems.append(f"event_id_cnty {cnty!r} is not {found.iso3} followed by digits")
    if row.get("region") not in ACLED_REGIONS:
        problems.append(f"region {row.get('region')!r} is not an ACLED region")
    year, date = str(row.get("year") or ""), str(row.get("event_date") or "")
    if not (year.isdigit() and len(year) == 4 and date.startswith(year)):
        problems.append(f"year {row.get('year')!r} is not the integer year of {date!r}")
    scale = str(row.get("source_scale") or "")
    if not scale or any(part not in SCALES for part in scale.split("-")) or scale.count("-") > 1:
        problems.append(f"source_scale {scale!r} is not an ACLED scale")
    notes = str(row.get("notes") or "")
    if not notes.startswith("On ") or "\n" in notes or not notes.endswith(".") or len(notes) > 500:
        problems.append(f"notes {notes[:60]!r} is not one summary sentence")
    return problems
