"""The app's ASGI middleware: the Host header checked, security headers on every
answer, and an unexpected error answered in JSON.

Each is pure ASGI (no ``BaseHTTPMiddleware``), so it costs next to nothing per request
and never buffers a streamed export.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

# The dashboard's own policy (the <meta> of web/static/index.html), and what no <meta>
# can say: no page may frame these pages (clickjacking).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
_CSP = b"content-security-policy"


async def send_json(send: Send, status: int, detail: str) -> None:
    """Answer ``{"detail": detail}`` with ``status``."""
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every answer, and ``CONTENT_SECURITY_POLICY`` to
    those that set no policy of their own (the API docs page sets one that allows its
    inline script by hash)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                if _CSP not in names:
                    headers.append((_CSP, CONTENT_SECURITY_POLICY.encode("ascii")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str) -> str:
    """The host of a ``Host`` header, lower case, without the port or the brackets of
    an IPv6 address, and without a final dot."""
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def normalise_hosts(hosts: Iterable[str]) -> tuple[str, ...]:
    """Allowed host names as ``TrustedHosts`` compares them: ``*`` allows any host,
    ``*.example.org`` any name under example.org."""
    found: list[str] = []
    for raw in hosts:
        for part in raw.split(","):
            host = part.strip().lower()
            if not host:
                continue
            if host != "*" and not host.startswith("*."):
                host = host_name(host) if host.startswith("[") else host.rstrip(".")
            if host not in found:
                found.append(host)
    return tuple(found)


class TrustedHosts:
    """Answers 400 (JSON) to a request whose ``Host`` header names no allowed host: a
    page of another site that makes a browser resolve its own name to this server (DNS
    rebinding) cannot read the API."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = normalise_hosts(hosts)
        self.any = "*" in self.hosts
        self.names = frozenset(h for h in self.hosts if not h.startswith("*"))
        self.suffixes = tuple(h[1:] for h in self.hosts if h.startswith("*."))

    def allows(self, host: str) -> bool:
        return self.any or host in self.names or host.endswith(self.suffixes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.any:
            await self.app(scope, receive, send)
            return
        header = ""
        for name, value in scope.get("headers", []):
            if name == b"host":
                header = value.decode("latin-1")
                break
        host = host_name(header)
        if not self.allows(host):
            shown = header[:100] if header else "(none)"
            await send_json(
                send,
                400,
                f"host {shown!r} is not served here (allowed: {', '.join(self.hosts)}); "
                "start the server with --allowed-hosts to add one",
            )
            return
        await self.app(scope, receive, send)


class JsonErrors:
    """An exception no handler took is logged and answered 500 in JSON (not Starlette's
    plain-text page), and the connection stays usable."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            log.exception("%s %s failed", scope.get("method"), scope.get("path"))
            if started:
                raise
            await send_json(send, 500, f"internal error ({type(exc).__name__}); it is logged")
