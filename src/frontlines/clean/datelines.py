"""Publication dates written at the start of a text ("Wed 05 Apr 2017", "June 12, 2017")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..records import Precision

WINDOW = 250  # characters from the start of the text searched for a dateline
_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: tuple[tuple[re.Pattern[str], Precision], ...] = tuple(
    (re.compile(p, re.IGNORECASE), precision)
    for p, precision in (
        (rf"\b{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", Precision.DAY),
        (rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", Precision.DAY),
        (rf"\b{_MONTH}\s+(?P<day>[0-3]\d){_YEAR}\b", Precision.DAY),  # "Jul 152015" (glued)
        (r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b", Precision.DAY),
        (r"\b(?P<day>[0-3]?\d)[./-](?P<month>[01]?\d)[./-](?P<year>(?:19|20)\d\d)", Precision.DAY),
        (rf"\b{_MONTH},?\s+{_YEAR}\b", Precision.MONTH),
    )
)


@dataclass(frozen=True, slots=True)
class Dateline:
    date: dt.date
    precision: Precision
    offset: int  # where the date was found in the text
    surface: str
    line_start: bool = False  # the date opens a line (or the text)

    @property
    def basis(self) -> str:
        if self.offset == 0:
            where = "dateline at the start of the text"
        elif self.line_start:
            where = "dateline at the start of a line"
        else:
            where = "date near the start of the text"
        return f"{where}: {self.surface!r}"


def _to_date(match: re.Match[str], precision: Precision) -> dt.date | None:
    groups = match.groupdict()
    month_text = groups["month"].lower()
    month = _MONTHS.get(month_text) or int(month_text)
    day = int(groups["day"]) if groups.get("day") else 1
    if groups.get("day") and month > 12 and day <= 12:  # US order in a numeric date
        month, day = day, month
    try:
        return dt.date(int(groups["year"]), month, day if precision is Precision.DAY else 1)
    except ValueError:
        return None


def find_dateline(text: str, window: int = WINDOW) -> Dateline | None:
    """The first date written near the start of ``text``, with its precision."""
    head = text[:window]
    found: list[Dateline] = []
    for pattern, precision in _PATTERNS:
        for match in pattern.finditer(head):
            date = _to_date(match, precision)
            if date is not None and 1990 <= date.year <= dt.date.today().year + 1:
                opens = match.start() == 0 or head[match.start() - 1] == "\n"
                found.append(Dateline(date, precision, match.start(), match.group(0), opens))
                break
    if not found:
        return None
    return min(found, key=lambda d: (d.offset, d.precision is not Precision.DAY))
