"""The `dateline` command: thin click commands over the library functions (``main`` is the group)."""

from .main import main

__all__ = ["main"]
