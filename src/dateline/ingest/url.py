"""Fetching a URL with httpx (only for sources the user gave as http:// or https://)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import httpx

from dateline import __version__
from dateline.errors import IngestError

from .decode import check_size

logger = logging.getLogger(__name__)

__all__ = ["Fetched", "TIMEOUT_SECONDS", "fetch", "is_url", "new_client"]

TIMEOUT_SECONDS = 20.0
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


def new_client() -> httpx.Client:
    """The client used when the caller gives none: 20 s timeout, follows redirects."""
    return httpx.Client(
        timeout=TIMEOUT_SECONDS, follow_redirects=True, headers={"User-Agent": _USER_AGENT}
    )


def fetch(url: str, *, client: httpx.Client, max_bytes: int) -> Fetched:
    """GET a URL, refusing bodies over max_bytes; IngestError for any failure."""
    try:
        with client.stream("GET", url) as response:
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
                chunks.append(chunk)
            return Fetched(
                url=url,
                final_url=str(response.url),
                content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
                data=b"".join(chunks),
            )
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
