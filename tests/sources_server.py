"""Helpers for the source tests: a local HTTP server with scripted replies, and
fictional news pages and feeds (all text invented for these tests)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from xml.sax.saxutils import escape


@dataclass
class Reply:
    """One scripted answer to a GET."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering


@dataclass(frozen=True)
class Seen:
    """A request the server received."""

    path: str
    user_agent: str | None
    at: float  # time.monotonic() when it arrived


class NewsServer:
    """``ThreadingHTTPServer`` on 127.0.0.1 (a free port) in a background thread.

    ``route(path, *replies)`` scripts a path: each request takes the next reply, the
    last one repeats. Unrouted paths get 404. ``requests`` records what arrived, and
    ``max_in_flight`` the most requests being answered at once.
    """

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[Seen] = []
        self.max_in_flight = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> NewsServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    @property
    def root(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.root + path

    def route(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def paths(self) -> list[str]:
        with self._lock:
            return [seen.path for seen in self.requests]

    def _next_reply(self, path: str) -> Reply:
        with self._lock:
            replies = self.routes.get(path)
            if not replies:
                return Reply(status=404, body=b"not here", content_type="text/plain")
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append(
                        Seen(self.path, self.headers.get("User-Agent"), time.monotonic())
                    )
                    server._in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server._in_flight)
                try:
                    reply = server._next_reply(self.path)
                    if reply.delay:
                        time.sleep(reply.delay)
                finally:
                    # Counted out before the answer is sent: a client that got the whole
                    # answer may ask again before this thread runs on (a loaded machine).
                    with server._lock:
                        server._in_flight -= 1
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the tests look at ``requests`` instead."""

        return Handler


def article_page(
    title: str,
    paragraphs: list[str],
    *,
    published: str | None = None,
    author: str | None = None,
    site: str | None = None,
    canonical: str | None = None,
    comments: tuple[str, ...] = (),
) -> str:
    """A news page: navigation, the article, reader comments and a footer."""
    meta = [f"<title>{escape(title)}</title>"]
    if site:
        meta.append(f'<meta property="og:site_name" content="{escape(site)}">')
    if author:
        meta.append(f'<meta name="author" content="{escape(author)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
    comment_block = "".join(f'<div class="comment"><p>{escape(c)}</p></div>' for c in comments)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        + "".join(meta)
        + "</head><body>"
        + '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        + f"<article><h1>{escape(title)}</h1>\n{body}</article>"
        + (f'<section id="comments"><h2>Comments</h2>{comment_block}</section>' if comments else "")
        + "<footer><p>Copyright Example Media Group. All rights reserved.</p></footer>"
        + "</body></html>"
    )


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str | None
    summary: str  # HTML
    published: str | None = None  # RFC 822 date for RSS
    author: str | None = None


def rss_feed(title: str, entries: list[FeedEntry]) -> str:
    items = []
    for entry in entries:
        parts = [f"<title>{escape(entry.title)}</title>"]
        if entry.link:
            parts.append(f"<link>{escape(entry.link)}</link>")
        parts.append(f"<description>{escape(entry.summary)}</description>")
        if entry.published:
            parts.append(f"<pubDate>{entry.published}</pubDate>")
        if entry.author:
            parts.append(f"<author>{escape(entry.author)}</author>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://news.example/</link>"
        "<description>Fictional wire</description>" + "".join(items) + "</channel></rss>"
    )
