"""``python -m frontlines``: the command line."""

from .cli.main import main

main()
