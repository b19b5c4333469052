"""frontlines: news reports about an armed conflict in, an auditable event dataset out.

Importing the package does nothing but define names: no model loads, no file is read.
"""

__version__ = "0.1.0"
