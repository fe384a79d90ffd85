"""Input sources. Each module reads one format and yields ``RawDocument``s.

| module | reads |
| --- | --- |
| ``text.py`` | text dumps (``.txt``), one document each, split into articles later |
| ``html.py`` | HTML pages (``.html``, ``.htm``): main text and metadata, with trafilatura |
| ``feeds.py`` | RSS and Atom feeds (``.xml``, ``.rss``, ``.atom``): one document per entry |
| ``warc.py`` | WARC archives (``.warc``, ``.warc.gz``): the HTML pages among the records |
| ``jsonl.py`` | JSON Lines (``.jsonl``, ``.ndjson``) and CSV (``.csv``): one per record |
| ``fetch.py`` | polite HTTP fetching, for URL inputs and ``follow``\\ed feed links |
| ``formats.py`` | the reader table: each format's name, suffixes, sniffing rule and reader |
| ``sniff.py`` | what an input's first bytes say it is (the table's predicates) |
| ``readers.py`` | reading one input name (file, URL, ``-``) with the reader for its format |

Any of the file formats may be gzipped (``X.gz``). ``iter_inputs`` takes the names that
``expand_paths`` found and yields ``InputItem``s lazily, several per input for feeds,
archives and records: a document, or the error that kept one from being read (the
``origin`` names the file and the line, record or entry), so a run goes on past bad
input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from eventwire.sources.fetch import Fetcher, FetchPolicy, FetchResult
from eventwire.sources.formats import FORMATS, SUFFIX_FORMATS, InputFormat, is_read_by_name
from eventwire.sources.items import InputItem, failed
from eventwire.sources.readers import InputReader, is_url

__all__ = [
    "FORMATS",
    "SUFFIX_FORMATS",
    "Expansion",
    "FetchPolicy",
    "FetchResult",
    "Fetcher",
    "InputFormat",
    "InputItem",
    "expand_paths",
    "iter_inputs",
]


@dataclass(frozen=True, slots=True)
class Expansion:
    """The inputs found for the names a user gave, and the files left out."""

    inputs: list[str]
    unsupported: list[str]  # files in the folders named whose format is not read
    unreadable: list[InputItem] = field(default_factory=list)  # folders that cannot be read


def expand_paths(paths: Iterable[str]) -> Expansion:
    """Files and URLs named, and files found (sorted, recursively) in the folders named;
    ``-`` is stdin. A file named is read whatever its name (its content is sniffed); in
    folders, hidden files and files whose name announces no format read are left out.
    A folder (or subfolder) that cannot be listed is an error item in ``unreadable``."""
    found: list[str] = []
    unsupported: list[str] = []
    unreadable: list[InputItem] = []
    for name in paths:
        if name == "-" or is_url(name) or not Path(name).is_dir():
            found.append(name)
            continue
        folder = Path(name)
        children: list[Path] = []

        for root, dirs, files in os.walk(folder, onerror=partial(_cannot_list, unreadable, name)):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            children += [Path(root) / f for f in files if not f.startswith(".")]
        for child in sorted(children):
            if not child.is_file():
                continue
            if is_read_by_name(child.name):
                found.append(str(child))
            else:
                unsupported.append(str(child))
    return Expansion(found, unsupported, unreadable)


def _cannot_list(unreadable: list[InputItem], name: str, exc: OSError) -> None:
    where = str(exc.filename or name)
    unreadable.append(failed(where, f"cannot read: {exc.strerror or exc}", "cannot read"))


def iter_inputs(
    names: Iterable[str],
    *,
    follow: bool = False,
    policy: FetchPolicy | None = None,
    public_only: bool = False,
) -> Iterator[InputItem]:
    """The items of every input name, in order, read lazily (a large WARC or JSON Lines
    file is never held in memory). ``follow`` fetches the pages feed entries link to;
    ``policy`` sets how URLs are fetched; ``public_only`` reads only URLs of public
    hosts (names that come from the network: see ``InputReader``)."""
    reader = InputReader(follow=follow, policy=policy, public_only=public_only)
    for name in names:
        yield from reader.read(name)
