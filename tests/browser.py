"""Helpers for the dashboard's browser tests: a store built with the pipeline, the API
app served by uvicorn on 127.0.0.1 in a background thread, and headless Chromium (the
system's ``/usr/bin/chromium``, driven by playwright; nothing is downloaded).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from eventwire.model import RawDocument

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOSTS = frozenset({"127.0.0.1"})


def require_chromium() -> None:
    """Skip the calling test when the system Chromium or playwright is missing."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is not installed (the browser tests use the system Chromium)")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


def sample_document() -> RawDocument:
    """The sample dump shipped with eventwire (three fictional articles)."""
    sample = resources.files("eventwire") / "data" / "sample_dump.txt"
    with resources.as_file(sample) as path:
        return RawDocument(text=path.read_text(encoding="utf-8"), origin=str(path), is_dump=True)


def build_store(db_path: Path, raws: Iterable[RawDocument]) -> int:
    """Run the default pipeline on ``raws`` and store the articles; returns the number
    of events stored."""
    from eventwire.run.pipeline import Pipeline
    from eventwire.store import Store

    pipeline = Pipeline()
    n_events = 0
    with Store(db_path) as store:
        for raw in raws:
            for doc in pipeline.process_raw(raw):
                n_events += store.add_document(doc).n_events
    return n_events


@contextmanager
def serve(db_path: Path) -> Iterator[str]:
    """Serve ``create_app(db_path)`` on a free port of 127.0.0.1; yields the base URL."""
    import uvicorn

    from eventwire.api import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(str(db_path)), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (playwright Browser) from /usr/bin/chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageLog:
    """What a page did: every URL it requested, uncaught errors, dialogs it opened."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        """Requests to anywhere but the local test server."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about")
            and urlsplit(url).hostname not in LOCAL_HOSTS
        ]


@contextmanager
def open_page(
    browser: Any, *, width: int = 1440, height: int = 1000
) -> Iterator[tuple[Any, PageLog]]:
    """A fresh page (own context) that records its requests, errors and dialogs."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(30_000)
    log = PageLog()
    page.on("request", lambda request: log.requests.append(request.url))
    page.on("pageerror", lambda error: log.errors.append(str(error)))

    def on_dialog(dialog: Any) -> None:
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        yield page, log
    finally:
        context.close()


def wait_ready(page: Any) -> None:
    """Wait until the dashboard has started and its table has been filled."""
    page.wait_for_selector("body[data-ready='true']")
    page.wait_for_function(
        "() => !document.querySelector('#events-table').classList.contains('is-loading')"
        " && document.querySelectorAll('#events-body tr').length > 0"
    )


def table_event_ids(page: Any) -> list[int]:
    ids: list[str] = page.eval_on_selector_all(
        "#events-body tr.event-row", "rows => rows.map(r => r.dataset.eventId)"
    )
    return [int(i) for i in ids]


def marker_event_ids(page: Any) -> set[int]:
    found: list[str] = page.eval_on_selector_all(
        "#map .marker",
        "nodes => nodes.flatMap(n => (n.dataset.eventIds || n.dataset.eventId).split(' '))",
    )
    return {int(i) for i in found}
