"""The text of every integer key of a keyed family (schema version 9), held in memory
for the answers that name thousands of groups (``packed_rollups.py``).

``/stats?group=dyad,type`` over a year answers about 24,000 groups; looking their text
up in SQLite and sorting them by it took longer than adding up their counts. A key
table only grows (a key is never deleted nor changed, and a new one takes the next
integer), so its rows are read once and then only the new ones: each request reads the
rows from the last key known on (one row when nothing is new). When that row differs
from the one held (another store at the same path), everything is read again.

Held for each key: its values, each value's code (its place among the distinct values
of its column, NULL first, then by text as SQLite orders it: by the bytes of the UTF-8
text, which is the order of the code points), and, for each order of the group's keys
asked for, the start of its JSON object as SQLite writes it (``json_quote``). The
groups of an answer are then sorted by count and codes in numpy, and written by
joining strings. New keys cost only their own work, unless they bring a new distinct
value (a new country), which renumbers that column's codes in one numpy step. One
``KeyTexts`` serves every thread of a ``Database``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwire.errors import StoreError
from eventwire.store.keyed_rollups import KeyedFamily
from eventwire.store.read.query import SqlValue

Rows = Callable[[str, list[SqlValue]], list[sqlite3.Row]]
Text = str | None
Ints = npt.NDArray[np.int64]
# Keys are numbered in turn; a larger jump than this is not a key table's.
_MAX_GAP = 1_000_000
# Keys read by one statement.
_CHUNK = 20_000


@dataclass(frozen=True, slots=True)
class KeyView:
    """The keys of a family up to ``last`` for one order of its columns (index: the
    key): their values in the family's column order (None for no such key; ``present``
    False), the codes
    of each column in the group's order and how many codes each has (``widths``), and
    the start of each key's JSON object up to ``"n":``, after the end of the object
    before it (``},{...,"n":``)."""

    last: int
    values: list[tuple[Text, ...] | None]
    present: npt.NDArray[np.bool_]
    where: tuple[int, ...]
    codes: tuple[Ints, ...]
    widths: tuple[int, ...]
    prefix: list[str]

    def order(self, keys: Ints, counts: Ints) -> Ints:
        """The positions of ``keys`` sorted by ``counts`` (largest first), then by the
        text of the keys (the API's order); StoreError for a key that has none."""
        if len(keys) == 0:
            return np.zeros(0, dtype=np.int64)
        if int(keys.max()) > self.last or not self.present[keys].all():
            raise StoreError("a counted key has no text")
        span = 1
        for width in self.widths:
            span *= width
        top = int(counts.max())
        if (top + 1) * span < 2**62:
            # One integer of the count (descending) and the codes sorts once.
            composite = top - counts
            for codes, width in zip(self.codes, self.widths, strict=True):
                composite = composite * width + codes[keys]
            return np.argsort(composite, kind="stable")
        return np.lexsort([*(codes[keys] for codes in reversed(self.codes)), -counts])

    def row(self, key: int) -> tuple[Text, ...]:
        """The values of ``key`` in the group's order."""
        values = self.values[key]
        assert values is not None
        return tuple(values[i] for i in self.where)


@dataclass(slots=True)
class _Column:
    """The distinct values of one column (sorted) and each key's code (index: key)."""

    sorted: list[str] = field(default_factory=list)
    code: dict[Text, int] = field(default_factory=lambda: {None: 0})
    codes: Ints = field(default_factory=lambda: np.zeros(1, dtype=np.int64))

    def add(self, ids: Ints, values: list[Text], last: int) -> None:
        """Code the ``values`` of the keys ``ids``, the keys going up to ``last``."""
        new = {v for v in values if v is not None and v not in self.code}
        if new:
            merged = sorted([*self.sorted, *new])
            code: dict[Text, int] = {None: 0}
            code.update((v, i) for i, v in enumerate(merged, 1))
            remap = np.array([0, *(code[v] for v in self.sorted)], dtype=np.int64)
            self.codes = remap[self.codes]
            self.sorted, self.code = merged, code
        grown = np.zeros(last + 1, dtype=np.int64)
        grown[: len(self.codes)] = self.codes
        grown[ids] = np.fromiter(map(self.code.__getitem__, values), np.int64, len(values))
        self.codes = grown


@dataclass(slots=True)
class _Loaded:
    last: int = 0
    values: list[tuple[Text, ...] | None] = field(default_factory=lambda: [None])
    quoted: list[tuple[str, ...] | None] = field(default_factory=lambda: [None])
    present: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(1, dtype=np.bool_))
    columns: list[_Column] = field(default_factory=list)
    prefixes: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    def add(self, ids: list[int], keys: list[list[Any]], width: int) -> None:
        """Hold the keys ``ids`` (ascending, above ``last``): their rows ``keys`` are
        the id, the values and their JSON."""
        last = ids[-1]
        if last - self.last != len(ids):  # not numbered in turn
            gap = last + 1 - len(self.values)
            self.values.extend([None] * gap)
            self.quoted.extend([None] * gap)
            for key, row in zip(ids, keys, strict=True):
                self.values[key] = tuple(row[1 : 1 + width])
                self.quoted[key] = tuple(row[1 + width :])
        else:
            self.values.extend(tuple(row[1 : 1 + width]) for row in keys)
            self.quoted.extend(tuple(row[1 + width :]) for row in keys)
        if not self.columns:
            self.columns = [_Column() for _ in range(width)]
        at = np.asarray(ids, dtype=np.int64)
        present = np.zeros(last + 1, dtype=np.bool_)
        present[: len(self.present)] = self.present
        present[at] = True
        self.present = present
        for c, column in enumerate(self.columns):
            column.add(at, [row[1 + c] for row in keys], last)
        self.last = last


