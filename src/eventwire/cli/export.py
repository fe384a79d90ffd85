"""``eventwire export``: write stored events in a format analysts load elsewhere
(PLOVER JSON Lines, CSV, Parquet, GeoJSON, GDELT-style tables, ACLED-style CSV).

Kept apart from ``cli/main.py``; register it there with ``main.add_command(export_command)``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import BinaryIO, NoReturn

import click

from eventwire.cli.options import db_option, event_filter_options, event_query
from eventwire.errors import EventwireError
from eventwire.export import EXPORT_FORMATS, iter_all_events, write_export
from eventwire.store import EventFilter, Store


def _fail(message: str) -> NoReturn:
    click.echo(f"eventwire: {message}", err=True)
    sys.exit(2)


def _reader_left() -> NoReturn:
    """The reader of standard output stopped early (``| head``): end quietly, with
    stdout pointed at the null device so Python's final flush does not complain."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)


def _is_terminal(stream: BinaryIO) -> bool:
    return stream.isatty()


@contextmanager
def _output(out: Path | None, binary: bool) -> Iterator[BinaryIO]:
    """The binary stream to write to: stdout, or a file that appears only when the
    export succeeds (written beside it under a temporary name, then renamed)."""
    if out is None:
        sys.stdout.flush()
        stdout = sys.stdout.buffer
        if binary and _is_terminal(stdout):
            _fail("Parquet is binary: give --out FILE or redirect stdout to a file")
        yield stdout
        return
    partial = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        handle = partial.open("wb")
    except OSError as exc:
        _fail(f"{out}: cannot write: {exc.strerror or exc}")
    try:
        with handle:
            yield handle
        partial.replace(out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def _help() -> str:
    width = max(len(name) for name in EXPORT_FORMATS)
    formats = "\n".join(
        f"  {fmt.name.ljust(width)}  {fmt.description}" for fmt in EXPORT_FORMATS.values()
    )
    return (
        "Export stored events (factual ones unless --all) for other tools, to --out or "
        f"to standard output.\n\n\b\nFormats:\n{formats}"
    )


@click.command("export", help=_help())
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(list(EXPORT_FORMATS)),
    help="Output format.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: standard output).",
)
@db_option
@event_filter_options
@click.option(
    "--no-header",
    is_flag=True,
    help="No header row in CSV and tab-separated output (GDELT's own files have none).",
)
def export_command(
    fmt: str,
    out: Path | None,
    db: str,
    type_: str | None,
    country: str | None,
    since: date | None,
    until: date | None,
    query: str | None,
    all_: bool,
    headline: bool,
    historical: str,
    no_header: bool,
) -> None:
    """Export stored events for other tools."""
    export_format = EXPORT_FORMATS[fmt]
    flt = EventFilter(event_query(type_, country, since, until, query, all_, headline, historical))
    try:
        with Store(db, create=False) as store, _output(out, export_format.binary) as stream:
            count = write_export(
                fmt, iter_all_events(store, flt), store, stream, header=not no_header
            )
    except EventwireError as exc:
        _fail(str(exc))
    except BrokenPipeError:
        _reader_left()
    except OSError as exc:
        _fail(f"{out or 'standard output'}: cannot write: {exc.strerror or exc}")
    if out is not None:
        click.echo(f"{count} rows written to {out} ({fmt})", err=True)
