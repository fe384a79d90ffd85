"""The polite fetcher, against a local server: user agent, robots.txt, retries, limits."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from eventwire import __version__
from eventwire.errors import InputError
from eventwire.sources import Fetcher, FetchPolicy
from sources_server import NewsServer, Reply

QUICK = FetchPolicy(host_delay=0.0, backoff=0.01, timeout=5.0, retries=2)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@pytest.fixture()
def server() -> Iterator[NewsServer]:
    with NewsServer() as running:
        running.route("/robots.txt", Reply(body=ROBOTS, content_type="text/plain"))
        yield running


def test_user_agent_and_result(server: NewsServer) -> None:
    server.route("/news/1", Reply(body=b"<p>Ferry services resumed.</p>"))
    result = Fetcher(QUICK).fetch(server.url("/news/1"))
    assert (result.status, result.content_type, result.body) == (
        200,
        "text/html",
        b"<p>Ferry services resumed.</p>",
    )
    assert result.final_url == server.url("/news/1")
    assert server.paths() == ["/robots.txt", "/news/1"]
    agents = {seen.user_agent for seen in server.requests}
    assert agents == {f"eventwire/{__version__} (news event coder; Python-urllib)"}
    assert FetchPolicy().user_agent.startswith(f"eventwire/{__version__} ")


def test_robots_txt_is_obeyed_and_read_once(server: NewsServer) -> None:
    server.route("/private/memo", Reply(body=b"secret"))
    server.route("/news/2", Reply(body=b"public"))
    fetcher = Fetcher(QUICK)
    with pytest.raises(InputError) as refused:
        fetcher.fetch(server.url("/private/memo"))
    assert str(refused.value) == f"{server.url('/private/memo')}: disallowed by robots.txt"
    assert fetcher.fetch(server.url("/news/2")).body == b"public"
    assert fetcher.fetch(server.url("/news/2")).body == b"public"
    assert server.paths() == ["/robots.txt", "/news/2", "/news/2"]


def test_missing_robots_allows_and_unreachable_robots_forbids() -> None:
    with NewsServer() as server:  # no robots.txt: 404
        server.route("/a", Reply(body=b"a"))
        assert Fetcher(QUICK).fetch(server.url("/a")).body == b"a"
    with NewsServer() as server:
        server.route("/robots.txt", Reply(status=500, body=b"oops"))
        server.route("/a", Reply(body=b"a"))
        with pytest.raises(InputError, match=r"disallowed by robots\.txt"):
            Fetcher(QUICK).fetch(server.url("/a"))
        assert "/a" not in server.paths()
        assert server.paths().count("/robots.txt") == QUICK.retries + 1


def test_503_then_200_is_retried(server: NewsServer) -> None:
    server.route(
        "/busy",
        Reply(status=503, body=b"busy"),
        Reply(status=429, body=b"slow down", headers={"Retry-After": "0"}),
        Reply(body=b"<p>Finally.</p>"),
    )
    assert Fetcher(QUICK).fetch(server.url("/busy")).body == b"<p>Finally.</p>"
    assert server.paths().count("/busy") == 3


def test_retries_end(server: NewsServer) -> None:
    server.route("/down", Reply(status=503, body=b"down"))
    with pytest.raises(InputError) as failed:
        Fetcher(QUICK).fetch(server.url("/down"))
    assert str(failed.value) == f"{server.url('/down')}: HTTP 503 Service Unavailable"
    assert failed.value.reason == "HTTP 503"
    assert server.paths().count("/down") == QUICK.retries + 1


def test_long_retry_after_is_not_waited_for(server: NewsServer) -> None:
    server.route("/later", Reply(status=503, headers={"Retry-After": "3600"}))
    started = time.monotonic()
    with pytest.raises(InputError, match=r"HTTP 503 .*asked to retry after 3600 s"):
        Fetcher(QUICK).fetch(server.url("/later"))
    assert time.monotonic() - started < 2
    assert server.paths().count("/later") == 1


def test_client_errors_are_not_retried(server: NewsServer) -> None:
    with pytest.raises(InputError, match=r": HTTP 404 Not Found$"):
        Fetcher(QUICK).fetch(server.url("/nowhere"))
    assert server.paths().count("/nowhere") == 1


def test_size_limit(server: NewsServer) -> None:
    server.route("/huge", Reply(body=b"x" * 5000))
    policy = FetchPolicy(host_delay=0.0, max_bytes=1000)
    with pytest.raises(InputError, match="larger than the fetch limit of 1000 bytes"):
        Fetcher(policy).fetch(server.url("/huge"))


def test_connection_refused_is_one_error() -> None:
    with NewsServer() as server:
        url = server.url("/gone")
    fetcher = Fetcher(QUICK)
    with pytest.raises(InputError) as failed:
        fetcher.fetch(url)
    assert str(failed.value).startswith(f"{url}: cannot connect: ")
    assert str(failed.value).endswith("(reading robots.txt)")
    started = time.monotonic()
    with pytest.raises(InputError, match="cannot connect"):
        fetcher.fetch(url + "/again")  # the host is known to be unreachable: no retries
    assert time.monotonic() - started < 0.01
    with pytest.raises(InputError, match="not an http or https URL"):
        Fetcher(QUICK).fetch("ftp://files.example/report.txt")


def test_fetch_many_keeps_order_and_one_request_per_host(server: NewsServer) -> None:
    for n in range(6):
        server.route(f"/p{n}", Reply(body=f"page {n}".encode(), delay=0.03))
    policy = FetchPolicy(host_delay=0.0, backoff=0.01, workers=4)
    urls = [server.url(f"/p{n}") for n in range(6)] + [server.url("/private/x")]
    results = list(Fetcher(policy).fetch_many(urls))
    assert [url for url, _ in results] == urls
    bodies = [r.body for _, r in results[:6] if not isinstance(r, InputError)]
    assert bodies == [f"page {n}".encode() for n in range(6)]
    assert isinstance(results[6][1], InputError)
    assert server.max_in_flight == 1


def test_delay_between_requests_to_a_host(server: NewsServer) -> None:
    server.route("/robots.txt", Reply(body=b"User-agent: *\nCrawl-delay: 5\n"))
    server.route("/a", Reply(body=b"a"))
    server.route("/b", Reply(body=b"b"))
    fetcher = Fetcher(FetchPolicy(host_delay=0.1, max_crawl_delay=0.3))
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/b"))
    times = [seen.at for seen in server.requests]
    assert times[1] - times[0] >= 0.09  # robots.txt, then host_delay
    assert 0.29 <= times[2] - times[1] < 2  # the Crawl-delay once known, cut to the cap


def test_redirects_are_followed_to_http_only(server: NewsServer) -> None:
    server.route("/moved", Reply(status=301, headers={"Location": server.url("/story")}))
    server.route("/story", Reply(body=b"<p>The story.</p>"))
    assert Fetcher(QUICK).fetch(server.url("/moved")).body == b"<p>The story.</p>"
    server.route("/sneaky", Reply(status=302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(InputError, match="is not allowed"):
        Fetcher(QUICK).fetch(server.url("/sneaky"))


def test_private_and_local_addresses_are_recognised() -> None:
    from eventwire.sources.fetch import is_private_url

    for url in ("http://127.0.0.1:8080/", "http://localhost/x", "http://169.254.169.254/",
                "http://10.1.2.3/", "http://[::1]/", "http://192.168.0.7/feed"):  # fmt: skip
        assert is_private_url(url), url
    assert not is_private_url("http://8.8.8.8/")
    assert not is_private_url("http://no-such-host.invalid/")  # unresolved: not private


def test_a_public_only_fetch_refuses_a_redirect_to_a_local_address() -> None:
    import urllib.request

    from eventwire.sources.fetch import _PUBLIC_ONLY, _Failure, _GuardedRedirects

    request = urllib.request.Request("http://8.8.8.8/news")
    setattr(request, _PUBLIC_ONLY, True)
    handler = _GuardedRedirects()
    with pytest.raises(_Failure, match="private or local address"):
        handler.redirect_request(request, None, 302, "Found", {}, "http://127.0.0.1/admin")
    plain = urllib.request.Request("http://8.8.8.8/news")
    assert handler.redirect_request(plain, None, 302, "Found", {}, "http://127.0.0.1/a")


def test_a_public_only_fetch_connects_only_to_the_addresses_it_checked(
    server: NewsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name answers a public address to the check and this machine's
    to the connection. The connection resolves once, checks, and refuses: nothing
    reaches the local server, and the refusal is not retried."""
    import socket

    from eventwire.sources import fetch

    real = socket.getaddrinfo
    port = int(server.url("/").split(":")[2].split("/")[0])
    answers = iter(["8.8.8.8"] + ["127.0.0.1"] * 10)

    def rebinding(host: str, *args: object, **kwargs: object) -> list[object]:
        if host != "news.rebind.example":
            return real(host, *args, **kwargs)  # type: ignore[arg-type]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    server.route("/secret", Reply(body=b"<p>internal</p>"))
    url = f"http://news.rebind.example:{port}/secret"
    assert not fetch.is_private_url(url)  # the first answer: public
    with pytest.raises(InputError, match="private or local address"):
        Fetcher(QUICK).fetch(url, public_only=True)
    assert server.requests == []


def test_localhost_names_are_local_whatever_they_resolve_to() -> None:
    from eventwire.sources.fetch import is_private_url

    for url in ("http://localhost./", "http://LocalHost/", "http://api.localhost/x"):
        assert is_private_url(url), url
    # An IPv4 address inside an IPv6 one is judged as itself (mapped, 6to4, NAT64).
    for url in (
        "http://[::ffff:10.0.0.1]/",
        "http://[2002:7f00:1::]/",
        "http://[64:ff9b::a9fe:a9fe]/",
    ):
        assert is_private_url(url), url
    assert not is_private_url("http://[64:ff9b::808:808]/")
