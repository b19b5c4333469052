"""Render a situation report: self-contained HTML (images as data URIs) or Markdown with images."""

from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from . import charts
from .data import ReportData, ReportRequest, collect

if TYPE_CHECKING:
    from ..api import Dataset

ATTRIBUTION = "Outlines: Who's On First / GeoNames (CC BY 4.0)."


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    events: int
    changes: int
    images: Path | None = None


def render_html(data: ReportData, map_png: bytes, chart_png: bytes, db_name: str) -> str:
    """The report as one HTML page; every value from the database is escaped (Jinja2 autoescape)."""
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string((resources.files("frontlines.report") / "template.html.j2").read_text("utf-8"))
    return template.render(
        d=data, version=__version__, db=db_name, attribution=ATTRIBUTION,
        happened=sum(e.happened for e in data.events),
        map_uri="data:image/png;base64," + base64.b64encode(map_png).decode("ascii"),
        chart_uri="data:image/png;base64," + base64.b64encode(chart_png).decode("ascii"))


#: characters that can start Markdown markup inside a line (a value never starts a line); with the
#: brackets escaped, no link or image can form, so parentheses, dots and dashes stay as they are
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")


def md(value: object) -> str:
    """Text for Markdown: HTML characters as entities, Markdown punctuation escaped, one line."""
    text = " ".join(str(value if value is not None else "").split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md(v) for v in row) + " |" for row in rows]
    return lines


def render_markdown(data: ReportData, map_name: str, chart_name: str, db_name: str) -> str:
    happened = sum(e.happened for e in data.events)
    out = [f"# {md(data.title)}", "",
           f"Area: {md(data.area.label)} · window {md(data.date_from)} to {md(data.date_to)} · "
           f"{data.summary.events} events ({happened} happened) · frontlines {md(__version__)}, {md(db_name)}", "",
           "## Map", "", f"![Map of the events and the holders of towns]({map_name})", "",
           f"Outlines are approximate (derived from gazetteer points). {md(ATTRIBUTION)}", "",
           "## Events by type over time", "", f"![Events by type over time]({chart_name})", ""]
    out += _table(["Event type", "Events", "Fatalities"],
                  [[c.key, c.count, c.fatalities] for c in data.summary.by_type])
    out += ["", "## Control changes", ""]
    if not data.changes:
        out.append("No change of control in the area during the window.")
    for ch in data.changes:
        c = ch.change
        out += [f"### {md(c.place_name or c.place_id)}: {md(c.previous_actor or 'unknown holder')} → "
                f"{md(c.actor)} on {md(c.start)}", ""]
        out += [f"> “{md(e.sentence)}” — {md(e.status)}, {md(e.outlet or 'unknown outlet')}"
                f"{', ' + md(e.published) if e.published else ''}" + "\n" for e in ch.evidence]
    out += ["", "## Casualties", "",
            f"{data.fatalities_total} fatalities in events that happened (the most conservative figure of each "
            f"event); the reports range from {data.fatalities_low} to {data.fatalities_high}.", ""]
    if data.casualties:
        out += _table(["Date", "Event", "Place", "Fatalities", "Range", "Reports"],
                      [[c.event.event_date, c.event.sub_event_type, c.event.location, c.event.fatalities,
                        f"{c.low}–{c.high}" if c.low != c.high else c.low, c.reports] for c in data.casualties[:25]])
    out += ["", "## Sources by outlet and side", ""]
    out += _table(["Outlet", "Side (outlet registry)", "Documents", "Claims"],
                  [[s.outlet, s.side or "not stated", s.documents, s.claims] for s in data.sources])
    out += ["", "## Events", ""]
    out += _table(["Date", "Type", "Place", "Actors", "Standing", "Documents"],
                  [[e.event_date or "undated", e.sub_event_type, e.location,
                    " vs ".join(a for a in (e.actor1, e.actor2) if a), e.status, e.corroboration]
                   for e in data.events[:100]])
    return "\n".join(out) + "\n"


def _atomic_write(path: Path, content: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: a failed write leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(content)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_report(dataset: Dataset, request: ReportRequest, output: Path) -> Written:
    """Write the report of ``dataset`` (any store) to ``output``: ``.md`` gives Markdown with its
    images in ``<name>_files/``, anything else one self-contained HTML file."""
    data = collect(dataset.views, request)
    map_png, chart_png = charts.map_png(data), charts.timeline_png(data)
    if output.suffix.lower() == ".md":
        images = output.with_name(output.stem + "_files")
        images.mkdir(parents=True, exist_ok=True)
        _atomic_write(images / "map.png", map_png)
        _atomic_write(images / "events_by_type.png", chart_png)
        text = render_markdown(data, f"{images.name}/map.png", f"{images.name}/events_by_type.png", dataset.label)
        _atomic_write(output, text.encode("utf-8"))
        return Written(output, len(data.events), len(data.changes), images)
    _atomic_write(output, render_html(data, map_png, chart_png, dataset.label).encode("utf-8"))
    return Written(output, len(data.events), len(data.changes))
