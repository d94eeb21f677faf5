"""Imports every scorer module so that its kind is registered (one line each)."""
from . import (
    event_types,  # noqa: F401
    geo,  # noqa: F401
    muc4,  # noqa: F401
    pitf,  # noqa: F401
    plover,  # noqa: F401
    timeml,  # noqa: F401
    ucdp_events,  # noqa: F401
)
