"""Parsing of publication dates given as metadata (manifest, corpus column)."""

from __future__ import annotations

import datetime as dt
import re

from ..errors import MalformedRecordError
from ..records import Precision

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")


def parse_published(value: object, source: str) -> tuple[dt.date | None, Precision | None]:
    """ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a time part is ignored) → date and precision."""
    if value in (None, ""):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), Precision.DAY
    if isinstance(value, dt.date):
        return value, Precision.DAY
    match = _ISO.match(str(value).strip())
    if not match:
        raise MalformedRecordError(f"published date {value!r} is not ISO (YYYY-MM-DD)", source=source)
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date = dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        raise MalformedRecordError(f"published date {value!r} does not exist", source=source) from None
    precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
    return date, precision
