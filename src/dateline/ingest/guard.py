"""Which addresses a server may fetch on someone else's behalf: public unicast only, checked at connect.

A page a user asks the web server to fetch must not reach the server's own network: loopback,
private ranges, link-local (cloud metadata at 169.254.169.254), multicast, reserved and
unspecified addresses. The check runs inside the HTTP client's connect step, so it holds for
every connection the client opens, the first and each redirect's:

* the host is resolved once and *every* address it resolves to is checked (numeric spellings such
  as ``0x7f000001``, ``2130706433`` or ``127.1`` resolve to what they mean; IPv6 forms that carry an
  IPv4 address, ``[::ffff:127.0.0.1]``, 6to4 and NAT64, are judged by that IPv4 address);
* the socket connects to one of the checked addresses, never to the name again, so a DNS answer
  that changes between check and connect (DNS rebinding) cannot switch the target.

TLS still verifies the certificate against the host name (httpcore passes the URL's host as the
server name), and no proxy from the environment is used (it would be the address connected to).

    client = httpx.Client(transport=GuardedTransport(FetchPolicy()))
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import httpcore
import httpx

from dateline.errors import IngestError

logger = logging.getLogger(__name__)

__all__ = ["FetchPolicy", "GuardedBackend", "GuardedTransport", "IPAddress", "refusal", "resolve_host"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
PRIVATE_HINT = "the server fetches only public addresses; start it with --allow-private-fetch to fetch intranet pages"

# What an address is, in the order the refusal names it; anything else that is not global is "non-public".
_KINDS: tuple[tuple[str, Callable[[IPAddress], bool]], ...] = (
    ("unspecified", lambda a: a.is_unspecified),
    ("loopback", lambda a: a.is_loopback),
    ("link-local", lambda a: a.is_link_local),
    ("multicast", lambda a: a.is_multicast),
    ("private", lambda a: a.is_private),
    ("reserved", lambda a: a.is_reserved),
)
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, NAT64), if any."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if any(address in net for net in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF)
    return None


def refusal(address: IPAddress) -> str | None:
    """Why a server must not connect to ``address`` on someone else's behalf ("loopback", ...), or None."""
    # An IPv6 form carrying an IPv4 address reaches that address: judge it (the wrapping ranges
    # themselves count as reserved).
    candidate = _embedded_ipv4(address) or address
    for kind, test in _KINDS:
        if test(candidate):
            return kind
    if not candidate.is_global:  # shared (100.64/10), documentation, benchmarking ranges...
        return "non-public"
    return None


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to for a TCP connection (the system resolver, as a socket would)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class FetchPolicy:
    """Which addresses may be fetched: public ones, plus ``allow_networks``; everything with ``allow_private``.

    ``resolve`` is the resolver (host, port) -> addresses; the default asks the system.
    """

    allow_private: bool = False
    allow_networks: tuple[IPNetwork, ...] = ()
    resolve: Callable[[str, int], Sequence[str]] = field(default=resolve_host, compare=False)

    @classmethod
    def from_networks(cls, networks: Iterable[str], **kwargs: object) -> FetchPolicy:
        """A policy that also allows these CIDR networks ("10.1.0.0/16")."""
        return cls(allow_networks=tuple(ipaddress.ip_network(n, strict=False) for n in networks), **kwargs)  # type: ignore[arg-type]

    def why_refused(self, address: IPAddress) -> str | None:
        """The refusal for this address under this policy, or None when it may be fetched."""
        if self.allow_private or any(address.version == n.version and address in n for n in self.allow_networks):
            return None
        return refusal(address)

    def addresses(self, host: str, port: int) -> list[str]:
        """The checked addresses to connect to for ``host``; IngestError if any of them is refused."""
        try:
            resolved = list(self.resolve(host, port))
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        if not resolved:
            raise httpcore.ConnectError(f"{host} resolves to no address")
        for text in resolved:
            address = ipaddress.ip_address(text.split("%", 1)[0])
            reason = self.why_refused(address)
            if reason is not None:
                shown = host if host == text else f"{host} ({text})"
                raise IngestError(f"refused to fetch {shown}: a {reason} address", hint=PRIVATE_HINT)
        return resolved


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses the policy allows (resolved once, then pinned)."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
        socket_options: Iterable[tuple] | None = None,
    ) -> httpcore.NetworkStream:
        failure: httpcore.ConnectError | None = None
        for address in self.policy.addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # try the host's next checked address
                failure = exc
        assert failure is not None  # addresses() returns at least one address
        raise failure


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose connections go through GuardedBackend, with no proxy from the environment."""

    def __init__(self, policy: FetchPolicy, *, verify: bool = True) -> None:
        super().__init__(trust_env=False, verify=verify)
        limits = httpx.Limits()
        # httpx has no parameter for httpcore's network backend: build its pool again with ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(policy),
        )
