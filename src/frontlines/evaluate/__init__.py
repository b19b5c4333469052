"""Evaluation: every scorer, the floors file and the suite that measures the gold sets.

One module per measure, sharing the matching rules of ``match``:

- ``folder``: a store against a gold folder in the seeds-gold format (events, rows, captures,
  segments, toponyms); ``fakes``: a store against FA-KES gold, and two stage scores on it;
- ``events``, ``captures``, ``segments``, ``toponyms``, ``claims``: the measures themselves;
- ``gold``: reading gold files; ``match``: ratios, distances, dates, quotes, lines, halves;
- ``floors``: the floors file (``floors.json``), its corpus digests, checks and re-pinning;
- ``suite``: the groups of measures found under corpus folders, and running them.
"""

from .run import evaluate

__all__ = ["evaluate"]
