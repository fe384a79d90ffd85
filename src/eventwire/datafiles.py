"""Reading the knowledge files under ``eventwire/data``.

Every lexicon is a small text file that users may read and edit. ``read_data`` returns
a file's text with the name to use in error messages (the packaged file, or a user's
own copy given by path). Tables are tab-separated with a header row naming their
columns: ``read_table`` checks the header and every row's cells and names file and line
in every error; ``read_word_table`` reads the common two-column form ``word<TAB>value``;
``data_lines`` reads a one-column list. ``#`` comments and blank lines are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from eventwire.errors import ResourceError

V = TypeVar("V")


def read_data(name: str, path: Path | None = None) -> tuple[str, str]:
    """(where, text) of the packaged file ``name``, or of the user's file at ``path``."""
    if path is not None:
        try:
            return str(path), path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ResourceError(f"{path}: cannot read: {exc.strerror}") from exc
    where = f"eventwire/data/{name}"
    try:
        return where, (resources.files("eventwire") / "data" / name).read_text("utf-8")
    except OSError as exc:
        raise ResourceError(f"{where}: missing from the installed package") from exc


def data_lines(name: str, path: Path | None = None) -> tuple[str, list[tuple[int, str]]]:
    """(where, [(line number, stripped line)]) of a one-column list file: blank lines and
    ``#`` comments skipped."""
    where, text = read_data(name, path)
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            rows.append((number, stripped))
    return where, rows


def table_rows(
    text: str, where: str, columns: tuple[str, ...], *, optional: int = 0
) -> Iterator[tuple[int, list[str]]]:
    """(line number, stripped cells) of each data row of a tab-separated table.

    The first row that is not blank or a ``#`` comment must be the header, naming
    ``columns`` in order; every later row has that many cells, of which the last
    ``optional`` may be left out (they come back as empty strings). Every error names the
    file and the line."""
    header_seen = False
    least = len(columns) - optional
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            if tuple(cells[: len(columns)]) != columns or len(cells) > len(columns):
                raise ResourceError(
                    f"{where}:{number}: expected the header {' '.join(columns)!r} "
                    f"(tab-separated), found {' '.join(cells)!r}"
                )
            header_seen = True
            continue
        if not least <= len(cells) <= len(columns):
            wanted = str(len(columns)) if not optional else f"{least} to {len(columns)}"
            raise ResourceError(
                f"{where}:{number}: expected {wanted} tab-separated columns "
                f"({', '.join(columns)}), found {len(cells)}"
            )
        yield number, cells + [""] * (len(columns) - len(cells))
    if not header_seen:
        raise ResourceError(f"{where}: no header row; expected {' '.join(columns)!r}")


def read_table(
    name: str, columns: tuple[str, ...], path: Path | None = None, *, optional: int = 0
) -> tuple[str, list[tuple[int, list[str]]]]:
    """(where, rows) of the packaged table ``name`` (or the user's copy at ``path``),
    read by ``table_rows``."""
    where, text = read_data(name, path)
    return where, list(table_rows(text, where, columns, optional=optional))


def read_word_table(
    name: str,
    column: str,
    value: Callable[[str], V | None],
    expected: str | None = None,
    path: Path | None = None,
) -> MappingProxyType[str, V]:
    """A read-only map from lower-cased word to ``value(cell)`` from a two-column table
    with the header ``word<TAB>column``. ``value`` returns None for a cell it refuses;
    the error then says ``expected`` (by default the column's name) with file and line."""
    where, rows = read_table(name, ("word", column), path)
    table: dict[str, V] = {}
    for number, (word, cell) in rows:
        parsed = value(cell) if word and cell else None
        if parsed is None:
            raise ResourceError(f"{where}:{number}: expected 'word<TAB>{expected or column}'")
        table[word.lower()] = parsed
    return MappingProxyType(table)
