"""``eventwire serve``: the REST API and the dashboard over a store (``eventwire.api``).

Kept apart from ``cli/main.py`` so the main commands stay short; ``cli/main.py`` registers it with
``main.add_command(serve)``.
"""

from __future__ import annotations

import click

from eventwire.cli.options import db_option
from eventwire.errors import EventwireError

BYTES_PER_MB = 1_000_000


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
def serve(db: str, host: str, port: int, ingest_token: str | None, max_upload_mb: float) -> None:
    """Serve the REST API (docs at /docs) and the dashboard (at /) over the database."""
    import uvicorn

    from eventwire.api import create_app

    try:
        app = create_app(
            db,
            ingest_token=ingest_token or None,
            max_upload_bytes=max(1, int(max_upload_mb * BYTES_PER_MB)),
        )
    except EventwireError as exc:
        click.echo(f"eventwire: {exc}", err=True)
        raise SystemExit(2) from exc
    mode = "ingest enabled" if ingest_token else "read-only"
    click.echo(f"eventwire: serving {db} ({mode}) on http://{host}:{port}/ (docs at /docs)")
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            "eventwire: listening beyond this machine; the API has no TLS: put it behind a "
            "proxy that terminates HTTPS if others reach it",
            err=True,
        )
    uvicorn.run(app, host=host, port=port, log_level="info")
