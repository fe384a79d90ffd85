"""Approximate shapes of a country's first-level regions, built from the gazetteer's towns.

No package the project can use ships the polygons of states and provinces, but the
gazetteer knows, for every town (and second-level region), the first-level region it
lies in, by the same name that ``events.place_admin1`` holds. So a country's regions are
drawn as the areas nearest to their towns:

1. a grid of square cells (``GRID_CELLS`` along the longer side, at least
   ``MIN_CELL_DEGREES``) covers the box of the country's towns, widened by a margin
   (``MARGIN_*``) so that land beyond the outermost towns is covered too;
2. each cell takes the region of the town nearest to its centre (a k-d tree over
   longitudes scaled by the cosine of the country's middle latitude);
3. the cells of each region are joined into rings: every cell edge between two cells of
   different regions (or at the grid's border) is a boundary edge, directed so that its
   region lies on the left; the edges are chained into closed rings (outer rings
   counter-clockwise, holes clockwise: an enclave such as a capital district);
4. the cells' staircases are smoothed by cutting every corner at the middles of its two
   edges, except at the points where three regions meet (or two meet diagonally, or on
   the grid's border), which stay; both neighbours of a border cut it alike, so the regions still
   tile the box without gaps or overlaps; points on a straight line are dropped.

The shapes cover sea and neighbouring countries too: the dashboard clips them to the
country's outline. A region is only as exact as its towns are dense: borders run half
way between the towns of two regions, not along the true border (rivers, ridges).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

# The grid's cells along the longer side of the box, and the finest cell (degrees).
GRID_CELLS = 320
MIN_CELL_DEGREES = 0.02
# The box of the towns is widened by this share of its size, and at least these degrees.
MARGIN_SHARE = 0.15
MARGIN_DEGREES = 1.5

_OUTSIDE = -1  # the label of the cells beyond the grid

Point = tuple[float, float]  # (longitude, latitude)


@dataclass(frozen=True, slots=True)
class Seed:
    """A town (or the centre of a region) and the first-level region it lies in."""

    lat: float
    lon: float
    admin1: str


@dataclass(frozen=True, slots=True)
class RegionShape:
    """One first-level region: its closed rings of (longitude, latitude) points (first
    point repeated last; outer rings counter-clockwise, holes clockwise) and how many
    seeds (towns) drew it."""

    admin1: str
    rings: tuple[tuple[Point, ...], ...]
    seeds: int


@dataclass(frozen=True, slots=True)
class RegionMap:
    """The regions of one country, and the grid they were built on."""

    regions: tuple[RegionShape, ...]
    cell_degrees: float
    box: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


@dataclass(frozen=True, slots=True)
class Grid:
    """Cells labelled by region (``labels[row, column]``, row 0 in the south; the
    label indexes ``names``), with the lower left corner of the grid and the cell size."""

    labels: np.ndarray
    names: tuple[str, ...]
    lon0: float
    lat0: float
    cell: float


def grid_box(seeds: list[Seed]) -> tuple[float, float, float, float]:
    """The box of the seeds, widened by the margin and kept on the globe."""
    lons = [s.lon for s in seeds]
    lats = [s.lat for s in seeds]
    span = max(max(lons) - min(lons), max(lats) - min(lats))
    pad = max(MARGIN_DEGREES, MARGIN_SHARE * span)
    return (
        max(-180.0, min(lons) - pad),
        max(-90.0, min(lats) - pad),
        min(180.0, max(lons) + pad),
        min(90.0, max(lats) + pad),
    )


def label_grid(seeds: list[Seed], box: tuple[float, float, float, float], cell: float) -> Grid:
    """Each cell of ``cell`` degrees over ``box`` labelled with the region of the seed
    nearest to its centre."""
    if not seeds:
        raise ValueError("no seeds to build regions from")
    names = tuple(sorted({s.admin1 for s in seeds}))
    index = {name: i for i, name in enumerate(names)}
    lon0, lat0, lon1, lat1 = box
    columns = max(1, math.ceil((lon1 - lon0) / cell - 1e-9))
    rows = max(1, math.ceil((lat1 - lat0) / cell - 1e-9))
    scale = math.cos(math.radians((lat0 + lat1) / 2))
    points = np.array([[s.lon * scale, s.lat] for s in seeds], dtype=float)
    tree = cKDTree(points)
    xs = (lon0 + (np.arange(columns) + 0.5) * cell) * scale
    ys = lat0 + (np.arange(rows) + 0.5) * cell
    gx, gy = np.meshgrid(xs, ys)
    _, nearest = tree.query(np.column_stack([gx.ravel(), gy.ravel()]))
    seed_labels = np.array([index[s.admin1] for s in seeds], dtype=np.int32)
    labels = seed_labels[np.asarray(nearest)].reshape(rows, columns)
    return Grid(labels, names, lon0, lat0, cell)


def _padded(labels: np.ndarray) -> np.ndarray:
    return np.pad(labels, 1, constant_values=_OUTSIDE)


def boundary_edges(labels: np.ndarray, label: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The directed edges (from vertex, to vertex; vertex (x, y) is the corner at column
    x, row y) between the cells of ``label`` and the others, the region on the left."""
    p = _padded(labels)
    inside = p[1:-1, 1:-1] == label
    edges: list[tuple[tuple[int, int], tuple[int, int]]] = []
    # Below differs: the bottom edge, west to east.
    for i, j in zip(*np.nonzero(inside & (p[:-2, 1:-1] != label)), strict=True):
        edges.append(((int(j), int(i)), (int(j) + 1, int(i))))
    # Above differs: the top edge, east to west.
    for i, j in zip(*np.nonzero(inside & (p[2:, 1:-1] != label)), strict=True):
        edges.append(((int(j) + 1, int(i) + 1), (int(j), int(i) + 1)))
    # West differs: the left edge, north to south.
    for i, j in zip(*np.nonzero(inside & (p[1:-1, :-2] != label)), strict=True):
        edges.append(((int(j), int(i) + 1), (int(j), int(i))))
    # East differs: the right edge, south to north.
    for i, j in zip(*np.nonzero(inside & (p[1:-1, 2:] != label)), strict=True):
        edges.append(((int(j) + 1, int(i)), (int(j) + 1, int(i) + 1)))
    return edges


