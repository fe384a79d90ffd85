"""CSV: one row per event, the fields of ``EventRecord`` (what ``eventwire
events --format csv`` prints), UTF-8, with a header row, RFC 4180 quoting (CRLF line
ends; a cell holding a comma, quote or line break is quoted).

Columns
-------
``id``                     eventwire event id (``eventwire show ID``)
``date``                   event date, ``YYYY-MM-DD``; the first day of the week, month
                           or year when ``date_precision`` is coarser than a day
``date_precision``         day, week, month or year
``type`` / ``mode``        PLOVER event type and mode
``contexts``               PLOVER contexts, ``;``-joined
``cameo_root``             CAMEO root code (two digits) and ``quad_class`` (1..4)
``acled_event_type`` / ``acled_sub_event_type``  ACLED's category, where it has one
``actor`` / ``recipient``  the words naming them in the first mention's sentence
``*_code``                 country + sector (``SRBCOP``; ``---`` for an unknown country)
``*_country``              ISO alpha-3 or a PLOVER pseudo-country (IGO, NGO, ...)
``*_sector``               PLOVER sector (GOV, MIL, COP, REB, CVL, ...)
``place``                  resolved place name; ``place_country`` ISO alpha-2
``lat`` / ``lon``          WGS 84 degrees; ``geo_precision`` point, admin2, admin1,
                           region or country
``dead`` / ``injured`` / ``arrested``  figures reported (lowest figure); empty when none
``confidence``             the coder's confidence, 0..1
``flags``                  negated, hypothetical, future (``;``-joined); empty when factual
``headline``               ``true`` when an article's headline reports the event (like
                           GDELT's ``IsRootEvent``), else ``false``
``num_articles``           articles reporting the event
``article_id`` / ``sentence``  the first mention: its article and source sentence

An empty cell means the value is unknown (never a placeholder word). Article text
(``actor``, ``recipient``, ``place``, ``sentence``) that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets an apostrophe in front, so that a
spreadsheet shows it rather than running it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, BinaryIO

from eventwire.export.common import flat_record, record_columns, spreadsheet_safe, text_stream
from eventwire.store import Store, StoredEvent


def write_csv(events: Iterable[StoredEvent], store: Store, out: BinaryIO, header: bool) -> int:
    """Write ``events`` as CSV to ``out``; ``header`` adds the column names first."""
    del store  # every column comes from the event itself
    count = 0
    with text_stream(out) as text:
        writer = csv.DictWriter(text, fieldnames=record_columns())
        if header:
            writer.writeheader()
        for event in events:
            record = flat_record(event)
            writer.writerow({key: spreadsheet_safe(key, _cell(v)) for key, v in record.items()})
            count += 1
    return count


def _cell(value: Any) -> Any:
    """Booleans as ``true`` / ``false``, which CSV readers (pandas, R, DuckDB, Spark)
    take for booleans; other values as the csv module writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
