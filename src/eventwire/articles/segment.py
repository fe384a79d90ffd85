"""Segmentation: split a raw scrape dump into articles.

Scraped news dumps hold several articles in one text. A typical article looks like::

    Headline of the article                      <- title
                                                 <- blank line
    A caption, Monday, Sept. 18, 2023. (AP)      <- photo caption with its credit
    A caption, Monday, Sept. 18, 2023. (AP)      <- the same caption again
    TT                                           <- stray logo text
                                                 <- blank line
    Headline of the article                      <- the whole block repeated
    ...
    First paragraph of the body.                 <- body, paragraphs separated by
                                                    blank lines or single newlines

``split_articles`` finds where articles start with two heuristics, checked at every
non-blank line once the current article has *body-like* text (a line of more than three
characters that is neither a repeat, a stray line, nor a caption with a credit):

1. **A repeated title.** The line is title-like (see ``is_title_like``: 2 to 30 words,
   starts with a capital, a digit or a quote, does not end with a period, comma, colon
   or semicolon, and is not a caption with a credit nor boilerplate), follows a blank
   line, has not been seen in the current article, and occurs again among the next
   ``REPEAT_WINDOW`` non-empty lines (the repeated header block).
2. **A wide gap.** The line follows ``GAP_LINES`` or more blank lines.

Requiring body-like text first keeps a header block (title, captions, their repeats)
together even when it contains title-like lines or wide gaps. Articles whose titles are
not repeated and that are separated by fewer than ``GAP_LINES`` blank lines stay
together: nothing in plain text tells them apart reliably.

Each article's ``Document.text`` is an exact slice of the dump with surrounding
whitespace trimmed; ``article_bounds`` gives the slices' offsets in the dump.

The line primitives it shares with the clean stage (``split_lines``, ``is_title_like``,
``find_credit``, ``is_stray``) are in ``eventwire.articles.layout``.
"""

from __future__ import annotations

from eventwire.articles.layout import (
    find_credit,
    is_stray,
    is_title_like,
    repeats_within,
    split_lines,
)
from eventwire.model import Document, RawDocument

GAP_LINES = 3  # this many blank lines in a row end an article


def article_bounds(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets in ``text`` of each article, in order, trimmed of
    surrounding whitespace. Empty for whitespace-only text. See the module docstring."""
    lines = split_lines(text)
    content = [line for line in lines if not line.blank]
    texts = [line.text for line in content]
    starts: list[int] = []  # indices into ``content`` where an article starts
    seen: set[str] = set()  # line texts of the current article
    has_body = False
    blank_run = 0
    position = 0  # index into ``content`` of the next non-blank line
    for line in lines:
        if line.blank:
            blank_run += 1
            continue
        if not starts:
            starts.append(position)
        elif has_body and _starts_article(line.text, texts, position, seen, blank_run):
            starts.append(position)
            seen = set()
            has_body = False
        repeated = line.text in seen or repeats_within(texts, position)
        if _body_like(line.text, repeated):
            has_body = True
        seen.add(line.text)
        blank_run = 0
        position += 1
    ends = [*starts[1:], len(content)]
    return [
        (content[first].start, content[last - 1].end)
        for first, last in zip(starts, ends, strict=True)
    ]


def _starts_article(
    text: str, texts: list[str], position: int, seen: set[str], blank_run: int
) -> bool:
    """Whether the non-blank line ``texts[position]`` starts a new article, given the
    blank lines before it and the lines already seen in the current article."""
    if blank_run >= GAP_LINES:
        return True
    return (
        blank_run >= 1
        and text not in seen
        and is_title_like(text)
        and repeats_within(texts, position)
    )


def _body_like(text: str, repeated: bool) -> bool:
    """Whether a line reads as article text rather than header material."""
    return not repeated and not is_stray(text) and find_credit(text) is None


def split_articles(raw: RawDocument) -> list[Document]:
    """One ``Document`` per article of ``raw``; ``[]`` when its text is only whitespace.

    A raw document that is not a dump is one article whose text is ``raw.text``
    unchanged. A dump is split as the module docstring describes: each article's text
    is an exact slice of ``raw.text``; with several articles, the n-th (from 1) has the
    origin ``"{raw.origin}#{n}"`` and a ``raw`` copy without the dump's title.
    """
    if not raw.text.strip():
        return []
    if not raw.is_dump:
        return [Document(text=raw.text, origin=raw.origin, raw=raw)]
    bounds = article_bounds(raw.text)
    several = len(bounds) > 1
    docs: list[Document] = []
    for number, (start, end) in enumerate(bounds, start=1):
        text = raw.text[start:end]
        origin = f"{raw.origin}#{number}" if several else raw.origin
        article_raw = RawDocument(
            text=text,
            origin=origin,
            title=None if several else raw.title,
            published=raw.published,
            source=raw.source,
            url=raw.url,
            is_dump=False,
        )
        docs.append(Document(text=text, origin=origin, raw=article_raw))
    return docs
