"""The approximate first-level regions of a country (``region_shapes.py``), built from
the gazetteer once per machine and kept as JSON beside the gazetteer file (the file
name holds the gazetteer's and the builder's versions, so either change builds anew),
and in memory for the process (``lru_cache``).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.gazetteer.lookup import Gazetteer
from eventwire.gazetteer.region_shapes import (
    GRID_CELLS,
    RegionMap,
    RegionShape,
    Seed,
    build_regions,
)

log = logging.getLogger(__name__)

# Bump when the shapes built change (the cached files of other versions are ignored).
SHAPES_VERSION = 1


def cache_file(gazetteer: Gazetteer, code: str) -> Path:
    """Where the regions of ``code`` (ISO alpha-2, checked by the caller) are kept."""
    name = f"{gazetteer.path.stem}-regions-v{SHAPES_VERSION}-g{GRID_CELLS}-{code.upper()}.json"
    return gazetteer.path.parent / name


def _to_json(regions: RegionMap) -> dict[str, Any]:
    return {
        "cell_degrees": regions.cell_degrees,
        "box": list(regions.box),
        "regions": [
            {"admin1": r.admin1, "seeds": r.seeds, "rings": [list(map(list, g)) for g in r.rings]}
            for r in regions.regions
        ],
    }


def _from_json(data: dict[str, Any]) -> RegionMap:
    box = tuple(float(v) for v in data["box"])
    return RegionMap(
        tuple(
            RegionShape(
                str(r["admin1"]),
                tuple(tuple((float(p[0]), float(p[1])) for p in ring) for ring in r["rings"]),
                int(r["seeds"]),
            )
            for r in data["regions"]
        ),
        float(data["cell_degrees"]),
        (box[0], box[1], box[2], box[3]),
    )


def _read(path: Path) -> RegionMap | None:
    try:
        with path.open(encoding="utf-8") as handle:
            return _from_json(json.load(handle))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        log.warning("%s: unreadable cached regions (%s); building them again", path, exc)
        return None


def _write(path: Path, regions: RegionMap) -> None:
    """Write atomically (a temporary file renamed); a cache that cannot be written is
    only logged: the regions are built again next time."""
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(_to_json(regions), out, separators=(",", ":"))
        Path(temp).replace(path)
    except OSError as exc:
        log.warning("%s: cannot cache the regions (%s)", path, exc)


@lru_cache(maxsize=64)
def country_regions(code: str, gazetteer_path: Path | None = None) -> RegionMap:
    """The approximate first-level regions of the country with ISO alpha-2 ``code``
    (no regions when the gazetteer knows none of its towns' regions)."""
    gazetteer = Gazetteer.load(gazetteer_path)
    path = cache_file(gazetteer, code)
    cached = _read(path)
    if cached is not None:
        return cached
    seeds = [Seed(lat, lon, name) for lat, lon, name in gazetteer.region_seeds(code)]
    regions = build_regions(seeds)
    _write(path, regions)
    return regions
