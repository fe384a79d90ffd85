"""``eventwire serve``: the REST API and the dashboard over a store (``eventwire.api``).

Kept apart from ``cli/main.py`` so the main commands stay short; ``cli/main.py`` registers it with
``main.add_command(serve)``.
"""

from __future__ import annotations

import errno
import os
import socket
import threading
import time

import click

from eventwire.cli.options import db_option
from eventwire.errors import EventwireError

BYTES_PER_MB = 1_000_000
# Seconds the server waits, once asked to stop (SIGTERM, Ctrl-C), for the requests it is
# answering; then it closes their connections. Work still running in a thread after
# that (an ingest) is abandoned after _THREAD_GRACE more seconds.
GRACEFUL_SHUTDOWN = 3
_THREAD_GRACE = 2.0
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port."
)
@click.option(
    "--ingest-token",
    envvar="EVENTWIRE_INGEST_TOKEN",
    show_envvar=True,
    help="Enable POST /ingest for clients that send this token (Authorization: Bearer). "
    "Without it the server is read-only.",
)
@click.option(
    "--max-upload-mb",
    default=5.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Largest request body POST /ingest accepts, in MB.",
)
@click.option(
    "--allowed-hosts",
    multiple=True,
    metavar="NAMES",
    help="Host names clients may use to reach the server (the Host header; comma-separated "
    "or repeated; *.example.org for every name under it, * for any). Default: the --host "
    "address and localhost. Other requests get 400 (this stops DNS rebinding).",
)
@click.option(
    "--time-limit",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds a request's database reads may take; a longer query is stopped (503).",
)
def serve(
    db: str,
    host: str,
    port: int,
    ingest_token: str | None,
    max_upload_mb: float,
    allowed_hosts: tuple[str, ...],
    time_limit: float,
) -> None:
    """Serve the REST API (docs at /docs) and the dashboard (at /) over the database."""
    import uvicorn

    from eventwire.api import create_app

    hosts = list(allowed_hosts) or default_allowed_hosts(host)
    try:
        app = create_app(
            db,
            ingest_token=ingest_token or None,
            max_upload_bytes=max(1, int(max_upload_mb * BYTES_PER_MB)),
            time_limit=time_limit,
            allowed_hosts=hosts,
        )
    except EventwireError as exc:
        click.echo(f"eventwire: {exc}", err=True)
        raise SystemExit(2) from exc
    sock = listen(host, port)
    mode = "ingest enabled" if ingest_token else "read-only"
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire: serving {db} ({mode}) on http://{shown}:{port}/ (docs at /docs)")
    if host not in _LOOPBACK:
        click.echo(
            "eventwire: listening beyond this machine; the API has no TLS: put it behind a "
            "proxy that terminates HTTPS if others reach it",
            err=True,
        )
        if not allowed_hosts:
            click.echo(
                f"eventwire: only requests for {', '.join(hosts)} are answered; name the "
                "server's other names with --allowed-hosts",
                err=True,
            )
    config = uvicorn.Config(
        app, log_level="info", timeout_graceful_shutdown=GRACEFUL_SHUTDOWN, lifespan="on"
    )
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    _leave_promptly()


def default_allowed_hosts(host: str) -> list[str]:
    """The bound address and localhost (for a wildcard address, localhost alone)."""
    hosts = ["localhost"]
    if host not in ("0.0.0.0", "::", ""):
        hosts.insert(0, host)
    return hosts


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port``, before anything says the server runs; a port
    in use or an address that cannot be bound exits with one line (status 1)."""
    try:
        infos = socket.getaddrinfo(
            host, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE
        )
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        click.echo(f"eventwire: cannot listen on {host}:{port}: {_why(exc)}", err=True)
        raise SystemExit(1) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.set_inheritable(True)
    except OSError as exc:
        sock.close()
        hint = " (is another server running? choose another --port)"
        why = _why(exc) + (hint if exc.errno == errno.EADDRINUSE else "")
        click.echo(f"eventwire: cannot listen on {host}:{port}: {why}", err=True)
        raise SystemExit(1) from None
    return sock


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def _leave_promptly() -> None:
    """Once the server has stopped, exit even if a worker thread is still busy (an
    ingest of a large upload): it is given _THREAD_GRACE seconds, then abandoned (its
    transaction is not committed; SQLite rolls it back)."""
    deadline = time.monotonic() + _THREAD_GRACE
    for thread in threading.enumerate():
        if thread is threading.main_thread() or thread.daemon:
            continue
        thread.join(max(0.0, deadline - time.monotonic()))
    busy = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if busy:
        click.echo("eventwire: stopped; work still running was abandoned", err=True)
        os._exit(0)
