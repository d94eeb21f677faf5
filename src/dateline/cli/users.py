"""`dateline user add|list|remove`: the people who may log in to a served web app to change things."""

from __future__ import annotations

import sys

import click

from ..users.accounts import add_user
from .options import db_option, handle_errors, open_db

__all__ = ["user"]


@click.group()
def user() -> None:
    """People who may log in to `dateline serve --host ...` to decide and add documents (reads need none)."""


@user.command("add")
@click.argument("name")
@db_option
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin (no prompt).")
@click.option("--replace", is_flag=True, help="Set a new password for an existing user.")
@handle_errors
def add(name: str, db: str | None, password_stdin: bool, replace: bool) -> None:
    """Add a user (or, with --replace, set their password); the password is asked for twice.

    \b
    Example:
        dateline user add ana --db chronicle.db
        printf '%s\\n' "$PASSWORD" | dateline user add ana --password-stdin
    """
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    with open_db(db) as store:
        stored = add_user(store, name, password, replace=replace)
    click.echo(f"user {stored} {'updated' if replace else 'added'}", err=True)


@user.command("list")
@db_option
@handle_errors
def list_users(db: str | None) -> None:
    """List the users (name and when added).

    \b
    Example:
        dateline user list --db chronicle.db
    """
    with open_db(db) as store:
        for name, created in store.users():
            click.echo(f"{name}\t{created}")


@user.command("remove")
@click.argument("name")
@db_option
@handle_errors
def remove(name: str, db: str | None) -> None:
    """Remove a user; their decisions stay, under their name.

    \b
    Example:
        dateline user remove ana --db chronicle.db
    """
    with open_db(db) as store:
        if not store.remove_user(name):
            raise click.ClickException(f"{name}: no such user")
    click.echo(f"user {name} removed", err=True)
