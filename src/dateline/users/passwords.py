"""Password hashes: Argon2id through argon2-cffi, with its recommended parameters.

Only the hash (which carries its own salt and parameters) is stored; a hash made with older
parameters still verifies, and ``needs_rehash`` tells when to store a new one at the next login.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ..errors import UserError

__all__ = ["MIN_PASSWORD", "hash_password", "needs_rehash", "verify_password"]

MIN_PASSWORD = 8  # characters; a shorter one is refused when a user is added
_HASHER = PasswordHasher()
# Verified when a name is unknown, so a login takes as long whether or not the name exists.
_DUMMY = _HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    """The Argon2id hash of ``password``; UserError when it is too short."""
    if len(password) < MIN_PASSWORD:
        raise UserError(f"the password must have at least {MIN_PASSWORD} characters", where="password")
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches the stored hash (None: no such user, checked against a dummy hash)."""
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)
