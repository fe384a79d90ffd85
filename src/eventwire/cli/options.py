"""Options and parameter parsers shared by the command modules (``main``, ``export``,
``serve``), so each command reads the same flags the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from eventwire.store import EventQuery

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


_EVENT_FILTER_OPTIONS = (
    click.option("--type", "type_", help="PLOVER event type, e.g. ASSAULT."),
    click.option("--country", help="ISO alpha-3 code of the actor or the recipient."),
    click.option("--since", callback=parse_date, help="Events on or after this date (YYYY-MM-DD)."),
    click.option("--until", callback=parse_date, help="Events on or before this date."),
    click.option("--query", help="Full-text search over source sentences and articles."),
    click.option("--all", "all_", is_flag=True, help="Include negated, hypothetical and future."),
    click.option("--headline", is_flag=True, help="Only events an article's headline reports."),
)

F = TypeVar("F", bound=Callable[..., Any])


def event_filter_options(func: F) -> F:
    """The event filters of ``events`` and ``export``: ``type_``, ``country``, ``since``,
    ``until``, ``query``, ``all_`` and ``headline`` parameters."""
    for option in reversed(_EVENT_FILTER_OPTIONS):
        func = option(func)
    return func


def event_query(
    type_: str | None,
    country: str | None,
    since: date | None,
    until: date | None,
    query: str | None,
    all_: bool,
    headline: bool,
) -> EventQuery:
    """The ``EventQuery`` (the filter the API and exports use too) of the filter options."""
    return EventQuery(
        types=(type_,) if type_ else (), country=country, since=since, until=until,
        text=query, include_flagged=all_, headline=True if headline else None,
    )  # fmt: skip
