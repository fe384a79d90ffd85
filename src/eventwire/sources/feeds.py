"""RSS and Atom feeds, read with feedparser.

Each entry becomes one document: its text is the entry's content (else its summary),
HTML stripped to paragraphs; its title, publication date (``published``, else
``updated``, as feedparser normalises it to UTC), author and link (``url``) come from
the entry, and the feed's title is the ``source``.

With ``follow=True`` the page each entry links to is fetched (politely, see
``fetch.py``) and its article extracted as ``html.py`` does. The entry's title, date and
author win over the page's (a feed states them plainly, a page's are extracted); the
page's site name wins over the feed's title as ``source``. When the page cannot be
fetched (robots.txt included) or holds no article, a warning is logged and the entry's
own text is used.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import feedparser

from eventwire.errors import InputError, one_line
from eventwire.model import RawDocument
from eventwire.sources.fetch import Fetcher, FetchResult, is_private_url
from eventwire.sources.html import extract_html, html_to_text, paragraphs
from eventwire.sources.items import InputItem, failed, found
from eventwire.sources.published import parse_published

log = logging.getLogger(__name__)


def read_feed(
    data: bytes,
    origin: str,
    *,
    base_url: str | None = None,
    follow: bool = False,
    fetcher: Fetcher | None = None,
) -> Iterator[InputItem]:
    """The entries of one feed read from ``origin`` (a file or the URL ``base_url``).

    A feed that cannot be parsed, or has no entries, is one error item; an entry with
    no text is an error item for that entry (``origin#entry-N``) and the rest go on.
    """
    if not data.strip():
        yield failed(origin, "empty file")
        return
    headers = {"content-type": "application/xml"}  # we decided it is XML: no bozo for that
    if base_url:
        headers["content-location"] = base_url  # resolves relative links
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries: list[Any] = list(parsed.entries)
    if not entries:
        if not parsed.get("version"):
            problem = "not an RSS or Atom feed"
            if parsed.get("bozo"):
                problem += f" ({one_line(parsed.get('bozo_exception'), limit=120)})"
            yield failed(origin, problem, "not a feed")
        else:
            yield failed(origin, "the feed has no entries", "empty feed")
        return
    feed_title = _title(parsed.feed)
    summaries = (
        _entry_item(entry, f"{origin}#entry-{n}", feed_title)
        for n, entry in enumerate(entries, start=1)
    )
    if not follow:
        yield from summaries
        return
    fetcher = fetcher or Fetcher()
    links = [_http_link(entry) for entry in entries]
    # A feed from the public web (or a file) may not lead to local or private addresses.
    public_only = base_url is None or not is_private_url(base_url)
    wanted = (link for link in links if link is not None)
    pages = iter(fetcher.fetch_many(wanted, public_only=public_only))
    for link, summary in zip(links, summaries, strict=True):
        if link is None:
            yield summary
            continue
        _, page = next(pages)
        yield _followed(link, page, summary)


def _followed(link: str, page: FetchResult | InputError, summary: InputItem) -> InputItem:
    """The linked article, completed with the entry's metadata; else the entry."""
    try:
        if isinstance(page, InputError):
            raise page
        article = extract_html(page.body, link, url=page.final_url)
    except InputError as exc:
        if summary.document is None:
            return failed(link, f"{exc.problem}, and the feed entry has no text")
        log.warning("%s; using the feed's summary (%s)", exc, summary.origin)
        return summary
    entry = summary.document
    if entry is None:
        return found(article)
    return found(
        replace(
            article,
            title=entry.title or article.title,
            published=entry.published or article.published,
            source=article.source or entry.source,
            author=entry.author or article.author,
        )
    )


def _entry_item(entry: Any, origin: str, feed_title: str | None) -> InputItem:
    text = _entry_text(entry)
    if not text:
        return failed(origin, "the feed entry has no text", "empty feed entry")
    return found(
        RawDocument(
            text=text,
            origin=origin,
            title=_title(entry),
            published=_entry_date(entry),
            source=feed_title,
            url=_text_or_none(entry.get("link")),
            author=_text_or_none(entry.get("author")),
            is_dump=False,
        )
    )


def _entry_text(entry: Any) -> str:
    """The entry's full content if it has one, else its summary, as plain text."""
    candidates: list[Any] = [*entry.get("content", []), entry.get("summary_detail")]
    for detail in candidates:
        if not detail or not detail.get("value"):
            continue
        value = str(detail["value"])
        is_html = "html" in str(detail.get("type", "text/html"))
        text = html_to_text(value) if is_html else paragraphs(value)
        if text:
            return text
    summary = entry.get("summary")
    return html_to_text(str(summary)) if summary else ""


def _entry_date(entry: Any) -> date | None:
    """The entry's date string read as every entry point reads ``published``
    (``published.py``: the calendar day as written), else the date feedparser read
    (in UTC) from a form that reader does not know."""
    for key in ("published", "updated"):
        written = entry.get(key)
        if isinstance(written, str) and written.strip():
            try:
                return parse_published(written)
            except ValueError:
                continue
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _http_link(entry: Any) -> str | None:
    link = _text_or_none(entry.get("link"))
    if link is None or not link.lower().startswith(("http://", "https://")):
        return None
    return link


def _text_or_none(value: Any) -> str | None:
    """A one-line plain text value, or None when there is none."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _title(holder: Any) -> str | None:
    """The title of a feed or entry as plain text (feedparser keeps markup in HTML
    titles, entities included)."""
    title = holder.get("title")
    if not isinstance(title, str):
        return None
    detail = holder.get("title_detail") or {}
    if "html" in str(detail.get("type", "")):
        title = html_to_text(title)
    return _text_or_none(title)
