"""The `dateline serve` command."""

from __future__ import annotations

import logging

import click

from .options import db_option, handle_errors

log = logging.getLogger(__name__)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (localhost only by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--tiles", default=None, metavar="URL|none",
              help="Map tile URL template (default: OpenStreetMap); 'none' shows only the shipped outlines.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME", envvar="DATELINE_ALLOWED_HOSTS",
              help="Also answer requests for this Host name (repeatable; '*' answers any). By default only the "
                   "bound address and, for a local or wildcard bind, this machine's names are answered.")
@click.option("--allow-private-fetch", is_flag=True, envvar="DATELINE_ALLOW_PRIVATE_FETCH",
              help="Let URLs added in the browser point at loopback, private and link-local addresses "
                   "(an intranet). By default only public addresses are fetched.")
@handle_errors
def serve(db: str | None, host: str, port: int, tiles: str | None, allowed_hosts: tuple[str, ...],
          allow_private_fetch: bool) -> None:
    """Serve the analyst's web app: timeline, map, actor network, on this day, evidence, documents.

    \b
    Example:
        dateline serve --db dateline.db --port 8000
        then open http://127.0.0.1:8000/
    """
    import uvicorn

    from ..web.app import DEFAULT_TILES, create_app
    from ..web.guards import served_hosts

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"Warning: serving on {host}: anyone who can reach it can read and add documents", err=True)
    names = served_hosts(host, allowed_hosts)
    app = create_app(db, tiles=DEFAULT_TILES if tiles is None else tiles, allowed_hosts=names,
                     allow_private_fetch=allow_private_fetch)
    click.echo(f"dateline: serving {app.state.store!r} on http://{host}:{port}/", err=True)
    if "*" not in names:
        click.echo(f"dateline: answering host names {', '.join(names)} (add one with --allowed-host)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
