"""Stage 5, fuse: claims about the same happening become one ``Event``."""

from .fuse import FuseOptions, fuse_claims

__all__ = ["FuseOptions", "fuse_claims"]
