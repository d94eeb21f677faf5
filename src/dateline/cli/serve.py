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
@click.option("--login", "force_login", is_flag=True,
              help="Require a login for changes even on 127.0.0.1 (always required on any other address).")
@handle_errors
def serve(db: str | None, host: str, port: int, tiles: str | None, allowed_hosts: tuple[str, ...],
          allow_private_fetch: bool, force_login: bool) -> None:
    """Serve the analyst's web app: timeline, map, actor network, on this day, evidence, documents.

    \b
    Served to others (--host other than loopback), reads stay open and every change (a decision,
    an added document) needs a login: add users with `dateline user add NAME`.

    \b
    Example:
        dateline serve --db dateline.db --port 8000
        then open http://127.0.0.1:8000/
        dateline user add ana --db dateline.db && dateline serve --host 0.0.0.0 --db dateline.db
    """
    import uvicorn

    from ..web.app import DEFAULT_TILES, create_app
    from ..web.guards import is_loopback, served_hosts

    require_login = force_login or not is_loopback(host)
    names = served_hosts(host, allowed_hosts)
    app = create_app(db, tiles=DEFAULT_TILES if tiles is None else tiles, allowed_hosts=names,
                     allow_private_fetch=allow_private_fetch, require_login=require_login)
    if require_login:
        click.echo(f"dateline: serving on {host}: anyone who can reach it can read; changes need a login", err=True)
        if not app.state.store.users():
            click.echo("Warning: no users yet, so nobody can change anything; add one with `dateline user add NAME`",
                       err=True)
    click.echo(f"dateline: serving {app.state.store!r} on http://{host}:{port}/", err=True)
    if "*" not in names:
        click.echo(f"dateline: answering host names {', '.join(names)} (add one with --allowed-host)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
