"""HTML pages: the article's main text and metadata, extracted with trafilatura.

From a page we take the main text (navigation, boilerplate, tables and reader comments
left out), one paragraph per block separated by blank lines, and the metadata the page
declares: title, publication date (from the page's markup and metadata only, never
guessed from dates in the text), author, site name (as ``source``) and canonical URL.
A page whose main text is missing or shorter than a sentence is an ``InputError``.

``html_to_text`` turns an HTML fragment (a feed entry's summary) into plain text.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from eventwire.errors import InputError
from eventwire.model import RawDocument
from eventwire.sources.published import parse_published

# Fewer words than this is navigation or a stub, not an article.
MIN_ARTICLE_WORDS = 5

# htmldate options: the page's own date markup only; no search of the free text, whose
# dates are mostly the dates of the events reported, not of publication.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
     "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
     "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"}
)  # fmt: skip
_HIDDEN_TAGS = frozenset({"script", "style", "template"})
_SPACES = re.compile(r"\s+")


def extract_html(data: bytes | str, origin: str, *, url: str | None = None) -> RawDocument:
    """The article of one HTML page read from ``origin``; raises ``InputError``.

    ``url`` is where the page was fetched from, if it was; the page's canonical URL
    wins when it declares one.
    """
    import trafilatura  # here: importing it takes a third of a second
    from trafilatura.settings import Document as Extracted

    if not data.strip():
        raise InputError(origin, "empty file")
    extracted = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(extracted, Extracted) or not extracted.text:
        raise InputError(origin, "no article text found in the HTML", "no article text")
    text = paragraphs(extracted.text)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(origin, "no article text found in the HTML", "no article text")
    return RawDocument(
        text=text,
        origin=origin,
        title=_clean(extracted.title),
        published=_iso_date(extracted.date),
        source=_clean(extracted.sitename),
        url=_clean(extracted.url) or url,
        author=_clean(extracted.author),
        is_dump=False,
    )


def read_html_file(path: Path) -> RawDocument:
    """Read one HTML file; raises ``InputError``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return extract_html(data, str(path))


def paragraphs(text: str) -> str:
    """One paragraph per non-blank line of ``text``, spaces collapsed, separated by a
    blank line (the layout the cleaning stage reads paragraphs from)."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary): block elements and line
    breaks become paragraphs, scripts and styles are dropped, entities decoded."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return paragraphs("".join(collector.parts))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0  # depth inside script/style

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(_SPACES.sub(" ", data))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parse_published(value)
    except ValueError:
        return None
