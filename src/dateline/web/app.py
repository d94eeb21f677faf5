"""The ASGI app: the JSON API under /api, the single-page front end under / and /static.

    from dateline.web import create_app
    app = create_app("dateline.db")          # serve with uvicorn

Nothing is loaded from outside the server at run time except the optional map tiles; the
Content-Security-Policy header holds the browser to that. Only the configured Host names are
answered, writes must come from the server's own page, and bodies are capped (guards.py).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..config import database_path
from ..ingest.guard import FetchPolicy
from ..store import open_store
from .auth import LoginForWrites, Sessions
from .auth import router as auth_router
from .cache import CacheStats, ReadCache, cache_bytes_from_env
from .errors import install_error_handlers
from .guards import LOCAL_HOSTS, BodyLimit, NoNulInUrl, SameOriginWrites, SecurityHeaders
from .jobs import JobRunner
from .review_routes import router as review_router
from .routes import router

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = "&copy; OpenStreetMap contributors"
NO_TILES = ("", "none", "off")
MAX_BODY_BYTES = 64 * 2**20  # a whole request; each uploaded file has its own, smaller limit (routes.py)


def _csp(tiles: str | None) -> str:
    """Scripts, styles, data and fonts from this server only; images also from the tile server."""
    img = "'self' data: blob:"
    if tiles:
        parts = urlsplit(tiles.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tiles else parts.netloc
        img += f" {parts.scheme}://{host}"
    return (f"default-src 'self'; img-src {img}; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")


def create_app(
    db: str | None = None, *, engine: Any | None = None, tiles: str | None = DEFAULT_TILES,
    tile_attribution: str = DEFAULT_ATTRIBUTION, allowed_hosts: Sequence[str] | None = None,
    allow_private_fetch: bool = False, max_body_bytes: int = MAX_BODY_BYTES, cache_bytes: int | None = None,
    require_login: bool = False, session_key: str | None = None,
) -> FastAPI:
    """The web app over the database ``db`` (default: $DATELINE_DB or ./dateline.db).

    ``engine`` is a loaded pipeline Engine to reuse for documents added in the browser (else it
    is loaded on the first upload); ``tiles`` is a tile URL template, or None/"none" for no tiles.
    ``allowed_hosts``: the Host names answered (default: localhost's; "*" answers any);
    ``allow_private_fetch``: URLs added in the browser may point into the server's own network
    (by default only public addresses are fetched); ``max_body_bytes`` caps each request body;
    ``cache_bytes``: memory for answers replayed while the data is unchanged (cache.py; default
    $DATELINE_WEB_CACHE_MB or 64 MB, 0: none); ``require_login``: every write needs a logged-in user
    and its CSRF token (auth.py; reads stay open); ``session_key`` signs the session cookies (default
    $DATELINE_SESSION_KEY, else one made now).
    """
    tiles = None if tiles is None or tiles.strip().lower() in NO_TILES else tiles
    store = open_store(database_path(db))
    jobs = JobRunner(store, engine=engine, fetch_policy=None if allow_private_fetch else FetchPolicy())

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        jobs.start()  # jobs queued by a process that stopped before running them
        yield
        jobs.close()
        store.close()

    app = FastAPI(
        title="dateline", version=__version__, lifespan=lifespan,
        description="Conflict events extracted from news, each traceable to its evidence sentence.",
    )
    app.state.store, app.state.jobs = store, jobs
    app.state.tiles, app.state.tile_attribution = tiles, tile_attribution
    app.state.sessions, app.state.login_required = Sessions(session_key), require_login
    install_error_handlers(app)
    # innermost: the guards below run before an answer is looked up
    app.state.read_cache = CacheStats()
    app.add_middleware(ReadCache, version=store.data_version, stats=app.state.read_cache,
                       max_bytes=cache_bytes_from_env() if cache_bytes is None else cache_bytes)
    app.add_middleware(LoginForWrites, sessions=app.state.sessions, required=require_login, store=store)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SameOriginWrites)
    app.add_middleware(NoNulInUrl)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS), www_redirect=False)
    app.add_middleware(SecurityHeaders, policy=_csp(tiles))
    app.include_router(router)
    app.include_router(review_router)
    app.include_router(auth_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    return app
