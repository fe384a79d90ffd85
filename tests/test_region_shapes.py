"""The approximate shapes of first-level regions (``gazetteer/region_shapes.py``), on
made-up countries: rings are closed, every cell of the grid lies in exactly one region
(its own), the regions tile the grid without gap or overlap, enclaves are holes."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

from eventwire.gazetteer.region_shapes import (
    Grid,
    Point,
    Seed,
    boundary_edges,
    build_regions,
    chain_rings,
    fixed_vertices,
    label_grid,
    region_rings,
)


def signed_area(ring: tuple[Point, ...]) -> float:
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring))


def inside(rings: tuple[tuple[Point, ...], ...], x: float, y: float) -> bool:
    """Even-odd rule over all the rings of a region."""
    crossings = 0
    for ring in rings:
        for (x0, y0), (x1, y1) in pairwise(ring):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                crossings += 1
    return crossings % 2 == 1


# A made-up country of three regions, plus a one-town district inside the north.
SEEDS = [
    Seed(10.0, 0.0, "North"), Seed(11.0, 3.0, "North"), Seed(12.0, -2.0, "North"),
    Seed(10.5, 6.0, "North"), Seed(13.0, 1.0, "North"),
    Seed(2.0, 0.0, "South"), Seed(1.0, 4.0, "South"), Seed(3.0, -3.0, "South"),
    Seed(6.0, 9.0, "East"), Seed(5.0, 11.0, "East"),
    Seed(11.6, 1.0, "Capital"),
]  # fmt: skip


def test_a_made_up_country_gets_one_region_per_name_each_holding_its_towns() -> None:
    regions = build_regions(SEEDS)
    names = {r.admin1: r for r in regions.regions}
    assert set(names) == {"North", "South", "East", "Capital"}
    assert names["North"].seeds == 5 and names["Capital"].seeds == 1
    for seed in SEEDS:
        owners = [r.admin1 for r in regions.regions if inside(r.rings, seed.lon, seed.lat)]
        assert owners == [seed.admin1]
    for region in regions.regions:
        for ring in region.rings:
            assert ring[0] == ring[-1] and len(ring) >= 4
    # The capital district is an enclave: a clockwise hole in the north.
    north = names["North"].rings
    assert any(signed_area(r) < 0 for r in north)
    assert sum(signed_area(r) for r in north) > 0
    assert all(signed_area(r) > 0 for r in names["Capital"].rings)


def _grid(seeds: list[Seed], cell: float) -> Grid:
    lons = [s.lon for s in seeds]
    lats = [s.lat for s in seeds]
    box = (min(lons) - 1.0, min(lats) - 1.0, max(lons) + 1.0, max(lats) + 1.0)
    return label_grid(seeds, box, cell)


@pytest.mark.parametrize("cell", [0.5, 0.25, 0.13])
def test_every_cell_lies_in_exactly_its_own_region_and_the_regions_tile_the_grid(
    cell: float,
) -> None:
    grid = _grid(SEEDS, cell)
    fixed = fixed_vertices(grid.labels)
    rings = {label: region_rings(grid, label, fixed) for label in range(len(grid.names))}
    rows, columns = grid.labels.shape
    for i in range(rows):
        for j in range(columns):
            x = grid.lon0 + (j + 0.5) * cell
            y = grid.lat0 + (i + 0.5) * cell
            owners = [label for label, found in rings.items() if inside(found, x, y)]
            assert owners == [int(grid.labels[i, j])], (i, j)
    # Smoothing cuts each border alike on both sides: the areas add up to the grid's.
    total = sum(signed_area(r) for found in rings.values() for r in found)
    assert total == pytest.approx(rows * columns * cell * cell, rel=1e-6)


def test_rings_of_a_pinched_region_are_each_closed_and_use_every_edge_once() -> None:
    # Two cells of region 1 touching only at a corner, and a ring around a hole.
    labels = np.array(
        [
            [1, 0, 0, 0],
            [0, 1, 1, 1],
            [0, 1, 0, 1],
            [0, 1, 1, 1],
        ]
    )
    edges = boundary_edges(labels, 1)
    rings = chain_rings(edges)
    used = [(ring[k], ring[(k + 1) % len(ring)]) for ring in rings for k in range(len(ring))]
    assert sorted(used) == sorted(edges)
    # The corner cell and the square's outside are one ring through the pinch; the hole.
    assert len(rings) == 2
    assert sorted(len(set(r)) for r in rings) == [4, 15]
    fixed = fixed_vertices(labels)
    assert fixed[1, 1]  # the pinch stays put
    assert not fixed[1, 2]  # a point between two regions moves
    assert fixed[0, 0] and fixed[2, 0]  # the grid's border stays


def test_no_towns_no_regions() -> None:
    assert build_regions([]).regions == ()
