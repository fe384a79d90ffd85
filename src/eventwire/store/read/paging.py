"""Pages of events: sort orders, keyset cursors, and the plan that reads one page.

Keyset pagination
-----------------
A page is ordered by one sort key and the event id (the tie-breaker, in the same
direction). The cursor of the next page holds the sort name, the key and the id of the
last event shown; the next page holds the events strictly after that position. New
events never shift a later page (unlike OFFSET): an event added after page 1 was read
either sorts before the cursor (and is not shown) or after it (and is shown once).

Events without a date come last in both date orders, so a date-sorted page is read in
up to two segments: the dated events, then the undated ones by id.

Reading a segment
-----------------
Two ways, because no single index serves every filter. A *walk* reads the events in
sort order through the sort index, looks at no more than a budget of them and keeps
those passing the filters: quick when the filters are not rare (``WALK_BUDGET`` events;
``COVERED_WALK_BUDGET`` when the store has the covering index of factual events by
date, as the walk then never reads a table row). When the walk finds
fewer events than the page needs, a *search* gives the full answer: SQLite finds the
candidates through the filters' own indexes (each country role and type in date order,
places, full text) and sorts them, which is quick when they are rare. Both are correct
on their own; the walk is only the first try.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import math
from dataclasses import dataclass
from datetime import date

from eventwire.store.read.query import (
    FACTUAL_DATE_INDEX,
    SQLITE_MAX_INT,
    SQLITE_MIN_INT,
    Condition,
    QueryError,
    Statement,
    Where,
    join_conditions,
)

WALK_BUDGET = 5000
COVERED_WALK_BUDGET = 20_000


@dataclass(frozen=True, slots=True)
class SortOrder:
    """One of the orders a page can be sorted in: ``column`` then id, both ``descending``
    or both ascending. ``nullable`` columns put the rows without a value last."""

    name: str
    column: str
    descending: bool
    nullable: bool


SORTS: dict[str, SortOrder] = {
    order.name: order
    for order in (
        SortOrder("-date", "date", True, True),
        SortOrder("date", "date", False, True),
        SortOrder("-confidence", "confidence", True, False),
        SortOrder("confidence", "confidence", False, False),
        SortOrder("-mentions", "num_mentions", True, False),
        SortOrder("mentions", "num_mentions", False, False),
    )
}
DEFAULT_SORT = "-date"


def sort_order(name: str) -> SortOrder:
    try:
        return SORTS[name]
    except KeyError:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {name!r}") from None


@dataclass(frozen=True, slots=True)
class Cursor:
    """The position after which the next page starts: the last event shown, by the sort
    key and id. Encoded as an opaque URL-safe string."""

    sort: str
    key: str | float | int | None
    id: int

    def encode(self) -> str:
        raw = json.dumps([self.sort, self.key, self.id], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str, order: SortOrder) -> Cursor:
        """The cursor in ``text``, checked against the page's sort; raises QueryError."""
        malformed = f"cursor {text[:40]!r} is malformed (not from a previous page)"
        try:
            padded = text + "=" * (-len(text) % 4)
            raw = base64.urlsafe_b64decode(padded.encode("ascii"))
            value = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeError, binascii.Error) as exc:
            raise QueryError(malformed) from exc
        if (
            not isinstance(value, list)
            or len(value) != 3
            or not isinstance(value[0], str)
            or type(value[2]) is not int
            or not SQLITE_MIN_INT <= value[2] <= SQLITE_MAX_INT
        ):
            raise QueryError(malformed)
        sort, key, event_id = value
        if sort != order.name:
            raise QueryError(f"cursor was made for sort={sort}, not sort={order.name}")
        if not _key_fits(key, order):
            raise QueryError(f"cursor {text[:40]!r} is malformed (bad sort key)")
        return cls(sort, key, event_id)


def _key_fits(key: object, order: SortOrder) -> bool:
    if key is None:
        return order.nullable
    if order.column == "date":
        if not isinstance(key, str):
            return False
        try:
            date.fromisoformat(key)
        except ValueError:
            return False
        return True
    if type(key) is int and not SQLITE_MIN_INT <= key <= SQLITE_MAX_INT:
        return False
    if order.column == "num_mentions":
        return type(key) is int
    if type(key) is float:
        return math.isfinite(key)
    return type(key) is int


