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

# File name endings read as text. Other formats arrive with later source modules; a
# file named on the command line is read whatever its name, but in a folder only
# these are (the others are counted and reported).
TEXT_SUFFIXES = frozenset({".txt", ".text"})


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input: a raw document, or the error that kept it from being read."""

    origin: str
    document: RawDocument | None = None
    error: InputError | None = None


@dataclass(frozen=True, slots=True)
class Expansion:
    """The inputs found for the names a user gave, and the files left out."""

    inputs: list[str]
    unsupported: list[str]  # files in the folders named whose format is not read yet


def expand_paths(paths: Iterable[str]) -> Expansion:
    """Files named, and files found (sorted, recursively) in the folders named; ``-`` is
    stdin. In folders, hidden files and files of formats not read are left out."""
    found: list[str] = []
    unsupported: list[str] = []
    for name in paths:
        path = Path(name)
        if name == "-" or not path.is_dir():
            found.append(name)
            continue
        for child in sorted(path.rglob("*")):
            if not child.is_file() or child.name.startswith("."):
                continue
            if child.suffix.lower() in TEXT_SUFFIXES:
                found.append(str(child))
            else:
                unsupported.append(str(child))
    return Expansion(found, unsupported)


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
