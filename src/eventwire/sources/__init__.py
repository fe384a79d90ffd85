"""Input sources. Each module reads one format and yields ``RawDocument``s.

``iter_inputs`` expands the paths a user gives (files, folders, ``-`` for stdin) and
reads each with the reader for its format. A file that cannot be read is reported as an
``InputItem`` with an error instead of a document, so a run goes on past bad input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError
from eventwire.model import RawDocument
from eventwire.sources.text import read_text_file, read_text_stream

# File name endings read as text. Other formats arrive with later source modules.
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input: a raw document, or the error that kept it from being read."""

    origin: str
    document: RawDocument | None = None
    error: InputError | None = None


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files named or found (sorted, recursively) in the folders named; ``-`` is stdin."""
    found: list[str] = []
    for name in paths:
        if name == "-":
            found.append(name)
            continue
        path = Path(name)
        if path.is_dir():
            found.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in TEXT_SUFFIXES
            )
        else:
            found.append(name)
    return found


def read_input(name: str) -> RawDocument:
    """Read one expanded input name; raises ``InputError``."""
    if name == "-":
        return read_text_stream(sys.stdin.buffer.read())
    path = Path(name)
    if not path.exists():
        raise InputError(name, "no such file or directory")
    return read_text_file(path)


def iter_inputs(names: Iterable[str]) -> Iterator[InputItem]:
    for name in names:
        try:
            yield InputItem(origin=name, document=read_input(name))
        except InputError as exc:
            yield InputItem(origin=name, error=exc)
