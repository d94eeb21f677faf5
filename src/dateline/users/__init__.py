"""Who may change what: user accounts for a served web app (``dateline user``), passwords hashed
with Argon2id. The web app's login and sessions live in ``web/auth.py``."""

from .accounts import add_user, check_login, check_name
from .passwords import MIN_PASSWORD, hash_password, verify_password

__all__ = ["MIN_PASSWORD", "add_user", "check_login", "check_name", "hash_password", "verify_password"]
