"""Shared fixtures and the two test tiers.

Slow tier (`pytest -m slow`, and all of `make test`): tests that need the full spaCy model, the
full gazetteer build, PostgreSQL, a browser, a cluster of worker processes, a fresh interpreter, or
kill -9. They are marked here from the fixtures they use (SLOW_FIXTURES, a "postgres" parameter, a
module that drives Chromium) or, for tests that load the model through the CLI, by hand.

Fast tier (`make test-fast`, `pytest -m "not slow"`): everything else, in under 30 s on two cores.
Rule tests that need our spaCy components but not the statistical model use `blank_nlp`; tests
that need a gazetteer but not the world's places use `tiny_gazetteer`. In the fast tier, loading
the full model fails the test with a message saying to mark it slow, so the tier stays fast.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from shared_data import REPO, SAMPLE, SHARED  # noqa: F401  (tests import them from here too)

# fixture -> why a test that uses it (directly or through another fixture) is slow
SLOW_FIXTURES = {
    "engine": "loads the full spaCy model",
    "world": "builds the full gazetteer",
    "pg_server": "starts PostgreSQL",
    "pg_url": "starts PostgreSQL",
    "web_db": "ingests the PITF sample with the full model",
    "live_server": "serves the app with the full model",
    "sample_db": "ingests the sample with the full model (test_cli)",
}


def _slow_reason(item: pytest.Item) -> str | None:
    for name in getattr(item, "fixturenames", ()):
        if name in SLOW_FIXTURES:
            return SLOW_FIXTURES[name]
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "postgres" in [v for v in callspec.params.values() if isinstance(v, str)]:
        return "runs against PostgreSQL"  # backends are parameters; the server is fetched at run time
    module = getattr(item, "module", None)
    if module is not None and hasattr(module, "sync_playwright"):
        return "drives Chromium"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark slow each test whose fixtures or parameters need the model, a server or a browser."""
    for item in items:
        reason = _slow_reason(item)
        if reason is not None:
            item.add_marker(pytest.mark.slow(reason=reason))


def _fast_tier(config: pytest.Config) -> bool:
    """True when the slow tests are deselected (`-m "not slow"`)."""
    return "not slow" in (config.getoption("markexpr", "") or "")


@pytest.fixture(scope="session", autouse=True)
def _no_model_in_the_fast_tier(request: pytest.FixtureRequest) -> Iterator[None]:
    """In the fast tier a test that loads the full model (say through the CLI) fails with what to do,
    instead of quietly making the tier slow. Session-scoped, so it is in place before any module
    fixture runs."""
    if not _fast_tier(request.config):
        yield
        return
    from dateline.annotate import model

    def refuse(*_args: object, **_kwargs: object) -> None:
        test = os.environ.get("PYTEST_CURRENT_TEST", "this test").rsplit(" ", 1)[0]
        pytest.fail(f"{test} loads the full spaCy model: mark it @pytest.mark.slow, or use the blank_nlp "
                    "fixture if it tests a rule that needs no statistical model", pytrace=False)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "load_model", refuse)
        yield


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


@pytest.fixture(scope="session")
def tiny_gazetteer(tmp_path_factory: pytest.TempPathFactory):
    """A gazetteer of the places shipped with the package (UCDP's and the curated Iraqi files, about
    640 places), built in a few hundredths of a second: without the world data, so "Paris" is unknown
    and "Baghdad" ranks by these files alone."""
    from dateline.geo.gazetteer import Gazetteer
    from dateline.geo.gazetteer_build import build_gazetteer

    path = tmp_path_factory.mktemp("tiny-gazetteer") / "gazetteer.sqlite"
    build_gazetteer(path, include_packages=False)
    return Gazetteer(path)


@pytest.fixture(scope="session")
def blank_nlp(tiny_gazetteer):
    """dateline's components on a blank English pipeline (tokenizer and sentencizer, no tagger,
    parser or NER), configured with the shipped actor registry and `tiny_gazetteer`: what the rules
    find from words alone. Loads in a fraction of a second."""
    import spacy

    from dateline.annotate import components  # noqa: F401  (registers the factories)
    from dateline.resolve.actors import ActorRegistry

    registry = ActorRegistry.load()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dateline_paragraphs")  # after the sentencizer, which would reset its boundaries
    for name in ("dateline_timex", "dateline_quantities", "dateline_actors", "dateline_places"):
        nlp.add_pipe(name)
    nlp.get_pipe("dateline_actors").configure(registry.patterns(), registry.resolve)
    nlp.get_pipe("dateline_places").configure(tiny_gazetteer.is_known)
    return nlp