def _turn(a: tuple[int, int], b: tuple[int, int], c: tuple[int, int]) -> int:
    """Cross product of (b - a) and (c - b): > 0 a left turn, < 0 a right one."""
    return (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])


Vertex = tuple[int, int]


def chain_rings(edges: list[tuple[Vertex, Vertex]]) -> list[list[Vertex]]:
    """The directed edges chained into closed rings (each edge used once; the last
    vertex of a ring is not repeated). Where two rings of the region touch at a corner,
    the right turn is taken, so rings touch there but do not cross."""
    outgoing: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for start, end in edges:
        outgoing[start].append(end)
    rings: list[list[tuple[int, int]]] = []
    for start in sorted(outgoing):
        while outgoing[start]:
            ring = [start]
            current = outgoing[start].pop()
            previous = start
            while current != start:
                ring.append(current)
                options = outgoing[current]
                # Of two ways on (a corner where the region touches itself), the
                # rightmost turn.
                turns = [_turn(previous, current, option) for option in options]
                nxt = options.pop(turns.index(min(turns)))
                previous, current = current, nxt
            rings.append(ring)
    return rings


def fixed_vertices(labels: np.ndarray) -> np.ndarray:
    """Whether each grid vertex (``[y, x]``, one more than the cells each way) stays put
    in smoothing: three or more regions meet there, or two meet diagonally, or it is on
    the grid's border."""
    p = _padded(labels)
    a, b = p[:-1, :-1], p[:-1, 1:]  # the cells south-west and south-east of the vertex
    c, d = p[1:, :-1], p[1:, 1:]  # north-west and north-east
    distinct = 1 + (b != a) + ((c != a) & (c != b)) + ((d != a) & (d != b) & (d != c))
    diagonal = (a == d) & (b == c) & (a != b)
    fixed = np.asarray((distinct >= 3) | diagonal)
    # The grid's border stays straight.
    fixed[0, :] = fixed[-1, :] = True
    fixed[:, 0] = fixed[:, -1] = True
    return fixed


def smooth(ring: list[tuple[int, int]], fixed: np.ndarray) -> list[tuple[int, int]]:
    """The ring in half-cell units, its corners cut at the middles of their edges
    except at fixed vertices, points on a straight line dropped."""
    n = len(ring)
    out: list[tuple[int, int]] = []
    for k in range(n):
        a, b = ring[k], ring[(k + 1) % n]
        out.append((a[0] + b[0], a[1] + b[1]))
        if fixed[b[1], b[0]]:
            out.append((2 * b[0], 2 * b[1]))
    kept: list[tuple[int, int]] = []
    m = len(out)
    for k in range(m):
        if _turn(out[k - 1], out[k], out[(k + 1) % m]) != 0:
            kept.append(out[k])
    return kept


def region_rings(grid: Grid, label: int, fixed: np.ndarray) -> tuple[tuple[Point, ...], ...]:
    """The closed rings of one region, smoothed, in longitude and latitude."""
    half = grid.cell / 2
    rings: list[tuple[Point, ...]] = []
    for ring in chain_rings(boundary_edges(grid.labels, label)):
        points = [
            (round(grid.lon0 + x * half, 4), round(grid.lat0 + y * half, 4))
            for x, y in smooth(ring, fixed)
        ]
        if len(points) >= 3:
            rings.append((*points, points[0]))
    return tuple(rings)


def cell_size(box: tuple[float, float, float, float]) -> float:
    """The cell of the grid over ``box``: ``GRID_CELLS`` along its longer side."""
    span = max(box[2] - box[0], box[3] - box[1])
    return max(MIN_CELL_DEGREES, span / GRID_CELLS)


def build_regions(seeds: list[Seed]) -> RegionMap:
    """The regions of the seeds' country (empty without seeds)."""
    if not seeds:
        return RegionMap((), 0.0, (0.0, 0.0, 0.0, 0.0))
    box = grid_box(seeds)
    cell = cell_size(box)
    grid = label_grid(seeds, box, cell)
    fixed = fixed_vertices(grid.labels)
    counts: dict[str, int] = defaultdict(int)
    for seed in seeds:
        counts[seed.admin1] += 1
    regions = tuple(
        RegionShape(name, region_rings(grid, label, fixed), counts[name])
        for label, name in enumerate(grid.names)
    )
    return RegionMap(tuple(r for r in regions if r.rings), cell, box)
