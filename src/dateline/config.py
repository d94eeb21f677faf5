"""Where dateline keeps its files, from options, environment or defaults."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from . import __version__
from .errors import ConfigError

DEFAULT_DB = "dateline.db"
DEFAULT_MAX_BYTES_ENV = "DATELINE_MAX_BYTES"


def database_path(value: str | os.PathLike[str] | None = None) -> str:
    """The database to use: the given value, else $DATELINE_DB, else ./dateline.db."""
    if value:
        return os.fspath(value)
    return os.environ.get("DATELINE_DB") or DEFAULT_DB


def data_home() -> Path:
    """Folder for built artefacts (the gazetteer): $DATELINE_HOME or ~/.local/share/dateline."""
    env = os.environ.get("DATELINE_HOME")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "dateline"


# Files whose content decides what the default gazetteer holds; a change to any of them
# gives the gazetteer a new file name, so a stale build is never used.
_GAZETTEER_INPUTS = ("data/places_curated.tsv", "data/places_iraq_extra.tsv", "data/iraq_places_ucdp.tsv", "geo/gazetteer_build.py", "geo/gazetteer_rows.py",
                     "geo/distance.py", "resolve/names.py", "geo/gazetteer_extra.py", "geo/country_words.py",
                     "resolve/place_words.py", "data/place_words.yaml")
_GAZETTEER_INPUT_GLOBS = ("data/countries/*.yaml",)  # per-country province schemes


@functools.lru_cache(maxsize=1)
def gazetteer_inputs_digest() -> str:
    """Short hash of the gazetteer's build inputs shipped with the package."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    paths = [root / name for name in _GAZETTEER_INPUTS]
    paths += [p for pattern in _GAZETTEER_INPUT_GLOBS for p in sorted(root.glob(pattern))]
    for path in paths:
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def gazetteer_path() -> Path:
    """The gazetteer SQLite file: $DATELINE_GAZETTEER or a file under data_home() named for its inputs."""
    env = os.environ.get("DATELINE_GAZETTEER")
    if env:
        return Path(env)
    return data_home() / f"gazetteer-{__version__}-{gazetteer_inputs_digest()}.sqlite"


def package_data(name: str) -> Path:
    """Path of a file shipped in src/dateline/data."""
    return Path(__file__).parent / "data" / name


def env_number(name: str, kind: type, default: float, *, zero: str = "no limit") -> float:
    """A non-negative number from environment variable ``name`` (``kind`` int or float); ``default`` when it
    is unset or empty; ConfigError naming the variable otherwise. ``zero`` says what 0 means."""
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        number = kind(value)
    except ValueError as err:
        raise ConfigError(f"${name} must be a number, not {value!r}") from err
    if number < 0:
        raise ConfigError(f"${name} must be 0 ({zero}) or more, not {value!r}")
    return number
