"""Which process runs a job: an owner token naming it, and whether the process it names has stopped.

The token is ``host/pid namespace/pid/runner``. A process on the same host and in the same pid
namespace can tell at once that another has stopped (no such pid, or a zombie); one elsewhere
cannot, and waits for the job's heartbeat to go stale (store/jobs.py). Within one process, a runner
that was closed has stopped even though its process lives on.
"""

from __future__ import annotations

import os
import secrets
import socket
import threading

__all__ = ["owner_gone", "release", "new_owner"]

_HOST = socket.gethostname()
_live: set[str] = set()  # this process's runners
_guard = threading.Lock()


def _pid_namespace() -> str:
    try:
        return os.readlink("/proc/self/ns/pid")
    except OSError:
        return ""  # not Linux: the pid alone, which the heartbeat backs up


def new_owner() -> str:
    """A token for a new runner of this process."""
    token = f"{_HOST}/{_pid_namespace()}/{os.getpid()}/{secrets.token_hex(4)}"
    with _guard:
        _live.add(token)
    return token


def release(owner: str) -> None:
    """This runner has stopped: its running jobs are no longer run by anyone."""
    with _guard:
        _live.discard(owner)


def owner_gone(owner: str) -> bool:
    """Whether the process (runner) ``owner`` names is known to have stopped; False when it cannot be told."""
    host, namespace, pid_text, _ = (owner.split("/") + ["", "", "", ""])[:4]
    if host != _HOST or namespace != _pid_namespace() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        with _guard:
            return owner not in _live
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    return _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that ended but was not yet reaped by its parent."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[-1].split()[0] == "Z"
    except (OSError, IndexError):
        return False
