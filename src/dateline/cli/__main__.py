"""`python -m dateline.cli` runs the `dateline` command."""

from .main import main

main()
