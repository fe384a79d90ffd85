"""The dashboard in headless Chromium against the real API, over the sample store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from browser import (
    build_store,
    chromium,
    marker_event_ids,
    open_page,
    require_chromium,
    sample_document,
    serve,
    table_event_ids,
    wait_ready,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    db = tmp_path_factory.mktemp("dashboard") / "events.db"
    assert build_store(db, [sample_document()]) > 0
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with chromium() as opened:
        yield opened


def api(server: str, path: str, **params: Any) -> Any:
    response = httpx.get(server + path, params=params, timeout=10)
    response.raise_for_status()
    return response.json()


def wait_rows(page: Any, n: int) -> None:
    page.wait_for_function(
        "n => !document.querySelector('#events-table').classList.contains('is-loading')"
        " && document.querySelectorAll('#events-body tr.event-row').length === n",
        arg=n,
    )


def wait_markers(page: Any, n: int) -> None:
    page.wait_for_function(
        "n => [...document.querySelectorAll('#map .marker')]"
        ".reduce((s, m) => s + Number(m.dataset.count), 0) === n",
        arg=n,
    )


def test_filter_open_event_and_stay_offline(browser: Any, server: str, tmp_path: Path) -> None:
    everything = api(server, "/events", limit=1000)["events"]
    placed = [e for e in everything if e["lat"] is not None and e["lon"] is not None]
    # The sample codes events in three countries, two of them assaults.
    assert len(everything) >= 8 and len(placed) >= 8
    assaults = {e["id"] for e in everything if e["type"] == "ASSAULT"}
    assert 1 <= len(assaults) < len(everything)

    with open_page(browser) as (page, log):
        page.goto(server + "/")
        wait_ready(page)
        wait_markers(page, len(placed))
        assert sorted(table_event_ids(page)) == sorted(e["id"] for e in everything)
        assert marker_event_ids(page) == {e["id"] for e in placed}

        # Filter by type: the table, the map and the URL follow.
        page.click("#type-picker summary")
        page.check("#type-options input[value='ASSAULT']")
        wait_rows(page, len(assaults))
        placed_assaults = {e["id"] for e in placed if e["type"] == "ASSAULT"}
        wait_markers(page, len(placed_assaults))
        assert set(table_event_ids(page)) == assaults
        assert marker_event_ids(page) == placed_assaults
        assert page.eval_on_selector_all(
            "#events-body .chip", "chips => chips.map(c => c.textContent)"
        ) == ["ASSAULT"] * len(assaults)
        assert "type=ASSAULT" in page.url
        assert page.text_content("#type-summary") == "ASSAULT"

        # Open an event from a map marker: the <mark> is the event's source sentence.
        page.keyboard.press("Escape")  # close the type menu's focus
        marker = page.locator("#map .event-marker").first
        event_id = int(marker.get_attribute("data-event-id") or "0")
        marker.click()
        page.wait_for_selector("#panel mark.source-sentence")
        event = api(server, f"/events/{event_id}")
        assert page.text_content("#panel mark.source-sentence") == event["sentence"]
        assert page.locator("#panel .mention").count() == len(event["mentions"])
        assert f"event={event_id}" in page.url
        assert page.locator(f"#events-body tr.selected[data-event-id='{event_id}']").count() == 1
        # Actor and place are marked inside the sentence.
        assert page.locator("#panel mark .ann-actor").count() >= 1
        assert page.locator("#panel mark .ann-trigger").count() == 1
        page.screenshot(path=str(tmp_path / "dashboard-event.png"))
        page.click("#panel-close")
        assert page.locator("#panel").is_hidden()

        # Reset, then filter by country: KEN is the actor of one event.
        page.click("#reset-filters")
        wait_rows(page, len(everything))
        kenyan = [e for e in everything if "KEN" in (e["actor_country"], e["recipient_country"])]
        assert 1 <= len(kenyan) < len(everything)
        page.fill("#f-country", "ken")
        page.press("#f-country", "Enter")
        wait_rows(page, len(kenyan))
        assert table_event_ids(page) == [e["id"] for e in kenyan]
        wait_markers(page, len([e for e in kenyan if e["lat"] is not None]))
        assert "country=KEN" in page.url

        # Open the event from its table row.
        page.click("#events-body tr.event-row")
        page.wait_for_selector("#panel mark.source-sentence")
        assert page.text_content("#panel mark.source-sentence") == kenyan[0]["sentence"]
        page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)

    assert (tmp_path / "dashboard.png").stat().st_size > 10_000
    assert log.errors == []
    assert log.outside_requests() == []
    assert any(url.startswith(server + "/events") for url in log.requests)


def test_link_restores_filters_and_event(browser: Any, server: str) -> None:
    everything = api(server, "/events", limit=1000)["events"]
    chosen = [e for e in everything if e["type"] in ("PROTEST", "COERCE")]
    assert {e["type"] for e in chosen} == {"PROTEST", "COERCE"}
    opened = next(e for e in everything if e["type"] == "ASSAULT")
    with open_page(browser) as (page, log):
        page.goto(f"{server}/?type=PROTEST&type=COERCE&event={opened['id']}")
        wait_ready(page)
        wait_rows(page, len(chosen))
        types = page.eval_on_selector_all(
            "#events-body .chip", "chips => chips.map(c => c.textContent)"
        )
        assert sorted(types) == sorted(e["type"] for e in chosen)
        assert page.is_checked("#type-options input[value='PROTEST']")
        assert not page.is_checked("#type-options input[value='ASSAULT']")
        page.wait_for_selector("#panel mark.source-sentence")
        assert page.text_content("#panel mark.source-sentence") == opened["sentence"]
        # Back goes to the page without the event open.
        page.click("#panel-close")
        assert "event=" not in page.url
        page.go_back()
        page.wait_for_selector("#panel mark.source-sentence")

        # Confidence, flagged events and free text come back from the link too.
        params = {"min_confidence": "0.8", "include_flagged": "true", "q": "police"}
        expected = api(server, "/events", limit=1000, **params)["events"]
        assert 0 < len(expected) < len(everything)
        page.goto(f"{server}/?min_confidence=0.8&include_flagged=true&q=police")
        wait_ready(page)
        wait_rows(page, len(expected))
        assert table_event_ids(page) == [e["id"] for e in expected]
        assert page.input_value("#f-confidence") == "0.8"
        assert page.is_checked("#f-flagged")
        assert page.input_value("#f-q") == "police"
    assert log.errors == []


def test_timeline_network_and_table_paging(browser: Any, server: str) -> None:
    everything = api(server, "/events", limit=1000)["events"]
    with open_page(browser) as (page, log):
        # Ask for pages of 5 rows so that the table pages with next_cursor.
        def small_pages(route: Any) -> None:
            url = route.request.url
            if "sort=" in url and "limit=50" in url:
                url = url.replace("limit=50", "limit=5")
            route.continue_(url=url)

        page.route(re.compile(r".*/events\?.*"), small_pages)
        page.goto(server + "/")
        wait_ready(page)
        assert len(everything) > 5
        sizes = [min(5, len(everything) - start) for start in range(0, len(everything), 5)]
        wait_rows(page, sizes[0])
        seen = table_event_ids(page)
        for size in sizes[1:]:
            assert page.is_enabled("#page-next")
            page.click("#page-next")
            wait_rows(page, size)
            seen += table_event_ids(page)
        assert page.is_disabled("#page-next")
        assert seen == [e["id"] for e in everything]  # same order as the API's -date
        page.click("#page-prev")
        wait_rows(page, 5)
        assert table_event_ids(page) == seen[5 * (len(sizes) - 2) : 5 * (len(sizes) - 1)]

        # Timeline: one bar segment per day and type, with the days of the events.
        days = {e["date"] for e in everything}
        bar_days = set(
            page.eval_on_selector_all("#timeline rect[data-day]", "r => r.map(x => x.dataset.day)")
        )
        assert bar_days == days

        # Network: one edge per actor and recipient country pair (KEN acts on ETH);
        # clicking KEN filters by it.
        dyads = api(server, "/stats", group="dyad")["rows"]
        expected = {
            f"{r['actor_country']}>{r['recipient_country']}"
            for r in dyads
            if r["actor_country"] and r["recipient_country"]
        }
        assert "KEN>ETH" in expected
        edges = page.eval_on_selector_all(
            "#network .edge", "es => es.map(e => e.dataset.source + '>' + e.dataset.target)"
        )
        assert sorted(edges) == sorted(expected)
        kenyan = [e for e in everything if "KEN" in (e["actor_country"], e["recipient_country"])]
        page.click("#network .node[data-country='KEN'] circle")
        wait_rows(page, len(kenyan))
        assert "country=KEN" in page.url
        assert page.input_value("#f-country") == "Kenya (KEN)"
    assert log.errors == []
    assert log.outside_requests() == []


def test_the_map_adds_up_and_every_label_fits(browser: Any, server: str) -> None:
    from test_dashboard_large import CUT_LABELS, MAP_SUM, OVERLAPPING

    count = api(server, "/events/count")["count"]
    dated = sum(r["n"] for r in api(server, "/map/series", grain="day")["rows"] if r["period"])
    dyads = api(server, "/stats", group="dyad")["rows"]
    pairs = [r for r in dyads if r["actor_country"] and r["recipient_country"]]
    with open_page(browser) as (page, log):
        page.goto(server + "/")
        wait_ready(page)
        page.wait_for_function("() => document.querySelector('#map-legend').dataset.total")
        page.wait_for_selector("#timeline svg")
        page.wait_for_selector("#network svg")
        sums = page.evaluate(MAP_SUM)
        assert sums["shaded"] + sums["small"] + sums["unplaced"] == sums["total"] == count
        # The timeline covers every dated event (none hidden by the default range).
        drawn = page.eval_on_selector_all(
            "#timeline rect[data-value]",
            "rs => rs.reduce((s, r) => s + Number(r.dataset.value), 0)",
        )
        assert drawn == dated
        assert page.evaluate(CUT_LABELS, "#timeline svg, #network svg") == []
        assert page.evaluate(OVERLAPPING) == 0
        assert page.locator("#network .edge").count() == min(15, len(pairs))
    assert log.errors == []
    assert log.outside_requests() == []


def test_missing_vendor_assets_are_explained(browser: Any, server: str) -> None:
    everything = api(server, "/events", limit=1000)["events"]
    placed = [e for e in everything if e["lat"] is not None and e["lon"] is not None]
    with open_page(browser) as (page, log):
        page.route(re.compile(r".*/static/vendor/.*"), lambda route: route.fulfill(status=404))
        page.goto(server + "/")
        wait_ready(page)
        notice = page.text_content("#map .map-notice") or ""
        assert "not built" in notice
        assert "npm --prefix web ci && node web/build.mjs" in notice
        # The events are still drawn, on a plain grid, and the rest of the page works.
        wait_markers(page, len(placed))
        assert page.locator("#map path.country").count() == 0
        wait_rows(page, len(everything))
    assert log.errors == []
