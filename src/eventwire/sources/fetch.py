"""A polite HTTP fetcher for feeds and the pages they link to (standard library only).

Politeness, all set by ``FetchPolicy``: a user agent naming eventwire and its version;
robots.txt read once per host and obeyed (a disallowed URL is an ``InputError``
"disallowed by robots.txt"; a ``Crawl-delay`` is honoured up to a cap); one request at
a time per host, at least ``host_delay`` seconds apart; at most ``workers`` requests at
a time overall. Connection errors, timeouts, HTTP 429 and 5xx are retried with
exponential backoff, waiting as a ``Retry-After`` header asks when that is short.
Bodies larger than ``max_bytes`` are refused.

Redirects are followed by ``urllib``; a redirect's target is not checked against its
host's robots.txt.

A fetch may be ``public_only`` (the pages a feed from the public web links to, and URLs
posted to the API's ``/ingest``): then a URL, or a redirect, to this machine or a
private, link-local or reserved network is refused, so that a feed or a client cannot
make eventwire read a local service or a cloud metadata address. The URL's host is
checked before anything is sent; the connection itself then resolves the name again and
connects only to an address it has checked (so a name that answers a public address to
the check and a private one to the connection is refused too), and so does every
redirect. Through a proxy (``http_proxy``) the proxy resolves names: only the URL's
check applies.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import SplitResult, urlsplit
from urllib.robotparser import RobotFileParser

from eventwire import __version__
from eventwire.errors import InputError

log = logging.getLogger(__name__)

ROBOTS_AGENT = "eventwire"  # the name robots.txt rules address
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)


def default_user_agent() -> str:
    return f"eventwire/{__version__} (news event coder; Python-urllib)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and patiently to fetch."""

    user_agent: str = field(default_factory=default_user_agent)
    timeout: float = 20.0  # seconds, per connection attempt and read
    retries: int = 3  # further attempts on connection errors, timeouts, 429 and 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled before each next one
    max_retry_after: float = 30.0  # a longer Retry-After is not waited for: the fetch fails
    max_bytes: int = 10 * 1024 * 1024
    workers: int = 4  # requests at a time, over all hosts
    host_delay: float = 1.0  # minimal seconds between two requests to one host
    max_crawl_delay: float = 10.0  # a longer robots.txt Crawl-delay is cut to this
    obey_robots: bool = True


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A page fetched: its URL after redirects, status, content type and body."""

    url: str
    final_url: str
    status: int
    content_type: str | None  # media type without parameters, e.g. "text/html"
    body: bytes


class _Failure(Exception):
    """Why one attempt failed; ``retry_after`` set when it is worth another."""

    def __init__(
        self,
        problem: str,
        *,
        status: int | None = None,
        retryable: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.status = status
        self.retryable = retryable
        self.retry_after = retry_after


class _Host:
    """Per-host state: the request turn, the delay between requests, the robots rules."""

    def __init__(self, delay: float) -> None:
        self.turn = threading.Lock()
        self.robots_lock = threading.Lock()
        self.next_request = 0.0  # time.monotonic() before which no request may start
        self.delay = delay
        self.robots: RobotFileParser | None = None
        self.unreachable: str | None = None  # why robots.txt could not be fetched at all


class Fetcher:
    """Fetches URLs under a ``FetchPolicy``; share one per run (robots.txt is cached)."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._opener = urllib.request.build_opener(
            _GuardedRedirects(), _GuardedHTTPHandler(), _GuardedHTTPSHandler()
        )

    def fetch(self, url: str, *, public_only: bool = False) -> FetchResult:
        """Fetch one URL; raises ``InputError`` naming the URL and the problem.
        ``public_only`` refuses local and private addresses (see the module doc)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(url, "not an http or https URL")
        if public_only and is_private_url(url):
            raise InputError(url, "a private or local address, not fetched", "private address")
        host = self._host(parts)
        if self.policy.obey_robots and not self._robots(host, parts, url, public_only).can_fetch(
            ROBOTS_AGENT, url
        ):
            raise InputError(url, "disallowed by robots.txt")
        try:
            return self._get(host, url, public_only)
        except _Failure as failure:
            reason = f"HTTP {failure.status}" if failure.status else "fetch failed"
            raise InputError(url, failure.problem, reason) from failure

    def fetch_many(
        self, urls: Iterable[str], *, public_only: bool = False
    ) -> Iterator[tuple[str, FetchResult | InputError]]:
        """Fetch URLs concurrently (``policy.workers`` at a time), yielding each URL with
        its result or error in the order given. URLs are taken from ``urls`` as the
        results are consumed, so a long iterable is never held in memory at once."""
        window = max(1, self.policy.workers) * 2
        pool = ThreadPoolExecutor(max_workers=max(1, self.policy.workers))
        pending: deque[tuple[str, Future[FetchResult | InputError]]] = deque()
        try:
            for url in urls:
                pending.append((url, pool.submit(self._fetch_or_error, url, public_only)))
                if len(pending) >= window:
                    done_url, future = pending.popleft()
                    yield done_url, future.result()
            while pending:
                done_url, future = pending.popleft()
                yield done_url, future.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _fetch_or_error(self, url: str, public_only: bool) -> FetchResult | InputError:
        try:
            return self.fetch(url, public_only=public_only)
        except InputError as exc:
            return exc

    def _host(self, parts: SplitResult) -> _Host:
        key = f"{parts.scheme}://{parts.netloc}".lower()
        with self._hosts_lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.policy.host_delay)
            return self._hosts[key]

    def _robots(
        self, host: _Host, parts: SplitResult, url: str, public_only: bool = False
    ) -> RobotFileParser:
        """The host's robots rules, read once; raises ``InputError`` for ``url`` when
        the host cannot be reached at all."""
        with host.robots_lock:
            if host.unreachable is not None:
                raise InputError(url, host.unreachable, "fetch failed")
            if host.robots is None:
                try:
                    root = f"{parts.scheme}://{parts.netloc}"
                    host.robots = self._load_robots(host, root, public_only)
                except _Failure as failure:
                    host.unreachable = f"{failure.problem} (reading robots.txt)"
                    raise InputError(url, host.unreachable, "fetch failed") from failure
            return host.robots

    def _load_robots(self, host: _Host, root: str, public_only: bool = False) -> RobotFileParser:
        """The robots rules of a host, as RFC 9309 reads a failed fetch: a missing file
        (4xx) allows everything, a server error (5xx, or 429) nothing. Raises
        ``_Failure`` when the host cannot be reached."""
        rules = RobotFileParser(f"{root}/robots.txt")
        try:
            result = self._get(host, f"{root}/robots.txt", public_only)
        except _Failure as failure:
            if failure.status is None:
                raise
            if failure.status < 500 and failure.status != 429:
                rules.parse([])  # no rules: everything allowed
            else:
                log.warning("%s/robots.txt: %s; fetching nothing there", root, failure.problem)
                rules.parse(["User-agent: *", "Disallow: /"])
            return rules
        rules.parse(result.body.decode("utf-8", errors="replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay is not None:
            host.delay = max(self.policy.host_delay, min(float(delay), self.policy.max_crawl_delay))
        return rules

    def _get(self, host: _Host, url: str, public_only: bool = False) -> FetchResult:
        """GET with retries; raises ``_Failure`` when it gives up."""
        policy = self.policy
        for attempt in range(policy.retries + 1):
            try:
                return self._request(host, url, public_only)
            except _Failure as failure:
                if not failure.retryable or attempt == policy.retries:
                    raise
                wait = policy.backoff * 2**attempt
                if failure.retry_after is not None:
                    if failure.retry_after > policy.max_retry_after:
                        raise _Failure(
                            f"{failure.problem} (asked to retry after {failure.retry_after:.0f} s)",
                            status=failure.status,
                        ) from failure
                    wait = failure.retry_after
                log.info("%s: %s; retrying in %.1f s", url, failure.problem, wait)
                time.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _request(self, host: _Host, url: str, public_only: bool = False) -> FetchResult:
        """One GET, in the host's turn; raises ``_Failure``."""
        request = urllib.request.Request(
            url, headers={"User-Agent": self.policy.user_agent, "Accept": _ACCEPT}
        )
        if public_only:
            setattr(request, _PUBLIC_ONLY, True)  # checked on redirects
        with host.turn:
            pause = host.next_request - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                with self._opener.open(request, timeout=self.policy.timeout) as response:
                    body = self._read_capped(response)
                    return FetchResult(
                        url=url,
                        final_url=response.geturl(),
                        status=response.status,
                        content_type=_media_type(response.headers),
                        body=body,
                    )
            except urllib.error.HTTPError as exc:
                exc.close()
                raise _Failure(
                    f"HTTP {exc.code} {exc.reason}",
                    status=exc.code,
                    retryable=exc.code in _RETRY_STATUSES,
                    retry_after=_retry_after(exc.headers.get("Retry-After")),
                ) from exc
            except urllib.error.URLError as exc:
                if isinstance(exc.reason, PrivateAddressError):
                    raise _Failure(str(exc.reason)) from exc
                raise _Failure(f"cannot connect: {exc.reason}", retryable=True) from exc
            except (OSError, http.client.HTTPException) as exc:  # timeouts, resets, TLS
                raise _Failure(
                    f"connection failed: {exc or type(exc).__name__}", retryable=True
                ) from exc
            except ValueError as exc:
                raise _Failure(f"not a valid URL: {exc}") from exc
            finally:
                host.next_request = time.monotonic() + host.delay

    def _read_capped(self, response: http.client.HTTPResponse) -> bytes:
        limit = self.policy.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _Failure(f"larger than the fetch limit of {limit} bytes")
        body = response.read(limit + 1)
        if len(body) > limit:
            raise _Failure(f"larger than the fetch limit of {limit} bytes")
        return body


