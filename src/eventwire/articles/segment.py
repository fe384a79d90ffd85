"""Segmentation: split a raw scrape dump into articles, as a stream.

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

``iter_bounds`` reads the lines once, in order, and decides at every non-blank line,
once the current article has *body-like* text (a line of more than three characters
that is neither a repeat, a stray line, nor a caption with a credit), whether it
starts a new article. It does when:

1. **A separator line** comes before it: a line of three or more dashes, equals signs,
   asterisks (``layout.is_separator``), or a boilerplate line ("Advertisement", "Read
   more", ``data/boilerplate.txt``) followed by a title line (see 4). Separator lines
   belong to no article.
2. **A wide gap**: ``GAP_LINES`` or more blank lines before it.
3. **A repeated title**: the line is title-like (``layout.is_title_like``: 2 to 30
   words, starts with a capital, a digit or a quote, does not end with a period, comma,
   colon or semicolon, not a caption with a credit nor boilerplate), follows a blank
   line, has not been seen in the current article, and occurs again among the next
   ``REPEAT_WINDOW`` non-empty lines (the repeated header block).
4. **A title line**: two blank lines before a title-like line that is followed by a
   blank line (or repeated); or, after one blank line, a title-like line followed by a
   date line ("March 3, 2024", "Published: 12 May 2024 10:32", ``layout.is_date_line``).

Requiring body-like text first keeps a header block (title, captions, their repeats,
a setext underline) together even when it contains title-like lines or wide gaps.
Hard-wrapped text (lines cut at 70-80 characters) is not split: a wrapped line follows
no blank line, and a paragraph's first line is not followed by a blank line.

The decision at a line looks only ``REPEAT_WINDOW`` non-empty lines ahead, so memory
does not grow with the dump: ``sources/text.py`` feeds a file through ``iter_bounds``
and hands on each article as soon as the next one starts. An article longer than
``MAX_ARTICLE_CHARS`` is cut into parts, at the last paragraph break past half the
limit (else at a line break); a line longer than ``MAX_LINE_CHARS`` is read in pieces.

Each article's ``Document.text`` is an exact slice of the dump with surrounding
whitespace trimmed; ``article_bounds`` gives the slices' offsets in the dump.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from eventwire.articles.layout import (
    REPEAT_WINDOW,
    Line,
    boilerplate,
    find_credit,
    is_date_line,
    is_separator,
    is_stray,
    is_title_like,
)
from eventwire.errors import InputError
from eventwire.model import Document, RawDocument

GAP_LINES = 3  # this many blank lines in a row end an article
# The longest article handed to the pipeline (spaCy refuses texts over 1,000,000
# characters, and news articles are far shorter); longer ones are cut into parts.
MAX_ARTICLE_CHARS = 100_000
MAX_LINE_CHARS = 20_000  # a longer line is read in pieces (cut at a space if it can)
_LOOK = GAP_LINES + 3  # lines enough to see past the blank lines after a line, and two more


@dataclass(frozen=True, slots=True)
class Bound:
    """One article's ``[start, end)`` offsets in the dump. ``cut`` is True when the
    article was longer than the limit and goes on in the next bound."""

    start: int
    end: int
    cut: bool = False


def iter_lines(text: str, offset: int = 0) -> Iterator[Line]:
    """The lines of ``text`` (split on "\\n"; longer ones in pieces of at most
    ``MAX_LINE_CHARS``), with offsets of their stripped content plus ``offset``."""
    position = 0
    while position <= len(text):
        newline = text.find("\n", position)
        stop = len(text) if newline < 0 else newline
        yield from line_pieces(text[position:stop], offset + position)
        position = stop + 1


def line_pieces(raw: str, offset: int) -> Iterator[Line]:
    """``raw`` (one line, without its newline) as ``Line``s of at most
    ``MAX_LINE_CHARS`` characters, cut after a space when one is in the second half."""
    while len(raw) > MAX_LINE_CHARS:
        cut = raw.rfind(" ", MAX_LINE_CHARS // 2, MAX_LINE_CHARS) + 1 or MAX_LINE_CHARS
        yield _line(raw[:cut], offset)
        raw, offset = raw[cut:], offset + cut
    yield _line(raw, offset)


def _line(raw: str, offset: int) -> Line:
    stripped = raw.strip()
    start = offset + (len(raw) - len(raw.lstrip()))
    return Line(start=start, end=start + len(stripped), text=stripped)


@dataclass(slots=True)
class _Segmenter:
    """The state of the current article while the lines go by."""

    max_chars: int
    lines: list[tuple[Line, bool]] = field(default_factory=list)  # (line, after a blank)
    seen: set[str] = field(default_factory=set)  # line texts of the current article
    has_body: bool = False
    blank_run: int = 0
    after_separator: bool = False

    def step(self, line: Line, ahead: Sequence[Line]) -> Iterator[Bound]:
        """Read one line; ``ahead`` holds the lines after it (``REPEAT_WINDOW`` non-blank
        ones at least, unless the text ends sooner). Yields the bounds it completes."""
        if line.blank:
            self.blank_run += 1
            return
        blank_run, self.blank_run = self.blank_run, 0
        upcoming = _upcoming(ahead)
        text = line.text
        if self.lines and self.has_body and self._is_separator(text, ahead, upcoming):
            self.after_separator = True
            return
        if not self.lines:
            if is_separator(text):  # before the first article: belongs to none
                return
            self._begin(line)
        elif self.has_body and (
            self.after_separator or self._starts_article(text, blank_run, ahead, upcoming)
        ):
            yield self._bound()
            self._begin(line)
        else:
            yield from self._cut_if_long(line)
            self.lines.append((line, blank_run > 0))
        repeated = text in self.seen or text in upcoming
        if not repeated and not is_stray(text) and find_credit(text) is None:
            self.has_body = True
        self.seen.add(text)

    def finish(self) -> Iterator[Bound]:
        if self.lines:
            yield self._bound()

    def _begin(self, line: Line) -> None:
        self.lines = [(line, True)]
        self.seen = set()
        self.has_body = False
        self.after_separator = False

    def _bound(self, cut: bool = False) -> Bound:
        return Bound(self.lines[0][0].start, self.lines[-1][0].end, cut)

    def _is_separator(self, text: str, ahead: Sequence[Line], upcoming: list[str]) -> bool:
        if is_separator(text):
            return True
        return boilerplate().matches(text) and _opens_article(
            list(islice(ahead, _LOOK)), upcoming, blank_before=2
        )

    def _starts_article(
        self, text: str, blank_run: int, ahead: Sequence[Line], upcoming: list[str]
    ) -> bool:
        if blank_run >= GAP_LINES:
            return True
        if blank_run == 0 or not is_title_like(text) or is_date_line(text):
            return False
        if text not in self.seen and text in upcoming:
            return True
        head = [Line(0, len(text), text), *islice(ahead, _LOOK)]
        return _opens_article(head, [text, *upcoming], blank_run)

    def _cut_if_long(self, line: Line) -> Iterator[Bound]:
        """Cut the current article before ``line`` would take it over the limit."""
        start = self.lines[0][0].start
        if line.end - start <= self.max_chars:
            return
        at = len(self.lines)  # default: cut at this line
        for index in range(len(self.lines) - 1, 0, -1):
            candidate, after_blank = self.lines[index]
            if candidate.start - start < self.max_chars // 2:
                break
            if after_blank:
                at = index
                break
        rest = self.lines[at:]
        self.lines = self.lines[:at]
        yield self._bound(cut=True)
        self.lines = rest
        self.seen = {kept.text for kept, _ in rest}
        self.has_body = True


def _upcoming(ahead: Sequence[Line]) -> list[str]:
    """The texts of the next ``REPEAT_WINDOW`` non-blank lines."""
    texts: list[str] = []
    for line in ahead:
        if not line.blank:
            texts.append(line.text)
            if len(texts) == REPEAT_WINDOW:
                break
    return texts


def _opens_article(lines: Sequence[Line], upcoming: list[str], blank_before: int) -> bool:
    """Whether the first non-blank line of ``lines`` is a title that opens an article:
    title-like and followed by a date line (at most one blank line between), or, after
    two blank lines or more, followed by a blank line or repeated further on."""
    at = next((i for i, line in enumerate(lines) if not line.blank), None)
    if at is None:
        return False
    title = lines[at].text
    if not is_title_like(title) or is_date_line(title):
        return False
    following = lines[at + 1 : at + 3]
    after = next((line for line in following if not line.blank), None)
    if after is not None and is_date_line(after.text):
        return True
    if blank_before + at < 2:
        return False
    next_blank = at + 1 < len(lines) and lines[at + 1].blank
    return next_blank or title in upcoming[1:]


def iter_bounds(lines: Iterable[Line], max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Bound]:
    """The bounds of the articles in a stream of lines (``iter_lines``), each yielded
    once the lines after it have decided where it ends. See the module docstring."""
    segmenter = _Segmenter(max_chars)
    window: deque[Line] = deque()
    n_content = 0  # non-blank lines in the window
    blanks_in_row = 0
    for line in lines:
        if line.blank:
            blanks_in_row += 1
            if blanks_in_row > GAP_LINES:  # more blank lines change nothing
                continue
        else:
            blanks_in_row = 0
            n_content += 1
        window.append(line)
        while n_content > REPEAT_WINDOW:
            first = window.popleft()
            n_content -= not first.blank
            yield from segmenter.step(first, window)
    while window:
        yield from segmenter.step(window.popleft(), window)
    yield from segmenter.finish()


def article_bounds(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets in ``text`` of each article, in order, trimmed of
    surrounding whitespace. Empty for whitespace-only text. See the module docstring."""
    return [(bound.start, bound.end) for bound in iter_bounds(iter_lines(text))]


