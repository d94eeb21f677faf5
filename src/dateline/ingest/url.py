"""Fetching a URL with httpx (only for sources the user gave as http:// or https://).

Redirects are followed here, one hop at a time (at most MAX_REDIRECTS, http and https only), so
that every hop goes through the client's transport again: a client built with a FetchPolicy
(guard.py) checks the address of each one. The body is read in chunks, refused past
``max_bytes`` and past TOTAL_SECONDS, whatever the server's pace.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import httpx

from dateline import __version__
from dateline.errors import IngestError

from .decode import check_size
from .guard import FetchPolicy, GuardedTransport

logger = logging.getLogger(__name__)

__all__ = ["Fetched", "MAX_REDIRECTS", "TIMEOUT_SECONDS", "TOTAL_SECONDS", "fetch", "is_url", "new_client"]

TIMEOUT_SECONDS = 20.0  # connect, and each read of the body
TOTAL_SECONDS = 60.0  # the whole answer, however slowly it trickles in
MAX_REDIRECTS = 5
_USER_AGENT = f"dateline/{__version__} (httpx)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched response body with what is needed to pick a reader."""

    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    data: bytes


def is_url(source: str) -> bool:
    """Whether a source is fetched over the network (http:// or https:// only)."""
    return source.lower().startswith(("http://", "https://"))


def new_client(*, policy: FetchPolicy | None = None) -> httpx.Client:
    """The client used when the caller gives none: 20 s timeout; redirects are followed by fetch().

    ``policy``: connect only to the addresses it allows (a server fetching for others). Without
    one, any address is fetched: the user's own command line, pointing at what they mean.
    """
    if policy is None:
        return httpx.Client(timeout=TIMEOUT_SECONDS, headers={"User-Agent": _USER_AGENT})
    return httpx.Client(
        timeout=TIMEOUT_SECONDS, headers={"User-Agent": _USER_AGENT}, transport=GuardedTransport(policy),
        trust_env=False,
    )


def fetch(
    url: str, *, client: httpx.Client, max_bytes: int, max_redirects: int = MAX_REDIRECTS,
    max_seconds: float = TOTAL_SECONDS,
) -> Fetched:
    """GET a URL, following redirects by hand, refusing bodies over max_bytes; IngestError for any failure."""
    deadline = time.monotonic() + max_seconds
    target = url
    try:
        for _hop in range(max_redirects + 1):
            with client.stream("GET", target, follow_redirects=False) as response:
                if response.is_redirect:
                    target = _next_hop(response, where=url)
                    continue
                return _read(url, response, max_bytes=max_bytes, deadline=deadline, max_seconds=max_seconds)
    except IngestError as err:
        if err.where is not None:
            raise
        hop = f" (redirected to {target})" if target != url else ""
        raise IngestError(err.message + hop, where=url, hint=err.hint) from err
    except httpx.InvalidURL as exc:
        raise IngestError(f"not a valid URL: {exc}", where=url, hint="check the URL") from exc
    except httpx.TimeoutException as exc:
        raise IngestError(
            f"timed out ({type(exc).__name__})", where=url, hint="try again later or check your network"
        ) from exc
    except httpx.HTTPError as exc:
        raise IngestError(
            f"could not fetch: {type(exc).__name__}: {exc}",
            where=url,
            hint="check the URL and your network connection",
        ) from exc
    raise IngestError(f"more than {max_redirects} redirects", where=url, hint="give the final address of the page")


def _next_hop(response: httpx.Response, *, where: str) -> str:
    """The absolute http(s) URL a redirect points to."""
    target = response.url.join(response.headers["location"])
    if target.scheme not in ("http", "https"):
        raise IngestError(f"redirect to a {target.scheme}: URL refused", where=where, hint="only http and https are fetched")
    return str(target)


def _read(url: str, response: httpx.Response, *, max_bytes: int, deadline: float, max_seconds: float) -> Fetched:
    if not response.is_success:
        raise IngestError(
            f"HTTP {response.status_code} {response.reason_phrase}".rstrip(),
            where=url,
            hint="check the URL, or try again later",
        )
    declared = response.headers.get("content-length")
    if declared and declared.isdigit():
        check_size(int(declared), max_bytes, where=url, what="page")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        check_size(size, max_bytes, where=url, what="page")
        if time.monotonic() > deadline:
            raise IngestError(f"the page took longer than {max_seconds:g} s to arrive", where=url,
                              hint="try again later, or save the page and ingest the file")
        chunks.append(chunk)
    return Fetched(
        url=url,
        final_url=str(response.url),
        content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
        data=b"".join(chunks),
    )
