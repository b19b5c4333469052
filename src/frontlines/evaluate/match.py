"""Matching helpers shared by every scorer: ratios, distances, dates, quotes, lines, halves.

Each rule is written once here; the scorers (events, claims, captures, toponyms, segments,
FA-KES) only combine them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ..geo import haversine_km

T = TypeVar("T")

#: one row of a gold file, as read from JSON Lines
TypeRow = dict[str, Any]


def ratio(num: float, den: float) -> float | None:
    """``num / den`` to four places; None when there is nothing to divide by."""
    return round(num / den, 4) if den else None


def f1(p: float | None, r: float | None) -> float | None:
    return round(2 * p * r / (p + r), 4) if p and r else (0.0 if p is not None and r is not None else None)


def within_km(lat: float | None, lon: float | None, glat: float | None, glon: float | None, km: float) -> bool:
    """Both points known and at most ``km`` apart (great-circle)."""
    if lat is None or lon is None or glat is None or glon is None:
        return False
    return haversine_km(lat, lon, glat, glon) <= km


def gold_types(row: TypeRow) -> set[str]:
    """The sub-event types a gold event accepts: its own and its alternatives."""
    return {row["sub_event_type"], *(row.get("alt_sub_event_types") or ())}


def type_compatible(event_type: str, sub_event_type: str, row: TypeRow) -> bool:
    """A system type fits a gold event: an accepted sub-event type, or the same event type."""
    return sub_event_type in gold_types(row) or event_type == row["event_type"]


def quote_span(text: str, quote: str) -> tuple[int, int]:
    """Where the gold quote lies in the text; (-1, -1) when it is not there."""
    start = text.find(quote)
    return (start, start + len(quote)) if start >= 0 else (-1, -1)


def quote_overlap(span: tuple[int, int], trigger_start: int, start: int, end: int) -> int:
    """2 when a trigger lies inside the gold quote, 1 when only the sentence overlaps it, else 0."""
    q_start, q_end = span
    if q_start < 0:
        return 0
    if q_start <= trigger_start < q_end:
        return 2
    return 1 if start < q_end and q_start < end else 0


#: the standings that count as happened, in gold files
FACTUAL_STATUSES = frozenset({"asserted", "reported", "alleged"})


def status_agrees(status: str, row: TypeRow) -> bool:
    """The system's standing agrees with a gold event's.  Gold sets annotated before the
    ``background`` standing existed code history with the standing of its telling (asserted,
    reported, alleged) and rank it ``eval_tier: background``: there, ``background`` agrees."""
    if status == row["status"]:
        return True
    return status == "background" and row["status"] in FACTUAL_STATUSES and row.get("eval_tier") == "background"


def gold_date(row: TypeRow) -> str | None:
    """The gold date or interval ("2017-09-04", "2017-09/2017-10"), or its estimate."""
    return row.get("date") or row.get("date_estimate")


def date_starts_within(got: str | None, want: str | None) -> bool | None:
    """Event rule: the (first) system date lies in the gold date or interval, compared at the
    gold's precision; None when the gold has no date."""
    if not want:
        return None
    if not got:
        return False
    first = got.split("/")[0]
    lo, _, hi = want.partition("/")
    hi = hi or lo
    return first[: len(lo)] >= lo and first[: len(hi)] <= hi


def _bounds(text: str) -> tuple[str, str]:
    lo, _, hi = text.partition("/")
    hi = hi or lo
    return _pad(lo, "-01-01"), _pad(hi, "-12-31")


def _pad(day: str, fill: str) -> str:
    """ "2016-03" → "2016-03-01" (or "-31"-ish for the end: compared as strings)."""
    return day + fill[len(day) - 4:] if len(day) < 10 else day


def date_overlaps(got: str | None, want: str | None) -> bool:
    """Claim rule: the system date or interval overlaps the gold date or interval."""
    if not got or not want:
        return False
    glo, ghi = _bounds(want)
    clo, chi = _bounds(got)
    return clo <= ghi and glo <= chi


def days_apart(got: str | None, want: str | None) -> int | None:
    """Days between the first day of two ISO dates or intervals; None if either is not a day."""
    try:
        a = dt.date.fromisoformat((got or "").split("/")[0][:10])
        b = dt.date.fromisoformat((want or "").split("/")[0][:10])
    except ValueError:
        return None
    return abs((a - b).days)


def day_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of an ISO day, month, year or interval ("2014-10", "2016-02-01/2016-02-04");
    None when it is not a date."""
    if not value:
        return None
    lo, _, hi = value.partition("/")
    try:
        return _first_last(lo)[0], _first_last(hi or lo)[1]
    except (ValueError, TypeError):
        return None


def _first_last(part: str) -> tuple[dt.date, dt.date]:
    pieces = [int(p) for p in part.strip()[:10].split("-")]
    if len(pieces) == 3:
        return dt.date(*pieces), dt.date(*pieces)
    if len(pieces) == 2:
        after = dt.date(pieces[0] + pieces[1] // 12, pieces[1] % 12 + 1, 1)
        return dt.date(pieces[0], pieces[1], 1), after - dt.timedelta(days=1)
    if len(pieces) == 1:
        return dt.date(pieces[0], 1, 1), dt.date(pieces[0], 12, 31)
    raise ValueError(part)


def span_gap(got: tuple[dt.date, dt.date], want: tuple[dt.date, dt.date]) -> int:
    """Days between two day spans: 0 when they overlap."""
    return max(0, (got[0] - want[1]).days, (want[0] - got[1]).days)


def same_actor(got: str | None, want: str | None) -> bool:
    """A system actor is the gold actor: the same canonical name (case and spacing aside)."""
    if not got or not want:
        return False
    return " ".join(got.casefold().split()) == " ".join(want.casefold().split())


def line_offsets(text: str) -> list[int]:
    """Character offset of the start of each line (1-based line n starts at offsets[n - 1]);
    one extra entry past the end."""
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    return offsets


def line_roles(items: Iterable[T], n_lines: int, role_of: Callable[[T], tuple[int, int, str]]) -> list[str | None]:
    """The role of each line, from blocks given as (first line, last line, role)."""
    roles: list[str | None] = [None] * n_lines
    for item in items:
        first, last, role = role_of(item)
        for line in range(first, min(last, n_lines) + 1):
            roles[line - 1] = role
    return roles


def half_of(key: str) -> str:
    """The stable half ("A" or "B") of a document key: the parity of its SHA-256.

    The same key falls in the same half on every machine and in every version, so rules
    tuned on half A can be checked on half B."""
    return "A" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "B"