def article_raw(raw: RawDocument, text: str, origin: str, *, several: bool) -> RawDocument:
    """The raw document of one article of the dump ``raw``: its metadata without the
    dump's title when the dump holds several articles."""
    return RawDocument(
        text=text,
        origin=origin,
        title=None if several else raw.title,
        published=raw.published,
        source=raw.source,
        url=raw.url,
        is_dump=False,
    )


def check_length(text: str, origin: str) -> None:
    """Raise ``InputError`` (one line) for an article longer than ``MAX_ARTICLE_CHARS``."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            origin,
            f"an article of {len(text):,} characters, more than the {MAX_ARTICLE_CHARS:,} "
            "one article may have; split it (a .txt dump given to 'eventwire ingest' or "
            "process_dump is cut into parts)",
            "article too long",
        )


def split_articles(raw: RawDocument) -> list[Document]:
    """One ``Document`` per article of ``raw``; ``[]`` when its text is only whitespace.

    A raw document that is not a dump is one article whose text is ``raw.text``
    unchanged (``InputError`` when it is longer than ``MAX_ARTICLE_CHARS``). A dump is
    split as the module docstring describes: each article's text is an exact slice of
    ``raw.text``; with several articles, the n-th (from 1) has the origin
    ``"{raw.origin}#{n}"`` and a ``raw`` copy without the dump's title.
    """
    if not raw.text.strip():
        return []
    if not raw.is_dump:
        check_length(raw.text, raw.origin)
        return [Document(text=raw.text, origin=raw.origin, raw=raw)]
    bounds = article_bounds(raw.text)
    several = len(bounds) > 1
    docs: list[Document] = []
    for number, (start, end) in enumerate(bounds, start=1):
        text = raw.text[start:end]
        origin = f"{raw.origin}#{number}" if several else raw.origin
        docs.append(
            Document(text=text, origin=origin, raw=article_raw(raw, text, origin, several=several))
        )
    return docs
