"""Search snippets in linear time (for the API's /search).

FTS5's ``snippet()`` scores every window of an article against every phrase of the
query: its cost grows with the product of the two, and, being one function call, it
cannot be interrupted by the request's time budget. Here the query's words become one
regular expression (whole words, any case; ``negotiat*`` a prefix), found in one pass
over each column by the ``re`` engine; a window of ``SNIPPET_SPAN`` characters then
slides over the matches, counting the different query words it holds. The window with
the most different words (then the most matches, then the first) is shown, widened to
``SNIPPET_WORDS`` words. Words with diacritics match only as written (FTS5 also finds
``Sao`` for ``São``: such a hit comes with an unmarked snippet).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

SNIPPET_WORDS = 24
SNIPPET_SPAN = 160  # characters: about SNIPPET_WORDS words of news text
ELLIPSIS = "…"
MAX_SCANNED_CHARS = 200_000  # a column's text beyond this is not looked at
MAX_MATCHES = 2_000  # matches of one column looked at
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class SnippetTerms:
    """The query's words as one pattern (None when it has none)."""

    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, text: str) -> SnippetTerms:
        alternatives: list[str] = []
        for word in text.split():
            core = word.rstrip("*")
            parts = _WORD.findall(core)
            if not parts:
                continue
            prefix = core != word
            for index, part in enumerate(parts):
                last = index == len(parts) - 1
                alternative = re.escape(part) + (r"[^\W_]*" if prefix and last else "")
                if alternative not in alternatives:
                    alternatives.append(alternative)
        if not alternatives:
            return cls(None)
        # Longest first, so that a prefix does not stop a longer word's match short.
        alternatives.sort(key=len, reverse=True)
        body = "|".join(alternatives)
        return cls(re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE))


def snippet(columns: Sequence[str | None], terms: SnippetTerms, open_: str, close: str) -> str:
    """The best window of about ``SNIPPET_WORDS`` words among ``columns`` (title,
    captions, body), its query words between ``open_`` and ``close``, ``…`` where the
    text is cut. Without any match, the start of the first column with text."""
    best: tuple[tuple[int, int], str, list[re.Match[str]]] | None = None
    for column in columns:
        if not column:
            continue
        text = column[:MAX_SCANNED_CHARS]
        matches: list[re.Match[str]] = []
        if terms.pattern is not None:
            for found in terms.pattern.finditer(text):
                matches.append(found)
                if len(matches) >= MAX_MATCHES:
                    break
        score, window = _best_window(matches)
        if best is None or score > best[0]:
            best = (score, text, window)
    if best is None:
        return ""
    _, text, window = best
    return _render(text, window, open_, close)


def _best_window(matches: list[re.Match[str]]) -> tuple[tuple[int, int], list[re.Match[str]]]:
    """The score (different words, matches) of the best run of matches within
    ``SNIPPET_SPAN`` characters, and the run: two pointers, one pass."""
    inside: Counter[str] = Counter()
    best: tuple[tuple[int, int], list[re.Match[str]]] = ((0, 0), [])
    low = 0
    for high, found in enumerate(matches):
        inside[found.group().lower()] += 1
        while found.end() - matches[low].start() > SNIPPET_SPAN:
            gone = matches[low].group().lower()
            inside[gone] -= 1
            if not inside[gone]:
                del inside[gone]
            low += 1
        score = (len(inside), high - low + 1)
        if score > best[0]:
            best = (score, matches[low : high + 1])
    return best


def _render(text: str, window: list[re.Match[str]], open_: str, close: str) -> str:
    """``text`` around the matches of ``window`` (the start of ``text`` without any),
    widened to ``SNIPPET_WORDS`` words, matches marked."""
    if window:
        start, end = window[0].start(), window[-1].end()
    else:
        start = end = 0
    spare = SNIPPET_WORDS - len(_WORD.findall(text, start, end))
    before = list(_WORD.finditer(text, max(0, start - SNIPPET_SPAN * 2), start))
    after = list(_WORD.finditer(text, end, end + SNIPPET_SPAN * 4))
    take_before = min(len(before), max(0, spare // 2))
    take_after = min(len(after), max(0, spare - take_before))
    take_before = min(len(before), max(0, spare - take_after))
    if take_before:
        start = before[-take_before].start()
    if take_after:
        end = after[take_after - 1].end()
    elif not window and after:
        end = after[0].end()
    pieces = [ELLIPSIS] if start > 0 else []
    at = start
    for found in window:
        pieces.append(text[at : found.start()])
        pieces.append(f"{open_}{found.group()}{close}")
        at = found.end()
    pieces.append(text[at:end])
    rest = text[end:]
    pieces.append(ELLIPSIS if _WORD.search(rest) else rest)
    return "".join(pieces)
