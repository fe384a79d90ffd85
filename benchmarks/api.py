"""REST API latency on a large synthetic store.

Usage::

    python benchmarks/api.py [--events 1000000] [--db PATH] [--repeat 40] [--no-extra-indexes]

Builds (once; reused when ``--db`` names a store of the same size) a store of N
synthetic events (``synthstore.py``: skewed types, countries and sectors, real city
coordinates, five years of dates, several articles for a tenth of the events).

Then it times typical requests through the app in-process with FastAPI's
``TestClient`` (so each figure includes routing, validation and JSON encoding, not the
network), each request repeated with varied parameters after a warm-up, and prints
p50/p95/max latency in milliseconds as a Markdown table, with the process's CPU time per
request beside it (which other programs' load on the machine does not inflate).

The schema (version 2) creates the API's indexes (``EXTRA_INDEXES`` in ``synthstore.py``, repeated
here so a store built by an older eventwire gets them too); ``--no-extra-indexes``
drops them, to show what they buy. ``ANALYZE`` is run either way. The rollup tables
(``event_counts_*``, which answer ``/stats`` and ``/events/count``) are filled after the
bulk load by the same ``INSERT ... SELECT`` statements as the migration to version 2.

The target is a p95 of at most 50 ms (``TARGET_MS``). Under the table, each request
above it is listed with the reason (``WHY_SLOW``). In short, on the 1,000,000-event
store (2 cores), what stays above it is bound by the size of its answer or of its
matches, not by the plan:

- (no longer: ``/stats?group=dyad,type`` over a year and ``group=day,type`` for a big
  country over five years answer 23,000-29,000 rows, about 2 MB of JSON. Since schema
  version 6 their rows are read in the order of the answer -- by count from the
  ``*_top`` indexes, by day from the key index with the undated rows read apart -- and
  SQLite joins the JSON objects into one string, so nothing is sorted and Python
  fetches one value: 15-20 ms of CPU, 60-150 ms before.)
- a text query with a word in most articles (``police`` is in 132,854 of 174,743)
  builds the set of matching articles in full, about 40 ms, so that the answer stays
  exact; a cap (the most recent N matching articles) would cut it to ~20 ms at the
  price of exactness, and is not made.
- ``near`` and ``q`` with a place name sit around 50 ms at p95: a circle where the
  walk of the latest 20,000 events finds too few is searched through the index of
  places, which reads every event in the circle's band of latitudes; a place name
  matches a few thousand articles whose events (~20,000) are all read and sorted.
"""

from __future__ import annotations

import argparse
import math
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from eventwire.api import create_app

# The store builder beside this script (also when a test loads the script by its path).
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthstore import DAYS, EXTRA_INDEXES, START, TYPES, build_store

# --- measuring ---------------------------------------------------------------------------


TARGET_MS = 50.0
# Why a request may stay above the target (printed under the table when it does).
WHY_SLOW = {
    "near + radius_km=100": "when the walk of the latest events finds too few in the circle, "
    "the search reads every event in its band of latitudes",
    "text query q (a place name)": "every event of the few thousand matching articles is "
    "read and sorted by date",
    "text query q (a common word)": "the set of matching articles (most of them) is built in "
    "full so that the answer is exact; no cap",
    "/stats group=day,type, one country": "a big country over five years is ~29,000 rows of "
    "answer (day x type)",
    "/stats group=dyad,type, one year": "a year is ~26,000 rows of answer (dyad x type)",
    "/stats group=dyad,type, a year from mid-month": "~40 packed blobs (eleven months and "
    "the days at both ends; ~70,000 keys) are added up in numpy into ~24,000 groups, sorted "
    "and written as JSON (a stale period: its keyed rollup rows)",
    "/map/pairs (top 15) of countries and sectors, a year from mid-month": "~40 packed "
    "blobs (~63,000 keys) are added up in numpy into ~35,000 pairs (a stale period: its "
    "keyed rollup rows)",
    "/stats group=dyad, one year": "a year is ~7,700 rows of answer (dyads)",
    "/stats group=day,type, one year": "a year is ~5,800 rows of answer (day x type)",
}


