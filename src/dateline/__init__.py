"""dateline: conflict reporting in, sourced and geocoded event chronicle out."""

__version__ = "0.1.0"
