"""The ``frontlines`` command line: a thin shell over the library."""
