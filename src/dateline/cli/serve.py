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
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, envvar="DATELINE_WORKERS",
              help="Server processes answering requests (about one core each); they share the database, "
                   "its ingest jobs and the login sessions.")
@handle_errors
def serve(db: str | None, host: str, port: int, tiles: str | None, allowed_hosts: tuple[str, ...],
          allow_private_fetch: bool, force_login: bool, workers: int) -> None:
    """Serve the analyst's web app: timeline, map, actor network, on this day, evidence, documents.

    \b
    Served to others (--host other than loopback), reads stay open and every change (a decision,
    an added document) needs a login: add users with `dateline user add NAME`.

    \b
    Example:
        dateline serve --db dateline.db --port 8000
        then open http://127.0.0.1:8000/
        dateline user add ana --db dateline.db && dateline serve --host 0.0.0.0 --db dateline.db
        dateline serve --db dateline.db --workers 2      # two processes: more requests at once
    """
    import uvicorn

    from ..web.app import DEFAULT_TILES, create_app
    from ..web.guards import is_loopback, served_hosts
    from ..web.workers import serve_workers, shared_database

    require_login = force_login or not is_loopback(host)
    names = served_hosts(host, allowed_hosts)
    options = {"db": shared_database(db) if workers > 1 else db, "tiles": DEFAULT_TILES if tiles is None else tiles,
               "allowed_hosts": names, "allow_private_fetch": allow_private_fetch, "require_login": require_login}
    app = create_app(**options)  # here too when workers serve: a bad option or database fails before they start
    if require_login:
        click.echo(f"dateline: serving on {host}: anyone who can reach it can read; changes need a login", err=True)
        if not app.state.store.users():
            click.echo("Warning: no users yet, so nobody can change anything; add one with `dateline user add NAME`",
                       err=True)
    processes = f" with {workers} worker processes" if workers > 1 else ""
    click.echo(f"dateline: serving {app.state.store!r} on http://{host}:{port}/{processes}", err=True)
    if "*" not in names:
        click.echo(f"dateline: answering host names {', '.join(names)} (add one with --allowed-host)", err=True)
    if workers > 1:
        app.state.store.close()
        serve_workers(options, host=host, port=port, workers=workers)
        return
    uvicorn.run(app, host=host, port=port, log_level="warning")
