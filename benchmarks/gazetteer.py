"""Gazetteer costs: build time, load time, memory after load, lookups per second.

Usage::

    python benchmarks/gazetteer.py [--build] [--lookups N]

With ``--build`` the gazetteer is first built afresh into a temporary directory (what a
fresh machine pays once); otherwise the cached one is used (built if missing). Memory
is measured in a child process that only imports eventwire, opens the gazetteer and
runs the lookups: ``VmRSS`` from /proc/self/status before and after, and the peak
resident set size (VmHWM). Uncached lookups are of distinct real names taken from the
file (each reaches SQLite); cached ones cycle through a few names of mixed kinds, as an
article repeats its names, and are served by the per-process lookup cache.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = (
    "Belgrade", "Paris", "Springfield", "Nagorno-Karabakh", "Aleppo", "Texas", "Kyiv",
    "Donbas", "Gaza Strip", "São Paulo", "Cote d'Ivoire", "U.S.", "Lachin corridor",
    "Stepanakert", "Idlib", "Mosul", "Kharkiv", "Tigray", "Khartoum", "Nowhereville",
)  # fmt: skip

_CHILD = """
import json, sqlite3, sys, time
from pathlib import Path

def status_mb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")

names = json.loads(sys.argv[1])
count = int(sys.argv[2])
path = Path(sys.argv[3])
with sqlite3.connect(path) as db:  # real names to look up, each once
    keys = [k for (k,) in db.execute("SELECT key FROM name WHERE main = 1")][::7][:count]
import eventwire.gazetteer as gz
before = status_mb("VmRSS")
started = time.perf_counter()
gazetteer = gz.Gazetteer.load(path)
loaded = time.perf_counter() - started
started = time.perf_counter()
found = sum(1 for key in keys if gazetteer.candidates(key))
uncached = time.perf_counter() - started
started = time.perf_counter()
for i in range(count):
    gazetteer.candidates(names[i % len(names)])
cached = time.perf_counter() - started
print(json.dumps({"load_s": loaded, "uncached_s": uncached, "uncached_n": len(keys),
                  "found": found, "cached_s": cached, "rss_before_mb": before,
                  "rss_after_mb": status_mb("VmRSS"), "peak_mb": status_mb("VmHWM")}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="build afresh into a temp dir")
    parser.add_argument("--lookups", type=int, default=20_000)
    args = parser.parse_args()

    from eventwire.gazetteer import build_gazetteer
    from eventwire.gazetteer.build import cache_path, ensure_gazetteer

    with tempfile.TemporaryDirectory() as folder:
        if args.build:
            path = cache_path(Path(folder))
            report = build_gazetteer(path)
            print(
                f"build: {report.seconds:.1f} s, {report.entries:,} entries, "
                f"{report.names:,} names, file {path.stat().st_size / 2**20:.1f} MiB"
            )
        else:
            path = ensure_gazetteer()
            print(f"cached gazetteer: {path} ({path.stat().st_size / 2**20:.1f} MiB)")
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, json.dumps(NAMES), str(args.lookups), str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    rate_uncached = figures["uncached_n"] / figures["uncached_s"]
    rate_cached = args.lookups / figures["cached_s"]
    print(f"load: {figures['load_s'] * 1000:.1f} ms")
    print(
        f"memory: RSS {figures['rss_before_mb']:.1f} MiB after import, "
        f"{figures['rss_after_mb']:.1f} MiB after load + lookups "
        f"(gazetteer cost {figures['rss_after_mb'] - figures['rss_before_mb']:.1f} MiB), "
        f"peak {figures['peak_mb']:.1f} MiB; {figures['found']:,} of "
        f"{figures['uncached_n']:,} uncached lookups found"
    )
    print(
        f"lookups: {rate_uncached:,.0f}/s uncached ({1e6 / rate_uncached:.1f} µs each), "
        f"{rate_cached:,.0f}/s cached ({1e6 / rate_cached:.2f} µs each)"
    )
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"total {time.perf_counter() - started:.1f} s")
    sys.exit(status)
