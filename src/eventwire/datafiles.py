"""Reading the knowledge files under ``eventwire/data``.

Every lexicon is a small text file that users may read and edit. ``read_data`` returns
a file's text with the name to use in error messages (the packaged file, or a user's
own copy given by path); ``read_word_table`` reads the common two-column form
``word<TAB>value`` (``#`` comments and blank lines skipped), checking each value.
"""

from __future__ import annotations

from collections.abc import Callable
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


def read_word_table(
    name: str,
    value: Callable[[str], V | None],
    expected: str,
    path: Path | None = None,
) -> MappingProxyType[str, V]:
    """A read-only map from lower-cased word to ``value(cell)``. ``value`` returns None
    for a cell it refuses; the error then says ``expected`` and names file and line."""
    where, text = read_data(name, path)
    table: dict[str, V] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        parsed = value(cells[1]) if len(cells) == 2 and cells[0] and cells[1] else None
        if parsed is None:
            raise ResourceError(f"{where}:{number}: expected 'word<TAB>{expected}'")
        table[cells[0].lower()] = parsed
    return MappingProxyType(table)