@dataclass(frozen=True, slots=True)
class Probe:
    name: str
    urls: Callable[[random.Random], str]


def probes(conn: sqlite3.Connection, client: TestClient) -> list[Probe]:
    """The requests to time, with parameters drawn from the store itself."""
    top_countries = [
        str(c)
        for (c,) in conn.execute(
            "SELECT actor_country FROM events WHERE actor_country IS NOT NULL "
            "GROUP BY actor_country ORDER BY count(*) DESC LIMIT 20"
        )
    ]
    types = list(TYPES)[:8]
    roles = ("actor", "recipient")
    # The sectors of the most events (each a tenth to a third of them).
    sectors = [
        str(s)
        for (s,) in conn.execute(
            "SELECT actor_sector FROM events WHERE id < 50000 AND actor_sector IS NOT NULL "
            "GROUP BY actor_sector ORDER BY count(*) DESC LIMIT 4"
        )
    ]
    # The place countries (ISO alpha-2) with the most events, for their regions.
    top_places = [
        str(c)
        for (c,) in conn.execute(
            "SELECT place_country_code FROM events WHERE id < 50000 AND place_country_code "
            "IS NOT NULL GROUP BY place_country_code ORDER BY count(*) DESC LIMIT 10"
        )
    ]
    alpha3 = {p: a for p, a in conn.execute(
        "SELECT place_country_code, actor_country FROM events WHERE id < 50000 "
        "AND place_country_code IS NOT NULL AND actor_country IS NOT NULL "
        "GROUP BY place_country_code"
    )}  # fmt: skip
    for place in top_places:  # the regions' shapes are built once per country, untimed
        client.get(f"/map/regions?area={place}").raise_for_status()
    max_id = int(conn.execute("SELECT max(id) FROM events").fetchone()[0])
    boxes = []
    for country in top_countries[:10]:
        row = conn.execute(
            "SELECT min(place_lon), min(place_lat), max(place_lon), max(place_lat) FROM events "
            "WHERE id < 20000 AND actor_country = ? AND place_lat IS NOT NULL",
            (country,),
        ).fetchone()
        if row[0] is not None:
            boxes.append(",".join(f"{v:.3f}" for v in row))
    places = [
        (str(name), float(lat), float(lon))
        for name, lat, lon in conn.execute(
            "SELECT place_name, avg(place_lat), avg(place_lon) FROM events WHERE id < 50000 "
            "AND place_name IS NOT NULL GROUP BY place_name ORDER BY count(*) DESC LIMIT 200"
        )
    ]
    words = [name for name, _, _ in places[50:200] if " " not in name and name.isalpha()]
    first = client.get("/events", params={"limit": 100}).json()
    cursors = [first["next_cursor"]]
    for _ in range(20):
        page = client.get("/events", params={"limit": 100, "cursor": cursors[-1]}).json()
        cursors.append(page["next_cursor"])

    def month(rng: random.Random) -> tuple[str, str]:
        start = START + timedelta(days=rng.randrange(0, DAYS - 31))
        return start.isoformat(), (start + timedelta(days=30)).isoformat()

    def twelve_months(rng: random.Random) -> tuple[str, str]:
        start = date(rng.choice((2020, 2021, 2022, 2023)), rng.randint(1, 12), 15)
        end = date(start.year + 1, start.month, 14)
        return start.isoformat(), end.isoformat()

    def year(rng: random.Random) -> tuple[str, str]:
        y = rng.choice((2020, 2021, 2022, 2023, 2024))
        return f"{y}-01-01", f"{y}-12-31"

    return [
        Probe("latest events page (limit 100)", lambda r: "/events?limit=100"),
        Probe(
            "type + country",
            lambda r: f"/events?type={r.choice(types)}&country={r.choice(top_countries)}",
        ),
        Probe("date range (one month)", lambda r: "/events?since={}&until={}".format(*month(r))),
        Probe("bbox (a country's extent)", lambda r: f"/events?bbox={r.choice(boxes)}"),
        Probe(
            "near + radius_km=100",
            lambda r: "/events?near={1:.4f},{2:.4f}&radius_km=100".format(*r.choice(places)),
        ),
        Probe("text query q (a place name)", lambda r: f"/events?q={r.choice(words)}"),
        Probe("sort=-mentions, one type", lambda r: (
            f"/events?sort=-mentions&type={r.choice(types)}"
        )),
        Probe("text query q (a common word)", lambda r: "/events?q=police"),
        Probe(
            "next page via cursor (pages 2-21)",
            lambda r: f"/events?limit=100&cursor={r.choice(cursors)}",
        ),
        Probe("/events/count type + country", lambda r: (
            f"/events/count?type={r.choice(types)}&country={r.choice(top_countries)}"
        )),
        Probe("/events/count, all factual", lambda r: "/events/count"),
        Probe("/stats group=type, one year", lambda r: (
            "/stats?group=type&since={}&until={}".format(*year(r))
        )),
        Probe("/stats group=month, all time", lambda r: "/stats?group=month"),
        Probe("/stats group=day, one year", lambda r: "/stats?group=day&since={}&until={}".format(
            *year(r)
        )),
        Probe("/stats group=day,type, one year", lambda r: (
            "/stats?group=day,type&since={}&until={}".format(*year(r))
        )),
        Probe("/stats group=dyad, one year", lambda r: (
            "/stats?group=dyad&since={}&until={}".format(*year(r))
        )),
        Probe("/stats group=dyad, one country", lambda r: (
            f"/stats?group=dyad&country={r.choice(top_countries)}"
        )),
        # What the dashboard asks on every change of its filters (here: a country).
        Probe("/events/count, one country, one year", lambda r: (
            "/events/count?country={}&since={}&until={}".format(r.choice(top_countries), *year(r))
        )),
        Probe("/stats group=day,type, one country", lambda r: (
            f"/stats?group=day,type&country={r.choice(top_countries)}"
        )),
        Probe("/stats group=dyad,type, one country", lambda r: (
            f"/stats?group=dyad,type&country={r.choice(top_countries)}"
        )),
        Probe("/stats group=dyad,type, one year", lambda r: (
            "/stats?group=dyad,type&since={}&until={}".format(*year(r))
        )),
        Probe("/stats group=dyad,type, a year from mid-month", lambda r: (
            "/stats?group=dyad,type&since={}&until={}".format(*twelve_months(r))
        )),
        # Every /stats group on its own, over all time.
        *(
            Probe(f"/stats group={g}, all time", lambda r, g=g: f"/stats?group={g}")
            for g in ("day", "year", "type", "mode", "actor_country", "recipient_country",
                      "actor_sector", "recipient_sector", "dyad")
        ),
        Probe("/stats group=actor_sector, one country", lambda r: (
            f"/stats?group=actor_sector&actor_country={r.choice(top_countries)}"
        )),
        Probe("/stats group=month,type, all time", lambda r: "/stats?group=month,type"),
        # The dashboard's aggregates (/map/...), as it asks them.
        Probe("/map/summary, all", lambda r: "/map/summary"),
        Probe("/map/summary, one country", lambda r: (
            f"/map/summary?country={r.choice(top_countries)}"
        )),
        Probe("/map/summary, a type, a month", lambda r: (
            "/map/summary?type={}&since={}&until={}".format(r.choice(types), *month(r))
        )),
        Probe("/map/series by month, all", lambda r: "/map/series?grain=month"),
        Probe("/map/series by month, one country", lambda r: (
            f"/map/series?grain=month&country={r.choice(top_countries)}"
        )),
        Probe("/map/series by day, a month", lambda r: (
            "/map/series?grain=day&since={}&until={}".format(*month(r))
        )),
        Probe("/map/areas, all", lambda r: "/map/areas"),
        Probe("/map/areas, a year and a type", lambda r: (
            "/map/areas?type={}&since={}&until={}".format(r.choice(types), *year(r))
        )),
        Probe("/map/areas, one country", lambda r: f"/map/areas?country={r.choice(top_countries)}"),
        # A sector of the actor or the recipient (the rollups by sector, version 11).
        Probe("/map/areas, one sector", lambda r: (
            f"/map/areas?{r.choice(roles)}_sector={r.choice(sectors)}"
        )),
        Probe("/map/summary, one sector, a year from mid-month", lambda r: (
            "/map/summary?{}_sector={}&since={}&until={}".format(
                r.choice(roles), r.choice(sectors), *twelve_months(r)
            )
        )),
        Probe("/map/series by month, one sector", lambda r: (
            f"/map/series?grain=month&{r.choice(roles)}_sector={r.choice(sectors)}"
        )),
        Probe("/map/cells level 1, one sector", lambda r: (
            f"/map/cells?level=1&{r.choice(roles)}_sector={r.choice(sectors)}"
        )),
        Probe("/map/cells level 1, the world", lambda r: "/map/cells?level=1"),
        Probe("/map/cells level 1, a month", lambda r: (
            "/map/cells?level=1&since={}&until={}".format(*month(r))
        )),
        Probe("/map/cells level 2, a country's box", lambda r: (
            f"/map/cells?level=2&view={r.choice(boxes)}"
        )),
        Probe("/map/cells level 3, 4 degrees", lambda r: (
            "/map/cells?level=3&view={1:.3f},{0:.3f},{3:.3f},{2:.3f}".format(
                *(lambda p: (
                    max(-90, p[1] - 2), max(-180, p[2] - 2), min(90, p[1] + 2), min(180, p[2] + 2)
                ))(r.choice(places))
            )
        )),
        Probe("/map/cells level 1, one country", lambda r: (
            f"/map/cells?level=1&country={r.choice(top_countries)}"
        )),
        # One country's first-level regions (the events of a busy place country).
        Probe("/map/admin1, a busy country", lambda r: (
            f"/map/admin1?area={r.choice(top_places)}"
        )),
        Probe("/map/admin1, a country, a year and a type", lambda r: (
            "/map/admin1?area={}&type={}&since={}&until={}".format(
                r.choice(top_places), r.choice(types), *year(r)
            )
        )),
        Probe("/map/admin1, a country, a year from mid-month", lambda r: (
            "/map/admin1?area={}&since={}&until={}".format(r.choice(top_places), *twelve_months(r))
        )),
        Probe("/map/admin1, a country, a month", lambda r: (
            "/map/admin1?area={}&since={}&until={}".format(r.choice(top_places), *month(r))
        )),
        Probe("/map/admin1, a country filtered by its own actor country", lambda r: (
            (lambda p: f"/map/admin1?area={p}&country={alpha3[p]}")(r.choice(top_places))
        )),
        Probe("/map/admin1, a country and an actor sector (from an index)", lambda r: (
            f"/map/admin1?area={r.choice(top_places)}&actor_sector=MIL"
        )),
        Probe("/map/regions (shapes, cached)", lambda r: (
            f"/map/regions?area={r.choice(top_places)}"
        )),
        Probe("/map/pairs (top 15), all", lambda r: "/map/pairs"),
        Probe("/map/pairs (top 15) of countries and sectors, all", lambda r: (
            "/map/pairs?nodes=sector"
        )),
        Probe("/map/pairs (top 15) of countries and sectors, one year", lambda r: (
            "/map/pairs?nodes=sector&since={}&until={}".format(*year(r))
        )),
        Probe("/map/pairs (top 15) of countries and sectors, a year from mid-month", lambda r: (
            "/map/pairs?nodes=sector&since={}&until={}".format(*twelve_months(r))
        )),
        Probe("/map/pairs (top 15), one year", lambda r: (
            "/map/pairs?since={}&until={}".format(*year(r))
        )),
        Probe("/map/countries, /map/sources", lambda r: (
            r.choice(("/map/countries", "/map/sources"))
        )),
        Probe("/events/{id}", lambda r: f"/events/{r.randint(1, max_id)}"),
        Probe("/articles/{id}", lambda r: f"/articles/{r.randint(1, max_id // 10)}"),
        Probe("/search q (a place name)", lambda r: f"/search?q={r.choice(words)}"),
    ]  # fmt: skip


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(0, math.ceil(q * len(ordered)) - 1)
    return ordered[rank]


@dataclass(frozen=True, slots=True)
class Timing:
    wall_ms: float  # latency as the client sees it
    cpu_ms: float  # CPU time of the process meanwhile (unmoved by other programs' load)


def measure(client: TestClient, probe: Probe, repeat: int, rng: random.Random) -> list[Timing]:
    for _ in range(3):  # warm-up
        client.get(probe.urls(rng)).raise_for_status()
    timings: list[Timing] = []
    for _ in range(repeat):
        url = probe.urls(rng)
        cpu = time.process_time()
        started = time.perf_counter()
        response = client.get(url)
        timings.append(
            Timing((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
        )
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")
    return timings


def run(db: Path, repeat: int, extra_indexes: bool, only: str | None = None) -> None:
    with sqlite3.connect(db) as conn:
        started = time.perf_counter()
        for statement in EXTRA_INDEXES:
            if extra_indexes:
                conn.execute(statement)
            else:
                name = statement.split(" EXISTS ")[1].split()[0]
                conn.execute(f"DROP INDEX IF EXISTS {name}")
        conn.execute("ANALYZE")
        print(f"indexes ready in {time.perf_counter() - started:.1f} s")
    rng = random.Random(11)
    with TestClient(create_app(str(db))) as client, sqlite3.connect(db) as conn:
        health = client.get("/health").json()
        print(f"\nstore: {health['events']:,} events, {health['articles']:,} articles")
        print(f"extra indexes: {'yes' if extra_indexes else 'no'}; {repeat} requests each\n")
        print("| request | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        slow: list[str] = []
        for probe in probes(conn, client):
            if only is not None and only not in probe.name:
                continue
            timings = measure(client, probe, repeat, rng)
            wall = [t.wall_ms for t in timings]
            cpu = [t.cpu_ms for t in timings]
            print(
                f"| {probe.name} | {statistics.median(wall):.1f} | "
                f"{percentile(wall, 0.95):.1f} | {max(wall):.1f} | "
                f"{statistics.median(cpu):.1f} | {percentile(cpu, 0.95):.1f} |",
                flush=True,
            )
            if percentile(wall, 0.95) > TARGET_MS:
                slow.append(f"- {probe.name}: {WHY_SLOW.get(probe.name, 'see the docstring')}")
        if slow:
            print(f"\nAbove {TARGET_MS:g} ms at p95:")
            print("\n".join(slow))


def stored_events(db: Path) -> int | None:
    """The number of events of a benchmark store at ``db``; None for anything else."""
    if not db.is_file():
        return None
    try:
        with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as conn:
            first = conn.execute("SELECT origin FROM articles ORDER BY id LIMIT 1").fetchone()
            if first is None or not str(first[0]).startswith("synthetic/"):
                return None
            return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.Error:
        return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="store to build or reuse (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--no-extra-indexes", action="store_true")
    parser.add_argument("--only", help="time only the requests whose name holds this text")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        db: Path = args.db or Path(tmp) / "bench.db"
        have = stored_events(db)
        if have != args.events:
            if db.exists():
                if have is None:
                    raise SystemExit(f"{db}: exists and is not a benchmark store; not touched")
                print(f"{db}: holds {have:,} events, not {args.events:,}; rebuilding")
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
            build_store(db, args.events)
        else:
            print(f"{db}: reusing the store of {have:,} events")
        run(db, args.repeat, not args.no_extra_indexes, args.only)


if __name__ == "__main__":
    sys.exit(main())
