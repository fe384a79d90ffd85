"""Options and parameter parsers shared by the command modules (``cli``, ``cli_export``,
``cli_serve``), so each command reads the same flags the same way."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

DEFAULT_DB = "eventwire.db"

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, help="SQLite database file."
)


def parse_date(_ctx: Any, _param: Any, value: str | None) -> date | None:
    """A click callback: an ISO date (YYYY-MM-DD), or None when the option is absent."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc
