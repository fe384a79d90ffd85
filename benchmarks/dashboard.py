"""How long the dashboard takes to load in headless Chromium, and screenshots of it.

Usage::

    python benchmarks/dashboard.py --db /tmp/ew1m.db [--repeat 5] [--screenshots docs/]

Serves the store with uvicorn on 127.0.0.1 (a free port) and opens the dashboard in the
system's Chromium (``/usr/bin/chromium``, driven by playwright; nothing is downloaded),
each time in a fresh browser context (no cache). It reports the time from navigation
to *network idle* (the end of the last request before 500 ms without any, playwright's
``networkidle``; the 500 ms of quiet are not counted) and to the moment the map, the
timeline, the network, the totals and the table are drawn. With ``--screenshots DIR``
it saves a PNG of each view (the whole page, the map at the world and zoomed in, the
map by fatalities, the first-level regions of a busy country, the timeline, the
network of countries and of sectors) as
``DIR/dashboard-*.png``. Build the store with ``benchmarks/api.py``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import chromium, open_page, serve

TARGET_S = 1.5
DRAWN = (
    "() => document.body.dataset.ready === 'true'"
    " && document.querySelectorAll('#map path.country[class*=shade-]').length > 0"
    " && document.querySelector('#timeline svg') !== null"
    " && document.querySelector('#network svg') !== null"
    " && document.querySelectorAll('#totals .total').length === 4"
    " && document.querySelectorAll('#events-body tr.event-row').length > 0"
)


def load_once(browser: Any, url: str) -> tuple[float, float, list[str]]:
    """Seconds from navigation to the end of the last request (network idle) and to
    every view drawn; the requests that left 127.0.0.1."""
    with open_page(browser) as (page, log):
        last = [0.0]
        page.on("requestfinished", lambda _request: last.__setitem__(0, time.perf_counter()))
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_function(DRAWN, polling="raf")
        drawn = time.perf_counter() - started
        page.wait_for_load_state("networkidle")  # no request for 500 ms
        return last[0] - started, drawn, log.outside_requests()


def screenshots(browser: Any, url: str, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def shot(page: Any, name: str, selector: str | None = None) -> None:
        path = folder / f"dashboard-{name}.png"
        if selector is None:
            page.screenshot(path=str(path), type="png")
        else:
            page.locator(selector).screenshot(path=str(path), type="png")
        saved.append(path)

    with open_page(browser, width=1280, height=900) as (page, _log):
        page.goto(url, wait_until="networkidle")
        page.wait_for_function(DRAWN)
        shot(page, "overview")
        # The header stays at the top when the page scrolls: not over a view's picture.
        page.evaluate("document.querySelector('.topbar').style.position = 'static'")
        shot(page, "map-world", ".card-map")
        shot(page, "timeline", ".card-timeline")
        shot(page, "network", ".card-network")
        page.select_option("#network-nodes", "sector")
        page.wait_for_function(
            "() => [...document.querySelectorAll('#network .node')]"
            ".some(n => n.dataset.node.includes(' '))"
        )
        shot(page, "network-sectors", ".card-network")
        page.select_option("#network-nodes", "country")
        page.click("label:has(#m-fatalities)")
        page.wait_for_load_state("networkidle")
        shot(page, "map-fatalities", ".card-map")
        page.click("label:has(#m-events)")
        for _ in range(3):
            page.click("#zoom-in")
        page.wait_for_load_state("networkidle")
        page.wait_for_selector("#map .marker")
        shot(page, "map-clusters", ".card-map")
        # Zoomed into the widest of the busiest countries: its first-level regions.
        page.click("#zoom-reset")
        page.wait_for_load_state("networkidle")
        found = page.evaluate(WIDEST_BUSY)
        if found is not None:
            iso3, x, y = found
            page.mouse.move(x, y)
            page.mouse.wheel(0, -600)  # x3.3: past the zoom of regions (2.5)
            page.wait_for_timeout(150)
            box = page.locator("#map").bounding_box()
            page.mouse.down()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
            page.mouse.up()
            page.wait_for_function(
                "c => document.querySelector('#map g.regions')?.dataset.country === c", arg=iso3
            )
            page.mouse.move(box["x"] + 4, box["y"] + 4)  # no region highlighted
            page.wait_for_load_state("networkidle")
            shot(page, "map-regions", ".card-map")
    return saved


# Of the ten countries with the most events, the widest on the map whose outline holds
# the middle of its box: [ISO alpha-3, x, y of that middle], or null.
WIDEST_BUSY = """() => {
  const rows = [...document.querySelectorAll('#map path.country')]
    .filter(p => Number(p.dataset.n) > 0)
    .sort((a, b) => Number(b.dataset.n) - Number(a.dataset.n)).slice(0, 10);
  let best = null;
  for (const p of rows) {
    const b = p.getBoundingClientRect();
    const x = b.x + b.width / 2, y = b.y + b.height / 2;
    if (document.elementFromPoint(x, y) !== p) continue;
    if (best === null || b.width > best[3]) best = [p.dataset.country, x, y, b.width];
  }
  return best && best.slice(0, 3);
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args(argv)
    if not args.db.is_file():
        raise SystemExit(f"{args.db}: no such store (build one with benchmarks/api.py)")
    with serve(args.db) as base, chromium() as browser:
        load_once(browser, base + "/")  # warm the server's caches (and the OS's)
        idle: list[float] = []
        drawn: list[float] = []
        for _ in range(args.repeat):
            i, d, outside = load_once(browser, base + "/")
            if outside:
                raise SystemExit(f"requests left the machine: {outside[:3]}")
            idle.append(i)
            drawn.append(d)
        print(f"store: {args.db}; {args.repeat} loads, each in a fresh browser context")
        print(f"network idle: median {statistics.median(idle):.2f} s, max {max(idle):.2f} s")
        print(f"all views drawn: median {statistics.median(drawn):.2f} s, max {max(drawn):.2f} s")
        print(f"target {TARGET_S:g} s: {'met' if max(idle) <= TARGET_S else 'NOT met'}")
        if args.screenshots is not None:
            for path in screenshots(browser, base + "/", args.screenshots):
                print(f"saved {path} ({path.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
