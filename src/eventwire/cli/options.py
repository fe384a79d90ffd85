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


def parse_event_type(_ctx: Any, _param: Any, value: str | None) -> str | None:
    """A click callback: a PLOVER event type, in any case; an unknown one is refused
    with the list of valid ones."""
    if value is None:
        return None
    from eventwire.coding.lexicon import PLOVER_TYPES

    if value.strip().upper() in PLOVER_TYPES:
        return value.strip().upper()
    raise click.BadParameter(
        f"unknown event type {value!r}; the PLOVER types are: {', '.join(PLOVER_TYPES)}"
    )


def parse_country(_ctx: Any, _param: Any, value: str | None) -> str | None:
    """A click callback: the ISO alpha-3 code (or PLOVER pseudo-country such as IGO)
    for an alpha-3 or alpha-2 code or a country name; says on stderr which code it
    used when it was not given as one."""
    if value is None:
        return None
    from eventwire.knowledge.countries import countries
    from eventwire.knowledge.tables import PSEUDO_COUNTRIES

    text = value.strip()
    index = countries()
    if text.upper() in PSEUDO_COUNTRIES:
        return text.upper()
    found = index.by_iso3(text) if len(text) == 3 else None
    if found is not None:
        return found.iso3
    found = (index.by_iso2(text) if len(text) == 2 else None) or index.lookup_name(text)
    if found is None:
        raise click.BadParameter(
            f"{value!r} is not a country code (ISO alpha-3 such as RUS, or alpha-2 such "
            "as RU) nor a country name eventwire knows"
        )
    click.echo(f"eventwire: --country {value}: using {found.iso3} ({found.name})", err=True)
    return found.iso3


_EVENT_FILTER_OPTIONS = (
    click.option(
        "--type", "type_", callback=parse_event_type, help="PLOVER event type, e.g. ASSAULT."
    ),
    click.option(
        "--country",
        callback=parse_country,
        help="Country of the actor or the recipient: ISO alpha-3 (RUS), alpha-2 (RU) or "
        "a name (Russia).",
    ),
    click.option("--since", callback=parse_date, help="Events on or after this date (YYYY-MM-DD)."),
    click.option("--until", callback=parse_date, help="Events on or before this date."),
    click.option("--query", help="Full-text search over source sentences and articles."),
    click.option("--all", "all_", is_flag=True, help="Include negated, hypothetical and future."),
    click.option("--headline", is_flag=True, help="Only events an article's headline reports."),
    click.option(
        "--historical",
        type=click.Choice(["exclude", "include", "only"]),
        default="exclude",
        show_default=True,
        help="Events told as a summary of the past (undated): left out, included, or alone.",
    ),
)

F = TypeVar("F", bound=Callable[..., Any])


def event_filter_options(func: F) -> F:
    """The event filters of ``events`` and ``export``: ``type_``, ``country``, ``since``,
    ``until``, ``query``, ``all_``, ``headline`` and ``historical`` parameters."""
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
    historical: str = "exclude",
) -> EventQuery:
    """The ``EventQuery`` (the filter the API and exports use too) of the filter options."""
    return EventQuery(
        types=(type_,) if type_ else (), country=country, since=since, until=until,
        text=query, include_flagged=all_, headline=True if headline else None,
        historical=historical,
    )  # fmt: skip
