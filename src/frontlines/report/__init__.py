"""Situation reports: a place (or box) and a window of a frontlines database, as self-contained HTML
or as Markdown with images (:func:`write_report`)."""

from __future__ import annotations

from .data import ReportData, ReportRequest, collect
from .write import Written, write_report

__all__ = ["ReportData", "ReportRequest", "Written", "collect", "write_report"]
