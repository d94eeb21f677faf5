"""Fetching for others (ingest/guard.py, ingest/url.py): internal addresses refused in every spelling,
on every redirect and at connect time; redirects and time bounded. Real local HTTP servers."""

from __future__ import annotations

import ipaddress

import pytest

from dateline.errors import IngestError
from dateline.ingest.guard import FetchPolicy, refusal
from dateline.ingest.url import MAX_REDIRECTS, fetch, new_client
from http_targets import page, redirect, target, trickle

MB = 2**20


@pytest.mark.parametrize("address,kind", [
    ("127.0.0.1", "loopback"), ("127.3.4.5", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.9", "private"), ("192.168.1.1", "private"), ("fd12::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"), ("239.1.1.1", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("240.0.0.1", "private"), ("100.64.0.1", "non-public"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("2002:7f00:1::", "loopback"),
    ("64:ff9b::a9fe:a9fe", "link-local"),
])
def test_internal_addresses_are_refused(address: str, kind: str) -> None:
    assert refusal(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


@pytest.fixture
def secret():
    with target("127.0.0.1", {"/secret": page("the server's own secret")}) as server:
        yield server


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f000001", "127.1", "[::ffff:127.0.0.1]"])
def test_loopback_in_any_spelling_is_refused_before_connecting(secret, host: str) -> None:
    with new_client(policy=FetchPolicy()) as client, pytest.raises(IngestError, match="loopback") as err:
        fetch(secret.url("/secret", host=host), client=client, max_bytes=MB)
    assert err.value.where == secret.url("/secret", host=host) and "--allow-private-fetch" in str(err.value)
    assert secret.hits == []
    with new_client() as client:  # the user's own command line fetches what it is pointed at
        assert fetch(secret.url("/secret", host=host), client=client, max_bytes=MB).data == b"the server's own secret"


def test_allow_private_lets_an_intranet_through(secret) -> None:
    with new_client(policy=FetchPolicy(allow_private=True)) as client:
        assert fetch(secret.url("/secret"), client=client, max_bytes=MB).data == b"the server's own secret"


def test_a_redirect_to_an_internal_address_is_refused(secret) -> None:
    # The first hop is allowed by the policy (as a public page would be); its redirect is not.
    policy = FetchPolicy.from_networks(["127.0.0.2/32"])
    with target("127.0.0.2", {"/": redirect(secret.url("/secret"))}) as start, new_client(policy=policy) as client:
        with pytest.raises(IngestError, match=r"127\.0\.0\.1: a loopback address \(redirected to") as err:
            fetch(start.url("/"), client=client, max_bytes=MB)
        assert err.value.where == start.url("/")
        assert start.hits == [("/", f"127.0.0.2:{start.port}")]
    assert secret.hits == []


def test_redirects_are_followed_by_hand_to_a_bound() -> None:
    routes = {"/loop": redirect("/loop"), "/hop": redirect("/page", 301), "/page": page("moved here")}
    with target("127.0.0.1", routes) as server, new_client() as client:
        with pytest.raises(IngestError, match=f"more than {MAX_REDIRECTS} redirects"):
            fetch(server.url("/loop"), client=client, max_bytes=MB)
        assert len(server.hits) == MAX_REDIRECTS + 1
        moved = fetch(server.url("/hop"), client=client, max_bytes=MB)
        assert moved.data == b"moved here" and moved.url == server.url("/hop") and moved.final_url == server.url("/page")


def test_a_redirect_to_another_scheme_is_refused() -> None:
    with target("127.0.0.1", {"/": redirect("file:///etc/passwd")}) as server, new_client() as client:
        with pytest.raises(IngestError, match="redirect to a file: URL refused"):
            fetch(server.url("/"), client=client, max_bytes=MB)


def test_the_connection_goes_to_the_address_that_was_checked() -> None:
    """DNS rebinding: the name is resolved once per connection; a second, different answer is never used."""
    answers = [["127.0.0.2"], ["127.0.0.3"]]
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers[min(len(asked), len(answers)) - 1]

    policy = FetchPolicy(allow_networks=(ipaddress.ip_network("127.0.0.2/32"),), resolve=resolver)
    with target("127.0.0.2", {"/": page("checked")}) as checked, \
            target("127.0.0.3", {"/": page("rebound")}, port=checked.port) as rebound, new_client(policy=policy) as client:
        fetched = fetch(checked.url("/", host="rebind.test"), client=client, max_bytes=MB)
        assert fetched.data == b"checked" and asked == ["rebind.test"]
        assert checked.hits == [("/", f"rebind.test:{checked.port}")] and rebound.hits == []
        client.close()  # a new connection resolves again, and the new answer is checked again
    with new_client(policy=policy) as client, pytest.raises(IngestError, match="127.0.0.3"):
        fetch(f"http://rebind.test:{checked.port}/", client=client, max_bytes=MB)


def test_a_name_with_one_private_address_among_public_ones_is_refused() -> None:
    policy = FetchPolicy(resolve=lambda host, port: ["93.184.216.34", "10.0.0.7"])
    with new_client(policy=policy) as client, pytest.raises(IngestError, match=r"news\.test \(10\.0\.0\.7\): a private address"):
        fetch("http://news.test/story", client=client, max_bytes=MB)


def test_a_slow_page_is_cut_off_by_the_time_budget() -> None:
    with target("127.0.0.1", {"/slow": trickle(0.2, 50)}) as server, new_client() as client:
        with pytest.raises(IngestError, match="took longer than 0.5 s"):
            fetch(server.url("/slow"), client=client, max_bytes=MB, max_seconds=0.5)


def test_a_large_page_is_cut_off_while_streaming() -> None:
    with target("127.0.0.1", {"/big": page("x" * 5000)}) as server, new_client() as client:
        with pytest.raises(IngestError, match="over the"):
            fetch(server.url("/big"), client=client, max_bytes=1000)


@pytest.mark.parametrize("url", ["http://[oops/x", "http://exa mple.org/"])
def test_a_malformed_url_is_one_error(url: str) -> None:
    with new_client(policy=FetchPolicy()) as client, pytest.raises(IngestError) as err:
        fetch(url, client=client, max_bytes=MB)
    assert err.value.where == url
