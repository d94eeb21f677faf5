"""The `dateline serve` command."""

from __future__ import annotations

import logging

import click

from ..cli import db_option, handle_errors

log = logging.getLogger(__name__)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (localhost only by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--tiles", default=None, metavar="URL|none",
              help="Map tile URL template (default: OpenStreetMap); 'none' shows only the shipped outlines.")
@handle_errors
def serve(db: str | None, host: str, port: int, tiles: str | None) -> None:
    """Serve the analyst's web app: timeline, map, actor network, on this day, evidence, documents.

    \b
    Example:
        dateline serve --db dateline.db --port 8000
        then open http://127.0.0.1:8000/
    """
    import uvicorn

    from .app import DEFAULT_TILES, create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"Warning: serving on {host}: anyone who can reach it can read and add documents", err=True)
    app = create_app(db, tiles=DEFAULT_TILES if tiles is None else tiles)
    click.echo(f"dateline: serving {app.state.store!r} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
