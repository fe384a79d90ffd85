"""Memory of ``eventwire ingest`` on a big text dump: peak RSS against input size.

Usage::

    python benchmarks/memory.py [--mib 1,50] [--stages clean] [--full-articles 40]

For each size, a dump of that many MiB of generated articles (``tests/dumpgen.py``:
varied made-up prose, every kind of separator) is ingested into a fresh database by the
real command with ``--stages`` (default ``clean``: segmentation, the clean stage and
one commit per article; no spaCy), and its wall time, CPU time and peak RSS are
printed. Then the full pipeline runs on the largest dump until it has committed
``--full-articles`` articles, its RSS is read from ``/proc`` as it goes, and Ctrl-C
stops it (Linux only). The machine's load average is printed first.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from dumpgen import write_big_dump  # noqa: E402

MEASURED = """
import resource, sys
from eventwire.cli import main
try:
    main(sys.argv[1:])
finally:
    print(f"PEAK_RSS_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


# The command as a terminal runs it: Ctrl-C (SIGINT) raises KeyboardInterrupt even when
# this process was started in the background, where SIGINT is ignored and inherited.
_CTRL_C_MAIN = (
    "import signal; signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "from eventwire.cli import main; main()"
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _rss_mb(pid: int) -> float:
    found = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(found.group(1)) / 1024 if found else 0.0


def measure(dump: Path, db: Path, stages: str) -> None:
    command = [sys.executable, "-c", MEASURED, "ingest", "--quiet", "--db", str(db)]
    if stages:
        command += ["--stages", stages]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*command, str(dump)], env=_env(), capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = re.search(r"PEAK_RSS_KB (\d+)", done.stderr)
    size = dump.stat().st_size / 2**20
    print(
        f"{size:6.1f} MiB, stages {stages or 'all'}: {done.stdout.strip()}\n"
        f"        wall {wall:.1f} s, CPU {cpu:.1f} s, "
        f"peak RSS {int(peak.group(1)) / 1024 if peak else float('nan'):.0f} MB"
    )


def full_until(dump: Path, db: Path, n_articles: int) -> None:
    run = subprocess.Popen(
        [sys.executable, "-c", _CTRL_C_MAIN, "ingest", "--quiet",
         "--db", str(db), str(dump)],
        env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    samples: list[tuple[int, float]] = []
    while run.poll() is None and _stored(db) < n_articles:
        if _stored(db):
            samples.append((_stored(db), _rss_mb(run.pid)))
        time.sleep(0.5)
    samples.append((_stored(db), _rss_mb(run.pid)))
    run.send_signal(signal.SIGINT)
    out, _ = run.communicate()
    first, last = samples[0], samples[-1]
    print(
        f"full pipeline on {dump.stat().st_size / 2**20:.1f} MiB, Ctrl-C after "
        f"{last[0]} articles: RSS {first[1]:.0f} MB at article {first[0]}, "
        f"{last[1]:.0f} MB at article {last[0]} (max {max(s[1] for s in samples):.0f} MB); "
        f"{out.strip()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mib", default="1,50", help="dump sizes in MiB, comma-separated")
    parser.add_argument("--stages", default="clean", help="'' for all stages")
    parser.add_argument("--full-articles", type=int, default=40)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    sizes = [float(part) for part in args.mib.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            dump = folder / f"dump-{size:g}.txt"
            write_big_dump(dump, int(size * 2**20))
            measure(dump, folder / f"{size:g}.db", args.stages)
        if args.full_articles and Path("/proc/self/status").exists():
            full_until(folder / f"dump-{max(sizes):g}.txt", folder / "full.db", args.full_articles)


if __name__ == "__main__":
    main()
