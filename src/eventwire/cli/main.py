"""The ``eventwire`` command line: ingest news, list and show events, run the demo.

Every command reads and writes through ``eventwire.store``. Errors the user can act
on are printed as one line (``eventwire: FILE: problem``) and set the exit status.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import click

from eventwire.cli.eval import eval_group
from eventwire.cli.export import export_command
from eventwire.cli.options import db_option, event_filter_options, event_query
from eventwire.cli.serve import serve
from eventwire.errors import EventwireError
from eventwire.export.common import spreadsheet_safe
from eventwire.export.event_records import event_record, format_table, highlight
from eventwire.store import EventFilter, Store

log = logging.getLogger("eventwire")


def _fail(message: str) -> None:
    click.echo(f"eventwire: {message}", err=True)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn an error the user can act on into one line on stderr and exit status 2."""
    try:
        yield
    except EventwireError as exc:
        _fail(str(exc))
        sys.exit(2)


@click.group()
@click.version_option(package_name="eventwire")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def main(verbose: bool) -> None:
    """eventwire: turn raw news into a database of coded political events."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not verbose:
        # Libraries that log their own errors on pages we report in one line already.
        for name in ("trafilatura", "htmldate", "courlan", "distributed"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Local worker processes.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the pipeline on a Dask cluster (tcp://host:8786, or local:N for N local "
    "worker processes); this process only reads and writes.",
)
@click.option(
    "--follow", is_flag=True, help="For feeds, fetch and read the page each entry links to."
)
@click.option(
    "--output",
    type=(click.Choice(["parquet"]), click.Path(file_okay=False)),
    metavar="parquet DIR",
    help="Write partitioned Parquet files under DIR instead of the SQLite database.",
)
@click.option(
    "--stages",
    metavar="NAME,...",
    help="Run only these pipeline stages, in order (e.g. 'clean' stores articles "
    "without coding events; for trying throughput). Default: all.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    scheduler: str | None,
    follow: bool,
    output: tuple[str, str] | None,
    stages: str | None,
    quiet: bool,
) -> None:
    """Ingest files, folders (recursively), URLs or - (stdin).

    Reads raw text dumps (.txt), HTML pages, RSS/Atom feeds, WARC archives, JSON Lines
    and CSV records, and gzip-compressed versions of each.
    """
    from eventwire.run.ingest import IngestOptions, ParquetFolderSink, StoreSink, ingest

    if scheduler is not None and workers > 1:
        raise click.UsageError("--workers and --scheduler do not go together: choose one")
    names = tuple(name.strip() for name in stages.split(",") if name.strip()) if stages else None
    if names is not None and scheduler is not None:
        raise click.UsageError("--stages works with local processes, not with --scheduler")
    options = IngestOptions(
        workers=workers, scheduler=scheduler, follow=follow, progress=not quiet, stages=names
    )
    if scheduler is not None and logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        # Dask sets up its own INFO logging when imported; keep only its errors.
        import distributed  # noqa: F401

        logging.getLogger("distributed").setLevel(logging.ERROR)
    with _user_errors():
        if names is not None:
            from eventwire.run.pipeline import Pipeline

            Pipeline(names)  # an unknown stage is one line here, not in every worker
        if output is not None:
            sink = ParquetFolderSink(Path(output[1]))
            try:
                summary = ingest(list(paths), sink, options, _fail)
            finally:
                sink.close()
        else:
            with Store(db) as store:
                summary = ingest(list(paths), StoreSink(store), options, _fail)
    click.echo(summary.line())
    if summary.interrupted:
        sys.exit(130)
    if summary.skipped:
        sys.exit(1)


@main.command()
@db_option
@event_filter_options
@click.option("--limit", default=100, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
def events(
    db: str,
    type_: str | None,
    country: str | None,
    since: date | None,
    until: date | None,
    query: str | None,
    all_: bool,
    headline: bool,
    historical: str,
    limit: int,
    fmt: str,
) -> None:
    """List stored events (factual ones unless --all; not those told as a summary of
    the past unless --historical include)."""
    with _user_errors(), Store(db, create=False) as store:
        selection = event_query(type_, country, since, until, query, all_, headline, historical)
        flt = EventFilter(selection, limit=limit)
        found = store.events(flt)
        total = store.count_events(flt) if len(found) == limit else len(found)
    _print_events(found, fmt)
    if total > len(found):
        click.echo(
            f"eventwire: showing {len(found):,} of {total:,} events; "
            f"use --limit {total} to see them all",
            err=True,
        )


def _print_events(found: list[Any], fmt: str) -> None:
    records = [event_record(e).to_dict() for e in found]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        columns = list(records[0]) if records else ["id"]
        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        for record in records:
            writer.writerow({k: spreadsheet_safe(k, _csv_cell(v)) for k, v in record.items()})
    else:
        click.echo(format_table(records))


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


@main.command()
@click.argument("event_id", type=int)
@db_option
def show(event_id: int, db: str) -> None:
    """Show one event, its article, and the source sentence highlighted."""
    with _user_errors(), Store(db, create=False) as store:
        event = store.event(event_id)
        if event is None:
            _fail(f"{db}: no event with id {event_id}")
            sys.exit(1)
        articles = [store.article(m.article_id) for m in event.mentions]
    record = event_record(event).to_dict()
    for key, value in record.items():
        if key != "sentence" and value not in (None, [], ""):
            click.echo(f"{key:>17}: {value}")
    color = sys.stdout.isatty()
    for mention, article in zip(event.mentions, articles, strict=True):
        if article is None:
            continue
        click.echo("")
        click.echo(
            click.style(article.title or "(untitled)", bold=True)
            if color
            else (article.title or "(untitled)")
        )
        meta = ", ".join(
            x for x in (article.source, str(article.published or ""), article.origin) if x
        )
        click.echo(meta)
        click.echo("")
        click.echo(highlight(article.text, mention.start, mention.end, color=color))


@main.command()
@db_option
def demo(db: str) -> None:
    """Ingest the sample news shipped with eventwire and list its events."""
    sample = resources.files("eventwire") / "data" / "sample_dump.txt"
    with _user_errors(), resources.as_file(sample) as path, Store(db) as store:
        from eventwire.run.ingest import IngestOptions, StoreSink, ingest

        summary = ingest([str(path)], StoreSink(store), IngestOptions(progress=False), _fail)
        click.echo(summary.line())
        found = store.events(EventFilter(limit=50))
    _print_events(found, "table")
    click.echo(
        f"\nDatabase: {db}. Try: eventwire events --db {db} --type ASSAULT; "
        f"eventwire show ID --db {db}"
    )


main.add_command(eval_group)
main.add_command(export_command)
main.add_command(serve)


if __name__ == "__main__":  # pragma: no cover
    main()
