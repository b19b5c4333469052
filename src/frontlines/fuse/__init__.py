"""Stage 5, fuse: claims about the same happening become one ``Event``."""

from .explain import ClaimJoin, EventExplanation, explain_event
from .fuse import FuseOptions, fuse_claims

__all__ = ["ClaimJoin", "EventExplanation", "FuseOptions", "explain_event", "fuse_claims"]
