"""Shared fixtures: the real model and resolvers (loaded once), temporary databases, the sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import REPO, SAMPLE, SHARED  # noqa: F401  (tests import them from here too)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the real model (directly or through a fixture) is slow: mark it so."""
    for item in items:
        if "engine" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    assert SAMPLE.exists(), f"the sample is expected at {SAMPLE}"
    return SAMPLE


@pytest.fixture(scope="session")
def engine():
    """The real pipeline: spaCy model from the package, actor registry, default gazetteer."""
    from dateline.pipeline import Engine

    return Engine.load()


@pytest.fixture(scope="session")
def sample_events(engine, sample_path):
    from dateline.pipeline import extract_sources

    ((document, events),) = list(extract_sources([str(sample_path)], engine=engine))
    return document, events


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"
