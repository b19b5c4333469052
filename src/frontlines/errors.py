"""The frontlines exception hierarchy.

Library code raises these; the CLI turns them into one-line messages that name
the input and the problem, with an exit code.  Every error carries a short code
(``FL1xx`` input, ``FL2xx`` resources, ``FL3xx`` store, ``FL4xx`` evaluation).
"""

from __future__ import annotations

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def shown(name: str) -> str:
    """A file name or id as it may appear in a one-line message: control characters, line
    separators and bidi controls escaped (a name with a newline must not split the line)."""
    if all(ch.isprintable() and ch not in _BIDI_CONTROLS for ch in name):
        return name
    return "".join(ch if ch.isprintable() and ch not in _BIDI_CONTROLS else ch.encode("unicode_escape").decode()
                   for ch in name)


class FrontlinesError(Exception):
    """Base class of every error frontlines raises on purpose."""

    code = "FL000"
    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{shown(self.source)}: " if self.source else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(FrontlinesError):
    """An input document or corpus cannot be read or understood."""

    code = "FL100"
    exit_code = 2


class EmptyInputError(InputError):
    code = "FL101"


class BinaryInputError(InputError):
    code = "FL102"


class EncodingError(InputError):
    code = "FL103"


class TooLargeError(InputError):
    code = "FL104"


class MalformedRecordError(InputError):
    code = "FL105"


class UnsupportedInputError(InputError):
    code = "FL106"


class ResourceError(FrontlinesError):
    """A bundled data file (gazetteer, lexicon, actor dictionary) is missing or invalid."""

    code = "FL200"
    exit_code = 3


class ModelMissingError(ResourceError):
    code = "FL201"


class StoreError(FrontlinesError):
    """The database cannot be opened, read or written."""

    code = "FL300"
    exit_code = 4


class EvalError(FrontlinesError):
    """Gold annotations cannot be read or do not match the run."""

    code = "FL400"
    exit_code = 5


class ConfigError(FrontlinesError):
    code = "FL500"
    exit_code = 2


class UnfusedError(StoreError):
    """Claims were stored after the events were last fused (an interrupted run)."""

    code = "FL301"


class ReadOnlyStoreError(StoreError):
    """A write was attempted on a store opened read-only."""

    code = "FL302"
