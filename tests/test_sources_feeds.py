"""RSS and Atom feeds, from files and URLs, and following entries to their pages."""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from eventwire.sources import FetchPolicy, InputItem, iter_inputs
from sources_server import FeedEntry, NewsServer, Reply, article_page, rss_feed

QUICK = FetchPolicy(host_delay=0.0, backoff=0.01, timeout=5.0, retries=2)

ENTRIES = [
    FeedEntry(
        "Ministers meet over grain corridor",
        "http://wire.example/grain",
        "<p>Trade ministers of Norvale and Estrin met in <b>Halden</b> on Friday.</p>"
        "<p>They agreed to reopen the grain corridor.</p>",
        "Fri, 10 May 2024 16:45:00 GMT",
        "desk@wire.example (Lena Marsh)",
    ),
    FeedEntry("Empty item", "http://wire.example/empty", ""),
    FeedEntry(
        "Protest at the port",
        None,
        "Fishermen blocked the port of Saltby with their boats on Saturday &amp; Sunday.",
    ),
]

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Harbour &amp;amp; Hill News</title>
  <id>urn:example:feed</id>
  <updated>2024-05-02T10:00:00Z</updated>
  <entry>
    <title type="html">Police &lt;em&gt;detain&lt;/em&gt; smugglers</title>
    <id>urn:example:1</id>
    <link href="/stories/smugglers"/>
    <updated>2024-05-02T10:00:00Z</updated>
    <author><name>Tomas Rell</name></author>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;Border police detained four smugglers near Karsk on
      Thursday.&lt;/p&gt;&lt;p&gt;Two trucks were seized.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def _documents(items: list[InputItem]) -> list[object]:
    return [i.document for i in items if i.document is not None]


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(rss_feed("Northern Wire", ENTRIES), encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert [i.origin for i in items] == [f"{path}#entry-{n}" for n in (1, 2, 3)]
    grain, empty, protest = items
    doc = grain.document
    assert doc is not None
    assert doc.text == (
        "Trade ministers of Norvale and Estrin met in Halden on Friday.\n\n"
        "They agreed to reopen the grain corridor."
    )
    assert (doc.title, doc.published, doc.url, doc.source) == (
        "Ministers meet over grain corridor",
        date(2024, 5, 10),
        "http://wire.example/grain",
        "Northern Wire",
    )
    assert doc.author is not None and "Lena Marsh" in doc.author
    assert doc.is_dump is False
    assert str(empty.error) == f"{path}#entry-2: the feed entry has no text"
    assert protest.document is not None and protest.document.url is None
    assert protest.document.text.endswith("on Saturday & Sunday.")


def test_atom_content_is_preferred_to_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "news.atom.gz"
    path.write_bytes(gzip.compress(ATOM.encode()))
    [item] = list(iter_inputs([str(path)]))
    doc = item.document
    assert doc is not None
    assert doc.text == (
        "Border police detained four smugglers near Karsk on Thursday.\n\nTwo trucks were seized."
    )
    assert doc.title == "Police detain smugglers"
    assert doc.source == "Harbour & Hill News"
    assert doc.author == "Tomas Rell"
    assert doc.published == date(2024, 5, 2)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("<config><value>3</value></config>", "not an RSS or Atom feed"),
        (
            '<rss version="2.0"><channel><title>Quiet</title></channel></rss>',
            "the feed has no entries",
        ),
        ("", "empty file"),
    ],
)
def test_feeds_without_entries(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(content, encoding="utf-8")
    [item] = list(iter_inputs([str(path)]))
    assert str(item.error) == f"{path}: {problem}"


@pytest.fixture()
def server() -> Iterator[NewsServer]:
    with NewsServer() as running:
        running.route(
            "/robots.txt",
            Reply(body=b"User-agent: *\nDisallow: /members/\n", content_type="text/plain"),
        )
        yield running


def _page(title: str, paragraphs: list[str]) -> Reply:
    html = article_page(title, paragraphs, site="Valley Post", published="2024-05-01")
    return Reply(body=html.encode())


def test_feed_from_a_url(server: NewsServer) -> None:
    feed = rss_feed("Valley Post", [ENTRIES[0]])
    server.route("/feed", Reply(body=feed.encode(), content_type="application/rss+xml"))
    items = list(iter_inputs([server.url("/feed")], policy=QUICK))
    assert [i.origin for i in items] == [server.url("/feed") + "#entry-1"]
    assert items[0].input_name == server.url("/feed")
    assert items[0].document is not None and items[0].document.source == "Valley Post"
    assert server.paths() == ["/robots.txt", "/feed"]  # no linked page fetched


def test_follow_fetches_linked_pages(server: NewsServer, caplog: pytest.LogCaptureFixture) -> None:
    entries = [
        FeedEntry(
            "Bridge reopens",
            server.url("/news/bridge"),
            "<p>Short teaser.</p>",
            "Wed, 01 May 2024 08:00:00 GMT",
        ),
        FeedEntry(
            "Members only", server.url("/members/report"), "<p>Teaser of a locked report.</p>"
        ),
        FeedEntry("Market fire", server.url("/news/fire"), "<p>Fire teaser.</p>"),
        FeedEntry("Dead link", server.url("/news/missing"), "<p>Only this summary exists.</p>"),
    ]
    server.route(
        "/feed.xml",
        Reply(body=rss_feed("Valley Post RSS", entries).encode(), content_type="text/xml"),
    )
    bridge = [
        "Engineers reopened the Aldmoor bridge to traffic on Wednesday after repairs "
        "that lasted two years, the transport ministry said."
    ]
    fire = [
        "A fire destroyed forty stalls at the central market of Brenholt overnight; "
        "nobody was hurt, firefighters said."
    ]
    server.route("/news/bridge", _page("Aldmoor bridge reopens", bridge))
    server.route(
        "/news/fire",
        Reply(status=503, body=b"try again"),
        _page("Fire at Brenholt market", fire),
    )
    with caplog.at_level(logging.WARNING, logger="eventwire.sources"):
        items = list(iter_inputs([server.url("/feed.xml")], follow=True, policy=QUICK))
    assert all(i.error is None for i in items)
    docs = [i.document for i in items if i.document is not None]
    assert [d.origin for d in docs] == [
        server.url("/news/bridge"),
        server.url("/feed.xml") + "#entry-2",
        server.url("/news/fire"),
        server.url("/feed.xml") + "#entry-4",
    ]
    page = docs[0]
    assert bridge[0] in page.text and "Short teaser" not in page.text
    assert page.title == "Bridge reopens"  # the feed's own metadata wins
    assert page.published == date(2024, 5, 1)
    assert page.source == "Valley Post"  # the page's site name
    assert page.url == server.url("/news/bridge")
    assert docs[1].text == "Teaser of a locked report."  # robots.txt: the summary
    assert fire[0] in docs[2].text  # fetched on the second try
    assert docs[3].text == "Only this summary exists."
    paths = server.paths()
    assert "/members/report" not in paths
    assert paths.count("/news/fire") == 2 and paths.count("/robots.txt") == 1
    assert {seen.user_agent for seen in server.requests} == {QUICK.user_agent}
    warnings = [r.getMessage() for r in caplog.records]
    assert any(
        "/members/report: disallowed by robots.txt; using the feed's summary" in w for w in warnings
    )
    assert any("/news/missing: HTTP 404 Not Found; using the feed's summary" in w for w in warnings)


def test_html_page_from_a_url(server: NewsServer) -> None:
    text = ["Voters in the canton of Elmsford approved a new school budget on Sunday."]
    server.route("/story", _page("Elmsford backs school budget", text))
    server.route("/members/x", _page("Locked", text))
    server.route("/gone", Reply(status=410, body=b"gone"))
    names = [server.url(p) for p in ("/story", "/members/x", "/gone")]
    story, locked, gone = iter_inputs(names, policy=QUICK)
    assert story.document is not None
    assert story.document.title == "Elmsford backs school budget"
    assert story.document.url == server.url("/story")
    assert story.document.origin == server.url("/story")
    assert str(locked.error) == f"{server.url('/members/x')}: disallowed by robots.txt"
    assert str(gone.error) == f"{server.url('/gone')}: HTTP 410 Gone"


def test_a_feed_file_does_not_lead_to_local_addresses(
    server: NewsServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A feed not fetched from this machine or a private network (here a file) may link
    # to anything; its links to local or private addresses are not fetched.
    entries = [FeedEntry("Admin", server.url("/admin"), "<p>The summary of the entry.</p>")]
    server.route("/admin", _page("Local admin page", ["A page only this machine serves."]))
    feed = tmp_path / "feed.xml"
    feed.write_text(rss_feed("Somewhere", entries), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="eventwire.sources"):
        items = list(iter_inputs([str(feed)], follow=True, policy=QUICK))
    assert server.paths() == []
    assert [i.document.origin for i in items if i.document] == [f"{feed}#entry-1"]
    assert "private or local address" in caplog.text
