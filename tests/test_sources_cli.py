"""End to end: ``eventwire ingest`` on a folder mixing HTML, JSON Lines and RSS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store import Store
from sources_server import FeedEntry, article_page, rss_feed


def test_ingest_a_mixed_folder(tmp_path: Path, nlp: Any) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "page.html").write_text(
        article_page(
            "Police detain protesters in Lyon",
            ["Police arrested five protesters in Lyon on Monday, the prefecture said."],
            published="2024-06-03",
            site="Rhone Daily",
        ),
        encoding="utf-8",
    )
    records = [
        json.dumps(
            {
                "text": "Rebels attacked an army post near Goma on Tuesday.",
                "title": "Army post attacked",
                "published": "2024-06-04",
            }
        ),
        '{"text": broken',
        json.dumps({"text": "Farmers protested in Lille on Wednesday.", "source": "Nord Wire"}),
    ]
    (folder / "wire.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    feed = rss_feed(
        "Harbour Herald",
        [
            FeedEntry(
                "Ministers meet", None, "<p>The two foreign ministers met in Geneva on Friday.</p>"
            )
        ],
    )
    (folder / "feed.rss").write_text(feed, encoding="utf-8")
    db = tmp_path / "ew.db"
    result = CliRunner().invoke(main, ["ingest", "--quiet", "--db", str(db), str(folder)])
    assert result.exit_code == 1, result.output  # one bad line
    assert f"eventwire: {folder / 'wire.jsonl'}:2: invalid JSON" in result.stderr
    assert "4 articles (4 new, 0 already stored)" in result.stdout
    assert "skipped 1 (1 invalid JSON)" in result.stdout
    with Store(str(db), create=False) as store:
        ids = [int(row["id"]) for row in store._rows("SELECT id FROM articles ORDER BY id")]
        articles = [store.article(i) for i in ids]
    stored = {(a.origin, a.title, a.source, str(a.published)) for a in articles if a}
    assert stored == {
        (str(folder / "feed.rss") + "#entry-1", "Ministers meet", "Harbour Herald", "None"),
        (
            str(folder / "page.html"),
            "Police detain protesters in Lyon",
            "Rhone Daily",
            "2024-06-03",
        ),
        (str(folder / "wire.jsonl") + ":1", "Army post attacked", None, "2024-06-04"),
        (str(folder / "wire.jsonl") + ":3", None, "Nord Wire", "None"),
    }
    events = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "json", "--all"])
    types = {event["type"] for event in json.loads(events.output)}
    assert {"COERCE", "ASSAULT"} <= types
