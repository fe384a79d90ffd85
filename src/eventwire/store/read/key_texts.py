"""The text of every integer key of a keyed family (schema version 9), held in memory
for the answers that name thousands of groups (``packed_rollups.py``).

``/stats?group=dyad,type`` over a year answers about 24,000 groups; looking their text
up in SQLite and sorting them by it took longer than adding up their counts. A key
table only grows (a key is never deleted nor changed, and a new one takes the next
integer), so its rows are read once and then only the new ones: each request reads the
rows from the last key known on (one row when nothing is new). When that last row
differs from the one held (another store at the same path), everything is read again.

For each order of the group's keys a ``KeyView`` holds each key's rank in the API's
order of the groups' text (NULL first, then by the bytes of the UTF-8 text, as SQLite
orders it) and the start of its JSON object as SQLite writes it (``json_quote``), so an
answer is sorted by (count, rank) and written by joining strings. One ``KeyTexts``
serves every thread of a ``Database``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from eventwire.errors import StoreError
from eventwire.store.keyed_rollups import KeyedFamily
from eventwire.store.read.query import SqlValue

Rows = Callable[[str, list[SqlValue]], list[sqlite3.Row]]
Text = str | None
# Keys are numbered in turn; a larger jump than this is not a key table's.
_MAX_GAP = 1_000_000


@dataclass(frozen=True, slots=True)
class KeyView:
    """The keys of a family up to ``last`` in one order of its columns: each key's
    values in that order, its rank among the groups' text, and the start of its JSON
    object up to ``"n":`` (index: the key; gaps hold None, rank -1 and '')."""

    last: int
    values: list[tuple[Text, ...] | None]
    rank: npt.NDArray[np.int64]
    prefix: list[str]


@dataclass(slots=True)
class _Loaded:
    last: int = 0
    values: list[tuple[Text, ...] | None] = field(default_factory=lambda: [None])
    quoted: list[tuple[str, ...] | None] = field(default_factory=lambda: [None])
    views: dict[tuple[str, ...], KeyView] = field(default_factory=dict)


def _codes(column: list[Text]) -> npt.NDArray[np.int64]:
    """Each value's place among the column's distinct values (NULL: 0, first)."""
    ranked = {v: i for i, v in enumerate(sorted({v for v in column if v is not None}), 1)}
    return np.fromiter((0 if v is None else ranked[v] for v in column), np.int64, len(column))


def _view(loaded: _Loaded, family: KeyedFamily, order: tuple[str, ...]) -> KeyView:
    where = [family.columns.index(name) for name in order]
    values = [None if v is None else tuple(v[i] for i in where) for v in loaded.values]
    present = [i for i, v in enumerate(values) if v is not None]
    columns = [[values[i][c] for i in present] for c in range(len(order))]  # type: ignore[index]
    # lexsort sorts by its last key first.
    ranked = np.lexsort([_codes(column) for column in reversed(columns)])
    rank = np.full(len(values), -1, dtype=np.int64)
    rank[np.asarray(present, dtype=np.int64)[ranked]] = np.arange(len(present), dtype=np.int64)
    names = [json.dumps(name) for name in order]
    prefix = [""] * len(values)
    for i in present:
        quoted = loaded.quoted[i]
        assert quoted is not None
        prefix[i] = (
            "{" + "".join(f"{n}:{quoted[c]}," for n, c in zip(names, where, strict=True)) + '"n":'
        )
    return KeyView(loaded.last, values, rank, prefix)


class KeyTexts:
    """The keys of each keyed family, read once and kept (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._families: dict[str, _Loaded] = {}

    def view(self, rows: Rows, family: KeyedFamily, order: tuple[str, ...]) -> KeyView:
        """The keys of ``family`` (at least those ``rows``' snapshot holds) with their
        values in ``order`` (the family's columns in the group's order)."""
        if sorted(order) != sorted(family.columns):
            raise ValueError(f"{order} are not the columns of {family.key_table}")
        with self._lock:
            loaded = self._families.setdefault(family.name, _Loaded())
            if not self._read(rows, family, loaded):
                loaded = self._families[family.name] = _Loaded()
                self._read(rows, family, loaded)
            view = loaded.views.get(order)
            if view is None or view.last != loaded.last:
                view = loaded.views[order] = _view(loaded, family, order)
            return view

    @staticmethod
    def _read(rows: Rows, family: KeyedFamily, loaded: _Loaded) -> bool:
        """Read the keys from ``loaded.last`` on; False when the last key held is not
        the store's (nothing is added then)."""
        names = ", ".join(family.columns)
        quoted = ", ".join(f"json_quote({c})" for c in family.columns)
        found = rows(
            f"SELECT id, {names}, {quoted} FROM {family.key_table} WHERE id >= ? ORDER BY id",
            [loaded.last],
        )
        width = len(family.columns)
        if found and loaded.last:
            first = found[0]
            if (
                int(first[0]) != loaded.last
                or tuple(first[1 : 1 + width]) != (loaded.values[loaded.last])
            ):
                return False
            found = found[1:]
        for row in found:
            key = int(row[0])
            if key <= loaded.last or key > len(loaded.values) + _MAX_GAP:
                raise StoreError(f"{family.key_table}: key {key} out of order")
            gap = key - len(loaded.values)
            if gap > 0:
                loaded.values.extend([None] * gap)
                loaded.quoted.extend([None] * gap)
            values = tuple(row[1 : 1 + width])
            if not all(v is None or isinstance(v, str) for v in values):
                raise StoreError(f"{family.key_table}: key {key} holds a value that is not text")
            loaded.values.append(values)
            loaded.quoted.append(tuple(str(q) for q in row[1 + width :]))
            loaded.last = key
        return True