_PUBLIC_ONLY = "eventwire_public_only"


def is_private_url(url: str) -> bool:
    """Whether ``url``'s host is this machine or on a private, link-local or reserved
    network: an address that is not global, or a name that resolves to one (or that
    names this machine: ``localhost``, ``*.localhost``). A name that does not resolve is
    not private (its fetch fails on its own, and a public-only connection checks the
    address it connects to)."""
    host = urlsplit(url).hostname
    if not host:
        return False
    name = host.rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return False
    return any(not _is_public(str(info[4][0])) for info in infos)


def _is_public(address: str) -> bool:
    """Whether an IP address (as ``getaddrinfo`` gives it) is on the public internet."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address inside an IPv6 one (mapped, 6to4, NAT64) is judged as itself.
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.is_global and not ip.is_multicast


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class PrivateAddressError(OSError):
    """A public-only connection to a host that resolves to a private or local address."""


def _public_connection(
    address: tuple[str, int],
    timeout: float | object = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
    source_address: tuple[str, int] | None = None,
) -> socket.socket:
    """``socket.create_connection`` that resolves the host once, refuses it when any
    address it has is not public, and connects to the addresses it checked."""
    host, port = address
    try:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    except UnicodeError as exc:
        raise OSError(f"bad host name {host!r}") from exc
    for info in infos:
        if not _is_public(str(info[4][0])):
            raise PrivateAddressError(
                f"{host} resolves to a private or local address ({info[4][0]}), not fetched"
            )
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                sock.settimeout(timeout)  # type: ignore[arg-type]
            if source_address is not None:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"{host}: no address to connect to")


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _public_connection


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _public_connection


def _pinned(req: urllib.request.Request) -> bool:
    """Whether ``req`` must connect only to public addresses (public-only, no proxy)."""
    proxied = req.has_proxy() or getattr(req, "_tunnel_host", None)
    return bool(getattr(req, _PUBLIC_ONLY, False)) and not proxied


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        if _pinned(req):
            return self.do_open(_PublicHTTPConnection, req)
        return super().http_open(req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        if _pinned(req):
            options: dict[str, Any] = {"context": getattr(self, "_context", None)}
            if hasattr(self, "_check_hostname"):  # Python 3.11
                options["check_hostname"] = self._check_hostname
            return self.do_open(_PublicHTTPSConnection, req, **options)
        return super().https_open(req)


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects, but not from a public-only request to a private address."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and getattr(req, _PUBLIC_ONLY, False):
            if urlsplit(newurl).scheme not in ("http", "https"):
                raise _Failure(f"redirected to a URL that is not http or https ({newurl})")
            if is_private_url(newurl):
                raise _Failure(f"redirected to a private or local address ({newurl})")
            setattr(new, _PUBLIC_ONLY, True)
        return new


def _media_type(headers: Message) -> str | None:
    if headers.get("Content-Type") is None:
        return None
    return headers.get_content_type()


def _retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (a number or an HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
