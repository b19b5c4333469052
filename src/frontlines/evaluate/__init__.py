"""Evaluation against gold annotations: the seeds-gold format and the FA-KES format."""

from .run import evaluate

__all__ = ["evaluate"]
