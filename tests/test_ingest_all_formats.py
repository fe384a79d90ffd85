"""End to end: a folder holding every input format (and gzip copies) is ingested with
a progress bar, and ingesting it again adds nothing."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.cli import main
from eventwire.store import Store
from sources_server import FeedEntry, article_page, rss_feed


def _warc(path: Path, url: str, page: str) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(page.encode()), http_headers=http
        )
        writer.write_record(record)


def _folder(root: Path) -> Path:
    folder = root / "mixed"
    folder.mkdir()
    (folder / "dump.txt").write_text(
        "Dockers strike in Rotterdam\n\nDock workers in Rotterdam walked out on Monday "
        "to protest against new shift rules, their union said.\n",
        encoding="utf-8",
    )
    (folder / "page.html").write_text(
        article_page(
            "Police detain smugglers in Tangier",
            ["Police arrested four suspected smugglers in Tangier on Tuesday."],
            published="2024-05-07",
            site="Strait Courier",
        ),
        encoding="utf-8",
    )
    feed = rss_feed(
        "Alpine Wire",
        [FeedEntry("Envoys meet", None, "<p>Swiss and Austrian envoys met in Bern on Friday.</p>")],
    )
    (folder / "alpine.xml").write_text(feed, encoding="utf-8")
    record = {
        "text": "Gunmen attacked a police checkpoint in Maiduguri on Sunday.",
        "title": "Checkpoint attacked",
    }
    with gzip.open(folder / "wire.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    with (folder / "sheet.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["text", "published", "source"])
        writer.writeheader()
        writer.writerow(
            {
                "text": "Farmers blocked a highway near Lleida on Wednesday over fuel prices.",
                "published": "2024-05-08",
                "source": "Ebro Daily",
            }
        )
    _warc(
        folder / "crawl.warc.gz",
        "https://quay-news.example/curfew",
        article_page(
            "Curfew in Port Harcourt",
            ["Authorities imposed a curfew in Port Harcourt on Thursday after clashes."],
            published="2024-05-09",
            site="Quay News",
        ),
    )
    return folder


def test_every_format_with_progress_and_reingest(tmp_path: Path, nlp: Any) -> None:
    folder = _folder(tmp_path)
    db = tmp_path / "all.db"
    first = CliRunner().invoke(main, ["ingest", "--db", str(db), str(folder)])
    assert first.exit_code == 0, first.output
    assert "6 inputs, 6 articles (6 new, 0 already stored)" in first.stdout
    # The progress bar counts inputs with a rate and an ETA.
    assert "6/6" in first.stderr and "input/s" in first.stderr
    assert re.search(r"<\d\d:\d\d", first.stderr), first.stderr
    with Store(str(db), create=False) as store:
        before = store.stats()
        origins = {row["origin"] for row in store._rows("SELECT origin FROM articles")}
    assert {Path(o.split("#")[0].split("@")[0].split(":")[0]).suffix for o in origins} >= {
        ".txt", ".html", ".xml", ".gz", ".csv",
    }  # fmt: skip
    again = CliRunner().invoke(main, ["ingest", "--quiet", "--db", str(db), str(folder)])
    assert again.exit_code == 0, again.output
    assert "6 articles (0 new, 6 already stored), 0 new events" in again.stdout
    with Store(str(db), create=False) as store:
        assert store.stats() == before
