"""Groups of many keys over a date range, added up from packed blobs (schema version 12).

The requests ``keyed_rollups.py`` answers (``/stats?group=dyad,type`` and the network
of countries and sectors over a range that is not one period, and over a calendar year
or month as well) are answered here when the store has the packed rollups
(``store/packed_rollups.py``): the range is cut into months and days
(``rollups.split_range``), the blob of each period is read (about 40 for a year from
the 15th: 11 months and the days at either end) and numpy adds them up over the key
space. A period whose blobs are stale (a day marked
since the last packing) is added up from its rollup rows instead, so the answer is the
same whether or not the store was packed. Then:

- ``/stats`` answers every group: sorted by count, then by the rank of the key's text
  (``key_texts.py``, kept in memory), and written as JSON by joining each key's start
  of object with its count;
- the network looks up the text of its top pairs only (those counting at least as many
  events as the ``limit``-th largest: ties are then ordered by text), and counts the
  pairs and their events over the sums.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from eventwire.errors import StoreError
from eventwire.store.keyed_rollups import KeyedFamily
from eventwire.store.packed_rollups import (
    PACKED_GRAINS,
    PACKED_TABLE,
    PERIOD_LENGTH,
    STALE_TABLE,
    unpack,
)
from eventwire.store.read.key_texts import KeyTexts, KeyView, Rows
from eventwire.store.read.query import EventQuery, SqlValue
from eventwire.store.read.results import StatsRow
from eventwire.store.read.rollups import Piece, piece_bounds, split_range

Counts = npt.NDArray[np.int64]
# The text of the counts most groups have.
_NUMBERS = [str(n) for n in range(4096)]


@dataclass(frozen=True, slots=True)
class PackedStats:
    """The groups of a ``/stats`` request in the API's order: key ids and counts, and
    the keys' view of the group's order."""

    keys: list[int]
    counts: list[int]
    view: KeyView

    def rows(self) -> list[StatsRow]:
        row = self.view.row
        return [StatsRow(row(k), n) for k, n in zip(self.keys, self.counts, strict=True)]

    def json(self) -> str:
        """The JSON objects of the groups, joined by commas (as ``stats_statement``'s)."""
        if not self.keys:
            return ""
        # Each start of object begins with the end of the one before ("},"): the pieces
        # are picked and joined at C speed, and the first one loses its "},".
        parts: list[str] = [""] * (2 * len(self.keys))
        parts[0::2] = _pick(self.view.prefix, self.keys)
        parts[0] = parts[0][2:]
        if max(self.counts) < len(_NUMBERS):
            parts[1::2] = _pick(_NUMBERS, self.counts)
        else:
            parts[1::2] = map(str, self.counts)
        parts.append("}")
        return "".join(parts)


def _pick(values: list[str], at: list[int]) -> list[str]:
    """``[values[i] for i in at]``, at C speed."""
    if len(at) == 1:
        return [values[at[0]]]
    return list(itemgetter(*at)(values))


@dataclass(frozen=True, slots=True)
class PackedPairs:
    """The top pairs (their values in the group's order, and counts, in the API's
    order) and the number of pairs and their events."""

    rows: list[tuple[tuple[str | None, ...], int]]
    pairs: int
    paired: int


def _within(period: str, piece: Piece) -> bool:
    return (piece.first is None or period >= piece.first) and (
        piece.last is None or period <= piece.last
    )


def _stale(rows: Rows, query: EventQuery) -> list[str]:
    """The stale days of the request's range."""
    sql = f"SELECT day FROM {STALE_TABLE} WHERE 1"
    params: list[SqlValue] = []
    if query.since is not None:
        sql += " AND day >= ?"
        params.append(query.since.isoformat())
    if query.until is not None:
        sql += " AND day <= ?"
        params.append(query.until.isoformat())
    return [str(row[0]) for row in rows(sql, params)]


def range_counts(rows: Rows, family: KeyedFamily, query: EventQuery, last: int) -> Counts:
    """The events of each key of ``family`` (index: the key, up to ``last``, the largest
    key of the snapshot) over the request's date range."""
    factual = "factual IN (0, 1)" if query.include_flagged else "factual = 1"
    stale_days = _stale(rows, query)
    blobs: list[str] = []
    blob_params: list[SqlValue] = []
    stale: dict[str, set[str]] = {grain: set() for grain in PACKED_GRAINS}
    for piece in split_range(query.since, query.until, PACKED_GRAINS):
        length = PERIOD_LENGTH[piece.grain]
        stale[piece.grain] |= {d[:length] for d in stale_days if _within(d[:length], piece)}
        bounds, values = piece_bounds(piece, "period")
        blob_params += [family.name, piece.grain, *values]
        blobs.append(
            f"SELECT grain, period, keys, counts FROM {PACKED_TABLE} WHERE family = ? "
            f"AND grain = ? AND {' AND '.join([factual, *bounds])}"
        )
    # The stale periods' rollup rows, one arm per grain.
    summed = [
        f"SELECT key, n FROM {family.table(grain)} WHERE {factual} "
        f"AND {grain} IN (SELECT value FROM json_each(?))"
        for grain in PACKED_GRAINS
        if stale[grain]
    ]
    summed_params: list[SqlValue] = [json.dumps(sorted(p)) for p in stale.values() if p]
    total = np.zeros(last + 1, dtype=np.int64)
    parts: list[tuple[Counts, Counts]] = []
    for row in rows(" UNION ALL ".join(blobs), blob_params):
        if str(row[1]) in stale.get(str(row[0]), ()):
            continue
        try:
            parts.append(unpack(row[2], row[3]))
        except ValueError as exc:
            raise StoreError(f"{PACKED_TABLE}: {family.name} {row[0]} {row[1]}: {exc}") from exc
    if summed:
        found = rows(
            f"SELECT key, sum(n) FROM ({' UNION ALL '.join(summed)}) GROUP BY key", summed_params
        )
        array = np.array([(int(r[0]), int(r[1])) for r in found], dtype=np.int64).reshape(-1, 2)
        parts.append((array[:, 0], array[:, 1]))
    for keys, counts in parts:
        if len(keys) and (keys.min() < 1 or keys.max() > last or counts.min() < 1):
            raise StoreError(f"{PACKED_TABLE}: {family.name}: a key or count out of range")
        # Each part holds a key once: adding by index is exact.
        total[keys] += counts
    return total


def last_key(rows: Rows, family: KeyedFamily) -> int:
    """The largest key of ``family`` in the snapshot (0: none)."""
    found = rows(f"SELECT max(id) FROM {family.key_table}", [])
    return int(found[0][0] or 0) if found else 0


def packed_stats(
    rows: Rows,
    family: KeyedFamily,
    query: EventQuery,
    order: tuple[str, ...],
    texts: KeyTexts,
    limit: int | None,
) -> PackedStats:
    """Every group of ``family`` over the request's range (at most ``limit``), by
    count, then by text in ``order`` (the group's keys)."""
    view = texts.view(rows, family, order)
    total = range_counts(rows, family, query, view.last)
    keys = np.flatnonzero(total)
    counts = total[keys]
    ordered = view.order(keys, counts)
    if limit is not None:
        ordered = ordered[:limit]
    return PackedStats(keys[ordered].tolist(), counts[ordered].tolist(), view)


def packed_top_pairs(
    rows: Rows, family: KeyedFamily, query: EventQuery, order: tuple[str, ...], limit: int
) -> PackedPairs:
    """The ``limit`` keys of ``family`` with the most events over the request's range
    (ties by their text in ``order``, the group's keys, NULL first), and the number of
    keys counted and their events."""
    total = range_counts(rows, family, query, last_key(rows, family))
    keys = np.flatnonzero(total)
    counts = total[keys]
    if len(keys) > limit:
        floor = np.partition(counts, len(counts) - limit)[len(counts) - limit]
        chosen = keys[counts >= floor]
    else:
        chosen = keys
    if sorted(order) != sorted(family.columns):
        raise ValueError(f"{order} are not the columns of {family.key_table}")
    names = ", ".join(order)
    found = rows(
        f"SELECT id, {names} FROM {family.key_table} WHERE id IN (SELECT value FROM json_each(?))",
        [f"[{','.join(str(k) for k in chosen.tolist())}]"],
    )
    width = len(order)
    texts = {int(r[0]): tuple(r[1 : 1 + width]) for r in found}
    if len(texts) != len(chosen):
        raise StoreError(f"{family.key_table}: a counted key has no text")
    top = sorted(
        ((texts[k], int(total[k])) for k in chosen.tolist()),
        key=lambda pair: (-pair[1], [(v is not None, v or "") for v in pair[0]]),
    )[:limit]
    return PackedPairs(top, len(keys), int(counts.sum()))
