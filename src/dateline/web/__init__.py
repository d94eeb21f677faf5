"""dateline's web app: a JSON API and an analyst's single-page front end (`dateline serve`).

``create_app`` is imported on first use so that loading the CLI does not load the web framework.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