@dataclass(frozen=True, slots=True)
class SegmentPlan:
    """How to read one segment of a page (see the module's docstring). Both statements
    select ``id`` and ``sort_key``; ``walk`` is None when there are no filters (the
    search is then itself a walk of the sort index)."""

    key: str  # the sort column, or NULL in the undated segment
    ordering: str  # e.g. "date DESC, id DESC"
    bounds: tuple[Condition, ...]  # the segment and the cursor
    where: Where
    use_arms: bool
    budget: int = WALK_BUDGET

    @property
    def walk_first(self) -> bool:
        """Whether to try the walk before the search: not when the search reads the
        arms' indexes in date order (then it is the quicker of the two)."""
        return bool(self.where.filters) and not self.use_arms

    def _outer_ordering(self) -> str:
        return self.ordering if self.key == "NULL" else self.ordering.replace(self.key, "sort_key")

    def walk(self, limit: int) -> Statement | None:
        """At most ``limit`` events passing the filters among the next ``budget``."""
        if not self.where.filters:
            return None
        ranged_sql, ranged_params = join_conditions([*self.where.ranged, *self.bounds])
        filters = [Condition(c.walk_sql or c.sql, c.params, c.columns) for c in self.where.filters]
        filter_sql, filter_params = join_conditions(filters)
        columns = sorted({col for c in filters for col in c.columns} - {"id"})
        projected = "".join(f", {col}" for col in columns)
        # The filters are applied by the outer WHERE, which stops at the first false
        # condition (a SELECT-list expression would evaluate every part of it). The
        # outer query has no ORDER BY of its own, so it stops at the ``limit``-th match
        # instead of testing every event of the budget (a text filter costs several
        # microseconds an event): SQLite hands on the rows of an ordered subquery in its
        # order, and ``in_order`` checks that they came so.
        sql = (
            f"SELECT id, sort_key FROM ("
            f"SELECT id, {self.key} AS sort_key{projected} FROM events "
            f"WHERE {ranged_sql} ORDER BY {self.ordering} LIMIT {self.budget:d}"
            f") AS events WHERE {filter_sql} LIMIT {limit:d}"
        )
        return Statement(sql, [*ranged_params, *filter_params])

    def search(self, limit: int) -> Statement:
        """The first ``limit`` events passing every condition, in order."""
        conditions = [*self.where.ranged, *self.bounds, *self.where.filters]
        select = f"SELECT id, {self.key} AS sort_key FROM events"
        if not self.where.filters or not self.use_arms:
            where_sql, params = join_conditions(conditions)
            ordering = self.ordering
            if self.where.filters:
                # The unary + keeps SQLite from walking the sort index again: it must
                # find the candidates through the filters and sort them.
                ordering = ", ".join(f"+{part}" for part in self.ordering.split(", "))
            return Statement(
                f"{select} WHERE {where_sql} ORDER BY {ordering} LIMIT {limit:d}", params
            )
        arms: list[str] = []
        params = []
        for arm in self.where.arms:
            arm_sql, arm_params = join_conditions([arm, *conditions])
            arms.append(
                f"SELECT * FROM ({select} WHERE {arm_sql} ORDER BY {self.ordering} LIMIT {limit:d})"
            )
            params += arm_params
        sql = (
            f"SELECT id, sort_key FROM ({' UNION '.join(arms)}) "
            f"ORDER BY {self._outer_ordering()} LIMIT {limit:d}"
        )
        return Statement(sql, params)


def in_order(keyed: list[tuple[int, str | float | int | None]], order: SortOrder) -> bool:
    """Whether (id, sort key) pairs of one segment come in ``order`` (keys, then ids; a
    segment's keys are all given or all None)."""
    positions = [(key is None, key, event_id) for event_id, key in keyed]
    pairs = itertools.pairwise(positions)
    if order.descending:
        return all(_after(b, a) for a, b in pairs)
    return all(_after(a, b) for a, b in pairs)


def _after(first: tuple[bool, object, int], second: tuple[bool, object, int]) -> bool:
    """Whether ``second`` sorts strictly after ``first`` in ascending order."""
    if first[0] or second[0]:  # the undated segment: by id alone
        return second[2] > first[2]
    return (second[1], second[2]) > (first[1], first[2])


def page_plan(
    where: Where,
    order: SortOrder,
    cursor: Cursor | None,
    *,
    rare_text: bool = False,
    indexes: frozenset[str] = frozenset(),
) -> list[SegmentPlan]:
    """The plans of the segments of one page, in order: the caller reads them one after
    the other until it has the rows it needs. With ``rare_text`` (a text filter that
    few articles match) the search starts from the text matches, not from the arms.
    ``indexes`` are the store's index names."""
    direction = "DESC" if order.descending else "ASC"
    compare = "<" if order.descending else ">"
    column = order.column
    use_arms = bool(where.arms) and column == "date" and not rare_text
    covered = column == "date" and where.factual and FACTUAL_DATE_INDEX in indexes
    budget = COVERED_WALK_BUDGET if covered else WALK_BUDGET
    plans: list[SegmentPlan] = []
    in_null_segment = cursor is not None and cursor.key is None
    if not in_null_segment:
        bounds = [Condition(f"{column} IS NOT NULL")] if order.nullable else []
        if cursor is not None:
            bounds.append(Condition(f"({column}, id) {compare} (?, ?)", (cursor.key, cursor.id)))
        ordering = f"{column} {direction}, id {direction}"
        plans.append(SegmentPlan(column, ordering, tuple(bounds), where, use_arms, budget))
    if order.nullable:
        bounds = [Condition(f"{column} IS NULL")]
        if in_null_segment and cursor is not None:
            bounds.append(Condition(f"id {compare} ?", (cursor.id,)))
        plans.append(SegmentPlan("NULL", f"id {direction}", tuple(bounds), where, use_arms, budget))
    return plans
