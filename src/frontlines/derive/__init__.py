"""Stage 6, derive: territorial facts, control periods with confidence, sieges, baselines."""

from .baseline import SnapshotRow, baseline_entries, read_snapshot
from .control import CONTESTED, WINDOW_DAYS, derive_control, reference_day
from .facts import ActorSpan, SourceInfo, extract_facts
from .queries import Near, changes_between, control_as_of, place_history, situation_as_of
from .sieges import derive_sieges, sieges_as_of
from .territory import TerritoryCues, load_territory, validate_territory

__all__ = [
    "CONTESTED", "WINDOW_DAYS", "ActorSpan", "Near", "SnapshotRow", "SourceInfo", "TerritoryCues",
    "baseline_entries", "changes_between", "control_as_of", "derive_control",
    "derive_sieges", "extract_facts", "load_territory", "place_history", "read_snapshot",
    "reference_day", "sieges_as_of", "situation_as_of", "validate_territory",
]
