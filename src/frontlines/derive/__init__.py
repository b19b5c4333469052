"""Stage 6, derive: town-level control timelines from the fused events."""

from .control import changes_between, control_as_of, derive_control

__all__ = ["changes_between", "control_as_of", "derive_control"]
