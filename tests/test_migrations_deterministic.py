"""The migration scripts are the same text in every process: no set's iteration order
(which follows ``PYTHONHASHSEED``) reaches the SQL they are built from. Schema version
9's backfill once named the key columns that must be known in the order of a frozenset.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import eventwire

SOURCE = Path(eventwire.__file__).resolve().parents[1]

# Every script, and the backfills the benchmarks run on their own (``benchmarks/api.py``).
_DUMP = """
import json
from eventwire.store.keyed_rollups import KEYED_ROLLUP_BACKFILL
from eventwire.store.map_rollups import MAP_ROLLUP_BACKFILL
from eventwire.store.migrations import MIGRATIONS
from eventwire.store.rollup_sql import ROLLUP_BACKFILL

print(json.dumps({
    "migrations": list(MIGRATIONS),
    "backfills": [*ROLLUP_BACKFILL, *MAP_ROLLUP_BACKFILL, *KEYED_ROLLUP_BACKFILL],
}))
"""


def _scripts(hash_seed: int) -> dict[str, list[str]]:
    """The scripts as a fresh interpreter with ``hash_seed`` builds them."""
    path = os.pathsep.join(p for p in (str(SOURCE), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed), "PYTHONPATH": path}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP], env=env, capture_output=True, text=True, check=True
    )
    scripts: dict[str, list[str]] = json.loads(done.stdout)
    return scripts


def test_the_migration_sql_does_not_depend_on_the_hash_seed() -> None:
    # (Seeds 0 and 1 gave version 9 two different texts before its order was fixed.)
    first, second = _scripts(0), _scripts(1)
    assert len(first["migrations"]) == len(second["migrations"]) >= 12
    for kind in ("migrations", "backfills"):
        for n, (a, b) in enumerate(zip(first[kind], second[kind], strict=True), start=1):
            assert a == b, f"{kind} #{n} differs between PYTHONHASHSEED=0 and 1"
