"""Exports of a store: ACLED CSV, GeoJSON, JSON Lines (events, claims, places), Parquet."""

from .writers import EXPORT_FORMATS, export, export_file

__all__ = ["EXPORT_FORMATS", "export", "export_file"]
