"""Untrusted article text in the dashboard is shown as text, never run.

An article whose title, body, actor names and metadata carry HTML and script is
ingested; the dashboard must show those characters literally, run none of them, and
open no dialog. The static files are also checked for a strict Content-Security-Policy
and for the DOM calls that would parse data as HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest

from browser import build_store, chromium, open_page, require_chromium, serve, wait_ready
from eventwire.model import RawDocument

STATIC = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "web" / "static"

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=2">'
SVG = '<svg onload="window.__xss=3">'
ALERT = "<img src=y onerror=alert(4)>"

# Fictional news; the payloads sit where a scraper could have left them.
TITLE = f"Rebels Attack Army Post Near Goma {SCRIPT}"
BODY = (
    f"Rebels Attack Army Post Near Goma {SCRIPT}\n\n"
    f"Rebels attacked an army post near Goma on Monday, killing two soldiers {IMG}, "
    "the army said.\n\n"
    f"The army arrested three {SVG} fighters</svg> in Goma on Tuesday, officials said.\n\n"
    f"Residents said the clashes {ALERT} lasted for hours.\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    db = tmp_path_factory.mktemp("xss") / "events.db"
    raw = RawDocument(
        text=BODY,
        origin="<xss test>",
        title=TITLE,
        published=date(2024, 6, 4),
        url="javascript:window.__xss=5",
        source="<i onmouseover=window.__xss=6>Lakeside Wire</i>",
    )
    assert build_store(db, [raw]) >= 2
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with chromium() as opened:
        yield opened


def injected(page: Any) -> dict[str, Any]:
    """Traces of markup from the data that became live DOM."""
    result: dict[str, Any] = page.evaluate(
        """() => ({
            xss: typeof window.__xss,
            imgs: document.querySelectorAll('img').length,
            foreignSvg: document.querySelectorAll('svg[onload]').length,
            scripts: [...document.scripts].filter(s => !s.src.includes('/static/')).length,
            handlers: [...document.querySelectorAll('*')].filter(
                n => [...n.attributes].some(a => a.name.startsWith('on'))).length,
            jsLinks: document.querySelectorAll('a[href^="javascript"]').length,
        })"""
    )
    return result


def test_untrusted_text_is_shown_literally_and_never_run(browser: Any, server: str) -> None:
    events = httpx.get(server + "/events", params={"limit": 100}, timeout=10).json()["events"]
    # The attack sentence carries one payload; the arrest's recipient another.
    assault = next(e for e in events if IMG in (e["sentence"] or ""))
    coerce = next(e for e in events if SVG in f"{e['actor']} {e['recipient']}")
    article = httpx.get(f"{server}/articles/{assault['article_id']}", timeout=10).json()
    assert article["text"].startswith(TITLE)

    with open_page(browser) as (page, log):
        page.goto(server + "/")
        wait_ready(page)
        # The actor name with markup is in the table, as text.
        table_text = page.text_content("#events-body") or ""
        assert SVG in table_text

        # Open the event whose sentence carries the payload.
        page.click(f"#events-body tr[data-event-id='{assault['id']}']")
        page.wait_for_selector("#panel mark.source-sentence")
        assert page.text_content("#panel mark.source-sentence") == assault["sentence"]
        assert page.text_content("#panel .article-title") == TITLE
        panel_text = page.text_content("#panel") or ""
        for payload in (SCRIPT, IMG, ALERT, "Lakeside Wire</i>"):
            assert payload in panel_text
        # The javascript: URL is not turned into a link.
        assert page.locator("#panel a").count() == 0

        # The full stored text too, and the other event (markup in its recipient).
        page.click("#panel .raw-toggle")
        assert page.text_content("#panel .article-text") == article["text"]
        page.click(f"#panel .other-events button[data-event-id='{coerce['id']}']")
        page.wait_for_function(
            "s => document.querySelector('#panel mark.source-sentence')?.textContent === s",
            arg=coerce["sentence"],
        )
        assert SVG in (page.text_content("#panel .facts") or "")
        assert SVG in (page.text_content("#panel mark.source-sentence") or "")

        # Hover the map marker and a search for the markup itself.
        page.hover("#map .marker")
        page.fill("#f-q", "onerror")
        page.press("#f-q", "Enter")
        page.wait_for_timeout(300)
        wait_ready(page)
        traces = injected(page)

    assert traces == {
        "xss": "undefined",
        "imgs": 0,
        "foreignSvg": 0,
        "scripts": 0,
        "handlers": 0,
        "jsLinks": 0,
    }
    assert log.dialogs == []
    assert log.errors == []
    assert log.outside_requests() == []


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_index_has_a_strict_csp_and_no_inline_code() -> None:
    parser = _Tags()
    parser.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    csp = [
        attrs.get("content") or ""
        for tag, attrs in parser.tags
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert len(csp) == 1
    policy = {part.split()[0]: part.split()[1:] for part in csp[0].split(";") if part.strip()}
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    assert policy["object-src"] == ["'none'"]
    for tag, attrs in parser.tags:
        assert not [name for name in attrs if name.startswith("on")], tag
        assert "style" not in attrs, tag
        if tag == "script":
            assert (attrs.get("src") or "").startswith("/static/"), attrs
    assert "<style" not in (STATIC / "index.html").read_text(encoding="utf-8")


def test_scripts_never_parse_data_as_html() -> None:
    sources = {path.name: path.read_text(encoding="utf-8") for path in STATIC.glob("*.js")}
    assert {"app.js", "dom.js", "panel.js", "map.js"} <= set(sources)
    forbidden = re.compile(
        r"\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write|\beval\(|new Function\("
        r"|createContextualFragment|DOMParser"
    )
    found = {name: forbidden.findall(text) for name, text in sources.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}
