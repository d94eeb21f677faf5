"""User accounts in the store: a name and a password hash (``users/passwords.py`` makes the hash)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import StoreError, UserError

__all__ = ["UserStore"]


class UserStore:
    """The user methods of a DB-API store (needs ``_transaction``, ``_sql``, ``_lock``, ``_conn``)."""

    def add_user(self, name: str, password_hash: str, *, replace: bool = False) -> None:
        """Store a user; UserError when the name is taken (unless ``replace``, which sets a new password)."""
        at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            with self._transaction() as conn:
                taken = conn.execute(self._sql("SELECT 1 FROM users WHERE name = ?"), (name,)).fetchone()
                if taken and not replace:
                    raise UserError("a user of this name exists", where=name, hint="pass --replace to set a new password")
                if taken:
                    conn.execute(self._sql("UPDATE users SET password_hash = ? WHERE name = ?"), (password_hash, name))
                else:
                    conn.execute(self._sql("INSERT INTO users (name, password_hash, created_at) VALUES (?, ?, ?)"),
                                 (name, password_hash, at))
        except self.driver_errors as err:
            raise StoreError(f"user could not be stored: {str(err).strip().splitlines()[0]}", where=name) from err

    def password_hash(self, name: str) -> str | None:
        """The stored hash of this user's password, None when there is no such user."""
        with self._lock:
            row = self._conn.execute(self._sql("SELECT password_hash FROM users WHERE name = ?"), (name,)).fetchone()
        return row[0] if row else None

    def set_password_hash(self, name: str, password_hash: str) -> None:
        """Replace a user's hash (a re-hash with newer parameters at login)."""
        with self._transaction() as conn:
            conn.execute(self._sql("UPDATE users SET password_hash = ? WHERE name = ?"), (password_hash, name))

    def users(self) -> list[tuple[str, str]]:
        """(name, created at) of every user, by name."""
        with self._lock:
            return [(r[0], r[1]) for r in self._conn.execute("SELECT name, created_at FROM users ORDER BY name").fetchall()]

    def remove_user(self, name: str) -> bool:
        """Remove a user (their decisions stay, under their name); False when there was none."""
        with self._transaction() as conn:
            cursor: Any = conn.execute(self._sql("DELETE FROM users WHERE name = ?"), (name,))
            return bool(cursor.rowcount)
