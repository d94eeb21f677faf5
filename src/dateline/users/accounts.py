"""Adding users and checking logins over a store (what the CLI and the web app call)."""

from __future__ import annotations

import unicodedata
from typing import Any

from ..errors import UserError
from .passwords import hash_password, needs_rehash, verify_password

__all__ = ["MAX_NAME", "add_user", "check_login", "check_name"]

MAX_NAME = 64


def check_name(name: str) -> str:
    """The user name, stripped; UserError when empty, too long or holding control characters."""
    name = (name or "").strip()
    if not name:
        raise UserError("a user needs a name", where="name")
    if len(name) > MAX_NAME:
        raise UserError(f"a user name has at most {MAX_NAME} characters", where="name")
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise UserError("a user name cannot hold control characters", where="name")
    return name


def add_user(store: Any, name: str, password: str, *, replace: bool = False) -> str:
    """Store a user with the hash of ``password``; returns the name as stored."""
    name = check_name(name)
    store.add_user(name, hash_password(password), replace=replace)
    return name


def check_login(store: Any, name: str, password: str) -> str | None:
    """The user's name when the password is theirs, else None (the same time either way)."""
    try:
        name = check_name(name)
    except UserError:
        verify_password(None, password)
        return None
    stored = store.password_hash(name)
    if not verify_password(stored, password):
        return None
    if stored and needs_rehash(stored):
        store.set_password_hash(name, hash_password(password))
    return name