def _prefixes(loaded: _Loaded, where: tuple[int, ...], order: tuple[str, ...]) -> list[str]:
    """The starts of JSON objects of every key held, in ``order``, extended to the keys
    added since they were last asked for."""
    prefix = loaded.prefixes.setdefault(order, [""])
    if len(prefix) < len(loaded.quoted):
        pick = itemgetter(*where)
        template = (
            "},{" + "".join(f"{json.dumps(n).replace('%', '%%')}:%s," for n in order) + '"n":'
        )
        prefix.extend("" if q is None else template % pick(q) for q in loaded.quoted[len(prefix) :])
    return prefix


class KeyTexts:
    """The keys of each keyed family, read once and kept (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._families: dict[str, _Loaded] = {}

    def view(self, rows: Rows, family: KeyedFamily, order: tuple[str, ...]) -> KeyView:
        """The keys of ``family`` (at least those ``rows``' snapshot holds) for the
        group ``order`` (the family's columns in the group's order)."""
        if len(order) < 2 or sorted(order) != sorted(family.columns):
            raise ValueError(f"{order} are not the columns of {family.key_table}")
        where = tuple(family.columns.index(name) for name in order)
        with self._lock:
            loaded = self._families.setdefault(family.name, _Loaded())
            if not self._read(rows, family, loaded):
                loaded = self._families[family.name] = _Loaded()
                self._read(rows, family, loaded)
            columns = [loaded.columns[i] for i in where] if loaded.columns else []
            return KeyView(
                loaded.last,
                loaded.values,
                loaded.present,
                where,
                tuple(c.codes for c in columns),
                tuple(len(c.sorted) + 1 for c in columns),
                _prefixes(loaded, where, order),
            )

    @staticmethod
    def _read(rows: Rows, family: KeyedFamily, loaded: _Loaded) -> bool:
        """Read the keys from ``loaded.last`` on, ``_CHUNK`` at a time (what a request
        read is kept if a later part runs past its time limit); False when the last key
        held is not the store's (nothing is added then)."""
        width = len(family.columns)
        names = ", ".join(family.columns)
        # (`` || ''`` makes SQLite's JSON of a value a plain text in the array.)
        quoted = ", ".join(f"json_quote({c}) || ''" for c in family.columns)
        # One JSON text of the rows: far quicker to fetch than thousands of rows. From
        # the last key held, or the snapshot's last if that is older (another thread's
        # read may have seen more): the first row must be the one held.
        sql = (
            f"SELECT json_group_array(json_array(id, {names}, {quoted})) FROM "
            f"(SELECT * FROM {family.key_table} WHERE id >= "
            f"(SELECT min(?, coalesce(max(id), 0)) FROM {family.key_table}) ORDER BY id "
            "LIMIT ?)"
        )
        while True:
            found = rows(sql, [loaded.last, _CHUNK])
            keys: list[list[Any]] = json.loads(str(found[0][0])) if found and found[0][0] else []
            if any(len(row) != 1 + 2 * width or type(row[0]) is not int for row in keys):
                raise StoreError(f"{family.key_table}: a key of another shape")
            if not {type(v) for row in keys for v in row[1:]} <= {str, type(None)}:
                raise StoreError(f"{family.key_table}: a key's value is not text")
            complete = len(keys) < _CHUNK
            if keys and loaded.last:
                first = keys[0]
                if not 0 < first[0] <= loaded.last or (
                    tuple(first[1 : 1 + width]) != loaded.values[first[0]]
                ):
                    return False
                keys = [row for row in keys if row[0] > loaded.last]
            if not keys:
                return True
            ids = [row[0] for row in keys]
            if ids[0] <= loaded.last or any(b <= a for a, b in pairwise(ids)):
                raise StoreError(f"{family.key_table}: keys out of order")
            if ids[-1] > loaded.last + len(ids) + _MAX_GAP:
                raise StoreError(f"{family.key_table}: key {ids[-1]} far beyond the others")
            loaded.add(ids, keys, width)
            if complete:
                return True
