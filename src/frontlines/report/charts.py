"""The report's figures, drawn with matplotlib (Agg, no display): a map and events by type over time."""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from .data import MultiPolygon, Polygon, ReportData, Ring

if TYPE_CHECKING:
    from ..store.views import EventRow

TYPE_COLORS = {"Battles": "#c0392b", "Explosions/Remote violence": "#e67e22",
               "Violence against civilians": "#8e44ad", "Protests": "#2980b9", "Riots": "#16a085",
               "Strategic developments": "#7f8c8d"}
SIDE_COLORS = {"pro-government": "#b71c1c", "opposition": "#2e7d32", "islamic-state": "#212121",
               "kurdish": "#f9a825", "us-coalition": "#1565c0", "turkey": "#6a1b9a"}


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    _pyplot().close(fig)
    return buffer.getvalue()


def _rings(geometry: Polygon | MultiPolygon) -> list[Ring]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [poly[0] for poly in geometry["coordinates"]]


def map_png(data: ReportData) -> bytes:
    """The area on the offline outlines: events by type (hollow when not counted), towns by holder."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 6.2))
    for feature in data.basemap["features"]:
        country = feature["properties"]["kind"] == "country"
        for ring in _rings(feature["geometry"]):
            xs, ys = zip(*ring, strict=True)
            if country:
                ax.fill(xs, ys, color="#f4f1ea", zorder=0)
            ax.plot(xs, ys, color="#37474f" if country else "#90a4ae", lw=1.4 if country else 0.6,
                    ls="-" if country else "--", zorder=1)
    by_type: dict[str, list[EventRow]] = defaultdict(list)
    for e in data.events:
        if e.longitude is not None and e.latitude is not None:
            by_type[e.event_type].append(e)
    for event_type, events in sorted(by_type.items()):
        color = TYPE_COLORS.get(event_type, "#555555")
        counted = [e for e in events if e.happened]
        other = [e for e in events if not e.happened]
        ax.scatter([e.longitude for e in counted], [e.latitude for e in counted], s=28, color=color,
                   edgecolors="#263238", linewidths=0.5, label=f"{event_type} ({len(counted)})", zorder=3)
        if other:
            ax.scatter([e.longitude for e in other], [e.latitude for e in other], s=28, facecolors="none",
                       edgecolors=color, linewidths=1, linestyle="--", zorder=3)
    for town in data.control_at_end:
        if town.longitude is None or town.latitude is None:
            continue
        color = SIDE_COLORS.get(town.side or "", "#78909c")
        ax.scatter([town.longitude], [town.latitude], marker="s", s=60, color=color,
                   edgecolors="#d50000" if town.contested else "white", linewidths=2 if town.contested else 1,
                   zorder=4)
    if data.area.bbox:
        west, south, east, north = data.area.bbox
        pad = max(0.05, 0.1 * max(east - west, north - south))
        ax.set_xlim(west - pad, east + pad)
        ax.set_ylim(south - pad, north + pad)
    else:
        ax.set_xlim(35.4, 42.6)
        ax.set_ylim(32.2, 37.5)
    ax.set_aspect(1.2)
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    if by_type:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=7, frameon=False)
    ax.set_title("Events (hollow: not counted) and holders of towns on the last day (squares)", fontsize=9)
    return _png(fig)


def timeline_png(data: ReportData) -> bytes:
    """Stacked bars: events by type per week (per month when the window is longer than a year)."""
    plt = _pyplot()
    start = dt.date.fromisoformat(data.date_from)
    end = dt.date.fromisoformat(data.date_to)
    monthly = (end - start).days > 366
    counts: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for week, event_type, n in data.weekly:
        day = dt.date.fromisoformat(week)
        key = day.replace(day=1) if monthly else day
        counts[event_type][key] += n
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    keys = sorted({k for per in counts.values() for k in per})
    bottom = [0] * len(keys)
    width = 25 if monthly else 6
    for event_type in sorted(counts):
        values = [counts[event_type].get(k, 0) for k in keys]
        ax.bar(keys, values, width=width, bottom=bottom, color=TYPE_COLORS.get(event_type, "#555555"),
               label=event_type, align="edge")
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("events per month" if monthly else "events per week")
    ax.set_xlim(start, end + dt.timedelta(days=1))
    if counts:
        ax.legend(fontsize=7, loc="upper left", framealpha=0.9)
    else:
        ax.text(0.5, 0.5, "no dated events in the window", ha="center", va="center", transform=ax.transAxes)
    fig.autofmt_xdate()
    return _png(fig)
